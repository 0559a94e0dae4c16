//! The packed (binary) form of schema 2, before compression: the current model.
//!
//! Layout, all numbers LEB128 varints (signed ones zigzagged):
//! string table · settings · steps · contacts · deals · tasks.
//! As in schema 1 (`v1/packed.rs`), each table is a count followed by one column per
//! field; text that repeats is an index into the string table; days are deltas from
//! the previous day in their column; a reference to a record is 1 + its index in its
//! table, or 0 and the raw id for a record not in the book. New in schema 2:
//!
//! - A table holds the live records, then the removed ones (`Book::gone`); its count is
//!   followed by how many are live. References index the whole table, since a removed
//!   deal may belong to a removed contact.
//! - Stamps are distances from a stamp the reader already has, so the usual case is
//!   zeros: a row's fields take the stamp most of them share (itself a distance from
//!   the row's first entry) save the few set otherwise (`write_stamps`); `edited` is a
//!   distance from the record's newest other stamp; `removed` (0 for never) from
//!   `edited` or the entry's `at` (`write_removed`).
//! - The stage changes of all deals (each deal's shown ones, then its hidden ones) form
//!   one list with a column per field, after a column of list lengths; type changes
//!   likewise. Their ids are 8 raw bytes, their `at` deltas from the entry before.
//! - A stage is 0 (won), 1 (lost), 3 + the step's index in the steps table, or 2 and the
//!   step id for a step not in the book. Step ids may be random 64-bit numbers, so the
//!   index is what keeps 60,000 stage changes small.

use crate::day::Day;
use crate::ids::{ContactId, DealId, TaskId};
use crate::model::{Book, ChangeId, Contact, ContactType, Deal, Gone, Process, Settings};
use crate::model::{Stage, StageChange, Stamp, Step, StepId, Tag, Task, TaskKind, TypeChange};
use crate::store::bytes::{index_of, optional, optional_code, read_optional_day, read_ref};
use crate::store::bytes::{unzigzag, write_optional_day, write_ref, zigzag, DayDeltas};
use crate::store::bytes::{Interner, ReadResult, Reader, StampDeltas, Strings, Writer};
use rustc_hash::FxHashMap as HashMap;

/// Every contact, deal and task takes at least this many bytes (a 16-byte id and a
/// byte per other column: a contact has 13), which bounds what a damaged count can make
/// us allocate. Likewise for steps and for entries of a history (an 8-byte id and a
/// byte per other column). `bare_records_round_trip` in tests/store.rs holds these to
/// the smallest records.
const MIN_RECORD_BYTES: usize = 29;
const MIN_STEP_BYTES: usize = 8;
const MIN_ENTRY_BYTES: usize = 12;

/// Writes the model straight into bytes, borrowing its strings: going through a copy
/// of the book would clone every string on every save.
pub fn write(book: &Book) -> Vec<u8> {
    let gone = &book.gone;
    let steps = Table::new(&book.process.steps, &gone.steps);
    let contacts = Table::new(&book.contacts, &gone.contacts);
    let deals = Table::new(&book.deals, &gone.deals);
    let tasks = Table::new(&book.tasks, &gone.tasks);
    let mut strings = Interner::default();
    // A rough guess of the size (notes and names dominate) saves regrowing the buffer.
    let records = contacts.rows.len() + deals.rows.len() + tasks.rows.len();
    let mut w = Writer::with_capacity(120 * records);
    write_settings(&mut w, &book.settings);
    write_steps(&mut w, &steps);
    let refs = Refs {
        steps: index_of(steps.rows.iter().map(|s| s.id)),
        contacts: index_of(contacts.rows.iter().map(|c| c.id.0)),
        deals: index_of(deals.rows.iter().map(|d| d.id.0)),
    };
    write_contacts(&mut w, &mut strings, &contacts);
    write_deals(&mut w, &mut strings, &refs, &deals);
    write_tasks(&mut w, &mut strings, &refs, &tasks);

    let mut out = Writer::with_capacity(w.bytes.len() + 1024);
    strings.write(&mut out);
    out.raw(&w.bytes);
    out.bytes
}

