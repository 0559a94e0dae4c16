//! The deal's tasks: what was and is to be done for it, with the pipeline step each
//! piece of work served. A phone stacks the rows (`stack`, style/board.css).

use crate::format;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::{Day, DealId, Stage, Tag};

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    key: (pipewise_core::TaskId, i64),
    title: String,
    on: Day,
    time: Option<u16>,
    kind: &'static str,
    done: Option<Day>,
    tag: String,
    tag_class: &'static str,
}

/// The tasks linked to a deal, oldest first.
#[component]
pub fn DealTasks(
    /// The deal whose tasks are listed.
    deal: DealId,
) -> impl IntoView {
    let app = use_app();
    let today = app.today();
    let rows = Memo::new(move |_| {
        app.book.with(|b| {
            let mut rows: Vec<Row> = b
                .tasks_of_deal(deal)
                .map(|t| {
                    let (tag, tag_class) = match t.tag {
                        Tag::Stage(Stage::Step(s)) => (b.process.name(s).to_string(), "step"),
                        Tag::Stage(Stage::Won) => ("Won".into(), "won"),
                        Tag::Stage(Stage::Lost) => ("Lost".into(), "lost"),
                        Tag::Contact(kind) => (kind.label().to_string(), kind.as_str()),
                    };
                    Row {
                        key: (t.id, t.edited),
                        title: t.title.clone(),
                        on: t.on,
                        time: t.time,
                        kind: t.kind.label(),
                        done: t.done_on,
                        tag,
                        tag_class,
                    }
                })
                .collect();
            rows.sort_by(|a, b| a.on.cmp(&b.on).then(a.time.cmp(&b.time)));
            rows
        })
    });
    let row = move |r: Row| {
        let when = match r.time {
            Some(t) => format!("{} {}", format::date(r.on), format::time(t)),
            None => format::date(r.on),
        };
        let state = match r.done {
            Some(done) => {
                view! { <span class="done">{format!("Done {}", format::date(done))}</span> }
                    .into_any()
            }
            None if r.on < today => {
                view! { <span class="badge overdue">"Overdue"</span> }.into_any()
            }
            None => view! { <span class="muted">"To do"</span> }.into_any(),
        };
        view! {
            <tr>
                <td class="title">{r.title}</td>
                <td data-label="When">{when}</td>
                <td data-label="Kind">{r.kind}</td>
                <td>{state}</td>
                <td><span class=format!("badge {}", r.tag_class)>{r.tag}</span></td>
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
                        <For each=move || rows.get() key=|r| r.key children=row/>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
