//! The four factors of revenue against the benchmark, and what it would take to
//! reach the benchmark with one lever at a time.

use super::super::words::signed_money;
use crate::components::charts::{one_decimal, percent};
use crate::format::{money, number};
use leptos::prelude::*;
use pipewise_core::reports::{Diagnosis, Factor, Verdict};

/// How the factor a verdict points at is marked: blamed, or one to watch.
pub(super) fn note(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::AtOrAbove { .. } => "Watch",
        _ => "Main cause",
    }
}

/// A count that may be an average: "41", "12.5".
fn amount(x: f64) -> String {
    one_decimal(x)
}

/// The four factors now against the benchmark, with each one's share of the gap.
#[component]
pub(super) fn Factors(d: Diagnosis, currency: String) -> impl IntoView {
    let blamed = match d.verdict {
        Verdict::AtOrAbove { watch } => watch,
        v => v.factor(),
    };
    let (now, then) = (d.current, d.benchmark);
    let two = |x: f64| number((x * 100.0).round() / 100.0, 2);
    // Yield has no meaning without new leads: say so rather than show a stand-in.
    let per_lead = |leads: f64, y: f64| {
        if leads > 0.0 {
            two(y)
        } else {
            "—".to_string()
        }
    };
    let rows = Factor::ALL.into_iter().map(|f| {
        let (current, mut bench) = match f {
            Factor::Leads => (number(d.new_leads as f64, 0), amount(d.benchmark_new_leads)),
            Factor::Yield => (per_lead(d.new_leads as f64, now.yield_), per_lead(d.benchmark_new_leads, then.yield_)),
            Factor::CloseRate => (percent(now.close_rate), percent(then.close_rate)),
            Factor::Value => (money(now.value.round() as i64, &currency), money(then.value.round() as i64, &currency)),
        };
        // A target with no history behind it has no factors of its own to show.
        if !d.benchmark_usable {
            bench = "—".to_string();
        }
        let name = match f {
            Factor::Leads => "New leads",
            Factor::Yield => "Yield (decided per lead)",
            Factor::CloseRate => "Close rate",
            Factor::Value => "Average won value",
        };
        let main = blamed == Some(f);
        let part = d.parts[f as usize];
        let (loss, gain) = (d.benchmark_usable && part < -0.5, d.benchmark_usable && part > 0.5);
        view! {
            <tr class:main-cause=main>
                <th scope="row">
                    {name}
                    {main.then(|| view! { <span class="badge stuck">{note(d.verdict)}</span> })}
                    {(f == Factor::Leads).then(|| view! {
                        <span class="activity">{format!("Prospecting: {} tasks done with leads and prospects", number(d.prospecting_done as f64, 0))}</span>
                    })}
                </th>
                <td class="num">{current}</td>
                <td class="num">{bench}</td>
                <td class="num" class:loss=loss class:gain=gain>{if d.benchmark_usable { signed_money(part, &currency) } else { "—".to_string() }}</td>
            </tr>
        }
    });
    view! {
        // Focusable, so a keyboard can scroll it when a phone is too narrow for it.
        <div class="table-scroll" tabindex="0">
        <table class="factors">
            <caption>"Revenue = new leads × yield × close rate × average won value"</caption>
            <thead>
                <tr>
                    <th scope="col">"Factor"</th>
                    <th scope="col" class="num">"Now"</th>
                    <th scope="col" class="num">{format!("Benchmark ({})", d.benchmark_label)}</th>
                    <th scope="col" class="num">"Effect on revenue"</th>
                </tr>
            </thead>
            <tbody>{rows.collect_view()}</tbody>
            <tfoot>
                <tr>
                    <th scope="row">"Revenue"</th>
                    <td class="num">{money(d.revenue, &currency)}</td>
                    <td class="num">{money(d.benchmark_revenue.round() as i64, &currency)}</td>
                    <td class="num">{signed_money(d.revenue as f64 - d.benchmark_revenue, &currency)}</td>
                </tr>
            </tfoot>
        </table>
        </div>
    }
}

/// What it would take to reach the benchmark revenue, one lever at a time.
#[component]
pub(super) fn WhatIfs(d: Diagnosis, currency: String) -> impl IntoView {
    let goal = money(d.benchmark_revenue.round() as i64, &currency);
    // At or above the benchmark the same figures read as headroom.
    let ahead = d.revenue as f64 + 0.5 >= d.benchmark_revenue;
    let would = if ahead {
        "would have been enough for"
    } else {
        "would bring"
    };
    let leads = match d.leads_needed {
        Some(n) => format!(
            "{} new leads {would} {goal} at today's yield, close rate and deal size (you had {}).",
            number(n.ceil(), 0),
            number(d.new_leads as f64, 0)
        ),
        None => "No new lead count gets there yet: today's deals bring no revenue per lead.".into(),
    };
    let close = match d.close_rate_needed {
        Some(x) if x <= 1.0 => format!(
            "A close rate of {} {would} {goal} with today's {} decided deals (you closed {}).",
            percent(x),
            number(d.decided as f64, 0),
            percent(d.current.close_rate)
        ),
        Some(x) => format!(
            "Even winning every decided deal would not bring {goal}: it would take a close rate of {}, over 100 %. More chances are needed.",
            percent(x)
        ),
        None => "No close rate gets there yet: no deal was decided in the period.".into(),
    };
    let heading = if ahead {
        format!("Headroom over {}", d.benchmark_label)
    } else {
        format!("What it would take to reach {}", d.benchmark_label)
    };
    view! {
        <div class="what-ifs">
            <h3>{heading}</h3>
            <ul>
                <li><strong>{if ahead { "Fewer leads: " } else { "More leads: " }}</strong>{leads}</li>
                <li><strong>{if ahead { "Lower close rate: " } else { "Better closing: " }}</strong>{close}</li>
            </ul>
        </div>
    }
}