pub fn read(bytes: &[u8]) -> ReadResult<Book> {
    let mut r = Reader::new(bytes);
    let strings = Strings::read(&mut r)?;
    let settings = read_settings(&mut r)?;
    let (mut steps, live_steps) = read_steps(&mut r)?;
    let step_ids: Vec<StepId> = steps.iter().map(|s| s.id).collect();
    let (mut contacts, live_contacts) = read_contacts(&mut r, &strings)?;
    let (mut deals, live_deals) = read_deals(&mut r, &strings, &step_ids, &contacts)?;
    let (mut tasks, live_tasks) = read_tasks(&mut r, &strings, &step_ids, &contacts, &deals)?;
    r.finish()?;
    let gone = Gone {
        steps: steps.split_off(live_steps),
        contacts: contacts.split_off(live_contacts),
        deals: deals.split_off(live_deals),
        tasks: tasks.split_off(live_tasks),
    };
    Ok(Book {
        process: Process { steps },
        contacts,
        deals,
        tasks,
        settings,
        gone,
    })
}

/// A table as written: the live records, then the removed ones.
struct Table<'a, T> {
    rows: Vec<&'a T>,
    live: usize,
}

impl<'a, T> Table<'a, T> {
    fn new(live: &'a [T], gone: &'a [T]) -> Table<'a, T> {
        Table {
            rows: live.iter().chain(gone).collect(),
            live: live.len(),
        }
    }

    fn write_counts(&self, w: &mut Writer) {
        w.len(self.rows.len());
        w.len(self.live);
    }
}

/// The reading side of [`Table::write_counts`]: how many rows, and how many are live.
fn read_counts(r: &mut Reader, min_row_bytes: usize) -> ReadResult<(usize, usize)> {
    let n = r.count_sized(min_row_bytes)?;
    let live = r.u64()?;
    match usize::try_from(live) {
        Ok(live) if live <= n => Ok((n, live)),
        _ => Err(format!("a table of {n} claims {live} live records")),
    }
}

/// Where each step and record sits in its table, for references to it.
struct Refs {
    steps: HashMap<StepId, usize>,
    contacts: HashMap<crate::ids::Id, usize>,
    deals: HashMap<crate::ids::Id, usize>,
}

// ---- Settings and steps ----

fn write_settings(w: &mut Writer, settings: &Settings) {
    w.str(&settings.currency);
    w.str(&settings.me);
    for stamp in settings.stamps {
        w.i64(stamp);
    }
}

fn read_settings(r: &mut Reader) -> ReadResult<Settings> {
    Ok(Settings {
        currency: r.str()?,
        me: r.str()?,
        stamps: [r.i64()?, r.i64()?],
    })
}

fn write_steps(w: &mut Writer, steps: &Table<Step>) {
    steps.write_counts(w);
    let rows = &steps.rows;
    for s in rows {
        w.u64(s.id.0);
    }
    for s in rows {
        w.str(&s.name);
    }
    for s in rows {
        w.u64(optional_code(s.stuck_after));
    }
    for s in rows {
        w.u64(s.rank);
    }
    for field in 0..3 {
        let mut stamps = StampDeltas::default();
        for s in rows {
            stamps.write(w, s.stamps[field]);
        }
    }
    for s in rows {
        w.i64(s.removed);
    }
}

fn read_steps(r: &mut Reader) -> ReadResult<(Vec<Step>, usize)> {
    let (n, live) = read_counts(r, MIN_STEP_BYTES)?;
    let blank = Step {
        id: StepId(0),
        name: String::new(),
        stuck_after: None,
        rank: 0,
        stamps: [0; 3],
        removed: 0,
    };
    let mut steps = vec![blank; n];
    for s in steps.iter_mut() {
        s.id = StepId(r.u64()?);
    }
    for s in steps.iter_mut() {
        s.name = r.str()?;
    }
    for s in steps.iter_mut() {
        s.stuck_after = optional(r.u64()?)?;
    }
    for s in steps.iter_mut() {
        s.rank = r.u64()?;
    }
    for field in 0..3 {
        let mut stamps = StampDeltas::default();
        for s in steps.iter_mut() {
            s.stamps[field] = stamps.read(r)?;
        }
    }
    for s in steps.iter_mut() {
        s.removed = r.i64()?;
    }
    Ok((steps, live))
}

// ---- Contacts ----

