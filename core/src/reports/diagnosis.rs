//! The diagnosis (docs/metrics.md): is revenue short because there were too few chances
//! to close, or because closing was poor? Revenue is split exactly into four factors,
//! and the gap to a benchmark among them with the Shapley decomposition
//! (`shapley.rs`); `sentence.rs` puts the result in words.

use super::activity::{prospecting_activity, prospecting_by_owner};
use super::history::decision;
use super::shapley::shapley4;
use super::{Period, Scope};
use crate::day::Day;
use crate::model::{Book, Cents, Stage};

/// Fewer decided deals than this, now or in the benchmark, gives "not enough data"
/// for close rate and deal size.
pub const MIN_DECIDED: usize = 5;

/// With too few decided deals, the verdict is still "not enough chances" when new
/// leads are under this share of the benchmark's leads …
pub const SHORT_OF_LEADS: f64 = 0.5;

/// … and the benchmark has at least this many leads (so a drop is not chance).
pub const MIN_BENCHMARK_LEADS: f64 = 5.0;

/// The four factors whose product is revenue (in cents):
/// leads L × yield Y × close rate C × value V.
///
/// - L = deals that entered the pipeline in the period,
/// - Y = D ÷ L with D = deals decided (won or lost) in the period,
/// - C = W ÷ D with W = deals won in the period,
/// - V = revenue ÷ W.
///
/// When D or W is 0 the factors that divide by it are 0; revenue is then 0 too, so
/// the product still equals revenue. One case cannot be made exact that way: no new
/// lead (L = 0) while deals entered earlier were decided (D > 0). Then the decided
/// deals stand in for the leads (L = D, Y = 1), which keeps the product equal to
/// revenue; `Diagnosis::new_leads` still says 0 and the sentence uses it.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Factors {
    pub leads: f64,
    pub yield_: f64,
    pub close_rate: f64,
    /// Average won value, in cents.
    pub value: f64,
}

impl Factors {
    pub fn from_counts(leads: usize, decided: usize, won: usize, revenue: Cents) -> Factors {
        let ratio = |a: f64, b: usize| if b == 0 { 0.0 } else { a / b as f64 };
        let leads = if leads == 0 { decided } else { leads };
        Factors {
            leads: leads as f64,
            yield_: ratio(decided as f64, leads),
            close_rate: ratio(won as f64, decided),
            value: ratio(revenue as f64, won),
        }
    }

    /// L · Y · C · V, in cents.
    pub fn revenue(&self) -> f64 {
        self.as_array().iter().product()
    }

    pub fn as_array(&self) -> [f64; 4] {
        [self.leads, self.yield_, self.close_rate, self.value]
    }
}

/// One of the four factors, in the order of `Factors::as_array` and `Diagnosis::parts`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Factor {
    Leads,
    Yield,
    CloseRate,
    Value,
}

impl Factor {
    pub const ALL: [Factor; 4] = [
        Factor::Leads,
        Factor::Yield,
        Factor::CloseRate,
        Factor::Value,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Factor::Leads => "New leads",
            Factor::Yield => "Yield",
            Factor::CloseRate => "Close rate",
            Factor::Value => "Deal size",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Factor::Leads => "leads",
            Factor::Yield => "yield",
            Factor::CloseRate => "close-rate",
            Factor::Value => "value",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    NotEnoughData,
    /// Revenue at or above the benchmark; `watch` names the most negative part, if any.
    AtOrAbove {
        watch: Option<Factor>,
    },
    /// Too few chances to close: `Leads` (prospecting volume) or `Yield` (progression).
    NotEnoughChances(Factor),
    ClosingEffectiveness,
    DealSize,
}

impl Verdict {
    /// The factor a below-benchmark verdict blames.
    pub fn factor(self) -> Option<Factor> {
        match self {
            Verdict::NotEnoughChances(f) => Some(f),
            Verdict::ClosingEffectiveness => Some(Factor::CloseRate),
            Verdict::DealSize => Some(Factor::Value),
            Verdict::NotEnoughData | Verdict::AtOrAbove { .. } => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Benchmark {
    /// The period of the same length just before (`Period::previous`).
    PreviousPeriod,
    /// Leads = the team's leads ÷ owners active in the period; yield, close rate and
    /// value team-wide; so its revenue = team revenue ÷ owners.
    TeamAverageOwner,
    /// A revenue target in cents. Yield, close rate and value come from the four
    /// periods of equal length before this one (taken together), and leads are then
    /// scaled so that the product equals the target: leads = target ÷ (Y·C·V).
    Target(Cents),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnosis {
    pub current: Factors,
    pub benchmark: Factors,
    /// Revenue in the period, in cents.
    pub revenue: Cents,
    /// The benchmark factors' product, in cents.
    pub benchmark_revenue: f64,
    /// Shapley parts of L, Y, C, V in cents; they sum to
    /// `current.revenue() − benchmark.revenue()` (= revenue − benchmark revenue).
    pub parts: [f64; 4],
    pub verdict: Verdict,
    /// Leads needed at today's yield, close rate and value to reach the benchmark
    /// revenue; `None` when today's rates give no revenue per lead.
    pub leads_needed: Option<f64>,
    /// Close rate needed at today's volume (decided deals) and value to reach the
    /// benchmark revenue. May exceed 1.0: then closing alone cannot close the gap.
    pub close_rate_needed: Option<f64>,
    /// Deals that entered the pipeline in the period (the real count, see `Factors`).
    pub new_leads: usize,
    /// Done tasks tagged lead or prospect in the period: the lever behind leads.
    pub prospecting_done: usize,
    /// The benchmark's new leads (for the team's average owner, per owner; for a
    /// target, the leads it takes at the trailing rates).
    pub benchmark_new_leads: f64,
    /// Deals decided in the period, and in the data behind the benchmark.
    pub decided: usize,
    pub benchmark_decided: usize,
    /// What the benchmark is, e.g. "Q2 2026", "the team's average owner", "the target".
    pub benchmark_label: String,
    /// The verdict in plain words, with the figures behind it.
    pub sentence: String,
}

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
    let mut c = Counts::default();
    for deal in book.deals.iter().filter(|d| scope.includes(&d.owner)) {
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
/// sorted by name.
pub fn active_owners(book: &Book, period: &Period) -> Vec<String> {
    let mut owners: Vec<&str> = book
        .deals
        .iter()
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

fn team_average_owner(book: &Book, period: &Period) -> Bench {
    let team = counts(book, &Scope::Everyone, period);
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
        prospecting_done,
        decided: c.decided,
        benchmark_decided: b.decided,
        benchmark_label: b.label,
        sentence: String::new(),
    };
    d.sentence = super::sentence::sentence(&d, period, &b.goal, b.usable, &book.settings.currency);
    d
}

/// The rule that lets "not enough chances" through when too few deals were decided to
/// judge close rate and deal size: new leads under half of a benchmark of at least five.
pub fn short_of_leads(leads: usize, benchmark_leads: f64) -> bool {
    benchmark_leads >= MIN_BENCHMARK_LEADS && (leads as f64) < SHORT_OF_LEADS * benchmark_leads
}

impl Diagnosis {
    /// Whether close rate and deal size were judged (enough decided deals on both sides).
    pub fn judges_closing(&self) -> bool {
        self.decided >= MIN_DECIDED && self.benchmark_decided >= MIN_DECIDED
    }
}
