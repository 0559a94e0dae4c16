//! Team sync, the chunk: the CouchDB client (`couch.rs`), the loop that pulls and pushes
//! (`engine.rs`) and Settings → Team sync (`panel.rs`). What it sends and how it folds
//! what it gets is decided by the core (`pipewise_core::sync`), tested natively; this is
//! the browser's half. Fetched only by a browser with team sync set up, or by Settings.

mod couch;
mod engine;
mod panel;

use crate::state::AppState;
use crate::team::Team;
use leptos::prelude::*;

/// What the chunk hands the always-loaded app.
#[derive(Clone, Copy)]
pub struct Engine {
    /// Starts syncing (when set up and not paused).
    pub start: fn(AppState, Team),
    /// Builds Settings → Team sync.
    pub panel: fn(()) -> AnyView,
}

pub const ENGINE: Engine = Engine {
    start: engine::start,
    panel: |()| view! { <panel::TeamPanel/> }.into_any(),
};
