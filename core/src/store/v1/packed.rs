//! The packed (binary) form of schema 1, before compression. Frozen with the schema.
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
//! trip.

use super::{Book, Contact, ContactType, Deal, Settings, Stage, StageChange, Step, Tag, Task};
use super::{TaskKind, TypeChange};
use crate::day::Day;
use crate::ids::{ContactId, DealId, Id, TaskId};
use crate::model;
use crate::store::bytes::{Interner, ReadResult, Reader, Strings, Writer};
use rustc_hash::FxHashMap as HashMap;

/// Writes the current model straight into schema-1 bytes: going through `v1::Book`
/// first would clone every string of the book on every save. When schema 2 arrives,
/// this writer is deleted (it no longer matches the model) and `read` stays.
/// Every contact, deal and task takes at least this many bytes (a 16-byte id and a
/// byte per other field), which bounds what a damaged count can make us allocate.
const MIN_RECORD_BYTES: usize = 26;

pub fn write(book: &model::Book) -> Vec<u8> {
    let mut strings = Interner::default();
    // A rough guess of the size (notes and names dominate) saves regrowing the buffer.
    let records = book.contacts.len() + book.deals.len() + book.tasks.len();
    let mut w = Writer::with_capacity(100 * records);
    w.str(&book.settings.currency);
    w.str(&book.settings.me);
    write_process(&mut w, &book.process.steps);
    write_contacts(&mut w, &mut strings, &book.contacts);
    write_deals(&mut w, &mut strings, book);
    write_tasks(&mut w, &mut strings, book);

    let mut out = Writer::with_capacity(w.bytes.len() + 1024);
    strings.write(&mut out);
    out.raw(&w.bytes);
    out.bytes
}

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

fn write_process(w: &mut Writer, steps: &[model::Step]) {
    w.len(steps.len());
    for s in steps {
        w.u64(s.id.0.into());
        w.str(&s.name);
        w.u64(s.stuck_after.map_or(0, |n| u64::from(n) + 1));
    }
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

fn write_contacts<'a>(w: &mut Writer, strings: &mut Interner<'a>, contacts: &'a [model::Contact]) {
    w.len(contacts.len());
    for c in contacts {
        w.raw(&c.id.0 .0.to_be_bytes());
    }
    let text_columns: [fn(&model::Contact) -> &String; 5] = [
        |c| &c.name,
        |c| &c.company,
        |c| &c.email,
        |c| &c.phone,
        |c| &c.notes,
    ];
    for field in text_columns {
        for c in contacts {
            w.str(field(c));
        }
    }
    for c in contacts {
        w.u64(strings.id(&c.owner).into());
    }
    for c in contacts {
        w.u64(strings.id(&c.source).into());
    }
    let mut days = DayDeltas::default();
    for c in contacts {
        w.len(c.types.len());
        for t in &c.types {
            w.u64(contact_type_code(t.kind.into()));
            days.write(w, t.on);
        }
    }
    let mut stamps = 0i64;
    for c in contacts {
        write_stamp(w, &mut stamps, c.edited);
    }
}

fn read_contacts(r: &mut Reader, strings: &Strings) -> ReadResult<Vec<Contact>> {
    let n = r.count_sized(MIN_RECORD_BYTES)?;
    let mut contacts = vec![Contact::default(); n];
    for c in contacts.iter_mut() {
        c.id = ContactId(read_id(r)?);
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
    let mut stamps = 0i64;
    for c in contacts.iter_mut() {
        c.edited = read_stamp(r, &mut stamps)?;
    }
    Ok(contacts)
}

fn write_deals<'a>(w: &mut Writer, strings: &mut Interner<'a>, book: &'a model::Book) {
    let deals = &book.deals;
    let contacts = contact_index(&book.contacts);
    w.len(deals.len());
    for d in deals {
        w.raw(&d.id.0 .0.to_be_bytes());
    }
    for d in deals {
        write_ref(w, &contacts, d.contact.0);
    }
    for d in deals {
        w.str(&d.title);
    }
    for d in deals {
        w.str(&d.notes);
    }
    let shared_columns: [fn(&model::Deal) -> &str; 3] =
        [|d| &d.owner, |d| &d.currency, |d| &d.source];
    for field in shared_columns {
        for d in deals {
            w.u64(strings.id(field(d)).into());
        }
    }
    for d in deals {
        w.i64(d.value);
    }
    let mut days = DayDeltas::default();
    for d in deals {
        w.len(d.history.len());
        for h in &d.history {
            w.u64(stage_code(h.stage.into()));
            days.write(w, h.on);
            w.u64(strings.id(&h.note).into());
        }
    }
    for d in deals {
        let opened = d.history.first().map_or(Day(0), |h| h.on);
        write_optional_day(w, d.expected_close, opened);
    }
    let mut stamps = 0i64;
    for d in deals {
        write_stamp(w, &mut stamps, d.edited);
    }
}

