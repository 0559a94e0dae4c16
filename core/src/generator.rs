//! Realistic, seeded pipelines for the demo, tests and benchmarks.
//!
//! Records are built directly (not through the book's mutations) but keep every rule a
//! book keeps: histories in order and never in the future, outcomes last, loss reasons
//! on lost deals, a contact made client on the day of its first win, tasks tagged with
//! the deal's step on their day. All dates are relative to `today`, so the demo always
//! looks current.
//!
//! The demo tells a story in the Reports page's default view (the last full quarter,
//! each owner against the team's average owner), read by the reports' own diagnosis:
//! Ana Ruiz is healthy, Ben Okafor is short on leads, Chloe Martin closes poorly and
//! Dev Patel sells small deals. Proposal is the bloated step of recent months.

mod draft;
mod draw;
mod history;
mod owners;
pub mod story;
mod tasks;
mod words;

use crate::day::Day;
use crate::ids::SeededIds;
use crate::model::{Book, Process, Settings, Stamp};
use draft::Draft;
use draw::{index, weekday_on_or_after};
use history::Calendar;
use owners::Profile;

/// How big a generated pipeline is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    pub deals: usize,
    pub owners: usize,
    /// How many months of history lie before today.
    pub months: u32,
}

/// The seed of the in-app demo.
pub const DEMO_SEED: u64 = 2024;

/// The in-app demo: about a year of B2B selling by four reps, about 300 deals. Of a few
/// seeds it keeps the first whose default Reports view tells the story
/// ([`story::holds`]); the same `today` always gives the same book.
pub fn demo(today: Day) -> Book {
    let shape = Shape {
        deals: 300,
        owners: 4,
        months: 12,
    };
    let mut book = generate(today, shape, DEMO_SEED);
    for attempt in 1..DEMO_ATTEMPTS {
        if story::holds(&book, today) {
            break;
        }
        book = generate(today, shape, DEMO_SEED.wrapping_add(attempt));
    }
    book
}

/// How many seeds the demo tries before settling for the last one.
const DEMO_ATTEMPTS: u64 = 40;

/// A pipeline shaped like the demo, with `deals` deals (benchmarks use 1,000 and 10,000).
pub fn pipeline(today: Day, deals: usize, seed: u64) -> Book {
    generate(
        today,
        Shape {
            deals,
            owners: 4,
            months: 12,
        },
        seed,
    )
}

/// A pipeline of any shape. Silly inputs are brought into range: `today` to the years
/// 1900-9999, owners to 1-64, months to 1-120.
pub fn generate(today: Day, shape: Shape, seed: u64) -> Book {
    let today = Day(today.0.clamp(FIRST_TODAY.0, LAST_TODAY.0));
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut ids = SeededIds::new(seed ^ 0x9e37_79b9_7f4a_7c15);
    let process = Process::default();
    let reps = owners::profiles(shape.owners.clamp(1, 64));
    let months = shape.months.clamp(1, 120) as i32;
    let first_day = today.plus(-months * 365 / 12);
    // Anchored to quarters, so the story reads the same whatever day of the quarter it is.
    let drought_from = last_full_quarter_start(today).plus(-30);
    let calendar = Calendar {
        today,
        bloat_from: today.plus(-60).min(quarter_start(today).plus(-30)),
    };
    let slots = lead_slots(&mut rng, &reps, first_day, today, drought_from, shape.deals);

    let mut draft = Draft::new(
        &mut rng,
        &mut ids,
        &reps,
        &process,
        calendar,
        stamp_of(today),
    );
    for (owner, opened) in slots {
        draft.open_deal(owner, opened);
    }
    // People still being prospected, with no deal yet.
    let prospects = (shape.deals as f64 * PROSPECTS_PER_DEAL).round() as usize;
    let span = today.since(first_day).max(0);
    for _ in 0..prospects {
        let owner = index(draft.rng, 0..reps.len());
        let created = weekday_on_or_after(first_day.plus(draft.rng.i32(0..=span))).min(today);
        draft.add_prospect(owner, created);
    }
    let (contacts, deals, tasks) = draft.finish();
    Book {
        process,
        contacts,
        deals,
        tasks,
        settings: Settings {
            currency: "USD".into(),
            me: reps.first().map(|r| r.name.clone()).unwrap_or_default(),
            stamps: [0; 2],
        },
        gone: Default::default(),
    }
}

