//! Prospecting activity: the work behind new leads.

use super::period::Period;
use super::scope::Scope;
use crate::model::{Book, ContactType, Stage, Tag, Task};
use std::collections::HashMap;

/// Tasks done in the period, by pipeline tag.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Activity {
    pub done: usize,
    /// Done tasks tagged Lead or Prospect (contact type), or a prospecting step.
    pub prospecting: usize,
    /// Contact types first, then stages in process order, removed steps, Won, Lost.
    pub by_tag: Vec<(Tag, usize)>,
}

/// A task belongs to its deal's owner, or, without a (known) deal, to its contact's
/// owner; a task with neither counts only for everyone.
pub fn prospecting_activity(book: &Book, scope: &Scope, period: &Period) -> Activity {
    let owner_of = owners(book, scope);
    let mut activity = Activity::default();
    for task in &book.tasks {
        if !task.done_on.is_some_and(|d| period.contains(d)) {
            continue;
        }
        if let (Scope::Owner(name), Some(owners)) = (scope, &owner_of) {
            if task_owner(task, owners) != Some(name.as_str()) {
                continue;
            }
        }
        activity.done += 1;
        if is_prospecting(book, task.tag) {
            activity.prospecting += 1;
        }
        match activity.by_tag.iter_mut().find(|(t, _)| *t == task.tag) {
            Some((_, n)) => *n += 1,
            None => activity.by_tag.push((task.tag, 1)),
        }
    }
    activity.by_tag.sort_by_key(|(tag, _)| order(book, *tag));
    activity
}

/// Done prospecting tasks in the period per owner, in one pass (for the owner table).
pub(crate) fn prospecting_by_owner<'a>(book: &'a Book, period: &Period) -> HashMap<&'a str, usize> {
    let mut counts = HashMap::new();
    let Some(owners) = owners(book, &Scope::Owner(String::new())) else {
        return counts;
    };
    for task in &book.tasks {
        if task.done_on.is_some_and(|d| period.contains(d)) && is_prospecting(book, task.tag) {
            if let Some(owner) = task_owner(task, &owners) {
                *counts.entry(owner).or_insert(0) += 1;
            }
        }
    }
    counts
}

fn is_prospecting(book: &Book, tag: Tag) -> bool {
    match tag {
        Tag::Contact(kind) => matches!(kind, ContactType::Lead | ContactType::Prospect),
        Tag::Stage(Stage::Step(s)) => book.process.is_prospecting(s),
        Tag::Stage(_) => false,
    }
}

fn order(book: &Book, tag: Tag) -> (u8, usize) {
    match tag {
        Tag::Contact(kind) => (0, kind as usize),
        Tag::Stage(Stage::Step(s)) => match book.process.position(s) {
            Some(p) => (1, p),
            None => (2, s.0 as usize),
        },
        Tag::Stage(Stage::Won) => (3, 0),
        Tag::Stage(Stage::Lost) => (4, 0),
    }
}

struct Owners<'a> {
    deals: HashMap<crate::ids::DealId, &'a str>,
    contacts: HashMap<crate::ids::ContactId, &'a str>,
}

/// Owner look-ups, built only when the scope is one owner.
fn owners<'a>(book: &'a Book, scope: &Scope) -> Option<Owners<'a>> {
    matches!(scope, Scope::Owner(_)).then(|| Owners {
        deals: book
            .deals
            .iter()
            .map(|d| (d.id, d.owner.as_str()))
            .collect(),
        contacts: book
            .contacts
            .iter()
            .map(|c| (c.id, c.owner.as_str()))
            .collect(),
    })
}

fn task_owner<'a>(task: &Task, owners: &Owners<'a>) -> Option<&'a str> {
    task.deal
        .and_then(|id| owners.deals.get(&id).copied())
        .or_else(|| owners.contacts.get(&task.contact).copied())
}
