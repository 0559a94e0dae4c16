//! One CouchDB document as Pipewise writes and reads it, and the rule by which CouchDB
//! picks the winning revision among a document's leaves.

use crate::store::SCHEMA_VERSION;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;
use std::cmp::Ordering;

/// What a document holds: one record of the book. Its name starts the document id
/// (`deal:…`) and is written as the body's `kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Step,
    Contact,
    Deal,
    Task,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Step, Kind::Contact, Kind::Deal, Kind::Task];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Step => "step",
            Kind::Contact => "contact",
            Kind::Deal => "deal",
            Kind::Task => "task",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// The id of the document of a record: `contact:<32 hex digits>`, `step:<decimal>`.
pub fn doc_id(kind: Kind, key: impl std::fmt::Display) -> String {
    format!("{}:{key}", kind.as_str())
}

/// The kind and the record's key of a document id; `None` for a document that is not a
/// record of ours (a design document, another application's).
pub fn parse_doc_id(id: &str) -> Option<(Kind, &str)> {
    let (kind, key) = id.split_once(':')?;
    Some((Kind::parse(kind)?, key))
}

/// A document as CouchDB sends and takes it. Fields CouchDB adds that Pipewise does not
/// use (`_revisions`, `_attachments`, …) are ignored when reading.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Doc {
    #[serde(rename = "_id")]
    pub id: String,
    /// `N-hash`; `None` for a document the server has not got yet.
    #[serde(rename = "_rev", default)]
    pub rev: Option<String>,
    /// A removed record (its body is kept), or a losing leaf deleted after a settle (no
    /// body).
    #[serde(rename = "_deleted", default)]
    pub deleted: bool,
    /// The CouchDB user who wrote this revision.
    #[serde(default)]
    pub rep: String,
    /// The CouchDB user who made the document, kept by every later revision: whose record
    /// it is, for the `validate_doc_update` that lets only them (or a manager) change it.
    #[serde(default)]
    pub made_by: String,
    /// The schema of the record (`store::SCHEMA_VERSION` of the Pipewise that wrote it):
    /// a version never reads, so never writes over, a record of a newer schema.
    #[serde(default)]
    pub schema: u32,
    /// The record in the model's JSON shape, ids as text (`wire.rs`); null on a
    /// deletion with no body.
    #[serde(default)]
    pub record: Value,
    /// Losing live leaves, when asked for with `conflicts=true`: the document needs
    /// [`settle_leaves`](crate::sync::settle_leaves). Never written.
    #[serde(rename = "_conflicts", default)]
    pub conflicts: Vec<String>,
    /// Deleted leaves other than the winner, when asked for with `deleted_conflicts=true`.
    /// A removal that lost to a concurrent edit is one of them: settle a document again
    /// when a rev appears here that was not looked at before. Never written.
    #[serde(rename = "_deleted_conflicts", default)]
    pub deleted_conflicts: Vec<String>,
}

impl Doc {
    /// A document not yet on the server (no `_rev`).
    pub fn new(id: String, record: Value, deleted: bool, rep: &str) -> Doc {
        Doc {
            id,
            rev: None,
            deleted,
            rep: rep.to_string(),
            made_by: rep.to_string(),
            schema: SCHEMA_VERSION,
            record,
            conflicts: Vec::new(),
            deleted_conflicts: Vec::new(),
        }
    }

    /// The document's kind, from its id.
    pub fn kind(&self) -> Option<Kind> {
        parse_doc_id(&self.id).map(|(kind, _)| kind)
    }

    /// The parts of the revision: its number `N` (how many edits led to it) and its hash.
    pub fn rev_parts(&self) -> Option<(u64, &str)> {
        let (n, hash) = self.rev.as_deref()?.split_once('-')?;
        Some((n.parse().ok()?, hash))
    }
}

/// CouchDB's order of the leaves of one document, the same on every replica: the
/// greatest wins. A live leaf beats a deleted one; then the longer history (the `N` of
/// `N-hash`); then the greater hash. A leaf without a readable revision comes last.
pub fn winning_order(a: &Doc, b: &Doc) -> Ordering {
    let key = |d: &Doc| {
        d.rev_parts()
            .map(|(n, hash)| (!d.deleted, n, hash.to_string()))
    };
    key(a).cmp(&key(b))
}

impl Serialize for Doc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// The body as written: `_conflicts` and `_deleted_conflicts` stay out (CouchDB
        /// refuses special fields it does not know on a write), `kind` comes from the id.
        #[derive(Serialize)]
        struct Written<'a> {
            #[serde(rename = "_id")]
            id: &'a str,
            #[serde(rename = "_rev", skip_serializing_if = "Option::is_none")]
            rev: Option<&'a str>,
            #[serde(rename = "_deleted", skip_serializing_if = "std::ops::Not::not")]
            deleted: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            kind: Option<&'static str>,
            #[serde(skip_serializing_if = "str::is_empty")]
            rep: &'a str,
            #[serde(skip_serializing_if = "str::is_empty")]
            made_by: &'a str,
            #[serde(skip_serializing_if = "is_zero")]
            schema: u32,
            #[serde(skip_serializing_if = "Value::is_null")]
            record: &'a Value,
        }
        Written {
            id: &self.id,
            rev: self.rev.as_deref(),
            deleted: self.deleted,
            kind: self.kind().map(Kind::as_str),
            rep: &self.rep,
            made_by: &self.made_by,
            schema: self.schema,
            record: &self.record,
        }
        .serialize(s)
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(rev: &str, deleted: bool) -> Doc {
        Doc {
            rev: Some(rev.into()),
            ..Doc::new("deal:1".into(), Value::Null, deleted, "")
        }
    }

    #[test]
    fn the_winner_is_live_then_longest_then_greatest_hash() {
        let pick = |leaves: &[Doc]| {
            leaves
                .iter()
                .max_by(|a, b| winning_order(a, b))
                .and_then(|d| d.rev.clone())
        };
        let live = leaf("2-aa", false);
        let longer_deleted = leaf("9-ff", true);
        assert_eq!(
            pick(&[longer_deleted, live.clone()]).as_deref(),
            Some("2-aa")
        );
        // 10 beats 9 as a number, not as text.
        assert_eq!(
            pick(&[leaf("9-ff", false), leaf("10-00", false)]).as_deref(),
            Some("10-00")
        );
        assert_eq!(
            pick(&[leaf("3-ab", false), leaf("3-b0", false)]).as_deref(),
            Some("3-b0")
        );
        assert_eq!(
            pick(&[leaf("3-ab", true), leaf("4-00", true)]).as_deref(),
            Some("4-00")
        );
        assert_eq!(
            pick(&[leaf("nonsense", false), live]).as_deref(),
            Some("2-aa")
        );
    }

    #[test]
    fn ids_name_their_kind() {
        assert_eq!(doc_id(Kind::Step, 3), "step:3");
        assert_eq!(parse_doc_id("deal:00ff"), Some((Kind::Deal, "00ff")));
        assert_eq!(parse_doc_id("_design/pipewise"), None);
        assert_eq!(parse_doc_id("note:1"), None);
    }
}
