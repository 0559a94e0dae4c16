//! The demo's self-check: does a generated book tell the intended story?
//!
//! With about twenty decided deals per rep and quarter, chance alone sometimes blurs
//! the picture (a lucky month for Chloe, a dry one for Ana). The demo therefore tries
//! a few seeds and keeps the first book whose numbers read as intended. This is a
//! plain re-statement of DESIGN.md §3, kept here so the demo never depends on the
//! reports module; the reports' own tests pin the real diagnosis.

use crate::day::Day;
use crate::model::{Book, Stage};

/// The reps of the story, in order: healthy, short on leads, poor closer, small deals.
pub const REPS: [&str; 4] = ["Ana Ruiz", "Ben Okafor", "Chloe Martin", "Dev Patel"];

#[derive(Clone, Copy, Default)]
struct Figures {
    leads: f64,
    decided: f64,
    won: f64,
    revenue: f64,
}

impl Figures {
    fn close_rate(&self) -> f64 {
        self.won / self.decided.max(1.0)
    }

    fn avg_won(&self) -> f64 {
        self.revenue / self.won.max(1.0)
    }

    /// Leads, yield, close rate, average won value: their product is the revenue.
    fn factors(&self) -> [f64; 4] {
        [
            self.leads,
            self.decided / self.leads.max(1.0),
            self.close_rate(),
            self.avg_won(),
        ]
    }
}

fn figures(book: &Book, owner: Option<&str>, from: Day, to: Day) -> Figures {
    let mut f = Figures::default();
    let inside = |d: Day| from <= d && d <= to;
    for deal in book
        .deals
        .iter()
        .filter(|d| owner.is_none_or(|o| d.owner == o))
    {
        if deal.history.first().is_some_and(|c| inside(c.on)) {
            f.leads += 1.0;
        }
        for change in deal.history.iter().filter(|c| inside(c.on)) {
            match change.stage {
                Stage::Won => {
                    f.decided += 1.0;
                    f.won += 1.0;
                    f.revenue += deal.value as f64;
                }
                Stage::Lost => f.decided += 1.0,
                Stage::Step(_) => {}
            }
        }
    }
    f
}

/// Shapley split of the change from `base` to `now` of a product of four factors.
fn shapley(base: [f64; 4], now: [f64; 4]) -> [f64; 4] {
    let product = |mask: usize| -> f64 {
        (0..4)
            .map(|i| {
                if mask & (1 << i) != 0 {
                    now[i]
                } else {
                    base[i]
                }
            })
            .product()
    };
    // Weight of a coalition of k others: k! (3 - k)! / 4!
    const WEIGHT: [f64; 4] = [6.0 / 24.0, 2.0 / 24.0, 2.0 / 24.0, 6.0 / 24.0];
    let mut parts = [0.0; 4];
    for (i, part) in parts.iter_mut().enumerate() {
        for mask in (0..16usize).filter(|m| m & (1 << i) == 0) {
            let k = mask.count_ones() as usize;
            *part += WEIGHT[k] * (product(mask | (1 << i)) - product(mask));
        }
    }
    parts
}

/// The factor (0 = leads … 3 = value) the diagnosis would blame against the team's
/// average owner, or `None` when the rep is at or above it.
fn blamed(rep: &Figures, team: &Figures, reps: f64) -> Option<usize> {
    let bench = [
        team.leads / reps,
        team.decided / team.leads.max(1.0),
        team.close_rate(),
        team.avg_won(),
    ];
    let parts = shapley(bench, rep.factors());
    if parts.iter().sum::<f64>() >= 0.0 {
        return None;
    }
    (0..4).min_by(|a, b| parts[*a].total_cmp(&parts[*b]))
}

/// Whether the period reads as the story: Ben's leads, Chloe's closing and Dev's deal
/// size are the named causes, and Ana leads the team. Reps with fewer than
/// `min_decided` decided deals would get "not enough data" and are not judged.
pub fn holds(book: &Book, from: Day, to: Day, min_decided: f64) -> bool {
    let team = figures(book, None, from, to);
    let [ana, ben, chloe, dev] = REPS.map(|r| figures(book, Some(r), from, to));
    let judged = |f: &Figures| f.decided >= min_decided;
    let verdict = |f: &Figures, factor: Option<usize>| {
        !judged(f) || blamed(f, &team, REPS.len() as f64) == factor
    };
    let others = [ana, chloe, dev];
    let closers = [ana, ben, dev];
    let sellers = [ana, ben, chloe];
    ben.leads < 0.6 * others.iter().map(|f| f.leads).fold(f64::MAX, f64::min)
        && chloe.close_rate() < 0.25
        && closers
            .iter()
            .filter(|f| judged(f))
            .all(|f| chloe.close_rate() < f.close_rate())
        && sellers
            .iter()
            .filter(|f| f.won > 0.0)
            .all(|f| dev.avg_won() * 3.0 < f.avg_won())
        && [ben, chloe, dev].iter().all(|f| f.revenue < ana.revenue)
        && verdict(&ana, None)
        && verdict(&ben, Some(0))
        && verdict(&chloe, Some(2))
        && verdict(&dev, Some(3))
}

/// Ben had clearly more leads in the quarter before.
pub fn ben_fell(book: &Book, before: (Day, Day), now: (Day, Day)) -> bool {
    let earlier = figures(book, Some(REPS[1]), before.0, before.1);
    let later = figures(book, Some(REPS[1]), now.0, now.1);
    later.leads < 0.6 * earlier.leads
}
