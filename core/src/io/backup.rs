//! Full JSON backup and restore.
//!
//! The file is an envelope `{"app":"pipewise","schema":N,"saved":…,"book":{…}}`. Backups
//! are written by `store::to_backup_json` (the frozen, versioned shape of each schema);
//! `read_backup` reads every schema through `store::from_backup_json` and its migrations,
//! and also the first envelope `backup_json` wrote (the live model's shape, schema 1).
//! The checks in `validate` apply to any restored or merged book.

use super::error::ImportError;
use super::text::{day_in_range, day_text};
use crate::day::Day;
use crate::model::{Book, Stage, Stamp, Tag};
use crate::store::{self, DecodeError};
use serde::Serialize;
use serde_json::Value;
use std::collections::HashSet;

const APP: &str = "pipewise";
const SCHEMA: u64 = 1;

#[derive(Serialize)]
struct Envelope<'a> {
    app: &'static str,
    schema: u64,
    saved: Stamp,
    book: &'a Book,
}

/// The first backup envelope: the live model's serde shape. Still read by `read_backup`;
/// new backups come from `store::to_backup_json`, whose shape is frozen per schema.
pub fn backup_json(book: &Book, saved: Stamp) -> String {
    let envelope = Envelope {
        app: APP,
        schema: SCHEMA,
        saved,
        book,
    };
    // Serializing plain data with string keys cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

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
    let book_value = envelope
        .remove("book")
        .ok_or_else(|| ImportError::Damaged("it holds no records".into()))?;
    // The first envelope kept the process as `{"steps":[…]}`; every schema's frozen shape
    // keeps it as a list of steps.
    let first_envelope =
        schema == SCHEMA && book_value.get("process").is_some_and(Value::is_object);
    let book: Book = if first_envelope {
        serde_json::from_value(book_value)
            .map_err(|e| ImportError::Damaged(shape_problem(&e.to_string())))?
    } else {
        store::from_backup_json(text).map_err(|e| match e {
            DecodeError::NotOurs => ImportError::OtherApp,
            DecodeError::NewerVersion { found } => ImportError::NewerSchema {
                found: u64::from(found),
                known,
            },
            DecodeError::Corrupt(detail) => ImportError::Damaged(shape_problem(&detail)),
        })?
    };
    validate(&book, today).map_err(ImportError::Invalid)?;
    Ok((book, schema))
}

/// Serde's message, minus the position suffix that means nothing to a rep.
fn shape_problem(message: &str) -> String {
    let message = message.split(" at line ").next().unwrap_or(message);
    format!("a record is not in the expected form ({message})")
}

/// Checks the rules every book keeps (docs/product.md, "Records"): unique ids, no references to missing
/// records, non-empty histories in date order, no dates in the future. The message names
/// the first problem found, in the user's words.
pub fn validate(book: &Book, today: Day) -> Result<(), String> {
    let mut steps = HashSet::new();
    for step in &book.process.steps {
        if !steps.insert(step.id) {
            return Err(format!(
                "two steps of the sales process share the number {}",
                step.id.0
            ));
        }
    }
    let stage_known = |stage: Stage| match stage {
        Stage::Step(id) => steps.contains(&id),
        Stage::Won | Stage::Lost => true,
    };

    let mut contacts = HashSet::new();
    for c in &book.contacts {
        let who = format!("contact “{}”", c.name);
        if !contacts.insert(c.id) {
            return Err(format!(
                "two contacts share the id {} ({who})",
                c.id.0.short()
            ));
        }
        if c.types.is_empty() {
            return Err(format!("{who} has no contact type"));
        }
        check_dates(&who, "contact type", c.types.iter().map(|t| t.on), today)?;
    }

    let mut deals = HashSet::new();
    for d in &book.deals {
        let what = format!("deal “{}”", d.title);
        if !deals.insert(d.id) {
            return Err(format!(
                "two deals share the id {} ({what})",
                d.id.0.short()
            ));
        }
        if !contacts.contains(&d.contact) {
            return Err(format!(
                "{what} belongs to a contact that is not in the file"
            ));
        }
        if d.history.is_empty() {
            return Err(format!("{what} has an empty stage history"));
        }
        if d.history.iter().any(|c| !stage_known(c.stage)) {
            return Err(format!(
                "{what} was in a step that is not in the sales process"
            ));
        }
        if let Some(pair) = d.history.windows(2).find(|w| w[0].stage == w[1].stage) {
            let name = pair[1].stage.name(&book.process);
            return Err(format!("{what} lists the stage “{name}” twice in a row"));
        }
        check_dates(&what, "stage", d.history.iter().map(|c| c.on), today)?;
        if let Some(day) = d.expected_close.filter(|day| !day_in_range(*day)) {
            return Err(format!(
                "{what} has an expected close date ({}) that is not a real date",
                day_text(day)
            ));
        }
    }

    let mut tasks = HashSet::new();
    for t in &book.tasks {
        let what = format!("task “{}”", t.title);
        if !tasks.insert(t.id) {
            return Err(format!(
                "two tasks share the id {} ({what})",
                t.id.0.short()
            ));
        }
        if !contacts.contains(&t.contact) {
            return Err(format!(
                "{what} belongs to a contact that is not in the file"
            ));
        }
        if t.deal.is_some_and(|d| !deals.contains(&d)) {
            return Err(format!("{what} belongs to a deal that is not in the file"));
        }
        if let Tag::Stage(stage) = t.tag {
            if !stage_known(stage) {
                return Err(format!(
                    "{what} is tagged with a step that is not in the sales process"
                ));
            }
        }
        if !day_in_range(t.on) {
            return Err(format!(
                "{what} has a date ({}) that is not a real date",
                day_text(t.on)
            ));
        }
        if let Some(done) = t.done_on {
            check_dates(&what, "done", [done], today)?;
        }
        if t.time.is_some_and(|m| m >= 24 * 60) {
            return Err(format!("{what} has a time past midnight"));
        }
    }
    Ok(())
}

/// Dates must be real, not in the future, and never decreasing.
fn check_dates(
    what: &str,
    kind: &str,
    days: impl IntoIterator<Item = Day>,
    today: Day,
) -> Result<(), String> {
    let mut previous: Option<Day> = None;
    for day in days {
        if !day_in_range(day) {
            return Err(format!(
                "{what} has a {kind} date ({}) that is not a real date",
                day_text(day)
            ));
        }
        if day > today {
            return Err(format!(
                "{what}: {kind} date {} is in the future",
                day_text(day)
            ));
        }
        if let Some(before) = previous.filter(|before| *before > day) {
            return Err(format!(
                "{what}: {kind} dates are out of order ({} comes after {})",
                day_text(day),
                day_text(before)
            ));
        }
        previous = Some(day);
    }
    Ok(())
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

/// A message when a file is too big to be kept in the browser's storage, checked before
/// reading it. `quota_chars` is the storage's capacity in characters.
pub fn too_large(bytes: u64, quota_chars: u64) -> Option<String> {
    if bytes <= quota_chars {
        return None;
    }
    let mb = |n: u64| n as f64 / 1_000_000.0;
    Some(format!(
        "This file is {:.1} MB, but this browser can keep only about {:.1} MB of Pipewise \
         data. Check that it is the right file; a manager merging many backups may need to \
         archive older deals first.",
        mb(bytes),
        mb(quota_chars)
    ))
}