fn write_contacts<'a>(w: &mut Writer, strings: &mut Interner<'a>, contacts: &Table<'a, Contact>) {
    contacts.write_counts(w);
    let rows = &contacts.rows;
    for c in rows {
        w.id(c.id.0);
    }
    let text_columns: [fn(&Contact) -> &String; 5] = [
        |c| &c.name,
        |c| &c.company,
        |c| &c.email,
        |c| &c.phone,
        |c| &c.notes,
    ];
    for field in text_columns {
        for c in rows {
            w.str(field(c));
        }
    }
    for c in rows {
        w.u64(strings.id(&c.owner).into());
    }
    for c in rows {
        w.u64(strings.id(&c.source).into());
    }
    write_type_changes(w, rows);
    write_stamps(w, rows, |c| (&c.stamps, first_type_at(c)));
    for c in rows {
        w.i64(c.edited.wrapping_sub(newest_of_contact(c)));
    }
    for c in rows {
        write_removed(w, c.removed, c.edited);
    }
}

fn read_contacts(r: &mut Reader, strings: &Strings) -> ReadResult<(Vec<Contact>, usize)> {
    let (n, live) = read_counts(r, MIN_RECORD_BYTES)?;
    let blank = Contact {
        id: ContactId::default(),
        name: String::new(),
        company: String::new(),
        email: String::new(),
        phone: String::new(),
        owner: String::new(),
        source: String::new(),
        notes: String::new(),
        types: Vec::new(),
        hidden_types: Vec::new(),
        stamps: [0; 7],
        edited: 0,
        removed: 0,
    };
    let mut contacts = vec![blank; n];
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
    read_type_changes(r, &mut contacts)?;
    read_stamps(r, &mut contacts, |c| {
        let first = first_type_at(c);
        (&mut c.stamps, first)
    })?;
    for c in contacts.iter_mut() {
        c.edited = newest_of_contact(c).wrapping_add(r.i64()?);
    }
    for c in contacts.iter_mut() {
        c.removed = read_removed(r, c.edited)?;
    }
    Ok((contacts, live))
}

fn write_type_changes(w: &mut Writer, contacts: &[&Contact]) {
    for c in contacts {
        w.len(c.types.len());
    }
    for c in contacts {
        w.len(c.hidden_types.len());
    }
    let changes: Vec<&TypeChange> = contacts
        .iter()
        .flat_map(|c| c.types.iter().chain(&c.hidden_types))
        .collect();
    for t in &changes {
        w.raw(&t.id.0.to_be_bytes());
    }
    for t in &changes {
        w.u64(contact_type_code(t.kind));
    }
    let mut days = DayDeltas::default();
    for t in &changes {
        days.write(w, t.on);
    }
    let mut at = StampDeltas::default();
    for t in &changes {
        at.write(w, t.at);
    }
    for t in &changes {
        write_removed(w, t.removed, t.at);
    }
}

fn read_type_changes(r: &mut Reader, contacts: &mut [Contact]) -> ReadResult<()> {
    let blank = TypeChange::new(ChangeId(0), ContactType::Lead, Day(0), 0);
    let mut total = 0;
    for c in contacts.iter_mut() {
        c.types = vec![blank.clone(); read_entry_count(r, &mut total)?];
    }
    for c in contacts.iter_mut() {
        c.hidden_types = vec![blank.clone(); read_entry_count(r, &mut total)?];
    }
    let mut changes: Vec<&mut TypeChange> = contacts
        .iter_mut()
        .flat_map(|c| c.types.iter_mut().chain(c.hidden_types.iter_mut()))
        .collect();
    for t in changes.iter_mut() {
        t.id = ChangeId(u64::from_be_bytes(r.array()?));
    }
    for t in changes.iter_mut() {
        t.kind = contact_type_from(r.u64()?)?;
    }
    let mut days = DayDeltas::default();
    for t in changes.iter_mut() {
        t.on = days.read(r)?;
    }
    let mut at = StampDeltas::default();
    for t in changes.iter_mut() {
        t.at = at.read(r)?;
    }
    for t in changes.iter_mut() {
        t.removed = read_removed(r, t.at)?;
    }
    Ok(())
}

// ---- Deals ----

