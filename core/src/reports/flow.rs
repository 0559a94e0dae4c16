//! Cumulative flow: how many deals sit in each step on each day.

use super::history::{decision, for_each_stay};
use super::period::Period;
use super::scope::Scope;
use crate::day::Day;
use crate::model::{Book, Stage, StepId};

/// Daily counts for a cumulative-flow chart. `counts[k][j]` is the number of deals in
/// process step `k` at the end of `days[j]` (a deal that passed through a step within
/// one day is not counted there).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Flow {
    pub days: Vec<Day>,
    pub steps: Vec<(StepId, String)>,
    pub counts: Vec<Vec<u32>>,
    /// Deals won / lost from the start of the period up to and including each day.
    pub won: Vec<u32>,
    pub lost: Vec<u32>,
}

/// The longest flow we draw: ten years of days (a silly custom period must not
/// allocate millions of points). Longer periods keep their most recent days.
const MAX_DAYS: i64 = 3653;

/// Every day of the period up to `today` (the future has no data yet). Deals in
/// steps no longer in the process are left out.
pub fn cumulative_flow(book: &Book, scope: &Scope, period: &Period, today: Day) -> Flow {
    let last = period.end.min(today).0 as i64;
    let first = (period.start.0 as i64).max(last - MAX_DAYS + 1);
    let n = (last - first + 1).max(0) as usize;
    let steps = &book.process.steps;
    // Difference arrays: +1 on the day a stay starts counting, −1 after it ends.
    let mut diff = vec![vec![0i64; n + 1]; steps.len()];
    let mut won = vec![0i64; n + 1];
    let mut lost = vec![0i64; n + 1];
    let index = |day: i64| (day - first).clamp(0, n as i64) as usize;
    for deal in book.deals.iter().filter(|d| scope.includes(&d.owner)) {
        for_each_stay(deal, |stay| {
            let Some(k) = book.process.position(stay.step) else {
                return;
            };
            let from = index(stay.from.0 as i64);
            let to = stay.to.map_or(n, |t| index(t.0 as i64));
            if from < to {
                diff[k][from] += 1;
                diff[k][to] -= 1;
            }
        });
        if let Some((stage, on)) = decision(deal) {
            let on = on.0 as i64;
            if on >= first && on <= last {
                let tally = if stage == Stage::Won {
                    &mut won
                } else {
                    &mut lost
                };
                tally[index(on)] += 1;
            }
        }
    }
    let running = |d: &[i64]| -> Vec<u32> {
        let mut total = 0i64;
        d.iter()
            .take(n)
            .map(|x| {
                total += x;
                total.clamp(0, u32::MAX as i64) as u32
            })
            .collect()
    };
    Flow {
        days: (0..n as i64).map(|j| Day((first + j) as i32)).collect(),
        steps: steps.iter().map(|s| (s.id, s.name.clone())).collect(),
        counts: diff.iter().map(|d| running(d)).collect(),
        won: running(&won),
        lost: running(&lost),
    }
}
