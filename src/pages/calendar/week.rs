//! The week view: Monday to Sunday side by side, each day's tasks in time order.

use crate::components::task_item::TaskItem;
use crate::format;
use leptos::prelude::*;
use pipewise_core::calendar::{week_range, Entry};
use pipewise_core::{Day, TaskId};

#[component]
pub fn Week(
    /// A day of the week shown.
    date: Day,
    /// The week's tasks, filtered and in order.
    #[prop(into)]
    list: Signal<Vec<Entry>>,
    /// Today, marked.
    today: Day,
    /// Opens a task.
    on_open: Callback<TaskId>,
    /// Adds a task on a day.
    on_new: Callback<Day>,
) -> impl IntoView {
    let (monday, _) = week_range(date);
    let column = move |i: i32| {
        let day = monday.plus(i);
        let tasks = move || {
            list.with(|l| {
                l.iter()
                    .filter(|e| e.on == day)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        };
        let heading = format!("{} {}", format::weekday(day), format::day_month(day));
        let label = format!("Add task on {}", format::date(day));
        view! {
            <section class="week-day" class:today=day == today>
                <div class="day-head">
                    <h3>{heading}{(day == today).then(|| view! { <span class="today-mark">"Today"</span> })}</h3>
                    <button type="button" class="add" aria-label=label on:click=move |_| on_new.run(day)>"+"</button>
                </div>
                <ul class="tasks">
                    <For each=tasks key=pipewise_core::calendar::Entry::key let:entry>
                        <TaskItem entry=entry on_open=on_open compact=true/>
                    </For>
                </ul>
                <Show when=move || tasks().is_empty()>
                    <p class="muted small">"Nothing planned"</p>
                </Show>
            </section>
        }
    };
    view! { <div class="week">{(0..7).map(column).collect_view()}</div> }
}
