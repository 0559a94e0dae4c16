//! The task calendar, tagged by pipeline step.

use crate::components::empty::EmptyState;
use leptos::prelude::*;

#[component]
pub fn CalendarPage() -> impl IntoView {
    view! {
        <h1>"Calendar"</h1>
        <EmptyState title="No tasks yet" text="Calls, meetings and demos will appear here, each tagged with the step of the deal it serves.">
            <crate::components::demo::DemoButton primary=true/>
        </EmptyState>
    }
}
