//! The stage timeline chart: a row per step, a bar per stay, date ticks below. The
//! geometry is `pipewise_core::chart::timeline`; this only draws it. The history table
//! beside it is the text alternative, so the chart names itself as a summary.

use crate::format;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::chart::svg_number as n;
use pipewise_core::chart::timeline::{self, LabelPlace, Timeline, ROW_HEIGHT};
use pipewise_core::{DealId, Stage};

/// The chart's width in SVG units; it scales to its container.
const WIDTH: f64 = 900.0;
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
    let geometry = Memo::new(move |_| {
        app.book.with(|b| {
            let deal = b.deal(deal)?;
            let process = &b.process;
            let t = timeline::timeline(&deal.history, process, today, WIDTH);
            let tones: Vec<String> = t
                .rows
                .iter()
                .map(|r| match r.stage {
                    Stage::Step(id) => format!("tone{}", process.position(id).map_or(8, |p| p % 8 + 1)),
                    Stage::Won => "won".into(),
                    Stage::Lost => "lost".into(),
                })
                .collect();
            Some((t, tones))
        })
    });
    move || {
        let (t, tones) = geometry.get()?;
        let plot_bottom = t.rows.len() as f64 * ROW_HEIGHT;
        // Dates carry their year when the chart spans more than one.
        let long = t.bars.first().zip(t.bars.last()).is_some_and(|(a, b)| a.from.year() != b.to.year());
        let rows = t.rows.iter().enumerate().map(|(i, row)| {
            let y = row.y + ROW_HEIGHT / 2.0 + 4.0;
            view! {
                <rect class=if i % 2 == 0 { "tl-stripe" } else { "tl-stripe odd" } x="0" y=n(row.y) width=n(t.width) height=n(ROW_HEIGHT)></rect>
                <text class="tl-row" x=n(t.left - 10.0) y=n(y) text-anchor="end">{row.label.clone()}</text>
            }
        }).collect_view();
        let ticks = t.ticks.iter().map(|tick| {
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
        let bars = (0..t.bars.len()).map(|i| draw_bar(&t, i, &tones[t.bars[i].row], long)).collect_view();
        let summary = format!("Stage timeline: {} stage changes. The history table gives the same dates.", t.bars.len());
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

fn draw_bar(t: &Timeline, i: usize, tone: &str, long: bool) -> impl IntoView {
    let bar = &t.bars[i];
    let from = format::day_month(bar.from);
    let width_of = |text: &str| text.chars().count() as f64 * CHAR;
    if bar.outcome {
        let (x, y) = (bar.x0, bar.y + 8.0);
        let diamond = format!("M{} {}L{} {}L{} {}L{} {}Z", n(x), n(y - 8.0), n(x + 8.0), n(y), n(x), n(y + 8.0), n(x - 8.0), n(y));
        let label = format!("{} {}", bar.label, if long { format::date(bar.from) } else { from });
        // Past the diamond's half-width on either side.
        let place = match t.place_label(i, width_of(&label) + 8.0) {
            LabelPlace::Right(x) => Some((x + 8.0, "start")),
            LabelPlace::Left(x) => Some((x - 8.0, "end")),
            _ => None,
        };
        return view! {
            <path class=format!("tl-outcome {tone}") d=diamond><title>{label.clone()}</title></path>
            {place.map(|(x, anchor)| view! { <text class="tl-label" x=n(x) y=n(y + 4.0) text-anchor=anchor>{label}</text> })}
        }
        .into_any();
    }
    let days = format::days(bar.days);
    let so_far = if bar.current { " so far" } else { "" };
    let back = if bar.back_move { "↩ moved back · " } else { "" };
    // The fullest label that fits, down to the bare number of days.
    let candidates = [
        format!("{back}{from} · {days}{so_far}"),
        format!("{back}{days}{so_far}"),
        format!("{}{days}", if bar.back_move { "↩ " } else { "" }),
    ];
    let placed = candidates.iter().find_map(|text| match t.place_label(i, width_of(text)) {
        LabelPlace::Hidden => None,
        place => Some((text.clone(), place)),
    });
    let title = format!("{} (to {})", candidates[0], format::date(bar.to));
    let label = placed.map(|(text, place)| {
        let (x, anchor, inside) = match place {
            LabelPlace::Right(x) => (x, "start", false),
            LabelPlace::Inside(x) => (x, "start", true),
            LabelPlace::Left(x) => (x, "end", false),
            // Filtered out above.
            LabelPlace::Hidden => (0.0, "end", false),
        };
        view! {
            <text class="tl-label" class:inside=inside class:back=bar.back_move x=n(x) y=n(bar.y + 12.0) text-anchor=anchor>{text}</text>
        }
    });
    view! {
        <rect class=format!("tl-bar {tone}") class:current=bar.current class:back=bar.back_move
            x=n(bar.x0) y=n(bar.y) width=n(bar.x1 - bar.x0) height="16" rx="3">
            <title>{title}</title>
        </rect>
        {label}
    }
    .into_any()
}
