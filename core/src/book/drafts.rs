//! What the forms hand in to the book's events, before any rule is applied.

use crate::day::Day;
use crate::ids::{ContactId, DealId};
use crate::model::{Cents, Tag, TaskKind};

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
