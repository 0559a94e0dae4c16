//! Full JSON backup and restore.
//!
//! The file is an envelope `{"app":"pipewise","schema":N,"saved":…,"book":{…}}`. Backups
//! are written by `store::to_backup_json` (the frozen, versioned shape of each schema);
//! `read_backup` reads every schema through `store::from_backup_json` and its migrations,
//! The checks in `validate` (the book's own rules) apply to any restored or merged book.

use super::error::ImportError;
use crate::day::Day;
use crate::model::Book;
use crate::store::{self, DecodeError};
use serde_json::Value;

const APP: &str = "pipewise";

/// Reads a backup file, checking every record before anything is restored.
pub fn read_backup(text: &str, today: Day) -> Result<Book, ImportError> {
    open_backup(text, today).map(|(book, _)| book)
}

/// `read_backup` that also tells the schema the file was written in (older schemas are
/// migrated to the current model), for the restore preview.
pub fn open_backup(text: &str, today: Day) -> Result<(Book, u64), ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if text.contains('\0') {
        return Err(ImportError::Binary { looks_like: None });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        truncated: e.classify() == serde_json::error::Category::Eof,
    })?;
    let Value::Object(mut envelope) = value else {
        return Err(ImportError::OtherApp);
    };
    if envelope.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(ImportError::OtherApp);
    }
    let known = u64::from(store::SCHEMA_VERSION);
    let schema = match envelope.get("schema").and_then(Value::as_u64) {
        Some(found) if found > known => return Err(ImportError::NewerSchema { found, known }),
        Some(found) if found >= 1 => found,
        _ => {
            return Err(ImportError::Damaged(
                "its format number is missing or unknown".into(),
            ))
        }
    };
    if envelope.remove("book").is_none() {
        return Err(ImportError::Damaged("it holds no records".into()));
    }
    let book = store::from_backup_json(text).map_err(|e| match e {
        DecodeError::NotOurs => ImportError::OtherApp,
        DecodeError::NewerVersion { found } => ImportError::NewerSchema {
            found: u64::from(found),
            known,
        },
        DecodeError::Corrupt(detail) => ImportError::Damaged(shape_problem(&detail)),
    })?;
    validate(&book, today).map_err(ImportError::Invalid)?;
    Ok((book, schema))
}

/// Serde's message, minus the position suffix that means nothing to a rep.
fn shape_problem(message: &str) -> String {
    let message = message.split(" at line ").next().unwrap_or(message);
    format!("a record is not in the expected form ({message})")
}

/// Checks the rules every book keeps (docs/product.md, "Records"): the same check the
/// forms' rules keep ([`Book::check`]), so whatever the app can write it can read back.
/// `today` should be the latest date anywhere on Earth ([`crate::book::Now::anywhere`]):
/// a file written today in Kiribati is not from the future in Hawaii. The message names
/// the first problem found, in the user's words.
pub fn validate(book: &Book, today: Day) -> Result<(), String> {
    book.check(today).map_err(|e| e.to_string())
}

/// What a backup holds, shown before the user agrees to restore it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Summary {
    pub contacts: usize,
    pub deals: usize,
    pub tasks: usize,
    pub stage_changes: usize,
    /// The earliest and latest dates of any record.
    pub first_day: Option<Day>,
    pub last_day: Option<Day>,
    /// Every owner named on a contact or deal, sorted.
    pub owners: Vec<String>,
}

pub fn summarize(book: &Book) -> Summary {
    let days = book
        .contacts
        .iter()
        .flat_map(|c| c.types.iter().map(|t| t.on))
        .chain(
            book.deals
                .iter()
                .flat_map(|d| d.history.iter().map(|c| c.on)),
        )
        .chain(
            book.tasks
                .iter()
                .flat_map(|t| std::iter::once(t.on).chain(t.done_on)),
        );
    let (first_day, last_day) =
        days.fold((None, None), |(lo, hi): (Option<Day>, Option<Day>), d| {
            (
                Some(lo.map_or(d, |lo| lo.min(d))),
                Some(hi.map_or(d, |hi| hi.max(d))),
            )
        });
    let mut owners: Vec<String> = book
        .contacts
        .iter()
        .map(|c| c.owner.trim())
        .chain(book.deals.iter().map(|d| d.owner.trim()))
        .filter(|o| !o.is_empty())
        .map(str::to_string)
        .collect();
    owners.sort();
    owners.dedup();
    Summary {
        contacts: book.contacts.len(),
        deals: book.deals.len(),
        tasks: book.tasks.len(),
        stage_changes: book.deals.iter().map(|d| d.history.len()).sum(),
        first_day,
        last_day,
        owners,
    }
}

/// A backup or export file is text many times larger than the packed form the browser
/// keeps (a 10,000-deal backup is about 55 MB, stored in about 1.9 million characters):
/// a file up to this many times the quota may still fit once read.
pub const FILE_PER_STORED: u64 = 30;

/// Refuses, before reading it, a file far too large for this browser to keep: more
/// than [`FILE_PER_STORED`] times the storage quota. A file under that is read and
/// checked; should the book it holds still not fit, saving says so and keeps everything
/// in the tab.
pub fn too_large(bytes: u64, quota_chars: u64) -> Option<String> {
    let limit = quota_chars.saturating_mul(FILE_PER_STORED);
    if bytes <= limit {
        return None;
    }
    let mb = |n: u64| n as f64 / 1_000_000.0;
    Some(format!(
        "This file is {:.0} MB, more than this browser could keep (files up to about {:.0} MB \
         fit its {:.1} MB for Pipewise). Check that it is the right file; a manager merging \
         many backups may need to archive older deals first.",
        mb(bytes),
        mb(limit),
        mb(quota_chars)
    ))
}
