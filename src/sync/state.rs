//! What the running sync holds (the documents' revisions, the checkpoint, what waits,
//! what the server refused) and what of it is kept beside the book between visits, so a
//! reload goes on where it stopped. Also what is ours and not yet sent.

use crate::state::AppState;
use crate::storage::{LocalStore, TEAM_STATE};
use crate::team::Team;
use leptos::prelude::*;
use pipewise_core::sync::{to_push, Doc, Pushed};
use pipewise_core::Stamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use web_sys::AbortController;

/// What is kept beside the book between visits.
#[derive(Serialize, Deserialize, Default)]
pub struct Kept {
    #[serde(default)]
    pub since: Value,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub waiting: Vec<Doc>,
    #[serde(default)]
    pub last: Option<Stamp>,
    /// Documents the server refused: id, digest of what was refused, the line shown.
    #[serde(default)]
    pub refused: Vec<(String, u64, String)>,
    /// Edits a newer one overruled, as shown (the last [`TOLD`]).
    #[serde(default)]
    pub told: Vec<String>,
}

/// How many overruled edits Settings keeps listing.
pub const TOLD: usize = 100;

/// The running sync of this page.
pub struct Run {
    /// Bumped by every start and stop: a loop whose generation is past stops.
    pub generation: u32,
    pub pushed: Pushed,
    pub since: Value,
    pub waiting: Vec<Doc>,
    pub last: Option<Stamp>,
    /// Cuts the current wait short.
    pub wake: Option<AbortController>,
    /// A local change came while no wait was under way (mid-round): go round again
    /// instead of waiting.
    pub again: bool,
    /// Documents the server refused, with the digest of the content refused and the
    /// line Settings shows.
    pub refused: HashMap<String, (u64, String)>,
    /// Edits of ours a newer one overruled, as Settings lists them.
    pub told: Vec<String>,
    /// Documents with edits of ours not yet on the server, as of the last push.
    pub pending: HashSet<String>,
}

thread_local!(pub static RUN: RefCell<Option<Run>> = const { RefCell::new(None) });

pub fn with_run<T>(f: impl FnOnce(&mut Run) -> T) -> Option<T> {
    RUN.with(|r| r.borrow_mut().as_mut().map(f))
}

pub fn current(generation: u32) -> bool {
    with_run(|run| run.generation == generation).unwrap_or(false)
}

/// What to send: every changed document but those the server refused as they are.
pub fn outgoing(app: &AppState, user: &str) -> Vec<Doc> {
    let docs = app.book.with_untracked(|book| {
        with_run(|run| to_push(book, &run.pushed, user)).unwrap_or_default()
    });
    with_run(|run| {
        docs.into_iter()
            .filter(|d| {
                run.refused
                    .get(&d.id)
                    .is_none_or(|(digest, _)| *digest != d.digest())
            })
            .collect()
    })
    .unwrap_or_default()
}

pub fn count_waiting(app: &AppState, user: &str) -> usize {
    outgoing(app, user).len()
}

/// Settings' lists: changes not accepted, edits overruled.
pub fn show_lists(team: &Team) {
    let Some((mut refused, told)) = with_run(|run| {
        let refused: Vec<String> = run.refused.values().map(|(_, line)| line.clone()).collect();
        (refused, run.told.clone())
    }) else {
        return;
    };
    refused.sort();
    if team.refused.with_untracked(|r| *r != refused) {
        team.refused.set(refused);
    }
    if team.overruled.with_untracked(|t| *t != told) {
        team.overruled.set(told);
    }
}

/// Writes what a reload needs beside the book.
pub fn keep() {
    let text = with_run(|run| {
        let kept = Kept {
            since: run.since.clone(),
            summary: run.pushed.summary(),
            waiting: run.waiting.clone(),
            last: run.last,
            refused: run
                .refused
                .iter()
                .map(|(id, (digest, line))| (id.clone(), *digest, line.clone()))
                .collect(),
            told: run.told.clone(),
        };
        serde_json::to_string(&kept).unwrap_or_default()
    });
    if let Some(text) = text {
        let _ = LocalStore.write_key(TEAM_STATE, &text);
    }
}
