//! One deal's dated stage history: a walk through the steps with realistic stays,
//! an occasional move back, a few stalls, and a pile-up at Proposal in recent months.

use super::draw::{index, pick, weekday_on_or_after};
use super::words::{BACK_MOVE_NOTES, LOSS_EARLY, LOSS_LATE, LOSS_MIDDLE};
use crate::day::Day;
use crate::model::{Stage, StageChange, StepId};

/// Typical days spent in each default step (Lead … Commitment).
const STAY_DAYS: [f64; 7] = [4.0, 6.0, 7.0, 10.0, 12.0, 9.0, 5.0];

/// Where lost deals drop out (relative odds per step): most get some way in, and
/// many fall at Proposal, where the price is first on the table.
const LOSS_ODDS: [f64; 7] = [0.06, 0.1, 0.16, 0.2, 0.22, 0.16, 0.1];

const MEETING: usize = 2;
const NEEDS_ANALYSIS: usize = 3;
const PROPOSAL: usize = 4;
const NEGOTIATION: usize = 5;

/// What a deal is meant to do; `walk` turns it into dated history.
pub struct Plan {
    pub opened: Day,
    /// Position of the first step (0 = Lead).
    pub start: usize,
    pub won: bool,
}

/// Everything `walk` needs to know about the calendar.
pub struct Calendar {
    pub today: Day,
    /// Proposals entered from this day on often sit there for weeks: the bloated step.
    pub bloat_from: Day,
}

/// The deal's history up to today. `steps` are the process's step ids in order.
pub fn walk(
    rng: &mut fastrand::Rng,
    plan: &Plan,
    steps: &[StepId],
    cal: &Calendar,
) -> Vec<StageChange> {
    let last = steps.len().saturating_sub(1);
    let start = plan.start.min(last);
    let end = if plan.won {
        last
    } else {
        loss_position(rng, start, last)
    };
    // A few older deals stall in a middle step and are still sitting there today.
    let stall = (plan.opened.since(cal.today) < -90 && rng.f64() < 0.07)
        .then(|| index(rng, start.max(MEETING)..=end.max(start.max(MEETING))))
        .filter(|p| *p <= end);

    let step = |pos: usize| Stage::Step(steps.get(pos).copied().unwrap_or(StepId(1)));
    let mut history = vec![change(step(start), plan.opened, "")];
    let mut day = plan.opened;
    let mut pos = start;
    loop {
        if stall == Some(pos) && day.since(cal.today) <= -60 {
            break;
        }
        day = after(day, stay(rng, pos, day, cal));
        let back_odds = match pos {
            NEEDS_ANALYSIS => 0.08,
            PROPOSAL => 0.2,
            NEGOTIATION => 0.1,
            _ => 0.0,
        };
        if pos > 0 && rng.f64() < back_odds {
            history.push(change(step(pos - 1), day, pick(rng, BACK_MOVE_NOTES)));
            day = after(day, stay(rng, pos - 1, day, cal) / 2);
            history.push(change(step(pos), day, ""));
            day = after(day, stay(rng, pos, day, cal));
        }
        if pos >= end {
            let outcome = if plan.won {
                change(Stage::Won, day, "")
            } else {
                change(Stage::Lost, day, loss_reason(rng, pos))
            };
            history.push(outcome);
            break;
        }
        pos += 1;
        history.push(change(step(pos), day, ""));
    }
    // What lies after today has not happened yet: the deal is still open there.
    history.retain(|c| c.on <= cal.today);
    history
}

/// A change without its id yet: the deal numbers its history when it is made
/// (`StageChange::sequence`).
fn change(stage: Stage, on: Day, note: &str) -> StageChange {
    StageChange::new(crate::model::ChangeId(0), stage, on, note, 0)
}

/// The next working day at least `days` after `day`.
fn after(day: Day, days: i32) -> Day {
    weekday_on_or_after(day.plus(days.max(1)))
}

fn stay(rng: &mut fastrand::Rng, pos: usize, entered: Day, cal: &Calendar) -> i32 {
    if pos == PROPOSAL && entered >= cal.bloat_from && rng.f64() < 0.5 {
        return rng.i32(40..=110);
    }
    let typical = STAY_DAYS.get(pos).copied().unwrap_or(7.0);
    // Mostly around the typical stay, with a long tail of slow deals.
    let mut factor = 0.3 + 1.2 * rng.f64();
    if rng.f64() < 0.1 {
        factor += 2.0 * rng.f64();
    }
    (typical * factor).round() as i32
}

fn loss_position(rng: &mut fastrand::Rng, start: usize, last: usize) -> usize {
    let odds = |p: usize| LOSS_ODDS.get(p).copied().unwrap_or(0.1);
    let total: f64 = (start..=last).map(odds).sum();
    let mut u = rng.f64() * total;
    for p in start..=last {
        u -= odds(p);
        if u <= 0.0 {
            return p;
        }
    }
    last
}

fn loss_reason(rng: &mut fastrand::Rng, pos: usize) -> &'static str {
    match pos {
        0 | 1 => pick(rng, LOSS_EARLY),
        2 | 3 => pick(rng, LOSS_MIDDLE),
        _ => pick(rng, LOSS_LATE),
    }
}
