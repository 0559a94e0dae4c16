//! Random edit sequences through the book's own events, and the "nothing is lost"
//! check, shared by the property tests of the merge (`merge_laws.rs`) and of team sync.

#![allow(dead_code)]

pub mod couch;

use pipewise_core::book::{ContactDraft, DealDraft, Now, TaskDraft};
use pipewise_core::merge::merge;
use pipewise_core::{Book, ChangeId, ContactId, ContactType, Day, DealId, Id, Stamp};
use pipewise_core::{StepId, TaskId, TaskKind};
use proptest::prelude::*;
use std::collections::HashMap;

pub const TODAY: Day = Day(20_780);

/// One edit, drawn as numbers and read against whatever the copy holds at the time.
#[derive(Clone, Debug)]
pub struct Edit {
    pub rep: usize,
    pub what: u8,
    pub a: usize,
    pub b: usize,
    pub days_back: i32,
}

pub fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        (0usize..3, 0u8..24, 0usize..64, 0usize..64, 0i32..3).prop_map(
            |(rep, what, a, b, days_back)| Edit {
                rep,
                what,
                a,
                b,
                days_back,
            },
        ),
        1..60,
    )
}

pub fn id(n: u128) -> Id {
    Id(0x4000_0000_0000_4000_8000_0000_0000_0000 | n)
}

/// The shared ancestor: two contacts, three deals a few steps in, two tasks.
pub fn ancestor() -> Book {
    let mut book = Book::default();
    let start = Now {
        today: Day(TODAY.0 - 30),
        stamp: 1_000,
    };
    for (n, name) in [(1, "Ana Ruiz"), (2, "Ben Ode")] {
        let draft = ContactDraft {
            name: name.into(),
            owner: "Ana".into(),
            ..ContactDraft::default()
        };
        book.add_contact(ContactId(id(n)), draft, ContactType::Lead, start)
            .unwrap();
    }
    for n in 0..3u128 {
        let contact = ContactId(id(1 + n % 2));
        let draft = DealDraft {
            title: format!("Deal {n}"),
            contact,
            owner: "Ana".into(),
            value: 1_000,
            currency: "USD".into(),
            ..DealDraft::default()
        };
        let deal = DealId(id(10 + n));
        book.open_deal(deal, draft, StepId(1), start.today, start)
            .unwrap();
        let later = Now {
            today: TODAY,
            stamp: 1_001 + n as i64,
        };
        book.move_deal(
            deal,
            StepId(2 + n as u64),
            Day(start.today.0 + 1),
            "",
            later,
        )
        .unwrap();
    }
    for n in 0..2u128 {
        let draft = TaskDraft {
            title: format!("Call {n}"),
            on: TODAY,
            time: None,
            duration: None,
            kind: TaskKind::Call,
            contact: ContactId(id(1)),
            deal: (n == 0).then_some(DealId(id(10))),
            notes: String::new(),
            tag: None,
        };
        book.log_task(TaskId(id(20 + n)), draft, start).unwrap();
    }
    book
}

pub fn pick<T: Copy>(list: &[T], n: usize) -> Option<T> {
    (!list.is_empty()).then(|| list[n % list.len()])
}

