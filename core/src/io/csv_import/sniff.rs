//! Reading a CSV file into rows: its encoding, delimiter and header row.

use super::encoding::{decode, Encoding};
use super::fields::Field;
use super::values;
use crate::io::error::ImportError;
use std::collections::HashSet;

/// A CSV file read into rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sniffed {
    pub encoding: Encoding,
    /// `,` `;` tab or `|`.
    pub delimiter: u8,
    /// False when the first row looked like data; `headers` are then "Column 1", ….
    pub has_header: bool,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The 1-based line of the file where each row starts (a quoted cell may span lines).
    pub lines: Vec<usize>,
}

impl Sniffed {
    /// A word for the user when the encoding was a guess.
    pub fn encoding_note(&self) -> Option<String> {
        match self.encoding {
            Encoding::Windows1252 => Some(
                "The file is not UTF-8, so it was read as Windows-1252 (Western European). \
                 Check that accented letters look right; if not, save the file as \
                 \"CSV UTF-8\" and import it again."
                    .into(),
            ),
            Encoding::Utf16Le | Encoding::Utf16Be => {
                Some(format!("The file was read as {}.", self.encoding.label()))
            }
            Encoding::Utf8 | Encoding::Utf8Bom => None,
        }
    }

    /// Non-empty values of the columns mapped to date fields, for `detect_date_format`.
    pub fn date_samples(&self, mapping: &[Field]) -> Vec<String> {
        let columns: Vec<usize> = mapping
            .iter()
            .enumerate()
            .filter(|(_, f)| f.is_date())
            .map(|(i, _)| i)
            .collect();
        self.rows
            .iter()
            .flat_map(|row| columns.iter().filter_map(|&i| row.get(i)))
            .map(|cell| cell.trim())
            .filter(|cell| !cell.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// Distinct non-empty values of the columns mapped to Stage or Status, in order of
    /// first appearance, for `guess_stage_mapping`.
    pub fn stage_values(&self, mapping: &[Field]) -> Vec<String> {
        let mut seen = HashSet::new();
        let mut values = Vec::new();
        for row in &self.rows {
            for (i, field) in mapping.iter().enumerate() {
                if !matches!(field, Field::Stage | Field::Status) {
                    continue;
                }
                let Some(cell) = row.get(i).map(|c| c.trim()) else {
                    continue;
                };
                let open_status = *field == Field::Status && values::is_open_word(cell);
                if !cell.is_empty() && !open_status && seen.insert(cell.to_string()) {
                    values.push(cell.to_string());
                }
            }
        }
        values
    }
}

/// Reads a CSV file's bytes: encoding, delimiter, header row and rows.
pub fn sniff(bytes: &[u8]) -> Result<Sniffed, ImportError> {
    if let Some(kind) = binary_kind(bytes) {
        return Err(ImportError::Binary {
            looks_like: Some(kind),
        });
    }
    let (text, encoding) = decode(bytes);
    if text.contains('\0') {
        return Err(ImportError::Binary { looks_like: None });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let delimiter = guess_delimiter(&text);
    let mut records = Vec::new();
    let mut lines = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    for record in reader.records() {
        // Reading valid text from memory with flexible rows only fails on broken quoting
        // at the very end; keep what was read so far.
        let Ok(record) = record else { break };
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line()) as usize;
        lines.push(line);
        records.push(record.iter().map(str::to_string).collect::<Vec<_>>());
    }
    let Some(first) = records.first() else {
        return Err(ImportError::Empty);
    };
    let has_header = looks_like_header(first);
    let (headers, mut rows, mut lines) = if has_header {
        let headers = records.remove(0);
        lines.remove(0);
        (headers, records, lines)
    } else {
        let width = records.iter().map(Vec::len).max().unwrap_or(0);
        let headers = (1..=width).map(|i| format!("Column {i}")).collect();
        (headers, records, lines)
    };
    // Report footers (Salesforce: "Confidential Information …", "Copyright …") are
    // single-cell lines after the data.
    if headers.len() > 1 {
        while rows.last().is_some_and(|r| r.len() == 1) {
            rows.pop();
            lines.pop();
        }
    }
    if rows.is_empty() {
        return Err(ImportError::NoRows);
    }
    Ok(Sniffed {
        encoding,
        delimiter,
        has_header,
        headers: headers.iter().map(|h| h.trim().to_string()).collect(),
        rows,
        lines,
    })
}

/// Names well-known binary formats people pick by mistake.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some("an Excel workbook (.xlsx) or a zip archive")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("an old Excel workbook (.xls)")
    } else if bytes.starts_with(b"%PDF") {
        Some("a PDF document")
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G']) || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
    {
        Some("an image")
    } else {
        None
    }
}

/// The delimiter that splits the first lines into the most consistent number of cells.
fn guess_delimiter(text: &str) -> u8 {
    let mut end = text.len().min(16 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text.get(..end).unwrap_or(text);
    let mut best = (0usize, b',');
    for delimiter in [b',', b';', b'\t', b'|'] {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(head.as_bytes());
        let counts: Vec<usize> = reader
            .records()
            .take(30)
            .map_while(Result::ok)
            .map(|r| r.len())
            .collect();
        let Some(&width) = counts.first() else {
            continue;
        };
        if width < 2 {
            continue;
        }
        let consistent = counts.iter().filter(|&&n| n == width).count();
        let score = consistent * 1000 + width.min(999);
        if score > best.0 {
            best = (score, delimiter);
        }
    }
    best.1
}

/// A header row has distinct, non-empty labels, none of which looks like a number, a
/// date or an email address.
fn looks_like_header(cells: &[String]) -> bool {
    let mut seen = HashSet::new();
    let labels: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    !labels.is_empty()
        && labels.iter().all(|c| {
            let numeric = c.chars().any(|ch| ch.is_ascii_digit())
                && c.chars()
                    .all(|ch| ch.is_ascii_digit() || " .,-/:$€£".contains(ch));
            !numeric && !c.contains('@') && seen.insert(c.to_lowercase())
        })
}
