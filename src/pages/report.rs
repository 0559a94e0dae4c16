//! Reports: the diagnosis first (too few chances, or poor closing?), then the key
//! figures, the owners side by side, pipeline bloat, the funnel and the cumulative flow.
//! Every report is a pure function of (book, scope, period, today), memoised on its
//! inputs, which live in the URL query.

mod bloat;
mod controls;
mod diagnosis;
mod flow;
mod funnel;
mod kpis;
mod owners;
mod step_times;
mod words;

use crate::components::demo::DemoButton;
use crate::components::empty::EmptyState;
use crate::lazy::PageChunk;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use pipewise_core::reports::query::ReportQuery;
use pipewise_core::reports::Scope;

// The page's split point: its code is fetched the first time it shows.
crate::lazy::split_point!(
    reports,
    pub fn chunk() -> PageChunk {
        Ok(|()| view! { <ReportsPage/> }.into_any())
    }
);

#[component]
pub fn ReportsPage() -> impl IntoView {
    let app = use_app();
    // One date for the whole page, so every report is as of the same day.
    let today = app.today();
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| ReportQuery::from_params(|key| p.get(key))));
    let resolved = Memo::new(move |_| query.with(|q| q.resolve(today)));
    let inputs = Memo::new(move |_| resolved.with(|r| r.inputs.clone()));
    let period = Memo::new(move |_| inputs.with(|i| i.period));
    let everyone = Memo::new(move |_| inputs.with(|i| i.scope == Scope::Everyone));
    let has_deals = Memo::new(move |_| app.book.with(|b| !b.deals.is_empty()));

    crate::browser::mark("pipewise:reports:start");
    // Effects run once the view is mounted: the first full render is done.
    Effect::new(move |_| crate::browser::mark("pipewise:reports:end"));

    let empty = || {
        view! {
            <EmptyState
                title="Nothing to report yet"
                text="Once deals move through your pipeline, this page tells you where it bloats and whether a revenue shortfall comes from too few chances or poor closing."
            >
                <DemoButton primary=true/>
            </EmptyState>
        }
    };
    view! {
        <div class="page-head">
            <h1>"Reports"</h1>
            <p class="muted period-range">
                {move || {
                    let p = period.get();
                    format!("{}: {} – {}", p.label(), crate::format::date(p.start), crate::format::date(p.end))
                }}
            </p>
        </div>
        <Show when=move || has_deals.get() fallback=empty>
            <controls::ReportControls query=query resolved=resolved/>
            <div class="reports">
                <diagnosis::DiagnosisPanel inputs=inputs today=today/>
                <kpis::KpiTiles inputs=inputs today=today/>
                <Show when=move || everyone.get()>
                    <owners::OwnerTable query=query period=period today=today/>
                </Show>
                <div class="reports-pair">
                    <bloat::BloatSection inputs=inputs today=today/>
                    <funnel::FunnelSection inputs=inputs today=today/>
                </div>
                <flow::FlowSection inputs=inputs today=today/>
            </div>
        </Show>
    }
}