fn write_deals<'a>(
    w: &mut Writer,
    strings: &mut Interner<'a>,
    refs: &Refs,
    deals: &Table<'a, Deal>,
) {
    deals.write_counts(w);
    let rows = &deals.rows;
    for d in rows {
        w.id(d.id.0);
    }
    for d in rows {
        write_ref(w, &refs.contacts, d.contact.0);
    }
    for d in rows {
        w.str(&d.title);
    }
    for d in rows {
        w.str(&d.notes);
    }
    let shared_columns: [fn(&Deal) -> &str; 3] = [|d| &d.owner, |d| &d.currency, |d| &d.source];
    for field in shared_columns {
        for d in rows {
            w.u64(strings.id(field(d)).into());
        }
    }
    for d in rows {
        w.i64(d.value);
    }
    write_stage_changes(w, strings, refs, rows);
    for d in rows {
        write_optional_day(w, d.expected_close, d.opened());
    }
    write_stamps(w, rows, |d| (&d.stamps, first_change_at(d)));
    for d in rows {
        w.i64(d.edited.wrapping_sub(newest_of_deal(d)));
    }
    for d in rows {
        write_removed(w, d.removed, d.edited);
    }
}

fn read_deals(
    r: &mut Reader,
    strings: &Strings,
    steps: &[StepId],
    contacts: &[Contact],
) -> ReadResult<(Vec<Deal>, usize)> {
    let (n, live) = read_counts(r, MIN_RECORD_BYTES)?;
    let blank = Deal {
        id: DealId::default(),
        title: String::new(),
        contact: ContactId::default(),
        owner: String::new(),
        value: 0,
        currency: String::new(),
        source: String::new(),
        expected_close: None,
        notes: String::new(),
        history: Vec::new(),
        hidden: Vec::new(),
        stamps: [0; 8],
        edited: 0,
        removed: 0,
    };
    let mut deals = vec![blank; n];
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
    read_stage_changes(r, strings, steps, &mut deals)?;
    for d in deals.iter_mut() {
        d.expected_close = read_optional_day(r, d.opened())?;
    }
    read_stamps(r, &mut deals, |d| {
        let first = first_change_at(d);
        (&mut d.stamps, first)
    })?;
    for d in deals.iter_mut() {
        d.edited = newest_of_deal(d).wrapping_add(r.i64()?);
    }
    for d in deals.iter_mut() {
        d.removed = read_removed(r, d.edited)?;
    }
    Ok((deals, live))
}

fn write_stage_changes<'a>(
    w: &mut Writer,
    strings: &mut Interner<'a>,
    refs: &Refs,
    deals: &[&'a Deal],
) {
    for d in deals {
        w.len(d.history.len());
    }
    for d in deals {
        w.len(d.hidden.len());
    }
    let changes: Vec<&StageChange> = deals
        .iter()
        .flat_map(|d| d.history.iter().chain(&d.hidden))
        .collect();
    for h in &changes {
        w.raw(&h.id.0.to_be_bytes());
    }
    for h in &changes {
        write_stage(w, &refs.steps, h.stage, 0);
    }
    let mut days = DayDeltas::default();
    for h in &changes {
        days.write(w, h.on);
    }
    for h in &changes {
        w.u64(strings.id(&h.note).into());
    }
    let mut at = StampDeltas::default();
    for h in &changes {
        at.write(w, h.at);
    }
    write_stamps(w, &changes, |h| (&h.stamps, Some(h.at)));
    for h in &changes {
        write_removed(w, h.removed, h.at);
    }
}

fn read_stage_changes(
    r: &mut Reader,
    strings: &Strings,
    steps: &[StepId],
    deals: &mut [Deal],
) -> ReadResult<()> {
    let blank = StageChange::new(ChangeId(0), Stage::Lost, Day(0), String::new(), 0);
    let mut total = 0;
    for d in deals.iter_mut() {
        d.history = vec![blank.clone(); read_entry_count(r, &mut total)?];
    }
    for d in deals.iter_mut() {
        d.hidden = vec![blank.clone(); read_entry_count(r, &mut total)?];
    }
    let mut changes: Vec<&mut StageChange> = deals
        .iter_mut()
        .flat_map(|d| d.history.iter_mut().chain(d.hidden.iter_mut()))
        .collect();
    for h in changes.iter_mut() {
        h.id = ChangeId(u64::from_be_bytes(r.array()?));
    }
    for h in changes.iter_mut() {
        h.stage = read_stage(r, steps)?;
    }
    let mut days = DayDeltas::default();
    for h in changes.iter_mut() {
        h.on = days.read(r)?;
    }
    for h in changes.iter_mut() {
        h.note = strings.get(r)?;
    }
    let mut at = StampDeltas::default();
    for h in changes.iter_mut() {
        h.at = at.read(r)?;
    }
    read_stamps(r, &mut changes, |h| (&mut h.stamps, Some(h.at)))?;
    for h in changes.iter_mut() {
        h.removed = read_removed(r, h.at)?;
    }
    Ok(())
}