/// Contacts still being prospected, with no deal yet, per deal.
const PROSPECTS_PER_DEAL: f64 = 0.12;

/// The range `today` is held to (1900-01-01 and 9999-12-31).
const FIRST_TODAY: Day = Day(-25_567);
const LAST_TODAY: Day = Day(2_932_896);

/// The `edited` stamp of every generated record: the first moment of `today` anywhere on
/// Earth (midnight at UTC+14), in ms. Any rep's edit on their `today` comes after it,
/// whatever their zone, so it is the newer edit in a merge.
pub fn stamp_of(today: Day) -> Stamp {
    i64::from(today.0) * 86_400_000 - 14 * 3_600_000
}

/// The first day of the calendar quarter containing `day`.
pub fn quarter_start(day: Day) -> Day {
    let month = (day.month() - 1) / 3 * 3 + 1;
    Day::from_ymd(day.year(), month, 1).unwrap_or(day)
}

/// The first day of the calendar quarter before the one containing `day`.
pub fn last_full_quarter_start(day: Day) -> Day {
    quarter_start(quarter_start(day).plus(-1))
}

/// The day each new deal enters the pipeline, and whose it is, in day order.
/// Each rep's deals are spread over their own daily lead weights by stratified draws
/// (one draw per equal slice of weight), so every month holds close to the intended
/// volume even in a few hundred deals, and the story never depends on luck.
fn lead_slots(
    rng: &mut fastrand::Rng,
    reps: &[Profile],
    first_day: Day,
    today: Day,
    drought_from: Day,
    deals: usize,
) -> Vec<(usize, Day)> {
    let span = f64::from(today.since(first_day).max(1));
    let workdays: Vec<Day> = (first_day.0..=today.0)
        .map(Day)
        .filter(|d| d.weekday() < 5)
        .collect();
    // Per rep: the running total of lead weight over the working days.
    let running: Vec<Vec<f64>> = reps
        .iter()
        .map(|rep| {
            let mut total = 0.0;
            workdays
                .iter()
                .map(|day| {
                    // A growing business: twice the lead volume now than a year ago. It
                    // also puts more deals where the story is told, in the last quarters.
                    let growth = 0.6 + 0.6 * f64::from(day.since(first_day)) / span;
                    let dry = rep.drought && *day >= drought_from;
                    total +=
                        growth * rep.lead_weight * if dry { owners::DROUGHT_SHARE } else { 1.0 };
                    total
                })
                .collect()
        })
        .collect();
    let totals: Vec<f64> = running
        .iter()
        .map(|r| r.last().copied().unwrap_or(0.0))
        .collect();
    let mut slots: Vec<(usize, Day)> = Vec::with_capacity(deals);
    for (owner, count) in share_out(deals, &totals).into_iter().enumerate() {
        let (Some(run), Some(total)) = (running.get(owner), totals.get(owner)) else {
            continue;
        };
        for i in 0..count {
            let u = (i as f64 + rng.f64()) / count as f64 * total;
            let k = run.partition_point(|c| *c < u);
            if let Some(day) = workdays.get(k.min(workdays.len().saturating_sub(1))) {
                slots.push((owner, *day));
            }
        }
    }
    slots.sort_by_key(|(owner, day)| (*day, *owner));
    slots
}

/// Splits `n` in proportion to `weights`, handing the remainders to the largest
/// fractions (in order of appearance on ties), so the parts always add up to `n`.
fn share_out(n: usize, weights: &[f64]) -> Vec<usize> {
    let total: f64 = weights.iter().sum();
    if total <= 0.0 || weights.is_empty() {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| n as f64 * w / total).collect();
    let mut parts: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|a, b| {
        (exact[*b] - exact[*b].floor()).total_cmp(&(exact[*a] - exact[*a].floor()))
    });
    let short = n.saturating_sub(parts.iter().sum());
    for i in order.into_iter().cycle().take(short) {
        parts[i] += 1;
    }
    parts
}
