//! Step 5: check every row, show what would be imported and which rows are skipped and
//! why, then import the good rows in one write.

use super::super::counts::{count, records};
use super::mapping::date_format;
use super::stages::stage_map;
use super::Wizard;
use crate::browser::BrowserIds;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use pipewise_core::io;
use std::sync::Arc;

/// How many row problems are listed; the rest are counted.
const LISTED: usize = 100;

#[component]
pub fn Check(
    /// The import's state.
    wizard: Wizard,
) -> impl IntoView {
    let app = use_app();
    let w = wizard;
    // The rows checked against a book: run for the preview, and again on the book as
    // it is when the user clicks Import (another tab or a merge may have changed it).
    let check_against = move |book: &pipewise_core::Book| {
        let (_, sniffed) = w.file.get_untracked()?;
        let format = date_format(w)?;
        let target = w.target.get_untracked();
        let mapping = w.mapping.get_untracked();
        let now = crate::state::now();
        let stages = stage_map(w, &book.process);
        let contactless = w.contactless.get_untracked();
        let choices = io::Choices {
            target,
            mapping: &mapping,
            date_format: format,
            stage_map: &stages,
            contactless: &contactless,
        };
        Some(io::preview(
            &sniffed,
            &choices,
            book,
            now.today,
            &mut BrowserIds,
            now.stamp,
        ))
    };
    // Before the first records: the rep's name, the owner of rows that name none.
    let ask_name = app.book.with_untracked(|b| b.settings.me.trim().is_empty());
    let my_name = RwSignal::new(String::new());
    let my_name_error = RwSignal::new(None::<String>);
    let run = move || {
        if let Some(preview) = app.book.with_untracked(check_against) {
            w.preview.set(Some(Arc::new(preview)));
        }
        w.checking.set(false);
    };
    let on_check = move |_| {
        w.refused.set(None);
        w.checking.set(true);
        // Let the browser paint "Checking…" before the work starts.
        request_animation_frame(move || set_timeout(run, std::time::Duration::ZERO));
    };
    let import = move |_| {
        if let Some(preview) = w.preview.get_untracked() {
            let name = w
                .file
                .with_untracked(|f| f.as_ref().map(|(n, _)| n.clone()).unwrap_or_default());
            let now = crate::state::now();
            let anywhere = now.anywhere();
            let mine = my_name.get_untracked().trim().to_string();
            my_name_error.set(None);
            if ask_name && mine.is_empty() {
                my_name_error.set(Some(
                    "Your name is required: rows that name no owner become yours".into(),
                ));
                return;
            }
            let mut applied = None;
            let result = app.act(|book| {
                let mut target = book.clone();
                if ask_name {
                    let currency = target.settings.currency.clone();
                    target.set_settings(&mine, &currency, now)?;
                }
                let fresh = check_against(&target).ok_or_else(|| {
                    pipewise_core::book::BookError::Invalid("the file is no longer open".into())
                })?;
                fresh.book_after.check(anywhere)?;
                *book = fresh.book_after.clone();
                applied = Some(fresh);
                Ok(())
            });
            match (result, applied) {
                (Ok(()), Some(fresh)) => {
                    let changed = (
                        fresh.rows_ok,
                        fresh.new_contacts,
                        fresh.new_deals,
                        fresh.new_tasks,
                    ) != (
                        preview.rows_ok,
                        preview.new_contacts,
                        preview.new_deals,
                        preview.new_tasks,
                    );
                    let note = if changed {
                        " Your records changed since the check (another tab or a merge), so the rows were checked again against them."
                    } else {
                        ""
                    };
                    w.done.set(Some(format!(
                        "Imported {} from “{name}”. New: {}.{note}",
                        count(fresh.rows_ok, "row", "rows"),
                        records(fresh.new_contacts, fresh.new_deals, fresh.new_tasks)
                    )));
                    w.cancel();
                }
                (Err(e), _) => w.refused.set(Some(format!(
                    "Nothing was imported: checked again against your records as they are now, {e}."
                ))),
                (Ok(()), None) => {}
            }
        }
    };
    let blocked = move || date_format(w).is_none() || w.checking.get();
    view! {
        <h3>"5. Check and import"</h3>
        <div class="buttons-row">
            <button type="button" class="primary" disabled=blocked on:click=on_check>"Check the rows"</button>
            <Show when=move || w.preview.with(Option::is_none)>
                <button type="button" on:click=move |_| w.cancel()>"Cancel"</button>
            </Show>
        </div>
        {move || w.checking.get().then(|| view! { <p role="status" class="reading">"Checking the rows…"</p> })}
        {move || w.preview.get().filter(|p| p.without_contact > 0).map(|p| view! {
            <NoContact wizard=w deals=p.without_contact on_choose=move |_| run()/>
        })}
        {move || (ask_name && w.preview.with(Option::is_some)).then(|| view! {
            <p class="muted">"Your first records: tell Pipewise your name. Rows that name no owner become yours, and a team's merged pipeline says whose records are whose."</p>
            <crate::components::field::TextField label="Your name" value=my_name required=true error=my_name_error/>
        })}
        {move || w.refused.get().map(|text| view! { <p class="error" role="alert">{text}</p> })}
        {move || w.preview.get().map(|p| view! { <Preview preview=p on_import=import on_cancel=move |_| w.cancel()/> })}
    }
}