fn read_deals(r: &mut Reader, strings: &Strings, contacts: &[Contact]) -> ReadResult<Vec<Deal>> {
    let n = r.count_sized(MIN_RECORD_BYTES)?;
    let mut deals = vec![Deal::default(); n];
    for d in deals.iter_mut() {
        d.id = DealId(read_id(r)?);
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
    let mut stamps = 0i64;
    for d in deals.iter_mut() {
        d.edited = read_stamp(r, &mut stamps)?;
    }
    Ok(deals)
}

fn write_tasks<'a>(w: &mut Writer, strings: &mut Interner<'a>, book: &'a model::Book) {
    let tasks = &book.tasks;
    let contacts = contact_index(&book.contacts);
    let deals: HashMap<Id, usize> = index_of(book.deals.iter().map(|d| d.id.0));
    w.len(tasks.len());
    for t in tasks {
        w.raw(&t.id.0 .0.to_be_bytes());
    }
    for t in tasks {
        write_ref(w, &contacts, t.contact.0);
    }
    for t in tasks {
        match t.deal {
            None => w.u64(0),
            Some(d) => {
                w.u64(1);
                write_ref(w, &deals, d.0);
            }
        }
    }
    for t in tasks {
        w.u64(strings.id(&t.title).into());
    }
    for t in tasks {
        w.str(&t.notes);
    }
    let mut days = DayDeltas::default();
    for t in tasks {
        days.write(w, t.on);
    }
    for t in tasks {
        write_optional_day(w, t.done_on, t.on);
    }
    for t in tasks {
        w.u64(t.time.map_or(0, |m| u64::from(m) + 1));
        w.u64(t.duration.map_or(0, |m| u64::from(m) + 1));
    }
    for t in tasks {
        w.u64(task_kind_code(t.kind.into()));
        w.u64(tag_code(t.tag.into()));
    }
    let mut stamps = 0i64;
    for t in tasks {
        write_stamp(w, &mut stamps, t.edited);
    }
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
        t.id = TaskId(read_id(r)?);
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
    let mut stamps = 0i64;
    for t in tasks.iter_mut() {
        t.edited = read_stamp(r, &mut stamps)?;
    }
    Ok(tasks)
}

// ---- Ids and references ----

fn read_id(r: &mut Reader) -> ReadResult<Id> {
    Ok(Id(u128::from_be_bytes(r.array()?)))
}

fn index_of(ids: impl Iterator<Item = Id>) -> HashMap<Id, usize> {
    let mut index = HashMap::default();
    for (i, id) in ids.enumerate() {
        // With duplicate ids the first record is the one a reference resolves to.
        index.entry(id).or_insert(i);
    }
    index
}

fn contact_index(contacts: &[model::Contact]) -> HashMap<Id, usize> {
    index_of(contacts.iter().map(|c| c.id.0))
}

/// 1 + the record's position, or 0 and the raw id when the record is not in the book.
fn write_ref(w: &mut Writer, index: &HashMap<Id, usize>, id: Id) {
    match index.get(&id) {
        Some(&i) => w.len(i + 1),
        None => {
            w.u64(0);
            w.raw(&id.0.to_be_bytes());
        }
    }
}

fn read_ref<T>(r: &mut Reader, table: &[T], id_of: impl Fn(&T) -> Id) -> ReadResult<Id> {
    match r.u64()? {
        0 => read_id(r),
        n => usize::try_from(n - 1)
            .ok()
            .and_then(|i| table.get(i))
            .map(id_of)
            .ok_or_else(|| format!("a reference ({n}) points past the end of its table")),
    }
}

// ---- Days and stamps ----

/// Days as differences from the previous day in the same column. Wrapping arithmetic
/// keeps any `i32` exact, however silly.
#[derive(Default)]
struct DayDeltas {
    prev: i32,
}

impl DayDeltas {
    fn write(&mut self, w: &mut Writer, day: Day) {
        w.i64(day.0.wrapping_sub(self.prev).into());
        self.prev = day.0;
    }

    fn read(&mut self, r: &mut Reader) -> ReadResult<Day> {
        let delta = i32::try_from(r.i64()?).map_err(|_| "a date is out of range".to_string())?;
        self.prev = self.prev.wrapping_add(delta);
        Ok(Day(self.prev))
    }
}

/// `None` as 0; a day as 1 + its zigzagged distance from a nearby day of the record.
fn write_optional_day(w: &mut Writer, day: Option<Day>, near: Day) {
    match day {
        None => w.u64(0),
        Some(d) => {
            let delta = i64::from(d.0.wrapping_sub(near.0));
            w.u64((((delta << 1) ^ (delta >> 63)) as u64) + 1);
        }
    }
}

fn read_optional_day(r: &mut Reader, near: Day) -> ReadResult<Option<Day>> {
    match r.u64()? {
        0 => Ok(None),
        n => {
            let z = n - 1;
            let delta = (z >> 1) as i64 ^ -((z & 1) as i64);
            let delta = i32::try_from(delta).map_err(|_| "a date is out of range".to_string())?;
            Ok(Some(Day(near.0.wrapping_add(delta))))
        }
    }
}

fn write_stamp(w: &mut Writer, prev: &mut i64, stamp: i64) {
    w.i64(stamp.wrapping_sub(*prev));
    *prev = stamp;
}

fn read_stamp(r: &mut Reader, prev: &mut i64) -> ReadResult<i64> {
    *prev = prev.wrapping_add(r.i64()?);
    Ok(*prev)
}

/// `None` as 0, a value as 1 + the value.
fn optional<T: TryFrom<u64>>(n: u64) -> ReadResult<Option<T>> {
    match n {
        0 => Ok(None),
        n => T::try_from(n - 1)
            .map(Some)
            .map_err(|_| "a number is too large".to_string()),
    }
}

// ---- Enum codes (frozen: never renumber) ----

fn stage_code(s: Stage) -> u64 {
    match s {
        Stage::Won => 0,
        Stage::Lost => 1,
        Stage::Step(id) => u64::from(id) + 2,
    }
}

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
fn tag_code(t: Tag) -> u64 {
    match t {
        Tag::Contact(c) => contact_type_code(c),
        Tag::Stage(s) => 3 + stage_code(s),
    }
}

fn tag_from(n: u64) -> ReadResult<Tag> {
    match n {
        0..=2 => contact_type_from(n).map(Tag::Contact),
        n => stage_from(n - 3).map(Tag::Stage),
    }
}
