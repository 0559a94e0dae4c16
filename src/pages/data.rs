//! Data: back up, restore, merge a teammate's backup, import CSV, export, storage, and
//! demo / reset. One section per task, each saying in a line what it is for.

mod backup;
mod counts;
mod export;
mod import;
mod merge;
mod reset;
mod restore;
mod storage;

use crate::lazy::PageChunk;
use leptos::prelude::*;

// The page's split point: its code is fetched the first time it shows.
crate::lazy::split_point!(
    data,
    pub fn chunk() -> PageChunk {
        Ok(|()| view! { <DataPage/> }.into_any())
    }
);

#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <div class="page-head">
            <h1>"Data"</h1>
        </div>
        <p class="lede">
            "Pipewise keeps everything in this browser only: no server, no account. "
            "Download a backup now and then, and keep it somewhere safe."
        </p>
        <div class="data-grid">
            <backup::BackupSection/>
            <restore::RestoreSection/>
            <merge::MergeSection/>
            <export::ExportSection/>
        </div>
        <import::ImportSection/>
        <div class="data-grid">
            <storage::StorageSection/>
            <reset::ResetSection/>
        </div>
    }
}

/// A section of the Data page: a panel with a heading and a one-line explanation.
#[component]
fn Section(
    /// The heading, also the section's accessible name.
    #[prop(into)]
    title: String,
    /// What the section is for, in a sentence.
    #[prop(into)]
    about: String,
    /// Extra class for the panel, e.g. "wide".
    #[prop(optional, into)]
    class: String,
    children: Children,
) -> impl IntoView {
    let id = format!(
        "sec-{}",
        title
            .to_lowercase()
            .replace(|c: char| !c.is_alphanumeric(), "-")
    );
    let labelled = id.clone();
    view! {
        <section class=format!("panel data-section {class}") aria-labelledby=labelled>
            <h2 id=id>{title}</h2>
            <p class="muted about">{about}</p>
            {children()}
        </section>
    }
}
