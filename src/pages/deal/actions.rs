//! What can happen to a deal next: edit its details, move it, win or lose it, reopen it,
//! or delete it (its tasks stay with the contact).

use crate::components::deal_form::DealForm;
use crate::components::modal::Modal;
use crate::components::move_dialog::{MoveDialog, MoveTarget};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use pipewise_core::{DealId, Stage};

/// Which dialog is open.
#[derive(Clone, Copy, PartialEq)]
enum Open {
    Edit,
    Stage(Option<Stage>),
    Delete,
}

/// The deal page's action buttons and their dialogs.
#[component]
pub fn DealActions(
    /// The deal acted on.
    deal: DealId,
) -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(None::<Open>);
    let is_open = Memo::new(move |_| app.book.with(|b| b.deal(deal).is_some_and(|d| d.is_open())));
    let close = Callback::new(move |_| open.set(None));
    let ask = move |what: Open| move |_| open.set(Some(what));

    let dialog = move || {
        let what = open.get()?;
        let title = app
            .book
            .with_untracked(|b| b.deal(deal).map(|d| d.title.clone()))?;
        Some(match what {
            Open::Edit => view! { <DealForm deal=deal on_close=close/> }.into_any(),
            Open::Stage(to) => {
                view! { <MoveDialog target=MoveTarget { deal, title, to } on_close=close/> }
                    .into_any()
            }
            Open::Delete => {
                view! { <DeleteDialog deal=deal title=title on_close=close/> }.into_any()
            }
        })
    };
    view! {
        <div class="actions deal-actions">
            <button type="button" on:click=ask(Open::Edit)>"Edit"</button>
            <Show
                when=move || is_open.get()
                fallback=move || view! { <button type="button" class="primary" on:click=ask(Open::Stage(None))>"Reopen"</button> }
            >
                <button type="button" class="move-button" on:click=ask(Open::Stage(None))>"Move to…"</button>
                <button type="button" class="won-button" on:click=ask(Open::Stage(Some(Stage::Won)))>"Win"</button>
                <button type="button" on:click=ask(Open::Stage(Some(Stage::Lost)))>"Lose"</button>
            </Show>
            <button type="button" class="danger" on:click=ask(Open::Delete)>"Delete"</button>
        </div>
        {dialog}
    }
}

/// Asks before deleting, and says what happens to the deal's tasks.
#[component]
fn DeleteDialog(
    /// The deal to delete.
    deal: DealId,
    /// Its title, for the question.
    title: String,
    /// Called when the dialog closes without deleting.
    on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let tasks = app.book.with_untracked(|b| b.tasks_of_deal(deal).count());
    let error = RwSignal::new(None::<String>);
    let kept = match tasks {
        0 => "It has no tasks.".to_string(),
        1 => "Its 1 task is kept with the contact, no longer linked to a deal.".to_string(),
        n => format!("Its {n} tasks are kept with the contact, no longer linked to a deal."),
    };
    let delete =
        move |_| match app.act(move |b| b.remove_deal(deal, crate::state::now()).map(|_| ())) {
            Ok(()) => navigate(&crate::links::href("/"), Default::default()),
            Err(e) => error.set(Some(e.to_string())),
        };
    view! {
        <Modal title=format!("Delete “{title}”?") on_close=on_close>
            <p>"The deal and its stage history are deleted. " {kept}</p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="buttons">
                <button type="button" autofocus=true on:click=move |_| on_close.run(())>"Keep the deal"</button>
                <button type="button" class="danger" on:click=delete>"Delete deal"</button>
            </div>
        </Modal>
    }
}
