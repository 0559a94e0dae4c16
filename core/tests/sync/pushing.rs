//! Pushing only what changed since the last push, each on the revision it replaces.

use super::at;
use super::common::couch::{Conflict, Couch};
use super::common::{ancestor, id};
use pipewise_core::book::{ContactDraft, DealDraft};
use pipewise_core::sync::{book_from, documents, fold, to_push, Doc, Pushed};
use pipewise_core::{ContactId, ContactType, DealId, TaskId};

#[test]
fn only_what_changed_since_the_last_push_is_pushed() {
    let mut book = ancestor();
    let mut couch = Couch::default();
    let mut pushed = Pushed::new();
    let first = to_push(&book, &pushed, "ana");
    assert_eq!(
        first.len(),
        documents(&book, "ana").len(),
        "everything at first"
    );
    assert!(first.iter().all(|d| d.rev.is_none()));
    for doc in &first {
        let rev = couch.put(doc).unwrap();
        pushed.wrote(doc, &rev);
    }
    assert_eq!(
        to_push(&book, &pushed, "ana"),
        Vec::<Doc>::new(),
        "nothing after a push"
    );
    // Recalled from its summary after a reload, it still knows every document.
    let kept = Pushed::recall(&book, &pushed.summary());
    assert_eq!(kept.len(), pushed.len());
    assert!(
        to_push(&book, &kept, "someone else").is_empty(),
        "who pushes is no content"
    );

    let deal = DealId(id(11));
    let mut draft = DealDraft::of(book.deal(deal).unwrap());
    draft.value = 77;
    book.edit_deal(deal, draft, at(9_000)).unwrap();
    book.remove_task(TaskId(id(20)), at(9_001)).unwrap();
    let draft = ContactDraft {
        name: "Cy New".into(),
        ..ContactDraft::default()
    };
    let fresh = ContactId(id(3));
    book.add_contact(fresh, draft, ContactType::Lead, at(9_002))
        .unwrap();
    let changed = to_push(&book, &pushed, "ana");
    let mut ids: Vec<(&str, bool, bool)> = changed
        .iter()
        .map(|d| (d.id.as_str(), d.deleted, d.rev.is_some()))
        .collect();
    ids.sort();
    let (c, d, t) = (
        format!("contact:{fresh}"),
        format!("deal:{deal}"),
        format!("task:{}", TaskId(id(20))),
    );
    assert_eq!(
        ids,
        [
            (c.as_str(), false, false),
            (d.as_str(), false, true),
            (t.as_str(), true, true)
        ]
    );
    let replaced = pushed.seen(&format!("deal:{deal}")).unwrap().rev.clone();
    for doc in &changed {
        let rev = couch.put(doc).expect("on the revision it replaces");
        pushed.wrote(doc, &rev);
    }
    assert!(to_push(&book, &pushed, "ana").is_empty());

    // A teammate's edit pulled and taken in: seen, so not pushed back.
    let mut theirs = book_from(
        &couch
            .ids()
            .iter()
            .filter_map(|id| couch.winner(id))
            .collect::<Vec<_>>(),
    );
    let mut draft = DealDraft::of(theirs.deal(deal).unwrap());
    draft.title = "Theirs".into();
    theirs.edit_deal(deal, draft, at(9_500)).unwrap();
    let mut their_pushed = pushed.clone();
    for doc in to_push(&theirs, &their_pushed, "ben") {
        let rev = couch.put(&doc).unwrap();
        their_pushed.wrote(&doc, &rev);
    }
    let pulled = couch.winner(&d).unwrap();
    let folded = fold(&book, std::slice::from_ref(&pulled));
    assert!(folded.took(&pulled));
    pushed.saw(&pulled);
    assert!(to_push(&folded.book, &pushed, "ana").is_empty());
    // A stale revision is refused, never written over.
    let stale = Doc {
        rev: replaced,
        ..pulled.clone()
    };
    assert_eq!(couch.put(&stale), Err(Conflict));
}

#[test]
fn after_a_reload_only_records_edited_since_are_pushed_and_their_revision_is_asked_for() {
    let mut book = ancestor();
    let mut couch = Couch::default();
    let mut pushed = Pushed::new();
    for doc in to_push(&book, &pushed, "ana") {
        let rev = couch.put(&doc).unwrap();
        pushed.wrote(&doc, &rev);
    }
    let summary = pushed.summary();
    // Edited while the page was closed (or just before it closed, unpushed).
    let deal = DealId(id(11));
    let mut draft = DealDraft::of(book.deal(deal).unwrap());
    draft.value = 78;
    book.edit_deal(deal, draft, at(9_000)).unwrap();
    let recalled = Pushed::recall(&book, &summary);
    assert!(
        recalled.len() < pushed.len(),
        "the edited record's bucket is not known"
    );
    let again = to_push(&book, &recalled, "ana");
    let d = format!("deal:{deal}");
    assert!(again.iter().any(|doc| doc.id == d), "the edit goes up");
    assert!(
        again.iter().all(|doc| doc.rev.is_none()),
        "on a revision looked up first"
    );
    // Written without its revision, CouchDB refuses it: nothing is overwritten blind.
    let blind = again.iter().find(|doc| doc.id == d).unwrap();
    assert_eq!(couch.put(blind), Err(Conflict));
    // What the app does: take the server's revision in (fold it), then write on it.
    let server = couch.winner(&d).unwrap();
    let folded = fold(&book, std::slice::from_ref(&server));
    let mut known = recalled.clone();
    known.saw(&server);
    let docs = to_push(&folded.book, &known, "ana");
    let on_rev = docs.iter().find(|doc| doc.id == d).unwrap();
    assert_eq!(on_rev.rev, server.rev);
    assert_eq!(on_rev.made_by, "ana", "the maker is kept");
    assert!(couch.put(on_rev).is_ok());
}
