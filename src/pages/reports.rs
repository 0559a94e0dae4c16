//! Reports: bloat, funnel and the diagnosis.

use crate::components::empty::EmptyState;
use leptos::prelude::*;

#[component]
pub fn ReportsPage() -> impl IntoView {
    view! {
        <h1>"Reports"</h1>
        <EmptyState title="Nothing to report yet" text="Once deals move through your pipeline, this page tells you where it bloats and whether a revenue shortfall comes from too few chances or poor closing.">
            <crate::components::demo::DemoButton primary=true/>
        </EmptyState>
    }
}
