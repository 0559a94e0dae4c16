//! What the server holds, as far as this browser knows: per document, the revision last
//! pulled or pushed, who made the document, and a digest of its content. What to push
//! is every document of the book whose content differs from that.
//!
//! In memory it is exact. What is kept in localStorage is a summary
//! ([`Pushed::summary`]): the documents fall into [`BUCKETS`] buckets by id, and each
//! bucket keeps one number, the sum of its documents' digests. The 10k pipeline's 49,000
//! documents and their random revisions would take 1.13 million UTF-16 chars, which with
//! the book's 1.94 million is more than Safari's 2.5 million an origin gets; the summary
//! takes 17,500. After a reload ([`Pushed::recall`]) every document of a bucket whose sum
//! still matches the book is known to be on the server as it is, only its revision is
//! not; the others (edited while the page was closed) are pushed as "ask the server
//! first": without a revision, which the app looks up, folding what the server holds
//! before writing on it.

use super::doc::Doc;
use super::fold::each_record;
use crate::ids::stable_digest;
use crate::model::Book;
use crate::store::pack::{bytes_to_text, text_to_bytes};
use std::collections::HashMap;

/// One document as the server was last seen to hold it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seen {
    /// `None` when only its content is known (recalled from the summary): the app asks
    /// the server for the revision before writing on it.
    pub rev: Option<String>,
    /// The CouchDB user who made the document (`Doc::made_by`); empty when unknown.
    pub made_by: String,
    /// [`Doc::digest`] of what it held.
    pub digest: u64,
}

/// What the server holds, per document id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pushed {
    docs: HashMap<String, Seen>,
}

/// How many buckets the summary has: 32 kB of sums, and about a dozen documents a bucket
/// for the 10k pipeline (an edit made while the page was closed costs that many lookups).
pub const BUCKETS: usize = 4096;

impl Pushed {
    pub fn new() -> Pushed {
        Pushed::default()
    }

    /// Notes a document as the server holds it: pulled and taken in (see
    /// `Folded::took`), or settled. A document without `_rev` is not on the server and
    /// is left out.
    pub fn saw(&mut self, doc: &Doc) {
        if let Some(rev) = &doc.rev {
            self.wrote(doc, rev);
        }
    }

    /// Notes a document just written, under the revision the server gave it.
    pub fn wrote(&mut self, doc: &Doc, rev: &str) {
        let seen = Seen {
            rev: Some(rev.to_string()),
            made_by: doc.made_by.clone(),
            digest: doc.digest(),
        };
        self.docs.insert(doc.id.clone(), seen);
    }

    pub fn seen(&self, id: &str) -> Option<&Seen> {
        self.docs.get(id)
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The packed summary kept in localStorage: per bucket, the sum of the digests of its
    /// documents. The same for the same content.
    pub fn summary(&self) -> String {
        let mut sums = vec![0u64; BUCKETS];
        for (id, seen) in &self.docs {
            let (bucket, part) = share(id, seen.digest);
            sums[bucket] = sums[bucket].wrapping_add(part);
        }
        pack_sums(&sums)
    }

    /// What a reload knows from a [`Pushed::summary`]: every document of the book in a
    /// bucket whose sum the book still matches, without its revision. An unreadable
    /// summary recalls nothing, which costs lookups, never data.
    pub fn recall(book: &Book, summary: &str) -> Pushed {
        let Some(kept) = unpack_sums(summary) else {
            return Pushed::new();
        };
        let mut sums = vec![0u64; BUCKETS];
        let mut local: Vec<(String, usize, u64)> = Vec::new();
        let mut buffer = Vec::new();
        each_record(book, |record, deleted| {
            let id = record.doc_id();
            let digest = record.digest(deleted, &mut buffer);
            let (bucket, part) = share(&id, digest);
            sums[bucket] = sums[bucket].wrapping_add(part);
            local.push((id, bucket, digest));
        });
        let docs = local
            .into_iter()
            .filter(|(_, bucket, _)| sums[*bucket] == kept[*bucket] && kept[*bucket] != 0)
            .map(|(id, _, digest)| {
                let seen = Seen {
                    rev: None,
                    made_by: String::new(),
                    digest,
                };
                (id, seen)
            })
            .collect();
        Pushed { docs }
    }
}

/// A document's bucket and its part of the bucket's sum (never 0, so an empty bucket is
/// told from a full one).
fn share(id: &str, digest: u64) -> (usize, u64) {
    let bucket = (stable_digest(&[id.as_bytes()]) % BUCKETS as u64) as usize;
    let part = stable_digest(&[id.as_bytes(), &digest.to_le_bytes()]) | 1;
    (bucket, part)
}

/// The first byte of the packed summary: its layout (then [`BUCKETS`] little-endian
/// `u64` sums).
const FORMAT: u8 = 2;

fn pack_sums(sums: &[u64]) -> String {
    let mut out = Vec::with_capacity(1 + 8 * sums.len());
    out.push(FORMAT);
    for sum in sums {
        out.extend_from_slice(&sum.to_le_bytes());
    }
    bytes_to_text(&out)
}

fn unpack_sums(text: &str) -> Option<Vec<u64>> {
    let bytes = text_to_bytes(text).ok()?;
    let (&format, sums) = bytes.split_first()?;
    if format != FORMAT || sums.len() != 8 * BUCKETS {
        return None;
    }
    let sums = sums.chunks_exact(8);
    Some(
        sums.map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()))
            .collect(),
    )
}

/// The documents of the book whose content differs from what the server was last seen
/// to hold (new ones, edited ones, removed ones), each on the revision it replaces, as
/// written by `rep`. Nothing right after a push or a pull that changed nothing. A
/// document without a revision is new, or one whose revision the app must look up.
pub fn to_push(book: &Book, pushed: &Pushed, rep: &str) -> Vec<Doc> {
    let mut out = Vec::new();
    // Digests from the records themselves: only changed documents are built.
    let mut buffer = Vec::new();
    each_record(book, |record, deleted| {
        let id = record.doc_id();
        let seen = pushed.docs.get(&id);
        if seen.map(|s| s.digest) != Some(record.digest(deleted, &mut buffer)) {
            let mut doc = Doc::new(id, record.to_json(), deleted, rep);
            if let Some(seen) = seen {
                doc.rev = seen.rev.clone();
                if !seen.made_by.is_empty() {
                    doc.made_by = seen.made_by.clone();
                }
            }
            out.push(doc);
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_reads_back_and_refuses_anything_else() {
        let mut pushed = Pushed::new();
        for i in 0..50 {
            let doc = Doc::new(
                format!("deal:{i:032x}"),
                serde_json::json!({ "n": i }),
                i % 2 == 0,
                "ana",
            );
            pushed.wrote(&doc, &format!("1-{i}"));
        }
        let text = pushed.summary();
        assert_eq!(unpack_sums(&text).map(|s| s.len()), Some(BUCKETS));
        assert!(text.encode_utf16().count() < 18_000);
        assert_eq!(unpack_sums(&text[..text.len() - 3]), None);
        assert_eq!(unpack_sums("plain text"), None);
        assert_eq!(
            Pushed::recall(&Book::default(), "plain text"),
            Pushed::new()
        );
    }
}
