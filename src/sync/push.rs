//! Pushing: `sync::to_push`, in batches to `_bulk_docs`. A document whose revision is
//! not known (new, or recalled after a reload) is looked up first and what the server
//! holds folded in, so nothing on the server is written over unseen; a 409 does the same
//! and tries again. What the server refuses (another rep's record) is listed and not
//! sent again until it changes.

use crate::state::AppState;
use crate::sync::couch::{Couch, Fault, Written};
use crate::sync::pull::{settle, take_in};
use crate::sync::state::{current, keep, outgoing, show_lists, with_run};
use crate::team::{Team, TeamStatus};
use leptos::prelude::*;
use pipewise_core::sync::Doc;
use serde_json::Value;
use std::collections::HashMap;

/// Documents per push: servers cap a request's size (pouchdb-server refuses a few MB;
/// a deal with its history is up to ~1.5 kB).
const PUSH_BATCH: usize = 500;

/// Sends what is unsent; returns how many changes still wait (refused ones apart).
pub async fn push(
    app: &AppState,
    team: &Team,
    couch: &Couch,
    user: &str,
    generation: u32,
) -> Result<usize, Fault> {
    // A few passes: each 409 or lookup folds what the server holds, then sends again;
    // the pass after a push finds what is still unsent (changes made meanwhile too).
    for _ in 0..5 {
        let docs = outgoing(app, user);
        with_run(|run| run.pending = docs.iter().map(|d| d.id.clone()).collect());
        if docs.is_empty() {
            return Ok(0);
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
        if !again.is_empty() {
            look_up(app, team, couch, user, &again).await?;
        }
    }
    Ok(outgoing(app, user).len())
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
