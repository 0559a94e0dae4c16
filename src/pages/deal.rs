//! One deal: its details, what can happen to it next (edit, move, win, lose, reopen,
//! delete), its stage timeline with the editable history, and its tasks.

mod actions;
mod details;
mod history;
mod tasks;

use crate::components::empty::EmptyState;
use crate::components::stage_timeline::StageTimeline;
use crate::lazy::PageChunk;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use pipewise_core::{DealId, Stage};

/// The badge for where a deal stands: its step's name, Won or Lost.
pub fn stage_badge(stage: Stage, name: String) -> impl IntoView {
    let class = match stage {
        Stage::Won => "badge won",
        Stage::Lost => "badge lost",
        Stage::Step(_) => "badge step",
    };
    view! { <span class=class>{name}</span> }
}

fn board_at(stage: Option<Stage>) -> String {
    let step = stage
        .map(|s| format!("?step={}", s.key()))
        .unwrap_or_default();
    crate::links::href(&format!("/{step}"))
}

// The page's split point: its code is fetched the first time it shows.
crate::lazy::split_point!(
    deal,
    pub fn chunk() -> PageChunk {
        Ok(|()| view! { <DealPage/> }.into_any())
    }
);

#[component]
pub fn DealPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).and_then(|t| DealId::parse(&t)));
    // Only whether the deal exists: the parts below read what they show themselves.
    let found = Memo::new(move |_| {
        id.get()
            .filter(|id| app.book.with(|b| b.deal(*id).is_some()))
    });
    let head = Memo::new(move |_| {
        let id = found.get()?;
        app.book.with(|b| {
            let deal = b.deal(id)?;
            let name = match deal.stage() {
                Stage::Step(s) => b.process.name(s).to_string(),
                Stage::Won => "Won".into(),
                Stage::Lost => "Lost".into(),
            };
            Some((deal.title.clone(), deal.stage(), name))
        })
    });

    move || {
        match found.get() {
        None => view! {
            <p class="crumbs"><A href=crate::links::href("/")>"← Pipeline"</A></p>
            <h1>"Deal"</h1>
            <EmptyState title="Deal not found" text="This deal does not exist in this browser's data. It may have been deleted, or the link came from another browser.">
                <A href=crate::links::href("/") attr:class="button primary">"Back to the pipeline"</A>
            </EmptyState>
        }
        .into_any(),
        Some(id) => view! {
            // Back to the board at the deal's step (the column a phone shows).
            <p class="crumbs"><A href=move || board_at(head.with(|h| h.as_ref().map(|h| h.1)))>"← Pipeline"</A></p>
            <div class="page-head deal-head">
                <div class="deal-title">
                    <h1>{move || head.with(|h| h.as_ref().map(|h| h.0.clone()))}</h1>
                    {move || head.get().map(|(_, stage, name)| stage_badge(stage, name))}
                </div>
                <actions::DealActions deal=id/>
            </div>
            <div class="deal-grid">
                <details::DealDetails deal=id/>
                <section class="panel timeline-panel" aria-labelledby="timeline-title">
                    <h2 id="timeline-title">"Stage timeline"</h2>
                    <StageTimeline deal=id/>
                    <history::StageHistory deal=id/>
                </section>
            </div>
            <tasks::DealTasks deal=id/>
        }
        .into_any(),
    }
    }
}
