//! Fetches team sync's chunk and starts it: at the first idle moment of a page in a
//! browser with team sync set up, and when Settings → Team sync needs it.

use crate::lazy::{load_then, SplitLoaderError};
use crate::state::AppState;
use crate::sync::Engine;
use crate::team::Team;
use leptos::prelude::*;

crate::lazy::split_point!(
    syncing,
    fn sync_chunk() -> Result<Engine, SplitLoaderError> {
        Ok(crate::sync::ENGINE)
    }
);

/// Starts the sync when this browser has it set up (and not paused); a chunk that cannot
/// be fetched (offline on a first visit) is tried again at the next page load.
pub fn start_when_idle(app: AppState, team: Team) {
    if team.config.get_untracked().is_none_or(|c| c.paused) {
        return;
    }
    request_idle_callback(move || {
        load_then(sync_chunk, move |engine| {
            if let Ok(engine) = engine {
                (engine.start)(app, team);
            }
        })
    });
}

/// Runs `f` with the sync's code: at once when its chunk is here, else when it
/// arrives; `failed` when it cannot be fetched.
pub fn with_engine(f: impl FnOnce(Engine) + 'static, failed: impl FnOnce() + 'static) {
    load_then(sync_chunk, move |engine| match engine {
        Ok(engine) => f(engine),
        Err(_) => failed(),
    });
}
