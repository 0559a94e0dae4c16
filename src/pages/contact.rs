//! One contact.

use crate::components::empty::EmptyState;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ContactPage() -> impl IntoView {
    view! {
        <h1>"Contact"</h1>
        <EmptyState title="Contact not found" text="This contact does not exist in this browser's data.">
            <A href=crate::app::href("/data")>"Load demo data"</A>
        </EmptyState>
    }
}
