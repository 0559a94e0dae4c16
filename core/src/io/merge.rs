//! Merging another browser's backup into ours: how a manager collects the reps' files.
//!
//! Records are matched by id. A record in both files keeps the fields of the newer edit;
//! dated histories (deal stages, contact types) are united, so no dated change is lost.
//! Merging the same file twice changes nothing.

use super::text::{day_text, stamp_day};
use crate::day::Day;
use crate::model::{Book, Contact, Deal, Process, Stage, StageChange, Stamp, Task, TypeChange};
use std::collections::HashMap;
use std::hash::Hash;

/// What merging a file would do, for the preview the user confirms.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct MergePlan {
    pub added_contacts: Vec<String>,
    pub changed_contacts: Vec<String>,
    pub added_deals: Vec<String>,
    pub changed_deals: Vec<String>,
    pub added_tasks: Vec<String>,
    pub changed_tasks: Vec<String>,
    /// Steps of their sales process that ours lacks; they are appended.
    pub added_steps: Vec<String>,
    /// Records that differ in both files, and which version was kept.
    pub conflicts: Vec<String>,
}

impl MergePlan {
    /// True when merging would change nothing.
    pub fn is_empty(&self) -> bool {
        self.added_contacts.is_empty()
            && self.changed_contacts.is_empty()
            && self.added_deals.is_empty()
            && self.changed_deals.is_empty()
            && self.added_tasks.is_empty()
            && self.changed_tasks.is_empty()
            && self.added_steps.is_empty()
    }
}

pub fn plan_merge(ours: &Book, theirs: &Book) -> MergePlan {
    merge(ours, theirs).1
}

pub fn apply_merge(ours: &Book, theirs: &Book) -> Book {
    merge(ours, theirs).0
}

fn merge(ours: &Book, theirs: &Book) -> (Book, MergePlan) {
    let mut plan = MergePlan::default();
    let process = merge_process(&ours.process, &theirs.process, &mut plan);

    let contacts = merge_records(
        &ours.contacts,
        &theirs.contacts,
        |c| c.id,
        |c| c.edited,
        |winner, ours, theirs| Contact {
            types: unite(&ours.types, &theirs.types, type_key),
            edited: ours.edited.max(theirs.edited),
            ..winner.clone()
        },
        |c| {
            if c.company.is_empty() {
                format!("contact “{}”", c.name)
            } else {
                format!("contact “{}” ({})", c.name, c.company)
            }
        },
    );
    let stage_key = |c: &StageChange| stage_key(&process, c);
    let deals = merge_records(
        &ours.deals,
        &theirs.deals,
        |d| d.id,
        |d| d.edited,
        |winner, ours, theirs| Deal {
            history: unite(&ours.history, &theirs.history, stage_key),
            edited: ours.edited.max(theirs.edited),
            ..winner.clone()
        },
        |d| format!("deal “{}”", d.title),
    );
    let tasks = merge_records(
        &ours.tasks,
        &theirs.tasks,
        |t| t.id,
        |t| t.edited,
        |winner, _, _| winner.clone(),
        |t: &Task| format!("task “{}” on {}", t.title, day_text(t.on)),
    );

    plan.added_contacts = contacts.added;
    plan.changed_contacts = contacts.changed;
    plan.added_deals = deals.added;
    plan.changed_deals = deals.changed;
    plan.added_tasks = tasks.added;
    plan.changed_tasks = tasks.changed;
    for conflicts in [contacts.conflicts, deals.conflicts, tasks.conflicts] {
        plan.conflicts.extend(conflicts);
    }

    let book = Book {
        process,
        contacts: contacts.records,
        deals: deals.records,
        tasks: tasks.records,
        settings: ours.settings.clone(),
    };
    (book, plan)
}

/// Our steps in our order, then their steps we lack. A step is the same step when its
/// id is; a different name for it is reported, and ours is kept.
fn merge_process(ours: &Process, theirs: &Process, plan: &mut MergePlan) -> Process {
    let mut merged = ours.clone();
    for step in &theirs.steps {
        match ours.step(step.id) {
            None => {
                plan.added_steps.push(step.name.clone());
                merged.steps.push(step.clone());
            }
            Some(own) if own.name != step.name => plan.conflicts.push(format!(
                "the step you call “{}” is called “{}” in their file; your name is kept",
                own.name, step.name
            )),
            Some(_) => {}
        }
    }
    merged
}

