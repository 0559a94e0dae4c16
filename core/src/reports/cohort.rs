//! Where the shortfall starts (docs/metrics.md): the deals that entered the pipeline in
//! the period (the cohort) and how far they got, as a product of k + 1 factors,
//!
//! ```text
//! wins = L × r1 × r2 × … × rk
//! ```
//!
//! where L is the cohort's size, r_i the share of those that reached step i that also
//! reached step i + 1, and r_k the share of those that reached the last step that were
//! won. The gap in wins to a benchmark cohort, measured at the same age, is split among
//! the factors exactly (`shapley`), and the factor that cost the most is named.

use super::diagnosis::active_owners;
use super::period::Period;
use super::scope::Scope;
use super::shapley::{shapley, MAX_FACTORS};
use super::verdict::Benchmark;
use crate::day::Day;
use crate::model::{Book, Deal, Stage};

/// The cohort of a scope and period, followed up to one day.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Cohort {
    /// Deals that entered the pipeline in the period (L).
    pub leads: f64,
    /// Per process step: how many of them had reached it (step 1: all of them).
    pub reached: Vec<f64>,
    /// How many of them had been won.
    pub won: f64,
}

impl Cohort {
    /// L, then r1 … rk. A share of nobody (no deal reached the step before) is `None`:
    /// it says nothing, and an earlier factor is 0 already, so the wins are 0 whatever
    /// value stands in for it.
    pub fn factors(&self) -> Vec<Option<f64>> {
        let mut out = vec![Some(self.leads)];
        let mut tops = self.reached.iter().skip(1).copied().collect::<Vec<_>>();
        tops.push(self.won);
        for (base, top) in self.reached.iter().zip(tops) {
            out.push((*base > 0.0).then(|| top / base));
        }
        out
    }
}

/// Both sides' factors, a share of nobody taking the other side's value (or 1): it then
/// takes no part of the gap, which belongs to the factor that fell to 0 before it.
fn paired(now: &[Option<f64>], then: &[Option<f64>]) -> (Vec<f64>, Vec<f64>) {
    now.iter()
        .zip(then)
        .map(|(a, b)| {
            let a2 = a.or(*b).unwrap_or(1.0);
            let b2 = b.or(*a).unwrap_or(1.0);
            (a2, b2)
        })
        .unzip()
}

/// The deals of `scope` that entered in `period`, as they stood at the end of `as_of`.
pub fn cohort(book: &Book, owned: impl Fn(&str) -> bool, period: &Period, as_of: Day) -> Cohort {
    let steps = book.process.steps.len();
    let mut c = Cohort {
        reached: vec![0.0; steps],
        ..Cohort::default()
    };
    for deal in book.deals.iter().filter(|d| owned(&d.owner)) {
        if !period.contains(deal.opened()) {
            continue;
        }
        c.leads += 1.0;
        let (furthest, won) = progress(book, deal, as_of);
        // Every deal of the cohort entered the pipeline: it reached the first step.
        let furthest = if won { steps } else { furthest.max(1) };
        for r in c.reached.iter_mut().take(furthest) {
            *r += 1.0;
        }
        c.won += f64::from(u8::from(won));
    }
    c
}

/// How many steps the deal had reached by `as_of` (1 = the first), and whether won.
fn progress(book: &Book, deal: &Deal, as_of: Day) -> (usize, bool) {
    let mut furthest = 0;
    let mut won = false;
    for change in deal.history.iter().filter(|c| c.on <= as_of) {
        match change.stage {
            Stage::Won => won = true,
            Stage::Lost => {}
            Stage::Step(id) => {
                if let Some(p) = book.process.position(id) {
                    furthest = furthest.max(p + 1);
                }
            }
        }
    }
    (furthest, won)
}

/// One factor of the cohort's wins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Link {
    /// L: prospecting volume.
    Leads,
    /// From one step to the next ("Meeting → Needs analysis"), or from the last step to
    /// Won.
    Step { from: String, to: String },
}

impl Link {
    pub fn label(&self) -> String {
        match self {
            Link::Leads => "prospecting volume".into(),
            Link::Step { from, to } => format!("{from} → {to}"),
        }
    }
}

