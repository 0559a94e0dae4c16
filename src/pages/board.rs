//! The pipeline board: a column per step.

use crate::components::empty::EmptyState;
use leptos::prelude::*;

#[component]
pub fn BoardPage() -> impl IntoView {
    view! {
        <h1>"Pipeline"</h1>
        <EmptyState title="No deals yet" text="Your deals will appear here, one column per step of your sales process, with how long each has sat in its step. Add a first deal or load the demo pipeline to look around.">
            <crate::components::demo::DemoButton primary=true/>
        </EmptyState>
    }
}
