//! The join: both copies' registers, each with the newer value, and history entries
//! united by id; then settled.

use super::settle::settle;
use crate::model::{
    Book, ChangeId, Contact, Deal, Gone, Process, Settings, StageChange, Stamp, Step, Task,
    TypeChange,
};
use std::collections::BTreeMap;

/// `a` and `b` as one book: joined register by register, then settled. The same for
/// `merge(a, b)` and `merge(b, a)`; merging a book with itself gives it back.
pub fn merge(a: &Book, b: &Book) -> Book {
    let mut book = join(a, b);
    settle(&mut book);
    book
}

/// The registers of both books, each with the newer value; not yet settled.
pub fn join(a: &Book, b: &Book) -> Book {
    let steps = join_by(all_steps(a), all_steps(b), |s| s.id, join_step);
    let contacts = join_by(
        a.contacts.iter().chain(&a.gone.contacts),
        b.contacts.iter().chain(&b.gone.contacts),
        |c| c.id,
        join_contact,
    );
    let deals = join_by(
        a.deals.iter().chain(&a.gone.deals),
        b.deals.iter().chain(&b.gone.deals),
        |d| d.id,
        join_deal,
    );
    let tasks = join_by(
        a.tasks.iter().chain(&a.gone.tasks),
        b.tasks.iter().chain(&b.gone.tasks),
        |t| t.id,
        join_task,
    );
    // Everything goes in as shown; `settle` sorts out what is gone.
    Book {
        process: Process { steps },
        contacts,
        deals,
        tasks,
        settings: join_settings(&a.settings, &b.settings),
        gone: Gone::default(),
    }
}

fn all_steps(book: &Book) -> impl Iterator<Item = &Step> {
    book.process.steps.iter().chain(&book.gone.steps)
}

/// Both sides' records by id (in id order, so the result does not depend on which side
/// is which), records on both sides joined.
fn join_by<'a, T: Clone + PartialEq + 'a, K: Ord>(
    a: impl Iterator<Item = &'a T>,
    b: impl Iterator<Item = &'a T>,
    id: impl Fn(&T) -> K,
    join: impl Fn(&T, &T) -> T,
) -> Vec<T> {
    let mut all: BTreeMap<K, T> = BTreeMap::new();
    for record in a.chain(b) {
        match all.get_mut(&id(record)) {
            // Most records are the same on both sides: nothing to join.
            Some(kept) if kept == record => {}
            Some(kept) => *kept = join(kept, record),
            None => {
                all.insert(id(record), record.clone());
            }
        }
    }
    all.into_values().collect()
}

/// One register: the value with the newer stamp wins; at equal stamps the greater value,
/// so the outcome never depends on the order of the sides.
pub(crate) fn pick<T: Ord + Clone>(
    value: &mut T,
    stamp: &mut Stamp,
    other: &T,
    other_stamp: Stamp,
) {
    if (other_stamp, other) > (*stamp, &*value) {
        *value = other.clone();
        *stamp = other_stamp;
    }
}

fn join_step(a: &Step, b: &Step) -> Step {
    let mut out = a.clone();
    pick(
        &mut out.name,
        &mut out.stamps[Step::NAME],
        &b.name,
        b.stamps[Step::NAME],
    );
    pick(
        &mut out.stuck_after,
        &mut out.stamps[Step::STUCK_AFTER],
        &b.stuck_after,
        b.stamps[Step::STUCK_AFTER],
    );
    pick(
        &mut out.rank,
        &mut out.stamps[Step::RANK],
        &b.rank,
        b.stamps[Step::RANK],
    );
    out.removed = a.removed.max(b.removed);
    out
}

fn join_settings(a: &Settings, b: &Settings) -> Settings {
    let mut out = a.clone();
    pick(
        &mut out.currency,
        &mut out.stamps[0],
        &b.currency,
        b.stamps[0],
    );
    pick(&mut out.me, &mut out.stamps[1], &b.me, b.stamps[1]);
    out
}

