//! Why the book refused a change, worded for the rep who asked for it.

use crate::day::Day;
use crate::model::{ContactType, Stage};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BookError {
    ContactNotFound,
    DealNotFound,
    TaskNotFound,
    StepNotFound,
    /// Zero-based index into a deal's stage history.
    StageChangeNotFound,
    /// A record with this id already exists ("contact", "deal", "task").
    IdTaken(&'static str),
    /// A required text was empty ("Title", "Name", "Loss reason", "Step name").
    Required(&'static str),
    NegativeValue,
    BadCurrency(String),
    BadEmail(String),
    BadTime(u16),
    BadDuration(u16),
    /// `what` names the date in the form: "Stage date", "Type date", "Done date", …
    DateOutOfRange {
        what: &'static str,
        on: Day,
    },
    FutureDate {
        what: &'static str,
        on: Day,
    },
    BeforePrevious {
        what: &'static str,
        on: Day,
        previous: Day,
    },
    AfterNext {
        what: &'static str,
        on: Day,
        next: Day,
    },
    /// The deal is already at this step (its name).
    SameStep(String),
    SameType(ContactType),
    /// The deal is won or lost: it has to be reopened first.
    DealClosed(Stage),
    /// Only a won or lost deal can be reopened.
    DealNotClosed,
    DealOfOtherContact,
    OnlyStageChange,
    /// Removing a stage change would leave a history that makes no sense; says why.
    BadHistory(String),
    TaskAlreadyDone,
    TaskNotDone,
    StepNameTaken(String),
    StepInUse {
        name: String,
        deals: usize,
    },
    LastStep,
    MergeIntoItself,
    TooManySteps,
    ZeroStuckAfter,
    /// A broken record found by `Book::check`, described.
    Invalid(String),
}

impl std::error::Error for BookError {}

impl fmt::Display for BookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use BookError::*;
        match self {
            ContactNotFound => write!(f, "Contact not found"),
            DealNotFound => write!(f, "Deal not found"),
            TaskNotFound => write!(f, "Task not found"),
            StepNotFound => write!(f, "Step not found in the sales process"),
            StageChangeNotFound => write!(
                f,
                "This stage change is no longer in the deal's history (changed in another tab or by a merge)"
            ),
            IdTaken(record) => write!(f, "This {record} already exists"),
            Required(what) => write!(f, "{what} is required"),
            NegativeValue => write!(f, "Value cannot be negative"),
            BadCurrency(code) => write!(
                f,
                "Currency '{code}' is not a three-letter code like USD or EUR"
            ),
            BadEmail(email) => write!(f, "'{email}' does not look like an email address"),
            BadTime(minutes) => write!(
                f,
                "Time must be between 00:00 and 23:59 (got {minutes} minutes after midnight)"
            ),
            BadDuration(minutes) => write!(
                f,
                "Duration must be between 1 minute and 24 hours (got {minutes} minutes)"
            ),
            DateOutOfRange { what, on } => write!(
                f,
                "{what} {} is out of range ({} to {})",
                show(*on),
                show(super::limits::EARLIEST),
                show(super::limits::LATEST)
            ),
            FutureDate { what, on } => write!(f, "{what} {} is in the future", show(*on)),
            BeforePrevious { what, on, previous } => write!(
                f,
                "{what} {} is before the previous change ({})",
                show(*on),
                show(*previous)
            ),
            AfterNext { what, on, next } => write!(
                f,
                "{what} {} is after the next change ({})",
                show(*on),
                show(*next)
            ),
            SameStep(name) => write!(f, "The deal is already at '{name}'"),
            SameType(kind) => write!(f, "The contact is already a {}", kind.as_str()),
            DealClosed(Stage::Won) => write!(f, "This deal is won; reopen it first"),
            DealClosed(_) => write!(f, "This deal is lost; reopen it first"),
            DealNotClosed => write!(f, "Only a won or lost deal can be reopened"),
            DealOfOtherContact => write!(f, "That deal belongs to another contact"),
            OnlyStageChange => write!(f, "A deal's only stage change cannot be removed"),
            BadHistory(why) => write!(f, "{why}"),
            TaskAlreadyDone => write!(f, "The task is already done"),
            TaskNotDone => write!(f, "The task is not done"),
            StepNameTaken(name) => write!(f, "A step named '{name}' already exists"),
            StepInUse { name, deals: 1 } => {
                write!(f, "Cannot remove step '{name}': 1 deal has been in it")
            }
            StepInUse { name, deals } => {
                write!(
                    f,
                    "Cannot remove step '{name}': {deals} deals have been in it"
                )
            }
            LastStep => write!(f, "The sales process needs at least one step"),
            MergeIntoItself => write!(f, "A step cannot be merged into itself"),
            TooManySteps => write!(f, "No more steps can be added"),
            ZeroStuckAfter => write!(f, "A deal can only be stuck after at least 1 day"),
            Invalid(why) => write!(f, "{why}"),
        }
    }
}

/// `YYYY-MM-DD`, without panicking on days outside the calendar library's range
/// (`Day::iso` would): such days are shown by number.
pub(crate) fn show(day: Day) -> String {
    // 719_163 = days from 0001-01-01 (day 1 of the common era) to 1970-01-01.
    day.0
        .checked_add(719_163)
        .and_then(chrono::NaiveDate::from_num_days_from_ce_opt)
        .map(crate::day::iso_text)
        .unwrap_or_else(|| format!("day {}", day.0))
}
