//! The packed (binary) form of schema 1, before compression. Frozen with the schema,
//! and read-only since schema 2: nothing writes it any more, but data in browsers that
//! last saved with schema 1 is read here and migrated.
//!
//! Layout, all numbers LEB128 varints (signed ones zigzagged):
//! string table · settings · process · contacts · deals · tasks.
//! Each record table is a count followed by one column per field (all ids, then all
//! names, …), because like values side by side compress far better. Ids are 16 raw
//! bytes; owners, sources, currencies, stage notes and task titles (which repeat:
//! "Call back", "Send pricing") are indexes into the string table; days and edit
//! stamps are deltas from the previous value in their column; a deal's or task's
//! contact is an index into the contacts table (deals likewise), with 0 meaning "not
//! in this book" followed by the raw id, so even dangling references survive a round
//! trip. Those pieces live in `bytes.rs`, shared with schema 2.

use super::{Book, Contact, ContactType, Deal, Settings, Stage, StageChange, Step, Tag, Task};
use super::{TaskKind, TypeChange};
use crate::day::Day;
use crate::ids::{ContactId, DealId, TaskId};
use crate::store::bytes::{optional, read_optional_day, read_ref, DayDeltas, StampDeltas};
use crate::store::bytes::{ReadResult, Reader, Strings};

/// Every contact, deal and task takes at least this many bytes (a 16-byte id and a
/// byte per other field; a contact has 9), which bounds what a damaged count can make
/// us allocate. (Schema 1 shipped with 26, which refused a long run of contacts with no
/// text at all; nothing else changed by lowering it.)
const MIN_RECORD_BYTES: usize = 25;

pub fn read(bytes: &[u8]) -> ReadResult<Book> {
    let mut r = Reader::new(bytes);
    let strings = Strings::read(&mut r)?;
    let settings = Settings {
        currency: r.str()?,
        me: r.str()?,
    };
    let process = read_process(&mut r)?;
    let contacts = read_contacts(&mut r, &strings)?;
    let deals = read_deals(&mut r, &strings, &contacts)?;
    let tasks = read_tasks(&mut r, &strings, &contacts, &deals)?;
    r.finish()?;
    Ok(Book {
        process,
        contacts,
        deals,
        tasks,
        settings,
    })
}

fn read_process(r: &mut Reader) -> ReadResult<Vec<Step>> {
    let n = r.count()?;
    let mut steps = Vec::with_capacity(n);
    for _ in 0..n {
        steps.push(Step {
            id: r.u32()?,
            name: r.str()?,
            stuck_after: optional(r.u64()?)?,
        });
    }
    Ok(steps)
}

fn read_contacts(r: &mut Reader, strings: &Strings) -> ReadResult<Vec<Contact>> {
    let n = r.count_sized(MIN_RECORD_BYTES)?;
    let mut contacts = vec![Contact::default(); n];
    for c in contacts.iter_mut() {
        c.id = ContactId(r.id()?);
    }
    let text_columns: [fn(&mut Contact) -> &mut String; 5] = [
        |c| &mut c.name,
        |c| &mut c.company,
        |c| &mut c.email,
        |c| &mut c.phone,
        |c| &mut c.notes,
    ];
    for field in text_columns {
        for c in contacts.iter_mut() {
            *field(c) = r.str()?;
        }
    }
    for c in contacts.iter_mut() {
        c.owner = strings.get(r)?;
    }
    for c in contacts.iter_mut() {
        c.source = strings.get(r)?;
    }
    let mut days = DayDeltas::default();
    for c in contacts.iter_mut() {
        let k = r.count()?;
        c.types = Vec::with_capacity(k);
        for _ in 0..k {
            let kind = contact_type_from(r.u64()?)?;
            c.types.push(TypeChange {
                kind,
                on: days.read(r)?,
            });
        }
    }
    let mut stamps = StampDeltas::default();
    for c in contacts.iter_mut() {
        c.edited = stamps.read(r)?;
    }
    Ok(contacts)
}

