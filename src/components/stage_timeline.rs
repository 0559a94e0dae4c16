//! The stage timeline chart: a row per step, a bar per stay, date ticks below. The
//! geometry is `pipewise_core::chart::timeline`; this only draws it. The history table
//! beside it is the text alternative, so the chart names itself as a summary.

use crate::format;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::chart::svg_number as n;
use pipewise_core::chart::timeline::{self, Bar, LabelPlace, ROW_HEIGHT};
use pipewise_core::DealId;

/// The chart's width in SVG units; it scales to its container. A phone draws it
/// narrower, so that its text keeps a readable size once scaled down to the screen.
const WIDTH: f64 = 900.0;
const PHONE_WIDTH: f64 = 400.0;
/// About how wide one character of a 12px label is, to see whether a label fits.
const CHAR: f64 = 6.6;

/// The stage timeline of one deal.
#[component]
pub fn StageTimeline(
    /// The deal whose history is drawn.
    deal: DealId,
) -> impl IntoView {
    let app = use_app();
    let today = app.today();
    let width = if crate::components::screen::is_narrow() {
        PHONE_WIDTH
    } else {
        WIDTH
    };
    let geometry = Memo::new(move |_| {
        app.book.with(|b| {
            let deal = b.deal(deal)?;
            let process = &b.process;
            let t = timeline::timeline(&deal.history, process, today, width);
            let tones: Vec<String> = t
                .rows
                .iter()
                .map(|r| r.stage.tone(process).as_str().to_string())
                .collect();
            Some((t, tones))
        })
    });
    move || {
        let (t, tones) = geometry.get()?;
        let plot_bottom = t.rows.len() as f64 * ROW_HEIGHT;
        // Dates carry their year when the chart spans more than one.
        let long = t
            .bars
            .first()
            .zip(t.bars.last())
            .is_some_and(|(a, b)| a.from.year() != b.to.year());
        let rows = t.rows.iter().enumerate().map(|(i, row)| {
            let y = row.y + ROW_HEIGHT / 2.0 + 4.0;
            view! {
                <rect class=if i % 2 == 0 { "tl-stripe" } else { "tl-stripe odd" } x="0" y=n(row.y) width=n(t.width) height=n(ROW_HEIGHT)></rect>
                <text class="tl-row" x=n(t.left - 10.0) y=n(y) text-anchor="end">{row.label.clone()}</text>
            }
        }).collect_view();
        // Ticks too close for their labels (a narrow chart) are dropped.
        let room = if long { 84.0 } else { 52.0 };
        let mut last = f64::NEG_INFINITY;
        let spaced = t.ticks.iter().filter(|tick| {
            let keep = tick.x - last >= room;
            if keep {
                last = tick.x;
            }
            keep
        });
        let ticks = spaced.map(|tick| {
            let label = if long { format::date(tick.day) } else { format::day_month(tick.day) };
            view! {
                <line class="tl-grid" x1=n(tick.x) x2=n(tick.x) y1="0" y2=n(plot_bottom)></line>
                <text class="tl-tick" x=n(tick.x) y=n(plot_bottom + 17.0) text-anchor="middle">{label}</text>
            }
        }).collect_view();
        // A thin connector from each stay to the next shows the path, back-moves dashed.
        let links = t.bars.windows(2).map(|pair| {
            let (a, b) = (&pair[0], &pair[1]);
            let (y1, y2) = (a.y + 8.0, b.y + 8.0);
            view! { <line class="tl-link" class:back=b.back_move x1=n(b.x0) x2=n(b.x0) y1=n(y1) y2=n(y2)></line> }
        }).collect_view();
        let texts: Vec<Vec<String>> = t.bars.iter().map(|bar| label_texts(bar, long)).collect();
        let widths: Vec<Vec<f64>> = texts
            .iter()
            .map(|c| {
                c.iter()
                    .map(|text| text.chars().count() as f64 * CHAR)
                    .collect()
            })
            .collect();
        let places = t.place_labels(&widths);
        let bars = t
            .bars
            .iter()
            .zip(texts)
            .zip(places)
            .map(|((bar, texts), place)| {
                let label =
                    place.and_then(|(k, place)| texts.get(k).map(|text| (text.clone(), place)));
                let title = if bar.outcome {
                    texts[0].clone()
                } else {
                    format!("{} (to {})", texts[0], format::date(bar.to))
                };
                draw_bar(bar, &tones[bar.row], label, title)
            })
            .collect_view();
        let summary = format!(
            "Stage timeline: {} stage changes. The history table gives the same dates.",
            t.bars.len()
        );
        Some(view! {
            <svg class="timeline" viewBox=format!("0 0 {} {}", n(t.width), n(t.height)) role="img" aria-label=summary>
                {rows}
                {ticks}
                <line class="tl-axis" x1=n(t.left) x2=n(t.right) y1=n(plot_bottom) y2=n(plot_bottom)></line>
                {links}
                {bars}
            </svg>
        })
    }
}

/// A bar's label texts, fullest first, down to the bare number of days.
fn label_texts(bar: &Bar, long: bool) -> Vec<String> {
    let from = if long && bar.outcome {
        format::date(bar.from)
    } else {
        format::day_month(bar.from)
    };
    if bar.outcome {
        return vec![format!("{} {from}", bar.label), bar.label.clone()];
    }
    let days = format::days(bar.days);
    let so_far = if bar.current { " so far" } else { "" };
    let back = if bar.back_move {
        "↩ moved back · "
    } else {
        ""
    };
    vec![
        format!("{back}{from} · {days}{so_far}"),
        format!("{back}{days}{so_far}"),
        format!("{}{days}", if bar.back_move { "↩ " } else { "" }),
    ]
}

fn draw_bar(
    bar: &Bar,
    tone: &str,
    label: Option<(String, LabelPlace)>,
    title: String,
) -> impl IntoView {
    let text = label.map(|(text, place)| {
        let (x, anchor, inside) = match place {
            LabelPlace::Right(x) => (x, "start", false),
            LabelPlace::Inside(x) => (x, "start", true),
            LabelPlace::Left(x) => (x, "end", false),
        };
        view! {
            <text class="tl-label" class:inside=inside class:back=bar.back_move x=n(x) y=n(bar.y + 12.0) text-anchor=anchor>{text}</text>
        }
    });
    if bar.outcome {
        let (x, y) = (bar.x0, bar.y + 8.0);
        let diamond = format!(
            "M{} {}L{} {}L{} {}L{} {}Z",
            n(x),
            n(y - 8.0),
            n(x + 8.0),
            n(y),
            n(x),
            n(y + 8.0),
            n(x - 8.0),
            n(y)
        );
        return view! {
            <path class=format!("tl-outcome {tone}") d=diamond><title>{title}</title></path>
            {text}
        }
        .into_any();
    }
    view! {
        <rect class=format!("tl-bar {tone}") class:current=bar.current class:back=bar.back_move
            x=n(bar.x0) y=n(bar.y) width=n(bar.x1 - bar.x0) height="16" rx="3">
            <title>{title}</title>
        </rect>
        {text}
    }
    .into_any()
}
