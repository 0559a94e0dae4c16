//! The sync loop: pull what the server has that this browser lacks, push what this
//! browser has that the server lacks, then wait for the next change on either side.
//!
//! - **Pull**: the changes feed from the last checkpoint, in batches, each folded into
//!   the book with the one merge (`sync::fold`); a document in conflict is settled first
//!   (`sync::settle_leaves`) and the settled revision written back. The checkpoint, the
//!   documents waiting for their contact or deal and the summary of what the server holds
//!   are kept beside the book, so a reload goes on where it stopped.
//! - **Push**: `sync::to_push`, in batches to `_bulk_docs`. A document whose revision is
//!   not known (new, or recalled after a reload) is looked up first and what the server
//!   holds folded in, so nothing on the server is written over unseen; a 409 does the
//!   same and tries again. What the server refuses (another rep's record) is listed and
//!   not sent again until it changes.
//! - **Waiting**: a long poll on the feed, cut short by a local change (`kick`), the
//!   browser coming back online, pausing or leaving. Offline, it tries again after 1 s,
//!   2 s, … up to 30 s; the book is saved locally all along, so nothing waits in memory
//!   only.

use crate::state::AppState;
use crate::storage::{LocalStore, TEAM_STATE};
use crate::sync::couch::{Couch, Fault, Written};
use crate::team::{Team, TeamConfig, TeamStatus};
use leptos::prelude::*;
use pipewise_core::sync::{fold, overruled, settle_leaves, to_push, Doc, Pushed};
use pipewise_core::Stamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

/// Documents per pull: fewer, larger batches fold faster (each batch is one merge).
const BATCH: usize = 5000;
/// Documents per push: servers cap a request's size (pouchdb-server refuses a few MB;
/// a deal with its history is up to ~1.5 kB).
const PUSH_BATCH: usize = 500;
/// How long a long poll waits for a change, in seconds.
const POLL: u32 = 25;

/// What is kept beside the book between visits.
#[derive(Serialize, Deserialize, Default)]
struct Kept {
    #[serde(default)]
    since: Value,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    waiting: Vec<Doc>,
    #[serde(default)]
    last: Option<Stamp>,
    /// Documents the server refused: id, digest of what was refused, the line shown.
    #[serde(default)]
    refused: Vec<(String, u64, String)>,
    /// Edits a newer one overruled, as shown (the last [`TOLD`]).
    #[serde(default)]
    told: Vec<String>,
}

/// How many overruled edits Settings keeps listing.
const TOLD: usize = 100;

/// The running sync of this page.
struct Run {
    /// Bumped by every start and stop: a loop whose generation is past stops.
    generation: u32,
    pushed: Pushed,
    since: Value,
    waiting: Vec<Doc>,
    last: Option<Stamp>,
    /// Cuts the current wait short.
    wake: Option<AbortController>,
    /// A local change came while no wait was under way (mid-round): go round again
    /// instead of waiting.
    again: bool,
    /// Documents the server refused, with the digest of the content refused and the
    /// line Settings shows.
    refused: HashMap<String, (u64, String)>,
    /// Edits of ours a newer one overruled, as Settings lists them.
    told: Vec<String>,
    /// Documents with edits of ours not yet on the server, as of the last push.
    pending: HashSet<String>,
}

thread_local!(static RUN: RefCell<Option<Run>> = const { RefCell::new(None) });

fn with_run<T>(f: impl FnOnce(&mut Run) -> T) -> Option<T> {
    RUN.with(|r| r.borrow_mut().as_mut().map(f))
}

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

