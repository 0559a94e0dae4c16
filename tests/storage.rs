//! The storage adapter in a real browser (headless Chromium via wasm-bindgen-test), with
//! faults injected: corrupt data, a newer schema, another app's data, a full quota,
//! storage missing, and another tab's write. Nothing a user typed may be lost.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use pipewise::state::{AppState, Notice};
use pipewise::storage::{LocalStore, KEY};
use pipewise_core::book::{ContactDraft, Now};
use pipewise_core::{generator, store, Book, ContactId, ContactType, Day, Id};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn raw() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn today() -> Day {
    Day::from_ymd(2026, 11, 29).unwrap()
}

fn add_contact(app: &AppState, n: u128, name: &str) {
    let now = Now {
        today: today(),
        stamp: 1,
    };
    let draft = ContactDraft {
        name: name.into(),
        owner: "Me".into(),
        ..Default::default()
    };
    app.act(move |b| b.add_contact(ContactId(Id(n)), draft.clone(), ContactType::Lead, now))
        .unwrap();
}

fn stored_book() -> Book {
    store::decode(&raw().get_item(KEY).unwrap().unwrap())
        .unwrap()
        .book
}

#[wasm_bindgen_test]
fn a_saved_book_loads_again() {
    raw().clear().unwrap();
    let app = AppState::load();
    app.adopt(&generator::demo(today()));
    app.flush();
    let again = AppState::load();
    assert_eq!(again.notice.get_untracked(), None);
    assert_eq!(again.book.with_untracked(|b| b.deals.len()), 300);
    let shown = |b: &Book| {
        let mut deals: Vec<_> = b
            .deals
            .iter()
            .map(|d| (d.id, d.title.clone(), d.history.len()))
            .collect();
        deals.sort();
        deals
    };
    let demo = generator::demo(today());
    assert!(again.book.with_untracked(|b| shown(b) == shown(&demo)));
    assert_eq!(
        again.book.with_untracked(|b| b.contacts.len()),
        demo.contacts.len()
    );
    assert_eq!(
        again.book.with_untracked(|b| b.tasks.len()),
        demo.tasks.len()
    );
}

fn assert_kept_aside(original: &str) {
    raw().clear().unwrap();
    raw().set_item(KEY, original).unwrap();
    let app = AppState::load();
    let Some(Notice::Rescued {
        key: Some(key),
        reason,
    }) = app.notice.get_untracked()
    else {
        panic!(
            "expected a rescue notice, got {:?}",
            app.notice.get_untracked()
        );
    };
    assert!(!reason.is_empty());
    // The original text is kept byte for byte under its own key, and listed.
    assert_eq!(LocalStore.read_aside(&key).as_deref(), Some(original));
    assert!(LocalStore
        .asides()
        .iter()
        .any(|(k, len)| *k == key && *len == original.chars().count()));
    // New work is saved without touching the rescued copy.
    add_contact(&app, 7, "Ada");
    app.flush();
    assert_eq!(stored_book().contacts.len(), 1);
    assert_eq!(LocalStore.read_aside(&key).as_deref(), Some(original));
}

#[wasm_bindgen_test]
fn corrupt_data_is_kept_aside_untouched() {
    let good = store::encode(&generator::demo(today()), 4);
    let cut: String = good.chars().take(good.chars().count() / 2).collect();
    assert_kept_aside(&cut);
}

/// A newer version's data stays where it is (that version reads it after a reload):
/// this tab says so and writes nothing, even after a change.
#[wasm_bindgen_test]
fn a_newer_schema_is_left_in_place_and_never_written_over() {
    let newer = "pipewise:9:12:一二三四五六";
    raw().clear().unwrap();
    raw().set_item(KEY, newer).unwrap();
    let app = AppState::load();
    assert!(matches!(
        app.notice.get_untracked(),
        Some(Notice::Newer { .. })
    ));
    assert!(!app.writable());
    add_contact(&app, 7, "Ada");
    app.flush();
    assert_eq!(raw().get_item(KEY).unwrap().as_deref(), Some(newer));
    assert!(LocalStore.asides().is_empty(), "nothing moved aside");
}

