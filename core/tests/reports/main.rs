//! Report figures against hand-computed values. Every book here is built record by
//! record; the arithmetic behind each expected figure is in the comment beside it.
//! The report period is Q1 2026 (Jan 1 – Mar 31, 90 days) and today is 2026-04-15
//! unless a test says otherwise.

use pipewise_core::reports::*;
use pipewise_core::*;
use proptest::prelude::*;

fn day(y: i32, m: u32, d: u32) -> Day {
    Day::from_ymd(y, m, d).unwrap()
}
fn jan(d: u32) -> Day {
    day(2026, 1, d)
}
fn feb(d: u32) -> Day {
    day(2026, 2, d)
}
fn mar(d: u32) -> Day {
    day(2026, 3, d)
}
fn apr(d: u32) -> Day {
    day(2026, 4, d)
}
fn today() -> Day {
    apr(15)
}
fn q1() -> Period {
    Period::new(jan(1), mar(31))
}
fn step(k: u64) -> Stage {
    Stage::Step(StepId(k))
}
const LEAD: u64 = 1;
const PROSPECT: u64 = 2;
const MEETING: u64 = 3;
const NEEDS: u64 = 4;
const PROPOSAL: u64 = 5;

fn id(n: u128) -> DealId {
    DealId(Id(n))
}

fn deal(n: u128, owner: &str, value: Cents, history: &[(Stage, Day)]) -> Deal {
    Deal {
        id: id(n),
        title: format!("Deal {n}"),
        contact: ContactId(Id(1)),
        owner: owner.into(),
        value,
        currency: "USD".into(),
        source: String::new(),
        expected_close: None,
        notes: String::new(),
        history: StageChange::sequence(
            Id(n),
            0,
            history
                .iter()
                .map(|&(stage, on)| (stage, on, String::new()))
                .collect(),
        ),
        hidden: Vec::new(),
        stamps: [0; 8],
        edited: 0,
        removed: 0,
    }
}

fn book(deals: Vec<Deal>) -> Book {
    Book {
        deals,
        ..Book::default()
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * (1.0 + a.abs().max(b.abs()))
}

fn assert_close(a: Option<f64>, b: f64) {
    match a {
        Some(a) => assert!(close(a, b), "{a} != {b}"),
        None => panic!("None != {b}"),
    }
}

mod activity;
mod cohort;
mod diagnosis;
mod flow;
mod funnel;
mod kpis;
mod steps;
mod tiny;
