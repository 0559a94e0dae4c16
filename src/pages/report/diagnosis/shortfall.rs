//! One level below the verdict: where the shortfall starts. The deals that entered in
//! the period won so many, against the benchmark's cohort at the same age; the gap in
//! wins is split among prospecting volume and each step's share moving on, and the
//! costliest is named, with a waterfall of wins and its figures.

use super::super::words::capitalised;
use crate::components::charts::diverging::{DivergingBars, Part};
use crate::components::charts::percent;
use crate::format::number;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::reports::query::Inputs;
use pipewise_core::reports::{shortfall, Link, Shortfall};
use pipewise_core::Day;

fn wins(x: f64) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    let text = number(rounded, if rounded.fract() == 0.0 { 0 } else { 1 });
    format!(
        "{text} {}",
        if (rounded - 1.0).abs() < 1e-9 {
            "win"
        } else {
            "wins"
        }
    )
}

/// "5 vs 19.2 new leads", "40 % vs 62 % moved on".
fn figures(s: &Shortfall, i: usize) -> String {
    let (now, then) = (s.current[i], s.benchmark[i]);
    match s.links.get(i) {
        Some(Link::Leads) => format!(
            "{} vs {} new leads",
            number(now, 0),
            number((then * 10.0).round() / 10.0, 1)
        ),
        _ => format!("{} vs {} moved on", percent(now), percent(then)),
    }
}

fn sentence(s: &Shortfall, period: &str, bench: &str) -> String {
    let age = match s.age {
        0 => "as of today".to_string(),
        1 => "1 day after its period ended".to_string(),
        n => format!("{n} days after its period ended"),
    };
    let head = format!(
        "The deals that entered in {period} have {} so far; {bench} had {} at the same age ({age}).",
        wins(s.wins),
        wins(s.benchmark_wins)
    );
    match (s.starts_at(), s.worst) {
        (Some(link), Some(i)) => format!(
            "{head} {} cost the most: {} ({}).",
            capitalised(&link.label()),
            wins(-s.parts[i]),
            figures(s, i)
        ),
        _ => format!("{head} No shortfall in wins."),
    }
}

#[component]
pub(super) fn ShortfallPanel(
    /// Scope, period and benchmark of the report.
    #[prop(into)]
    inputs: Signal<Inputs>,
    /// The diagnosis's name for the benchmark, e.g. "Q2 2026".
    #[prop(into)]
    benchmark_label: String,
    /// The day the report is as of.
    today: Day,
) -> impl IntoView {
    let app = use_app();
    let report = Memo::new(move |_| {
        let i = inputs.read();
        app.book
            .with(|b| shortfall(b, &i.scope, &i.period, today, i.benchmark))
    });
    move || {
        let period = inputs.with(|i| i.period.label());
        let body = match report.get() {
            None => view! {
                <p class="muted">"A revenue target has no cohort of deals to compare with: compare with the previous period (or, for one owner, the team's average owner) to see where a shortfall starts."</p>
            }
            .into_any(),
            Some(s) => {
                let bars: Vec<Part> = s
                    .links
                    .iter()
                    .zip(&s.parts)
                    .enumerate()
                    .map(|(i, (link, part))| Part {
                        label: capitalised(&link.label()),
                        amount: *part,
                        flag: (s.starts_at().is_some() && s.worst == Some(i)).then_some("Starts here"),
                    })
                    .collect();
                let parts = s
                    .links
                    .iter()
                    .zip(&s.parts)
                    .map(|(l, p)| format!("{} {}", l.label(), number((p * 10.0).round() / 10.0, 1)))
                    .collect::<Vec<_>>()
                    .join(", ");
                let desc = format!(
                    "From {} for {} to {} for the deals that entered in {period}, each factor's part: {parts}.",
                    wins(s.benchmark_wins),
                    benchmark_label,
                    wins(s.wins)
                );
                view! {
                    <p>{sentence(&s, &period, &benchmark_label)}</p>
                    <DivergingBars
                        id="cohort"
                        title=format!("Wins of the deals that entered in {period}: each factor's part of the gap to {benchmark_label}")
                        desc=desc
                        parts=bars
                        unit="wins"
                    />
                }
                .into_any()
            }
        };
        view! {
            <section class="shortfall" aria-labelledby="shortfall-head">
                <h3 id="shortfall-head">"Where the shortfall starts"</h3>
                {body}
            </section>
        }
    }
}
