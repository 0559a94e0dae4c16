//! The diagnosis first: the verdict as a headline, the plain sentence, the four factors
//! against the benchmark, what it would take, and the revenue bridge between them.

use super::query::Inputs;
use crate::components::charts::waterfall::{Waterfall, WaterfallStep};
use crate::components::charts::{one_decimal, percent};
use crate::format::{money, number};
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::reports::{diagnose, Benchmark, Diagnosis, Factor, Period, Scope, Verdict};
use pipewise_core::Day;

/// The headline of a verdict and its short reason; the CSS class says how it looks.
pub fn verdict_words(verdict: Verdict) -> (&'static str, String, &'static str) {
    match verdict {
        Verdict::NotEnoughData => (
            "Not enough data",
            "too few decided deals to judge by".into(),
            "no-data",
        ),
        Verdict::AtOrAbove { watch: Some(f) } => (
            "On track",
            format!("watch {}", f.label().to_lowercase()),
            "on-track",
        ),
        Verdict::AtOrAbove { watch: None } => {
            ("On track", "at or above the benchmark".into(), "on-track")
        }
        Verdict::NotEnoughChances(Factor::Yield) => (
            "Not enough chances",
            "too few deals reach a decision".into(),
            "off-track",
        ),
        Verdict::NotEnoughChances(_) => (
            "Not enough chances",
            "too few new leads".into(),
            "off-track",
        ),
        Verdict::ClosingEffectiveness => (
            "Closing effectiveness",
            "too few decided deals are won".into(),
            "off-track",
        ),
        Verdict::DealSize => ("Deal size", "won deals are smaller".into(), "off-track"),
    }
}

/// How the factor a verdict points at is marked: blamed, or one to watch.
fn note(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::AtOrAbove { .. } => "Watch",
        _ => "Main cause",
    }
}

/// A count that may be an average: "41", "12.5".
fn amount(x: f64) -> String {
    one_decimal(x)
}

/// "+$8,472" / "−$74,438".
pub fn signed_money(cents: f64, currency: &str) -> String {
    let text = money(cents.round() as i64, currency);
    if cents.round() > 0.0 {
        format!("+{text}")
    } else {
        text.replacen('-', "−", 1)
    }
}

/// A period's short name for an axis, or `fallback` when it is a long date range.
fn short(period: &Period, fallback: &str) -> String {
    let label = period.label();
    if label.chars().count() <= 14 {
        label
    } else {
        fallback.into()
    }
}

#[component]
pub fn DiagnosisPanel(
    /// Scope, period and benchmark of the report.
    #[prop(into)]
    inputs: Signal<Inputs>,
    /// The day the report is as of.
    today: Day,
) -> impl IntoView {
    let app = use_app();
    let report = Memo::new(move |_| {
        let i = inputs.read();
        app.book
            .with(|b| diagnose(b, &i.scope, &i.period, today, i.benchmark))
    });
    let currency = Memo::new(move |_| app.book.with(|b| b.settings.currency.clone()));
    move || {
        let d = report.get();
        let i = inputs.get();
        let currency = currency.get();
        let (label, why, class) = verdict_words(d.verdict);
        let who = match &i.scope {
            Scope::Everyone => "Everyone".to_string(),
            Scope::Owner(name) => name.clone(),
        };
        view! {
            <section class=format!("panel diagnosis {class}") aria-labelledby="diagnosis-head">
                <p class="eyebrow">
                    {format!("Diagnosis · {who} · {} compared with {}", i.period.label(), d.benchmark_label)}
                </p>
                <h2 id="diagnosis-head" class="verdict">
                    <span class="verdict-label">{label}</span>
                    <span class="verdict-why">{format!(": {why}")}</span>
                </h2>
                <p class="lead">{d.sentence.clone()}</p>
                <div class="diagnosis-grid">
                    <div>
                        <Factors d=d.clone() currency=currency.clone()/>
                        <WhatIfs d=d.clone() currency=currency.clone()/>
                    </div>
                    <Bridge d=d inputs=i currency=currency/>
                </div>
            </section>
        }
    }
}