// ---- Tasks ----

fn write_tasks<'a>(
    w: &mut Writer,
    strings: &mut Interner<'a>,
    refs: &Refs,
    tasks: &Table<'a, Task>,
) {
    tasks.write_counts(w);
    let rows = &tasks.rows;
    for t in rows {
        w.id(t.id.0);
    }
    for t in rows {
        write_ref(w, &refs.contacts, t.contact.0);
    }
    for t in rows {
        match t.deal {
            None => w.u64(0),
            Some(d) => {
                w.u64(1);
                write_ref(w, &refs.deals, d.0);
            }
        }
    }
    for t in rows {
        w.u64(strings.id(&t.title).into());
    }
    for t in rows {
        w.str(&t.notes);
    }
    let mut days = DayDeltas::default();
    for t in rows {
        days.write(w, t.on);
    }
    for t in rows {
        write_optional_day(w, t.done_on, t.on);
    }
    for t in rows {
        w.u64(optional_code(t.time));
        w.u64(optional_code(t.duration));
    }
    for t in rows {
        w.u64(task_kind_code(t.kind));
        write_tag(w, &refs.steps, t.tag);
    }
    write_stamps(w, rows, |t| (&t.stamps, None));
    for t in rows {
        w.i64(t.edited.wrapping_sub(newest(&t.stamps)));
    }
    for t in rows {
        write_removed(w, t.removed, t.edited);
    }
}

fn read_tasks(
    r: &mut Reader,
    strings: &Strings,
    steps: &[StepId],
    contacts: &[Contact],
    deals: &[Deal],
) -> ReadResult<(Vec<Task>, usize)> {
    let (n, live) = read_counts(r, MIN_RECORD_BYTES)?;
    let blank = Task {
        id: TaskId::default(),
        title: String::new(),
        on: Day(0),
        time: None,
        duration: None,
        kind: TaskKind::Other,
        contact: ContactId::default(),
        deal: None,
        done_on: None,
        notes: String::new(),
        tag: Tag::Contact(ContactType::Lead),
        stamps: [0; 10],
        edited: 0,
        removed: 0,
    };
    let mut tasks = vec![blank; n];
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
        t.tag = read_tag(r, steps)?;
    }
    read_stamps(r, &mut tasks, |t| (&mut t.stamps, None))?;
    for t in tasks.iter_mut() {
        t.edited = newest(&t.stamps).wrapping_add(r.i64()?);
    }
    for t in tasks.iter_mut() {
        t.removed = read_removed(r, t.edited)?;
    }
    Ok((tasks, live))
}

// ---- Stamps and history lengths ----

/// Per-field stamps. Most fields of a row share one stamp, the moment it was made, so
/// three columns: that stamp (the most common one), a bit mask of the fields stamped
/// otherwise (usually 0), and those fields' stamps as distances from it. The shared stamp
/// itself is a distance from `anchor`, the row's first entry's `at` (a deal and its
/// first stage change are made together), or for a row without one from the previous
/// row's shared stamp.
fn write_stamps<T, const N: usize>(
    w: &mut Writer,
    rows: &[&T],
    of: fn(&T) -> (&[Stamp; N], Option<Stamp>),
) {
    let mut shared = Vec::with_capacity(rows.len());
    let mut previous = 0;
    for row in rows {
        let (stamps, anchor) = of(row);
        let common = most_common(stamps);
        w.i64(common.wrapping_sub(anchor.unwrap_or(previous)));
        shared.push(common);
        previous = common;
    }
    for (row, &common) in rows.iter().zip(&shared) {
        let stamps = of(row).0;
        let mask = (0..N)
            .filter(|&i| stamps[i] != common)
            .fold(0, |m, i| m | 1 << i);
        w.u64(mask);
    }
    for (row, &common) in rows.iter().zip(&shared) {
        for &stamp in of(row).0.iter().filter(|&&s| s != common) {
            w.i64(stamp.wrapping_sub(common));
        }
    }
}

