//! Records as documents and back: ids, bodies, deletions, 64-bit ids through
//! JavaScript, and folding what a teammate pushed, in any order.

use super::common::couch::{javascript, too_wide};
use super::common::{ancestor, copies, edits, id, TODAY};
use super::{at, lived_in, settled, through_javascript};
use pipewise_core::book::{ContactDraft, DealDraft};
use pipewise_core::merge::merge;
use pipewise_core::sync::{book_from, documents, fold, Doc, Kind, Record};
use pipewise_core::TaskId;
use pipewise_core::{Book, ContactId, Day, DealId, Settings, Stage, StepId, Tag};
use proptest::prelude::*;
use std::collections::HashSet;

#[test]
fn a_book_goes_to_documents_and_comes_back_the_same() {
    for book in [
        lived_in(),
        pipewise_core::generator::pipeline(TODAY, 300, 3),
    ] {
        let docs = documents(&book, "ana");
        let gone = &book.gone;
        let records = book.process.steps.len()
            + book.contacts.len()
            + book.deals.len()
            + book.tasks.len()
            + gone.steps.len()
            + gone.contacts.len()
            + gone.deals.len()
            + gone.tasks.len();
        assert_eq!(docs.len(), records, "one document per record");
        let ids: HashSet<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids.len(), docs.len(), "document ids are distinct");
        let back = book_from(&through_javascript(&docs));
        assert_eq!(back.check(TODAY), Ok(()));
        assert_eq!(settled(&back), settled(&book));
        assert_eq!(
            back.settings,
            Settings::default(),
            "settings are not synced"
        );
    }
}

#[test]
fn documents_are_named_and_signed() {
    let book = lived_in();
    let docs = documents(&book, "ana");
    let deal = DealId(id(10));
    let doc = docs
        .iter()
        .find(|d| d.id == format!("deal:{deal}"))
        .unwrap();
    let json = serde_json::to_value(doc).unwrap();
    assert_eq!(json["_id"], format!("deal:{deal}"));
    assert_eq!(json["kind"], "deal");
    assert_eq!(json["rep"], "ana");
    assert!(json.get("_rev").is_none() && json.get("_deleted").is_none());
    assert_eq!(json["record"]["title"], "Deal 0");
    let opened = serde_json::to_value(Day(TODAY.0 - 30)).unwrap();
    assert!(opened.is_string(), "days as ISO text");
    assert_eq!(json["record"]["history"][0]["on"], opened);
    assert_eq!(json["record"]["history"][0]["stage"]["Step"], "1");
    let step = docs.iter().find(|d| d.id == "step:3").unwrap();
    assert_eq!(step.kind(), Some(Kind::Step));
    assert_eq!(
        serde_json::to_value(step).unwrap()["record"]["name"],
        "Meeting"
    );
    let kinds: Vec<&str> = docs
        .iter()
        .filter_map(|d| d.kind())
        .map(Kind::as_str)
        .collect();
    for kind in ["step", "contact", "deal", "task"] {
        assert!(kinds.contains(&kind), "{kind}");
    }
}

