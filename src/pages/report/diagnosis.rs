//! The diagnosis first: the verdict as a headline, the plain sentence, the four factors
//! against the benchmark, what it would take, and the revenue bridge between them.

mod factors;
mod shortfall;

use super::words::{signed_money, verdict_words};
use crate::components::charts::waterfall::{Waterfall, WaterfallStep};
use crate::format::money;
use crate::state::use_app;
use factors::{note, Factors, WhatIfs};
use leptos::prelude::*;
use pipewise_core::reports::query::Inputs;
use pipewise_core::reports::{diagnose, Benchmark, Diagnosis, Factor, Period, Scope, Verdict};
use pipewise_core::Day;
use shortfall::ShortfallPanel;

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
                    <Bridge d=d.clone() inputs=i currency=currency/>
                </div>
                <ShortfallPanel inputs=inputs benchmark_label=d.benchmark_label.clone() today=today/>
            </section>
        }
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
