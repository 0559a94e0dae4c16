//! The cumulative-flow section: deals in each step, day by day, over the period.

use crate::components::charts::flow::FlowChart;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::reports::cumulative_flow;
use pipewise_core::reports::query::Inputs;
use pipewise_core::Day;

#[component]
pub fn FlowSection(
    /// Scope and period of the report.
    #[prop(into)]
    inputs: Signal<Inputs>,
    /// The day the report is as of.
    today: Day,
) -> impl IntoView {
    let app = use_app();
    let report = Memo::new(move |_| {
        let i = inputs.read();
        app.book
            .with(|b| cumulative_flow(b, &i.scope, &i.period, today))
    });
    let chart = move || {
        let flow = report.get();
        if flow.days.is_empty() {
            return view! { <p class="muted">"This period has not started yet: no days to show."</p> }.into_any();
        }
        let period = inputs.with(|i| i.period.label());
        let series = flow
            .steps
            .into_iter()
            .map(|(_, name)| name)
            .zip(flow.counts)
            .collect();
        view! {
            <FlowChart
                id="flow"
                title=format!("Deals in each step, day by day, {period}")
                desc="Stacked bands, one per step, the first step on top. A band that widens over time is a step where deals pile up."
                days=flow.days
                series=series
            />
        }
        .into_any()
    };
    view! {
        <section class="panel flow-section" aria-labelledby="flow-head">
            <h2 id="flow-head">"Cumulative flow"</h2>
            {chart}
        </section>
    }
}
