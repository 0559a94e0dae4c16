//! Export: CSV files for spreadsheets and other CRMs, and the tasks as a calendar file.

use super::Section;
use crate::browser;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::io;
use pipewise_core::Book;

const CSV: &str = "text/csv;charset=utf-8";

#[component]
pub fn ExportSection() -> impl IntoView {
    let app = use_app();
    let file = move |what: &str, ext: &str| format!("pipewise-{what}-{}.{ext}", app.today().iso());
    let csv = move |what: &'static str, write: fn(&Book) -> String| {
        move |_| {
            let text = app.book.with_untracked(write);
            browser::download(&file(what, "csv"), CSV, &text);
        }
    };
    let ics = move |_| {
        let stamp = app.stamp();
        let text = app.book.with_untracked(|b| io::export_ics(b, stamp));
        browser::download(&file("tasks", "ics"), "text/calendar;charset=utf-8", &text);
    };
    view! {
        <Section title="Export" about="Open your records in a spreadsheet or another CRM (CSV), or put your tasks in Google Calendar, Outlook or Apple Calendar (.ics).">
            <div class="export-buttons">
                <button type="button" on:click=csv("contacts", io::export_contacts_csv)>"Contacts (CSV)"</button>
                <button type="button" on:click=csv("deals", io::export_deals_csv)>"Deals (CSV)"</button>
                <button type="button" on:click=csv("tasks", io::export_tasks_csv)>"Tasks (CSV)"</button>
                <button type="button" on:click=ics>"Tasks as calendar (.ics)"</button>
            </div>
            <p class="muted small">"Cells that a spreadsheet would run as a formula (starting with = + - @) are written with a leading apostrophe, so they show as text."</p>
        </Section>
    }
}