/// Deals that name no contact: real open deals, so the user chooses how they come in;
/// each choice checks the rows again at once.
#[component]
fn NoContact(
    /// The import's state.
    wizard: Wizard,
    /// How many deal rows name no contact.
    deals: usize,
    /// Runs the check again with the new choice.
    #[prop(into)]
    on_choose: Callback<()>,
) -> impl IntoView {
    let w = wizard;
    let name = RwSignal::new(match w.contactless.get_untracked() {
        io::Contactless::OneContact(n) => n,
        _ => String::new(),
    });
    let choose = move |c: io::Contactless| {
        w.contactless.set(c);
        on_choose.run(());
    };
    let is = move |want: fn(&io::Contactless) -> bool| move || w.contactless.with(want);
    let skip = is(|c| matches!(c, io::Contactless::Skip));
    let after = is(|c| matches!(c, io::Contactless::NamedAfterDeal));
    let one = is(|c| matches!(c, io::Contactless::OneContact(_)));
    view! {
        <fieldset class="no-contact">
            <legend>{format!("{} no contact (no name, company or email)", count(deals, "deal names", "deals name"))}</legend>
            <p class="muted">"They are real deals and count as new leads in the reports. Bring them in:"</p>
            <label class="choice">
                <input type="radio" name="no-contact" checked=skip on:change=move |_| choose(io::Contactless::Skip)/>
                "Skip them"
            </label>
            <label class="choice">
                <input type="radio" name="no-contact" checked=after on:change=move |_| choose(io::Contactless::NamedAfterDeal)/>
                "Give each one a contact named after the deal"
            </label>
            <label class="choice">
                <input type="radio" name="no-contact" checked=one on:change=move |_| choose(io::Contactless::OneContact(name.get_untracked()))/>
                "Put them all under one contact"
            </label>
            <Show when=one>
                <div class="field">
                    <label for="no-contact-name">"Name of that contact"</label>
                    <input id="no-contact-name" type="text" prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                        on:change=move |_| choose(io::Contactless::OneContact(name.get_untracked()))/>
                </div>
            </Show>
        </fieldset>
    }
}

/// The result of the check: what would be imported, and each skipped row with its reason.
#[component]
fn Preview(
    /// The checked import.
    preview: Arc<io::ImportPreview>,
    /// Imports the good rows.
    #[prop(into)]
    on_import: Callback<()>,
    /// Drops the import.
    #[prop(into)]
    on_cancel: Callback<()>,
) -> impl IntoView {
    let bad = preview.errors.len();
    let ok = preview.rows_ok;
    let new = records(preview.new_contacts, preview.new_deals, preview.new_tasks);
    let already = (preview.already_there > 0).then(|| {
        format!(
            " {} already here, left as they are.",
            count(preview.already_there, "contact is", "contacts are")
        )
    });
    let label = match (ok, bad) {
        (_, 0) => format!("Import {}", count(ok, "row", "rows")),
        _ => format!("Import {}, skip the bad ones", count(ok, "row", "rows")),
    };
    let problems: Vec<String> = preview
        .errors
        .iter()
        .take(LISTED)
        .map(|e| e.to_string())
        .collect();
    view! {
        <div class="preview panel-inner" role="region" aria-label="Import check">
            <p class="big">
                <strong>{format!("{} can be imported", count(ok, "row", "rows"))}</strong>
                {format!(", adding {new}.")}
                {already}
            </p>
            {(bad > 0).then(|| view! {
                <p class="warn-note">{format!("{} cannot be imported and will be skipped:", count(bad, "row", "rows"))}</p>
                <ul class="row-errors" tabindex="0" aria-label="Rows that will be skipped">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                {(bad > LISTED).then(|| view! { <p class="muted">{format!("…and {} more.", bad - LISTED)}</p> })}
            })}
            <div class="buttons-row">
                <button type="button" class="primary" disabled=ok == 0 on:click=move |_| on_import.run(())>{label}</button>
                <button type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </div>
    }
}

/// The message after an import, with the ways to see the new records.
#[component]
pub fn Done(
    /// What was imported.
    message: String,
) -> impl IntoView {
    view! {
        <p class="ok" role="status">
            {message} " " <A href=crate::links::href("/")>"See the pipeline"</A> " · " <A href=crate::links::href("/contacts")>"See the contacts"</A>
        </p>
    }
}
