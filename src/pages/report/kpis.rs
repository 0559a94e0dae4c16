//! The headline figures as tiles: close rate, revenue, deal size, cycle, velocity,
//! open pipeline and coverage against what the close rate says is needed.

use crate::components::charts::{one_decimal, percent};
use crate::format::{money, number};
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::reports::kpis;
use pipewise_core::reports::query::Inputs;
use pipewise_core::Day;

/// One tile: its name, the figure and a line explaining it.
fn tile(name: &'static str, value: String, note: String) -> impl IntoView {
    view! {
        <div class="kpi">
            <dt>{name}</dt>
            <dd class="kpi-value">{value}</dd>
            <dd class="kpi-note">{note}</dd>
        </div>
    }
}

#[component]
pub fn KpiTiles(
    /// Scope, period and target of the report.
    #[prop(into)]
    inputs: Signal<Inputs>,
    /// The day the report is as of.
    today: Day,
) -> impl IntoView {
    let app = use_app();
    let report = Memo::new(move |_| {
        let i = inputs.read();
        app.book
            .with(|b| kpis(b, &i.scope, &i.period, today, i.target))
    });
    let currency = Memo::new(move |_| app.book.with(|b| b.settings.currency.clone()));
    move || {
        let k = report.get();
        let target = inputs.with(|i| i.target);
        let c = currency.get();
        let none = || "—".to_string();
        let decided = k.won + k.lost;
        let coverage = match (target, k.coverage, k.coverage_needed) {
            (Some(t), _, _) if k.revenue >= t => (
                "Target met".to_string(),
                format!("{} of {} already won", money(k.revenue, &c), money(t, &c)),
            ),
            (Some(_), Some(have), needed) => (
                format!("{}×", one_decimal(have)),
                match needed {
                    Some(need) if have >= need => {
                        format!("enough: {}× needed at this close rate", one_decimal(need))
                    }
                    Some(need) => {
                        format!("short: {}× needed at this close rate", one_decimal(need))
                    }
                    None => "no close rate yet to judge by".into(),
                },
            ),
            (_, _, Some(need)) => (
                format!("{}× needed", one_decimal(need)),
                "at this close rate; compare with a revenue target to see yours".into(),
            ),
            _ => (none(), "no close rate yet to judge by".into()),
        };
        view! {
            <h2 class="visually-hidden">"Key figures"</h2>
            <dl class="kpis">
                {tile("Close rate", k.close_rate.map_or_else(none, percent), format!("{} won of {} decided", k.won, decided))}
                {tile("Revenue", money(k.revenue, &c), format!("{} deals won", number(k.won as f64, 0)))}
                {tile("Average won value", k.avg_won_value.map_or_else(none, |v| money(v.round() as i64, &c)), "revenue ÷ deals won".into())}
                {tile("Median sales cycle", k.median_cycle_days.map_or_else(none, |d| format!("{} days", number(d.round(), 0))), "first step to won".into())}
                {tile("Sales velocity", k.velocity_per_day.map_or_else(none, |v| format!("{}/day", money(v.round() as i64, &c))), "open deals × close rate × value ÷ cycle".into())}
                {tile("Open pipeline", money(k.open_value, &c), format!("{} open deals today", number(k.open_deals as f64, 0)))}
                {tile("Coverage", coverage.0, coverage.1)}
            </dl>
        }
    }
}
