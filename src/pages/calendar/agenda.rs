//! The agenda: two weeks as a list, day by day, led by the overdue tasks when the two
//! weeks include today.

use crate::components::task_item::TaskItem;
use crate::format;
use leptos::prelude::*;
use pipewise_core::calendar::{group_by_day, Entry, View};
use pipewise_core::{Day, TaskId};

#[component]
pub fn Agenda(
    /// The first day listed.
    date: Day,
    /// The tasks of the two weeks, filtered and in order.
    #[prop(into)]
    list: Signal<Vec<Entry>>,
    /// Open tasks from before the two weeks (shown first).
    #[prop(into)]
    late: Signal<Vec<Entry>>,
    /// Today, marked.
    today: Day,
    /// Opens a task.
    on_open: Callback<TaskId>,
    /// Adds a task on a day.
    on_new: Callback<Day>,
) -> impl IntoView {
    let groups = Memo::new(move |_| group_by_day(list.get()));
    let (_, last) = View::Agenda.range(date);
    let overdue = move || {
        let entries = late.get();
        (!entries.is_empty()).then(|| {
            view! {
                <section class="agenda-day late" aria-labelledby="late-h">
                    <h3 id="late-h">"Overdue"<span class="muted">{format!(" · {} open from earlier days", entries.len())}</span></h3>
                    <ul class="tasks">
                        <For each=move || late.get() key=pipewise_core::calendar::Entry::key let:entry>
                            <TaskItem entry=entry on_open=on_open show_day=true/>
                        </For>
                    </ul>
                </section>
            }
        })
    };
    let day_group = move |(day, entries): (Day, Vec<Entry>)| {
        let heading = format!("{} {}", format::weekday(day), format::date(day));
        let label = format!("Add task on {}", format::date(day));
        view! {
            <section class="agenda-day" class:today=day == today>
                <div class="day-head">
                    <h3>{heading}{(day == today).then(|| view! { <span class="today-mark">"Today"</span> })}</h3>
                    <button type="button" class="add" aria-label=label on:click=move |_| on_new.run(day)>"+"</button>
                </div>
                <ul class="tasks">
                    {entries.into_iter().map(|entry| view! { <TaskItem entry=entry on_open=on_open/> }).collect_view()}
                </ul>
            </section>
        }
    };
    view! {
        <div class="agenda">
            {overdue}
            <For each=move || groups.get() key=|g| (g.0, g.1.iter().map(pipewise_core::calendar::Entry::key).collect::<Vec<_>>()) children=day_group/>
            <Show when=move || groups.with(|g| g.is_empty())>
                <p class="empty-note">{format!("Nothing planned from {} to {}.", format::date(date), format::date(last))}</p>
            </Show>
        </div>
    }
}
