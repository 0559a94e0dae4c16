//! The sync loop: pull what the server has that this browser lacks, push what this
//! browser has that the server lacks, then wait for the next change on either side.
//!
//! - **Pull** (`pull.rs`): the changes feed from the checkpoint, folded with the merge.
//! - **Push** (`push.rs`): what changed, each document on the revision it replaces.
//! - What the loop holds, and keeps beside the book between visits: `state.rs`.
//! - **Waiting**: a long poll on the feed, cut short by a local change (`kick`), the
//!   browser coming back online, pausing or leaving. Offline, it tries again after 1 s,
//!   2 s, … up to 30 s; the book is saved locally all along, so nothing waits in memory
//!   only.

use crate::state::AppState;
use crate::storage::{LocalStore, TEAM_STATE};
use crate::sync::couch::{Couch, Fault};
use crate::sync::pull::pull;
use crate::sync::push::push;
use crate::sync::state::{
    count_waiting, current, keep, outgoing, show_lists, with_run, Kept, Run, RUN,
};
use crate::team::{Team, TeamConfig, TeamStatus};
use leptos::prelude::*;
use pipewise_core::sync::Pushed;
use std::collections::HashSet;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

/// How long a long poll waits for a change, in seconds.
const POLL: u32 = 25;

/// Starts syncing (or starts again after a sign-in): reads what was kept, then runs the
/// loop until [`stop`].
pub fn start(app: AppState, team: Team) {
    let Some(config) = team.config.get_untracked() else {
        return;
    };
    if config.paused {
        return;
    }
    let kept: Kept = LocalStore
        .read_key(TEAM_STATE)
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let pushed = app
        .book
        .with_untracked(|book| Pushed::recall(book, &kept.summary));
    let generation = RUN.with(|r| {
        let mut r = r.borrow_mut();
        let generation = r.as_ref().map_or(1, |run| run.generation + 1);
        if let Some(wake) = r.as_ref().and_then(|run| run.wake.as_ref()) {
            wake.abort();
        }
        *r = Some(Run {
            generation,
            pushed,
            since: kept.since,
            waiting: kept.waiting,
            last: kept.last,
            wake: None,
            again: false,
            refused: kept
                .refused
                .into_iter()
                .map(|(id, digest, line)| (id, (digest, line)))
                .collect(),
            told: kept.told,
            pending: HashSet::new(),
        });
        generation
    });
    show_lists(&team);
    crate::team::on_local_change(kick);
    listen_online();
    team.status.set(TeamStatus::Connecting { pulled: 0 });
    crate::browser::mark("pipewise:sync:start");
    leptos::task::spawn_local(run(app, team, config, generation));
}

/// Stops the loop (pause, leave): what was pulled and the checkpoint stay kept.
pub fn stop() {
    RUN.with(|r| {
        if let Some(run) = r.borrow_mut().as_mut() {
            run.generation += 1;
            if let Some(wake) = run.wake.take() {
                wake.abort();
            }
        }
    });
}

/// Forgets what was kept (leaving team sync).
pub fn forget() {
    stop();
    RUN.with(|r| *r.borrow_mut() = None);
    LocalStore.remove_key(TEAM_STATE);
}

/// A local change: cut the wait short, so it goes up now.
pub fn kick() {
    with_run(|run| match run.wake.take() {
        Some(wake) => wake.abort(),
        None => run.again = true,
    });
}

fn listen_online() {
    thread_local!(static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let handle = window_event_listener(leptos::ev::online, |_| kick());
    std::mem::forget(handle);
}

async fn run(app: AppState, team: Team, config: TeamConfig, generation: u32) {
    let couch = Couch {
        server: config.server.clone(),
        db: config.db.clone(),
    };
    let user = config.user.clone();
    let mut backoff = 1_000;
    while current(generation) {
        let result = match round(&app, &team, &couch, &user, generation).await {
            Ok(changes) => {
                backoff = 1_000;
                show_settled(&team, changes);
                keep();
                let since = with_run(|run| run.since.clone()).unwrap_or_default();
                if with_run(|run| std::mem::take(&mut run.again)).unwrap_or(false) {
                    continue;
                }
                let signal = fresh_wake();
                // Asked again every POLL seconds even without a change: some servers
                // ignore `timeout`, and each request renews the session's cookie.
                set_timeout(kick, std::time::Duration::from_secs(POLL.into()));
                let waited = couch.wait_for_change(&since, POLL, &signal).await;
                with_run(|run| run.wake = None);
                waited
            }
            Err(fault) => Err(fault),
        };
        if !current(generation) {
            return;
        }
        match result {
            Ok(()) | Err(Fault::Aborted) => {}
            Err(Fault::Offline) | Err(Fault::Server(..)) | Err(Fault::NotFound) => {
                let changes = count_waiting(&app, &user);
                let at = with_run(|run| run.last).flatten();
                team.status.set(TeamStatus::Offline { changes, at });
                keep();
                let signal = fresh_wake();
                sleep(backoff, &signal).await;
                with_run(|run| run.wake = None);
                backoff = (backoff * 2).min(30_000);
            }
            Err(Fault::SignedOut) => {
                let changes = count_waiting(&app, &user);
                team.status.set(TeamStatus::SignedOut { changes });
                keep();
                return;
            }
            Err(Fault::Forbidden(reason)) => {
                team.status.set(TeamStatus::Refused {
                    reason: format!(
                        "The server refused {user} access to the team database {} ({reason}). Nothing more is pulled or sent; ask your manager to add you as a member.",
                        couch.db
                    ),
                });
                keep();
                return;
            }
        }
    }
}

/// One pull of everything new, then one push of everything waiting; how many changes
/// still wait.
async fn round(
    app: &AppState,
    team: &Team,
    couch: &Couch,
    user: &str,
    generation: u32,
) -> Result<usize, Fault> {
    // What is ours and not yet on the server, before pulling: a pulled document of one
    // of these records is where a teammate's edit meets ours (`overruled`).
    let pending: HashSet<String> = outgoing(app, user).into_iter().map(|d| d.id).collect();
    with_run(|run| run.pending = pending);
    pull(app, team, couch, user, generation).await?;
    push(app, team, couch, user, generation).await
}

/// After a round: synced, or how many changes still wait (refused ones apart).
fn show_settled(team: &Team, changes: usize) {
    let now = crate::browser::stamp();
    let refused = with_run(|run| run.refused.len()).unwrap_or(0);
    if changes == 0 {
        with_run(|run| run.last = Some(now));
        crate::browser::mark("pipewise:sync:synced");
        team.status.set(if refused == 0 {
            TeamStatus::Synced { at: now }
        } else {
            TeamStatus::NotAccepted {
                changes: refused,
                at: now,
            }
        });
    } else {
        let at = with_run(|run| run.last).flatten();
        team.status.set(TeamStatus::Waiting { changes, at });
    }
}

/// A fresh controller for the next wait, kept so a kick can end it.
fn fresh_wake() -> web_sys::AbortSignal {
    let controller = AbortController::new().expect("AbortController");
    let signal = controller.signal();
    with_run(|run| run.wake = Some(controller));
    signal
}

/// Resolves after `ms`, or at once when `signal` aborts.
async fn sleep(ms: i32, signal: &web_sys::AbortSignal) {
    let signal = signal.clone();
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
        let wake = Closure::once_into_js(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
        let _ = signal.add_event_listener_with_callback("abort", wake.unchecked_ref());
    });
    let _ = JsFuture::from(promise).await;
}
