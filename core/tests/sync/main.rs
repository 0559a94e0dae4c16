//! Team sync's pure half (core/src/sync.rs): records as CouchDB documents and back,
//! removals as deletions with bodies, 64-bit ids through JavaScript, conflicts settled
//! by the merge, and pushing only what changed. The property test runs two reps, each
//! with their own server, editing, syncing and replicating in random order, until they
//! agree: they must end with the same book, lose nothing, and agree with the merge.
//!
//! Sections: `documents` (mapping and folding), `conflicts` (settling leaves), `pushing`
//! (what changed since the last push), `replicas` (two reps and their servers), `scale`
//! (the 10k pipeline). `common/couch.rs` is the CouchDB in memory they run against.

#[path = "../common/mod.rs"]
mod common;

mod conflicts;
mod documents;
mod pushing;
mod replicas;
mod scale;

use common::couch::javascript;
use common::{ancestor, id, TODAY};
use pipewise_core::book::Now;
use pipewise_core::merge::merge;
use pipewise_core::sync::{documents, Doc};
use pipewise_core::{Book, ContactId, ContactType, DealId, Settings, Stamp, StepId};

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
