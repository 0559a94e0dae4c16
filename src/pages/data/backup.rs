//! Back up: the whole book as one readable, versioned JSON file.

use super::counts::book_records;
use super::Section;
use crate::browser;
use crate::state::{use_app, AppState};
use leptos::prelude::*;
use pipewise_core::store;

/// Downloads `pipewise-backup-YYYY-MM-DD.json` with everything in this browser.
pub fn download_backup(app: AppState) {
    let text = app.book.with_untracked(store::to_backup_json);
    browser::download(
        &format!("pipewise-backup-{}.json", app.today().iso()),
        "application/json",
        &text,
    );
}

#[component]
pub fn BackupSection() -> impl IntoView {
    let app = use_app();
    let saved = RwSignal::new(false);
    let holds = move || app.book.with(book_records);
    view! {
        <Section title="Back up" about="One file with everything: contacts, deals with their full stage history, tasks, your sales process and settings.">
            <p>"This browser holds " {holds} "."</p>
            <button type="button" class="primary" on:click=move |_| {
                download_backup(app);
                saved.set(true);
            }>"Download a backup"</button>
            <Show when=move || saved.get()>
                <p class="ok" role="status">"Backup downloaded. Keep it somewhere safe, outside this browser."</p>
            </Show>
        </Section>
    }
}
