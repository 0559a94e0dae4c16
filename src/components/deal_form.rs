//! The deal form, for a new deal (with its first step and date) or for editing one.
//! The contact is chosen by name: an existing contact's name picks it, any other name
//! creates that contact along with the deal, in one change. The form is a chunk of its
//! own, fetched the first time it opens.

mod fields;

use crate::components::field::TextField;
use crate::components::list_field::ListField;
use crate::components::modal::Modal;
use crate::lazy::{failed_dialog, lazy_view, no_view, Part};
use crate::state::use_app;
use fields::{Errors, Fields};
use leptos::prelude::*;
use pipewise_core::book::{ContactDraft, DealDraft};
use pipewise_core::people::ContactIndex;
use pipewise_core::{Book, ContactId, ContactType, DealId};

/// The contact a typed name stands for: the deal's own contact when the name still
/// matches it, else the one the core's matching rule finds (no company is typed here).
fn find_contact(book: &Book, name: &str, current: Option<ContactId>) -> Option<ContactId> {
    let own = current.and_then(|id| book.contact(id)).filter(|c| {
        ContactIndex::new(std::slice::from_ref(*c))
            .find(name, "", "")
            .is_some()
    });
    own.map(|c| c.id).or_else(|| {
        ContactIndex::new(&book.contacts)
            .find(name, "", "")
            .and_then(|i| book.contacts.get(i))
            .map(|c| c.id)
    })
}

/// A form dialog that opens a new deal or edits an existing one.
#[component]
pub fn DealForm(
    /// The deal to edit; without it the form opens a new deal.
    #[prop(optional)]
    deal: Option<DealId>,
    /// Called when the form closes, saved or not.
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    lazy_view(
        form_chunk,
        (deal, on_close),
        no_view,
        |retry, (_, on_close)| failed_dialog(retry, on_close),
    )
}

// The form's split point.
crate::lazy::split_point!(
    deal_form,
    fn form_chunk() -> Part<(Option<DealId>, Callback<()>)> {
        Ok(|(deal, on_close)| view! { <DealFormDialog deal=deal on_close=on_close/> }.into_any())
    }
);

