//! Settings: the sales process (steps in order, their names and "stuck" thresholds) and
//! the user's own settings (name and currency); team sync.

mod add_step;
mod profile;
mod step_row;
mod team;

use crate::lazy::PageChunk;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::StepId;

/// What one row of the steps list shows; rows are keyed by all of it, so a changed step
/// re-renders alone.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StepLine {
    pub id: StepId,
    pub name: String,
    pub stuck_after: Option<u32>,
    pub position: usize,
    pub last: bool,
    /// Deals in the step now.
    pub open: usize,
    /// Deals that have ever been in it.
    pub ever: usize,
}

// The page's split point: its code is fetched the first time it shows.
crate::lazy::split_point!(
    settings,
    pub fn chunk() -> PageChunk {
        Ok(|()| view! { <SettingsPage/> }.into_any())
    }
);

#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = use_app();
    let lines = Memo::new(move |_| {
        app.book.with(|b| {
            let count = b.process.steps.len();
            b.process
                .steps
                .iter()
                .enumerate()
                .map(|(position, s)| StepLine {
                    id: s.id,
                    name: s.name.clone(),
                    stuck_after: s.stuck_after,
                    position,
                    last: position + 1 == count,
                    open: b
                        .deals
                        .iter()
                        .filter(|d| d.stage() == pipewise_core::Stage::Step(s.id))
                        .count(),
                    ever: b.deals_ever_in(s.id),
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="page-head">
            <h1>"Settings"</h1>
        </div>
        <section class="panel settings-section" aria-labelledby="process-title">
            <h2 id="process-title">"Your sales process"</h2>
            <p class="muted about">
                "The steps a deal goes through, in order, before it is won or lost. Renaming or moving a step keeps every deal's history. "
                "A deal counts as stuck after the days you set for its step; left empty, Pipewise uses that step's own history (the 90th percentile of time spent in it)."
            </p>
            <ol class="steps">
                <For each=move || lines.get() key=|line| line.clone() children=move |line| view! { <step_row::StepRow line=line lines=lines/> }/>
            </ol>
            <add_step::AddStep lines=lines/>
        </section>
        <profile::Profile/>
        <team::TeamPanel/>
    }
}
