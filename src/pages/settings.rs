//! Settings: the sales process.

use crate::components::empty::EmptyState;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <h1>"Settings"</h1>
        <EmptyState title="Your sales process" text="Rename, reorder, add and remove the steps of your sales process.">
            <A href="/data">"Load demo data"</A>
        </EmptyState>
    }
}
