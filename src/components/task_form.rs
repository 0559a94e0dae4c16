//! The task form, shared by the calendar, the contact page and the deal page. Its
//! pipeline tag starts at the default the book would give (the deal's current step, or
//! the contact's type without a deal) and the rep may pick another one.

use crate::components::field::TextField;
use crate::components::select_field::SelectField;
use crate::state::use_app;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use pipewise_core::book::{BookError, TaskDraft};
use pipewise_core::calendar::{parse_tag, tag_key, tag_view};
use pipewise_core::{ContactId, Day, DealId, Tag, TaskId, TaskKind};

/// Which field a refusal belongs next to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Date,
    Time,
    Duration,
    Contact,
    Deal,
    Tag,
    Form,
}

fn field_of(error: &BookError) -> Field {
    match error {
        BookError::Required(_) => Field::Title,
        BookError::DateOutOfRange { .. } => Field::Date,
        BookError::BadTime(_) => Field::Time,
        BookError::BadDuration(_) => Field::Duration,
        BookError::ContactNotFound => Field::Contact,
        BookError::DealNotFound | BookError::DealOfOtherContact => Field::Deal,
        BookError::StepNotFound => Field::Tag,
        _ => Field::Form,
    }
}

/// "HH:MM" from a time input into minutes after midnight; empty means no time.
fn minutes(text: &str) -> Result<Option<u16>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (h, m) = text.split_once(':').ok_or(())?;
    let (h, m): (u16, u16) = (
        h.parse().map_err(|_| ())?,
        m.get(..2).unwrap_or(m).parse().map_err(|_| ())?,
    );
    (h < 24 && m < 60).then_some(Some(h * 60 + m)).ok_or(())
}

