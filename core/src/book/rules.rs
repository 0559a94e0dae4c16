//! Field and date rules shared by the events: trimmed text, required names, money,
//! currency codes, emails, times, and the two date rules of every history (never in the
//! future, never before the entry it follows).

use super::drafts::{ContactDraft, DealDraft, TaskDraft};
use super::error::BookError;
use crate::day::Day;

use super::limits::{EARLIEST, LATEST};

const MINUTES_PER_DAY: u16 = 24 * 60;

pub(crate) fn in_range(what: &'static str, on: Day) -> Result<(), BookError> {
    if on < EARLIEST || on > LATEST {
        return Err(BookError::DateOutOfRange { what, on });
    }
    Ok(())
}

/// A date something happened: in range and not after today.
pub(crate) fn happened(what: &'static str, on: Day, today: Day) -> Result<(), BookError> {
    in_range(what, on)?;
    if on > today {
        return Err(BookError::FutureDate { what, on });
    }
    Ok(())
}

/// A date appended to a history: it happened, and not before the last entry
/// (the same day is fine; reps log several changes in one sitting).
pub(crate) fn follows(
    what: &'static str,
    on: Day,
    previous: Option<Day>,
    today: Day,
) -> Result<(), BookError> {
    happened(what, on, today)?;
    match previous {
        Some(previous) if on < previous => Err(BookError::BeforePrevious { what, on, previous }),
        _ => Ok(()),
    }
}

pub(crate) fn required(what: &'static str, text: &str) -> Result<String, BookError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(BookError::Required(what));
    }
    Ok(text.to_string())
}

pub(crate) fn currency(code: &str) -> Result<String, BookError> {
    let code = code.trim();
    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(BookError::BadCurrency(code.to_string()));
    }
    Ok(code.to_ascii_uppercase())
}

/// Something@something.tld with no spaces: enough to catch a phone number or a name typed
/// in the wrong box, without rejecting real addresses.
pub(crate) fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !email.chars().any(char::is_whitespace)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

impl ContactDraft {
    /// The draft trimmed and checked, ready to store.
    pub(crate) fn cleaned(self) -> Result<ContactDraft, BookError> {
        let name = required("Name", &self.name)?;
        let email = self.email.trim().to_string();
        if !email.is_empty() && !looks_like_email(&email) {
            return Err(BookError::BadEmail(email));
        }
        Ok(ContactDraft {
            name,
            company: self.company.trim().into(),
            email,
            phone: self.phone.trim().into(),
            owner: self.owner.trim().into(),
            source: self.source.trim().into(),
            notes: self.notes.trim().into(),
        })
    }
}

impl DealDraft {
    /// The draft trimmed and checked (contact existence is checked by the caller).
    pub(crate) fn cleaned(self) -> Result<DealDraft, BookError> {
        let title = required("Title", &self.title)?;
        if self.value < 0 {
            return Err(BookError::NegativeValue);
        }
        let currency = currency(&self.currency)?;
        if let Some(close) = self.expected_close {
            in_range("Expected close date", close)?;
        }
        Ok(DealDraft {
            title,
            currency,
            owner: self.owner.trim().into(),
            source: self.source.trim().into(),
            notes: self.notes.trim().into(),
            ..self
        })
    }
}

impl TaskDraft {
    /// The draft trimmed and checked (contact, deal and tag are checked by the caller).
    pub(crate) fn cleaned(self) -> Result<TaskDraft, BookError> {
        let title = required("Title", &self.title)?;
        in_range("Task date", self.on)?;
        if let Some(time) = self.time.filter(|t| *t >= MINUTES_PER_DAY) {
            return Err(BookError::BadTime(time));
        }
        if let Some(duration) = self.duration.filter(|d| *d == 0 || *d > MINUTES_PER_DAY) {
            return Err(BookError::BadDuration(duration));
        }
        Ok(TaskDraft {
            title,
            notes: self.notes.trim().into(),
            ..self
        })
    }
}

/// Sets one field of a record and its stamp, when the value changes; says whether it did.
/// Only changed fields take the new stamp, so a merge keeps a teammate's newer edit of
/// any other field.
pub(crate) fn set<T: PartialEq>(
    field: &mut T,
    stamp: &mut crate::model::Stamp,
    value: T,
    now: crate::model::Stamp,
) -> bool {
    if *field == value {
        return false;
    }
    *field = value;
    // Later than the value it replaces, even should this clock be behind the one that
    // set that value: an edit is always the newer one.
    // (A value set earlier in this same action keeps this action's stamp.)
    if *stamp != now {
        *stamp = now.max(stamp.saturating_add(1));
    }
    true
}
