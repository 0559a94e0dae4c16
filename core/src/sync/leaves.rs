//! Settling a conflict. Two servers (or two nodes of a cluster) that took edits of one
//! document while apart both keep them, as sibling leaves of its revision tree, and
//! CouchDB shows one of them, the same one everywhere. Pipewise joins every leaf through
//! the one merge, writes the result on that winning leaf, and deletes the other live
//! leaves, so one leaf is left and every replica shows the merged record.

use super::doc::{winning_order, Doc};
use super::wire::Record;
use crate::merge::merge;
use crate::model::{Book, Process};
use serde_json::Value;

/// What settling the leaves of one document asks to write.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Settled {
    /// Every leaf's record joined, on the winning revision (its `_rev`): what the
    /// document holds once settled. When it is new, deleted if the joined record is
    /// removed on its own stamps (a book that keeps it anyway pushes it back live, once).
    /// `None` when no leaf has a body.
    pub doc: Option<Doc>,
    /// Whether `doc` must be written: the winning leaf does not hold that record yet.
    /// (When it does, `doc` is that leaf as it is.)
    pub rewrite: bool,
    /// A deletion without body for each live leaf but the winner, on that leaf's
    /// revision: what they held is in `doc`. Deleted leaves stay as they are.
    pub deletions: Vec<Doc>,
}

impl Settled {
    /// Everything to write, for one `POST /{db}/_bulk_docs`: the settled record first
    /// (when it is new), then the deletions. Nothing when the document was settled.
    pub fn writes(&self) -> Vec<Doc> {
        let doc = self.doc.iter().filter(|_| self.rewrite);
        doc.chain(&self.deletions).cloned().collect()
    }

    /// The revisions that lost, to be deleted.
    pub fn losing_revs(&self) -> Vec<&str> {
        self.deletions
            .iter()
            .filter_map(|d| d.rev.as_deref())
            .collect()
    }
}

/// Settles one document from all its leaf revisions (`GET /{db}/{id}?open_revs=all`,
/// deleted leaves included: a removal can lose to a concurrent edit and still be the
/// newer change). The record written depends on the leaves alone and goes on the leaf
/// CouchDB makes the winner, so every replica that settles the same leaves writes the
/// same record on the same parent; `rep` signs the writes. Refused, changing nothing,
/// when a leaf holds a body this version cannot read (a newer Pipewise wrote it).
pub fn settle_leaves(leaves: &[Doc], rep: &str) -> Result<Settled, String> {
    let Some(winner) = leaves
        .iter()
        .filter(|d| d.rev_parts().is_some())
        .max_by(|a, b| winning_order(a, b))
    else {
        return Ok(Settled::default());
    };
    let leaves: Vec<&Doc> = leaves.iter().filter(|d| d.id == winner.id).collect();
    let joined = join(&leaves)?;
    let mut losing: Vec<&str> = leaves
        .iter()
        .filter(|d| !d.deleted && d.rev != winner.rev)
        .filter_map(|d| d.rev.as_deref())
        .collect();
    losing.sort_unstable();
    losing.dedup();
    let deletions = losing
        .into_iter()
        .map(|rev| Doc {
            rev: Some(rev.to_string()),
            made_by: winner.made_by.clone(),
            ..Doc::new(winner.id.clone(), Value::Null, true, rep)
        })
        .collect();
    // Rewritten only when the joined record differs from the winner's. Whether it is
    // deleted is derived (a book can keep a record its own stamps remove, as a live
    // task keeps its deal) and folding ignores it: a settle that rewrote that alone
    // would fight every book that sees it otherwise, in a loop between two servers.
    let joined = joined.map(|record| (record.to_json(), record.kept_alone()));
    let rewrite = joined
        .as_ref()
        .is_some_and(|(json, _)| *json != winner.record);
    let doc = joined.map(|(json, kept)| {
        if rewrite {
            Doc {
                rev: winner.rev.clone(),
                made_by: winner.made_by.clone(),
                ..Doc::new(winner.id.clone(), json, !kept, rep)
            }
        } else {
            winner.clone()
        }
    });
    Ok(Settled {
        doc,
        rewrite,
        deletions,
    })
}

/// The leaves' records joined: each as a book of one record, merged.
fn join(leaves: &[&Doc]) -> Result<Option<Record>, String> {
    let mut book = Book {
        process: Process { steps: Vec::new() },
        ..Book::default()
    };
    let mut any = false;
    for leaf in leaves {
        let Some(record) = Record::from_doc(leaf)? else {
            continue;
        };
        let mut one = Book {
            process: Process { steps: Vec::new() },
            ..Book::default()
        };
        match record {
            Record::Step(s) => one.process.steps.push(s),
            Record::Contact(c) => one.contacts.push(c),
            Record::Deal(d) => one.deals.push(d),
            Record::Task(t) => one.tasks.push(t),
        }
        book = merge(&book, &one);
        any = true;
    }
    if !any {
        return Ok(None);
    }
    // All leaves are of one document, so the book holds one record, shown or gone.
    let gone = book.gone;
    let record = (book.process.steps.into_iter().chain(gone.steps))
        .map(Record::Step)
        .chain(
            book.contacts
                .into_iter()
                .chain(gone.contacts)
                .map(Record::Contact),
        )
        .chain(book.deals.into_iter().chain(gone.deals).map(Record::Deal))
        .chain(book.tasks.into_iter().chain(gone.tasks).map(Record::Task))
        .next();
    Ok(record)
}
