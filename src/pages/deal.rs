//! One deal and its stage timeline.

use crate::components::empty::EmptyState;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn DealPage() -> impl IntoView {
    view! {
        <h1>"Deal"</h1>
        <EmptyState title="Deal not found" text="This deal does not exist in this browser's data.">
            <A href=crate::app::href("/data")>"Load demo data"</A>
        </EmptyState>
    }
}
