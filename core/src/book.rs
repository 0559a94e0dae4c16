//! The rules of the records (docs/product.md, "Records"): every change to a `Book` is a method named
//! after what happened in the business (`open_deal`, `win_deal`, `log_task`, …). Each
//! checks its rules first and changes nothing when it refuses, so a failed call leaves
//! the book exactly as it was. `check` states the invariants every method keeps; storage
//! and import run it on data that did not come through these methods.
//!
//! Codemap: `error.rs` the refusals in a rep's words; `rules.rs` the shared field and date
//! rules; `contacts.rs`, `deals.rs`, `tasks.rs`, `process.rs` the events per record;
//! `check.rs` the invariants.

mod check;
mod contacts;
mod deals;
mod error;
mod process;
mod rules;
mod settings;
mod tasks;
#[cfg(test)]
mod tests;

pub use error::BookError;
pub use rules::{EARLIEST, LATEST};

use crate::day::Day;
use crate::ids::{ContactId, DealId, TaskId};
use crate::model::{Book, Cents, Contact, Deal, Stamp, Tag, Task, TaskKind};

/// The moment a change is made: `today` bounds every date (nothing happens in the future)
/// and `stamp` becomes the changed records' `edited`, so merges keep the newer edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    pub today: Day,
    pub stamp: Stamp,
}

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

/// What removing a contact took with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Removed {
    pub deals: usize,
    pub tasks: usize,
}

impl Book {
    pub fn contact(&self, id: ContactId) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    pub fn deal(&self, id: DealId) -> Option<&Deal> {
        self.deals.iter().find(|d| d.id == id)
    }

    pub fn task(&self, id: TaskId) -> Option<&Task> {
        self.tasks.iter().find(|t| t.id == id)
    }

    /// Sorted, distinct, non-empty owners of contacts and deals.
    pub fn owners(&self) -> Vec<String> {
        let contacts = self.contacts.iter().map(|c| c.owner.as_str());
        let deals = self.deals.iter().map(|d| d.owner.as_str());
        distinct(contacts.chain(deals))
    }

    /// Sorted, distinct, non-empty sources of contacts and deals.
    pub fn sources(&self) -> Vec<String> {
        let contacts = self.contacts.iter().map(|c| c.source.as_str());
        let deals = self.deals.iter().map(|d| d.source.as_str());
        distinct(contacts.chain(deals))
    }

    pub fn deals_of(&self, contact: ContactId) -> impl Iterator<Item = &Deal> + '_ {
        self.deals.iter().filter(move |d| d.contact == contact)
    }

    pub fn tasks_of_contact(&self, contact: ContactId) -> impl Iterator<Item = &Task> + '_ {
        self.tasks.iter().filter(move |t| t.contact == contact)
    }

    pub fn tasks_of_deal(&self, deal: DealId) -> impl Iterator<Item = &Task> + '_ {
        self.tasks.iter().filter(move |t| t.deal == Some(deal))
    }

    fn contact_mut(&mut self, id: ContactId) -> Result<&mut Contact, BookError> {
        self.contacts
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(BookError::ContactNotFound)
    }

    fn deal_mut(&mut self, id: DealId) -> Result<&mut Deal, BookError> {
        self.deals
            .iter_mut()
            .find(|d| d.id == id)
            .ok_or(BookError::DealNotFound)
    }

    fn task_mut(&mut self, id: TaskId) -> Result<&mut Task, BookError> {
        self.tasks
            .iter_mut()
            .find(|t| t.id == id)
            .ok_or(BookError::TaskNotFound)
    }
}

fn distinct<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = names
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(String::from)
        .collect();
    out.sort();
    out.dedup();
    out
}
