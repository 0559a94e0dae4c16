//! A money waterfall: a starting total, the changes that lead away from it, and the
//! total they land on. Losses are hatched as well as coloured and carry a minus sign.

use super::{n, FiguresTable, Hatch, Row};
use crate::format::money;
use leptos::prelude::*;
use pipewise_core::chart::{waterfall, waterfall_extent, BandScale, Scale};

/// One floating bar: what changed and by how much (cents).
#[derive(Clone, Debug, PartialEq)]
pub struct WaterfallStep {
    pub label: String,
    pub amount: f64,
    /// A note under the label, drawn bold: e.g. "main cause" for the part the verdict blames.
    pub note: Option<&'static str>,
}

const W: f64 = 640.0;
const H: f64 = 290.0;
const LEFT: f64 = 88.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 26.0;
const BOTTOM: f64 = 46.0;

fn signed(cents: f64, currency: &str) -> String {
    let text = money(cents.round() as i64, currency);
    if cents.round() > 0.0 {
        format!("+{text}")
    } else {
        text.replacen('-', "−", 1)
    }
}

#[component]
pub fn Waterfall(
    /// Prefix for element ids (title, description, hatch), unique in the page.
    id: &'static str,
    /// The chart's accessible name.
    #[prop(into)]
    title: String,
    /// One or two sentences saying what the chart shows.
    #[prop(into)]
    desc: String,
    /// The starting total: its label and amount in cents.
    start: (String, f64),
    /// The changes leading from the start total to the end total.
    steps: Vec<WaterfallStep>,
    /// The label of the end total (start plus every change).
    #[prop(into)]
    end_label: String,
    /// Currency of the amounts.
    #[prop(into)]
    currency: String,
) -> impl IntoView {
    let amounts: Vec<f64> = steps.iter().map(|s| s.amount).collect();
    let bars = waterfall(start.1, &amounts);
    let end = start.1 + amounts.iter().sum::<f64>();
    // An all-zero waterfall still gets an axis from $0 upwards.
    let (lo, hi) = waterfall_extent(start.1, &amounts);
    let y = Scale::linear((lo, hi.max(lo + 100_000.0)), (H - BOTTOM, TOP)).nice(4);
    let band = BandScale::new(steps.len() + 2, (LEFT, W - RIGHT), 0.28);
    let bw = band.bandwidth();
    let hatch = format!("{id}-hatch");
    let label_y = H - BOTTOM + 18.0;

    let axis = y
        .ticks(4)
        .into_iter()
        .map(|t| {
            let py = n(y.apply(t));
            view! {
                <line class="grid" x1=n(LEFT) x2=n(W - RIGHT) y1=py.clone() y2=py.clone()></line>
                <text class="tick" x=n(LEFT - 6.0) y=py dy="0.32em" text-anchor="end">{money((t + 0.0).round() as i64, &currency)}</text>
            }
        })
        .collect_view();

    let total = |i: usize, label: String, amount: f64, class: &'static str| {
        let (a, b) = (y.apply(0.0), y.apply(amount));
        view! {
            <rect class=class x=n(band.start(i)) width=n(bw) y=n(a.min(b)) height=n((a - b).abs().max(1.0))></rect>
            <text class="value" x=n(band.middle(i)) y=n(a.min(b) - 6.0) text-anchor="middle">{money(amount.round() as i64, &currency)}</text>
            <text class="category" x=n(band.middle(i)) y=n(label_y) text-anchor="middle">{label}</text>
        }
    };
    let first = total(0, start.0.clone(), start.1, "wf-total wf-start");
    let last = total(steps.len() + 1, end_label.clone(), end, "wf-total wf-end");

    let floating = steps
        .iter()
        .zip(&bars)
        .enumerate()
        .map(|(k, (step, bar))| {
            let i = k + 1;
            let (a, b) = (y.apply(bar.start), y.apply(bar.end));
            let (top, height) = (a.min(b), (a - b).abs().max(1.0));
            let gain = bar.is_gain();
            view! {
                <rect class=if gain { "wf-gain" } else { "wf-loss" } x=n(band.start(i)) width=n(bw) y=n(top) height=n(height)></rect>
                {(!gain).then(|| view! {
                    <rect fill=format!("url(#{hatch})") x=n(band.start(i)) width=n(bw) y=n(top) height=n(height)></rect>
                })}
                <text class="value" x=n(band.middle(i)) y=n(top - 6.0) text-anchor="middle">{signed(step.amount, &currency)}</text>
                <text class="category" class:emphasis=step.note.is_some() x=n(band.middle(i)) y=n(label_y) text-anchor="middle">{step.label.clone()}</text>
                {step.note.map(|note| view! {
                    <text class="category note" x=n(band.middle(i)) y=n(label_y + 16.0) text-anchor="middle">{note}</text>
                })}
            }
        })
        .collect_view();

    // Dashed connectors carry each running total across to the next bar.
    let levels = std::iter::once(start.1).chain(bars.iter().map(|b| b.end));
    let connectors = levels
        .enumerate()
        .map(|(i, level)| {
            let py = n(y.apply(level));
            view! { <line class="connector" x1=n(band.start(i) + bw) x2=n(band.start(i + 1)) y1=py.clone() y2=py></line> }
        })
        .collect_view();

    let mut running = start.1;
    let mut rows: Vec<Row> = vec![(
        start.0.clone(),
        vec![String::new(), money(start.1.round() as i64, &currency)],
    )];
    for step in &steps {
        running += step.amount;
        rows.push((
            step.label.clone(),
            vec![
                signed(step.amount, &currency),
                money(running.round() as i64, &currency),
            ],
        ));
    }
    rows.push((
        end_label,
        vec![
            signed(end - start.1, &currency),
            money(end.round() as i64, &currency),
        ],
    ));
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelledby = format!("{title_id} {desc_id}");
    view! {
        <figure class="chart waterfall">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby=labelledby>
                <title id=title_id>{title.clone()}</title>
                <desc id=desc_id>{desc}</desc>
                <Hatch id=hatch.clone()/>
                {axis}
                <line class="axis" x1=n(LEFT) x2=n(W - RIGHT) y1=n(y.apply(0.0)) y2=n(y.apply(0.0))></line>
                {connectors}
                {first}
                {floating}
                {last}
            </svg>
            <FiguresTable
                caption=format!("{title}: figures")
                head=vec!["Bar".into(), "Change".into(), "Running total".into()]
                rows=rows
            />
        </figure>
    }
}
