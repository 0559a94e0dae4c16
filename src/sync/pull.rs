//! Pulling: the changes feed from the checkpoint, in batches, each folded into the book
//! with the one merge (`sync::fold`); a document in conflict is settled first
//! (`sync::settle_leaves`) and the settled revision written back. Where a pulled
//! document meets an edit of ours not yet sent, what newest-wins kept is listed.

use crate::state::AppState;
use crate::sync::couch::{Couch, Fault};
use crate::sync::state::{current, keep, show_lists, with_run, TOLD};
use crate::team::{Team, TeamStatus};
use leptos::prelude::*;
use pipewise_core::sync::{fold, overruled, settle_leaves, Doc};

/// Documents per pull: fewer, larger batches fold faster (each batch is one merge).
const BATCH: usize = 5000;

pub async fn pull(
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
pub async fn settle(couch: &Couch, user: &str, id: &str) -> Result<Option<Doc>, Fault> {
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
pub fn take_in(app: &AppState, team: &Team, docs: Vec<Doc>) {
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
