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

// ---- The newest schema converts to and from the model. ----
// When schema 2 arrives, these two impls move to v2.rs, and this file gets
// `impl From<v1::Book> for v2::Book` instead of `From<Book> for model::Book`.

impl From<Book> for model::Book {
    fn from(b: Book) -> model::Book {
        model::Book {
            process: model::Process {
                steps: b.process.into_iter().map(Into::into).collect(),
            },
            contacts: b.contacts.into_iter().map(Into::into).collect(),
            deals: b.deals.into_iter().map(Into::into).collect(),
            tasks: b.tasks.into_iter().map(Into::into).collect(),
            settings: model::Settings {
                currency: b.settings.currency,
                me: b.settings.me,
            },
        }
    }
}

impl From<&model::Book> for Book {
    fn from(b: &model::Book) -> Book {
        // Destructured in full so a new model field fails to compile here: that is the
        // moment to decide whether it needs a new schema.
        let model::Book {
            process,
            contacts,
            deals,
            tasks,
            settings: model::Settings { currency, me },
        } = b;
        Book {
            process: process.steps.iter().map(Into::into).collect(),
            contacts: contacts.iter().map(Into::into).collect(),
            deals: deals.iter().map(Into::into).collect(),
            tasks: tasks.iter().map(Into::into).collect(),
            settings: Settings {
                currency: currency.clone(),
                me: me.clone(),
            },
        }
    }
}

impl From<Step> for model::Step {
    fn from(s: Step) -> model::Step {
        model::Step {
            id: model::StepId(s.id),
            name: s.name,
            stuck_after: s.stuck_after,
        }
    }
}

impl From<&model::Step> for Step {
    fn from(s: &model::Step) -> Step {
        let model::Step {
            id,
            name,
            stuck_after,
        } = s;
        Step {
            id: id.0,
            name: name.clone(),
            stuck_after: *stuck_after,
        }
    }
}

impl From<Stage> for model::Stage {
    fn from(s: Stage) -> model::Stage {
        match s {
            Stage::Step(id) => model::Stage::Step(model::StepId(id)),
            Stage::Won => model::Stage::Won,
            Stage::Lost => model::Stage::Lost,
        }
    }
}

impl From<model::Stage> for Stage {
    fn from(s: model::Stage) -> Stage {
        match s {
            model::Stage::Step(id) => Stage::Step(id.0),
            model::Stage::Won => Stage::Won,
            model::Stage::Lost => Stage::Lost,
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

impl From<model::ContactType> for ContactType {
    fn from(t: model::ContactType) -> ContactType {
        match t {
            model::ContactType::Lead => ContactType::Lead,
            model::ContactType::Prospect => ContactType::Prospect,
            model::ContactType::Client => ContactType::Client,
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

impl From<model::TaskKind> for TaskKind {
    fn from(k: model::TaskKind) -> TaskKind {
        match k {
            model::TaskKind::Call => TaskKind::Call,
            model::TaskKind::Email => TaskKind::Email,
            model::TaskKind::Meeting => TaskKind::Meeting,
            model::TaskKind::Demo => TaskKind::Demo,
            model::TaskKind::Proposal => TaskKind::Proposal,
            model::TaskKind::FollowUp => TaskKind::FollowUp,
            model::TaskKind::Other => TaskKind::Other,
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

impl From<model::Tag> for Tag {
    fn from(t: model::Tag) -> Tag {
        match t {
            model::Tag::Stage(s) => Tag::Stage(s.into()),
            model::Tag::Contact(c) => Tag::Contact(c.into()),
        }
    }
}

impl From<Contact> for model::Contact {
    fn from(c: Contact) -> model::Contact {
        model::Contact {
            id: c.id,
            name: c.name,
            company: c.company,
            email: c.email,
            phone: c.phone,
            owner: c.owner,
            source: c.source,
            notes: c.notes,
            types: c
                .types
                .into_iter()
                .map(|t| model::TypeChange {
                    kind: t.kind.into(),
                    on: t.on,
                })
                .collect(),
            edited: c.edited,
        }
    }
}

impl From<&model::Contact> for Contact {
    fn from(c: &model::Contact) -> Contact {
        let model::Contact {
            id,
            name,
            company,
            email,
            phone,
            owner,
            source,
            notes,
            types,
            edited,
        } = c;
        Contact {
            id: *id,
            name: name.clone(),
            company: company.clone(),
            email: email.clone(),
            phone: phone.clone(),
            owner: owner.clone(),
            source: source.clone(),
            notes: notes.clone(),
            types: types
                .iter()
                .map(|t| TypeChange {
                    kind: t.kind.into(),
                    on: t.on,
                })
                .collect(),
            edited: *edited,
        }
    }
}

impl From<Deal> for model::Deal {
    fn from(d: Deal) -> model::Deal {
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
            history: d
                .history
                .into_iter()
                .map(|h| model::StageChange {
                    stage: h.stage.into(),
                    on: h.on,
                    note: h.note,
                })
                .collect(),
            edited: d.edited,
        }
    }
}

impl From<&model::Deal> for Deal {
    fn from(d: &model::Deal) -> Deal {
        let model::Deal {
            id,
            title,
            contact,
            owner,
            value,
            currency,
            source,
            expected_close,
            notes,
            history,
            edited,
        } = d;
        Deal {
            id: *id,
            title: title.clone(),
            contact: *contact,
            owner: owner.clone(),
            value: *value,
            currency: currency.clone(),
            source: source.clone(),
            expected_close: *expected_close,
            notes: notes.clone(),
            history: history
                .iter()
                .map(|h| StageChange {
                    stage: h.stage.into(),
                    on: h.on,
                    note: h.note.clone(),
                })
                .collect(),
            edited: *edited,
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
            edited: t.edited,
        }
    }
}

impl From<&model::Task> for Task {
    fn from(t: &model::Task) -> Task {
        let model::Task {
            id,
            title,
            on,
            time,
            duration,
            kind,
            contact,
            deal,
            done_on,
            notes,
            tag,
            edited,
        } = t;
        Task {
            id: *id,
            title: title.clone(),
            on: *on,
            time: *time,
            duration: *duration,
            kind: (*kind).into(),
            contact: *contact,
            deal: *deal,
            done_on: *done_on,
            notes: notes.clone(),
            tag: (*tag).into(),
            edited: *edited,
        }
    }
}
