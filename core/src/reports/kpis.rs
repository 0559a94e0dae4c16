//! Headline figures: close rate, revenue, cycle, velocity, coverage.

use super::history::{decision, median, sort, span};
use super::period::Period;
use super::scope::Scope;
use crate::day::Day;
use crate::model::{Book, Cents, Stage};

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Kpis {
    /// won ÷ (won + lost) over deals decided in the period.
    pub close_rate: Option<f64>,
    pub won: usize,
    pub lost: usize,
    /// Sum of the values of deals won in the period.
    pub revenue: Cents,
    /// revenue ÷ won, in cents.
    pub avg_won_value: Option<f64>,
    /// Median days from first history entry to Won, over deals won in the period.
    pub median_cycle_days: Option<f64>,
    /// (open deals × close rate × average won value) ÷ median cycle: cents per day.
    /// `None` when a factor is unknown or the median cycle is 0 days.
    pub velocity_per_day: Option<f64>,
    /// Deals open today, and their total value.
    pub open_deals: usize,
    pub open_value: Cents,
    /// Open value ÷ (target − revenue); `None` without a target or once it is met.
    pub coverage: Option<f64>,
    /// 1 ÷ close rate: the coverage that, at this close rate, would reach the target.
    pub coverage_needed: Option<f64>,
}

pub fn kpis(
    book: &Book,
    scope: &Scope,
    period: &Period,
    today: Day,
    target: Option<Cents>,
) -> Kpis {
    let mut k = Kpis::default();
    let mut cycles = Vec::new();
    for deal in book.deals.iter().filter(|d| scope.includes(&d.owner)) {
        match decision(deal) {
            Some((Stage::Won, on)) if period.contains(on) => {
                k.won += 1;
                k.revenue = k.revenue.saturating_add(deal.value);
                cycles.push(span(deal.opened(), on));
            }
            Some((_, on)) if period.contains(on) => k.lost += 1,
            Some(_) => {}
            None => {
                k.open_deals += 1;
                k.open_value = k.open_value.saturating_add(deal.value);
            }
        }
    }
    let _ = today; // open deals are the book's open deals: the book is as of today
    sort(&mut cycles);
    let decided = k.won + k.lost;
    k.close_rate = (decided > 0).then(|| k.won as f64 / decided as f64);
    k.avg_won_value = (k.won > 0).then(|| k.revenue as f64 / k.won as f64);
    k.median_cycle_days = median(&cycles);
    k.velocity_per_day = match (k.close_rate, k.avg_won_value, k.median_cycle_days) {
        (Some(c), Some(v), Some(cycle)) if cycle > 0.0 => Some(k.open_deals as f64 * c * v / cycle),
        _ => None,
    };
    k.coverage = target
        .map(|t| t.saturating_sub(k.revenue))
        .filter(|&still| still > 0)
        .map(|still| k.open_value as f64 / still as f64);
    k.coverage_needed = k.close_rate.filter(|&c| c > 0.0).map(|c| 1.0 / c);
    k
}