fn read_stamps<T, const N: usize>(
    r: &mut Reader,
    rows: &mut [T],
    of: fn(&mut T) -> (&mut [Stamp; N], Option<Stamp>),
) -> ReadResult<()> {
    let mut shared = Vec::with_capacity(rows.len());
    let mut previous: Stamp = 0;
    for row in rows.iter_mut() {
        let (_, anchor) = of(row);
        previous = anchor.unwrap_or(previous).wrapping_add(r.i64()?);
        shared.push(previous);
    }
    let mut masks = Vec::with_capacity(rows.len());
    for _ in 0..rows.len() {
        let mask = r.u64()?;
        if mask >> N != 0 {
            return Err(format!(
                "a stamp mask ({mask:#x}) names fields that do not exist"
            ));
        }
        masks.push(mask);
    }
    for ((row, &common), mask) in rows.iter_mut().zip(&shared).zip(masks) {
        let stamps = of(row).0;
        for (i, stamp) in stamps.iter_mut().enumerate() {
            *stamp = if mask & 1 << i == 0 {
                common
            } else {
                common.wrapping_add(r.i64()?)
            };
        }
    }
    Ok(())
}

/// When a contact's first type change was made: with the contact, mostly.
fn first_type_at(c: &Contact) -> Option<Stamp> {
    c.types.iter().chain(&c.hidden_types).next().map(|t| t.at)
}

/// When a deal's first stage change was made: with the deal, mostly.
fn first_change_at(d: &Deal) -> Option<Stamp> {
    d.history.iter().chain(&d.hidden).next().map(|h| h.at)
}

/// The stamp most of `stamps` share (the first of them on a tie).
fn most_common(stamps: &[Stamp]) -> Stamp {
    let first = stamps.first().copied().unwrap_or(0);
    if stamps.iter().all(|&s| s == first) {
        return first;
    }
    let count = |s: Stamp| stamps.iter().filter(|&&t| t == s).count();
    let mut best = (first, count(first));
    for &s in stamps {
        let n = count(s);
        if n > best.1 {
            best = (s, n);
        }
    }
    best.0
}

// `edited` is the newest edit of a record, so it is written as a distance from the
// newest stamp the record holds otherwise: 0, unless its last edit was removing an entry.

fn newest(stamps: &[Stamp]) -> Stamp {
    stamps.iter().copied().max().unwrap_or(0)
}

fn newest_of_contact(c: &Contact) -> Stamp {
    let entries = c.types.iter().chain(&c.hidden_types);
    let entry_stamps = entries.map(|t| t.at.max(t.removed));
    newest(&c.stamps).max(entry_stamps.max().unwrap_or(Stamp::MIN))
}

fn newest_of_deal(d: &Deal) -> Stamp {
    let entries = d.history.iter().chain(&d.hidden);
    let entry_stamps = entries.map(|h| h.at.max(h.removed).max(newest(&h.stamps)));
    newest(&d.stamps).max(entry_stamps.max().unwrap_or(Stamp::MIN))
}

/// `removed` (0: never) as 0; any other stamp as its zigzagged distance from `near` (the
/// row's `edited` or `at`), moved up by one when below the code 0 itself would take, so
/// that every stamp has exactly one code and none overflows.
fn write_removed(w: &mut Writer, removed: Stamp, near: Stamp) {
    if removed == 0 {
        return w.u64(0);
    }
    let code = zigzag(removed.wrapping_sub(near));
    let never = zigzag(near.wrapping_neg());
    w.u64(if code < never { code + 1 } else { code });
}

fn read_removed(r: &mut Reader, near: Stamp) -> ReadResult<Stamp> {
    let code = r.u64()?;
    if code == 0 {
        return Ok(0);
    }
    let never = zigzag(near.wrapping_neg());
    let code = if code <= never { code - 1 } else { code };
    Ok(near.wrapping_add(unzigzag(code)))
}

/// The length of one record's history, keeping a running total: the entries of all
/// records together must fit in what is left of the data, so damaged lengths cannot
/// make us allocate much.
fn read_entry_count(r: &mut Reader, total: &mut usize) -> ReadResult<usize> {
    let n = r.count_sized(MIN_ENTRY_BYTES)?;
    *total = total.saturating_add(n);
    if total.saturating_mul(MIN_ENTRY_BYTES) > r.remaining() {
        return Err(format!(
            "the histories claim {total} entries, more than the data holds"
        ));
    }
    Ok(n)
}

