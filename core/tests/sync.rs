//! Team sync's pure half (core/src/sync.rs): records as CouchDB documents and back,
//! removals as deletions with bodies, 64-bit ids through JavaScript, conflicts settled
//! by the merge, and pushing only what changed. The property test runs two reps, each
//! with their own server, editing, syncing and replicating in random order, until they
//! agree: they must end with the same book, lose nothing, and agree with the merge.

mod common;

use common::couch::{javascript, too_wide, Conflict, Couch};
use common::{ancestor, apply, id, keeps_everything, Edit, TODAY};
use pipewise_core::book::{ContactDraft, DealDraft, Now};
use pipewise_core::merge::merge;
use pipewise_core::sync::{
    book_from, documents, fold, settle_leaves, to_push, Doc, Kind, Pushed, Record,
};
use pipewise_core::{Book, ContactId, ContactType, Day, DealId, Settings, Stage, Stamp, StepId};
use pipewise_core::{Tag, TaskId};
use proptest::prelude::*;
use std::collections::HashSet;
use std::time::Instant;

fn at(stamp: Stamp) -> Now {
    Now {
        today: TODAY,
        stamp,
    }
}

/// The book as the merge leaves it, with this browser's settings set aside (they are
/// not synced).
fn settled(book: &Book) -> Book {
    Book {
        settings: Settings::default(),
        ..merge(book, book)
    }
}

/// Documents as they come back from a server: written as JSON, numbers through
/// JavaScript's doubles, read again.
fn through_javascript(docs: &[Doc]) -> Vec<Doc> {
    docs.iter()
        .map(|doc| {
            let mut value = serde_json::to_value(doc).unwrap();
            javascript(&mut value);
            serde_json::from_str(&value.to_string()).unwrap()
        })
        .collect()
}

/// The ancestor after a few edits that leave something in every part of the book:
/// a removed contact (with its deal and task), a removed stage change, a custom step,
/// a removed step, a won deal.
fn lived_in() -> Book {
    let mut book = ancestor();
    let deal = DealId(id(10));
    book.win_deal(deal, TODAY, "signed", at(5_000)).unwrap();
    let other = DealId(id(12));
    let change = book.deal(other).unwrap().history[1].id;
    book.remove_stage_change(other, change, at(5_001)).unwrap();
    book.add_step("Trial", 2, at(5_002)).unwrap();
    book.remove_step(StepId(7), at(5_003)).unwrap();
    book.remove_contact(ContactId(id(2)), at(5_004)).unwrap();
    book.mark_contact(ContactId(id(1)), ContactType::Prospect, TODAY, at(5_005))
        .unwrap();
    book
}

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

fn leaf(doc: &Doc, rev: &str) -> Doc {
    Doc {
        rev: Some(rev.into()),
        ..doc.clone()
    }
}

fn doc_of(book: &Book, id: &str, rep: &str) -> Doc {
    documents(book, rep)
        .into_iter()
        .find(|d| d.id == id)
        .unwrap()
}

#[test]
fn conflicting_leaves_are_joined_on_couchdbs_winner() {
    let base = ancestor();
    let deal = DealId(id(10));
    let doc_id = format!("deal:{deal}");
    let (mut a, mut b) = (base.clone(), base.clone());
    let mut draft = DealDraft::of(a.deal(deal).unwrap());
    draft.value = 5_000;
    a.edit_deal(deal, draft, at(8_000)).unwrap();
    let mut draft = DealDraft::of(b.deal(deal).unwrap());
    draft.title = "Renamed".into();
    b.edit_deal(deal, draft, at(8_001)).unwrap();
    let ours = leaf(&doc_of(&a, &doc_id, "ana"), "2-aaaa");
    let theirs = leaf(&doc_of(&b, &doc_id, "ben"), "2-bbbb");

    let settled = settle_leaves(&[ours.clone(), theirs.clone()], "ana").unwrap();
    let doc = settled.doc.clone().unwrap();
    assert_eq!(
        doc.rev.as_deref(),
        Some("2-bbbb"),
        "CouchDB's winner: greater hash"
    );
    assert!(settled.rewrite);
    assert_eq!(settled.losing_revs(), ["2-aaaa"]);
    let Ok(Some(Record::Deal(joined))) = Record::from_doc(&doc) else {
        panic!("a deal")
    };
    assert_eq!((joined.value, joined.title.as_str()), (5_000, "Renamed"));
    assert_eq!(
        joined,
        merge(&a, &b).deal(deal).unwrap().clone(),
        "the same as the merge of the books"
    );
    // The writes: the record on the winner, a bodiless deletion of the loser.
    let writes = settled.writes();
    assert_eq!(writes.len(), 2);
    let deletion = serde_json::to_value(&writes[1]).unwrap();
    assert_eq!(deletion["_rev"], "2-aaaa");
    assert_eq!(deletion["_deleted"], true);
    assert!(deletion.get("record").is_none());

    // The order of the leaves, and who settles, change nothing in what is written.
    let again = settle_leaves(&[theirs.clone(), ours.clone()], "ben").unwrap();
    assert_eq!(again.doc.unwrap().record, doc.record);
    // Settled once, there is nothing left to do.
    let written = leaf(&doc, "3-cccc");
    let gone = leaf(&writes[1], "3-dddd");
    let done = settle_leaves(&[written.clone(), gone], "ben").unwrap();
    assert!(!done.rewrite && done.writes().is_empty());
    assert_eq!(done.doc, Some(written));
}

