//! The diagnosis (docs/metrics.md): is revenue short because there were too few chances
//! to close, or because closing was poor? Revenue is split exactly into four factors,
//! and the gap to a benchmark among them with the Shapley decomposition
//! (`shapley.rs`); `verdict.rs` holds what it says and `sentence.rs` puts it in words.

use super::activity::{prospecting_activity, prospecting_by_owner};
use super::history::decision;
use super::period::Period;
use super::scope::Scope;
use super::shapley::shapley4;
use super::verdict::{short_of_leads, Benchmark, Diagnosis, Factor, Factors, Verdict, MIN_DECIDED};
use crate::day::Day;
use crate::model::{Book, Cents, Stage};

/// The revenue figures of a scope and period.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    leads: usize,
    decided: usize,
    won: usize,
    revenue: Cents,
}

impl Counts {
    fn factors(&self) -> Factors {
        Factors::from_counts(self.leads, self.decided, self.won, self.revenue)
    }
}

fn counts(book: &Book, scope: &Scope, period: &Period) -> Counts {
    counts_where(book, period, |owner| scope.includes(owner))
}

/// The revenue figures of the deals whose owner passes `owned`.
fn counts_where(book: &Book, period: &Period, owned: impl Fn(&str) -> bool) -> Counts {
    let mut c = Counts::default();
    for deal in book.deals.iter().filter(|d| owned(&d.owner)) {
        if period.contains(deal.opened()) {
            c.leads += 1;
        }
        if let Some((stage, on)) = decision(deal) {
            if period.contains(on) {
                c.decided += 1;
                if stage == Stage::Won {
                    c.won += 1;
                    c.revenue = c.revenue.saturating_add(deal.value);
                }
            }
        }
    }
    c
}

/// Owners with any deal activity in the period (a deal entered, moved or was decided),
/// sorted by name. Deals with no owner's name belong to no owner.
pub fn active_owners(book: &Book, period: &Period) -> Vec<String> {
    let mut owners: Vec<&str> = book
        .deals
        .iter()
        .filter(|d| !d.owner.trim().is_empty())
        .filter(|d| d.history.iter().any(|c| period.contains(c.on)))
        .map(|d| d.owner.as_str())
        .collect();
    owners.sort_unstable();
    owners.dedup();
    owners.into_iter().map(String::from).collect()
}

/// The benchmark's factors, the decided count behind it, its label, and whether it
/// could be built at all (a target needs won deals in the trailing periods).
struct Bench {
    factors: Factors,
    /// New leads, never replaced by the decided count (unlike `factors.leads`).
    leads: f64,
    decided: usize,
    label: String,
    goal: String,
    usable: bool,
}

/// The team's average owner, over the deals that have an owner.
fn team_average_owner(book: &Book, period: &Period) -> Bench {
    let team = counts_where(book, period, |owner| !owner.trim().is_empty());
    let owners = active_owners(book, period).len();
    let mut factors = team.factors();
    let mut leads = team.leads as f64;
    if owners == 0 {
        factors = Factors::default();
    } else {
        factors.leads /= owners as f64;
        leads /= owners as f64;
    }
    Bench {
        factors,
        leads,
        decided: team.decided,
        label: "the team's average owner".into(),
        goal: "match the team's average owner".into(),
        usable: true,
    }
}

fn bench(book: &Book, scope: &Scope, period: &Period, benchmark: Benchmark) -> Bench {
    match benchmark {
        Benchmark::PreviousPeriod => {
            let previous = period.previous();
            let c = counts(book, scope, &previous);
            let label = previous.label();
            Bench {
                factors: c.factors(),
                leads: c.leads as f64,
                decided: c.decided,
                goal: format!("get back to {label}"),
                label,
                usable: true,
            }
        }
        Benchmark::TeamAverageOwner => team_average_owner(book, period),
        Benchmark::Target(target) => {
            let c = counts(book, scope, &period.before(4));
            let f = c.factors();
            let per_lead = f.yield_ * f.close_rate * f.value;
            let usable = per_lead > 0.0;
            // Without rates to scale, put the whole target in the value so the product
            // still equals it; the verdict is "not enough data" anyway.
            let factors = if usable {
                Factors {
                    leads: target as f64 / per_lead,
                    ..f
                }
            } else {
                Factors {
                    leads: 1.0,
                    yield_: 1.0,
                    close_rate: 1.0,
                    value: target as f64,
                }
            };
            Bench {
                leads: if usable { factors.leads } else { 0.0 },
                factors,
                decided: c.decided,
                label: "the target".into(),
                goal: "reach the target".into(),
                usable,
            }
        }
    }
}

