//! Schema 1, frozen. These records are a copy of the model as it was when schema 1
//! shipped; they define both the JSON backup shape and what the packed codec reads and
//! writes. Never edit them: when the model changes, add schema 2 beside this one (see
//! the checklist in `store.rs`) and leave this file as it is, so old data stays readable.

pub mod packed;

use crate::day::Day;
use crate::ids::{ContactId, DealId, TaskId};
use crate::model;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Book {
    pub process: Vec<Step>,
    pub contacts: Vec<Contact>,
    pub deals: Vec<Deal>,
    pub tasks: Vec<Task>,
    pub settings: Settings,
}

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Step {
    pub id: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stuck_after: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Settings {
    pub currency: String,
    pub me: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Step(u32),
    Won,
    #[default]
    Lost,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContactType {
    #[default]
    Lead,
    Prospect,
    Client,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskKind {
    Call,
    Email,
    Meeting,
    Demo,
    Proposal,
    FollowUp,
    #[default]
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tag {
    Stage(Stage),
    Contact(ContactType),
}

impl Default for Tag {
    fn default() -> Tag {
        Tag::Contact(ContactType::Lead)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TypeChange {
    pub kind: ContactType,
    #[serde(with = "iso_day")]
    pub on: Day,
}

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StageChange {
    pub stage: Stage,
    #[serde(with = "iso_day")]
    pub on: Day,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    pub name: String,
    pub company: String,
    pub email: String,
    pub phone: String,
    pub owner: String,
    pub source: String,
    pub notes: String,
    pub types: Vec<TypeChange>,
    pub edited: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Deal {
    pub id: DealId,
    pub title: String,
    pub contact: ContactId,
    pub owner: String,
    pub value: i64,
    pub currency: String,
    pub source: String,
    #[serde(default, with = "iso_day_opt")]
    pub expected_close: Option<Day>,
    pub notes: String,
    pub history: Vec<StageChange>,
    pub edited: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Task {
    pub id: TaskId,
    pub title: String,
    #[serde(with = "iso_day")]
    pub on: Day,
    #[serde(default)]
    pub time: Option<u16>,
    #[serde(default)]
    pub duration: Option<u16>,
    pub kind: TaskKind,
    pub contact: ContactId,
    #[serde(default)]
    pub deal: Option<DealId>,
    #[serde(default, with = "iso_day_opt")]
    pub done_on: Option<Day>,
    pub notes: String,
    pub tag: Tag,
    pub edited: i64,
}

/// Days in the backup are written `"2026-03-01"` so a person can read them; a day too
/// far out for the calendar (only silly input) is written as its plain day number.
mod iso_day {
    use crate::day::Day;
    use serde::de::{self, Visitor};
    use serde::{Deserializer, Serializer};
    use std::fmt;

    /// 1970-01-01 counted in days from 0001-01-01, as chrono counts them.
    const EPOCH_FROM_CE: i32 = 719_163;

    pub fn serialize<S: Serializer>(day: &Day, s: S) -> Result<S::Ok, S::Error> {
        let date = day
            .0
            .checked_add(EPOCH_FROM_CE)
            .and_then(chrono::NaiveDate::from_num_days_from_ce_opt);
        match date {
            Some(d) if (1..=9999).contains(&chrono::Datelike::year(&d)) => {
                s.serialize_str(&crate::day::iso_text(d))
            }
            _ => s.serialize_i32(day.0),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        d.deserialize_any(DayVisitor)
    }

    pub(super) struct DayVisitor;

    impl Visitor<'_> for DayVisitor {
        type Value = Day;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a date like 2026-03-01")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Day, E> {
            Day::parse_iso(text).ok_or_else(|| E::custom(format!("not a date: {text:?}")))
        }

        fn visit_i64<E: de::Error>(self, n: i64) -> Result<Day, E> {
            i32::try_from(n)
                .map(Day)
                .map_err(|_| E::custom(format!("not a date: {n}")))
        }

        fn visit_u64<E: de::Error>(self, n: u64) -> Result<Day, E> {
            i32::try_from(n)
                .map(Day)
                .map_err(|_| E::custom(format!("not a date: {n}")))
        }
    }
}

mod iso_day_opt {
    use crate::day::Day;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    #[serde(transparent)]
    struct Wrapped(#[serde(with = "super::iso_day")] Day);

    pub fn serialize<S: Serializer>(day: &Option<Day>, s: S) -> Result<S::Ok, S::Error> {
        day.map(Wrapped).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Day>, D::Error> {
        Ok(Option::<Wrapped>::deserialize(d)?.map(|w| w.0))
    }
}

// ---- The migration: schema 1 into the current model. ----
// Schema 1 had one edit stamp per record and histories without ids. Every field takes the
// record's stamp; each history entry gets an id drawn from its record's id, its content
// and its place among equal entries, so the same schema-1 record migrated in two browsers
// gets the same ids and merges with itself. Entries keep their order: `at` is the
// entry's place in the list (stamps that old sort before any made since).

impl From<Book> for model::Book {
    fn from(b: Book) -> model::Book {
        // The steps as this file set them: stamped with its newest edit, so a merge with
        // a book still on the shipped steps keeps the file's names and order.
        let newest = b
            .contacts
            .iter()
            .map(|c| c.edited)
            .chain(b.deals.iter().map(|d| d.edited))
            .chain(b.tasks.iter().map(|t| t.edited))
            .max()
            .unwrap_or(0)
            .max(1);
        let steps = b
            .process
            .into_iter()
            .enumerate()
            .map(|(i, s)| model::Step {
                id: model::StepId(s.id.into()),
                name: s.name,
                stuck_after: s.stuck_after,
                rank: (i as u64 + 1) * model::Step::RANK_GAP,
                stamps: [newest; 3],
                removed: 0,
            })
            .collect();
        model::Book {
            process: model::Process { steps },
            contacts: b.contacts.into_iter().map(Into::into).collect(),
            deals: b.deals.into_iter().map(Into::into).collect(),
            tasks: b.tasks.into_iter().map(Into::into).collect(),
            settings: model::Settings {
                currency: b.settings.currency,
                // Schema 1 called every rep "Me" until told otherwise: that is no name.
                me: if b.settings.me == "Me" {
                    String::new()
                } else {
                    b.settings.me
                },
                stamps: [0; 2],
            },
            gone: model::Gone::default(),
        }
    }
}

/// The id of a migrated entry: its record, what it says and how many equal entries
/// came before it in the same list.
/// Each entry is given as its bytes (kind or stage code, day, note); the digest is
/// `ids::stable_digest`, the same in every build.
fn migrated_id(owner: crate::ids::Id, all: &[Vec<u8>], i: usize) -> model::ChangeId {
    let repeats = all[..i].iter().filter(|e| **e == all[i]).count() as u64;
    model::ChangeId(crate::ids::stable_digest(&[
        b"v1",
        &owner.0.to_le_bytes(),
        &all[i],
        &repeats.to_le_bytes(),
    ]))
}

/// A stage as bytes for `migrated_id`: 0 won, 1 lost, 2 + the step's id.
fn stage_bytes(stage: Stage) -> [u8; 8] {
    let code: u64 = match stage {
        Stage::Won => 0,
        Stage::Lost => 1,
        Stage::Step(id) => 2 + u64::from(id),
    };
    code.to_le_bytes()
}

impl From<Stage> for model::Stage {
    fn from(s: Stage) -> model::Stage {
        match s {
            Stage::Step(id) => model::Stage::Step(model::StepId(id.into())),
            Stage::Won => model::Stage::Won,
            Stage::Lost => model::Stage::Lost,
        }
    }
}

impl From<ContactType> for model::ContactType {
    fn from(t: ContactType) -> model::ContactType {
        match t {
            ContactType::Lead => model::ContactType::Lead,
            ContactType::Prospect => model::ContactType::Prospect,
            ContactType::Client => model::ContactType::Client,
        }
    }
}

impl From<TaskKind> for model::TaskKind {
    fn from(k: TaskKind) -> model::TaskKind {
        match k {
            TaskKind::Call => model::TaskKind::Call,
            TaskKind::Email => model::TaskKind::Email,
            TaskKind::Meeting => model::TaskKind::Meeting,
            TaskKind::Demo => model::TaskKind::Demo,
            TaskKind::Proposal => model::TaskKind::Proposal,
            TaskKind::FollowUp => model::TaskKind::FollowUp,
            TaskKind::Other => model::TaskKind::Other,
        }
    }
}

impl From<Tag> for model::Tag {
    fn from(t: Tag) -> model::Tag {
        match t {
            Tag::Stage(s) => model::Tag::Stage(s.into()),
            Tag::Contact(c) => model::Tag::Contact(c.into()),
        }
    }
}

impl From<Contact> for model::Contact {
    fn from(c: Contact) -> model::Contact {
        let keys: Vec<Vec<u8>> = c
            .types
            .iter()
            .map(|t| [vec![t.kind as u8], t.on.0.to_le_bytes().to_vec()].concat())
            .collect();
        let types = c
            .types
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let id = migrated_id(c.id.0, &keys, i);
                model::TypeChange::new(id, t.kind.into(), t.on, i as i64)
            })
            .collect();
        model::Contact {
            id: c.id,
            name: c.name,
            company: c.company,
            email: c.email,
            phone: c.phone,
            owner: c.owner,
            source: c.source,
            notes: c.notes,
            types,
            hidden_types: Vec::new(),
            stamps: [c.edited; 7],
            edited: c.edited,
            removed: 0,
        }
    }
}

impl From<Deal> for model::Deal {
    fn from(d: Deal) -> model::Deal {
        let keys: Vec<Vec<u8>> = d
            .history
            .iter()
            .map(|h| {
                let mut key = stage_bytes(h.stage).to_vec();
                key.extend(h.on.0.to_le_bytes());
                key.extend(h.note.as_bytes());
                key
            })
            .collect();
        let history = d
            .history
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let id = migrated_id(d.id.0, &keys, i);
                model::StageChange::new(id, h.stage.into(), h.on, h.note.clone(), i as i64)
            })
            .collect();
        model::Deal {
            id: d.id,
            title: d.title,
            contact: d.contact,
            owner: d.owner,
            value: d.value,
            currency: d.currency,
            source: d.source,
            expected_close: d.expected_close,
            notes: d.notes,
            history,
            hidden: Vec::new(),
            stamps: [d.edited; 8],
            edited: d.edited,
            removed: 0,
        }
    }
}

impl From<Task> for model::Task {
    fn from(t: Task) -> model::Task {
        model::Task {
            id: t.id,
            title: t.title,
            on: t.on,
            time: t.time,
            duration: t.duration,
            kind: t.kind.into(),
            contact: t.contact,
            deal: t.deal,
            done_on: t.done_on,
            notes: t.notes,
            tag: t.tag.into(),
            stamps: [t.edited; 10],
            edited: t.edited,
            removed: 0,
        }
    }
}
