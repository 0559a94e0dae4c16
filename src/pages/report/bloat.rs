//! Pipeline bloat: per step, how many weeks of work wait there (backlog) against how
//! long a deal usually stays, which steps are bloated and why, and their stuck deals.

use super::step_times::StepTimes;
use crate::components::charts::bars::{BarRow, PairedBars};
use crate::format::money;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use pipewise_core::reports::query::Inputs;
use pipewise_core::reports::step_stats;
use pipewise_core::{Day, DealId, Stamp};

/// How many stuck deals of a step are listed before "Show all".
const SHORT_LIST: usize = 8;

/// A stuck deal of a bloated step, as listed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct StuckDeal {
    id: DealId,
    edited: Stamp,
    title: String,
    owner: String,
    days: i32,
    value: String,
}

/// A bloated step: why, and its stuck deals (longest waiting first).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Bloated {
    name: String,
    reason: String,
    wip: usize,
    stuck: Vec<StuckDeal>,
}

#[component]
pub fn BloatSection(
    /// Scope and period of the report.
    #[prop(into)]
    inputs: Signal<Inputs>,
    /// The day the report is as of.
    today: Day,
) -> impl IntoView {
    let app = use_app();
    let stats = Memo::new(move |_| {
        let i = inputs.read();
        app.book.with(|b| step_stats(b, &i.scope, &i.period, today))
    });
    // The deals behind the stuck ids, looked up once for the whole list.
    let bloated = Memo::new(move |_| {
        let currency = app.book.with(|b| b.settings.currency.clone());
        stats.with(|stats| {
            app.book.with(|book| {
                stats
                    .iter()
                    .filter(|s| s.bloated)
                    .map(|s| Bloated {
                        name: s.name.clone(),
                        reason: s.bloat_reason.clone().unwrap_or_default(),
                        wip: s.wip,
                        stuck: s
                            .stuck
                            .iter()
                            .filter_map(|id| book.deal(*id))
                            .map(|d| StuckDeal {
                                id: d.id,
                                edited: d.edited,
                                title: d.title.clone(),
                                owner: d.owner.clone(),
                                days: today.since(d.since()),
                                value: money(d.value, &currency),
                            })
                            .collect(),
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let chart = move || {
        let rows: Vec<BarRow> = stats.with(|stats| {
            stats
                .iter()
                .map(|s| BarRow {
                    label: s.name.clone(),
                    main: s.backlog_weeks,
                    second: s.historical_median.map(|d| d / 7.0),
                    flag: s.bloated.then(|| "Bloated".to_string()),
                })
                .collect()
        });
        let count = rows.iter().filter(|r| r.flag.is_some()).count();
        view! {
            <PairedBars
                id="bloat"
                title="Backlog and usual time per step, in weeks"
                desc=format!(
                    "{count} of {} steps are bloated. A step is bloated when its backlog (deals waiting ÷ deals leaving per week) is more than 1.5 times the usual time a deal spends there, or when over a quarter of its deals are stuck. A step no deal has ever left has no usual time yet: its backlog is not judged.",
                    rows.len()
                )
                rows=rows
                series=["Backlog", "Median time in step"]
                unit="weeks"
                unbounded="none left"
            />
        }
    };
    // The step with the most stuck deals starts open: it is where to look first.
    let worst = move || {
        bloated.with(|b| {
            b.iter()
                .enumerate()
                .max_by_key(|(_, s)| s.stuck.len())
                .map(|(i, _)| i)
        })
    };
    let steps = move || bloated.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <section class="panel bloat" aria-labelledby="bloat-head">
            <h2 id="bloat-head">"Pipeline bloat"</h2>
            <p class="muted">"Backlog: weeks it would take to clear the deals waiting in a step at the pace deals left it in the period."</p>
            {chart}
            <StepTimes stats=stats/>
            <h3>"Stuck deals in bloated steps"</h3>
            <Show when=move || bloated.with(|b| !b.is_empty()) fallback=|| view! { <p class="muted">"No step is bloated: deals move on at their usual pace."</p> }>
                <For each=steps key=|pair| pair.clone() let:pair>
                    <StuckStep open=worst() == Some(pair.0) step=pair.1/>
                </For>
            </Show>
        </section>
    }
}

/// A bloated step, folded: why it is bloated and its stuck deals.
#[component]
fn StuckStep(
    /// The step.
    step: Bloated,
    /// Shown unfolded at first.
    open: bool,
) -> impl IntoView {
    view! {
        <details class="stuck-step" open=open>
            <summary>
                <strong>{step.name.clone()}</strong>
                {format!(": {} of {} deals stuck", step.stuck.len(), step.wip)}
            </summary>
            <p class="reason">{step.reason.clone()}"."</p>
            <StuckList deals=step.stuck/>
        </details>
    }
}

/// The stuck deals of one step, each linked to its page.
#[component]
fn StuckList(
    /// The deals, longest waiting first.
    deals: Vec<StuckDeal>,
) -> impl IntoView {
    if deals.is_empty() {
        return view! { <p class="muted">"None stuck yet: the backlog alone makes this step bloated."</p> }.into_any();
    }
    // The longest-waiting few first; the rest on request, so one step cannot bury the page.
    let all = RwSignal::new(deals.len() <= SHORT_LIST + 2);
    let total = deals.len();
    let shown = move || {
        if all.get() {
            deals.clone()
        } else {
            deals[..SHORT_LIST].to_vec()
        }
    };
    view! {
        <ul class="stuck-deals">
            <For each=shown key=|d| (d.id, d.edited, d.days) let:deal>
                <li>
                    <A href=crate::links::href(&format!("/deals/{}", deal.id))>{deal.title.clone()}</A>
                    <span class="muted">{format!(" · {} · {} in this step · {}", deal.owner, crate::format::days(deal.days), deal.value)}</span>
                </li>
            </For>
        </ul>
        <Show when=move || !all.get()>
            <button type="button" class="link" on:click=move |_| all.set(true)>{format!("Show all {total} stuck deals")}</button>
        </Show>
    }
    .into_any()
}
