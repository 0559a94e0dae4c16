//! Unit tests of every rule and every refusal, one file per kind of record.

mod check;
mod contacts;
mod deals;
mod process;
mod tasks;

use super::{ContactDraft, DealDraft, Now, TaskDraft};
use crate::day::Day;
use crate::ids::{ContactId, DealId, Id, TaskId};
use crate::model::{Book, ContactType, StepId, TaskKind};

/// 2026-03-10.
pub(super) fn today() -> Day {
    day("2026-03-10")
}

pub(super) fn day(iso: &str) -> Day {
    Day::parse_iso(iso).expect("test date")
}

pub(super) fn now() -> Now {
    Now {
        today: today(),
        stamp: 1_000,
    }
}

/// A later moment of the same day, to see which records a change stamped.
pub(super) fn later() -> Now {
    Now {
        today: today(),
        stamp: 2_000,
    }
}

pub(super) fn cid(n: u128) -> ContactId {
    ContactId(Id(n))
}

pub(super) fn did(n: u128) -> DealId {
    DealId(Id(n))
}

pub(super) fn tid(n: u128) -> TaskId {
    TaskId(Id(n))
}

pub(super) const LEAD: StepId = StepId(1);
pub(super) const PROSPECT: StepId = StepId(2);
pub(super) const MEETING: StepId = StepId(3);
pub(super) const PROPOSAL: StepId = StepId(5);

pub(super) fn person(name: &str) -> ContactDraft {
    ContactDraft {
        name: name.into(),
        owner: "Sam".into(),
        source: "Referral".into(),
        ..ContactDraft::default()
    }
}

pub(super) fn deal_draft(title: &str, contact: ContactId) -> DealDraft {
    DealDraft {
        title: title.into(),
        contact,
        owner: "Sam".into(),
        value: 500_000,
        currency: "usd".into(),
        source: "Referral".into(),
        ..DealDraft::default()
    }
}

pub(super) fn task_draft(title: &str, contact: ContactId, deal: Option<DealId>) -> TaskDraft {
    TaskDraft {
        title: title.into(),
        on: today(),
        time: Some(9 * 60),
        duration: Some(30),
        kind: TaskKind::Call,
        contact,
        deal,
        notes: String::new(),
        tag: None,
    }
}

/// Ana (contact 1, a lead since 2026-01-15) with deal 1 opened at Lead on 2026-02-01.
pub(super) fn book_with_deal() -> Book {
    let mut book = Book::default();
    let then = Now {
        today: day("2026-01-15"),
        stamp: 1_000,
    };
    book.add_contact(cid(1), person("Ana"), ContactType::Lead, then)
        .unwrap();
    book.open_deal(
        did(1),
        deal_draft("Ana's renewal", cid(1)),
        LEAD,
        day("2026-02-01"),
        now(),
    )
    .unwrap();
    book
}

/// The refusal's message, as the rep would read it.
pub(super) fn refusal<T: std::fmt::Debug>(result: Result<T, super::BookError>) -> String {
    result.expect_err("expected a refusal").to_string()
}