/// Adds or edits a task. Submitting with Enter saves; errors show next to their field.
#[component]
pub fn TaskForm(
    /// The contact the task is for; its field is hidden when given.
    #[prop(default = None)]
    contact: Option<ContactId>,
    /// The deal the task serves (one of the contact's), preselected.
    #[prop(default = None)]
    deal: Option<DealId>,
    /// The task to edit; `None` adds a new one.
    #[prop(default = None)]
    task: Option<TaskId>,
    /// The day a new task is set for (today when `None`).
    #[prop(default = None)]
    date: Option<Day>,
    /// Called after the task is saved or the form is cancelled; the caller closes it.
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    // What the form showed when it opened: only what the rep changes is saved.
    let base = app.book.with_untracked(|b| {
        task.and_then(|id| b.task(id))
            .map(pipewise_core::book::TaskDraft::of)
    });
    let old = task.and_then(|id| app.book.with_untracked(|b| b.task(id).cloned()));
    let text = |f: fn(&pipewise_core::Task) -> String| {
        RwSignal::new(old.as_ref().map(f).unwrap_or_default())
    };
    let title = text(|t| t.title.clone());
    let notes = text(|t| t.notes.clone());
    let time = text(|t| t.time.map(crate::format::time).unwrap_or_default());
    let duration = text(|t| t.duration.map(|d| d.to_string()).unwrap_or_default());
    let on = RwSignal::new(
        old.as_ref()
            .map(|t| t.on)
            .or(date)
            .unwrap_or_else(|| app.today())
            .iso(),
    );
    let kind = RwSignal::new(
        old.as_ref()
            .map_or(TaskKind::Call, |t| t.kind)
            .as_str()
            .to_string(),
    );
    let chosen_contact = RwSignal::new(
        old.as_ref()
            .map(|t| t.contact)
            .or(contact)
            .map(|c| c.to_string())
            .unwrap_or_default(),
    );
    let chosen_deal = RwSignal::new(
        old.as_ref()
            .map_or(deal, |t| t.deal)
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    // An empty tag means "the default"; an edited task shows the tag it has.
    let tag = RwSignal::new(old.as_ref().map(|t| tag_key(t.tag)).unwrap_or_default());
    let error = RwSignal::new(None::<(Field, String)>);
    let error_at = move |f: Field| {
        Signal::derive(move || error.get().filter(|(g, _)| *g == f).map(|(_, m)| m))
    };

    let contact_id = move || ContactId::parse(&chosen_contact.get());
    let contacts = Signal::derive(move || {
        let mut list: Vec<(String, String)> = app.book.with(|b| {
            b.contacts
                .iter()
                .map(|c| (c.id.to_string(), c.name.clone()))
                .collect()
        });
        list.sort_by_cached_key(|(_, name)| name.to_lowercase());
        list.insert(0, (String::new(), "Choose a contact…".into()));
        list
    });
    let deals = Signal::derive(move || {
        let mut list = vec![(String::new(), "No deal".to_string())];
        if let Some(c) = contact_id() {
            app.book.with(|b| {
                for line in pipewise_core::people::deal_lines(b, c) {
                    list.push((
                        line.id.to_string(),
                        format!("{} ({})", line.title, line.stage.label),
                    ));
                }
            });
        }
        list
    });
    // The tag the book would give: the deal's step, or the contact's type.
    let tag_for = move |b: &pipewise_core::Book, deal: &str, contact: &str| {
        let from_deal = DealId::parse(deal)
            .and_then(|d| b.deal(d))
            .map(|d| Tag::Stage(d.stage()));
        let from_contact = ContactId::parse(contact)
            .and_then(|c| b.contact(c))
            .map(|c| Tag::Contact(c.kind()));
        from_deal.or(from_contact)
    };
    let default_tag = move || {
        let (deal, contact) = (chosen_deal.get(), chosen_contact.get());
        app.book
            .with(|b| tag_for(b, &deal, &contact).map(|t| tag_view(&b.process, t).label))
    };
    let default_tag_untracked = move || {
        let (deal, contact) = (chosen_deal.get_untracked(), chosen_contact.get_untracked());
        app.book.with_untracked(|b| tag_for(b, &deal, &contact))
    };
    let notes_id = format!("f-{}", crate::browser::fresh_id().short());
    let preset_name = contact.and_then(|c| {
        app.book
            .with_untracked(|b| b.contact(c).map(|c| c.name.clone()))
    });

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(on) = Day::parse_iso(&on.get_untracked()) else {
            return error.set(Some((Field::Date, "Enter a date".into())));
        };
        let Ok(time) = minutes(&time.get_untracked()) else {
            return error.set(Some((Field::Time, "Enter a time like 09:30".into())));
        };
        let duration = match duration.get_untracked().trim() {
            "" => None,
            text => match text.parse::<u16>() {
                Ok(minutes) => Some(minutes),
                Err(_) => {
                    return error.set(Some((
                        Field::Duration,
                        "Enter the duration in minutes, e.g. 30".into(),
                    )))
                }
            },
        };
        let Some(contact) = ContactId::parse(&chosen_contact.get_untracked()) else {
            return error.set(Some((
                Field::Contact,
                "Choose the contact this task is for".into(),
            )));
        };
        let draft = TaskDraft {
            title: title.get_untracked(),
            on,
            time,
            duration,
            kind: TaskKind::parse(&kind.get_untracked()).unwrap_or(TaskKind::Other),
            contact,
            deal: DealId::parse(&chosen_deal.get_untracked()),
            notes: notes.get_untracked(),
            // "Default" on an edited task means today's default, not "keep".
            tag: parse_tag(&tag.get_untracked()).or_else(|| task.and(default_tag_untracked())),
        };
        let now = crate::state::now();
        let base = base.clone();
        let result = match task {
            Some(id) => app.act(move |b| match &base {
                Some(base) => b.revise_task(id, base, draft, now),
                None => b.edit_task(id, draft, now),
            }),
            None => {
                let id = TaskId(crate::browser::fresh_id());
                app.act(move |b| b.log_task(id, draft.clone(), now))
            }
        };
        match result {
            Ok(()) => on_done.run(()),
            Err(e) => error.set(Some((field_of(&e), e.to_string()))),
        }
    };
    let kinds = Signal::derive(|| {
        TaskKind::ALL
            .iter()
            .map(|k| (k.as_str().to_string(), k.label().to_string()))
            .collect::<Vec<_>>()
    });
    // A new contact may not fit the deal picked before.
    let contact_changed = move |_| chosen_deal.set(String::new());

    view! {
        <form class="task-form" on:submit=submit novalidate>
            <TextField label="Title" value=title required=true autofocus=true error=error_at(Field::Title)/>
            <div class="form-row">
                <TextField label="Date" kind="date" value=on required=true error=error_at(Field::Date)/>
                <TextField label="Time (optional)" kind="time" value=time error=error_at(Field::Time)/>
                <TextField label="Duration (minutes)" kind="number" value=duration error=error_at(Field::Duration)/>
            </div>
            <div class="form-row">
                <SelectField label="Kind" value=kind options=kinds/>
                {match preset_name {
                    Some(name) => view! { <p class="for-contact">"For "<strong>{name}</strong></p> }.into_any(),
                    None => view! {
                        <SelectField label="Contact" value=chosen_contact options=contacts error=error_at(Field::Contact) on_change=contact_changed/>
                    }.into_any(),
                }}
            </div>
            <div class="form-row">
                <SelectField label="Deal (optional)" value=chosen_deal options=deals error=error_at(Field::Deal)/>
                <super::tag_select::TagSelect value=tag default_label=Signal::derive(default_tag) error=error_at(Field::Tag)/>
            </div>
            <div class="field">
                <label for=notes_id.clone()>"Notes"</label>
                <textarea id=notes_id prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
            </div>
            {move || error_at(Field::Form).get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="buttons">
                <button type="button" on:click=move |_| on_done.run(())>"Cancel"</button>
                <button type="submit" class="primary">{if task.is_some() { "Save task" } else { "Add task" }}</button>
            </div>
        </form>
    }
}
