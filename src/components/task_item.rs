//! One task in a list (calendar cell, agenda, contact page): a done checkbox, its time
//! and title (opens it), its pipeline tag, kind and contact, and an "Overdue" badge.

use crate::components::tag_label::TagLabel;
use crate::format;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use pipewise_core::calendar::Entry;
use pipewise_core::TaskId;

/// A task with its done toggle; clicking the title opens it.
#[component]
pub fn TaskItem(
    /// The task as the list computed it (rows never read the whole book).
    entry: Entry,
    /// Called with the task's id when the user opens it.
    #[prop(into)]
    on_open: Callback<TaskId>,
    /// The small form for a month cell: one line of details.
    #[prop(optional)]
    compact: bool,
    /// Leave the contact out (the contact's own page).
    #[prop(optional)]
    hide_contact: bool,
    /// Show the task's day too (lists that span days without day headings).
    #[prop(optional)]
    show_day: bool,
) -> impl IntoView {
    let app = use_app();
    let id = entry.id;
    let done = entry.done_on.is_some();
    let toggle = move |_| {
        let now = crate::state::now();
        // A refusal means another tab already did it; the list shows the true state.
        let _ = if done {
            app.act(move |b| b.reopen_task(id, now))
        } else {
            app.act(move |b| b.complete_task(id, now.today, now))
        };
    };
    let mut class = format!("task {}", entry.tag.tone);
    if done {
        class.push_str(" done");
    }
    if entry.overdue {
        class.push_str(" overdue");
    }
    if compact {
        class.push_str(" compact");
    }
    let mut when = Vec::new();
    if show_day {
        when.push(format::day_month(entry.on));
    }
    if let Some(t) = entry.time {
        when.push(format::time(t));
        if let Some(d) = entry.duration.filter(|_| !compact) {
            when.push(format!("{d} min"));
        }
    }
    let when = (!when.is_empty()).then(|| view! { <span class="when">{when.join(" · ")}</span> });
    let contact = (!hide_contact).then(|| {
        let href = crate::links::href(&format!("/contacts/{}", entry.contact));
        view! { <A href=href attr:class="who">{entry.contact_name.clone()}</A> }
    });
    let deal = entry
        .deal_title
        .clone()
        .filter(|_| !compact)
        .map(|t| view! { <span class="deal-name">{t}</span> });
    let prospecting = (entry.tag.prospecting && !compact)
        .then(|| view! { <span class="chip">"Prospecting"</span> });
    let overdue = entry
        .overdue
        .then(|| view! { <span class="badge overdue">"Overdue"</span> });
    let done_on = entry
        .done_on
        .filter(|_| !compact)
        .map(|d| view! { <span class="muted">{format!("Done {}", format::day_month(d))}</span> });
    let title = entry.title.clone();
    view! {
        <li class=class>
            <input type="checkbox" prop:checked=done aria-label=format!("Done: {}", entry.title) on:change=toggle/>
            <div class="task-main">
                <div class="task-line">
                    {when}
                    <button type="button" class="task-title" on:click=move |_| on_open.run(id)>{title}</button>
                </div>
                <div class="task-meta">
                    {overdue}
                    <TagLabel tag=entry.tag.clone()/>
                    {prospecting}
                    <span class="kind">{entry.kind.label()}</span>
                    {contact}
                    {deal}
                    {done_on}
                </div>
            </div>
        </li>
    }
}
