//! Team sync, the chunk: the CouchDB client (`couch.rs`), the loop (`engine.rs`) that
//! pulls (`pull.rs`) and pushes (`push.rs`), what it holds and keeps (`state.rs`), and
//! signing in (`session.rs`). Settings → Team sync's views live with
//! Settings (`pages/settings/team.rs`) and reach these through [`Engine`]. What it sends and how it folds
//! what it gets is decided by the core (`pipewise_core::sync`), tested natively; this is
//! the browser's half. Fetched only by a browser with team sync set up, or by Settings.

mod couch;
mod engine;
mod pull;
mod push;
mod session;
mod state;

use crate::state::AppState;
use crate::team::{Team, TeamConfig};
use std::future::Future;
use std::pin::Pin;

/// What the chunk hands the always-loaded app.
#[derive(Clone, Copy)]
pub struct Engine {
    /// Starts syncing (when set up and not paused).
    pub start: fn(AppState, Team),
    /// Stops the loop (pause); what was kept stays.
    pub stop: fn(),
    /// Stops and forgets what was kept (leaving).
    pub forget: fn(),
    /// Signs in, checks membership, keeps the set-up and starts syncing; or says why not.
    pub sign_in:
        fn(AppState, Team, TeamConfig, String) -> Pin<Box<dyn Future<Output = Result<(), String>>>>,
    /// Ends the session (best effort).
    pub sign_out: fn(TeamConfig),
}

pub const ENGINE: Engine = Engine {
    start: engine::start,
    stop: engine::stop,
    forget: engine::forget,
    sign_in: session::sign_in_boxed,
    sign_out: session::sign_out,
};
