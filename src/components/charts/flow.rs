//! Cumulative flow: one band per step, stacked, per day. A band that widens is a step
//! where deals pile up. The first step is drawn on top so that the bands read top to
//! bottom in process order, like the legend; bands thick enough carry their name.

use super::{n, step_class, FiguresTable, Row};
use crate::format::{date, day_month, number};
use leptos::prelude::*;
use pipewise_core::chart::{day_ticks, stacked_areas, Scale};
use pipewise_core::Day;

const W: f64 = 900.0;
const H: f64 = 330.0;
const LEFT: f64 = 46.0;
const RIGHT: f64 = 130.0;
const TOP: f64 = 22.0;
const BOTTOM: f64 = 40.0;
/// Beyond this many days the figures table lists every k-th day.
const TABLE_ROWS: usize = 100;

#[component]
pub fn FlowChart(
    /// Prefix for element ids, unique in the page.
    id: &'static str,
    /// The chart's accessible name.
    #[prop(into)]
    title: String,
    /// What the chart shows, in a sentence or two.
    #[prop(into)]
    desc: String,
    /// The days, oldest first.
    days: Vec<Day>,
    /// Per step in process order: its name and its count on each day.
    series: Vec<(String, Vec<u32>)>,
) -> impl IntoView {
    let count = days.len();
    let totals: Vec<u32> = (0..count)
        .map(|j| {
            series
                .iter()
                .map(|(_, v)| v.get(j).copied().unwrap_or(0))
                .sum()
        })
        .collect();
    // At least a few deals high, so an empty period still gets a sensible axis.
    let max = totals.iter().copied().max().unwrap_or(0).max(4) as f64;
    let x = Scale::linear((0.0, count.saturating_sub(1) as f64), (LEFT, W - RIGHT));
    let y = Scale::linear((0.0, max), (H - BOTTOM, TOP)).nice(5);
    // Bottom band first for the stacking: the last step at the bottom.
    let stacked: Vec<Vec<f64>> = series
        .iter()
        .rev()
        .map(|(_, v)| v.iter().map(|&c| c as f64).collect())
        .collect();
    let paths = stacked_areas(&stacked, &x, &y);
    let steps = series.len();
    let areas = paths
        .into_iter()
        .enumerate()
        .map(|(i, d)| view! { <path class=step_class(steps - 1 - i) d=d></path> })
        .collect_view();

    // Direct labels at the right edge, top band first, skipped when too thin or too
    // close to the label above.
    let mut labels = Vec::new();
    if let Some(last) = count.checked_sub(1) {
        let at_end = |v: &Vec<u32>| v.get(last).copied().unwrap_or(0) as f64;
        let mut next_free = f64::MIN;
        for (k, (name, values)) in series.iter().enumerate() {
            let below: f64 = series[k + 1..].iter().map(|(_, v)| at_end(v)).sum();
            let (upper, lower) = (y.apply(below + at_end(values)), y.apply(below));
            let middle = (upper + lower) / 2.0;
            if lower - upper >= 9.0 && middle >= next_free {
                labels.push(view! { <text class="band-label" x=n(W - RIGHT + 6.0) y=n(middle) dy="0.32em">{name.clone()}</text> });
                next_free = middle + 13.0;
            }
        }
    }

    // Counts are whole deals: no tick between them.
    let y_ticks = y
        .ticks(5)
        .into_iter()
        .filter(|t| t.fract() == 0.0)
        .map(|t| {
            let py = n(y.apply(t));
            view! {
                <line class="grid" x1=n(LEFT) x2=n(W - RIGHT) y1=py.clone() y2=py.clone()></line>
                // `+ 0.0` turns a tick of -0 into 0.
                <text class="tick" x=n(LEFT - 6.0) y=py dy="0.32em" text-anchor="end">{number(t + 0.0, 0)}</text>
            }
        })
        .collect_view();
    let x_ticks = match (days.first(), days.last()) {
        (Some(&first), Some(&last)) => day_ticks(first, last, 8)
            .into_iter()
            .map(|t| {
                let px = n(x.apply(t.since(first) as f64));
                view! {
                    <line class="tick-mark" x1=px.clone() x2=px.clone() y1=n(H - BOTTOM) y2=n(H - BOTTOM + 5.0)></line>
                    <text class="tick" x=px y=n(H - BOTTOM + 18.0) text-anchor="middle">{day_month(t)}</text>
                }
            })
            .collect_view()
            .into_any(),
        _ => ().into_any(),
    };

    let every = count.div_ceil(TABLE_ROWS).max(1);
    let mut picked: Vec<usize> = (0..count).step_by(every).collect();
    if count > 0 && picked.last() != Some(&(count - 1)) {
        picked.push(count - 1);
    }
    let table: Vec<Row> = picked
        .into_iter()
        .map(|j| {
            let mut cells: Vec<String> = series
                .iter()
                .map(|(_, v)| number(v.get(j).copied().unwrap_or(0) as f64, 0))
                .collect();
            cells.push(number(totals[j] as f64, 0));
            (date(days[j]), cells)
        })
        .collect();
    let mut head = vec!["Day".to_string()];
    head.extend(series.iter().map(|(name, _)| name.clone()));
    head.push("Open deals".into());
    let caption = if every > 1 {
        format!("{title}: figures, every {every} days")
    } else {
        format!("{title}: figures")
    };
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelledby = format!("{title_id} {desc_id}");
    view! {
        <figure class="chart flow">
            <ul class="legend">
                {series
                    .iter()
                    .enumerate()
                    .map(|(k, (name, _))| view! { <li><span class=format!("swatch {}", step_class(k)) aria-hidden="true"></span>{name.clone()}</li> })
                    .collect_view()}
            </ul>
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby=labelledby>
                <title id=title_id>{title.clone()}</title>
                <desc id=desc_id>{desc}</desc>
                {y_ticks}
                {areas}
                <line class="axis" x1=n(LEFT) x2=n(W - RIGHT) y1=n(H - BOTTOM) y2=n(H - BOTTOM)></line>
                {x_ticks}
                {labels}
                <text class="axis-label" x=n(LEFT - 6.0) y="12" text-anchor="end">"Deals"</text>
            </svg>
            <FiguresTable caption=caption head=head rows=table/>
        </figure>
    }
}
