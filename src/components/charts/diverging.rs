//! Horizontal bars either side of zero, one row per part of a total change: losses to
//! the left (hatched as well as coloured), gains to the right, each with its value and
//! a name that fits however long (a step transition such as "Needs analysis → Proposal").

use super::{n, one_decimal, FiguresTable, Hatch, Row};
use leptos::prelude::*;
use pipewise_core::chart::Scale;

/// One row: a name, the part, and an optional flag written under the name.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub label: String,
    pub amount: f64,
    pub flag: Option<&'static str>,
}

const W: f64 = 640.0;
const ROW: f64 = 30.0;
const TOP: f64 = 6.0;
const LABELS: f64 = 200.0;
const RIGHT: f64 = 44.0;
const AXIS: f64 = 34.0;

fn signed(x: f64) -> String {
    let text = one_decimal(x.abs());
    if (x * 10.0).round() > 0.0 {
        format!("+{text}")
    } else if (x * 10.0).round() < 0.0 {
        format!("−{text}")
    } else {
        text
    }
}

#[component]
pub fn DivergingBars(
    /// Prefix for element ids, unique in the page.
    id: &'static str,
    /// The chart's accessible name.
    #[prop(into)]
    title: String,
    /// What the chart shows, in a sentence or two.
    #[prop(into)]
    desc: String,
    /// The parts, top to bottom.
    parts: Vec<Part>,
    /// What the amounts count, e.g. "wins".
    unit: &'static str,
) -> impl IntoView {
    let h = TOP + ROW * parts.len() as f64 + AXIS;
    let reach = parts.iter().map(|p| p.amount.abs()).fold(0.5_f64, f64::max);
    let x = Scale::linear((-reach, reach), (LABELS + 40.0, W - RIGHT)).nice(4);
    let zero = x.apply(0.0);
    let hatch = format!("{id}-hatch");
    let axis_y = TOP + ROW * parts.len() as f64;
    let ticks = x
        .ticks(4)
        .into_iter()
        .map(|t| {
            let px = n(x.apply(t));
            view! {
                <line class="grid" x1=px.clone() x2=px.clone() y1=n(TOP) y2=n(axis_y)></line>
                <text class="tick" x=px y=n(axis_y + 14.0) text-anchor="middle">{signed(t + 0.0)}</text>
            }
        })
        .collect_view();
    let bars = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let top = TOP + ROW * i as f64;
            let end = x.apply(p.amount);
            let (left, width) = (zero.min(end), (end - zero).abs().max(1.0));
            let loss = p.amount < 0.0;
            let value_x = if loss { left - 4.0 } else { left + width + 4.0 };
            view! {
                <text class="category" class:emphasis=p.flag.is_some() x=n(LABELS - 8.0) y=n(top + 14.0) text-anchor="end">{p.label.clone()}</text>
                {p.flag.map(|f| view! { <text class="flag" x=n(LABELS - 8.0) y=n(top + 26.0) text-anchor="end">{f}</text> })}
                <rect class="bar" class:loss=loss class:gain=!loss x=n(left) y=n(top + 5.0) width=n(width) height="16"></rect>
                {loss.then(|| view! { <rect fill=format!("url(#{hatch})") x=n(left) y=n(top + 5.0) width=n(width) height="16"></rect> })}
                <text class="value" x=n(value_x) y=n(top + 17.0) text-anchor=if loss { "end" } else { "start" }>{signed(p.amount)}</text>
            }
        })
        .collect_view();
    let table: Vec<Row> = parts
        .iter()
        .map(|p| {
            (
                p.label.clone(),
                vec![signed(p.amount), p.flag.unwrap_or("—").to_string()],
            )
        })
        .collect();
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelledby = format!("{title_id} {desc_id}");
    view! {
        <figure class="chart diverging">
            <svg viewBox=format!("0 0 {W} {}", n(h)) role="img" aria-labelledby=labelledby>
                <title id=title_id>{title.clone()}</title>
                <desc id=desc_id>{desc}</desc>
                <Hatch id=hatch.clone()/>
                {ticks}
                <line class="axis" x1=n(zero) x2=n(zero) y1=n(TOP) y2=n(axis_y)></line>
                {bars}
                <text class="axis-label" x=n((LABELS + W) / 2.0) y=n(axis_y + 30.0) text-anchor="middle">{unit}</text>
            </svg>
            <FiguresTable caption=format!("{title}: figures") head=vec!["Factor".into(), format!("Effect ({unit})"), "Note".into()] rows=table/>
        </figure>
    }
}
