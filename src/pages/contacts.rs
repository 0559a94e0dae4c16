//! Contacts: leads, prospects and clients.

use crate::components::empty::EmptyState;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ContactsPage() -> impl IntoView {
    view! {
        <h1>"Contacts"</h1>
        <EmptyState title="No contacts yet" text="Your leads, prospects and clients will be listed here with their deals and tasks.">
            <A href="/data">"Load demo data"</A>
        </EmptyState>
    }
}