/// The form itself.
#[component]
fn DealFormDialog(deal: Option<DealId>, on_close: Callback<()>) -> impl IntoView {
    let app = use_app();
    let today = app.today();
    // What the form showed when it opened: only what the rep changes is saved.
    let base = app
        .book
        .with_untracked(|b| deal.and_then(|id| b.deal(id)).map(DealDraft::of));
    let ask_name = deal.is_none() && app.book.with_untracked(|b| b.settings.me.trim().is_empty());
    let my_name = RwSignal::new(String::new());
    let my_name_error = RwSignal::new(None::<String>);
    let (fields, current, contacts, owners, sources, steps) = app.book.with_untracked(|b| {
        let fields = deal
            .and_then(|id| Fields::of(b, id))
            .unwrap_or_else(|| Fields::blank(b, today));
        let contacts: Vec<String> = b.contacts.iter().map(|c| c.name.clone()).collect();
        let steps: Vec<(String, String)> = b
            .process
            .steps
            .iter()
            .map(|s| (s.id.0.to_string(), s.name.clone()))
            .collect();
        (
            fields,
            deal.and_then(|id| b.deal(id)).map(|d| d.contact),
            contacts,
            b.owners(),
            b.sources(),
            steps,
        )
    });
    let errors = Errors::new();
    let contact_hint = Signal::derive(move || {
        let name = fields.contact.get();
        if name.trim().is_empty() {
            return None;
        }
        app.book.with_untracked(|b| {
            match find_contact(b, &name, current).and_then(|id| b.contact(id)) {
                Some(c) if c.company.is_empty() => Some("Existing contact".to_string()),
                Some(c) => Some(format!("Existing contact at {}", c.company)),
                None => Some(format!("A new contact “{}” will be created", name.trim())),
            }
        })
    });
    let step_id = format!("f-{}", crate::browser::fresh_id().short());
    let notes_id = format!("f-{}", crate::browser::fresh_id().short());

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        let name = fields.contact.get_untracked().trim().to_string();
        if name.is_empty() {
            errors
                .contact
                .set(Some("Choose a contact or type a new contact's name".into()));
            return;
        }
        let value = fields.cents().map_err(|e| errors.value.set(Some(e)));
        let close = fields
            .expected_close()
            .map_err(|e| errors.close.set(Some(e)));
        let opened = if deal.is_none() {
            fields
                .opened_on()
                .map(Some)
                .map_err(|e| errors.date.set(Some(e)))
        } else {
            Ok(None)
        };
        let (Ok(value), Ok(expected_close), Ok(opened)) = (value, close, opened) else {
            return;
        };
        let mut owner = fields.owner.get_untracked();
        let mine = my_name.get_untracked().trim().to_string();
        my_name_error.set(None);
        if ask_name {
            if mine.is_empty() {
                my_name_error.set(Some("Your name is required: your records carry it, so a team can tell whose they are".into()));
                return;
            }
            if owner.trim().is_empty() {
                owner = mine.clone();
            }
        }
        let source = fields.source.get_untracked();
        let existing = app.book.with_untracked(|b| find_contact(b, &name, current));
        // A new contact is made with the deal, owned and sourced like it.
        let new_contact = existing.is_none().then(|| {
            let draft = ContactDraft {
                name: name.clone(),
                owner: owner.clone(),
                source: source.clone(),
                ..Default::default()
            };
            (ContactId(crate::browser::fresh_id()), draft)
        });
        let draft = DealDraft {
            title: fields.title.get_untracked(),
            contact: existing
                .or(new_contact.as_ref().map(|c| c.0))
                .unwrap_or_default(),
            owner,
            value,
            currency: fields.currency.get_untracked(),
            source,
            expected_close,
            notes: fields.notes.get_untracked(),
        };
        let step = fields.first_step();
        let id = deal.unwrap_or_else(|| DealId(crate::browser::fresh_id()));
        let now = crate::state::now();
        let base = base.clone();
        let result = app.act(move |b| {
            if let Some((cid, contact)) = &new_contact {
                b.add_contact(*cid, contact.clone(), ContactType::Lead, now)?;
            }
            let result = match (deal, step, opened, &base) {
                (Some(_), _, _, Some(base)) => b.revise_deal(id, base, draft.clone(), now),
                (None, Some(step), Some(on), _) => b.open_deal(id, draft.clone(), step, on, now),
                _ => Err(pipewise_core::book::BookError::StepNotFound),
            };
            // All or nothing: the new contact goes again when the deal is refused (it
            // was never saved, so it leaves no trace).
            if let (Err(_), Some((cid, _))) = (&result, &new_contact) {
                b.contacts.retain(|c| c.id != *cid);
            }
            if result.is_ok() && ask_name {
                let currency = b.settings.currency.clone();
                b.set_settings(&mine, &currency, now)?;
            }
            result
        });
        match result {
            Ok(()) => on_close.run(()),
            Err(e) => errors.show(e),
        }
    };

    let title = if deal.is_some() {
        "Edit deal"
    } else {
        "New deal"
    };
    view! {
        <Modal title=title on_close=on_close>
            <form on:submit=on_submit novalidate=true class="deal-form">
                {ask_name.then(|| view! {
                    <p class="muted">"Your first record: tell Pipewise your name, so your records (and a team's merged pipeline) say whose they are."</p>
                    <TextField label="Your name" value=my_name required=true error=my_name_error/>
                })}
                <TextField label="Title" value=fields.title error=errors.title required=true autofocus=true/>
                <ListField label="Contact" value=fields.contact options=contacts hint=contact_hint error=errors.contact required=true/>
                <div class="form-row">
                    <TextField label="Value" kind="number" value=fields.value error=errors.value/>
                    <TextField label="Currency" value=fields.currency error=errors.currency/>
                </div>
                <div class="form-row">
                    <ListField label="Owner" value=fields.owner options=owners/>
                    <ListField label="Source" value=fields.source options=sources/>
                </div>
                <TextField label="Expected close" kind="date" value=fields.close error=errors.close/>
                {deal.is_none().then(|| view! {
                    <div class="form-row">
                        <div class="field">
                            <label for=step_id.clone()>"First step"</label>
                            <select id=step_id.clone() prop:value=move || fields.step.get() on:change=move |ev| fields.step.set(event_target_value(&ev))>
                                {steps.clone().into_iter().map(|(v, n)| {
                                    let selected = v == fields.step.get_untracked();
                                    view! { <option value=v selected=selected>{n}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <TextField label="Date it started" kind="date" value=fields.date error=errors.date required=true/>
                    </div>
                })}
                <div class="field">
                    <label for=notes_id.clone()>"Notes"</label>
                    <textarea id=notes_id prop:value=move || fields.notes.get() on:input=move |ev| fields.notes.set(event_target_value(&ev))></textarea>
                </div>
                {move || errors.form.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="buttons">
                    <button type="button" on:click=move |_| on_close.run(())>"Cancel"</button>
                    <button type="submit" class="primary">{if deal.is_some() { "Save deal" } else { "Add deal" }}</button>
                </div>
            </form>
        </Modal>
    }
}
