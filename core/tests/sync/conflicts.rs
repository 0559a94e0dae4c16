//! Settling the leaves of a conflict through the merge, on CouchDB's own winner.

use super::common::{ancestor, copies, edits, id};
use super::{at, doc_of, leaf, through_javascript};
use pipewise_core::book::{ContactDraft, DealDraft};
use pipewise_core::merge::merge;
use pipewise_core::sync::{documents, fold, settle_leaves, Record};
use pipewise_core::{ContactId, DealId};
use proptest::prelude::*;

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

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// What keeps two servers from passing a document back and forth: the leaves that
    /// settled books write settle to themselves. One leaf, or the same record written
    /// twice by two reps, asks for no rewrite (only the spare leaf's deletion).
    #[test]
    fn settling_what_a_settled_book_wrote_writes_nothing(edits in edits()) {
        let copies = copies(&edits);
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
