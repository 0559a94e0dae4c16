//! The book as documents, and documents folded into a book through the one merge.

use super::doc::{parse_doc_id, Doc};
use super::wire::{Record, View};
use crate::ids::{ContactId, DealId};
use crate::merge::merge;
use crate::model::{Book, Process, Stage, StepId};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Every record of the book as a document written by `rep`, without `_rev`: steps,
/// contacts, deals, tasks; shown ones live, removed ones deleted with their body.
/// Settings stay out (they are this browser's).
pub fn documents(book: &Book, rep: &str) -> Vec<Doc> {
    let mut out = Vec::with_capacity(count(book));
    each_record(book, |record, deleted| {
        out.push(Doc::new(record.doc_id(), record.to_json(), deleted, rep))
    });
    out
}

/// How many documents the book makes.
fn count(book: &Book) -> usize {
    let gone = &book.gone;
    book.process.steps.len()
        + book.contacts.len()
        + book.deals.len()
        + book.tasks.len()
        + gone.steps.len()
        + gone.contacts.len()
        + gone.deals.len()
        + gone.tasks.len()
}

/// Calls `f` with every record of the book and whether its document is deleted.
pub(crate) fn each_record(book: &Book, mut f: impl FnMut(View, bool)) {
    let gone = &book.gone;
    for (steps, deleted) in [(&book.process.steps, false), (&gone.steps, true)] {
        steps.iter().for_each(|s| f(View::Step(s), deleted));
    }
    for (contacts, deleted) in [(&book.contacts, false), (&gone.contacts, true)] {
        contacts.iter().for_each(|c| f(View::Contact(c), deleted));
    }
    for (deals, deleted) in [(&book.deals, false), (&gone.deals, true)] {
        deals.iter().for_each(|d| f(View::Deal(d), deleted));
    }
    for (tasks, deleted) in [(&book.tasks, false), (&gone.tasks, true)] {
        tasks.iter().for_each(|t| f(View::Task(t), deleted));
    }
}

/// What folding a batch of documents did.
#[derive(Clone, Debug, PartialEq)]
pub struct Folded {
    /// The book merged with every record the batch could give it.
    pub book: Book,
    /// Documents held back: their record refers to one that neither the book nor the
    /// batch has yet (a task whose deal has not arrived). Fold them again with a later
    /// batch.
    pub waiting: BTreeSet<String>,
    /// Documents whose body is not a record this version can read, and why. They are
    /// never noted as seen, so nothing is written over them: a push on the revision
    /// before them gets a 409.
    pub unreadable: BTreeMap<String, String>,
}

impl Folded {
    /// Whether the document was taken in (or had nothing to give): only then is it noted
    /// as what the server holds (`Pushed::saw`).
    pub fn took(&self, doc: &Doc) -> bool {
        parse_doc_id(&doc.id).is_some()
            && !self.waiting.contains(&doc.id)
            && !self.unreadable.contains_key(&doc.id)
    }
}

/// `docs` (pulled from the server, in any order) merged into `book` with the one merge:
/// a partial book of their records, merged like a teammate's backup. Our settings stay.
/// Merging is commutative, associative and idempotent, so the order in which documents
/// arrive, and pulling one twice, make no difference.
pub fn fold(book: &Book, docs: &[Doc]) -> Folded {
    let mut unreadable = BTreeMap::new();
    let mut records = Vec::with_capacity(docs.len());
    for doc in docs {
        match Record::from_doc(doc) {
            Ok(Some(record)) => records.push(record),
            Ok(None) => {}
            Err(why) => {
                unreadable.insert(doc.id.clone(), why);
            }
        }
    }
    let waiting = hold_back(book, &mut records);
    let mut partial = Book {
        process: Process { steps: Vec::new() },
        settings: book.settings.clone(),
        ..Book::default()
    };
    for record in records {
        match record {
            Record::Step(s) => partial.process.steps.push(s),
            Record::Contact(c) => partial.contacts.push(c),
            Record::Deal(d) => partial.deals.push(d),
            Record::Task(t) => partial.tasks.push(t),
        }
    }
    Folded {
        book: merge(book, &partial),
        waiting,
        unreadable,
    }
}

