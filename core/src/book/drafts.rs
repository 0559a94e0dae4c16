//! What the forms hand in to the book's events, before any rule is applied.

use crate::day::Day;
use crate::ids::{ContactId, DealId};
use crate::model::{Cents, Contact, Deal, Tag, Task, TaskKind};

/// What the contact form hands in. Text is trimmed; the name is required and the email,
/// when given, must look like one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactDraft {
    pub name: String,
    pub company: String,
    pub email: String,
    pub phone: String,
    pub owner: String,
    pub source: String,
    pub notes: String,
}

/// What the deal form hands in. The title is required, the value may not be negative and
/// the currency is a three-letter code (uppercased here).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealDraft {
    pub title: String,
    pub contact: ContactId,
    pub owner: String,
    pub value: Cents,
    pub currency: String,
    pub source: String,
    pub expected_close: Option<Day>,
    pub notes: String,
}

/// What the task form hands in. `tag: None` means the default: the deal's current stage,
/// or the contact's type for a task without a deal (on edit: keep the task's tag).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskDraft {
    pub title: String,
    pub on: Day,
    /// Minutes after midnight.
    pub time: Option<u16>,
    /// Minutes.
    pub duration: Option<u16>,
    pub kind: TaskKind,
    pub contact: ContactId,
    pub deal: Option<DealId>,
    pub notes: String,
    pub tag: Option<Tag>,
}

impl ContactDraft {
    /// The contact as its form shows it: what a form's changes are measured against.
    pub fn of(c: &Contact) -> ContactDraft {
        ContactDraft {
            name: c.name.clone(),
            company: c.company.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
            owner: c.owner.clone(),
            source: c.source.clone(),
            notes: c.notes.clone(),
        }
    }
}

impl DealDraft {
    /// The deal as its form shows it.
    pub fn of(d: &Deal) -> DealDraft {
        DealDraft {
            title: d.title.clone(),
            contact: d.contact,
            owner: d.owner.clone(),
            value: d.value,
            currency: d.currency.clone(),
            source: d.source.clone(),
            expected_close: d.expected_close,
            notes: d.notes.clone(),
        }
    }
}

impl TaskDraft {
    /// The task as its form shows it (with its tag).
    pub fn of(t: &Task) -> TaskDraft {
        TaskDraft {
            title: t.title.clone(),
            on: t.on,
            time: t.time,
            duration: t.duration,
            kind: t.kind,
            contact: t.contact,
            deal: t.deal,
            notes: t.notes.clone(),
            tag: Some(t.tag),
        }
    }
}
