//! The contact form, to add a contact (with its starting type) or edit one. The core
//! checks the fields; its refusal shows next to the field it is about.

use crate::components::field::TextField;
use crate::components::select_field::SelectField;
use crate::state::use_app;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use pipewise_core::book::{BookError, ContactDraft};
use pipewise_core::{ContactId, ContactType};

/// A text input that suggests the values already in use (owners, sources), so the
/// same rep is not spelled two ways.
#[component]
fn SuggestField(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The value, two-way.
    value: RwSignal<String>,
    /// The values offered.
    suggestions: Vec<String>,
) -> impl IntoView {
    let id = format!("f-{}", crate::browser::fresh_id().short());
    let list = format!("{id}-list");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id list=list.clone() prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            <datalist id=list>
                {suggestions.into_iter().map(|s| view! { <option value=s></option> }).collect_view()}
            </datalist>
        </div>
    }
}

/// Adds a contact, or edits one when `contact` is given.
#[component]
pub fn ContactForm(
    /// The contact to edit; `None` adds a new one.
    #[prop(default = None)]
    contact: Option<ContactId>,
    /// Called with the contact's id once saved, or `None` when cancelled.
    #[prop(into)]
    on_done: Callback<Option<ContactId>>,
) -> impl IntoView {
    let app = use_app();
    let (old, me, owners, sources) = app.book.with_untracked(|b| {
        (
            contact.and_then(|id| b.contact(id).cloned()),
            b.settings.me.clone(),
            b.owners(),
            b.sources(),
        )
    });
    let text = |f: fn(&pipewise_core::Contact) -> String| {
        RwSignal::new(old.as_ref().map(f).unwrap_or_default())
    };
    let name = text(|c| c.name.clone());
    let company = text(|c| c.company.clone());
    let email = text(|c| c.email.clone());
    let phone = text(|c| c.phone.clone());
    let source = text(|c| c.source.clone());
    let notes = text(|c| c.notes.clone());
    // What the form showed when it opened: only what the rep changes is saved.
    let base = old.as_ref().map(ContactDraft::of);
    let ask_name = old.is_none() && me.trim().is_empty();
    let my_name = RwSignal::new(String::new());
    let my_name_error = RwSignal::new(None::<String>);
    let owner = RwSignal::new(old.as_ref().map_or(me, |c| c.owner.clone()));
    let kind = RwSignal::new(ContactType::Lead.as_str().to_string());
    let kinds = Signal::derive(|| {
        ContactType::ALL
            .iter()
            .map(|k| (k.as_str().to_string(), k.label().to_string()))
            .collect::<Vec<_>>()
    });
    let name_error = RwSignal::new(None::<String>);
    let email_error = RwSignal::new(None::<String>);
    let form_error = RwSignal::new(None::<String>);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut draft = ContactDraft {
            name: name.get_untracked(),
            company: company.get_untracked(),
            email: email.get_untracked(),
            phone: phone.get_untracked(),
            owner: owner.get_untracked(),
            source: source.get_untracked(),
            notes: notes.get_untracked(),
        };
        let now = crate::state::now();
        my_name_error.set(None);
        let mine = my_name.get_untracked().trim().to_string();
        if ask_name {
            if mine.is_empty() {
                my_name_error.set(Some("Your name is required: your records carry it, so a team can tell whose they are".into()));
                return;
            }
            if draft.owner.trim().is_empty() {
                draft.owner = mine.clone();
            }
        }
        let (id, result) = match (contact, base.clone()) {
            (Some(id), Some(base)) => (
                id,
                app.act(move |b| b.revise_contact(id, &base, draft, now)),
            ),
            _ => {
                let id = ContactId(crate::browser::fresh_id());
                let kind = ContactType::parse(&kind.get_untracked()).unwrap_or(ContactType::Lead);
                (
                    id,
                    app.act(move |b| {
                        b.add_contact(id, draft, kind, now)?;
                        if ask_name {
                            let currency = b.settings.currency.clone();
                            b.set_settings(&mine, &currency, now)?;
                        }
                        Ok(())
                    }),
                )
            }
        };
        name_error.set(None);
        email_error.set(None);
        form_error.set(None);
        match result {
            Ok(()) => on_done.run(Some(id)),
            Err(e @ BookError::Required(_)) => name_error.set(Some(e.to_string())),
            Err(e @ BookError::BadEmail(_)) => email_error.set(Some(e.to_string())),
            Err(e) => form_error.set(Some(e.to_string())),
        }
    };
    let notes_id = format!("f-{}", crate::browser::fresh_id().short());
    view! {
        // The core validates (the browser's own bubbles would hide its messages).
        <form class="contact-form" on:submit=submit novalidate>
            {ask_name.then(|| view! {
                <p class="muted">"Your first record: tell Pipewise your name, so your records (and a team's merged pipeline) say whose they are."</p>
                <TextField label="Your name" value=my_name required=true error=my_name_error/>
            })}
            <TextField label="Name" value=name required=true autofocus=true error=name_error/>
            <div class="form-row">
                <TextField label="Company" value=company/>
                <TextField label="Email" kind="email" value=email error=email_error/>
                <TextField label="Phone" kind="tel" value=phone/>
            </div>
            <div class="form-row">
                <SuggestField label="Owner" value=owner suggestions=owners/>
                <SuggestField label="Source" value=source suggestions=sources/>
                {contact.is_none().then(|| view! { <SelectField label="Type" value=kind options=kinds/> })}
            </div>
            <div class="field">
                <label for=notes_id.clone()>"Notes"</label>
                <textarea id=notes_id prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
            </div>
            {move || form_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="buttons">
                <button type="button" on:click=move |_| on_done.run(None)>"Cancel"</button>
                <button type="submit" class="primary">{if contact.is_some() { "Save contact" } else { "Add contact" }}</button>
            </div>
        </form>
    }
}
