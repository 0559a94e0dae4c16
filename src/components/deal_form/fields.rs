//! The deal form's values as typed, their parsing, and where the core's refusals go.

use leptos::prelude::*;
use pipewise_core::book::BookError;
use pipewise_core::{Book, Cents, Day, DealId, StepId};

/// Every field of the deal form, as the user typed it.
#[derive(Clone, Copy)]
pub struct Fields {
    pub title: RwSignal<String>,
    pub contact: RwSignal<String>,
    pub owner: RwSignal<String>,
    pub value: RwSignal<String>,
    pub currency: RwSignal<String>,
    pub source: RwSignal<String>,
    pub close: RwSignal<String>,
    pub step: RwSignal<String>,
    pub date: RwSignal<String>,
    pub notes: RwSignal<String>,
}

/// One error slot per field that can be refused, plus one for the rest.
#[derive(Clone, Copy)]
pub struct Errors {
    pub title: RwSignal<Option<String>>,
    pub contact: RwSignal<Option<String>>,
    pub value: RwSignal<Option<String>>,
    pub currency: RwSignal<Option<String>>,
    pub close: RwSignal<Option<String>>,
    pub date: RwSignal<Option<String>>,
    pub form: RwSignal<Option<String>>,
}

impl Errors {
    pub fn new() -> Errors {
        Errors {
            title: RwSignal::new(None),
            contact: RwSignal::new(None),
            value: RwSignal::new(None),
            currency: RwSignal::new(None),
            close: RwSignal::new(None),
            date: RwSignal::new(None),
            form: RwSignal::new(None),
        }
    }

    pub fn clear(&self) {
        for slot in [
            self.title,
            self.contact,
            self.value,
            self.currency,
            self.close,
            self.date,
            self.form,
        ] {
            slot.set(None);
        }
    }

    /// Shows a refusal from the core next to the field it is about.
    pub fn show(&self, error: BookError) {
        let slot = match &error {
            BookError::Required("Title") => self.title,
            BookError::Required("Name") => self.contact,
            BookError::NegativeValue => self.value,
            BookError::BadCurrency(_) => self.currency,
            BookError::DateOutOfRange {
                what: "Expected close date",
                ..
            } => self.close,
            BookError::DateOutOfRange { .. } | BookError::FutureDate { .. } => self.date,
            _ => self.form,
        };
        slot.set(Some(error.to_string()));
    }
}

impl Fields {
    /// Blank fields for a new deal: owner and currency from the settings, today's date,
    /// the first step.
    pub fn blank(book: &Book, today: Day) -> Fields {
        let first = book
            .process
            .steps
            .first()
            .map(|s| s.id.0.to_string())
            .unwrap_or_default();
        Fields::with([
            "",
            "",
            &book.settings.me,
            "",
            &book.settings.currency,
            "",
            "",
            &first,
            &today.iso(),
            "",
        ])
    }

    /// The deal's current details, for editing.
    pub fn of(book: &Book, id: DealId) -> Option<Fields> {
        let deal = book.deal(id)?;
        let contact = book
            .contact(deal.contact)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        let value = whole_units(deal.value);
        let close = deal.expected_close.map(|d| d.iso()).unwrap_or_default();
        Some(Fields::with([
            &deal.title,
            &contact,
            &deal.owner,
            &value,
            &deal.currency,
            &deal.source,
            &close,
            "",
            "",
            &deal.notes,
        ]))
    }

    fn with(v: [&str; 10]) -> Fields {
        let s = |i: usize| RwSignal::new(v[i].to_string());
        Fields {
            title: s(0),
            contact: s(1),
            owner: s(2),
            value: s(3),
            currency: s(4),
            source: s(5),
            close: s(6),
            step: s(7),
            date: s(8),
            notes: s(9),
        }
    }

    /// The value in cents, or the message for the field.
    pub fn cents(&self) -> Result<Cents, String> {
        let text: String = self
            .value
            .get_untracked()
            .chars()
            .filter(|c| !matches!(c, ',' | ' ' | '_'))
            .collect();
        if text.is_empty() {
            return Ok(0);
        }
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() && v.abs() < 1e15 => Ok((v * 100.0).round() as Cents),
            _ => Err("Enter an amount, like 12500 or 99.50".into()),
        }
    }

    /// The expected close date, when given, or the message for the field.
    pub fn expected_close(&self) -> Result<Option<Day>, String> {
        let text = self.close.get_untracked();
        if text.trim().is_empty() {
            return Ok(None);
        }
        Day::parse_iso(&text)
            .map(Some)
            .ok_or_else(|| "Enter a date, or leave it empty".into())
    }

    pub fn first_step(&self) -> Option<StepId> {
        self.step.get_untracked().parse().ok().map(StepId)
    }

    pub fn opened_on(&self) -> Result<Day, String> {
        Day::parse_iso(&self.date.get_untracked())
            .ok_or_else(|| "Enter the date the deal started".into())
    }
}

/// Cents as the number a rep would type: "12500" or "99.5".
fn whole_units(cents: Cents) -> String {
    if cents % 100 == 0 {
        (cents / 100).to_string()
    } else {
        format!("{:.2}", cents as f64 / 100.0)
    }
}
