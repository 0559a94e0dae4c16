//! Merging another browser's backup into ours: how a manager collects the reps' files.
//! The merge itself is [`crate::merge::merge`], the same one tabs (and team sync) use;
//! this file says what it would do, for the preview the user confirms. A teammate's
//! file brings records and steps, not settings: ours are kept.

use super::text::{day_text, stamp_day};
use crate::day::Day;
use crate::merge::merge;
use crate::model::{Book, Contact, Deal, Stamp, Task};
use std::collections::HashMap;

/// What merging a file would do, for the preview the user confirms.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct MergePlan {
    pub added_contacts: Vec<String>,
    pub changed_contacts: Vec<String>,
    pub removed_contacts: Vec<String>,
    pub added_deals: Vec<String>,
    pub changed_deals: Vec<String>,
    pub removed_deals: Vec<String>,
    pub added_tasks: Vec<String>,
    pub changed_tasks: Vec<String>,
    pub removed_tasks: Vec<String>,
    /// Steps of their sales process that ours lacks; each takes its place by its rank.
    pub added_steps: Vec<String>,
    /// Our steps their file removed.
    pub removed_steps: Vec<String>,
    /// Our steps their file renamed or moved.
    pub changed_steps: Vec<String>,
    /// Fields edited in both files, and which edit was kept; records removed in one file
    /// and edited later in the other (kept).
    pub conflicts: Vec<String>,
}

impl MergePlan {
    /// True when merging would change nothing.
    pub fn is_empty(&self) -> bool {
        [
            &self.added_contacts,
            &self.changed_contacts,
            &self.removed_contacts,
            &self.added_deals,
            &self.changed_deals,
            &self.removed_deals,
            &self.added_tasks,
            &self.changed_tasks,
            &self.removed_tasks,
            &self.added_steps,
            &self.removed_steps,
            &self.changed_steps,
        ]
        .iter()
        .all(|list| list.is_empty())
    }
}

/// What merging `theirs` would do, edit dates given as UTC days.
pub fn plan_merge(ours: &Book, theirs: &Book) -> MergePlan {
    plan_merge_with(ours, theirs, stamp_day)
}

/// [`plan_merge`] with edit dates in the user's own days (`day_of` turns a stamp into
/// the local date; the browser knows the zone, the core does not).
pub fn plan_merge_with(ours: &Book, theirs: &Book, day_of: impl Fn(Stamp) -> Day) -> MergePlan {
    let merged = apply_merge(ours, theirs);
    describe(ours, theirs, &merged, &day_of)
}

/// Their file merged into our book; our settings stay.
pub fn apply_merge(ours: &Book, theirs: &Book) -> Book {
    merge(ours, &with_settings(theirs, ours))
}

/// Their records with our settings, so merging their file never changes ours.
fn with_settings(theirs: &Book, ours: &Book) -> Book {
    Book {
        settings: ours.settings.clone(),
        ..theirs.clone()
    }
}

fn describe(ours: &Book, theirs: &Book, merged: &Book, day_of: &dyn Fn(Stamp) -> Day) -> MergePlan {
    let mut plan = MergePlan::default();
    let contact_name = |c: &Contact| {
        if c.company.is_empty() {
            format!("contact “{}”", c.name)
        } else {
            format!("contact “{}” ({})", c.name, c.company)
        }
    };
    let deal_name = |d: &Deal| format!("deal “{}”", d.title);
    let task_name = |t: &Task| format!("task “{}” on {}", t.title, day_text(t.on));

    let (added, changed, removed) = compare(&ours.contacts, &merged.contacts, |c| c.id);
    plan.added_contacts = added.into_iter().map(contact_name).collect();
    plan.changed_contacts = changed.into_iter().map(contact_name).collect();
    plan.removed_contacts = removed.into_iter().map(contact_name).collect();
    let (added, changed, removed) = compare(&ours.deals, &merged.deals, |d| d.id);
    plan.added_deals = added.into_iter().map(deal_name).collect();
    plan.changed_deals = changed.into_iter().map(deal_name).collect();
    plan.removed_deals = removed.into_iter().map(deal_name).collect();
    let (added, changed, removed) = compare(&ours.tasks, &merged.tasks, |t| t.id);
    plan.added_tasks = added.into_iter().map(task_name).collect();
    plan.changed_tasks = changed.into_iter().map(task_name).collect();
    plan.removed_tasks = removed.into_iter().map(task_name).collect();
    let (added, changed, removed) = compare(&ours.process.steps, &merged.process.steps, |s| s.id);
    plan.added_steps = added.into_iter().map(|s| s.name.clone()).collect();
    plan.removed_steps = removed.into_iter().map(|s| s.name.clone()).collect();
    plan.changed_steps = changed.into_iter().map(|s| s.name.clone()).collect();

    conflicts(
        &mut plan,
        ours,
        theirs,
        merged,
        day_of,
        contact_name,
        deal_name,
        task_name,
    );
    plan
}

/// Records in `after` not in `before` (added), in both but different (changed), and in
/// `before` only (removed).
fn compare<'a, T: PartialEq, K: std::hash::Hash + Eq>(
    before: &'a [T],
    after: &'a [T],
    id: impl Fn(&T) -> K,
) -> (Vec<&'a T>, Vec<&'a T>, Vec<&'a T>) {
    let old: HashMap<K, &T> = before.iter().map(|r| (id(r), r)).collect();
    let new: HashMap<K, &T> = after.iter().map(|r| (id(r), r)).collect();
    let mut added = Vec::new();
    let mut changed = Vec::new();
    for r in after {
        match old.get(&id(r)) {
            None => added.push(r),
            Some(o) if *o != r => changed.push(r),
            Some(_) => {}
        }
    }
    let removed = before
        .iter()
        .filter(|r| !new.contains_key(&id(r)))
        .collect();
    (added, changed, removed)
}