/// Diagnoses revenue for a scope and period against a benchmark.
pub fn diagnose(
    book: &Book,
    scope: &Scope,
    period: &Period,
    today: Day,
    benchmark: Benchmark,
) -> Diagnosis {
    let _ = today; // every figure is over the period; kept for a uniform report signature
    let b = bench(book, scope, period, benchmark);
    let prospecting = prospecting_activity(book, scope, period).prospecting;
    diagnose_against(book, scope, period, b, prospecting)
}

/// Every owner active in the period against the team's average owner, by name.
pub fn owner_table(book: &Book, period: &Period, today: Day) -> Vec<(String, Diagnosis)> {
    let _ = today;
    let team = team_average_owner(book, period);
    let prospecting = prospecting_by_owner(book, period);
    active_owners(book, period)
        .into_iter()
        .map(|owner| {
            let b = Bench {
                factors: team.factors,
                leads: team.leads,
                decided: team.decided,
                label: team.label.clone(),
                goal: team.goal.clone(),
                usable: team.usable,
            };
            let done = prospecting.get(owner.as_str()).copied().unwrap_or(0);
            let d = diagnose_against(book, &Scope::Owner(owner.clone()), period, b, done);
            (owner, d)
        })
        .collect()
}

fn diagnose_against(
    book: &Book,
    scope: &Scope,
    period: &Period,
    b: Bench,
    prospecting_done: usize,
) -> Diagnosis {
    let c = counts(book, scope, period);
    let current = c.factors();
    let benchmark_revenue = b.factors.revenue();
    let parts = shapley4(current.as_array(), b.factors.as_array());
    let worst = Factor::ALL
        .into_iter()
        .zip(parts)
        .fold(None::<(Factor, f64)>, |best, (f, p)| match best {
            Some((_, q)) if q <= p => best,
            _ => Some((f, p)),
        })
        .filter(|(_, p)| *p < 0.0)
        .map(|(f, _)| f);
    // Half a cent of slack: the benchmark product is a float.
    let below = (c.revenue as f64) + 0.5 < benchmark_revenue;
    let verdict = if !b.usable {
        Verdict::NotEnoughData
    } else if c.decided < MIN_DECIDED || b.decided < MIN_DECIDED {
        if short_of_leads(c.leads, b.leads) {
            Verdict::NotEnoughChances(Factor::Leads)
        } else {
            Verdict::NotEnoughData
        }
    } else if below {
        match worst {
            Some(Factor::CloseRate) => Verdict::ClosingEffectiveness,
            Some(Factor::Value) => Verdict::DealSize,
            Some(f) => Verdict::NotEnoughChances(f),
            None => Verdict::AtOrAbove { watch: None },
        }
    } else {
        Verdict::AtOrAbove { watch: worst }
    };
    let per_lead = current.yield_ * current.close_rate * current.value;
    let per_close = current.leads * current.yield_ * current.value;
    let mut d = Diagnosis {
        current,
        benchmark: b.factors,
        revenue: c.revenue,
        benchmark_revenue,
        parts,
        verdict,
        leads_needed: (per_lead > 0.0).then(|| benchmark_revenue / per_lead),
        close_rate_needed: (per_close > 0.0).then(|| benchmark_revenue / per_close),
        new_leads: c.leads,
        benchmark_new_leads: b.leads,
        benchmark_usable: b.usable,
        prospecting_done,
        decided: c.decided,
        benchmark_decided: b.decided,
        benchmark_label: b.label,
        sentence: String::new(),
    };
    d.sentence = super::sentence::sentence(&d, period, &b.goal, b.usable, &book.settings.currency);
    d
}