/// The cohort against its benchmark, and how the gap in wins splits.
#[derive(Clone, Debug, PartialEq)]
pub struct Shortfall {
    pub links: Vec<Link>,
    pub current: Vec<f64>,
    pub benchmark: Vec<f64>,
    /// The cohort's wins and the benchmark's (their factors' products).
    pub wins: f64,
    pub benchmark_wins: f64,
    /// One part per link; they sum to `wins − benchmark_wins`.
    pub parts: Vec<f64>,
    /// The link whose part is the most negative, if any part is.
    pub worst: Option<usize>,
    /// Days after its period's end both cohorts are measured at.
    pub age: i32,
}

impl Shortfall {
    fn new(book: &Book, current: &Cohort, benchmark: &Cohort, age: i32) -> Option<Shortfall> {
        let (now, then) = paired(&current.factors(), &benchmark.factors());
        let parts = shapley(&now, &then);
        if parts.is_empty() {
            return None;
        }
        let names: Vec<&str> = book.process.steps.iter().map(|s| s.name.as_str()).collect();
        let mut links = vec![Link::Leads];
        for (i, from) in names.iter().enumerate() {
            let to = names
                .get(i + 1)
                .copied()
                .unwrap_or(Stage::Won.name(&book.process));
            links.push(Link::Step {
                from: from.to_string(),
                to: to.to_string(),
            });
        }
        let worst = parts
            .iter()
            .enumerate()
            .filter(|(_, p)| **p < -1e-9)
            .min_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, _)| i);
        Some(Shortfall {
            links,
            wins: now.iter().product(),
            benchmark_wins: then.iter().product(),
            current: now,
            benchmark: then,
            parts,
            worst,
            age,
        })
    }

    /// The link that cost the most, when the cohort won fewer than the benchmark's.
    pub fn starts_at(&self) -> Option<&Link> {
        (self.wins + 1e-9 < self.benchmark_wins)
            .then(|| self.worst.and_then(|i| self.links.get(i)))
            .flatten()
    }
}

/// The day a cohort of `period` is measured at, `age` days after its end, never after
/// today.
fn measured_on(period: &Period, age: i32, today: Day) -> Day {
    period.end.plus(age).min(today)
}

/// The age of the report's cohort: days from the period's end to today (0 for a
/// period so far).
fn age_of(period: &Period, today: Day) -> i32 {
    today.since(period.end).max(0)
}

/// Where the shortfall starts for a scope and period against a benchmark: the previous
/// period's cohort at the same age, or the team's average owner's. `None` for a target
/// (a revenue goal has no cohort to compare with) and for processes of more steps than
/// the split handles.
pub fn shortfall(
    book: &Book,
    scope: &Scope,
    period: &Period,
    today: Day,
    benchmark: Benchmark,
) -> Option<Shortfall> {
    if book.process.steps.len() + 1 > MAX_FACTORS {
        return None;
    }
    let age = age_of(period, today);
    let now = cohort(
        book,
        |o| scope.includes(o),
        period,
        measured_on(period, age, today),
    );
    let then = match benchmark {
        Benchmark::PreviousPeriod => {
            let before = period.previous();
            cohort(
                book,
                |o| scope.includes(o),
                &before,
                measured_on(&before, age, today),
            )
        }
        Benchmark::TeamAverageOwner => team_average(book, period, today, age),
        Benchmark::Target(_) => return None,
    };
    Shortfall::new(book, &now, &then, age)
}

/// The team's average owner's cohort: the team's leads ÷ the owners active in the
/// period, with the team's shares.
fn team_average(book: &Book, period: &Period, today: Day, age: i32) -> Cohort {
    let owners = active_owners(book, period).len();
    let team = cohort(
        book,
        |o| !o.trim().is_empty(),
        period,
        measured_on(period, age, today),
    );
    if owners == 0 {
        return Cohort::default();
    }
    let per = owners as f64;
    Cohort {
        leads: team.leads / per,
        reached: team.reached.iter().map(|r| r / per).collect(),
        won: team.won / per,
    }
}

/// Every owner active in the period against the team's average owner, by name.
pub fn owner_shortfalls(book: &Book, period: &Period, today: Day) -> Vec<(String, Shortfall)> {
    if book.process.steps.len() + 1 > MAX_FACTORS {
        return Vec::new();
    }
    let age = age_of(period, today);
    let team = team_average(book, period, today, age);
    let as_of = measured_on(period, age, today);
    active_owners(book, period)
        .into_iter()
        .filter_map(|owner| {
            let mine = cohort(book, |o| o == owner, period, as_of);
            Shortfall::new(book, &mine, &team, age).map(|s| (owner, s))
        })
        .collect()
}