/// The four factors now against the benchmark, with each one's share of the gap.
#[component]
fn Factors(d: Diagnosis, currency: String) -> impl IntoView {
    let blamed = match d.verdict {
        Verdict::AtOrAbove { watch } => watch,
        v => v.factor(),
    };
    let (now, then) = (d.current, d.benchmark);
    let two = |x: f64| number((x * 100.0).round() / 100.0, 2);
    let rows = Factor::ALL.into_iter().map(|f| {
        let (current, bench) = match f {
            Factor::Leads => (number(d.new_leads as f64, 0), amount(then.leads)),
            Factor::Yield => (two(now.yield_), two(then.yield_)),
            Factor::CloseRate => (percent(now.close_rate), percent(then.close_rate)),
            Factor::Value => (money(now.value.round() as i64, &currency), money(then.value.round() as i64, &currency)),
        };
        let name = match f {
            Factor::Leads => "New leads",
            Factor::Yield => "Yield (decided per lead)",
            Factor::CloseRate => "Close rate",
            Factor::Value => "Average won value",
        };
        let main = blamed == Some(f);
        let part = d.parts[f as usize];
        let (loss, gain) = (part < -0.5, part > 0.5);
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
                <td class="num" class:loss=loss class:gain=gain>{signed_money(part, &currency)}</td>
            </tr>
        }
    });
    view! {
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
    }
}

/// What it would take to reach the benchmark revenue, one lever at a time.
#[component]
fn WhatIfs(d: Diagnosis, currency: String) -> impl IntoView {
    let goal = money(d.benchmark_revenue.round() as i64, &currency);
    let leads = match d.leads_needed {
        Some(n) => format!(
            "{} new leads would bring {goal} at today's yield, close rate and deal size (you had {}).",
            number(n.ceil(), 0),
            number(d.new_leads as f64, 0)
        ),
        None => "No new lead count gets there yet: today's deals bring no revenue per lead.".into(),
    };
    let close = match d.close_rate_needed {
        Some(x) if x <= 1.0 => format!(
            "A close rate of {} would bring {goal} with today's {} decided deals (you closed {}).",
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
    view! {
        <div class="what-ifs">
            <h3>"What it would take to reach " {d.benchmark_label.clone()}</h3>
            <ul>
                <li><strong>"More leads: "</strong>{leads}</li>
                <li><strong>"Better closing: "</strong>{close}</li>
            </ul>
        </div>
    }
}

/// The waterfall from the benchmark's revenue to this period's.
#[component]
fn Bridge(d: Diagnosis, inputs: Inputs, currency: String) -> impl IntoView {
    let start = match inputs.benchmark {
        Benchmark::PreviousPeriod => short(&inputs.period.previous(), "Before"),
        Benchmark::TeamAverageOwner => "Team average".into(),
        Benchmark::Target(_) => "Target".into(),
    };
    let end = short(&inputs.period, "Now");
    let blamed = match d.verdict {
        Verdict::AtOrAbove { watch } => watch,
        v => v.factor(),
    };
    let steps: Vec<WaterfallStep> = Factor::ALL
        .into_iter()
        .map(|f| WaterfallStep {
            label: match f {
                Factor::Value => "Deal size".into(),
                f => f.label().into(),
            },
            amount: d.parts[f as usize],
            note: (blamed == Some(f)).then_some(note(d.verdict)),
        })
        .collect();
    let parts = Factor::ALL
        .into_iter()
        .map(|f| {
            format!(
                "{} {}",
                f.label().to_lowercase(),
                signed_money(d.parts[f as usize], &currency)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let desc = format!(
        "From {} for {} to {} in {}: {parts}.",
        money(d.benchmark_revenue.round() as i64, &currency),
        d.benchmark_label,
        money(d.revenue, &currency),
        inputs.period.label()
    );
    view! {
        <Waterfall
            id="bridge"
            title=format!("Revenue bridge from {} to {}", d.benchmark_label, inputs.period.label())
            desc=desc
            start=(start, d.benchmark_revenue)
            steps=steps
            end_label=end
            currency=currency
        />
    }
}
