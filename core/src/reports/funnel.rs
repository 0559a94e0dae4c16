//! The funnel: how far deals get, and how many move on from each step.

use super::period::Period;
use super::scope::Scope;
use crate::day::Day;
use crate::model::{Book, Stage, StepId};

#[derive(Clone, Debug, PartialEq)]
pub struct Reached {
    pub step: StepId,
    pub name: String,
    /// Deals (of those that entered in the period) whose history contains this step
    /// or a later one.
    pub deals: usize,
}

/// Conversion from one step to the next over the deals that left it in the period.
#[derive(Clone, Debug, PartialEq)]
pub struct Conversion {
    pub from: StepId,
    /// The next step, or `Stage::Won` after the last step.
    pub to: Stage,
    /// Deals that left `from` in the period (each deal once).
    pub left: usize,
    /// Of those, deals that reached `to` or a later step (Won included) by today. A
    /// deal that moved back and later went on counts here: a move back is no loss.
    pub went_on: usize,
    /// Of those, deals lost without reaching `to`.
    pub lost: usize,
    /// Of those, deals that moved back and have not (yet) reached `to`.
    pub back: usize,
    /// `went_on ÷ left`; `None` when no deal left.
    pub rate: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Funnel {
    /// Deals that entered the pipeline (first history entry) in the period: the
    /// cohort the reached counts are taken over.
    pub entered: usize,
    /// Per process step, in order.
    pub reached: Vec<Reached>,
    /// Of the entered deals, those won by today.
    pub won: usize,
    pub conversions: Vec<Conversion>,
}

/// Reached counts are over the cohort of deals that *entered* in the period, followed
/// up to today, so the bars only shrink from step to step. A won deal has reached
/// every step, even ones it skipped; a skipped step counts as reached when a later
/// one is in the history. Steps no longer in the process count for nothing.
pub fn funnel(book: &Book, scope: &Scope, period: &Period, _today: Day) -> Funnel {
    let steps = &book.process.steps;
    let mut reached = vec![0usize; steps.len()];
    let mut left = vec![0usize; steps.len()];
    let mut went_on = vec![0usize; steps.len()];
    let mut lost = vec![0usize; steps.len()];
    let mut entered = 0;
    let mut won = 0;
    // Per step, for the current deal: did it leave the step in the period?
    let mut left_now = vec![false; steps.len()];
    let position = |stage: Stage| match stage {
        Stage::Step(id) => book.process.position(id),
        _ => None,
    };
    for deal in book.deals.iter().filter(|d| scope.includes(&d.owner)) {
        if period.contains(deal.opened()) {
            entered += 1;
            let is_won = deal.history.iter().any(|c| c.stage == Stage::Won);
            won += usize::from(deal.stage() == Stage::Won);
            let furthest = if is_won {
                steps.len().checked_sub(1)
            } else {
                deal.history.iter().filter_map(|c| position(c.stage)).max()
            };
            if let Some(furthest) = furthest {
                reached.iter_mut().take(furthest + 1).for_each(|r| *r += 1);
            }
        }
        // The steps it left in the period, and the furthest it ever got.
        left_now.iter_mut().for_each(|d| *d = false);
        for pair in deal.history.windows(2) {
            let (here, next) = (&pair[0], &pair[1]);
            if here.stage == next.stage || !period.contains(next.on) {
                continue;
            }
            if let Some(k) = position(here.stage) {
                left_now[k] = true;
            }
        }
        let is_won = deal.history.iter().any(|c| c.stage == Stage::Won);
        let furthest = deal.history.iter().filter_map(|c| position(c.stage)).max();
        for (k, _) in left_now.iter().enumerate().filter(|(_, l)| **l) {
            left[k] += 1;
            if is_won || furthest.is_some_and(|f| f > k) {
                went_on[k] += 1;
            } else if deal.stage() == Stage::Lost {
                lost[k] += 1;
            }
        }
    }
    Funnel {
        entered,
        reached: steps
            .iter()
            .zip(&reached)
            .map(|(s, &deals)| Reached {
                step: s.id,
                name: s.name.clone(),
                deals,
            })
            .collect(),
        won,
        conversions: steps
            .iter()
            .enumerate()
            .map(|(k, s)| Conversion {
                from: s.id,
                to: steps.get(k + 1).map_or(Stage::Won, |n| Stage::Step(n.id)),
                left: left[k],
                went_on: went_on[k],
                lost: lost[k],
                back: left[k] - went_on[k] - lost[k],
                rate: (left[k] > 0).then(|| went_on[k] as f64 / left[k] as f64),
            })
            .collect(),
    }
}
