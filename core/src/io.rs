//! Data in and out of Pipewise (docs/product.md, "Keeping data safe"): JSON backup and restore, merging another
//! browser's backup, CSV export and import, and iCalendar export of tasks.
//!
//! Every reader here takes untrusted bytes and answers `Ok` or a clear `ImportError`;
//! none of them panics, whatever the input.

pub mod backup;
pub mod csv_export;
pub mod csv_import;
pub mod ics;
pub mod merge;

pub use backup::{backup_json, open_backup, read_backup, summarize, too_large, validate, Summary};
pub use csv_export::{export_contacts_csv, export_deals_csv, export_tasks_csv};
pub use csv_import::{
    detect_date_format, guess_mapping, guess_mapping_with_steps, guess_stage_mapping, preview,
    sniff, Choices, Contactless, DateFormat, DateGuess, Encoding, Field, ImportPreview, RowError,
    Sniffed, Target,
};
pub use ics::export_ics;
pub use merge::{apply_merge, plan_merge, MergePlan};

use crate::day::Day;
use crate::model::{Process, Stamp, Tag};
use std::fmt;

/// Why a file could not be read, in the user's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file has no content at all.
    Empty,
    /// The file holds binary data (NUL bytes): a spreadsheet workbook, an image, …
    Binary { looks_like: Option<&'static str> },
    /// Not JSON at all, or JSON cut off before its end.
    NotJson {
        line: usize,
        column: usize,
        truncated: bool,
    },
    /// JSON written by some other program.
    OtherApp,
    /// A backup from a newer Pipewise than this one.
    NewerSchema { found: u64, known: u64 },
    /// The backup's records do not have the expected shape.
    Damaged(String),
    /// The records are readable but break a rule (duplicate ids, missing records, dates).
    Invalid(String),
    /// A CSV file with a header but no data rows.
    NoRows,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => f.write_str("The file is empty."),
            ImportError::Binary {
                looks_like: Some(kind),
            } => write!(
                f,
                "This looks like {kind}, not a text file. Save or export it as CSV first."
            ),
            ImportError::Binary { looks_like: None } => f.write_str(
                "This is not a text file (it contains binary data). Choose a CSV or backup file.",
            ),
            ImportError::NotJson {
                truncated: true, ..
            } => f.write_str(
                "The backup file ends too early: it was probably cut off while saving or \
                 downloading. Try the download again.",
            ),
            ImportError::NotJson { line, column, .. } => write!(
                f,
                "This is not a Pipewise backup: it is not valid JSON (problem at line {line}, \
                 column {column})."
            ),
            ImportError::OtherApp => f.write_str(
                "This JSON file was not made by Pipewise. Choose a backup saved from Pipewise's \
                 Data page.",
            ),
            ImportError::NewerSchema { found, known } => write!(
                f,
                "This backup was saved by a newer version of Pipewise (format {found}; this \
                 version reads up to {known}). Reload the page to update Pipewise, then try again."
            ),
            ImportError::Damaged(detail) => {
                write!(f, "The backup is damaged and cannot be restored: {detail}.")
            }
            ImportError::Invalid(detail) => write!(f, "The file cannot be used: {detail}."),
            ImportError::NoRows => f.write_str("The file has a header row but no data rows."),
        }
    }
}

impl std::error::Error for ImportError {}

/// Days between 1900-01-01 and 2199-12-31: the range of dates Pipewise accepts from a
/// file. Outside it a date is surely a typo, and keeping to it means date arithmetic
/// (which panics far outside) is never reached with silly values.
pub(crate) const FIRST_DAY: Day = Day(-25_567);
pub(crate) const LAST_DAY: Day = Day(84_005);

pub(crate) fn day_in_range(day: Day) -> bool {
    (FIRST_DAY..=LAST_DAY).contains(&day)
}

/// `YYYY-MM-DD` for a day, without the panic `Day::iso` has for absurd day numbers.
pub(crate) fn day_text(day: Day) -> String {
    calendar_date(day)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| format!("(day {})", day.0))
}

pub(crate) fn calendar_date(day: Day) -> Option<chrono::NaiveDate> {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    epoch.checked_add_signed(chrono::TimeDelta::try_days(i64::from(day.0))?)
}

/// The calendar day (UTC) of an edit stamp.
pub(crate) fn stamp_day(stamp: Stamp) -> Day {
    let days = stamp.div_euclid(86_400_000);
    Day(days.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32)
}

/// The name of a task's pipeline tag.
pub(crate) fn tag_name(process: &Process, tag: Tag) -> &str {
    match tag {
        Tag::Stage(stage) => stage.name(process),
        Tag::Contact(kind) => kind.label(),
    }
}

/// Money in cents as a plain decimal, e.g. `1234.50` (no thousands separators, so any
/// spreadsheet reads it as a number).
pub(crate) fn cents_text(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}
