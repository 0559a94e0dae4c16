//! A record as the JSON of a document's body, and back: the model's own serde shape
//! (days as ISO text), except that the 64-bit numbers are written as decimal text.
//! Change ids are digests and custom step ids random, so they use all 64 bits, and
//! JavaScript rounds any integer above 2^53; ranks are halved and doubled and could get
//! there too. The model's own serde (backups, storage) is left as it is.
//!
//! A step's name is written as given, without the number a book shows beside a second
//! step of one name: settling identical leaves must change nothing, or two servers
//! would pass a document back and forth for ever.

use super::doc::{doc_id, parse_doc_id, Doc, Kind};
use crate::ids::stable_digest;
use crate::model::{Contact, Deal, Step, Task};
use crate::store::SCHEMA_VERSION;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// One record of the book, as a document holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    Step(Step),
    Contact(Contact),
    Deal(Deal),
    Task(Task),
}

/// A record of the book, borrowed: what mapping the book to documents walks over.
#[derive(Clone, Copy, Debug)]
pub(crate) enum View<'a> {
    Step(&'a Step),
    Contact(&'a Contact),
    Deal(&'a Deal),
    Task(&'a Task),
}

impl Record {
    pub fn kind(&self) -> Kind {
        self.view().kind()
    }

    /// The id of the record's document.
    pub fn doc_id(&self) -> String {
        self.view().doc_id()
    }

    /// Whether the record stands on its own stamps: never removed, or edited after its
    /// removal. (In a book, other records can keep it too: a live deal keeps its contact.)
    pub fn kept_alone(&self) -> bool {
        let (removed, edited) = match self {
            Record::Step(s) => (s.removed, s.stamps.iter().copied().max().unwrap_or(0)),
            Record::Contact(c) => (c.removed, c.edited),
            Record::Deal(d) => (d.removed, d.edited),
            Record::Task(t) => (t.removed, t.edited),
        };
        crate::merge::kept(removed, edited)
    }

    /// The record as a body's `record`.
    pub fn to_json(&self) -> Value {
        self.view().to_json()
    }

    /// The record a document holds; `None` for a document that is not one of ours or
    /// has no body (a losing leaf deleted after a settle). An error says why a body is
    /// not a record this version can read.
    pub fn from_doc(doc: &Doc) -> Result<Option<Record>, String> {
        let Some((kind, _)) = parse_doc_id(&doc.id) else {
            return Ok(None);
        };
        if doc.record.is_null() {
            return Ok(None);
        }
        if doc.schema > SCHEMA_VERSION {
            return Err(format!(
                "{} was written by a newer Pipewise (schema {})",
                doc.id, doc.schema
            ));
        }
        let record = from_json(kind, &doc.record)?;
        if record.doc_id() != doc.id {
            return Err(format!("the record in {} has another id", doc.id));
        }
        Ok(Some(record))
    }

    pub(crate) fn view(&self) -> View<'_> {
        match self {
            Record::Step(s) => View::Step(s),
            Record::Contact(c) => View::Contact(c),
            Record::Deal(d) => View::Deal(d),
            Record::Task(t) => View::Task(t),
        }
    }
}

impl View<'_> {
    pub(crate) fn kind(self) -> Kind {
        match self {
            View::Step(_) => Kind::Step,
            View::Contact(_) => Kind::Contact,
            View::Deal(_) => Kind::Deal,
            View::Task(_) => Kind::Task,
        }
    }

    pub(crate) fn doc_id(self) -> String {
        match self {
            View::Step(s) => doc_id(Kind::Step, s.id.0),
            View::Contact(c) => doc_id(Kind::Contact, c.id),
            View::Deal(d) => doc_id(Kind::Deal, d.id),
            View::Task(t) => doc_id(Kind::Task, t.id),
        }
    }

    /// The record as a body's `record`, its 64-bit numbers as text.
    pub(crate) fn to_json(self) -> Value {
        // The model's types always serialize (no maps with non-text keys, no floats).
        let mut value = match self {
            View::Step(s) => serde_json::to_value(as_written(s)),
            View::Contact(c) => serde_json::to_value(c),
            View::Deal(d) => serde_json::to_value(d),
            View::Task(t) => serde_json::to_value(t),
        }
        .unwrap_or(Value::Null);
        for path in wide_numbers(self.kind()) {
            visit(&mut value, path, &|v| {
                if let Some(n) = v.as_u64() {
                    *v = Value::String(n.to_string());
                }
            });
        }
        value
    }

    /// What the record's document says, as one number: `stable_digest` of whether it
    /// is deleted and of the record's JSON text in the model's own shape (a canonical
    /// text: fields in the order of the struct). `buffer` is reused between records.
    pub(crate) fn digest(self, deleted: bool, buffer: &mut Vec<u8>) -> u64 {
        buffer.clear();
        let _ = match self {
            View::Step(s) => serde_json::to_writer(&mut *buffer, &as_written(s)),
            View::Contact(c) => serde_json::to_writer(&mut *buffer, c),
            View::Deal(d) => serde_json::to_writer(&mut *buffer, d),
            View::Task(t) => serde_json::to_writer(&mut *buffer, t),
        };
        stable_digest(&[&[u8::from(deleted)], buffer.as_slice()])
    }
}

impl Doc {
    /// What the document says, as one number: its record and whether it is deleted, not
    /// its revision or who wrote it, nor how the server spelled its JSON. A document
    /// pulled from the server and the same record mapped from the book have the same
    /// digest, so it is not pushed back. (A body that is not a record gets a digest no
    /// record has.)
    pub fn digest(&self) -> u64 {
        match Record::from_doc(self) {
            Ok(Some(record)) => record.view().digest(self.deleted, &mut Vec::new()),
            _ => {
                let text = self.record.to_string();
                stable_digest(&[b"not a record", &[u8::from(self.deleted)], text.as_bytes()])
            }
        }
    }
}

/// The step with its name as given (see the module's comment).
fn as_written(step: &Step) -> Step {
    Step {
        name: crate::merge::unnumbered(&step.name).to_string(),
        ..step.clone()
    }
}

/// The record a body's `record` holds. A number where text is expected is read too (a
/// document written by hand or by another tool).
fn from_json(kind: Kind, record: &Value) -> Result<Record, String> {
    let mut value = record.clone();
    for path in wide_numbers(kind) {
        visit(&mut value, path, &|v| {
            if let Some(n) = v.as_str().and_then(|s| s.parse::<u64>().ok()) {
                *v = Value::Number(n.into());
            }
        });
    }
    let what = kind.as_str();
    fn parse<T: DeserializeOwned>(value: Value, what: &str) -> Result<T, String> {
        serde_json::from_value(value).map_err(|e| format!("not a {what}: {e}"))
    }
    Ok(match kind {
        Kind::Step => Record::Step(parse(value, what)?),
        Kind::Contact => Record::Contact(parse(value, what)?),
        Kind::Deal => Record::Deal(parse(value, what)?),
        Kind::Task => Record::Task(parse(value, what)?),
    })
}

/// Where a kind of record holds a 64-bit id or rank: paths of keys, `*` standing for
/// every element of a list. A stage is `{"Step": id}` (or `"Won"`, `"Lost"`), a task's
/// tag `{"Stage": stage}` or `{"Contact": type}`. A test walks whole books of documents
/// for any number above 2^53, so a new wide field cannot be forgotten here.
fn wide_numbers(kind: Kind) -> &'static [&'static [&'static str]] {
    match kind {
        Kind::Step => &[&["id"], &["rank"]],
        Kind::Contact => &[&["types", "*", "id"], &["hidden_types", "*", "id"]],
        Kind::Deal => &[
            &["history", "*", "id"],
            &["history", "*", "stage", "Step"],
            &["hidden", "*", "id"],
            &["hidden", "*", "stage", "Step"],
        ],
        Kind::Task => &[&["tag", "Stage", "Step"]],
    }
}

/// Calls `f` on every value at `path`; a path that leads nowhere is left alone.
fn visit(value: &mut Value, path: &[&str], f: &impl Fn(&mut Value)) {
    match path.split_first() {
        None => f(value),
        Some((&"*", rest)) => {
            if let Value::Array(items) = value {
                for item in items {
                    visit(item, rest, f);
                }
            }
        }
        Some((key, rest)) => {
            if let Some(inner) = value.get_mut(*key) {
                visit(inner, rest, f);
            }
        }
    }
}
