//! Time in each step, beside the backlog: how long deals stayed (the latest stay and
//! every stay added up, median and 90th percentile), how many left per week, and
//! whether the step is bloated or has no history yet to judge by.

use crate::components::charts::one_decimal;
use leptos::prelude::*;
use pipewise_core::reports::StepStats;

/// Days to one decimal, or "—" when no deal left the step in the period.
fn days(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), one_decimal)
}

fn status(s: &StepStats) -> &'static str {
    match (s.bloated, s.has_history) {
        (true, _) => "Bloated",
        (false, false) => "Not enough history yet",
        (false, true) => "Moving",
    }
}

#[component]
pub fn StepTimes(
    /// The step statistics of the report's scope and period.
    #[prop(into)]
    stats: Signal<Vec<StepStats>>,
) -> impl IntoView {
    let rows = move || {
        stats.with(|stats| {
            stats
                .iter()
                .map(|s| {
                    let backlog = match s.backlog_weeks {
                        Some(w) => one_decimal(w),
                        None => "none left".to_string(),
                    };
                    view! {
                        <tr class:bloated=s.bloated>
                            <th scope="row">{s.name.clone()}</th>
                            <td class="num">{s.wip}</td>
                            <td class="num">{one_decimal(s.throughput_per_week)}</td>
                            <td class="num">{backlog}</td>
                            <td class="num">{days(s.latest_median)}</td>
                            <td class="num">{days(s.latest_p90)}</td>
                            <td class="num">{days(s.cumulative_median)}</td>
                            <td class="num">{days(s.cumulative_p90)}</td>
                            <td>{status(s)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="table-scroll" role="region" aria-label="Time in each step" tabindex="0">
            <table class="step-times">
                <caption>"Time in each step, in days, over the deals that left it in the period"</caption>
                <thead>
                    <tr>
                        <th scope="col" rowspan="2">"Step"</th>
                        <th scope="col" rowspan="2" class="num">"In it now"</th>
                        <th scope="col" rowspan="2" class="num">"Left per week"</th>
                        <th scope="col" rowspan="2" class="num">"Backlog (weeks)"</th>
                        <th scope="colgroup" colspan="2" class="num">"Latest stay"</th>
                        <th scope="colgroup" colspan="2" class="num">"All stays added up"</th>
                        <th scope="col" rowspan="2">"Status"</th>
                    </tr>
                    <tr>
                        <th scope="col" class="num">"Median"</th>
                        <th scope="col" class="num">"90th pct"</th>
                        <th scope="col" class="num">"Median"</th>
                        <th scope="col" class="num">"90th pct"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
