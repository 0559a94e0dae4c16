//! The report's inputs: whose deals, which period, compared with what. Every change
//! goes into the URL, so the view can be bookmarked and the back button undoes it.

use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::params::ParamsMap;
use pipewise_core::reports::query::{BenchChoice, PeriodChoice, ReportQuery, Resolved};

#[component]
pub fn ReportControls(
    /// The inputs as in the URL.
    #[prop(into)]
    query: Signal<ReportQuery>,
    /// The inputs as used, with what was wrong with the typed ones.
    #[prop(into)]
    resolved: Signal<Resolved>,
) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let go = move |next: ReportQuery| {
        let map: ParamsMap = next.pairs().into_iter().collect();
        navigate(
            &format!("/reports{}", map.to_query_string()),
            Default::default(),
        );
    };
    // The owner in the URL stays listed even when no record names them any more.
    let owners = Memo::new(move |_| {
        let mut owners = app.book.with(|b| b.owners());
        if let Some(o) = query.with(|q| q.owner.clone()) {
            if !owners.contains(&o) {
                owners.push(o);
            }
        }
        owners
    });
    let change = |edit: fn(&mut ReportQuery, String)| {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let mut q = query.get_untracked();
            edit(&mut q, event_target_value(&ev));
            go(q);
        }
    };
    let on_owner = change(|q, v| {
        q.owner = (!v.is_empty()).then_some(v);
        if q.owner.is_none() && q.bench == BenchChoice::Team {
            q.bench = BenchChoice::Previous;
        }
    });
    let on_period = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let mut q = query.get_untracked();
            q.period = PeriodChoice::parse(&event_target_value(&ev)).unwrap_or_default();
            if q.period == PeriodChoice::Custom {
                // Start from the dates on show, so the report does not jump.
                let shown = resolved.with_untracked(|r| r.inputs.period);
                q.from = shown.start.iso();
                q.to = shown.end.iso();
            }
            go(q);
        }
    };
    let on_from = change(|q, v| q.from = v);
    let on_to = change(|q, v| q.to = v);
    let on_bench = change(|q, v| q.bench = BenchChoice::parse(&v).unwrap_or_default());
    let on_target = change(|q, v| q.target = v.trim().to_string());
    let target_input = NodeRef::<leptos::html::Input>::new();
    // Enter in the target field applies it.
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(input) = target_input.get() {
            let mut q = query.get_untracked();
            q.target = input.value().trim().to_string();
            go(q);
        }
    };
    let is = move |choice: PeriodChoice| move || query.with(|q| q.period == choice);
    let bench_is = move |choice: BenchChoice| move || query.with(|q| q.bench == choice);
    let has_owner = move || query.with(|q| q.owner.is_some());
    let dates_error = move || resolved.with(|r| r.dates_error.clone());
    let target_error = move || resolved.with(|r| r.target_error.clone());
    let currency = move || app.book.with(|b| b.settings.currency.clone());
    view! {
        <form class="toolbar report-controls" on:submit=on_submit>
            <div class="field">
                <label for="report-owner">"Owner"</label>
                <select id="report-owner" on:change=on_owner>
                    <option value="" prop:selected=move || query.with(|q| q.owner.is_none())>"Everyone"</option>
                    <For each=move || owners.get() key=|o| o.clone() let:owner>
                        <option value=owner.clone() prop:selected={
                            let owner = owner.clone();
                            move || query.with(|q| q.owner.as_ref() == Some(&owner))
                        }>{owner.clone()}</option>
                    </For>
                </select>
            </div>
            <div class="field">
                <label for="report-period">"Period"</label>
                <select id="report-period" on:change=on_period>
                    {PeriodChoice::ALL
                        .into_iter()
                        .map(|c| view! { <option value=c.as_str() prop:selected=is(c)>{c.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <Show when=is(PeriodChoice::Custom)>
                <div class="field">
                    <label for="report-from">"From"</label>
                    <input id="report-from" type="date" prop:value=move || query.with(|q| q.from.clone()) on:change=on_from.clone()
                        aria-invalid=move || dates_error().map(|_| "true") aria-describedby="report-dates-error"/>
                </div>
                <div class="field">
                    <label for="report-to">"To"</label>
                    <input id="report-to" type="date" prop:value=move || query.with(|q| q.to.clone()) on:change=on_to.clone()
                        aria-invalid=move || dates_error().map(|_| "true") aria-describedby="report-dates-error"/>
                </div>
            </Show>
            <div class="field">
                <label for="report-bench">"Compare with"</label>
                <select id="report-bench" on:change=on_bench>
                    <option value="previous" prop:selected=bench_is(BenchChoice::Previous)>{BenchChoice::Previous.label()}</option>
                    <Show when=has_owner>
                        <option value="team" prop:selected=bench_is(BenchChoice::Team)>{BenchChoice::Team.label()}</option>
                    </Show>
                    <option value="target" prop:selected=bench_is(BenchChoice::Target)>{BenchChoice::Target.label()}</option>
                </select>
            </div>
            <Show when=bench_is(BenchChoice::Target)>
                <div class="field">
                    <label for="report-target">{move || format!("Target revenue ({})", currency())}</label>
                    <input id="report-target" type="number" min="0" step="1000" inputmode="numeric" node_ref=target_input
                        prop:value=move || query.with(|q| q.target.clone()) on:change=on_target.clone()
                        aria-invalid=move || target_error().map(|_| "true") aria-describedby="report-target-error"/>
                </div>
            </Show>
            <p id="report-dates-error" class="error" role="status">{dates_error}</p>
            <p id="report-target-error" class="error" role="status">{target_error}</p>
        </form>
    }
}
