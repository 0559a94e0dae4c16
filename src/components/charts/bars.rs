//! Paired horizontal bars per row: a main measure (thick) and a second one (thin) on
//! the same axis, with a flag that is written out and hatches the row's main bar.

use super::{n, one_decimal, FiguresTable, Hatch, Row};
use crate::format::number;
use leptos::prelude::*;
use pipewise_core::chart::Scale;

/// One row of the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct BarRow {
    pub label: String,
    /// The main measure; `None` means unbounded (drawn to the edge, labelled so).
    pub main: Option<f64>,
    /// The second measure; `None` means unknown (no bar).
    pub second: Option<f64>,
    /// A short flag such as "Bloated", shown as text and by hatching.
    pub flag: Option<String>,
}

const W: f64 = 640.0;
const ROW: f64 = 38.0;
const TOP: f64 = 8.0;
const LABELS: f64 = 150.0;
/// Room right of the bars for their value labels.
const FLAGS: f64 = 64.0;
const AXIS: f64 = 40.0;

#[component]
pub fn PairedBars(
    /// Prefix for element ids, unique in the page.
    id: &'static str,
    /// The chart's accessible name.
    #[prop(into)]
    title: String,
    /// What the chart shows, in a sentence or two.
    #[prop(into)]
    desc: String,
    /// The rows, top to bottom.
    rows: Vec<BarRow>,
    /// Names of the main and the second measure, for the legend and the table.
    series: [&'static str; 2],
    /// The axis unit, e.g. "weeks".
    unit: &'static str,
    /// How an unbounded main value reads, e.g. "none left".
    unbounded: &'static str,
) -> impl IntoView {
    let h = TOP + ROW * rows.len() as f64 + AXIS;
    let max = rows
        .iter()
        .flat_map(|r| [r.main, r.second])
        .flatten()
        .fold(1.0_f64, f64::max);
    let x = Scale::linear((0.0, max), (LABELS, W - FLAGS)).nice(5);
    let right = x.apply(x.domain.1);
    let hatch = format!("{id}-hatch");
    let axis_y = TOP + ROW * rows.len() as f64;
    let ticks = x
        .ticks(5)
        .into_iter()
        .map(|t| {
            let px = n(x.apply(t));
            view! {
                <line class="grid" x1=px.clone() x2=px.clone() y1=n(TOP) y2=n(axis_y)></line>
                <text class="tick" x=px y=n(axis_y + 14.0) text-anchor="middle">{number(t + 0.0, 1)}</text>
            }
        })
        .collect_view();
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let top = TOP + ROW * i as f64;
            let main_end = row.main.map_or(right, |v| x.apply(v));
            let main_text = row.main.map_or(unbounded.to_string(), one_decimal);
            let flagged = row.flag.is_some();
            view! {
                <text class="category" class:emphasis=flagged x=n(LABELS - 8.0) y=n(top + 17.0) text-anchor="end">{row.label.clone()}</text>
                <rect class="bar-main" class:flagged=flagged x=n(LABELS) y=n(top + 6.0) width=n((main_end - LABELS).max(1.0)) height="15"></rect>
                {flagged.then(|| view! {
                    <rect fill=format!("url(#{hatch})") x=n(LABELS) y=n(top + 6.0) width=n((main_end - LABELS).max(1.0)) height="15"></rect>
                })}
                <text class="value" x=n(main_end + 4.0) y=n(top + 17.5)>{main_text}</text>
                {row.second.map(|v| view! {
                    <rect class="bar-second" x=n(LABELS) y=n(top + 24.0) width=n((x.apply(v) - LABELS).max(1.0)) height="7"></rect>
                    <text class="value small" x=n(x.apply(v) + 4.0) y=n(top + 31.0)>{one_decimal(v)}</text>
                })}
                // The flag sits under the row's name, clear of the bars' value labels.
                {row.flag.clone().map(|f| view! {
                    <text class="flag" x=n(LABELS - 8.0) y=n(top + 31.0) text-anchor="end">{f}</text>
                })}
            }
        })
        .collect_view();
    let table: Vec<Row> = rows
        .iter()
        .map(|r| {
            (
                r.label.clone(),
                vec![
                    r.main.map_or(unbounded.to_string(), one_decimal),
                    r.second.map_or("—".to_string(), one_decimal),
                    r.flag.clone().unwrap_or_else(|| "—".into()),
                ],
            )
        })
        .collect();
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelledby = format!("{title_id} {desc_id}");
    view! {
        <figure class="chart paired-bars">
            <ul class="legend">
                <li><span class="swatch bar-main" aria-hidden="true"></span>{format!("{} ({unit}, thick bar)", series[0])}</li>
                <li><span class="swatch bar-second" aria-hidden="true"></span>{format!("{} ({unit}, thin bar)", series[1])}</li>
                <li><span class="swatch flagged" aria-hidden="true"></span>"Hatched: bloated"</li>
            </ul>
            <svg viewBox=format!("0 0 {W} {}", n(h)) role="img" aria-labelledby=labelledby>
                <title id=title_id>{title.clone()}</title>
                <desc id=desc_id>{desc}</desc>
                <Hatch id=hatch.clone()/>
                {ticks}
                <line class="axis" x1=n(LABELS) x2=n(LABELS) y1=n(TOP) y2=n(axis_y)></line>
                {bars}
                <text class="axis-label" x=n((LABELS + right) / 2.0) y=n(axis_y + 32.0) text-anchor="middle">{unit}</text>
            </svg>
            <FiguresTable
                caption=format!("{title}: figures")
                head=vec!["Step".into(), format!("{} ({unit})", series[0]), format!("{} ({unit})", series[1]), "Status".into()]
                rows=table
            />
        </figure>
    }
}