// ---- Enum codes (frozen with the schema: never renumber) ----

/// A stage as `offset` + 0 (won), 1 (lost), 3 + the step's index in the steps table, or
/// 2 followed by the step id when the step is not in the book.
fn write_stage(w: &mut Writer, steps: &HashMap<StepId, usize>, stage: Stage, offset: u64) {
    match stage {
        Stage::Won => w.u64(offset),
        Stage::Lost => w.u64(offset + 1),
        Stage::Step(id) => match steps.get(&id) {
            Some(&i) => w.u64(offset + 3 + i as u64),
            None => {
                w.u64(offset + 2);
                w.u64(id.0);
            }
        },
    }
}

fn read_stage(r: &mut Reader, steps: &[StepId]) -> ReadResult<Stage> {
    let code = r.u64()?;
    stage_from(r, steps, code)
}

fn stage_from(r: &mut Reader, steps: &[StepId], code: u64) -> ReadResult<Stage> {
    match code {
        0 => Ok(Stage::Won),
        1 => Ok(Stage::Lost),
        2 => Ok(Stage::Step(StepId(r.u64()?))),
        n => usize::try_from(n - 3)
            .ok()
            .and_then(|i| steps.get(i))
            .map(|&id| Stage::Step(id))
            .ok_or_else(|| format!("unknown stage {n}")),
    }
}

const CONTACT_TYPES: [ContactType; 3] = [
    ContactType::Lead,
    ContactType::Prospect,
    ContactType::Client,
];

fn contact_type_code(t: ContactType) -> u64 {
    match t {
        ContactType::Lead => 0,
        ContactType::Prospect => 1,
        ContactType::Client => 2,
    }
}

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

fn task_kind_code(k: TaskKind) -> u64 {
    match k {
        TaskKind::Call => 0,
        TaskKind::Email => 1,
        TaskKind::Meeting => 2,
        TaskKind::Demo => 3,
        TaskKind::Proposal => 4,
        TaskKind::FollowUp => 5,
        TaskKind::Other => 6,
    }
}

fn task_kind_from(n: u64) -> ReadResult<TaskKind> {
    usize::try_from(n)
        .ok()
        .and_then(|i| TASK_KINDS.get(i).copied())
        .ok_or_else(|| format!("unknown task kind {n}"))
}

/// A contact type as 0-2, a stage as 3 + its stage code.
fn write_tag(w: &mut Writer, steps: &HashMap<StepId, usize>, tag: Tag) {
    match tag {
        Tag::Contact(c) => w.u64(contact_type_code(c)),
        Tag::Stage(s) => write_stage(w, steps, s, 3),
    }
}

fn read_tag(r: &mut Reader, steps: &[StepId]) -> ReadResult<Tag> {
    match r.u64()? {
        n @ 0..=2 => contact_type_from(n).map(Tag::Contact),
        n => stage_from(r, steps, n - 3).map(Tag::Stage),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_removal_stamp_has_one_code() {
        let stamps = [i64::MIN, i64::MIN + 1, -1, 0, 1, 2, i64::MAX - 1, i64::MAX];
        for near in stamps {
            let mut w = Writer::default();
            for removed in stamps {
                write_removed(&mut w, removed, near);
            }
            let mut r = Reader::new(&w.bytes);
            for removed in stamps {
                assert_eq!(read_removed(&mut r, near), Ok(removed), "near {near}");
            }
            assert!(r.finish().is_ok());
        }
        // Never removed, and removed at the row's own stamp, are one byte each.
        let mut w = Writer::default();
        write_removed(&mut w, 0, 1_767_225_600_000);
        write_removed(&mut w, 1_767_225_600_000, 1_767_225_600_000);
        assert_eq!(w.bytes, [0, 1]);
    }

    #[test]
    fn the_shared_stamp_is_the_most_common() {
        assert_eq!(most_common(&[5, 5, 5]), 5);
        assert_eq!(most_common(&[9, 5, 5, 7]), 5);
        assert_eq!(most_common(&[9, 5]), 9);
        assert_eq!(most_common(&[]), 0);
    }
}
