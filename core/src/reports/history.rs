//! Walking a deal's stage history: stays in steps, decisions, and the percentile
//! method every report uses.

use crate::day::Day;
use crate::model::{Deal, Stage, StepId};

/// One continuous stay of a deal in a step. Consecutive history entries for the same
/// step (a re-logged move) are one stay.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Stay {
    pub step: StepId,
    pub from: Day,
    /// The day the deal entered its next stage; `None` while it is still here.
    pub to: Option<Day>,
}

impl Stay {
    /// Days in the step, up to `today` for the current stay; never negative.
    pub fn days(&self, today: Day) -> f64 {
        span(self.from, self.to.unwrap_or(today))
    }
}

/// Days from `a` to `b`, never negative (history with dates out of order counts 0).
pub(crate) fn span(a: Day, b: Day) -> f64 {
    (b.0 as f64 - a.0 as f64).max(0.0)
}

/// Calls `f` with each stay of the deal, oldest first.
pub(crate) fn for_each_stay(deal: &Deal, mut f: impl FnMut(Stay)) {
    let h = &deal.history;
    let mut i = 0;
    while i < h.len() {
        let Stage::Step(step) = h[i].stage else {
            i += 1;
            continue;
        };
        let from = h[i].on;
        let mut j = i + 1;
        while j < h.len() && h[j].stage == Stage::Step(step) {
            j += 1;
        }
        f(Stay {
            step,
            from,
            to: h.get(j).map(|c| c.on),
        });
        i = j;
    }
}

/// Won or Lost, and when: the last history entry, when it is an outcome.
pub(crate) fn decision(deal: &Deal) -> Option<(Stage, Day)> {
    deal.history
        .last()
        .filter(|c| !c.stage.is_open())
        .map(|c| (c.stage, c.on))
}

/// The `p`-th percentile (0..=100) of values sorted ascending, by linear
/// interpolation between closest ranks: rank h = (n − 1)·p/100, value =
/// x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). The same as Excel's PERCENTILE.INC and
/// NumPy's default. So the median of 1, 2, 3, 4 is 2.5, and the 90th percentile of
/// 1..=10 is 9.1. `None` for no values.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let h = (n - 1) as f64 * (p.clamp(0.0, 100.0) / 100.0);
    let lo = h.floor() as usize;
    let below = *sorted.get(lo)?;
    let above = sorted.get(lo + 1).copied().unwrap_or(below);
    Some(below + (h - lo as f64) * (above - below))
}

/// The median (50th percentile) of values sorted ascending.
pub fn median(sorted: &[f64]) -> Option<f64> {
    percentile(sorted, 50.0)
}

pub(crate) fn sort(values: &mut [f64]) {
    values.sort_by(f64::total_cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[4.0]), Some(4.0));
        assert_eq!(median(&[1.0, 2.0, 3.0, 4.0]), Some(2.5));
        assert_eq!(median(&[1.0, 2.0, 10.0]), Some(2.0));
        let ten: Vec<f64> = (1..=10).map(f64::from).collect();
        // h = 9 · 0.9 = 8.1 → 9 + 0.1 · (10 − 9) = 9.1
        assert!((percentile(&ten, 90.0).unwrap() - 9.1).abs() < 1e-12);
        assert_eq!(percentile(&ten, 100.0), Some(10.0));
        assert_eq!(percentile(&ten, 0.0), Some(1.0));
    }
}
