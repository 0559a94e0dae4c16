//! The contact page's own dialogs: changing the type (dated) and deleting the contact
//! after saying what goes with them.

use crate::components::field::TextField;
use crate::components::modal::Modal;
use crate::components::select_field::SelectField;
use crate::state::use_app;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use pipewise_core::book::BookError;
use pipewise_core::people::{removal, removal_warning};
use pipewise_core::{ContactId, ContactType, Day};

/// Sets the contact's type by hand on a date (today unless back-dated).
#[component]
pub fn ChangeType(
    /// The contact.
    id: ContactId,
    /// Their type now; the form offers the next one.
    current: ContactType,
    /// Called when the dialog should close.
    on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let next = match current {
        ContactType::Lead => ContactType::Prospect,
        _ => ContactType::Client,
    };
    let kind = RwSignal::new(next.as_str().to_string());
    let on = RwSignal::new(app.today().iso());
    let kinds = Signal::derive(|| {
        ContactType::ALL
            .iter()
            .map(|k| (k.as_str().to_string(), k.label().to_string()))
            .collect::<Vec<_>>()
    });
    let kind_error = RwSignal::new(None::<String>);
    let date_error = RwSignal::new(None::<String>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        kind_error.set(None);
        date_error.set(None);
        let Some(day) = Day::parse_iso(&on.get_untracked()) else {
            return date_error.set(Some("Enter a date".into()));
        };
        let kind = ContactType::parse(&kind.get_untracked()).unwrap_or(next);
        let now = crate::state::now();
        match app.act(move |b| b.mark_contact(id, kind, day, now)) {
            Ok(()) => on_close.run(()),
            Err(e @ BookError::SameType(_)) => kind_error.set(Some(e.to_string())),
            Err(e) => date_error.set(Some(e.to_string())),
        }
    };
    view! {
        <Modal title="Change type" on_close=on_close>
            <form on:submit=submit novalidate>
                <p class="muted">{format!("Now a {}. The change is kept in the type history with its date.", current.as_str())}</p>
                <div class="form-row">
                    <SelectField label="New type" value=kind options=kinds error=kind_error autofocus=true/>
                    <TextField label="Since" kind="date" value=on required=true error=date_error/>
                </div>
                <div class="buttons">
                    <button type="button" on:click=move |_| on_close.run(())>"Cancel"</button>
                    <button type="submit" class="primary">"Change type"</button>
                </div>
            </form>
        </Modal>
    }
}

/// Asks before deleting, saying how many deals and tasks go with the contact.
#[component]
pub fn DeleteContact(
    /// The contact.
    id: ContactId,
    /// Called when the dialog should close.
    on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let (name, warning) = app.book.with_untracked(|b| {
        let name = b.contact(id).map(|c| c.name.clone()).unwrap_or_default();
        let warning = removal_warning(&name, removal(b, id));
        (name, warning)
    });
    let problem = RwSignal::new(None::<String>);
    let remove =
        move |_| match app.act(move |b| b.remove_contact(id, crate::state::now()).map(|_| ())) {
            Ok(()) => navigate(&crate::links::href("/contacts"), Default::default()),
            Err(e) => problem.set(Some(e.to_string())),
        };
    view! {
        <Modal title=format!("Delete {name}?") on_close=on_close>
            <p>{warning}</p>
            <p class="muted">"This cannot be undone. If you may need them later, download a backup from the Data page first."</p>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <div class="buttons">
                <button type="button" autofocus on:click=move |_| on_close.run(())>"Keep contact"</button>
                <button type="button" class="danger" on:click=remove>"Delete contact"</button>
            </div>
        </Modal>
    }
}
