//! Why a file could not be read, in the user's words.

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