struct Merged<T> {
    records: Vec<T>,
    added: Vec<String>,
    changed: Vec<String>,
    conflicts: Vec<String>,
}

/// Ours in our order (each joined with theirs when both have it), then theirs we lack.
fn merge_records<T: Clone + PartialEq, K: Hash + Eq>(
    ours: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> K,
    edited: impl Fn(&T) -> Stamp,
    join: impl Fn(&T, &T, &T) -> T,
    describe: impl Fn(&T) -> String,
) -> Merged<T> {
    let their_index: HashMap<K, &T> = theirs.iter().map(|t| (id(t), t)).collect();
    let our_ids: HashMap<K, ()> = ours.iter().map(|t| (id(t), ())).collect();
    let mut out = Merged {
        records: Vec::with_capacity(ours.len() + theirs.len()),
        added: Vec::new(),
        changed: Vec::new(),
        conflicts: Vec::new(),
    };
    for own in ours {
        let Some(their) = their_index.get(&id(own)).copied() else {
            out.records.push(own.clone());
            continue;
        };
        // Ties keep ours, so merging the same file again changes nothing.
        let theirs_newer = edited(their) > edited(own);
        let winner = if theirs_newer { their } else { own };
        let joined = join(winner, own, their);
        if joined != *own {
            out.changed.push(describe(&joined));
        }
        // Joining with each side as the winner gives the same history and stamp, so the
        // two results differ exactly when one side's field edits are set aside.
        if own != their && join(own, own, their) != join(their, own, their) {
            let (side, stamp) = if theirs_newer {
                ("their file", edited(their))
            } else {
                ("your file", edited(own))
            };
            out.conflicts.push(format!(
                "{} differs in the two files; kept the newer edit ({side}, {})",
                describe(&joined),
                day_text(stamp_day(stamp))
            ));
        }
        out.records.push(joined);
    }
    for their in theirs {
        if !our_ids.contains_key(&id(their)) {
            out.added.push(describe(their));
            out.records.push(their.clone());
        }
    }
    out
}

/// The canonical order of dated entries: by date, then stage or type order, then note.
/// It depends on the entry alone, which is what makes merging idempotent.
type EntryKey = (Day, u8, u64, String);

fn stage_key(process: &Process, change: &StageChange) -> EntryKey {
    let (class, rank) = match change.stage {
        Stage::Step(id) => match process.position(id) {
            Some(pos) => (0, pos as u64),
            None => (1, u64::from(id.0)),
        },
        Stage::Won => (2, 0),
        Stage::Lost => (3, 0),
    };
    (change.on, class, rank, change.note.clone())
}

fn type_key(change: &TypeChange) -> EntryKey {
    (change.on, 0, change.kind as u64, String::new())
}

/// Entries reached by either history, in date order, without duplicates and without two
/// consecutive entries of the same stage (the later one adds nothing: the deal was
/// already there). When ours already holds every entry of theirs, ours stays as it is.
fn unite<E, K>(ours: &[E], theirs: &[E], key: impl Fn(&E) -> K) -> Vec<E>
where
    E: Clone + PartialEq + SameStage,
    K: Ord,
{
    if theirs.iter().all(|e| ours.contains(e)) {
        return ours.to_vec();
    }
    let mut all: Vec<E> = Vec::with_capacity(ours.len() + theirs.len());
    for e in ours.iter().chain(theirs) {
        if !all.contains(e) {
            all.push(e.clone());
        }
    }
    all.sort_by_cached_key(|e| key(e));
    all.dedup_by(|later, earlier| later.same_stage(earlier));
    all
}

trait SameStage {
    fn same_stage(&self, other: &Self) -> bool;
}

impl SameStage for StageChange {
    fn same_stage(&self, other: &Self) -> bool {
        self.stage == other.stage
    }
}

impl SameStage for TypeChange {
    fn same_stage(&self, other: &Self) -> bool {
        self.kind == other.kind
    }
}
