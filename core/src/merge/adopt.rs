//! Whole-book changes as edits: restoring a backup, loading the demo, clearing the data.
//! Each is turned into the edits that make the book equal to the wanted one, stamped
//! now, and merged in; so replaying it on top of another tab's write keeps what that tab
//! did to anything the change did not touch.

use super::join::merge;
use crate::model::{Book, ChangeId, Contact, Deal, StageChange, Stamp, Step, Task, TypeChange};
use std::collections::HashMap;

/// `current` made to show exactly `wanted`: every field `wanted` sets differently is
/// stamped `stamp`, every record and step `current` shows and `wanted` lacks is removed
/// at `stamp`, every history entry likewise. What `wanted` keeps as removed stays so.
pub fn adopt(current: &Book, wanted: &Book, stamp: Stamp) -> Book {
    let mut edits = wanted.clone();

    let steps = index(
        current.process.steps.iter().chain(&current.gone.steps),
        |s| s.id,
    );
    for step in edits.process.steps.iter_mut() {
        if let Some(old) = steps.get(&step.id) {
            restamp_step(step, old, stamp);
        } else {
            step.stamps = [stamp; 3];
        }
    }
    let wanted_steps = index(wanted.process.steps.iter(), |s| s.id);
    for step in &current.process.steps {
        if !wanted_steps.contains_key(&step.id) {
            let mut gone = step.clone();
            gone.removed = after(stamp, step.stamps.iter().copied().max().unwrap_or(0));
            edits.gone.steps.push(gone);
        }
    }

    let contacts = index(current.contacts.iter().chain(&current.gone.contacts), |c| {
        c.id
    });
    for contact in edits.contacts.iter_mut() {
        match contacts.get(&contact.id) {
            Some(old) => restamp_contact(contact, old, stamp),
            None => fresh(&mut contact.stamps, &mut contact.edited, stamp),
        }
    }
    let deals = index(current.deals.iter().chain(&current.gone.deals), |d| d.id);
    for deal in edits.deals.iter_mut() {
        match deals.get(&deal.id) {
            Some(old) => restamp_deal(deal, old, stamp),
            None => fresh(&mut deal.stamps, &mut deal.edited, stamp),
        }
    }
    let tasks = index(current.tasks.iter().chain(&current.gone.tasks), |t| t.id);
    for task in edits.tasks.iter_mut() {
        match tasks.get(&task.id) {
            Some(old) => restamp_task(task, old, stamp),
            None => fresh(&mut task.stamps, &mut task.edited, stamp),
        }
    }
    remove_missing(
        &current.contacts,
        &wanted.contacts,
        &mut edits.gone.contacts,
        stamp,
        |c| c.id,
        |c| &mut c.removed,
        |c| c.edited,
    );
    remove_missing(
        &current.deals,
        &wanted.deals,
        &mut edits.gone.deals,
        stamp,
        |d| d.id,
        |d| &mut d.removed,
        |d| d.edited,
    );
    remove_missing(
        &current.tasks,
        &wanted.tasks,
        &mut edits.gone.tasks,
        stamp,
        |t| t.id,
        |t| &mut t.removed,
        |t| t.edited,
    );

    let s = &mut edits.settings;
    let old = &current.settings;
    s.stamps[0] = if s.currency == old.currency {
        old.stamps[0]
    } else {
        after(stamp, old.stamps[0])
    };
    s.stamps[1] = if s.me == old.me {
        old.stamps[1]
    } else {
        after(stamp, old.stamps[1])
    };

    merge(current, &edits)
}

fn index<'a, T, K: std::hash::Hash + Eq>(
    items: impl Iterator<Item = &'a T>,
    id: impl Fn(&T) -> K,
) -> HashMap<K, &'a T>
where
    T: 'a,
{
    items.map(|r| (id(r), r)).collect()
}

/// A stamp after `stamp` and after `than`, so the edit is the newer one.
fn after(stamp: Stamp, than: Stamp) -> Stamp {
    stamp.max(than.saturating_add(1))
}

fn fresh<const N: usize>(stamps: &mut [Stamp; N], edited: &mut Stamp, stamp: Stamp) {
    for s in stamps.iter_mut() {
        *s = (*s).max(stamp);
    }
    *edited = (*edited).max(stamp);
}

/// Each register keeps its old stamp when the value is the same, else is stamped anew.
fn keep_or_stamp<T: PartialEq>(
    new: &T,
    old: &T,
    new_stamp: &mut Stamp,
    old_stamp: Stamp,
    stamp: Stamp,
) {
    *new_stamp = if new == old {
        (*new_stamp).max(old_stamp)
    } else {
        after(stamp, old_stamp.max(*new_stamp))
    };
}

