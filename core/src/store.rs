//! The storage format (docs/product.md, "Keeping data safe"): what goes into localStorage, and the JSON backup.
//!
//! Stored text is `pipewise:<schema>:<revision>:<packed>`. The header is plain so a
//! tab can see another tab's write (`peek_revision`) without unpacking anything. The
//! packed part is the schema's columnar bytes (`v2/packed.rs`), deflated, followed by an
//! Adler-32 checksum of the header and the deflated bytes, written 15 bits per char
//! (`pack.rs`). A 10,000-deal pipeline takes about 1.94 million chars (1.34 million in
//! schema 1, before change ids and field stamps), under the ~5 MB (2.5M UTF-16 units in
//! Safari) an origin gets.
//!
//! The backup is `{"app":"pipewise","schema":2,"saved":…,"book":{…}}`, the book in the
//! model's own serde shape (days as `"2026-03-01"`). Schema-1 data, stored or backed
//! up, is still read (`v1.rs`: frozen structs and a read-only packed reader) and
//! migrated into the model.
//!
//! # Adding schema 3
//! 1. Freeze schema 2: copy the records of `model.rs` (and the serde of the types they
//!    use, like `Day`'s ISO text) into `store/v2.rs` as structs of their own, and point
//!    `v2/packed.rs` at them. From then on `v2.rs` and `v2/packed.rs` never change.
//! 2. Delete `v2::packed::write` (it writes the live model); `v2::packed::read` stays.
//!    Write `impl From<v2::Book> for model::Book` (the migration) and turn the schema-1
//!    migration into `From<v1::Book> for v2::Book`, so old data takes every step.
//! 3. Add `store/v3/packed.rs` for the new model, `Versioned::V3`, read it in
//!    `read_packed`/`from_backup_json`, bump `SCHEMA_VERSION`, and point
//!    `encode`/`to_backup_json` at v3.
//! 4. Add schema-3 fixtures beside the older ones; keep every old fixture and its test.

mod bytes;
mod flate;
/// Also packs team sync's record of what was pushed (`sync/pushed.rs`).
pub(crate) mod pack;
pub mod v1;
pub mod v2;

use crate::model::Book;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The schema `encode` and `to_backup_json` write.
pub const SCHEMA_VERSION: u32 = 2;

const MAGIC: &str = "pipewise:";
const APP: &str = "pipewise";
/// Fast deflate: level 1 already gets most of the gain on this columnar data.
const DEFLATE_LEVEL: u8 = 1;
/// Refuse to inflate past this, so crafted data cannot exhaust memory.
const MAX_PAYLOAD: usize = 64 << 20;

/// What `decode` found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The book, migrated to the current model.
    pub book: Book,
    /// The writer's revision counter, from the header.
    pub revision: u64,
    /// The schema the data was written in (older ones were migrated).
    pub version: u32,
}