#[test]
fn a_removal_that_lost_to_an_older_edit_still_wins_the_settle() {
    let base = ancestor();
    let contact = ContactId(id(1));
    let doc_id = format!("contact:{contact}");
    let (mut edited, mut removed) = (base.clone(), base.clone());
    let mut draft = ContactDraft::of(edited.contact(contact).unwrap());
    draft.phone = "+1 000".into();
    edited.edit_contact(contact, draft, at(8_000)).unwrap();
    removed.remove_contact(contact, at(8_005)).unwrap();
    let live = leaf(&doc_of(&edited, &doc_id, "ben"), "2-ffff");
    let deletion = leaf(&doc_of(&removed, &doc_id, "ana"), "2-0000");
    assert!(deletion.deleted && !deletion.record.is_null());
    let settled = settle_leaves(&[deletion, live], "ana").unwrap();
    let doc = settled.doc.unwrap();
    assert_eq!(
        doc.rev.as_deref(),
        Some("2-ffff"),
        "CouchDB shows the live leaf"
    );
    assert!(doc.deleted, "but the removal is the newer change");
    assert!(settled.rewrite && settled.deletions.is_empty());
    assert_eq!(
        doc.record["phone"], "+1 000",
        "and the edit it saw stays in its body"
    );
}

#[test]
fn a_leaf_this_version_cannot_read_is_not_settled_over() {
    let book = ancestor();
    let good = leaf(&documents(&book, "ana")[0], "2-aa");
    let mut newer = leaf(&good, "2-bb");
    newer.record = serde_json::json!({"written by": "Pipewise 9"});
    assert!(settle_leaves(&[good.clone(), newer.clone()], "ana").is_err());
    let folded = fold(&book, &[newer.clone()]);
    assert!(!folded.took(&newer) && folded.unreadable.contains_key(&newer.id));
    assert_eq!(folded.book, merge(&book, &book));
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
    // Kept in localStorage and read back, it still knows.
    let kept: Pushed = serde_json::from_str(&serde_json::to_string(&pushed).unwrap()).unwrap();
    assert_eq!(kept, pushed);
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
        rev: Some(replaced),
        ..pulled.clone()
    };
    assert_eq!(couch.put(&stale), Err(Conflict));
}

/// One rep's browser: the book, what its server holds, and the leaves it has looked at.
struct Replica {
    rep: &'static str,
    book: Book,
    pushed: Pushed,
    looked: HashSet<(String, String)>,
}

impl Replica {
    fn new(rep: &'static str) -> Replica {
        Replica {
            rep,
            book: ancestor(),
            pushed: Pushed::new(),
            looked: HashSet::new(),
        }
    }

    /// What the app will do against its server: for every document with a leaf not
    /// looked at yet (what `_changes` reports), settle its leaves and write that, then
    /// fold what the server shows; then push what differs. Returns the writes and the
    /// 409s (both mean "not done yet").
    fn sync(&mut self, couch: &mut Couch, order: u64) -> usize {
        let mut busy = 0;
        let mut pulled = Vec::new();
        for id in couch.ids() {
            let leaves = couch.leaves(&id);
            let fresh = leaves
                .iter()
                .any(|l| !self.looked.contains(&(id.clone(), l.rev.clone().unwrap())));
            if !fresh {
                continue;
            }
            let settled = settle_leaves(&leaves, self.rep).expect("every leaf reads");
            for doc in settled.writes() {
                couch.put(&doc).expect("a settle writes on leaves");
                busy += 1;
            }
            pulled.extend(settled.doc);
            pulled.push(couch.winner(&id).unwrap());
        }
        // In any order.
        let mut rng = fastrand::Rng::with_seed(order);
        rng.shuffle(&mut pulled);
        let folded = fold(&self.book, &pulled);
        assert_eq!(folded.unreadable.len(), 0);
        self.book = folded.book.clone();
        for doc in pulled.iter().filter(|d| folded.took(d)) {
            if let Some(winner) = couch.winner(&doc.id) {
                self.pushed.saw(&winner);
            }
            for leaf in couch.leaves(&doc.id) {
                self.looked.insert((doc.id.clone(), leaf.rev.unwrap()));
            }
        }
        for doc in to_push(&self.book, &self.pushed, self.rep) {
            // A 409 (`Conflict`) leaves it for the next round, after a pull.
            if let Ok(rev) = couch.put(&doc) {
                self.pushed.wrote(&doc, &rev);
                self.looked.insert((doc.id.clone(), rev));
            }
            busy += 1;
        }
        busy
    }
}

