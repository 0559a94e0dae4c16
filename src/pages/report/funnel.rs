//! The funnel section: of the deals that entered in the period, how many reached each
//! step and were won, and how many of those leaving each step moved on.

use crate::components::charts::funnel::{FunnelChart, FunnelRow};
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::reports::funnel;
use pipewise_core::reports::query::Inputs;
use pipewise_core::Day;

#[component]
pub fn FunnelSection(
    /// Scope and period of the report.
    #[prop(into)]
    inputs: Signal<Inputs>,
    /// The day the report is as of.
    today: Day,
) -> impl IntoView {
    let app = use_app();
    let report = Memo::new(move |_| {
        let i = inputs.read();
        app.book.with(|b| funnel(b, &i.scope, &i.period, today))
    });
    let chart = move || {
        let f = report.get();
        let period = inputs.with(|i| i.period.label());
        let mut rows: Vec<FunnelRow> = f
            .reached
            .iter()
            .zip(&f.conversions)
            .map(|(r, c)| FunnelRow {
                label: r.name.clone(),
                reached: r.deals,
                conversion: Some((c.went_on, c.left)),
            })
            .collect();
        rows.push(FunnelRow {
            label: "Won".into(),
            reached: f.won,
            conversion: None,
        });
        view! {
            <FunnelChart
                id="funnel"
                title=format!("Funnel of the deals that entered in {period}")
                desc=format!(
                    "Of {} deals that entered in {period}, {} were won by today. Bars show how many reached each step. The right column counts the deals that left each step in {period}, and how many of them reached the next step or a later one by today; a deal that moved back and went on later counts as moved on, and a move back is not counted as lost.",
                    f.entered, f.won
                )
                rows=rows
                cohort=f.entered
            />
        }
    };
    view! {
        <section class="panel funnel-section" aria-labelledby="funnel-head">
            <h2 id="funnel-head">"Funnel"</h2>
            {chart}
            <p class="muted">{move || {
                let f = report.get();
                let lost: usize = f.conversions.iter().map(|c| c.lost).sum();
                let back: usize = f.conversions.iter().map(|c| c.back).sum();
                format!(
                    "Moved on = reached the next step or a later one by today, over the deals that left the step in the period. Across the steps, {lost} departures that did not move on ended in a loss and {back} were moves back not followed by going on yet."
                )
            }}</p>
        </section>
    }
}