#[test]
fn a_removal_travels_as_a_deletion_that_keeps_its_body() {
    let before = ancestor();
    let mut ours = before.clone();
    ours.remove_task(TaskId(id(21)), at(6_000)).unwrap();
    ours.remove_contact(ContactId(id(2)), at(6_001)).unwrap();
    let docs = through_javascript(&documents(&ours, "ana"));
    let task = docs
        .iter()
        .find(|d| d.id == format!("task:{}", TaskId(id(21))))
        .unwrap();
    assert!(task.deleted);
    let json = serde_json::to_value(task).unwrap();
    assert_eq!(json["_deleted"], true);
    assert_eq!(json["record"]["title"], "Call 1", "the body stays");
    assert_eq!(json["record"]["removed"], 6_000);
    let removed: Vec<&str> = docs
        .iter()
        .filter(|d| d.deleted)
        .map(|d| d.id.split(':').next().unwrap())
        .collect();
    // The contact took its deal with it (deal 11 is Ben's).
    assert_eq!(removed, ["contact", "deal", "task"]);

    // A teammate who still has them takes the removals in: gone, and kept in `gone`.
    let theirs = fold(&before, &docs).book;
    assert!(theirs.task(TaskId(id(21))).is_none());
    assert!(theirs.contact(ContactId(id(2))).is_none());
    assert!(theirs.gone.tasks.iter().any(|t| t.id == TaskId(id(21))));
    assert_eq!(theirs.check(TODAY), Ok(()));
    assert_eq!(settled(&theirs), settled(&ours));

    // An edit made after the removal, by someone who had not seen it, brings it back.
    let mut late = before.clone();
    let mut draft = ContactDraft::of(late.contact(ContactId(id(2))).unwrap());
    draft.phone = "+1 555".into();
    late.edit_contact(ContactId(id(2)), draft, at(7_000))
        .unwrap();
    let back = fold(&late, &docs).book;
    assert_eq!(back.contact(ContactId(id(2))).unwrap().phone, "+1 555");
    assert_eq!(back.check(TODAY), Ok(()));
}

/// Every step id made wide (above 2^53), everywhere it is used, ranks too.
fn widen(book: &mut Book) {
    const WIDE: u64 = 1 << 62;
    let wide = |s: &mut StepId| s.0 |= WIDE;
    let stage = |s: &mut Stage| {
        if let Stage::Step(id) = s {
            wide(id)
        }
    };
    for step in book.process.steps.iter_mut().chain(&mut book.gone.steps) {
        wide(&mut step.id);
        step.rank += WIDE;
    }
    for deal in book.deals.iter_mut().chain(&mut book.gone.deals) {
        for change in deal.history.iter_mut().chain(&mut deal.hidden) {
            stage(&mut change.stage);
        }
    }
    for task in book.tasks.iter_mut().chain(&mut book.gone.tasks) {
        if let Tag::Stage(s) = &mut task.tag {
            stage(s);
        }
    }
}

#[test]
fn ids_above_two_to_the_53_survive_javascript_as_text() {
    let mut book = lived_in();
    widen(&mut book);
    assert_eq!(book.check(TODAY), Ok(()));
    let docs = documents(&book, "ana");
    let mut wide = Vec::new();
    for doc in &docs {
        too_wide(&serde_json::to_value(doc).unwrap(), &doc.id, &mut wide);
    }
    assert_eq!(
        wide,
        Vec::<String>::new(),
        "no number JavaScript would round"
    );
    let deal =
        serde_json::to_value(docs.iter().find(|d| d.id.starts_with("deal:")).unwrap()).unwrap();
    let change = &deal["record"]["history"][0];
    assert!(change["id"].is_string() && change["stage"]["Step"].is_string());
    let step = docs.iter().find(|d| d.id.starts_with("step:")).unwrap();
    let id: u64 = step.id["step:".len()..].parse().unwrap();
    assert!(id > 1 << 53);
    assert_eq!(step.record["id"], id.to_string());
    // Through JavaScript and back, nothing moved. (Folded into a book without the
    // default steps, which this book no longer has under their usual ids.)
    let empty = Book {
        process: pipewise_core::Process { steps: Vec::new() },
        ..Book::default()
    };
    let back = fold(&empty, &through_javascript(&docs)).book;
    assert_eq!(back.check(TODAY), Ok(()));
    assert_eq!(settled(&back), settled(&book));

    // Without the text form, JavaScript would have changed them: the test can tell.
    let mut plain = serde_json::to_value(&book.process.steps[0]).unwrap();
    javascript(&mut plain);
    let rounded: pipewise_core::Step = serde_json::from_value(plain).unwrap();
    assert_ne!(rounded.id, book.process.steps[0].id);

    // A body written by another tool with plain numbers (small enough) still reads.
    let mut by_hand = docs[0].clone();
    by_hand.record["id"] = serde_json::json!(by_hand.record["id"]
        .as_str()
        .unwrap()
        .parse::<u64>()
        .unwrap());
    by_hand.record["rank"] = serde_json::json!(12);
    let Ok(Some(Record::Step(step))) = Record::from_doc(&by_hand) else {
        panic!("a step with plain numbers reads");
    };
    assert_eq!(step.rank, 12);
}

