//! Choosing what a joined book shows. Every rule here reads only the registers, so two
//! copies holding the same registers show the same book, whatever order they merged in.

use crate::ids::{ContactId, DealId};
use crate::model::{Book, Contact, Deal, Stage, StageChange, Step, StepId};
use crate::model::{Task, TypeChange};
use std::collections::HashSet;

/// Puts every record, step and history entry where the rules say: shown or hidden,
/// present or gone; and orders the lists. Settling a settled book changes nothing.
pub fn settle(book: &mut Book) {
    for contact in book
        .contacts
        .iter_mut()
        .chain(book.gone.contacts.iter_mut())
    {
        settle_types(contact);
    }
    for deal in book.deals.iter_mut().chain(book.gone.deals.iter_mut()) {
        settle_history(deal);
    }
    settle_records(book);
    settle_steps(book);
}

/// Whether an edit is newer than the removal: a removal wins over what it saw, an edit
/// made after it (by someone who had not seen it) brings the record back. Team sync
/// asks it too, of a single record settled on its own (`sync/leaves.rs`).
pub(crate) fn kept(removed: i64, edited: i64) -> bool {
    removed == 0 || edited > removed
}

/// The type history shown: live changes by date and by when they were made, without the
/// same type twice in a row. Never empty: with every change removed, the oldest stays.
fn settle_types(contact: &mut Contact) {
    let mut all: Vec<TypeChange> = contact.types.drain(..).collect();
    all.append(&mut contact.hidden_types);
    all.sort_by_key(TypeChange::order);
    let mut shown: Vec<TypeChange> = Vec::with_capacity(all.len());
    let mut hidden = Vec::new();
    for change in all {
        let repeat = shown.last().is_some_and(|l| l.kind == change.kind);
        if !kept(change.removed, change.at) || repeat {
            hidden.push(change);
        } else {
            shown.push(change);
        }
    }
    if shown.is_empty() && !hidden.is_empty() {
        shown.push(hidden.remove(0));
    }
    contact.types = shown;
    contact.hidden_types = hidden;
}

/// The stage history shown: live changes by date and by when they were made, starting
/// at a step, without a stage twice in a row and without an outcome right after an
/// outcome (two reps closing the same deal: the first close stands, the second is kept
/// hidden). Never empty: with every change removed, the oldest step entry stays.
pub(crate) fn settle_history(deal: &mut Deal) {
    let mut all: Vec<StageChange> = deal.history.drain(..).collect();
    all.append(&mut deal.hidden);
    all.sort_by_key(StageChange::order);
    let mut shown: Vec<StageChange> = Vec::with_capacity(all.len());
    let mut hidden = Vec::new();
    for change in all {
        let fits = match shown.last() {
            None => change.stage.is_open(),
            Some(last) => {
                last.stage != change.stage && (last.stage.is_open() || change.stage.is_open())
            }
        };
        let edited = change.stamps.iter().copied().max().unwrap_or(change.at);
        if kept(change.removed, edited) && fits {
            shown.push(change);
        } else {
            hidden.push(change);
        }
    }
    if shown.is_empty() {
        if let Some(i) = hidden.iter().position(|c| c.stage.is_open()) {
            shown.push(hidden.remove(i));
        }
    }
    deal.history = shown;
    deal.hidden = hidden;
}

/// Which records are present: each by its own removal and edits, and then a present
/// task keeps its deal and contact, a present deal its contact (what a teammate added
/// to a record someone removed brings the record back rather than being lost). A task
/// of a deal follows the deal's contact.
fn settle_records(book: &mut Book) {
    let mut contacts: Vec<Contact> = book.contacts.drain(..).collect();
    contacts.append(&mut book.gone.contacts);
    let mut deals: Vec<Deal> = book.deals.drain(..).collect();
    deals.append(&mut book.gone.deals);
    let mut tasks: Vec<Task> = book.tasks.drain(..).collect();
    tasks.append(&mut book.gone.tasks);

    let task_kept: Vec<bool> = tasks.iter().map(|t| kept(t.removed, t.edited)).collect();
    let mut deals_needed: HashSet<DealId> = HashSet::new();
    let mut contacts_needed: HashSet<ContactId> = HashSet::new();
    for (task, kept) in tasks.iter().zip(&task_kept) {
        if *kept {
            deals_needed.extend(task.deal);
            contacts_needed.insert(task.contact);
        }
    }
    let deal_kept: Vec<bool> = deals
        .iter()
        .map(|d| kept(d.removed, d.edited) || deals_needed.contains(&d.id))
        .collect();
    for (deal, kept) in deals.iter().zip(&deal_kept) {
        if *kept {
            contacts_needed.insert(deal.contact);
        }
    }
    // A task of a deal is with the deal's contact (the newer of the two moves counts).
    let deal_contacts: std::collections::HashMap<DealId, (ContactId, i64)> = deals
        .iter()
        .map(|d| (d.id, (d.contact, d.stamps[1])))
        .collect();
    for (task, kept) in tasks.iter_mut().zip(&task_kept) {
        if let Some((contact, stamp)) = task.deal.and_then(|d| deal_contacts.get(&d)) {
            if task.contact != *contact {
                if *kept {
                    contacts_needed.insert(*contact);
                }
                task.contact = *contact;
                task.stamps[5] = task.stamps[5].max(*stamp);
            }
        }
    }

    for contact in contacts {
        if kept(contact.removed, contact.edited) || contacts_needed.contains(&contact.id) {
            book.contacts.push(contact);
        } else {
            book.gone.contacts.push(contact);
        }
    }
    for (deal, kept) in deals.into_iter().zip(deal_kept) {
        if kept {
            book.deals.push(deal);
        } else {
            book.gone.deals.push(deal);
        }
    }
    for (task, kept) in tasks.into_iter().zip(task_kept) {
        if kept {
            book.tasks.push(task);
        } else {
            book.gone.tasks.push(task);
        }
    }
    book.contacts.sort_by_key(|c| (created_contact(c), c.id));
    book.deals.sort_by_key(|d| (created_deal(d), d.id));
    book.tasks
        .sort_by_key(|t| (t.stamps.iter().copied().min().unwrap_or(0), t.id));
    book.gone.contacts.sort_by_key(|c| c.id);
    book.gone.deals.sort_by_key(|d| d.id);
    book.gone.tasks.sort_by_key(|t| t.id);
}