fn restamp_step(step: &mut Step, old: &Step, stamp: Stamp) {
    keep_or_stamp(
        &step.name,
        &old.name,
        &mut step.stamps[0],
        old.stamps[0],
        stamp,
    );
    keep_or_stamp(
        &step.stuck_after,
        &old.stuck_after,
        &mut step.stamps[1],
        old.stamps[1],
        stamp,
    );
    keep_or_stamp(
        &step.rank,
        &old.rank,
        &mut step.stamps[2],
        old.stamps[2],
        stamp,
    );
    if old.removed != 0 {
        // Wanted back: a newer edit than the removal.
        step.stamps[0] = after(stamp, old.removed);
    }
    step.removed = old.removed;
}

fn revive(edited: &mut Stamp, removed: Stamp, stamp: Stamp) {
    *edited = if removed != 0 {
        after(stamp, removed)
    } else {
        (*edited).max(stamp)
    };
}

fn restamp_contact(c: &mut Contact, old: &Contact, stamp: Stamp) {
    let new = [
        &c.name, &c.company, &c.email, &c.phone, &c.owner, &c.source, &c.notes,
    ]
    .map(|v| v.clone());
    let was = [
        &old.name,
        &old.company,
        &old.email,
        &old.phone,
        &old.owner,
        &old.source,
        &old.notes,
    ];
    for i in 0..7 {
        keep_or_stamp(&new[i], was[i], &mut c.stamps[i], old.stamps[i], stamp);
    }
    let wanted: Vec<TypeChange> = c.types.iter().chain(&c.hidden_types).cloned().collect();
    let wanted_shown = c.types.iter().map(|t| t.id).collect();
    c.hidden_types = restamp_types(&wanted, &old.types, &old.hidden_types, &wanted_shown, stamp);
    c.types = Vec::new();
    revive(&mut c.edited, old.removed, stamp);
}

/// The wanted type history; every change `current` has live that `wanted` does not show
/// is removed now. A wanted change `current` removed comes back as a copy under a new
/// id (its only stamp orders the history, so it cannot be revived in place).
fn restamp_types(
    wanted: &[TypeChange],
    shown: &[TypeChange],
    hidden: &[TypeChange],
    wanted_shown: &std::collections::HashSet<ChangeId>,
    stamp: Stamp,
) -> Vec<TypeChange> {
    let old = index(shown.iter().chain(hidden), |t| t.id);
    let mut out: Vec<TypeChange> = Vec::with_capacity(wanted.len());
    for t in wanted {
        let mut t = t.clone();
        if let Some(o) = old.get(&t.id) {
            t.removed = t.removed.max(o.removed);
            if wanted_shown.contains(&t.id) && t.removed != 0 {
                // Wanted back but removed here: the same change again, under a new id
                // and in the same place (a removal is never undone in place).
                let mut again = t.clone();
                again.id = ChangeId(crate::ids::stable_digest(&[
                    b"again",
                    &t.id.0.to_le_bytes(),
                    &stamp.to_le_bytes(),
                ]));
                again.removed = 0;
                out.push(again);
            }
        }
        out.push(t);
    }
    let wanted_hidden: Vec<TypeChange> = wanted
        .iter()
        .filter(|t| !wanted_shown.contains(&t.id))
        .cloned()
        .collect();
    for o in shown.iter().chain(hidden).chain(&wanted_hidden) {
        if wanted_shown.contains(&o.id) {
            continue;
        }
        match out.iter_mut().find(|t| t.id == o.id) {
            Some(t) => {
                if t.removed <= t.at.max(o.at) {
                    t.removed = after(stamp, t.at.max(o.at));
                }
            }
            None => {
                let mut t = o.clone();
                if t.removed <= t.at {
                    t.removed = after(stamp, t.at);
                }
                out.push(t);
            }
        }
    }
    out
}

