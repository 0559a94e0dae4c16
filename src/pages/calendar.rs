//! The task calendar, following the sales process: every task shows the pipeline step it
//! serves. Month, week and agenda views; the view, the date and the filters live in the
//! URL (see `url.rs`), so a filtered view can be bookmarked and survives a reload. A
//! phone opens on the agenda.

mod agenda;
mod month;
mod toolbar;
mod url;
mod week;

use crate::components::empty::EmptyState;
use crate::components::task_dialog::TaskDialog;
use crate::lazy::PageChunk;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use pipewise_core::calendar::{entries, overdue_before, View};
use pipewise_core::{Day, TaskId};
use url::Shown;

/// The calendar's open dialog.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    New(Option<Day>),
    Task(TaskId),
}

// The page's split point: its code is fetched the first time it shows.
crate::lazy::split_point!(
    calendar,
    pub fn chunk() -> PageChunk {
        Ok(|()| view! { <CalendarPage/> }.into_any())
    }
);

#[component]
pub fn CalendarPage() -> impl IntoView {
    let app = use_app();
    let today = app.today();
    let query = use_query_map();
    // Read once: a phone opens on the agenda, a desk on the month.
    let default_view = View::default_for_width(crate::components::screen::window_width());
    let shown = Memo::new(move |_| Shown::read(&query.read(), default_view));
    let list = Memo::new(move |_| {
        let shown = shown.get();
        let (from, to) = shown.view.range(shown.day(today));
        app.book
            .with(|b| entries(b, from, to, &shown.filter, today))
    });
    // The agenda starts with what is late, when it covers today.
    let late = Memo::new(move |_| {
        let shown = shown.get();
        let (from, to) = shown.view.range(shown.day(today));
        let covers_today = shown.view == View::Agenda && from <= today && today <= to;
        if covers_today {
            app.book
                .with(|b| overdue_before(b, from, &shown.filter, today))
        } else {
            Vec::new()
        }
    });
    let has_contacts = Memo::new(move |_| app.book.with(|b| !b.contacts.is_empty()));
    let open = RwSignal::new(Open::Nothing);
    let on_open = Callback::new(move |id| open.set(Open::Task(id)));
    let on_new = Callback::new(move |day| open.set(Open::New(Some(day))));
    let close = Callback::new(move |_: ()| open.set(Open::Nothing));

    let body = move || {
        if !has_contacts.get() {
            return view! {
                <EmptyState title="No tasks yet" text="Calls, meetings and demos will appear here, each tagged with the step of the deal it serves. A task is always for a contact: add one first.">
                    <A href=crate::links::href("/contacts") attr:class="button primary">"Go to contacts"</A>
                    <crate::components::demo::DemoButton/>
                </EmptyState>
            }
            .into_any();
        }
        let day = shown.with(|s| s.day(today));
        match shown.with(|s| s.view) {
            View::Month => view! { <month::Month date=day shown=shown list=list today=today on_open=on_open on_new=on_new/> }.into_any(),
            View::Week => view! { <week::Week date=day list=list today=today on_open=on_open on_new=on_new/> }.into_any(),
            View::Agenda => view! { <agenda::Agenda date=day list=list late=late today=today on_open=on_open on_new=on_new/> }.into_any(),
        }
    };
    let dialog = move || match open.get() {
        Open::Nothing => None,
        Open::New(date) => Some(view! { <TaskDialog date=date on_close=close/> }.into_any()),
        Open::Task(id) => Some(view! { <TaskDialog task=Some(id) on_close=close/> }.into_any()),
    };
    view! {
        <div class="page-head">
            <h1>"Calendar"</h1>
            <button type="button" class="primary" disabled=move || !has_contacts.get() on:click=move |_| open.set(Open::New(None))>
                "New task"
            </button>
        </div>
        <toolbar::Toolbar shown=shown today=today/>
        {body}
        {dialog}
    }
}
