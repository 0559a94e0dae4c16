//! Reports: bloat, funnel and the diagnosis.

use crate::components::empty::EmptyState;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ReportsPage() -> impl IntoView {
    view! {
        <h1>"Reports"</h1>
        <EmptyState title="Nothing to report yet" text="Once deals move through your pipeline, this page tells you where it bloats and whether a revenue shortfall comes from too few chances or poor closing.">
            <A href="/data">"Load demo data"</A>
        </EmptyState>
    }
}