/// Fields both files edited after the record was made, with different values: the newer
/// edit is kept, and the user is told which.
#[allow(clippy::too_many_arguments)] // the three books, the calendar and three namers
fn conflicts(
    plan: &mut MergePlan,
    ours: &Book,
    theirs: &Book,
    merged: &Book,
    day_of: &dyn Fn(Stamp) -> Day,
    contact_name: impl Fn(&Contact) -> String,
    deal_name: impl Fn(&Deal) -> String,
    task_name: impl Fn(&Task) -> String,
) {
    let mut say = |what: String, field: &str, our: Stamp, their: Stamp| {
        let (side, stamp) = if their > our {
            ("their file", their)
        } else {
            ("your file", our)
        };
        plan.conflicts.push(format!(
            "{what}: the {field} was changed in both files; kept the newer edit ({side}, {})",
            day_text(day_of(stamp))
        ));
    };
    let theirs_contacts: HashMap<_, _> = all(&theirs.contacts, &theirs.gone.contacts, |c| c.id);
    for c in ours.contacts.iter() {
        if let Some(t) = theirs_contacts.get(&c.id) {
            let values = |x: &Contact| {
                [
                    &x.name, &x.company, &x.email, &x.phone, &x.owner, &x.source, &x.notes,
                ]
                .map(|v| v.clone())
            };
            both_edited(&values(c), &c.stamps, &values(t), &t.stamps, |i, a, b| {
                say(contact_name(c), Contact::FIELDS[i], a, b)
            });
        }
    }
    let theirs_deals: HashMap<_, _> = all(&theirs.deals, &theirs.gone.deals, |d| d.id);
    for d in ours.deals.iter() {
        if let Some(t) = theirs_deals.get(&d.id) {
            let values = |x: &Deal| {
                [
                    x.title.clone(),
                    x.contact.to_string(),
                    x.owner.clone(),
                    x.value.to_string(),
                    x.currency.clone(),
                    x.source.clone(),
                    format!("{:?}", x.expected_close),
                    x.notes.clone(),
                ]
            };
            both_edited(&values(d), &d.stamps, &values(t), &t.stamps, |i, a, b| {
                say(deal_name(d), Deal::FIELDS[i], a, b)
            });
        }
    }
    let theirs_tasks: HashMap<_, _> = all(&theirs.tasks, &theirs.gone.tasks, |t| t.id);
    for k in ours.tasks.iter() {
        if let Some(t) = theirs_tasks.get(&k.id) {
            let values = |x: &Task| {
                [
                    x.title.clone(),
                    x.on.0.to_string(),
                    format!("{:?}", x.time),
                    format!("{:?}", x.duration),
                    format!("{:?}", x.kind),
                    x.contact.to_string(),
                    format!("{:?}", x.deal),
                    format!("{:?}", x.done_on),
                    x.notes.clone(),
                    format!("{:?}", x.tag),
                ]
            };
            both_edited(&values(k), &k.stamps, &values(t), &t.stamps, |i, a, b| {
                say(task_name(k), Task::FIELDS[i], a, b)
            });
        }
    }
    // Removed in one file, edited later in the other: the record stays.
    let ours_gone: HashMap<_, _> = ours.gone.deals.iter().map(|d| (d.id, d)).collect();
    for d in merged.deals.iter() {
        if ours_gone.contains_key(&d.id) {
            plan.conflicts.push(format!(
                "{}: you removed it, but it was changed in their file afterwards; it is back",
                deal_name(d)
            ));
        }
    }
    let ours_gone: HashMap<_, _> = ours.gone.contacts.iter().map(|c| (c.id, c)).collect();
    for c in merged.contacts.iter() {
        if ours_gone.contains_key(&c.id) {
            plan.conflicts.push(format!(
                "{}: you removed it, but it was changed in their file afterwards; it is back",
                contact_name(c)
            ));
        }
    }
    // Two closes of one deal: the first stands, the other is set aside.
    for d in merged.deals.iter() {
        let outcomes = d
            .hidden
            .iter()
            .filter(|c| c.removed == 0 && !c.stage.is_open())
            .count();
        if outcomes > 0
            && ours
                .deal(d.id)
                .is_none_or(|o| o.hidden.len() != d.hidden.len())
        {
            plan.conflicts.push(format!(
                "{}: it was closed in both files; the earlier close stands",
                deal_name(d)
            ));
        }
    }
}

fn all<'a, T, K: std::hash::Hash + Eq>(
    live: &'a [T],
    gone: &'a [T],
    id: impl Fn(&T) -> K,
) -> HashMap<K, &'a T> {
    live.iter().chain(gone).map(|r| (id(r), r)).collect()
}

/// Calls `found` for each field that differs and that both sides set after the record
/// was made (its stamp is above the side's oldest field stamp, the moment it was made).
fn both_edited<const N: usize>(
    ours: &[String; N],
    our_stamps: &[Stamp; N],
    theirs: &[String; N],
    their_stamps: &[Stamp; N],
    mut found: impl FnMut(usize, Stamp, Stamp),
) {
    let our_made = our_stamps.iter().copied().min().unwrap_or(0);
    let their_made = their_stamps.iter().copied().min().unwrap_or(0);
    for i in 0..N {
        let edited_here = our_stamps[i] > our_made;
        let edited_there = their_stamps[i] > their_made;
        if ours[i] != theirs[i] && edited_here && edited_there && our_stamps[i] != their_stamps[i] {
            found(i, our_stamps[i], their_stamps[i]);
        }
    }
}
