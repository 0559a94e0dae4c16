//! A contact's deals and tasks.

use crate::components::tag_label::TagLabel;
use crate::components::task_item::TaskItem;
use crate::format;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use pipewise_core::calendar::{Entry, Lookup};
use pipewise_core::people::{deal_lines, DealLine};
use pipewise_core::{ContactId, TaskId};

/// The contact's deals: title (to the deal page), where it stands, value.
#[component]
pub fn Deals(
    /// The contact.
    id: ContactId,
) -> impl IntoView {
    let app = use_app();
    let lines = Memo::new(move |_| app.book.with(|b| deal_lines(b, id)));
    let row = |line: DealLine| {
        view! {
            <tr>
                <td><A href=crate::links::href(&format!("/deals/{}", line.id))>{line.title.clone()}</A></td>
                <td><TagLabel tag=line.stage.clone()/></td>
                <td data-label="Since">{format::date(line.since)}</td>
                <td class="num" data-label="Value">{format::money(line.value, &line.currency)}</td>
            </tr>
        }
    };
    view! {
        <section class="panel section" aria-labelledby="deals-h">
            <h2 id="deals-h">"Deals"</h2>
            <Show
                when=move || lines.with(|l| !l.is_empty())
                fallback=|| view! { <p class="muted">"No deals with this contact yet."</p> }
            >
                // A phone stacks the rows (`stack`, style/main.css).
                <table class="stack">
                    <thead>
                        <tr>
                            <th scope="col">"Deal"</th>
                            <th scope="col">"Stage"</th>
                            <th scope="col">"Since"</th>
                            <th scope="col" class="num">"Value"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || lines.get() key=|l| l.clone() children=row/>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

/// The contact's tasks: open ones first (soonest first), then done ones (latest first).
#[component]
pub fn Tasks(
    /// The contact.
    id: ContactId,
    /// Called when the user opens a task.
    #[prop(into)]
    on_open: Callback<TaskId>,
) -> impl IntoView {
    let app = use_app();
    let today = app.today();
    let entries = Memo::new(move |_| {
        app.book.with(|b| {
            let look = Lookup::new(b);
            let mut list: Vec<Entry> = b
                .tasks_of_contact(id)
                .map(|t| look.entry(t, today))
                .collect();
            list.sort_by_key(|e| match e.done_on {
                None => (0, e.on.0, e.time.map_or(-1, i32::from)),
                Some(_) => (1, -e.on.0, 0),
            });
            list
        })
    });
    view! {
        <section class="panel section" aria-labelledby="tasks-h">
            <h2 id="tasks-h">"Tasks"</h2>
            <Show
                when=move || entries.with(|l| !l.is_empty())
                fallback=|| view! { <p class="muted">"No tasks yet: use Add task to plan a call, a meeting or a demo."</p> }
            >
                <ul class="tasks">
                    <For each=move || entries.get() key=pipewise_core::calendar::Entry::key let:entry>
                        <TaskItem entry=entry on_open=on_open hide_contact=true show_day=true/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}
