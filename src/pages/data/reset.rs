//! Demo and reset: try Pipewise with a demo pipeline, or start again from empty.

use super::backup::download_backup;
use super::Section;
use crate::components::demo::DemoButton;
use crate::components::modal::Modal;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::Book;

#[component]
pub fn ResetSection() -> impl IntoView {
    let app = use_app();
    let asking = RwSignal::new(false);
    let cleared = RwSignal::new(false);
    let clear = move |_| {
        // Settings and the sales process are the user's set-up, not their records: kept.
        let kept = app.book.with_untracked(|b| Book {
            process: b.process.clone(),
            settings: b.settings.clone(),
            ..Book::default()
        });
        app.adopt(&kept);
        asking.set(false);
        cleared.set(true);
    };
    view! {
        <Section title="Demo and reset" about="Load a realistic demo pipeline to explore the reports, or clear everything to start with your own records.">
            <div class="export-buttons">
                <DemoButton/>
                <button type="button" class="danger" on:click=move |_| { cleared.set(false); asking.set(true); }>"Clear all data"</button>
            </div>
            <Show when=move || cleared.get()>
                <p class="ok" role="status">"All contacts, deals and tasks were removed. Your settings and sales steps are kept."</p>
            </Show>
            <Show when=move || asking.get()>
                <Modal title="Clear all data?" on_close=move |_| asking.set(false)>
                    <p>"This removes every contact, deal and task from this browser. Your settings and sales steps stay. It cannot be undone, except from a backup."</p>
                    <div class="buttons">
                        <button type="button" on:click=move |_| download_backup(app)>"Download a backup first"</button>
                        <button type="button" on:click=move |_| asking.set(false)>"Cancel"</button>
                        <button type="button" class="danger" on:click=clear>"Clear everything"</button>
                    </div>
                </Modal>
            </Show>
        </Section>
    }
}