/// The book a browser joining the team starts from: every document folded into a new
/// book (the default steps are everyone's, so they are the base). Documents that
/// cannot be taken in yet are left out; [`fold`] says which.
pub fn book_from(docs: &[Doc]) -> Book {
    fold(&Book::default(), docs).book
}

/// Takes out the records that refer to a contact, deal or step that neither the book
/// (shown or removed) nor the batch has, and returns their document ids. A batch can end
/// between a task and its deal, and replication between servers brings documents in no
/// particular order; merging them now would leave the book pointing at nothing.
fn hold_back(book: &Book, records: &mut Vec<Record>) -> BTreeSet<String> {
    let gone = &book.gone;
    let mut contacts: HashSet<ContactId> = book
        .contacts
        .iter()
        .chain(&gone.contacts)
        .map(|c| c.id)
        .collect();
    let mut steps: HashSet<StepId> = book
        .process
        .steps
        .iter()
        .chain(&gone.steps)
        .map(|s| s.id)
        .collect();
    let mut deals: HashSet<DealId> = book.deals.iter().chain(&gone.deals).map(|d| d.id).collect();
    for record in records.iter() {
        match record {
            Record::Contact(c) => {
                contacts.insert(c.id);
            }
            Record::Step(s) => {
                steps.insert(s.id);
            }
            _ => {}
        }
    }
    let mut waiting = BTreeSet::new();
    // Deals first: a task waits for its deal.
    records.retain(|record| {
        let Record::Deal(d) = record else {
            return true;
        };
        let known = |stage: Stage| match stage {
            Stage::Step(id) => steps.contains(&id),
            Stage::Won | Stage::Lost => true,
        };
        let ready = contacts.contains(&d.contact)
            && d.history.iter().chain(&d.hidden).all(|c| known(c.stage));
        if ready {
            deals.insert(d.id);
        } else {
            waiting.insert(record.doc_id());
        }
        ready
    });
    records.retain(|record| {
        let Record::Task(t) = record else {
            return true;
        };
        let ready = contacts.contains(&t.contact) && t.deal.is_none_or(|d| deals.contains(&d));
        if !ready {
            waiting.insert(record.doc_id());
        }
        ready
    });
    waiting
}

/// What folding `docs` decides over edits of ours not yet pushed: the fields both sides
/// edited and which edit was kept (newest wins), removals undone by a later edit, in the
/// words of a backup merge's preview (`io::plan_merge_with`). Given the pulled documents
/// of records this browser has unpushed edits of, so that no edit is dropped silently.
pub fn overruled(
    book: &Book,
    docs: &[Doc],
    day_of: impl Fn(crate::model::Stamp) -> crate::day::Day,
) -> Vec<String> {
    let mut theirs = Book {
        process: Process { steps: Vec::new() },
        settings: book.settings.clone(),
        ..Book::default()
    };
    for doc in docs {
        match Record::from_doc(doc) {
            Ok(Some(Record::Step(s))) => theirs.process.steps.push(s),
            Ok(Some(Record::Contact(c))) => theirs.contacts.push(c),
            Ok(Some(Record::Deal(d))) => theirs.deals.push(d),
            Ok(Some(Record::Task(t))) => theirs.tasks.push(t),
            _ => {}
        }
    }
    if theirs.process.steps.is_empty()
        && theirs.contacts.is_empty()
        && theirs.deals.is_empty()
        && theirs.tasks.is_empty()
    {
        return Vec::new();
    }
    // The preview speaks of two files; here the other side is a teammate's browser.
    let words = [
        ("changed in both files", "changed here and by a teammate"),
        ("in their file", "by a teammate"),
        ("(their file,", "(the teammate's,"),
        ("(your file,", "(yours,"),
        ("in both files", "here and by a teammate"),
    ];
    let lines = crate::io::plan_merge_with(book, &theirs, day_of).conflicts;
    lines
        .into_iter()
        .map(|line| words.iter().fold(line, |l, (from, to)| l.replace(from, to)))
        .collect()
}
