//! The deal's tasks: what was and is to be done for it, with the pipeline step each
//! piece of work served. A phone stacks the rows (`stack`, style/board.css).

use crate::components::tag_label::TagLabel;
use crate::format;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::calendar::{deal_entries, Entry};
use pipewise_core::DealId;

/// The tasks linked to a deal, oldest first, with their tags and "overdue" as the core
/// gives them.
#[component]
pub fn DealTasks(
    /// The deal whose tasks are listed.
    deal: DealId,
) -> impl IntoView {
    let app = use_app();
    let today = app.today();
    let rows = Memo::new(move |_| app.book.with(|b| deal_entries(b, deal, today)));
    let row = move |r: Entry| {
        let when = match r.time {
            Some(t) => format!("{} {}", format::date(r.on), format::time(t)),
            None => format::date(r.on),
        };
        let state = match r.done_on {
            Some(done) => {
                view! { <span class="done">{format!("Done {}", format::date(done))}</span> }
                    .into_any()
            }
            None if r.overdue => view! { <span class="badge overdue">"Overdue"</span> }.into_any(),
            None => view! { <span class="muted">"To do"</span> }.into_any(),
        };
        view! {
            <tr>
                <td class="title">{r.title}</td>
                <td data-label="When">{when}</td>
                <td data-label="Kind">{r.kind.label()}</td>
                <td>{state}</td>
                <td><TagLabel tag=r.tag/></td>
            </tr>
        }
    };
    view! {
        <section class="panel tasks-panel" aria-labelledby="tasks-title">
            <h2 id="tasks-title">"Tasks"</h2>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=|| view! { <p class="muted">"No tasks for this deal yet. Tasks are planned on the calendar."</p> }
            >
                <table class="deal-tasks stack">
                    <thead>
                        <tr><th scope="col">"Task"</th><th scope="col">"When"</th><th scope="col">"Kind"</th><th scope="col">"Done"</th><th scope="col">"Tag"</th></tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=Entry::key children=row/>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