#[test]
fn generated_books_put_no_wide_number_in_a_document() {
    let book = pipewise_core::generator::pipeline(TODAY, 500, 11);
    let mut wide = Vec::new();
    for doc in documents(&book, "ana") {
        too_wide(&serde_json::to_value(&doc).unwrap(), &doc.id, &mut wide);
    }
    assert_eq!(wide, Vec::<String>::new());
}

#[test]
fn a_task_whose_deal_has_not_arrived_waits() {
    let mut book = ancestor();
    let fresh = DealId(id(500));
    let draft = DealDraft {
        title: "Fresh".into(),
        contact: ContactId(id(1)),
        currency: "USD".into(),
        ..DealDraft::default()
    };
    book.open_deal(fresh, draft, StepId(1), TODAY, at(9_000))
        .unwrap();
    let task = pipewise_core::book::TaskDraft {
        title: "Send the offer".into(),
        on: TODAY,
        time: None,
        duration: None,
        kind: pipewise_core::TaskKind::Email,
        contact: ContactId(id(1)),
        deal: Some(fresh),
        notes: String::new(),
        tag: None,
    };
    book.log_task(TaskId(id(501)), task, at(9_001)).unwrap();
    let docs = documents(&book, "ana");
    let task_doc = docs
        .iter()
        .find(|d| d.id == format!("task:{}", TaskId(id(501))))
        .unwrap();
    let folded = fold(&ancestor(), std::slice::from_ref(task_doc));
    assert!(folded.waiting.contains(&task_doc.id) && !folded.took(task_doc));
    assert_eq!(folded.book.check(TODAY), Ok(()));
    let deal_doc = docs
        .iter()
        .find(|d| d.id == format!("deal:{fresh}"))
        .unwrap();
    let later = fold(&folded.book, &[task_doc.clone(), deal_doc.clone()]);
    assert!(later.waiting.is_empty());
    assert!(later.book.task(TaskId(id(501))).is_some());
    assert_eq!(later.book.check(TODAY), Ok(()));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Folding a teammate's documents, in any order, is merging their book.
    #[test]
    fn folding_documents_is_merging_the_book(
        edits in edits(),
        seed in any::<u64>(),
    ) {
        let copies = copies(&edits);
        let mut docs = through_javascript(&documents(&copies[1], "ben"));
        fastrand::Rng::with_seed(seed).shuffle(&mut docs);
        let folded = fold(&copies[0], &docs);
        prop_assert!(folded.waiting.is_empty() && folded.unreadable.is_empty());
        prop_assert_eq!(folded.book.check(TODAY), Ok(()));
        prop_assert_eq!(&folded.book, &merge(&copies[0], &copies[1]));
        // Half of them first, the rest later: the same.
        let (first, rest) = docs.split_at(docs.len() / 2);
        let one = fold(&copies[0], first);
        prop_assert_eq!(one.book.check(TODAY), Ok(()));
        let two = fold(&one.book, rest);
        prop_assert_eq!(two.book.check(TODAY), Ok(()));
        let waited: Vec<Doc> = docs
            .iter()
            .filter(|d| one.waiting.contains(&d.id) || two.waiting.contains(&d.id))
            .cloned()
            .collect();
        // What waited comes again with the next pull.
        let three = fold(&two.book, &waited);
        prop_assert!(three.waiting.is_empty());
        prop_assert_eq!(&three.book, &folded.book);
    }
}
