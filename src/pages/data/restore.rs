//! Restore: replace everything with a backup file, after showing what it holds and what
//! it replaces. A bad file changes nothing and says why.

use super::backup::download_backup;
use super::counts::{book_records, SummaryList};
use super::Section;
use crate::components::file_pick::{FilePick, Picked};
use crate::components::modal::Modal;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::io::{self, Summary};
use pipewise_core::Book;

/// A backup that was read and checked, waiting for the user's yes.
#[derive(Clone)]
struct Checked {
    name: String,
    schema: u64,
    summary: Summary,
    book: Book,
}

#[component]
pub fn RestoreSection() -> impl IntoView {
    let app = use_app();
    let waiting = RwSignal::new(None::<Checked>);
    let problem = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let on_pick = move |picked: Result<Picked, String>| {
        done.set(None);
        let result = picked.and_then(|p| {
            io::open_backup(&p.text(), crate::state::now().anywhere())
                .map(|(book, schema)| Checked {
                    name: p.name.clone(),
                    schema,
                    summary: io::summarize(&book),
                    book,
                })
                .map_err(|e| e.to_string())
        });
        match result {
            Ok(checked) => {
                problem.set(None);
                waiting.set(Some(checked));
            }
            Err(message) => problem.set(Some(message)),
        }
    };
    let restore = move |_| {
        if let Some(checked) = waiting.get_untracked() {
            let holds = book_records(&checked.book);
            app.adopt(&checked.book);
            done.set(Some(format!(
                "Restored “{}”: this browser now holds {holds}.",
                checked.name
            )));
        }
        waiting.set(None);
    };
    let dialog = move || {
        waiting.with(|w| {
            w.as_ref().map(|checked| {
                let title = format!("Restore “{}”?", checked.name);
                let summary = checked.summary.clone();
                let schema = checked.schema;
                let now = app.book.with_untracked(book_records);
                let empty = app.book.with_untracked(|b| b.contacts.is_empty() && b.deals.is_empty() && b.tasks.is_empty());
                view! {
                    <Modal title=title on_close=move |_| waiting.set(None)>
                        <p>"The file holds:"</p>
                        <SummaryList summary=summary schema=schema/>
                        {if empty {
                            view! { <p>"This browser holds no records yet, so nothing is lost."</p> }.into_any()
                        } else {
                            view! {
                                <p class="warn-note">
                                    <strong>"Restoring replaces everything in this browser"</strong>
                                    {format!(" (now {now}) with the file's records, sales process and settings.")}
                                </p>
                            }
                            .into_any()
                        }}
                        <div class="buttons">
                            <button type="button" on:click=move |_| download_backup(app)>"Download a backup first"</button>
                            <button type="button" on:click=move |_| waiting.set(None)>"Cancel"</button>
                            <button type="button" class="danger" on:click=restore>"Replace my data"</button>
                        </div>
                    </Modal>
                }
            })
        })
    };
    view! {
        <Section title="Restore" about="Bring back a backup, for example on a new computer. You see what the file holds before anything changes.">
            <FilePick label="Backup file to restore" accept=".json,application/json" on_pick=on_pick on_start=move |_| { done.set(None); problem.set(None); }/>
            {move || problem.get().map(|m| view! { <p class="error" role="alert">{m} " Nothing was changed."</p> })}
            {move || done.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
            {dialog}
        </Section>
    }
}
