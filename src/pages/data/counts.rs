//! Counts of records in words ("3 contacts, 1 deal"), shared by the sections.

use crate::format;
use leptos::prelude::*;
use pipewise_core::io::Summary;
use pipewise_core::Book;

/// "1 deal", "1,204 deals".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        format::number(n as f64, 0),
        if n == 1 { one } else { many }
    )
}

/// "3 contacts, 5 deals and 12 tasks".
pub fn records(contacts: usize, deals: usize, tasks: usize) -> String {
    format!(
        "{}, {} and {}",
        count(contacts, "contact", "contacts"),
        count(deals, "deal", "deals"),
        count(tasks, "task", "tasks")
    )
}

/// The records a book holds, in words.
pub fn book_records(book: &Book) -> String {
    records(book.contacts.len(), book.deals.len(), book.tasks.len())
}

/// What a backup file holds: counts, dates, owners and its format.
#[component]
pub fn SummaryList(
    /// The file's summary.
    summary: Summary,
    /// The schema the file was written in.
    schema: u64,
) -> impl IntoView {
    let dates = match (summary.first_day, summary.last_day) {
        (Some(first), Some(last)) => format!("{} to {}", format::date(first), format::date(last)),
        _ => "no dated records".into(),
    };
    let owners = if summary.owners.is_empty() {
        "none named".to_string()
    } else {
        summary.owners.join(", ")
    };
    let current = u64::from(pipewise_core::store::SCHEMA_VERSION);
    let format_text = if schema < current {
        format!("Pipewise format {schema} (older; it is converted as it is read)")
    } else {
        format!("Pipewise format {schema} (current)")
    };
    view! {
        <dl class="facts">
            <dt>"Contacts"</dt><dd>{format::number(summary.contacts as f64, 0)}</dd>
            <dt>"Deals"</dt><dd>{format!("{} ({})", format::number(summary.deals as f64, 0), count(summary.stage_changes, "stage change", "stage changes"))}</dd>
            <dt>"Tasks"</dt><dd>{format::number(summary.tasks as f64, 0)}</dd>
            <dt>"Dates"</dt><dd>{dates}</dd>
            <dt>"Owners"</dt><dd>{owners}</dd>
            <dt>"File format"</dt><dd>{format_text}</dd>
        </dl>
    }
}
