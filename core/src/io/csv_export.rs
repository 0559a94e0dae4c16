//! CSV export of contacts, deals and tasks, safe to open in a spreadsheet.

use super::text::{cents_text, day_text, tag_name};
use crate::model::{Book, Stage};
use std::collections::HashMap;

/// A text cell made safe against spreadsheet formula injection (OWASP "CSV Injection"):
/// a cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`,
/// so the spreadsheet shows it as text instead of running it.
pub fn safe_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Writes rows of cells; every cell goes through `safe_cell`.
fn write_csv(header: &[String], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail; a failure would only drop that row.
    let _ = out.write_record(header.iter().map(|h| safe_cell(h)));
    for row in rows {
        let _ = out.write_record(row.iter().map(|c| safe_cell(c)));
    }
    let bytes = out.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn header(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

pub fn export_contacts_csv(book: &Book) -> String {
    let head = header(&[
        "Id",
        "Name",
        "Company",
        "Email",
        "Phone",
        "Owner",
        "Source",
        "Type",
        "Type since",
        "Notes",
    ]);
    let rows = book.contacts.iter().map(|c| {
        vec![
            c.id.to_string(),
            c.name.clone(),
            c.company.clone(),
            c.email.clone(),
            c.phone.clone(),
            c.owner.clone(),
            c.source.clone(),
            c.kind().label().to_string(),
            c.types.last().map(|t| day_text(t.on)).unwrap_or_default(),
            c.notes.clone(),
        ]
    });
    write_csv(&head, rows)
}

/// One row per deal: its fields, its contact, the current stage, the first date it
/// entered each step of the process, and its outcome.
pub fn export_deals_csv(book: &Book) -> String {
    let contacts: HashMap<_, _> = book.contacts.iter().map(|c| (c.id, c)).collect();
    let mut head = header(&[
        "Id",
        "Title",
        "Contact",
        "Company",
        "Contact email",
        "Owner",
        "Value",
        "Currency",
        "Source",
        "Stage",
        "Created",
        "Expected close",
    ]);
    head.extend(
        book.process
            .steps
            .iter()
            .map(|s| format!("{} date", s.name)),
    );
    head.extend(header(&["Won date", "Lost date", "Loss reason", "Notes"]));
    let rows = book.deals.iter().map(|d| {
        let contact = contacts.get(&d.contact);
        let first_entry = |stage: Stage| {
            d.history
                .iter()
                .find(|c| c.stage == stage)
                .map(|c| day_text(c.on))
                .unwrap_or_default()
        };
        let mut row = vec![
            d.id.to_string(),
            d.title.clone(),
            contact.map(|c| c.name.clone()).unwrap_or_default(),
            contact.map(|c| c.company.clone()).unwrap_or_default(),
            contact.map(|c| c.email.clone()).unwrap_or_default(),
            d.owner.clone(),
            cents_text(d.value),
            d.currency.clone(),
            d.source.clone(),
            d.stage().name(&book.process).to_string(),
            d.history
                .first()
                .map(|c| day_text(c.on))
                .unwrap_or_default(),
            d.expected_close.map(day_text).unwrap_or_default(),
        ];
        row.extend(
            book.process
                .steps
                .iter()
                .map(|s| first_entry(Stage::Step(s.id))),
        );
        let lost_reason = d
            .history
            .iter()
            .rev()
            .find(|c| c.stage == Stage::Lost)
            .map(|c| c.note.clone())
            .unwrap_or_default();
        row.extend([
            outcome_date(d, Stage::Won),
            outcome_date(d, Stage::Lost),
            lost_reason,
            d.notes.clone(),
        ]);
        row
    });
    write_csv(&head, rows)
}

/// The date of the deal's outcome when it is its current stage.
fn outcome_date(deal: &crate::model::Deal, outcome: Stage) -> String {
    match deal.history.last() {
        Some(last) if last.stage == outcome => day_text(last.on),
        _ => String::new(),
    }
}

pub fn export_tasks_csv(book: &Book) -> String {
    let contacts: HashMap<_, _> = book.contacts.iter().map(|c| (c.id, c)).collect();
    let deals: HashMap<_, _> = book.deals.iter().map(|d| (d.id, d)).collect();
    let head = header(&[
        "Id", "Date", "Time", "Duration", "Kind", "Title", "Contact", "Company", "Deal", "Tag",
        "Done on", "Notes",
    ]);
    let rows = book.tasks.iter().map(|t| {
        let contact = contacts.get(&t.contact);
        vec![
            t.id.to_string(),
            day_text(t.on),
            t.time
                .map(|m| format!("{:02}:{:02}", m / 60, m % 60))
                .unwrap_or_default(),
            t.duration.map(|m| m.to_string()).unwrap_or_default(),
            t.kind.label().to_string(),
            t.title.clone(),
            contact.map(|c| c.name.clone()).unwrap_or_default(),
            contact.map(|c| c.company.clone()).unwrap_or_default(),
            t.deal
                .and_then(|id| deals.get(&id))
                .map(|d| d.title.clone())
                .unwrap_or_default(),
            tag_name(&book.process, t.tag).to_string(),
            t.done_on.map(day_text).unwrap_or_default(),
            t.notes.clone(),
        ]
    });
    write_csv(&head, rows)
}
