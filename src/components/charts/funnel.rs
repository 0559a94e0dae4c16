//! The funnel: how many of a cohort reached each step (bars, with the share of the
//! cohort written out) and how many of those that left a step moved on.

use super::{n, percent, step_class, FiguresTable, Row};
use crate::format::number;
use leptos::prelude::*;

/// One row of the funnel.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelRow {
    pub label: String,
    /// Deals of the cohort that reached this step (or further).
    pub reached: usize,
    /// Of the deals that left this step in the period: (moved on, left).
    pub conversion: Option<(usize, usize)>,
}

const W: f64 = 640.0;
const ROW: f64 = 32.0;
const TOP: f64 = 30.0;
const LABELS: f64 = 130.0;
const BARS_END: f64 = 400.0;
const CONVERSION: f64 = 500.0;

#[component]
pub fn FunnelChart(
    /// Prefix for element ids, unique in the page.
    id: &'static str,
    /// The chart's accessible name.
    #[prop(into)]
    title: String,
    /// What the chart shows, in a sentence or two.
    #[prop(into)]
    desc: String,
    /// The steps in order; the last row may be the outcome (won).
    rows: Vec<FunnelRow>,
    /// The size of the cohort (100 %).
    cohort: usize,
) -> impl IntoView {
    let h = TOP + ROW * rows.len() as f64 + 6.0;
    let share = |count: usize| {
        if cohort == 0 {
            0.0
        } else {
            count as f64 / cohort as f64
        }
    };
    let last = rows.len().saturating_sub(1);
    let body = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let top = TOP + ROW * i as f64;
            let width = (BARS_END - LABELS) * share(row.reached);
            let class = if i == last && row.conversion.is_none() { "won-bar".to_string() } else { step_class(i) };
            view! {
                <text class="category" x=n(LABELS - 8.0) y=n(top + 18.0) text-anchor="end">{row.label.clone()}</text>
                <rect class=class x=n(LABELS) y=n(top + 5.0) width=n(width.max(1.0)) height="20"></rect>
                <text class="value" x=n(LABELS + width + 5.0) y=n(top + 19.0)>
                    {format!("{} · {}", number(row.reached as f64, 0), percent(share(row.reached)))}
                </text>
                {row.conversion.map(|(went_on, left)| view! {
                    <text class="value" x=n(CONVERSION) y=n(top + 19.0)>
                        {if left == 0 { "—".to_string() } else { format!("{} ({} of {})", percent(went_on as f64 / left as f64), went_on, left) }}
                    </text>
                })}
            }
        })
        .collect_view();
    let table: Vec<Row> = rows
        .iter()
        .map(|r| {
            let conversion = match r.conversion {
                Some((on, left)) if left > 0 => {
                    format!("{} ({on} of {left})", percent(on as f64 / left as f64))
                }
                _ => "—".into(),
            };
            (
                r.label.clone(),
                vec![
                    number(r.reached as f64, 0),
                    percent(share(r.reached)),
                    conversion,
                ],
            )
        })
        .collect();
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelledby = format!("{title_id} {desc_id}");
    view! {
        <figure class="chart funnel">
            <svg viewBox=format!("0 0 {W} {}", n(h)) role="img" aria-labelledby=labelledby>
                <title id=title_id>{title.clone()}</title>
                <desc id=desc_id>{desc}</desc>
                <text class="column-head" x=n(LABELS) y="16">{format!("Reached the step (of {} new deals)", number(cohort as f64, 0))}</text>
                <text class="column-head" x=n(CONVERSION) y="16">"Moved on from it"</text>
                {body}
            </svg>
            <FiguresTable
                caption=format!("{title}: figures")
                head=vec!["Step".into(), "Reached".into(), "Share of new deals".into(), "Moved on".into()]
                rows=table
            />
        </figure>
    }
}
