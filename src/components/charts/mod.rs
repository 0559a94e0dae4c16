//! Small SVG charts drawn from the core's geometry (`pipewise_core::chart`). Each one
//! is an `<svg role="img">` named by its `<title>` and `<desc>`, coloured with the
//! Okabe–Ito step colours plus a cue that is not colour (labels, hatching), and
//! followed by a [`FiguresTable`]: the same figures as a table, for screen readers and
//! for anyone who wants the numbers.

pub mod bars;
pub mod diverging;
pub mod flow;
pub mod funnel;
pub mod waterfall;

use leptos::prelude::*;

/// A table row: its header cell and its value cells.
pub type Row = (String, Vec<String>);

/// The figures behind a chart, folded away under a summary.
#[component]
pub fn FiguresTable(
    /// The table's caption (its accessible name), e.g. "Revenue bridge figures".
    #[prop(into)]
    caption: String,
    /// Column headings, the row-heading column first.
    head: Vec<String>,
    /// One row per category.
    rows: Vec<Row>,
) -> impl IntoView {
    view! {
        <details class="figures">
            <summary>"Show the figures"</summary>
            <div class="figures-scroll">
                <table>
                    <caption>{caption}</caption>
                    <thead>
                        <tr>
                            {head
                                .into_iter()
                                .enumerate()
                                .map(|(i, h)| {
                                    let numeric = i > 0;
                                    view! { <th scope="col" class:num=numeric>{h}</th> }
                                })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|(name, cells)| {
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        {cells.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}

/// The CSS class of the `k`-th step colour (`s1`…`s8`, repeating).
pub fn step_class(k: usize) -> String {
    pipewise_core::Tone::of_place(Some(k)).as_str().to_string()
}

/// "42 %" in the reader's locale.
pub fn percent(share: f64) -> String {
    format!("{} %", crate::format::number((share * 100.0).round(), 0))
}

/// One decimal at most, in the reader's locale: "9.9", "12".
pub fn one_decimal(x: f64) -> String {
    crate::format::number((x * 10.0).round() / 10.0, 1)
}

/// An SVG coordinate attribute.
pub fn n(value: f64) -> String {
    pipewise_core::chart::svg_number(value)
}

/// A diagonal hatch, drawn over a bar as a second cue besides its colour.
#[component]
pub fn Hatch(
    /// The pattern's element id (unique in the page).
    id: String,
) -> impl IntoView {
    view! {
        <defs>
            <pattern id=id width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <line x1="0" y1="0" x2="0" y2="6" class="hatch-line"></line>
            </pattern>
        </defs>
    }
}