#[derive(Clone, Debug)]
enum Op {
    Edit(Edit),
    Sync(usize),
    /// Some documents (those whose place matches the mask) from one server to the other.
    Replicate(usize, u64),
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    let op = (
        0u8..10,
        0usize..2,
        0u8..24,
        0usize..64,
        0usize..64,
        0i32..3,
        any::<u64>(),
    )
        .prop_map(|(op, rep, what, a, b, days_back, mask)| match op {
            0..=4 => Op::Edit(Edit {
                rep,
                what,
                a,
                b,
                days_back,
            }),
            5..=7 => Op::Sync(rep),
            _ => Op::Replicate(rep, mask),
        });
    prop::collection::vec(op, 1..60)
}

/// Everything over, both ways.
fn replicate_all(couches: &mut [Couch; 2]) {
    let [a, b] = couches;
    a.replicate_to(b, |_, _| true);
    b.replicate_to(a, |_, _| true);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Two reps edit, sync with their own server (or one they share) and the servers
    /// replicate parts of themselves, all in random order; then everyone syncs until
    /// nothing is left to write. They end with the same book, which keeps every rule,
    /// holds everything either rep ever had (unless a newer edit replaced it), is the
    /// merge of their books, and no document is left in conflict.
    #[test]
    fn two_reps_syncing_in_any_order_end_alike_and_lose_nothing(
        ops in ops(),
        shared in prop::bool::weighted(0.25),
    ) {
        let mut reps = [Replica::new("ana"), Replica::new("ben")];
        let mut couches = [Couch::default(), Couch::default()];
        let server = |r: usize| if shared { 0 } else { r };
        let mut fresh = 0;
        let mut seen: Vec<Book> = Vec::new();
        for (i, op) in ops.iter().enumerate() {
            match op {
                Op::Edit(e) => {
                    let r = e.rep % 2;
                    let copies = [reps[0].book.clone(), reps[1].book.clone()];
                    let stamp = 10_000 + i as Stamp * 10;
                    apply(&mut reps[r].book, e, stamp, &copies, &mut fresh);
                    seen.push(reps[r].book.clone());
                }
                Op::Sync(r) => {
                    reps[*r].sync(&mut couches[server(*r)], i as u64);
                    seen.push(reps[*r].book.clone());
                }
                Op::Replicate(from, mask) if !shared => {
                    let [a, b] = &mut couches;
                    let (src, dst) = if *from == 0 { (a, b) } else { (b, a) };
                    src.replicate_to(dst, |n, _| mask >> (n % 64) & 1 == 1);
                }
                Op::Replicate(..) => {}
            }
        }
        let before = merge(&reps[0].book, &reps[1].book);
        let mut rounds = 0;
        loop {
            prop_assert!(rounds < 12, "sync does not settle down");
            rounds += 1;
            if !shared {
                replicate_all(&mut couches);
            }
            let busy = reps[0].sync(&mut couches[server(0)], 1_000 + rounds)
                + reps[1].sync(&mut couches[server(1)], 2_000 + rounds);
            if busy == 0 {
                break;
            }
        }
        let [a, b] = &reps;
        prop_assert_eq!(&a.book, &b.book, "both reps hold the same book");
        prop_assert_eq!(a.book.check(TODAY), Ok(()));
        prop_assert_eq!(&a.book, &before, "sync ends where the merge of their books does");
        for couch in &couches[..if shared { 1 } else { 2 }] {
            prop_assert_eq!(couch.conflicted(), Vec::<String>::new());
        }
        for rep in &reps {
            prop_assert!(to_push(&rep.book, &rep.pushed, rep.rep).is_empty());
        }
        for copy in &seen {
            if let Err(lost) = keeps_everything(copy, &a.book) {
                prop_assert!(false, "{}", lost);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Folding a teammate's documents, in any order, is merging their book.
    #[test]
    fn folding_documents_is_merging_the_book(
        edits in common::edits(),
        seed in any::<u64>(),
    ) {
        let base = ancestor();
        let mut copies = vec![base.clone(), base.clone(), base];
        let mut fresh = 0;
        for (i, e) in edits.iter().enumerate() {
            let snapshot = copies.clone();
            apply(&mut copies[e.rep], e, 10_000 + i as Stamp * 10, &snapshot, &mut fresh);
        }
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

    /// What keeps two servers from passing a document back and forth: the leaves that
    /// settled books write settle to themselves. One leaf, or the same record written
    /// twice by two reps, asks for no rewrite (only the spare leaf's deletion).
    #[test]
    fn settling_what_a_settled_book_wrote_writes_nothing(edits in common::edits()) {
        let base = ancestor();
        let mut copies = vec![base.clone(), base.clone(), base];
        let mut fresh = 0;
        for (i, e) in edits.iter().enumerate() {
            let snapshot = copies.clone();
            apply(&mut copies[e.rep], e, 10_000 + i as Stamp * 10, &snapshot, &mut fresh);
        }
        // Settled as every book that syncs is (each pull merges). A book fresh from its
        // own events can hold a history the merge orders otherwise; its first settle
        // rewrites it once, which its next pull takes in.
        let book = merge(&copies[0], &copies[0]);
        let ana = through_javascript(&documents(&book, "ana"));
        let ben = through_javascript(&documents(&book, "ben"));
        for (a, b) in ana.iter().zip(&ben) {
            let alone = settle_leaves(&[leaf(a, "1-aa")], "cy").unwrap();
            prop_assert!(!alone.rewrite && alone.writes().is_empty(), "{}", a.id);
            let twice = settle_leaves(&[leaf(a, "1-aa"), leaf(b, "1-bb")], "cy").unwrap();
            prop_assert!(!twice.rewrite, "{}", a.id);
            let spare = if a.deleted { Vec::<&str>::new() } else { vec!["1-aa"] };
            prop_assert_eq!(twice.losing_revs(), spare);
        }
    }
}

#[test]
fn ten_thousand_deals_map_to_documents_quickly() {
    let today = Day::from_ymd(2026, 5, 14).unwrap();
    let book = pipewise_core::generator::pipeline(today, 10_000, 1);
    let clock = Instant::now();
    let docs = documents(&book, "ana");
    let mapped = clock.elapsed();
    let count = |kind: Kind| docs.iter().filter(|d| d.kind() == Some(kind)).count();
    println!(
        "sync: 10k pipeline → {} documents ({} steps, {} contacts, {} deals, {} tasks) in {mapped:?}",
        docs.len(),
        count(Kind::Step),
        count(Kind::Contact),
        count(Kind::Deal),
        count(Kind::Task),
    );
    // About 10k contacts and 30k tasks beside the deals (the generator's mix).
    assert_eq!(count(Kind::Deal), 10_000);
    assert!(count(Kind::Contact) > 9_000 && count(Kind::Task) > 25_000);

    let clock = Instant::now();
    let text: Vec<String> = docs
        .iter()
        .map(|d| serde_json::to_string(d).unwrap())
        .collect();
    let bytes: usize = text.iter().map(String::len).sum();
    println!(
        "sync: as JSON text in {:?}, {} MB",
        clock.elapsed(),
        bytes / 1_000_000
    );

    let clock = Instant::now();
    let pulled: Vec<Doc> = text
        .iter()
        .map(|t| serde_json::from_str(t).unwrap())
        .collect();
    let back = book_from(&pulled);
    println!(
        "sync: parsed and folded into a new book in {:?}",
        clock.elapsed()
    );
    assert_eq!(back.deals.len(), 10_000);
    assert_eq!(back.check(today), Ok(()));

    let mut pushed = Pushed::new();
    for (i, doc) in docs.iter().enumerate() {
        pushed.wrote(
            doc,
            &format!("1-{:032x}", i as u128 * 0x9e37_79b9_7f4a_7c15),
        );
    }
    let clock = Instant::now();
    let nothing = to_push(&book, &pushed, "ana");
    println!(
        "sync: to_push with nothing changed in {:?}",
        clock.elapsed()
    );
    assert!(nothing.is_empty());
    let clock = Instant::now();
    let packed = pushed.to_text();
    println!(
        "sync: what was pushed packs into {} UTF-16 units in {:?}",
        packed.encode_utf16().count(),
        clock.elapsed()
    );
    assert_eq!(Pushed::from_text(&packed).unwrap(), pushed);
}
