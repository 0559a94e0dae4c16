//! A CouchDB in memory, as far as team sync's tests need one: a revision tree per
//! document, CouchDB's winner, interactive writes that refuse a revision that is not a
//! leaf (409), and replication that unites two servers' trees, so conflicts arise as
//! they do between two servers or cluster nodes that took edits while apart. Documents
//! are kept as JSON text whose numbers went through JavaScript's doubles, as
//! pouchdb-server would keep them.

use pipewise_core::ids::stable_digest;
use pipewise_core::sync::{winning_order, Doc};
use serde_json::{Number, Value};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Couch {
    docs: BTreeMap<String, BTreeMap<String, Node>>,
}

#[derive(Clone, Debug, PartialEq)]
struct Node {
    parent: Option<String>,
    /// The document as stored, `_rev` included.
    text: String,
}

/// CouchDB's 409: the revision given is not a leaf (or none was given for a live doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conflict;

impl Couch {
    pub fn ids(&self) -> Vec<String> {
        self.docs.keys().cloned().collect()
    }

    /// Every leaf of a document (`open_revs=all`).
    pub fn leaves(&self, id: &str) -> Vec<Doc> {
        let Some(tree) = self.docs.get(id) else {
            return Vec::new();
        };
        let parents: BTreeSet<&String> = tree.values().filter_map(|n| n.parent.as_ref()).collect();
        tree.iter()
            .filter(|(rev, _)| !parents.contains(rev))
            .map(|(_, node)| serde_json::from_str(&node.text).expect("a stored doc reads"))
            .collect()
    }

    /// The leaf CouchDB shows.
    pub fn winner(&self, id: &str) -> Option<Doc> {
        self.leaves(id).into_iter().max_by(winning_order)
    }

    /// Documents with more than one live leaf.
    pub fn conflicted(&self) -> Vec<String> {
        self.ids()
            .into_iter()
            .filter(|id| self.leaves(id).iter().filter(|d| !d.deleted).count() > 1)
            .collect()
    }

    /// An interactive write (`PUT`, or one document of `_bulk_docs`): on the leaf named
    /// by `_rev`, or, without one, as a new document (or on top of a deleted one).
    pub fn put(&mut self, doc: &Doc) -> Result<String, Conflict> {
        let leaves: Vec<Doc> = self.leaves(&doc.id);
        let parent = match &doc.rev {
            Some(rev) if leaves.iter().any(|l| l.rev.as_ref() == Some(rev)) => Some(rev.clone()),
            Some(_) => return Err(Conflict),
            None => match leaves.into_iter().max_by(winning_order) {
                None => None,
                Some(w) if w.deleted => w.rev,
                Some(_) => return Err(Conflict),
            },
        };
        let n = parent
            .as_deref()
            .and_then(|p| p.split_once('-'))
            .and_then(|(n, _)| n.parse::<u64>().ok())
            .map_or(1, |n| n + 1);
        let mut value = serde_json::to_value(Doc {
            rev: None,
            ..doc.clone()
        })
        .unwrap();
        javascript(&mut value);
        let body = value.to_string();
        let p = parent.clone().unwrap_or_default();
        let hash = format!(
            "{:016x}{:016x}",
            stable_digest(&[p.as_bytes(), body.as_bytes()]),
            stable_digest(&[b"again", p.as_bytes(), body.as_bytes()])
        );
        let rev = format!("{n}-{hash}");
        value["_rev"] = Value::String(rev.clone());
        let tree = self.docs.entry(doc.id.clone()).or_default();
        if tree.contains_key(&rev) {
            return Err(Conflict);
        }
        let text = value.to_string();
        tree.insert(rev.clone(), Node { parent, text });
        Ok(rev)
    }

    /// Replication: every revision of the chosen documents this server has and `other`
    /// lacks goes over, with its place in the tree.
    pub fn replicate_to(&self, other: &mut Couch, chosen: impl Fn(usize, &str) -> bool) {
        for (i, (id, tree)) in self.docs.iter().enumerate() {
            if !chosen(i, id) {
                continue;
            }
            let theirs = other.docs.entry(id.clone()).or_default();
            for (rev, node) in tree {
                theirs.entry(rev.clone()).or_insert_with(|| node.clone());
            }
        }
    }
}

/// Every number as JavaScript would read and write it: a double.
pub fn javascript(value: &mut Value) {
    match value {
        Value::Number(n) => {
            let f = n.as_f64().unwrap_or(f64::NAN);
            if f.fract() == 0.0 && f.abs() < 1e21 {
                *n = if f < 0.0 {
                    Number::from(f as i64)
                } else {
                    Number::from(f as u64)
                };
            } else if let Some(f) = Number::from_f64(f) {
                *n = f;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(javascript),
        Value::Object(map) => map.values_mut().for_each(javascript),
        _ => {}
    }
}

/// The numbers in `value` that JavaScript cannot hold exactly.
pub fn too_wide(value: &Value, path: &str, out: &mut Vec<String>) {
    match value {
        Value::Number(n) => {
            let exact = n.as_i64().is_some_and(|i| i.unsigned_abs() <= 1 << 53)
                || n.as_u64().is_some_and(|u| u <= 1 << 53);
            if !exact {
                out.push(format!("{path} = {n}"));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                too_wide(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                too_wide(item, &format!("{path}.{key}"), out);
            }
        }
        _ => {}
    }
}
