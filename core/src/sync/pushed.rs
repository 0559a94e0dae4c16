//! What the server holds, as far as this browser knows: per document, the revision last
//! pulled or pushed and a digest of its content. What to push is every document of the
//! book whose content differs from that, on that revision. Kept in localStorage beside
//! the book, so it is packed: about 43 bytes a document, 15 bits a char. The 10k
//! pipeline's 49,000 documents take 1.13 million chars: beside the book's 1.94 million
//! that is more than Safari's 2.5 million an origin gets, so a browser holding a book
//! that large needs IndexedDB for it (the revisions are random; they do not deflate).

use super::doc::{doc_id, parse_doc_id, Doc, Kind};
use super::fold::each_record;
use crate::model::Book;
use crate::store::pack::{bytes_to_text, text_to_bytes};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashMap;

/// One document as the server was last seen to hold it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seen {
    pub rev: String,
    /// [`Doc::digest`] of what it held.
    pub digest: u64,
}

/// What the server holds, per document id. Serialized as one packed string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pushed {
    docs: HashMap<String, Seen>,
}

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
            rev: rev.to_string(),
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

    /// The packed text, the same for the same content (entries in id order).
    pub fn to_text(&self) -> String {
        let mut entries: Vec<(&String, &Seen)> = self.docs.iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut out = Vec::with_capacity(1 + 43 * entries.len());
        out.push(FORMAT);
        for (id, seen) in entries {
            put_id(&mut out, id);
            put_rev(&mut out, &seen.rev);
            out.extend_from_slice(&seen.digest.to_le_bytes());
        }
        bytes_to_text(&out)
    }

    /// Reads [`Pushed::to_text`]. Anything else is refused; the app then starts afresh
    /// with an empty record, which only costs pulls and 409s, never data.
    pub fn from_text(text: &str) -> Result<Pushed, String> {
        let bytes = text_to_bytes(text)?;
        let mut r = Reader {
            bytes: &bytes,
            at: 0,
        };
        if r.byte()? != FORMAT {
            return Err("it is not a record of pushed documents this version knows".into());
        }
        let mut docs = HashMap::new();
        while r.at < bytes.len() {
            let id = r.id()?;
            let rev = r.rev()?;
            let digest = u64::from_le_bytes(r.array()?);
            docs.insert(id, Seen { rev, digest });
        }
        Ok(Pushed { docs })
    }
}

/// The documents of the book whose content differs from what the server was last seen
/// to hold (new ones, edited ones, removed ones), each on the revision it replaces, as
/// written by `rep`. Nothing right after a push or a pull that changed nothing.
pub fn to_push(book: &Book, pushed: &Pushed, rep: &str) -> Vec<Doc> {
    let mut out = Vec::new();
    // Digests from the records themselves: only changed documents are built.
    let mut buffer = Vec::new();
    each_record(book, |record, deleted| {
        let id = record.doc_id();
        let seen = pushed.docs.get(&id);
        if seen.map(|s| s.digest) != Some(record.digest(deleted, &mut buffer)) {
            out.push(Doc {
                rev: seen.map(|s| s.rev.clone()),
                ..Doc::new(id, record.to_json(), deleted, rep)
            });
        }
    });
    out
}

impl Serialize for Pushed {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_text())
    }
}

impl<'de> Deserialize<'de> for Pushed {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Pushed, D::Error> {
        let text = String::deserialize(d)?;
        Pushed::from_text(&text).map_err(serde::de::Error::custom)
    }
}

/// The first byte of the packed bytes: their layout, which is, per document in id order:
/// the id (a tag, then 16 bytes for a contact, deal or task, a varint for a step, or the
/// id's text for anything else), the revision (`N` and the 16 bytes of a 32-hex-digit
/// hash, or the revision's text) and the digest (8 bytes).
const FORMAT: u8 = 1;

const TEXT: u8 = 0;
const HEX: u8 = 1;

fn id_tag(kind: Kind) -> u8 {
    match kind {
        Kind::Contact => 1,
        Kind::Deal => 2,
        Kind::Task => 3,
        Kind::Step => 4,
    }
}

