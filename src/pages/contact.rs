//! One contact: details, type with its dated history, their deals and tasks, and the
//! actions a rep takes on them (add a task, change type, edit, delete).

mod details;
mod dialogs;
mod work;

use crate::components::contact_form::ContactForm;
use crate::components::modal::Modal;
use crate::components::task_dialog::TaskDialog;
use crate::lazy::PageChunk;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use pipewise_core::{Contact, ContactId, TaskId};

/// Which dialog is open on the page.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    Edit,
    ChangeType,
    Delete,
    NewTask,
    Task(TaskId),
}

// The page's split point: its code is fetched the first time it shows.
crate::lazy::split_point!(
    contact,
    pub fn chunk() -> PageChunk {
        Ok(|()| view! { <ContactPage/> }.into_any())
    }
);

#[component]
pub fn ContactPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| ContactId::parse(&s)));
    let contact = Memo::new(move |_| {
        id.get()
            .and_then(|id| app.book.with(|b| b.contact(id).cloned()))
    });
    let found = Memo::new(move |_| contact.with(|c| c.as_ref().map(|c| c.id)));
    move || {
        match found.get() {
        Some(id) => view! { <ContactView id=id contact=contact/> }.into_any(),
        None => view! {
            <h1>"Contact not found"</h1>
            <p>"There is no contact at this address: it may have been deleted. "<A href=crate::links::href("/contacts")>"Back to contacts"</A></p>
        }
        .into_any(),
    }
    }
}

#[component]
fn ContactView(
    /// The contact's id.
    id: ContactId,
    /// The contact, as it changes.
    #[prop(into)]
    contact: Signal<Option<Contact>>,
) -> impl IntoView {
    let open = RwSignal::new(Open::Nothing);
    let close = Callback::new(move |_: ()| open.set(Open::Nothing));
    let name = move || contact.with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let kind = move || {
        contact.with(|c| {
            c.as_ref()
                .map(|c| c.kind())
                .unwrap_or(pipewise_core::ContactType::Lead)
        })
    };
    let dialog = move || match open.get() {
        Open::Nothing => None,
        Open::Edit => Some(
            view! {
                <Modal title="Edit contact" on_close=close>
                    <ContactForm contact=Some(id) on_done=move |_| close.run(())/>
                </Modal>
            }
            .into_any(),
        ),
        Open::ChangeType => {
            Some(view! { <dialogs::ChangeType id=id current=kind() on_close=close/> }.into_any())
        }
        Open::Delete => Some(view! { <dialogs::DeleteContact id=id on_close=close/> }.into_any()),
        Open::NewTask => Some(view! { <TaskDialog contact=Some(id) on_close=close/> }.into_any()),
        Open::Task(task) => Some(view! { <TaskDialog task=Some(task) on_close=close/> }.into_any()),
    };
    view! {
        <p class="crumbs"><A href=crate::links::href("/contacts")>"Contacts"</A></p>
        <div class="page-head">
            <div class="title-line">
                <h1>{name}</h1>
                <span class=move || format!("badge big {}", kind().as_str())>{move || kind().label()}</span>
            </div>
            <div class="actions contact-actions">
                <button type="button" class="primary" on:click=move |_| open.set(Open::NewTask)>"Add task"</button>
                <button type="button" on:click=move |_| open.set(Open::ChangeType)>"Change type"</button>
                <button type="button" on:click=move |_| open.set(Open::Edit)>"Edit"</button>
                <button type="button" class="danger" on:click=move |_| open.set(Open::Delete)>"Delete"</button>
            </div>
        </div>
        <div class="contact-grid">
            <details::Details contact=contact/>
            <details::TypeHistory contact=contact/>
        </div>
        <work::Deals id=id/>
        <work::Tasks id=id on_open=move |task| open.set(Open::Task(task))/>
        {dialog}
    }
}
