//! The rules of the records (docs/product.md, "Records"): every change to a `Book` is a method named
//! after what happened in the business (`open_deal`, `win_deal`, `log_task`, …). Each
//! checks its rules first and changes nothing when it refuses, so a failed call leaves
//! the book exactly as it was. `check` states the invariants every method keeps; storage
//! and import run it on data that did not come through these methods.
//!
//! Codemap: `drafts.rs` what the forms hand in; `error.rs` the refusals in a rep's
//! words; `limits.rs` the range of dates; `rules.rs` the shared field and date rules; `contacts.rs`, `deals.rs`, `tasks.rs`, `process.rs` the events per record;
//! `check.rs` the invariants.

mod check;
mod contacts;
mod deals;
mod drafts;
mod error;
mod limits;
mod process;
mod rules;
mod settings;
mod tasks;
#[cfg(test)]
mod tests;

pub use drafts::{ContactDraft, DealDraft, TaskDraft};
pub use error::BookError;
pub use limits::{EARLIEST, LATEST};

use crate::day::Day;
use crate::ids::{ContactId, DealId, TaskId};
use crate::model::{Book, Contact, Deal, Stamp, Task};

/// The moment a change is made: `today` bounds every date (nothing happens in the future)
/// and `stamp` becomes the changed records' `edited`, so merges keep the newer edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    pub today: Day,
    pub stamp: Stamp,
}

impl Now {
    /// The latest date it is anywhere on Earth at this moment (UTC+14, or our own date
    /// if later): what "not in the future" means for a file or a teammate's copy,
    /// which may come from across the date line.
    pub fn anywhere(self) -> Day {
        const AHEAD_MS: i64 = 14 * 3_600_000;
        const DAY_MS: i64 = 86_400_000;
        let utc_day = self.stamp.saturating_add(AHEAD_MS).div_euclid(DAY_MS);
        let utc_day = i32::try_from(utc_day).map_or(self.today, Day);
        utc_day.max(self.today)
    }
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
