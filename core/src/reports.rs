//! The reports of docs/metrics.md, as pure functions of (book, scope, period, today).
//! Nothing here is stored: the UI recomputes (memoised) when the book changes.
//!
//! Conventions shared by every report:
//! - A period is inclusive at both ends and counts calendar days.
//! - A deal *entered* the pipeline on its first history entry, *left* a step on the
//!   date of the entry after its stay there, and was *decided* on its last entry
//!   when that entry is Won or Lost.
//! - "Now" figures (work in progress, stuck deals, open pipeline) are as of `today`;
//!   flows (throughput, medians of completed stays, decisions) are over the period.
//! - Money is summed in cents regardless of each deal's currency (one book, one
//!   currency in practice; `Settings::currency` labels totals).
//! - History that refers to a step no longer in the process is skipped by the step
//!   reports (they follow the process's steps) and never panics.
//! - Percentiles interpolate linearly between closest ranks (see [`percentile`]).

mod activity;
mod cohort;
mod diagnosis;
mod flow;
mod funnel;
mod history;
mod kpis;
mod money;
mod period;
pub mod query;
mod scope;
mod sentence;
mod shapley;
mod steps;
mod verdict;

pub use activity::{prospecting_activity, Activity};
pub use cohort::{cohort, owner_shortfalls, shortfall, Cohort, Link, Shortfall};
pub use diagnosis::{active_owners, diagnose, owner_table};
pub use flow::{cumulative_flow, Flow};
pub use funnel::{funnel, Conversion, Funnel, Reached};
pub use history::{median, percentile};
pub use kpis::{kpis, Kpis};
pub use money::format_money;
pub use period::{Part, Period};
pub use scope::Scope;
pub use shapley::{shapley, shapley4, MAX_FACTORS};
pub use steps::{step_stats, stuck_thresholds, StepStats};
pub use verdict::{
    short_of_leads, Benchmark, Diagnosis, Factor, Factors, Verdict, MIN_BENCHMARK_LEADS,
    MIN_DECIDED, SHORT_OF_LEADS,
};
