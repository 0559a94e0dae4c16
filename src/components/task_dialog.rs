//! A task in a dialog: the task form to add or edit it and, for an existing task, a
//! delete button that asks once before removing it.

use crate::components::modal::Modal;
use crate::components::task_form::TaskForm;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::{ContactId, Day, DealId, TaskId};

/// The dialog to add a task (with optional presets) or open an existing one.
#[component]
pub fn TaskDialog(
    /// The task to open; `None` adds a new task.
    #[prop(default = None)]
    task: Option<TaskId>,
    /// A new task's contact (its field is then hidden).
    #[prop(default = None)]
    contact: Option<ContactId>,
    /// A new task's deal.
    #[prop(default = None)]
    deal: Option<DealId>,
    /// A new task's day.
    #[prop(default = None)]
    date: Option<Day>,
    /// Called when the dialog should close (saved, deleted or cancelled).
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let confirming = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let remove = move |_| {
        let Some(id) = task else { return };
        match app.act(move |b| b.remove_task(id, crate::state::now())) {
            Ok(()) => on_close.run(()),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let title = if task.is_some() {
        "Edit task"
    } else {
        "New task"
    };
    let delete = task.map(|_| {
        view! {
            <div class="dialog-foot">
                <Show
                    when=move || confirming.get()
                    fallback=move || view! { <button type="button" class="danger" on:click=move |_| confirming.set(true)>"Delete task"</button> }
                >
                    <p>"Delete this task for good?"</p>
                    <button type="button" on:click=move |_| confirming.set(false)>"Keep it"</button>
                    <button type="button" class="danger" on:click=remove>"Yes, delete"</button>
                </Show>
                {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            </div>
        }
    });
    view! {
        <Modal title=title on_close=on_close>
            <TaskForm task=task contact=contact deal=deal date=date on_done=on_close/>
            {delete}
        </Modal>
    }
}
