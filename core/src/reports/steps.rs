//! Step statistics: where deals pile up and how long they sit (docs/metrics.md).

use super::history::{for_each_stay, percentile, sort};
use super::period::Period;
use super::scope::Scope;
use crate::day::Day;
use crate::ids::DealId;
use crate::model::{Book, StepId};
use std::collections::HashMap;

/// How one step of the process is doing. Times are in days.
#[derive(Clone, Debug, PartialEq)]
pub struct StepStats {
    pub step: StepId,
    pub name: String,
    /// Deals in the step today.
    pub wip: usize,
    /// Median and 90th percentile of the *latest* completed stay, one value per deal
    /// that left the step in the period (its last departure in the period).
    pub latest_median: Option<f64>,
    pub latest_p90: Option<f64>,
    /// Same deals, but each deal's total over all its completed stays in the step up
    /// to that departure (a deal that moved back counts every stay).
    pub cumulative_median: Option<f64>,
    pub cumulative_p90: Option<f64>,
    /// Deals that left the step in the period (each deal once) per 7 days.
    pub throughput_per_week: f64,
    /// WIP ÷ throughput (Little's law). `Some(0.0)` with no WIP; `None` when deals
    /// wait but none left in the period: an infinite backlog, reported as bloated.
    pub backlog_weeks: Option<f64>,
    /// Median of every completed stay in the step, ever (each stay one value), in days.
    pub historical_median: Option<f64>,
    /// Threshold in days for "stuck": the step's own setting, or else the 90th
    /// percentile of every completed stay ever, by anyone (`stuck_thresholds`: the
    /// board's threshold too, whatever the owner filter); `None` when there is neither.
    pub stuck_after: Option<f64>,
    /// Deals whose current stay is longer than `stuck_after`, longest first.
    pub stuck: Vec<DealId>,
    pub bloated: bool,
    /// Why, in a rep's words, when bloated.
    pub bloat_reason: Option<String>,
    /// Whether the step has any completed stay to compare its backlog with. Without
    /// one the backlog is never called too long (there is not yet enough history to
    /// say so); only stuck deals, by the step's own threshold, can make it bloated.
    pub has_history: bool,
}

/// Per step: its own "stuck after" setting, or the 90th percentile of every completed
/// stay in it, by any owner. One threshold everywhere: the board and the report use it.
pub fn stuck_thresholds(book: &Book) -> HashMap<StepId, f64> {
    let mut stays: HashMap<StepId, Vec<f64>> = HashMap::new();
    for deal in &book.deals {
        for_each_stay(deal, |stay| {
            if let Some(to) = stay.to {
                stays
                    .entry(stay.step)
                    .or_default()
                    .push(f64::from(to.since(stay.from).max(0)));
            }
        });
    }
    book.process
        .steps
        .iter()
        .filter_map(|step| {
            let limit = match step.stuck_after {
                Some(days) => Some(f64::from(days)),
                None => stays.get_mut(&step.id).and_then(|values| {
                    sort(values);
                    percentile(values, 90.0)
                }),
            };
            limit.map(|l| (step.id, l))
        })
        .collect()
}

#[derive(Default)]
struct Acc {
    wip: Vec<(f64, DealId)>,
    latest: Vec<f64>,
    cumulative: Vec<f64>,
    all: Vec<f64>,
}

