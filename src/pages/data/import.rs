//! Import CSV from another CRM or a spreadsheet, in steps: choose what the rows are and
//! the file, match the columns to fields, say how dates and stages are written, check
//! the rows, then import the good ones in one write (or cancel: nothing changes).

mod mapping;
mod outcome;
mod stages;

use super::Section;
use crate::components::file_pick::{FilePick, Picked};
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::io::{self, Contactless, DateFormat, Field, ImportPreview, Sniffed, Target};
use pipewise_core::Stage;
use std::sync::Arc;

/// The import wizard's state, shared by its steps.
#[derive(Clone, Copy)]
pub struct Wizard {
    pub target: RwSignal<Target>,
    pub file: RwSignal<Option<(String, Arc<Sniffed>)>>,
    pub mapping: RwSignal<Vec<Field>>,
    /// The user's date format; `None` = the detected one.
    pub date_format: RwSignal<Option<DateFormat>>,
    /// The user's stage choices, over the guessed ones.
    pub stage_choices: RwSignal<Vec<(String, Option<Stage>)>>,
    /// What to do with deals that name no contact (asked at the check).
    pub contactless: RwSignal<Contactless>,
    pub preview: RwSignal<Option<Arc<ImportPreview>>>,
    pub checking: RwSignal<bool>,
    pub done: RwSignal<Option<String>>,
    /// Why the import was refused when checked again at the click, if it was.
    pub refused: RwSignal<Option<String>>,
}

impl Wizard {
    fn new() -> Wizard {
        Wizard {
            target: RwSignal::new(Target::Deals),
            file: RwSignal::new(None),
            mapping: RwSignal::new(Vec::new()),
            date_format: RwSignal::new(None),
            stage_choices: RwSignal::new(Vec::new()),
            contactless: RwSignal::new(Contactless::Skip),
            preview: RwSignal::new(None),
            checking: RwSignal::new(false),
            refused: RwSignal::new(None),
            done: RwSignal::new(None),
        }
    }

    /// Any change to the choices makes the last check stale.
    pub fn changed(&self) {
        self.preview.set(None);
    }

    /// Back to the first step; nothing was imported.
    pub fn cancel(&self) {
        self.file.set(None);
        self.mapping.set(Vec::new());
        self.date_format.set(None);
        self.stage_choices.set(Vec::new());
        self.contactless.set(Contactless::Skip);
        self.preview.set(None);
    }

    /// The columns guessed afresh for the current file and target.
    fn guess(&self, process: &pipewise_core::Process) {
        let target = self.target.get_untracked();
        let guessed = self.file.with_untracked(|f| {
            f.as_ref()
                .map(|(_, s)| io::guess_mapping_with_steps(&s.headers, target, process))
                .unwrap_or_default()
        });
        self.mapping.set(guessed);
        self.date_format.set(None);
        self.stage_choices.set(Vec::new());
        self.preview.set(None);
    }
}

fn target_label(target: Target) -> &'static str {
    match target {
        Target::Contacts => "Contacts",
        Target::Deals => "Deals (with their contacts)",
        Target::Tasks => "Tasks (calendar items)",
    }
}

fn delimiter_name(d: u8) -> &'static str {
    match d {
        b';' => "semicolons",
        b'\t' => "tabs",
        b'|' => "vertical bars",
        _ => "commas",
    }
}

#[component]
pub fn ImportSection() -> impl IntoView {
    let app = use_app();
    let w = Wizard::new();
    let problem = RwSignal::new(None::<String>);
    let on_pick = move |picked: Result<Picked, String>| {
        w.done.set(None);
        match picked.and_then(|p| {
            io::sniff(&p.bytes)
                .map(|s| (p.name, s))
                .map_err(|e| e.to_string())
        }) {
            Ok((name, sniffed)) => {
                problem.set(None);
                w.file.set(Some((name, Arc::new(sniffed))));
                app.book.with_untracked(|b| w.guess(&b.process));
            }
            Err(message) => {
                problem.set(Some(message));
                w.cancel();
            }
        }
    };
    let targets = [Target::Contacts, Target::Deals, Target::Tasks].map(|t| {
        view! {
            <label class="choice">
                <input type="radio" name="import-target" checked=move || w.target.get() == t on:change=move |_| {
                    w.target.set(t);
                    app.book.with_untracked(|b| w.guess(&b.process));
                }/>
                {target_label(t)}
            </label>
        }
    });
    let read_info = move || {
        w.file.with(|f| {
            f.as_ref().map(|(name, s)| {
                let header = if s.has_header { "" } else { " The first row looked like data, so the columns are numbered." };
                view! {
                    <p class="read-info" role="status">
                        {format!(
                            "Read “{name}”: {} rows in {} columns, {} text, separated by {}.{header}",
                            crate::format::number(s.rows.len() as f64, 0),
                            s.headers.len(),
                            s.encoding.label(),
                            delimiter_name(s.delimiter)
                        )}
                    </p>
                    {s.encoding_note().map(|n| view! { <p class="warn-note">{n}</p> })}
                }
            })
        })
    };
    view! {
        <Section title="Import from a spreadsheet or another CRM" class="wide" about="Bring in contacts, deals or tasks from a CSV file (Pipedrive, HubSpot, Salesforce, Excel, Google Sheets…). You match the columns and see every problem row before anything is saved.">
            <fieldset class="targets">
                <legend>"1. What does each row of the file hold?"</legend>
                {targets}
            </fieldset>
            <FilePick label="2. CSV file to import" accept=".csv,.tsv,.txt,text/csv" hint="Save a spreadsheet as CSV first. Exports of tens of thousands of rows are fine." on_pick=on_pick/>
            {move || problem.get().map(|m| view! { <p class="error" role="alert">{m} " Nothing was imported."</p> })}
            {read_info}
            {move || w.done.get().map(|m| view! { <outcome::Done message=m/> })}
            <Show when=move || w.file.with(Option::is_some)>
                <mapping::Mapping wizard=w/>
                <stages::Stages wizard=w/>
                <outcome::Check wizard=w/>
            </Show>
        </Section>
    }
}