/// When the record was made, as near as its registers tell: the first entry of its
/// history. Orders lists the way they grew.
fn created_contact(c: &Contact) -> i64 {
    c.types
        .iter()
        .chain(&c.hidden_types)
        .map(|t| t.at)
        .min()
        .unwrap_or(0)
}

fn created_deal(d: &Deal) -> i64 {
    d.history
        .iter()
        .chain(&d.hidden)
        .map(|c| c.at)
        .min()
        .unwrap_or(0)
}

/// Which steps are present and in what order: each by its own removal and edits, and a
/// step a shown history passes through stays (a teammate moved a deal into a step
/// someone removed). Steps in order of rank; two steps of one name (two reps added
/// "Demo") are told apart by a number. Never empty.
fn settle_steps(book: &mut Book) {
    let mut steps: Vec<Step> = book.process.steps.drain(..).collect();
    steps.append(&mut book.gone.steps);
    let used: HashSet<StepId> = book
        .deals
        .iter()
        .flat_map(|d| d.history.iter())
        .filter_map(|c| match c.stage {
            Stage::Step(id) => Some(id),
            _ => None,
        })
        .collect();
    steps.sort_by_key(|s| (s.rank, s.id));
    for step in steps {
        let edited = step.stamps.iter().copied().max().unwrap_or(0);
        if kept(step.removed, edited) || used.contains(&step.id) {
            book.process.steps.push(step);
        } else {
            book.gone.steps.push(step);
        }
    }
    if book.process.steps.is_empty() && !book.gone.steps.is_empty() {
        // The last of them stays: a process needs a step.
        let last = book.gone.steps.len() - 1;
        book.process.steps.push(book.gone.steps.remove(last));
    }
    number_steps(&mut book.process);
    for step in book.gone.steps.iter_mut() {
        step.name = unnumbered(&step.name).to_string();
    }
    book.gone.steps.sort_by_key(|s| s.id);
}

/// Two present steps of one name (two reps added "Demo") are told apart by a number, in
/// the order of the process. The number is worked out afresh from the names as given
/// every time (a name numbered before loses its number first), so books that hold the
/// same steps number them alike, however they came to hold them. The book's own step
/// events call this too, so a move keeps the numbers in step order.
pub(crate) fn number_steps(process: &mut crate::model::Process) {
    let mut names: HashSet<String> = HashSet::new();
    for step in process.steps.iter_mut() {
        let base = unnumbered(&step.name).to_string();
        step.name = base.clone();
        let mut n = 1;
        while !names.insert(step.name.to_lowercase()) {
            n += 1;
            step.name = format!("{base}{NUMBERED}({n})");
        }
    }
}

/// What separates a step's name from the number a merge gave it: a thin space, which
/// reads as a space and which no one types, so a rep's own "Demo (2)" is never taken for
/// a merge's number.
const NUMBERED: char = '\u{2009}';

/// The name as given, without a number a merge added. Team sync writes step names so
/// (`sync/wire.rs`): the number is for display, worked out again by every book.
pub(crate) fn unnumbered(name: &str) -> &str {
    match name.rsplit_once(NUMBERED) {
        Some((base, number))
            if number.len() > 2
                && number.starts_with('(')
                && number.ends_with(')')
                && number[1..number.len() - 1]
                    .bytes()
                    .all(|b| b.is_ascii_digit()) =>
        {
            base
        }
        _ => name,
    }
}