fn put_id(out: &mut Vec<u8>, id: &str) {
    if let Some((kind, key)) = parse_doc_id(id) {
        if kind == Kind::Step {
            if let Some(n) = decimal(key) {
                out.push(id_tag(kind));
                put_varint(out, n);
                return;
            }
        } else if let Some(n) = hex128(key) {
            out.push(id_tag(kind));
            out.extend_from_slice(&n.to_be_bytes());
            return;
        }
    }
    out.push(TEXT);
    put_text(out, id);
}

fn put_rev(out: &mut Vec<u8>, rev: &str) {
    if let Some((n, hash)) = rev.split_once('-') {
        if let (Some(n), Some(hash)) = (decimal(n), hex128(hash)) {
            out.push(HEX);
            put_varint(out, n);
            out.extend_from_slice(&hash.to_be_bytes());
            return;
        }
    }
    out.push(TEXT);
    put_text(out, rev);
}

/// 32 lowercase hex digits, exactly as they are written back.
fn hex128(text: &str) -> Option<u128> {
    let hex = text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    hex.then(|| u128::from_str_radix(text, 16).ok()).flatten()
}

/// A decimal number exactly as it is written back (no sign, no leading zero).
fn decimal(text: &str) -> Option<u64> {
    let n: u64 = text.parse().ok()?;
    (n.to_string() == text).then_some(n)
}

fn put_text(out: &mut Vec<u8>, text: &str) {
    put_varint(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("it ends in the middle of a document")?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn varint(&mut self) -> Result<u64, String> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err("it holds a number too long".into())
    }

    fn text(&mut self) -> Result<String, String> {
        let n = usize::try_from(self.varint()?).map_err(|_| "a text too long")?;
        let bytes = self.take(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| "it holds broken text".into())
    }

    fn id(&mut self) -> Result<String, String> {
        let kind = match self.byte()? {
            TEXT => return self.text(),
            1 => Kind::Contact,
            2 => Kind::Deal,
            3 => Kind::Task,
            4 => return Ok(doc_id(Kind::Step, self.varint()?)),
            other => return Err(format!("it holds an id of unknown form {other}")),
        };
        let id = u128::from_be_bytes(self.array()?);
        Ok(doc_id(kind, format!("{id:032x}")))
    }

    fn rev(&mut self) -> Result<String, String> {
        match self.byte()? {
            TEXT => self.text(),
            HEX => {
                let n = self.varint()?;
                let hash = u128::from_be_bytes(self.array()?);
                Ok(format!("{n}-{hash:032x}"))
            }
            other => Err(format!("it holds a revision of unknown form {other}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packed_text_reads_back_whatever_the_ids_and_revisions() {
        let mut pushed = Pushed::new();
        let ids = [
            "deal:4000000000004000800000000000002a",
            "step:18446744073709551615",
            "step:007",
            "contact:4000000000004000800000000000002A",
            "_design/pipewise",
            "task:ünïcode",
        ];
        let revs = [
            "3-0123456789abcdef0123456789abcdef",
            "12-abc",
            "1-0123456789ABCDEF0123456789ABCDEF",
            "no dash",
            "01-0123456789abcdef0123456789abcdef",
            "",
        ];
        for (i, (id, rev)) in ids.iter().zip(revs).enumerate() {
            let doc = Doc::new(
                id.to_string(),
                serde_json::json!({ "n": i }),
                i % 2 == 0,
                "ana",
            );
            pushed.wrote(&doc, rev);
        }
        let text = pushed.to_text();
        assert_eq!(Pushed::from_text(&text), Ok(pushed.clone()));
        let json = serde_json::to_string(&pushed).unwrap();
        assert_eq!(serde_json::from_str::<Pushed>(&json).unwrap(), pushed);
        assert!(Pushed::from_text(&text[..text.len() - 3]).is_err());
        assert!(Pushed::from_text("plain text").is_err());
        assert_eq!(
            Pushed::from_text(&Pushed::new().to_text()),
            Ok(Pushed::new())
        );
    }
}
