//! Data: backup, restore, merge, import and export.

use crate::components::empty::EmptyState;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <h1>"Data"</h1>
        <EmptyState title="Your data, in and out" text="Back up, restore, merge a teammate's backup, import from another CRM, and export CSV or calendar files.">
            <A href="/data">"Load demo data"</A>
        </EmptyState>
    }
}