fn join_contact(a: &Contact, b: &Contact) -> Contact {
    let mut out = a.clone();
    let s = &b.stamps;
    pick(&mut out.name, &mut out.stamps[0], &b.name, s[0]);
    pick(&mut out.company, &mut out.stamps[1], &b.company, s[1]);
    pick(&mut out.email, &mut out.stamps[2], &b.email, s[2]);
    pick(&mut out.phone, &mut out.stamps[3], &b.phone, s[3]);
    pick(&mut out.owner, &mut out.stamps[4], &b.owner, s[4]);
    pick(&mut out.source, &mut out.stamps[5], &b.source, s[5]);
    pick(&mut out.notes, &mut out.stamps[6], &b.notes, s[6]);
    let entries = join_entries(
        a.types.iter().chain(&a.hidden_types),
        b.types.iter().chain(&b.hidden_types),
        |t| t.id,
        join_type_change,
    );
    out.types = Vec::new();
    out.hidden_types = entries;
    out.edited = a.edited.max(b.edited);
    out.removed = a.removed.max(b.removed);
    out
}

fn join_deal(a: &Deal, b: &Deal) -> Deal {
    let mut out = a.clone();
    let s = &b.stamps;
    pick(&mut out.title, &mut out.stamps[0], &b.title, s[0]);
    pick(&mut out.contact, &mut out.stamps[1], &b.contact, s[1]);
    pick(&mut out.owner, &mut out.stamps[2], &b.owner, s[2]);
    pick(&mut out.value, &mut out.stamps[3], &b.value, s[3]);
    pick(&mut out.currency, &mut out.stamps[4], &b.currency, s[4]);
    pick(&mut out.source, &mut out.stamps[5], &b.source, s[5]);
    pick(
        &mut out.expected_close,
        &mut out.stamps[6],
        &b.expected_close,
        s[6],
    );
    pick(&mut out.notes, &mut out.stamps[7], &b.notes, s[7]);
    out.history = Vec::new();
    out.hidden = join_entries(
        a.history.iter().chain(&a.hidden),
        b.history.iter().chain(&b.hidden),
        |c| c.id,
        join_stage_change,
    );
    out.edited = a.edited.max(b.edited);
    out.removed = a.removed.max(b.removed);
    out
}

fn join_task(a: &Task, b: &Task) -> Task {
    let mut out = a.clone();
    let s = &b.stamps;
    pick(&mut out.title, &mut out.stamps[0], &b.title, s[0]);
    pick(&mut out.on, &mut out.stamps[1], &b.on, s[1]);
    pick(&mut out.time, &mut out.stamps[2], &b.time, s[2]);
    pick(&mut out.duration, &mut out.stamps[3], &b.duration, s[3]);
    pick(&mut out.kind, &mut out.stamps[4], &b.kind, s[4]);
    pick(&mut out.contact, &mut out.stamps[5], &b.contact, s[5]);
    pick(&mut out.deal, &mut out.stamps[6], &b.deal, s[6]);
    pick(&mut out.done_on, &mut out.stamps[7], &b.done_on, s[7]);
    pick(&mut out.notes, &mut out.stamps[8], &b.notes, s[8]);
    pick(&mut out.tag, &mut out.stamps[9], &b.tag, s[9]);
    out.edited = a.edited.max(b.edited);
    out.removed = a.removed.max(b.removed);
    out
}

/// Entries of both histories, one per id.
fn join_entries<'a, T: Clone + PartialEq + 'a>(
    a: impl Iterator<Item = &'a T>,
    b: impl Iterator<Item = &'a T>,
    id: impl Fn(&T) -> ChangeId,
    join: impl Fn(&T, &T) -> T,
) -> Vec<T> {
    join_by(a, b, id, join)
}

fn join_stage_change(a: &StageChange, b: &StageChange) -> StageChange {
    let mut out = a.clone();
    let s = &b.stamps;
    pick(
        &mut out.stage,
        &mut out.stamps[StageChange::STAGE],
        &b.stage,
        s[StageChange::STAGE],
    );
    pick(
        &mut out.on,
        &mut out.stamps[StageChange::ON],
        &b.on,
        s[StageChange::ON],
    );
    pick(
        &mut out.note,
        &mut out.stamps[StageChange::NOTE],
        &b.note,
        s[StageChange::NOTE],
    );
    out.at = a.at.max(b.at);
    out.removed = a.removed.max(b.removed);
    out
}

/// A type change is never corrected, only removed; the same id on both sides is the same
/// change (the greater copy is kept should damaged data disagree).
fn join_type_change(a: &TypeChange, b: &TypeChange) -> TypeChange {
    let mut out = if (b.kind, b.on, b.at) > (a.kind, a.on, a.at) {
        b.clone()
    } else {
        a.clone()
    };
    out.removed = a.removed.max(b.removed);
    out
}