fn current(generation: u32) -> bool {
    with_run(|run| run.generation == generation).unwrap_or(false)
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
            Ok(()) => {
                backoff = 1_000;
                show_settled(&app, &team, &user);
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

/// One pull of everything new, then one push of everything waiting.
async fn round(
    app: &AppState,
    team: &Team,
    couch: &Couch,
    user: &str,
    generation: u32,
) -> Result<(), Fault> {
    // What is ours and not yet on the server, before pulling: a pulled document of one
    // of these records is where a teammate's edit meets ours (`overruled`).
    let pending: HashSet<String> = outgoing(app, user).into_iter().map(|d| d.id).collect();
    with_run(|run| run.pending = pending);
    pull(app, team, couch, user, generation).await?;
    push(app, team, couch, user, generation).await
}

async fn pull(
    app: &AppState,
    team: &Team,
    couch: &Couch,
    user: &str,
    generation: u32,
) -> Result<(), Fault> {
    let mut pulled = 0;
    loop {
        let since = with_run(|run| run.since.clone()).unwrap_or_default();
        crate::browser::mark("pipewise:pull:start");
        let changes = couch.changes(&since, BATCH).await?;
        crate::browser::mark("pipewise:pull:fetched");
        if !current(generation) {
            return Err(Fault::Aborted);
        }
        let count = changes.results.len();
        let mut docs = Vec::with_capacity(count);
        for change in changes.results {
            let Some(doc) = change.doc else { continue };
            if change.id.starts_with("_design/") {
                continue;
            }
            if doc.conflicts.is_empty() {
                docs.push(doc);
            } else {
                docs.push(settle(couch, user, &doc.id).await?.unwrap_or(doc));
            }
        }
        take_in(app, team, docs);
        with_run(|run| run.since = changes.last_seq);
        pulled += count;
        if matches!(team.status.get_untracked(), TeamStatus::Connecting { .. }) {
            team.status.set(TeamStatus::Connecting { pulled });
        }
        crate::browser::mark("pipewise:pull:folded");
        if count < BATCH {
            return Ok(());
        }
        keep();
    }
}

/// Settles a document in conflict: its leaves joined, the result written on the
/// winning revision and the losers deleted. The settled document, as the server now
/// holds it.
async fn settle(couch: &Couch, user: &str, id: &str) -> Result<Option<Doc>, Fault> {
    let leaves = couch.leaves(id).await?;
    let Ok(settled) = settle_leaves(&leaves, user) else {
        // A leaf this version cannot read: left as it is (fold leaves it alone too).
        return Ok(leaves.into_iter().next());
    };
    let writes = settled.writes();
    let mut doc = settled.doc;
    if !writes.is_empty() {
        // Another browser may settle the same conflict at the same moment: its 409 is
        // fine, the next pull brings what it wrote.
        let written = couch.bulk_docs(&writes).await?;
        if let (Some(d), Some(w)) = (doc.as_mut(), written.first()) {
            if settled.rewrite && w.id == d.id {
                if let Some(rev) = &w.rev {
                    d.rev = Some(rev.clone());
                } else {
                    d.rev = None;
                }
            }
        }
    }
    Ok(doc)
}

/// Folds pulled documents (and those still waiting) into the book, notes what the
/// server holds, and lists where a teammate's newer edit overruled one of ours.
fn take_in(app: &AppState, team: &Team, docs: Vec<Doc>) {
    let (mut all, pending) =
        with_run(|run| (std::mem::take(&mut run.waiting), run.pending.clone())).unwrap_or_default();
    all.extend(docs);
    if all.is_empty() {
        return;
    }
    let folded = app.book.with_untracked(|book| {
        let ours: Vec<Doc> = all
            .iter()
            .filter(|d| pending.contains(&d.id))
            .cloned()
            .collect();
        let lost = if ours.is_empty() {
            Vec::new()
        } else {
            overruled(book, &ours, crate::browser::day_of)
        };
        (fold(book, &all), lost)
    });
    let (folded, lost) = folded;
    if !lost.is_empty() {
        with_run(|run| {
            run.told.extend(lost);
            let extra = run.told.len().saturating_sub(TOLD);
            run.told.drain(..extra);
        });
        show_lists(team);
    }
    with_run(|run| {
        for doc in &all {
            if folded.took(doc) {
                run.pushed.saw(doc);
            }
        }
        run.waiting = all
            .into_iter()
            .filter(|d| folded.waiting.contains(&d.id))
            .collect();
    });
    app.take_in(folded.book);
}

async fn push(
    app: &AppState,
    team: &Team,
    couch: &Couch,
    user: &str,
    generation: u32,
) -> Result<(), Fault> {
    // A few passes: each 409 or lookup folds what the server holds, then sends again.
    for _ in 0..4 {
        let docs = outgoing(app, user);
        with_run(|run| run.pending = docs.iter().map(|d| d.id.clone()).collect());
        if docs.is_empty() {
            return Ok(());
        }
        team.status.set(TeamStatus::Waiting {
            changes: docs.len(),
            at: with_run(|run| run.last).flatten(),
        });
        let blind: Vec<String> = docs
            .iter()
            .filter(|d| d.rev.is_none())
            .map(|d| d.id.clone())
            .collect();
        if !blind.is_empty() && look_up(app, team, couch, user, &blind).await? {
            // The server held some of them: send again on what it holds.
            continue;
        }
        let mut again = Vec::new();
        for batch in docs.chunks(PUSH_BATCH) {
            crate::browser::mark("pipewise:push:start");
            let written = couch.bulk_docs(batch).await?;
            crate::browser::mark("pipewise:push:end");
            if !current(generation) {
                return Err(Fault::Aborted);
            }
            again.extend(note_written(team, batch, &written));
        }
        keep();
        if again.is_empty() {
            return Ok(());
        }
        look_up(app, team, couch, user, &again).await?;
    }
    Ok(())
}

/// What to send: every changed document but those the server refused as they are.
fn outgoing(app: &AppState, user: &str) -> Vec<Doc> {
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

fn count_waiting(app: &AppState, user: &str) -> usize {
    outgoing(app, user).len()
}

/// Notes each document's answer; returns those that met a newer revision (409).
fn note_written(team: &Team, docs: &[Doc], written: &[Written]) -> Vec<String> {
    let by_id: HashMap<&str, &Written> = written.iter().map(|w| (w.id.as_str(), w)).collect();
    let mut again = Vec::new();
    with_run(|run| {
        for doc in docs {
            let Some(answer) = by_id.get(doc.id.as_str()) else {
                continue;
            };
            match (&answer.rev, answer.error.as_deref()) {
                (Some(rev), None) => {
                    run.pushed.wrote(doc, rev);
                    run.refused.remove(&doc.id);
                }
                (_, Some("conflict")) => again.push(doc.id.clone()),
                (_, Some(_)) => {
                    let reason = answer.reason.clone().unwrap_or_default();
                    let line = format!("{}: {reason}", describe(doc));
                    run.refused.insert(doc.id.clone(), (doc.digest(), line));
                }
                _ => {}
            }
        }
    });
    show_lists(team);
    again
}

/// A document in the rep's words: "the deal “Acme renewal”".
fn describe(doc: &Doc) -> String {
    let record = &doc.record;
    let text = |field: &str| {
        record
            .get(field)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    match doc.kind() {
        Some(pipewise_core::sync::Kind::Deal) => format!("The deal “{}”", text("title")),
        Some(pipewise_core::sync::Kind::Contact) => format!("The contact “{}”", text("name")),
        Some(pipewise_core::sync::Kind::Task) => format!("The task “{}”", text("title")),
        Some(pipewise_core::sync::Kind::Step) => format!("The step “{}”", text("name")),
        None => format!("The document {}", doc.id),
    }
}

/// Looks documents up on the server and folds in what it holds. True when it held any.
async fn look_up(
    app: &AppState,
    team: &Team,
    couch: &Couch,
    user: &str,
    ids: &[String],
) -> Result<bool, Fault> {
    let mut found = Vec::new();
    for chunk in ids.chunks(PUSH_BATCH) {
        let looked = couch.look_up(chunk).await?;
        found.extend(looked.plain);
        for id in looked.leaves_needed {
            if let Some(doc) = settle(couch, user, &id).await? {
                found.push(doc);
            }
        }
    }
    let any = !found.is_empty();
    take_in(app, team, found);
    Ok(any)
}

/// After a round: synced, or how many changes still wait (refused ones apart).
fn show_settled(app: &AppState, team: &Team, user: &str) {
    let changes = count_waiting(app, user);
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

/// Settings' lists: changes not accepted, edits overruled.
fn show_lists(team: &Team) {
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
fn keep() {
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
