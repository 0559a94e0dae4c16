//! The month view: a Monday-first grid; each day lists its first tasks and links to the
//! week for the rest; "+" adds a task on that day. On a phone (style/people.css) a cell
//! is too narrow for tasks: it shows how many the day holds and picks the day, whose
//! list follows the grid.

use super::url::Shown;
use crate::components::task_item::TaskItem;
use crate::format;
use leptos::prelude::*;
use leptos_router::components::A;
use pipewise_core::calendar::{day_loads, month_grid, DayLoad, Entry, GridDay, View};
use pipewise_core::{Day, TaskId};
use std::collections::HashMap;

/// How many tasks a day cell lists before "N more".
const PER_DAY: usize = 4;

#[component]
pub fn Month(
    /// A day of the month shown.
    date: Day,
    /// What the calendar shows, for the links to a day's week.
    #[prop(into)]
    shown: Signal<Shown>,
    /// The tasks of the grid's range, filtered and in order.
    #[prop(into)]
    list: Signal<Vec<Entry>>,
    /// Today, marked in the grid.
    today: Day,
    /// Opens a task.
    on_open: Callback<TaskId>,
    /// Adds a task on a day.
    on_new: Callback<Day>,
) -> impl IntoView {
    let by_day = Memo::new(move |_| {
        let mut map: HashMap<Day, Vec<Entry>> = HashMap::new();
        for e in list.get() {
            map.entry(e.on).or_default().push(e);
        }
        map
    });
    let loads = Memo::new(move |_| list.with(|l| day_loads(l)));
    let weeks = month_grid(date);
    let heads = weeks[0].map(|d| format::weekday(d.day));
    let cell = move |cell: GridDay| {
        let day = cell.day;
        let tasks = move || by_day.with(|m| m.get(&day).cloned().unwrap_or_default());
        let more = move || {
            let extra = tasks().len().saturating_sub(PER_DAY);
            (extra > 0).then(|| {
                let href = shown.with(|s| s.with_view(View::Week).with_date(Some(day)).href());
                view! { <A href=href attr:class="more">{format!("{extra} more")}</A> }
            })
        };
        let label = format!("Add task on {}", format::date(day));
        let load = move || loads.with(|l| l.get(&day).copied().unwrap_or_default());
        let pick = shown.with_untracked(|s| s.with_date(Some(day)).href());
        view! {
            <td class:outside=!cell.in_month class:today=day == today class:past=day < today>
                <div class="day-head">
                    <span class="day-number">
                        {day.day_of_month()}
                        {(day == today).then(|| view! { <span class="sr-only">" (today)"</span> })}
                    </span>
                    <button type="button" class="add" aria-label=label on:click=move |_| on_new.run(day)>"+"</button>
                </div>
                <ul class="tasks">
                    <For each=move || tasks().into_iter().take(PER_DAY) key=pipewise_core::calendar::Entry::key let:entry>
                        <TaskItem entry=entry on_open=on_open compact=true/>
                    </For>
                </ul>
                {more}
                // A plain link: the router's <A> would mark every day as the current page.
                <a href=pick data-noscroll="" class="day-pick" aria-current=(day == date).then_some("date")
                    aria-label=move || day_said(day, load())>
                    <span class="day-number">{day.day_of_month()}</span>
                    {move || {
                        let l = load();
                        (l.tasks > 0).then(|| view! { <span class="day-count" class:late={l.overdue > 0} class:done={l.open == 0}>{l.tasks}</span> })
                    }}
                </a>
            </td>
        }
    };
    let picked = move || by_day.with(|m| m.get(&date).cloned().unwrap_or_default());
    view! {
        <table class="month">
            <caption class="sr-only">{format!("Tasks in {}", format::month_year(date))}</caption>
            <thead>
                <tr>{heads.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {weeks.into_iter().map(|week| view! { <tr>{week.into_iter().map(cell).collect_view()}</tr> }).collect_view()}
            </tbody>
        </table>
        <section class="month-day" aria-labelledby="month-day-h">
            <div class="day-head">
                <h3 id="month-day-h">{format!("{} {}", format::weekday(date), format::date(date))}</h3>
                <button type="button" on:click=move |_| on_new.run(date)>"Add task"<span class="sr-only">{format!(" on {}", format::date(date))}</span></button>
            </div>
            <ul class="tasks">
                <For each=picked key=pipewise_core::calendar::Entry::key let:entry>
                    <TaskItem entry=entry on_open=on_open/>
                </For>
            </ul>
            <Show when=move || picked().is_empty()>
                <p class="empty-note">"Nothing planned on this day."</p>
            </Show>
        </section>
    }
}

/// "Mar 9, 2026: 2 tasks, 1 overdue", what a phone's day cell says.
fn day_said(day: Day, load: DayLoad) -> String {
    let tasks = match load.tasks {
        0 => "no tasks".to_string(),
        1 => "1 task".to_string(),
        n => format!("{n} tasks"),
    };
    let late = match load.overdue {
        0 => String::new(),
        n => format!(", {n} overdue"),
    };
    format!("{}: {tasks}{late}", format::date(day))
}
