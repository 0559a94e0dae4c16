//! The contact list and a contact's page, as data: search and type filter, each row's
//! open deals and next task, a contact's deals with where they stand, and what removing
//! a contact would take with it (said before the rep confirms).

use crate::book::Removed;
use crate::calendar::{tag_view, TagView};
use crate::day::Day;
use crate::ids::{ContactId, DealId};
use crate::model::{Book, Cents, Contact, ContactType, Tag};
use std::collections::HashMap;

mod matching;
pub use matching::ContactIndex;

/// What the contact list is narrowed to (from the URL's `q` and `type`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactQuery {
    /// Words that must each appear in the name, company or email (any case).
    pub text: String,
    pub kind: Option<ContactType>,
}

impl ContactQuery {
    pub fn matches(&self, contact: &Contact) -> bool {
        if self.kind.is_some_and(|k| contact.kind() != k) {
            return false;
        }
        let haystack =
            format!("{} {} {}", contact.name, contact.company, contact.email).to_lowercase();
        self.text
            .to_lowercase()
            .split_whitespace()
            .all(|word| haystack.contains(word))
    }
}

/// One row of the contact list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ContactRow {
    pub id: ContactId,
    pub name: String,
    pub company: String,
    pub email: String,
    pub kind: ContactType,
    pub owner: String,
    pub open_deals: usize,
    /// The earliest day among the contact's open tasks (overdue ones included).
    pub next_task: Option<Day>,
}

impl ContactRow {
    /// A list key: the contact's id and a digest of what the row shows, so the row is
    /// rebuilt when (and only when) one of its figures changes, without a second copy.
    pub fn key(&self) -> (ContactId, u64) {
        (self.id, crate::ids::row_digest(self))
    }
}

/// The contacts that match, sorted by name, with their counts made in one pass.
pub fn contact_rows(book: &Book, query: &ContactQuery) -> Vec<ContactRow> {
    let mut open_deals: HashMap<ContactId, usize> = HashMap::new();
    for deal in book.deals.iter().filter(|d| d.is_open()) {
        *open_deals.entry(deal.contact).or_default() += 1;
    }
    let mut next_task: HashMap<ContactId, Day> = HashMap::new();
    for task in book.tasks.iter().filter(|t| t.done_on.is_none()) {
        next_task
            .entry(task.contact)
            .and_modify(|d| *d = (*d).min(task.on))
            .or_insert(task.on);
    }
    let mut rows: Vec<ContactRow> = book
        .contacts
        .iter()
        .filter(|c| query.matches(c))
        .map(|c| ContactRow {
            id: c.id,
            name: c.name.clone(),
            company: c.company.clone(),
            email: c.email.clone(),
            kind: c.kind(),
            owner: c.owner.clone(),
            open_deals: open_deals.get(&c.id).copied().unwrap_or(0),
            next_task: next_task.get(&c.id).copied(),
        })
        .collect();
    rows.sort_by_cached_key(|r| (r.name.to_lowercase(), r.id));
    rows
}

/// What removing the contact would remove: its deals and every task of it or of them.
pub fn removal(book: &Book, id: ContactId) -> Removed {
    let deals: Vec<DealId> = book.deals_of(id).map(|d| d.id).collect();
    let tasks = book
        .tasks
        .iter()
        .filter(|t| t.contact == id || t.deal.is_some_and(|d| deals.contains(&d)))
        .count();
    Removed {
        deals: deals.len(),
        tasks,
    }
}

/// The warning shown before removing a contact, e.g.
/// "Deleting Ana Ruiz also removes 3 deals and 7 tasks."
pub fn removal_warning(name: &str, removed: Removed) -> String {
    let count = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let mut parts = Vec::new();
    if removed.deals > 0 {
        parts.push(count(removed.deals, "deal", "deals"));
    }
    if removed.tasks > 0 {
        parts.push(count(removed.tasks, "task", "tasks"));
    }
    if parts.is_empty() {
        format!("Deleting {name} removes the contact; they have no deals or tasks.")
    } else {
        format!(
            "Deleting {name} also removes their {}.",
            parts.join(" and ")
        )
    }
}

/// One of a contact's deals as their page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DealLine {
    pub id: DealId,
    pub title: String,
    /// The current step, or Won / Lost, with its colour.
    pub stage: TagView,
    pub since: Day,
    pub value: Cents,
    pub currency: String,
    pub open: bool,
}

/// The contact's deals: open ones first, then the newest.
pub fn deal_lines(book: &Book, id: ContactId) -> Vec<DealLine> {
    let mut lines: Vec<DealLine> = book
        .deals_of(id)
        .map(|d| DealLine {
            id: d.id,
            title: d.title.clone(),
            stage: tag_view(&book.process, Tag::Stage(d.stage())),
            since: d.since(),
            value: d.value,
            currency: d.currency.clone(),
            open: d.is_open(),
        })
        .collect();
    lines.sort_by_key(|l| (!l.open, std::cmp::Reverse(l.since), l.id));
    lines
}

#[cfg(test)]
mod tests;
