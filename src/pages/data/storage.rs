//! Storage: how full the browser's storage is, rescued copies of data that could not be
//! read, and the unreadable data still blocking saves when it could not be moved aside.

use super::Section;
use crate::browser;
use crate::components::modal::Modal;
use crate::format;
use crate::state::{use_app, Usage};
use crate::storage::{LocalStore, ASIDE};
use leptos::prelude::*;

/// A rescued copy's key as a date and time for people ("pipewise.aside.<ms>").
fn rescued_when(key: &str) -> String {
    key.strip_prefix(ASIDE)
        .and_then(|ms| ms.parse::<f64>().ok())
        .map(|ms| {
            String::from(
                js_sys::Date::new(&ms.into()).to_locale_string("default", &js_sys::Object::new()),
            )
        })
        .unwrap_or_else(|| key.to_string())
}

/// Characters as megabytes, a character counted as a byte as in a file on disk (the
/// same measure the size check of chosen files uses).
fn megabytes(chars: usize) -> String {
    // Small amounts in kB, so a fresh demo does not read as "0 MB".
    if chars < 100_000 {
        return format!(
            "{} kB",
            format::number((chars as f64 / 1000.0).max(1.0).round(), 0)
        );
    }
    format!("{} MB", one_decimal(chars as f64 / 1_000_000.0))
}

/// A number with at most one decimal, in the locale ("5.2", "0.1").
fn one_decimal(x: f64) -> String {
    format::number((x * 10.0).round() / 10.0, 1)
}

#[component]
pub fn StorageSection() -> impl IntoView {
    let app = use_app();
    // localStorage does not notify this tab of its own changes: bumped after each one.
    let version = RwSignal::new(0u32);
    let asides = move || {
        version.track();
        LocalStore.asides()
    };
    let deleting = RwSignal::new(None::<String>);
    // What came of the last attempt to merge a rescued copy back: (worked, message).
    let merged = RwSignal::new(None::<(bool, String)>);
    let merge_back = move |key: String| {
        let Some(text) = LocalStore.read_aside(&key) else {
            return;
        };
        let when = rescued_when(&key);
        let anywhere = crate::state::now().anywhere();
        let outcome = match pipewise_core::store::decode(&text) {
            Err(problem) => (false, format!("The copy kept aside {when} still cannot be read: {problem}")),
            Ok(decoded) => match decoded.book.check(anywhere) {
                Err(problem) => (false, format!("The copy kept aside {when} breaks a rule, so nothing was merged: {problem}.")),
                Ok(()) => {
                    let plan = app
                        .book
                        .with_untracked(|ours| pipewise_core::io::plan_merge_with(ours, &decoded.book, crate::browser::day_of));
                    if let Err(problem) = app.merge_in(&decoded.book) {
                        merged.set(Some((false, format!("Nothing was merged: {problem}."))));
                        return;
                    }
                    let added = plan.added_contacts.len() + plan.added_deals.len() + plan.added_tasks.len();
                    let changed = plan.changed_contacts.len() + plan.changed_deals.len() + plan.changed_tasks.len();
                    (true, format!(
                        "Merged the copy kept aside {when} into your data: {added} records added, {changed} updated. You can delete the copy now."
                    ))
                }
            },
        };
        merged.set(Some(outcome));
    };
    let discarding = RwSignal::new(false);
    let share = move || app.usage.get().share();
    let used_text = move || {
        let used = app.usage.get().used;
        format!(
            "{} of about {} used ({} %)",
            megabytes(used),
            megabytes(Usage::QUOTA),
            one_decimal(share() * 100.0)
        )
    };
    let rescued_rows = move || {
        asides()
            .into_iter()
            .map(|(key, len)| {
                let when = rescued_when(&key);
                let download_key = key.clone();
                let delete_key = key.clone();
                let merge_key = key.clone();
                let label_when = when.clone();
                let merge_label = format!("Merge the copy kept aside {when} into my data");
                view! {
                    <li>
                        <span>{format!("Kept aside {when} ({})", megabytes(len))}</span>
                        <button type="button" aria-label=format!("Download the copy kept aside {label_when}") on:click=move |_| {
                            if let Some(text) = LocalStore.read_aside(&download_key) {
                                browser::download(&format!("pipewise-rescued-{}.txt", download_key.trim_start_matches(ASIDE)), "text/plain", &text);
                            }
                        }>"Download"</button>
                        <button type="button" aria-label=merge_label on:click=move |_| merge_back(merge_key.clone())>"Merge into my data"</button>
                        <button type="button" class="danger" aria-label=format!("Delete the copy kept aside {when}") on:click=move |_| deleting.set(Some(delete_key.clone()))>"Delete"</button>
                    </li>
                }
            })
            .collect_view()
    };
    let delete = move |_| {
        if let Some(key) = deleting.get_untracked() {
            let _ = LocalStore.drop_aside(&key);
        }
        deleting.set(None);
        version.update(|v| *v += 1);
    };
    let blocked = move || {
        version.track();
        !app.writable()
    };
    view! {
        <Section title="Storage" about="Browsers give Pipewise about 5 MB. Well over 10,000 deals fit; when it is nearly full, archive old records in a backup.">
            <label for="storage-meter">"Browser storage used"</label>
            <progress id="storage-meter" max=Usage::QUOTA value=move || app.usage.get().used></progress>
            <p>{used_text}</p>
            <Show when=move || !asides().is_empty()>
                <h3>"Rescued copies"</h3>
                <p class="muted">"Saved data that could not be read was kept here untouched. When this version can read it (say, it was set aside by an older version), merge it back into your data; otherwise download it to keep it, then delete it to free space."</p>
                <ul class="rescued">{rescued_rows}</ul>
            </Show>
            {move || merged.get().map(|(worked, text)| if worked {
                view! { <p class="ok" role="status">{text}</p> }.into_any()
            } else {
                view! { <p class="error" role="alert">{text}</p> }.into_any()
            })}
            <Show when=blocked>
                <div class="blocked" role="alert">
                    <p><strong>"Your saved data could not be read, and there was no room to move it aside."</strong> " Pipewise is not saving, so that nothing is overwritten. Download it, then discard it to start saving again."</p>
                    <button type="button" on:click=move |_| {
                        if let Some(text) = LocalStore.read_raw() {
                            browser::download(&format!("pipewise-unreadable-{}.txt", app.today().iso()), "text/plain", &text);
                        }
                    }>"Download the unreadable data"</button>
                    <button type="button" class="danger" on:click=move |_| discarding.set(true)>"Discard it"</button>
                </div>
            </Show>
            <Show when=move || deleting.with(Option::is_some)>
                <Modal title="Delete this rescued copy?" on_close=move |_| deleting.set(None)>
                    <p>"It is deleted for good. Download it first if it may hold records you need."</p>
                    <div class="buttons">
                        <button type="button" on:click=move |_| deleting.set(None)>"Keep it"</button>
                        <button type="button" class="danger" on:click=delete>"Delete the copy"</button>
                    </div>
                </Modal>
            </Show>
            <Show when=move || discarding.get()>
                <Modal title="Discard the unreadable data?" on_close=move |_| discarding.set(false)>
                    <p>"Pipewise then saves what this tab holds in its place. Download the unreadable data first if you have not."</p>
                    <div class="buttons">
                        <button type="button" on:click=move |_| discarding.set(false)>"Keep it"</button>
                        <button type="button" class="danger" on:click=move |_| {
                            app.discard_unreadable();
                            discarding.set(false);
                            version.update(|v| *v += 1);
                        }>"Discard it"</button>
                    </div>
                </Modal>
            </Show>
        </Section>
    }
}