fn read_deals(r: &mut Reader, strings: &Strings, contacts: &[Contact]) -> ReadResult<Vec<Deal>> {
    let n = r.count_sized(MIN_RECORD_BYTES)?;
    let mut deals = vec![Deal::default(); n];
    for d in deals.iter_mut() {
        d.id = DealId(r.id()?);
    }
    for d in deals.iter_mut() {
        d.contact = ContactId(read_ref(r, contacts, |c| c.id.0)?);
    }
    for d in deals.iter_mut() {
        d.title = r.str()?;
    }
    for d in deals.iter_mut() {
        d.notes = r.str()?;
    }
    let shared_columns: [fn(&mut Deal) -> &mut String; 3] =
        [|d| &mut d.owner, |d| &mut d.currency, |d| &mut d.source];
    for field in shared_columns {
        for d in deals.iter_mut() {
            *field(d) = strings.get(r)?;
        }
    }
    for d in deals.iter_mut() {
        d.value = r.i64()?;
    }
    let mut days = DayDeltas::default();
    for d in deals.iter_mut() {
        let k = r.count()?;
        d.history = Vec::with_capacity(k);
        for _ in 0..k {
            let stage = stage_from(r.u64()?)?;
            let on = days.read(r)?;
            let note = strings.get(r)?;
            d.history.push(StageChange { stage, on, note });
        }
    }
    for d in deals.iter_mut() {
        let opened = d.history.first().map_or(Day(0), |h| h.on);
        d.expected_close = read_optional_day(r, opened)?;
    }
    let mut stamps = StampDeltas::default();
    for d in deals.iter_mut() {
        d.edited = stamps.read(r)?;
    }
    Ok(deals)
}

fn read_tasks(
    r: &mut Reader,
    strings: &Strings,
    contacts: &[Contact],
    deals: &[Deal],
) -> ReadResult<Vec<Task>> {
    let n = r.count_sized(MIN_RECORD_BYTES)?;
    let mut tasks = vec![Task::default(); n];
    for t in tasks.iter_mut() {
        t.id = TaskId(r.id()?);
    }
    for t in tasks.iter_mut() {
        t.contact = ContactId(read_ref(r, contacts, |c| c.id.0)?);
    }
    for t in tasks.iter_mut() {
        t.deal = match r.u64()? {
            0 => None,
            1 => Some(DealId(read_ref(r, deals, |d| d.id.0)?)),
            n => return Err(format!("unknown deal marker {n}")),
        };
    }
    for t in tasks.iter_mut() {
        t.title = strings.get(r)?;
    }
    for t in tasks.iter_mut() {
        t.notes = r.str()?;
    }
    let mut days = DayDeltas::default();
    for t in tasks.iter_mut() {
        t.on = days.read(r)?;
    }
    for t in tasks.iter_mut() {
        t.done_on = read_optional_day(r, t.on)?;
    }
    for t in tasks.iter_mut() {
        t.time = optional(r.u64()?)?;
        t.duration = optional(r.u64()?)?;
    }
    for t in tasks.iter_mut() {
        t.kind = task_kind_from(r.u64()?)?;
        t.tag = tag_from(r.u64()?)?;
    }
    let mut stamps = StampDeltas::default();
    for t in tasks.iter_mut() {
        t.edited = stamps.read(r)?;
    }
    Ok(tasks)
}

// ---- Enum codes (frozen: never renumber) ----

fn stage_from(n: u64) -> ReadResult<Stage> {
    match n {
        0 => Ok(Stage::Won),
        1 => Ok(Stage::Lost),
        n => u32::try_from(n - 2)
            .map(Stage::Step)
            .map_err(|_| format!("unknown stage {n}")),
    }
}

const CONTACT_TYPES: [ContactType; 3] = [
    ContactType::Lead,
    ContactType::Prospect,
    ContactType::Client,
];

fn contact_type_from(n: u64) -> ReadResult<ContactType> {
    usize::try_from(n)
        .ok()
        .and_then(|i| CONTACT_TYPES.get(i).copied())
        .ok_or_else(|| format!("unknown contact type {n}"))
}

const TASK_KINDS: [TaskKind; 7] = [
    TaskKind::Call,
    TaskKind::Email,
    TaskKind::Meeting,
    TaskKind::Demo,
    TaskKind::Proposal,
    TaskKind::FollowUp,
    TaskKind::Other,
];

fn task_kind_from(n: u64) -> ReadResult<TaskKind> {
    usize::try_from(n)
        .ok()
        .and_then(|i| TASK_KINDS.get(i).copied())
        .ok_or_else(|| format!("unknown task kind {n}"))
}

/// A contact type as 0-2, a stage as 3 + its stage code.
fn tag_from(n: u64) -> ReadResult<Tag> {
    match n {
        0..=2 => contact_type_from(n).map(Tag::Contact),
        n => stage_from(n - 3).map(Tag::Stage),
    }
}