/// Why stored data or a backup could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not something Pipewise wrote.
    NotOurs,
    /// Written by a newer Pipewise than this one.
    NewerVersion { found: u32 },
    /// Ours, but damaged; the detail says where.
    Corrupt(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotOurs => f.write_str("This isn't Pipewise data."),
            DecodeError::NewerVersion { found } => write!(
                f,
                "This data was saved by a newer version of Pipewise (schema {found}); this \
                 version reads up to schema {SCHEMA_VERSION}. Reload the page to get the \
                 newest version. Nothing has been changed."
            ),
            DecodeError::Corrupt(detail) => write!(
                f,
                "This Pipewise data is damaged and can't be read: {detail}. It has been \
                 left as it is."
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

fn corrupt(detail: impl Into<String>) -> DecodeError {
    DecodeError::Corrupt(detail.into())
}

/// A book as some schema stored it, before migration to the current model.
enum Versioned {
    V1(v1::Book),
    /// Schema 2 is the current model.
    V2(Book),
}

impl Versioned {
    /// Runs the migrations: each schema converts into the next, the newest into the model.
    fn into_latest(self) -> Book {
        match self {
            Versioned::V1(b) => b.into(),
            Versioned::V2(b) => b,
        }
    }
}

/// The stored form of a book: a plain header and the packed data.
pub fn encode(book: &Book, revision: u64) -> String {
    let (header, framed) = frame(book, revision);
    let mut text = header;
    text.push_str(&pack::bytes_to_text(&framed));
    text
}

/// [`encode`]'s text as UTF-16 code units, the form the browser keeps: handing these to
/// JavaScript skips converting four megabytes of UTF-8 on every save.
pub fn encode_units(book: &Book, revision: u64) -> Vec<u16> {
    let (header, framed) = frame(book, revision);
    let mut units = Vec::with_capacity(header.len() + pack::units_for(framed.len()));
    units.extend(header.encode_utf16());
    pack::push_units(&framed, &mut units);
    units
}

/// The header, and the deflated payload followed by its checksum.
fn frame(book: &Book, revision: u64) -> (String, Vec<u8>) {
    let header = format!("{MAGIC}{SCHEMA_VERSION}:{revision}:");
    let payload = v2::packed::write(book);
    let mut framed = flate::deflate(&payload, DEFLATE_LEVEL);
    let sum = checksum(&header, &framed);
    framed.extend_from_slice(&sum.to_be_bytes());
    (header, framed)
}

/// Reads stored text back. Never panics, whatever the input.
pub fn decode(stored: &str) -> Result<Decoded, DecodeError> {
    let header = read_header(stored)?;
    if header.version > SCHEMA_VERSION {
        return Err(DecodeError::NewerVersion {
            found: header.version,
        });
    }
    let head_text = stored.get(..header.len).unwrap_or_default();
    let packed = stored.get(header.len..).unwrap_or_default();
    let framed =
        pack::text_to_bytes(packed).map_err(|e| corrupt(format!("the packed part: {e}")))?;
    let split = framed
        .len()
        .checked_sub(4)
        .ok_or_else(|| corrupt("the packed part is too short"))?;
    let (deflated, sum) = framed.split_at(split);
    if sum != checksum(head_text, deflated).to_be_bytes() {
        return Err(corrupt("its checksum does not match"));
    }
    let payload =
        flate::inflate(deflated, MAX_PAYLOAD).ok_or_else(|| corrupt("it does not unpack"))?;
    let book = read_packed(header.version, &payload)?;
    Ok(Decoded {
        book: book.into_latest(),
        revision: header.revision,
        version: header.version,
    })
}

/// The revision in the header, without unpacking the data: cheap enough to run on
/// every storage event.
pub fn peek_revision(stored: &str) -> Option<u64> {
    read_header(stored).ok().map(|h| h.revision)
}

fn read_packed(version: u32, payload: &[u8]) -> Result<Versioned, DecodeError> {
    match version {
        1 => v1::packed::read(payload).map(Versioned::V1),
        2 => v2::packed::read(payload).map(Versioned::V2),
        _ => Err(format!("schema {version} was never written")),
    }
    .map_err(|e| corrupt(format!("{e} (schema {version})")))
}

struct Header {
    version: u32,
    revision: u64,
    /// Length in bytes of the header text, up to and including the last ':'.
    len: usize,
}

fn read_header(stored: &str) -> Result<Header, DecodeError> {
    let rest = stored.strip_prefix(MAGIC).ok_or(DecodeError::NotOurs)?;
    let mut parts = rest.splitn(3, ':');
    let version_text = parts.next().unwrap_or_default();
    let revision_text = parts.next().unwrap_or_default();
    let version: u32 =
        parse_digits(version_text).ok_or_else(|| corrupt("its schema number is unreadable"))?;
    let revision = parse_digits(revision_text)
        .filter(|_| parts.next().is_some())
        .ok_or_else(|| corrupt("its revision number is unreadable"))?;
    if version == 0 {
        return Err(corrupt("schema 0 was never written"));
    }
    Ok(Header {
        version,
        revision,
        len: MAGIC.len() + version_text.len() + 1 + revision_text.len() + 1,
    })
}

/// Digits only: `str::parse` would also take a leading `+`.
fn parse_digits<T: std::str::FromStr>(text: &str) -> Option<T> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Adler-32 over the header text and the deflated bytes, so a damaged header (say, a
/// changed revision) is caught as surely as damaged data.
fn checksum(header: &str, deflated: &[u8]) -> u32 {
    let mut sum = adler2::Adler32::new();
    sum.write_slice(header.as_bytes());
    for block in deflated.chunks(flate::BLOCK) {
        flate::adler_block(&mut sum, block);
    }
    sum.checksum()
}

// ---- JSON backup ----

#[derive(Serialize)]
struct BackupOut<'a> {
    app: &'static str,
    schema: u32,
    /// The newest edit in the book (ms since 1970): the moment the backup reflects.
    saved: i64,
    book: &'a Book,
}

#[derive(Deserialize)]
struct BackupHead {
    app: Option<String>,
    schema: Option<u64>,
}

#[derive(Deserialize)]
struct BackupBody<B> {
    book: B,
}

/// A readable JSON backup: `{"app":"pipewise","schema":2,"saved":…,"book":{…}}`.
/// `saved` is the newest edit stamp of any record, removed ones included, so the same
/// book always gives the same file.
pub fn to_backup_json(book: &Book) -> String {
    let gone = &book.gone;
    let contacts = book.contacts.iter().chain(&gone.contacts);
    let deals = book.deals.iter().chain(&gone.deals);
    let tasks = book.tasks.iter().chain(&gone.tasks);
    let saved = contacts
        .map(|c| c.edited)
        .chain(deals.map(|d| d.edited))
        .chain(tasks.map(|t| t.edited))
        .max()
        .unwrap_or(0);
    let out = BackupOut {
        app: APP,
        schema: SCHEMA_VERSION,
        saved,
        book,
    };
    // Plain data with string keys: serializing it cannot fail.
    let pretty = serde_json::to_string_pretty(&out).unwrap_or_default();
    inline_number_lists(&pretty)
}

/// Pretty JSON with each list of numbers (the per-field stamps) on one line,
/// `"stamps": [1767225600000, 0, 0]`, instead of one number a line. Works line by line,
/// which is safe because a JSON string never holds a raw line break: a line ending in
/// `[` always opens a list.
fn inline_number_lists(pretty: &str) -> String {
    let is_number = |line: &&str| {
        let item = line.trim().trim_end_matches(',');
        !item.is_empty() && item.bytes().all(|b| b.is_ascii_digit() || b == b'-')
    };
    let mut out = String::with_capacity(pretty.len());
    let mut lines = pretty.lines().peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        if line.ends_with('[') && lines.peek().is_some_and(is_number) {
            let mut first = true;
            while let Some(item) = lines.next_if(is_number) {
                if !first {
                    out.push(' ');
                }
                out.push_str(item.trim());
                first = false;
            }
            if let Some(close) = lines.next_if(|l| l.trim_start().starts_with(']')) {
                out.push_str(close.trim_start());
            }
        }
        out.push('\n');
    }
    out.pop();
    out
}

/// Reads a JSON backup of any schema so far, migrating it to the current model.
pub fn from_backup_json(text: &str) -> Result<Book, DecodeError> {
    let head: BackupHead = match serde_json::from_str(text) {
        Ok(head) => head,
        // Broken JSON that names us is a damaged backup; anything else is a stranger's.
        Err(e) if text.contains("\"pipewise\"") => {
            return Err(corrupt(format!("the file is not complete JSON ({e})")))
        }
        Err(_) => return Err(DecodeError::NotOurs),
    };
    if head.app.as_deref() != Some(APP) {
        return Err(DecodeError::NotOurs);
    }
    let schema = head
        .schema
        .ok_or_else(|| corrupt("the backup has no schema number"))?;
    let schema = u32::try_from(schema).unwrap_or(u32::MAX);
    if schema > SCHEMA_VERSION {
        return Err(DecodeError::NewerVersion { found: schema });
    }
    let book = match schema {
        1 => serde_json::from_str::<BackupBody<v1::Book>>(text).map(|b| Versioned::V1(b.book)),
        2 => serde_json::from_str::<BackupBody<Book>>(text).map(|b| Versioned::V2(b.book)),
        _ => return Err(corrupt(format!("schema {schema} was never written"))),
    }
    .map_err(|e| corrupt(format!("{e}")))?;
    Ok(book.into_latest())
}