/// Applies one edit to a copy; a refused edit changes nothing (the book's own rule).
pub fn apply(book: &mut Book, e: &Edit, stamp: Stamp, copies: &[Book], fresh: &mut u128) {
    let now = Now {
        today: TODAY,
        stamp,
    };
    let on = Day(TODAY.0 - e.days_back);
    let deals: Vec<DealId> = book.deals.iter().map(|d| d.id).collect();
    let contacts: Vec<ContactId> = book.contacts.iter().map(|c| c.id).collect();
    let tasks: Vec<TaskId> = book.tasks.iter().map(|t| t.id).collect();
    let steps: Vec<StepId> = book.process.steps.iter().map(|s| s.id).collect();
    let deal = pick(&deals, e.a);
    let step = pick(&steps, e.b);
    let change = |book: &Book| -> Option<(DealId, ChangeId)> {
        let d = book.deal(deal?)?;
        Some((
            d.id,
            pick(&d.history.iter().map(|c| c.id).collect::<Vec<_>>(), e.b)?,
        ))
    };
    let _ = match e.what {
        0..=2 => match (deal, step) {
            (Some(d), Some(s)) => book.move_deal(d, s, on, "", now).map(|_| ()),
            _ => Ok(()),
        },
        3 => deal.map_or(Ok(()), |d| book.win_deal(d, on, "", now)),
        4 => deal.map_or(Ok(()), |d| book.lose_deal(d, on, "price", now)),
        5 | 6 => match (deal, step) {
            (Some(d), Some(s)) => book.reopen_deal(d, s, on, "back", now),
            _ => Ok(()),
        },
        7 => match change(book) {
            Some((d, c)) => book.edit_stage_change(d, c, on, &format!("fix {stamp}"), now),
            None => Ok(()),
        },
        8 => match change(book) {
            Some((d, c)) => book.remove_stage_change(d, c, now),
            None => Ok(()),
        },
        9 => match deal {
            Some(d) => {
                let mut draft = DealDraft::of(book.deal(d).unwrap());
                if e.b.is_multiple_of(2) {
                    draft.value = stamp;
                } else {
                    draft.title = format!("Deal retitled {stamp}");
                }
                book.edit_deal(d, draft, now)
            }
            None => Ok(()),
        },
        10 => match pick(&contacts, e.a) {
            Some(c) => {
                let mut draft = ContactDraft::of(book.contact(c).unwrap());
                if e.b.is_multiple_of(2) {
                    draft.phone = format!("+1 {stamp}");
                } else {
                    draft.notes = format!("note {stamp}");
                }
                book.edit_contact(c, draft, now)
            }
            None => Ok(()),
        },
        11 => deal.map_or(Ok(()), |d| book.remove_deal(d, now).map(|_| ())),
        12 if e.b.is_multiple_of(3) => {
            pick(&contacts, e.a).map_or(Ok(()), |c| book.remove_contact(c, now).map(|_| ()))
        }
        12 | 13 => pick(&tasks, e.a).map_or(Ok(()), |t| book.remove_task(t, now)),
        14 => pick(&tasks, e.a).map_or(Ok(()), |t| book.complete_task(t, on, now)),
        15 => match pick(&contacts, e.a) {
            Some(c) => {
                *fresh += 1;
                let draft = DealDraft {
                    title: format!("New deal {fresh}"),
                    contact: c,
                    currency: "USD".into(),
                    ..DealDraft::default()
                };
                let first = step.unwrap_or(StepId(1));
                book.open_deal(DealId(id(1000 + *fresh)), draft, first, on, now)
            }
            None => Ok(()),
        },
        16 => match pick(&contacts, e.a) {
            Some(c) => {
                *fresh += 1;
                let draft = TaskDraft {
                    title: format!("Task {fresh}"),
                    on,
                    time: None,
                    duration: None,
                    kind: TaskKind::Email,
                    contact: c,
                    deal: deal.filter(|d| book.deal(*d).is_some_and(|d| d.contact == c)),
                    notes: String::new(),
                    tag: None,
                };
                book.log_task(TaskId(id(2000 + *fresh)), draft, now)
            }
            None => Ok(()),
        },
        17 => {
            let names = ["Trial", "Demo", "Pilot", "Legal"];
            book.add_step(names[e.b % 4], e.a % 9, now).map(|_| ())
        }
        18 => step.map_or(Ok(()), |s| {
            book.rename_step(s, &format!("Step {}", e.a % 5), now)
        }),
        19 => step.map_or(Ok(()), |s| book.move_step(s, e.a % 9, now)),
        20 => step.map_or(Ok(()), |s| book.remove_step(s, now)),
        21 => match (step, pick(&steps, e.a)) {
            (Some(from), Some(into)) => book.merge_step(from, into, now).map(|_| ()),
            _ => Ok(()),
        },
        22 => match pick(&contacts, e.a) {
            Some(c) => {
                let kind = ContactType::ALL[e.b % 3];
                book.mark_contact(c, kind, on, now)
            }
            None => Ok(()),
        },
        // Restores another rep's copy over this one (rarely: it replaces everything).
        23 if e.a.is_multiple_of(8) => {
            let other = &copies[e.b % copies.len()];
            *book = pipewise_core::merge::adopt(book, other, stamp);
            Ok(())
        }
        // Takes in another rep's copy, as after mailing a backup.
        _ => {
            let other = &copies[e.b % copies.len()];
            *book = merge(book, other);
            Ok(())
        }
    };
}

/// Three reps' copies of the ancestor after their edits (stamps rise across all of
/// them, as a shared clock would).
pub fn copies(edits: &[Edit]) -> Vec<Book> {
    let base = ancestor();
    let mut copies = vec![base.clone(), base.clone(), base];
    let mut fresh = 0;
    for (i, e) in edits.iter().enumerate() {
        let stamp = 10_000 + i as Stamp * 10;
        let snapshot = copies.clone();
        apply(&mut copies[e.rep], e, stamp, &snapshot, &mut fresh);
    }
    copies
}