/// Another tab on a newer version writes: this tab stops writing over it.
#[wasm_bindgen_test]
fn another_tabs_newer_write_stops_this_tab_writing() {
    raw().clear().unwrap();
    let app = AppState::load();
    add_contact(&app, 1, "Mine");
    app.flush();
    let newer = "pipewise:3:77:一二三四";
    raw().set_item(KEY, newer).unwrap();
    add_contact(&app, 2, "Mine after");
    app.flush();
    assert_eq!(raw().get_item(KEY).unwrap().as_deref(), Some(newer));
    assert!(matches!(
        app.notice.get_untracked(),
        Some(Notice::Newer { .. })
    ));
    assert_eq!(
        app.book.with_untracked(|b| b.contacts.len()),
        2,
        "kept in the tab"
    );
}

#[wasm_bindgen_test]
fn another_apps_data_is_kept_aside_untouched() {
    assert_kept_aside("{\"todos\":[1,2,3]}");
}

#[wasm_bindgen_test]
fn a_full_quota_keeps_changes_in_memory_and_retries() {
    raw().clear().unwrap();
    let app = AppState::load();
    add_contact(&app, 1, "Before");
    app.flush();
    // Fill the origin's quota with junk until a write fails.
    let mut junk = 0;
    for size in [512 * 1024, 32 * 1024, 1024, 16] {
        let chunk = "x".repeat(size);
        while raw().set_item(&format!("junk{junk}"), &chunk).is_ok() {
            junk += 1;
        }
    }
    app.adopt(&generator::demo(today()));
    app.flush();
    assert!(matches!(
        app.notice.get_untracked(),
        Some(Notice::Unsaved { .. })
    ));
    assert_eq!(
        app.book.with_untracked(|b| b.deals.len()),
        300,
        "the change stays in memory"
    );
    assert_eq!(
        stored_book().contacts.len(),
        1,
        "the stored data is the last good save"
    );
    // Space is freed: the next change saves everything, the earlier change included.
    for i in 0..=junk {
        raw().remove_item(&format!("junk{i}")).unwrap();
    }
    add_contact(&app, 2, "After");
    app.flush();
    assert_eq!(app.notice.get_untracked(), None);
    let saved = stored_book();
    assert_eq!(saved.deals.len(), 300);
    assert!(saved.contacts.iter().any(|c| c.name == "After"));
}

#[wasm_bindgen_test]
fn another_tabs_write_is_never_overwritten() {
    raw().clear().unwrap();
    let app = AppState::load();
    add_contact(&app, 1, "Mine before");
    app.flush();
    // Another tab saves its own change (revision moves on) before this tab writes.
    let mut theirs = stored_book();
    let now = Now {
        today: today(),
        stamp: 2,
    };
    theirs
        .add_contact(
            ContactId(Id(99)),
            ContactDraft {
                name: "Theirs".into(),
                owner: "Me".into(),
                ..Default::default()
            },
            ContactType::Lead,
            now,
        )
        .unwrap();
    let before = store::peek_revision(&raw().get_item(KEY).unwrap().unwrap());
    raw().set_item(KEY, &store::encode(&theirs, 2)).unwrap();
    add_contact(&app, 3, "Mine after");
    app.flush();
    let names: Vec<String> = stored_book().contacts.into_iter().map(|c| c.name).collect();
    assert!(names.contains(&"Theirs".to_string()), "{names:?}");
    assert!(names.contains(&"Mine after".to_string()), "{names:?}");
    assert!(names.contains(&"Mine before".to_string()), "{names:?}");
    // Every write has a fresh random revision: neither theirs nor the one before.
    let now_stored = store::peek_revision(&raw().get_item(KEY).unwrap().unwrap());
    assert!(now_stored.is_some() && now_stored != Some(2) && now_stored != before);
}

#[wasm_bindgen_test]
fn missing_storage_is_said_plainly_and_work_goes_on() {
    raw().clear().unwrap();
    js_sys::eval(
        "window.__realStorage = Object.getOwnPropertyDescriptor(window, 'localStorage') \
           || Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage'); \
         Object.defineProperty(window, 'localStorage', { configurable: true, \
           get() { throw new DOMException('denied', 'SecurityError'); } })",
    )
    .unwrap();
    let app = AppState::load();
    add_contact(&app, 1, "Offline");
    app.flush();
    let notice = app.notice.get_untracked();
    js_sys::eval("Object.defineProperty(window, 'localStorage', window.__realStorage)").unwrap();
    assert!(
        web_sys::window().unwrap().local_storage().is_ok(),
        "storage restored for the other tests"
    );
    let Some(Notice::Unsaved { reason }) = notice else {
        panic!("expected an unsaved notice, got {notice:?}");
    };
    assert!(reason.contains("private mode"), "{reason}");
    assert_eq!(app.book.with_untracked(|b| b.contacts.len()), 1);
}