fn restamp_deal(d: &mut Deal, old: &Deal, stamp: Stamp) {
    keep_or_stamp(&d.title, &old.title, &mut d.stamps[0], old.stamps[0], stamp);
    keep_or_stamp(
        &d.contact,
        &old.contact,
        &mut d.stamps[1],
        old.stamps[1],
        stamp,
    );
    keep_or_stamp(&d.owner, &old.owner, &mut d.stamps[2], old.stamps[2], stamp);
    keep_or_stamp(&d.value, &old.value, &mut d.stamps[3], old.stamps[3], stamp);
    keep_or_stamp(
        &d.currency,
        &old.currency,
        &mut d.stamps[4],
        old.stamps[4],
        stamp,
    );
    keep_or_stamp(
        &d.source,
        &old.source,
        &mut d.stamps[5],
        old.stamps[5],
        stamp,
    );
    keep_or_stamp(
        &d.expected_close,
        &old.expected_close,
        &mut d.stamps[6],
        old.stamps[6],
        stamp,
    );
    keep_or_stamp(&d.notes, &old.notes, &mut d.stamps[7], old.stamps[7], stamp);
    let previous = index(old.history.iter().chain(&old.hidden), |c| c.id);
    let restamp = |c: &StageChange, shown: bool| -> StageChange {
        let mut c = c.clone();
        if let Some(o) = previous.get(&c.id) {
            keep_or_stamp(&c.stage, &o.stage, &mut c.stamps[0], o.stamps[0], stamp);
            keep_or_stamp(&c.on, &o.on, &mut c.stamps[1], o.stamps[1], stamp);
            keep_or_stamp(&c.note, &o.note, &mut c.stamps[2], o.stamps[2], stamp);
            c.removed = c.removed.max(o.removed);
            if shown && c.removed != 0 {
                // Wanted back: an edit newer than its removal.
                c.stamps[1] = after(stamp, c.removed);
            }
        }
        if shown && c.removed != 0 && !previous.contains_key(&c.id) {
            // Shown in `wanted` though removed there (a history's last resort): shown here.
            c.stamps[1] = after(stamp, c.removed);
        }
        c
    };
    let mut all: Vec<StageChange> = d.history.iter().map(|c| restamp(c, true)).collect();
    // What `wanted` hides is not wanted as such: one `current` also has is left to the
    // merge (and removed below when `current` shows it); restamping its fields would
    // count as an edit after its removal and bring it back.
    all.extend(
        d.hidden
            .iter()
            .filter(|c| !previous.contains_key(&c.id))
            .cloned(),
    );
    // Every change not shown in `wanted` ends removed now, whichever side holds it and
    // however it was hidden (one overruled in a merge would show once the other goes).
    let wanted_shown: std::collections::HashSet<ChangeId> =
        d.history.iter().map(|c| c.id).collect();
    let edited = |c: &StageChange| c.stamps.iter().copied().max().unwrap_or(c.at).max(c.at);
    for o in old.history.iter().chain(&old.hidden).chain(&d.hidden) {
        if wanted_shown.contains(&o.id) {
            continue;
        }
        match all.iter_mut().find(|c| c.id == o.id) {
            Some(c) => {
                let newest = edited(c).max(edited(o));
                if c.removed <= newest {
                    c.removed = after(stamp, newest);
                }
            }
            None => {
                let mut c = o.clone();
                if c.removed <= edited(o) {
                    c.removed = after(stamp, edited(o));
                }
                all.push(c);
            }
        }
    }
    d.history = Vec::new();
    d.hidden = all;
    revive(&mut d.edited, old.removed, stamp);
}

fn restamp_task(t: &mut Task, old: &Task, stamp: Stamp) {
    keep_or_stamp(&t.title, &old.title, &mut t.stamps[0], old.stamps[0], stamp);
    keep_or_stamp(&t.on, &old.on, &mut t.stamps[1], old.stamps[1], stamp);
    keep_or_stamp(&t.time, &old.time, &mut t.stamps[2], old.stamps[2], stamp);
    keep_or_stamp(
        &t.duration,
        &old.duration,
        &mut t.stamps[3],
        old.stamps[3],
        stamp,
    );
    keep_or_stamp(&t.kind, &old.kind, &mut t.stamps[4], old.stamps[4], stamp);
    keep_or_stamp(
        &t.contact,
        &old.contact,
        &mut t.stamps[5],
        old.stamps[5],
        stamp,
    );
    keep_or_stamp(&t.deal, &old.deal, &mut t.stamps[6], old.stamps[6], stamp);
    keep_or_stamp(
        &t.done_on,
        &old.done_on,
        &mut t.stamps[7],
        old.stamps[7],
        stamp,
    );
    keep_or_stamp(&t.notes, &old.notes, &mut t.stamps[8], old.stamps[8], stamp);
    keep_or_stamp(&t.tag, &old.tag, &mut t.stamps[9], old.stamps[9], stamp);
    revive(&mut t.edited, old.removed, stamp);
}

/// Records `current` shows that `wanted` lacks (shown or removed) go, stamped.
fn remove_missing<T: Clone, K: std::hash::Hash + Eq>(
    current: &[T],
    wanted: &[T],
    gone: &mut Vec<T>,
    stamp: Stamp,
    id: impl Fn(&T) -> K,
    removed: impl Fn(&mut T) -> &mut Stamp,
    edited: impl Fn(&T) -> Stamp,
) {
    let keep = index(wanted.iter(), &id);
    for record in current {
        if !keep.contains_key(&id(record)) {
            let mut r = record.clone();
            *removed(&mut r) = after(stamp, edited(record));
            gone.push(r);
        }
    }
}