/// Every register of a copy, by a key naming the record, field or entry, with its
/// stamp and value (as text).
pub fn registers(book: &Book) -> HashMap<String, (Stamp, String)> {
    let mut out = HashMap::new();
    let mut put = |key: String, stamp: Stamp, value: String| {
        out.insert(key, (stamp, value));
    };
    for s in book.process.steps.iter().chain(&book.gone.steps) {
        put(
            format!("step {} rank", s.id.0),
            s.stamps[2],
            s.rank.to_string(),
        );
        put(
            format!("step {} stuck", s.id.0),
            s.stamps[1],
            format!("{:?}", s.stuck_after),
        );
        put(format!("step {} removed", s.id.0), s.removed, String::new());
    }
    for c in book.contacts.iter().chain(&book.gone.contacts) {
        let values = [
            &c.name, &c.company, &c.email, &c.phone, &c.owner, &c.source, &c.notes,
        ];
        for (i, v) in values.iter().enumerate() {
            put(
                format!("contact {} field {i}", c.id),
                c.stamps[i],
                v.to_string(),
            );
        }
        put(
            format!("contact {} removed", c.id),
            c.removed,
            String::new(),
        );
        for t in c.types.iter().chain(&c.hidden_types) {
            put(
                format!("type {}", t.id.0),
                t.at,
                format!("{:?} {:?}", t.kind, t.on),
            );
            put(format!("type {} removed", t.id.0), t.removed, String::new());
        }
    }
    for d in book.deals.iter().chain(&book.gone.deals) {
        let values = [
            d.title.clone(),
            d.owner.clone(),
            d.value.to_string(),
            d.notes.clone(),
        ];
        for (i, v) in [0, 2, 3, 7].iter().zip(values) {
            put(format!("deal {} field {i}", d.id), d.stamps[*i], v);
        }
        put(format!("deal {} removed", d.id), d.removed, String::new());
        for c in d.history.iter().chain(&d.hidden) {
            put(
                format!("change {} stage", c.id.0),
                c.stamps[0],
                format!("{:?}", c.stage),
            );
            put(
                format!("change {} on", c.id.0),
                c.stamps[1],
                format!("{:?}", c.on),
            );
            put(
                format!("change {} note", c.id.0),
                c.stamps[2],
                c.note.clone(),
            );
            put(
                format!("change {} removed", c.id.0),
                c.removed,
                String::new(),
            );
        }
    }
    for t in book.tasks.iter().chain(&book.gone.tasks) {
        put(format!("task {} title", t.id), t.stamps[0], t.title.clone());
        put(
            format!("task {} done", t.id),
            t.stamps[7],
            format!("{:?}", t.done_on),
        );
        put(
            format!("task {} deal", t.id),
            t.stamps[6],
            format!("{:?}", t.deal),
        );
        put(format!("task {} removed", t.id), t.removed, String::new());
    }
    out
}

/// Nothing of `copy` is missing from `merged`: each register is there, with the same
/// value or a newer stamp. Step names are left out: two steps of one name are told
/// apart with a number, by design.
pub fn keeps_everything(copy: &Book, merged: &Book) -> Result<(), String> {
    let after = registers(merged);
    for (key, (stamp, value)) in registers(copy) {
        match after.get(&key) {
            None => return Err(format!("{key} is lost")),
            Some((s, _)) if *s < stamp => return Err(format!("{key} went back to an older edit")),
            Some((s, v)) if *s == stamp && *v != value => {
                return Err(format!(
                    "{key} changed without a newer edit: {value:?} → {v:?}"
                ))
            }
            _ => {}
        }
    }
    // A record shown in the copy and gone after the merge was removed after its last
    // edit there.
    for d in &copy.deals {
        if let Some(g) = merged.gone.deals.iter().find(|g| g.id == d.id) {
            if g.removed <= d.edited {
                return Err(format!("deal {} vanished despite a newer edit", d.title));
            }
        }
    }
    for c in &copy.contacts {
        if let Some(g) = merged.gone.contacts.iter().find(|g| g.id == c.id) {
            if g.removed <= c.edited {
                return Err(format!("contact {} vanished despite a newer edit", c.name));
            }
        }
    }
    Ok(())
}
