//! What the diagnosis says and the figures behind it (docs/metrics.md, "The
//! diagnosis"): the four factors, the benchmark kinds, the verdict and its rules. Plain
//! data, so both the computation (`diagnosis.rs`) and the words (`sentence.rs`) read it
//! without reading each other.

use crate::model::Cents;

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
    /// target, the leads it takes at the trailing rates), never replaced by a count of
    /// decided deals.
    pub benchmark_new_leads: f64,
    /// False for a target with no won deal in the trailing periods: then the
    /// benchmark's factors are not figures of anything and are not shown.
    pub benchmark_usable: bool,
    /// Deals decided in the period, and in the data behind the benchmark.
    pub decided: usize,
    pub benchmark_decided: usize,
    /// What the benchmark is, e.g. "Q2 2026", "the team's average owner", "the target".
    pub benchmark_label: String,
    /// The verdict in plain words, with the figures behind it.
    pub sentence: String,
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
