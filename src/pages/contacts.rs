//! Contacts: leads, prospects and clients.

use crate::components::empty::EmptyState;
use leptos::prelude::*;

#[component]
pub fn ContactsPage() -> impl IntoView {
    view! {
        <h1>"Contacts"</h1>
        <EmptyState title="No contacts yet" text="Your leads, prospects and clients will be listed here with their deals and tasks.">
            <crate::components::demo::DemoButton primary=true/>
        </EmptyState>
    }
}