/// One row per step of the process, in process order. Stays in steps no longer in
/// the process are ignored.
pub fn step_stats(book: &Book, scope: &Scope, period: &Period, today: Day) -> Vec<StepStats> {
    let steps = &book.process.steps;
    let mut acc: Vec<Acc> = steps.iter().map(|_| Acc::default()).collect();
    // Per deal and step: completed days so far, and (latest, cumulative) of the last
    // stay that ended in the period.
    let mut so_far = vec![0.0; steps.len()];
    let mut left: Vec<Option<(f64, f64)>> = vec![None; steps.len()];
    for deal in book.deals.iter().filter(|d| scope.includes(&d.owner)) {
        so_far.iter_mut().for_each(|v| *v = 0.0);
        left.iter_mut().for_each(|v| *v = None);
        for_each_stay(deal, |stay| {
            let Some(k) = book.process.position(stay.step) else {
                return;
            };
            let days = stay.days(today);
            match stay.to {
                None => acc[k].wip.push((days, deal.id)),
                Some(to) => {
                    acc[k].all.push(days);
                    so_far[k] += days;
                    if period.contains(to) {
                        left[k] = Some((days, so_far[k]));
                    }
                }
            }
        });
        for (k, hit) in left.iter().enumerate() {
            if let Some((latest, cumulative)) = *hit {
                acc[k].latest.push(latest);
                acc[k].cumulative.push(cumulative);
            }
        }
    }
    // Per week of the period's elapsed days: a period so far has no days to come.
    let weeks = f64::from(period.elapsed_days(today)) / 7.0;
    let thresholds = stuck_thresholds(book);
    steps
        .iter()
        .zip(acc)
        .map(|(step, mut a)| {
            sort(&mut a.latest);
            sort(&mut a.cumulative);
            sort(&mut a.all);
            let wip = a.wip.len();
            let throughput = a.latest.len() as f64 / weeks;
            let backlog_weeks = if wip == 0 {
                Some(0.0)
            } else if throughput > 0.0 {
                Some(wip as f64 / throughput)
            } else {
                None
            };
            let historical_median = percentile(&a.all, 50.0);
            let stuck_after = thresholds.get(&step.id).copied();
            a.wip.sort_by(|x, y| y.0.total_cmp(&x.0));
            let stuck: Vec<DealId> = match stuck_after {
                Some(limit) => a
                    .wip
                    .iter()
                    .filter(|(days, _)| *days > limit)
                    .map(|(_, id)| *id)
                    .collect(),
                None => Vec::new(),
            };
            let bloat_reason =
                bloat_reason(wip, backlog_weeks, historical_median, &stuck, stuck_after);
            StepStats {
                step: step.id,
                name: step.name.clone(),
                wip,
                latest_median: percentile(&a.latest, 50.0),
                latest_p90: percentile(&a.latest, 90.0),
                cumulative_median: percentile(&a.cumulative, 50.0),
                cumulative_p90: percentile(&a.cumulative, 90.0),
                throughput_per_week: throughput,
                backlog_weeks,
                historical_median,
                stuck_after,
                stuck,
                bloated: bloat_reason.is_some(),
                bloat_reason,
                has_history: historical_median.is_some(),
            }
        })
        .collect()
}

/// Bloated when more than a quarter of the WIP is stuck, or — against the step's own
/// history, its median completed stay in days — when the backlog exceeds 1.5 × that
/// median (in weeks) or deals wait and none left in the period (an unbounded backlog).
/// With no completed stay yet there is nothing to hold the backlog against.
fn bloat_reason(
    wip: usize,
    backlog_weeks: Option<f64>,
    median: Option<f64>,
    stuck: &[DealId],
    stuck_after: Option<f64>,
) -> Option<String> {
    let mut reasons = Vec::new();
    match (backlog_weeks, median) {
        (_, None) => {}
        (None, Some(_)) => reasons.push(format!(
            "{wip} deals wait here and none moved on in the period"
        )),
        (Some(backlog), Some(median)) if backlog > 1.5 * median / 7.0 => reasons.push(format!(
            "the backlog of {backlog:.1} weeks is more than 1.5 × the usual {:.1} weeks here",
            median / 7.0
        )),
        _ => {}
    }
    if stuck.len() * 4 > wip {
        reasons.push(format!(
            "{} of {wip} deals are stuck (over {:.0} days here)",
            stuck.len(),
            stuck_after.unwrap_or(0.0)
        ));
    }
    if reasons.is_empty() {
        return None;
    }
    let text = reasons.join("; ");
    let mut chars = text.chars();
    Some(
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or(text),
    )
}
