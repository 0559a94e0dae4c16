//! The pipeline board: one column per step of the process, then Won and Lost, each with
//! the cards of the deals in it. Pure, so the board page only wraps it in a `Memo` and
//! a move repaints from one pass over the deals.

use crate::day::Day;
use crate::ids::{ContactId, DealId};
use crate::model::{Book, Cents, Deal, Stage, Stamp};
use crate::reports::stuck_thresholds;
use std::collections::HashMap;

/// What the board shows: every field is optional and they all have to match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardFilter {
    /// Only deals owned by this rep (exact name).
    pub owner: Option<String>,
    /// Only deals from this source (exact name).
    pub source: Option<String>,
    /// Words found, case-insensitively, in the title, contact name or company.
    pub text: String,
}

impl BoardFilter {
    pub fn is_empty(&self) -> bool {
        self.owner.is_none() && self.source.is_none() && self.text.trim().is_empty()
    }
}

/// One deal as a card shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CardData {
    pub id: DealId,
    pub title: String,
    pub contact: String,
    pub company: String,
    pub value: Cents,
    pub currency: String,
    pub owner: String,
    /// Days since the deal entered its current stage.
    pub days: i32,
    /// Longer in its step than the step's threshold (never for Won or Lost).
    pub stuck: bool,
    pub edited: Stamp,
}

/// One column of the board.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub stage: Stage,
    pub name: String,
    /// Days after which a deal in this step is stuck: the step's setting, or else the
    /// 90th percentile of every completed stay in it. `None` for outcomes and for a
    /// step without a setting or any completed stay.
    pub stuck_after: Option<f64>,
    pub count: usize,
    pub total: Cents,
    pub cards: Vec<CardData>,
}

/// The board's columns: the process's steps in order, then Won and Lost. Open columns
/// list the longest-waiting deal first (the ones to act on); outcome columns the most
/// recent decision first. Thresholds come from every deal, whatever the filter, so a
/// filter never changes what "stuck" means.
pub fn board_columns(book: &Book, filter: &BoardFilter, today: Day) -> Vec<Column> {
    let thresholds = stuck_thresholds(book);
    let mut columns: Vec<Column> = book
        .process
        .steps
        .iter()
        .map(|step| Column {
            stage: Stage::Step(step.id),
            name: step.name.clone(),
            stuck_after: thresholds.get(&step.id).copied(),
            count: 0,
            total: 0,
            cards: Vec::new(),
        })
        .collect();
    for stage in [Stage::Won, Stage::Lost] {
        columns.push(Column {
            stage,
            name: stage.name(&book.process).into(),
            stuck_after: None,
            count: 0,
            total: 0,
            cards: Vec::new(),
        });
    }
    let index: HashMap<Stage, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.stage, i))
        .collect();
    let contacts: HashMap<ContactId, (&str, &str)> = book
        .contacts
        .iter()
        .map(|c| (c.id, (c.name.as_str(), c.company.as_str())))
        .collect();
    let words: Vec<String> = filter
        .text
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    for deal in &book.deals {
        // A deal at a step removed from the process has no column to sit in.
        let Some(&k) = index.get(&deal.stage()) else {
            continue;
        };
        let (contact, company) = contacts.get(&deal.contact).copied().unwrap_or(("", ""));
        if !matches(deal, contact, company, filter, &words) {
            continue;
        }
        let column = &mut columns[k];
        let days = today.since(deal.since()).max(0);
        column.count += 1;
        column.total = column.total.saturating_add(deal.value);
        column.cards.push(CardData {
            id: deal.id,
            title: deal.title.clone(),
            contact: contact.to_string(),
            company: company.to_string(),
            value: deal.value,
            currency: deal.currency.clone(),
            owner: deal.owner.clone(),
            days,
            stuck: column
                .stuck_after
                .is_some_and(|limit| f64::from(days) > limit),
            edited: deal.edited,
        });
    }
    for column in &mut columns {
        let by_title = |a: &CardData, b: &CardData| a.title.cmp(&b.title).then(a.id.cmp(&b.id));
        if column.stage.is_open() {
            column
                .cards
                .sort_by(|a, b| b.days.cmp(&a.days).then_with(|| by_title(a, b)));
        } else {
            column
                .cards
                .sort_by(|a, b| a.days.cmp(&b.days).then_with(|| by_title(a, b)));
        }
    }
    columns
}

fn matches(
    deal: &Deal,
    contact: &str,
    company: &str,
    filter: &BoardFilter,
    words: &[String],
) -> bool {
    if filter.owner.as_deref().is_some_and(|o| o != deal.owner) {
        return false;
    }
    if filter.source.as_deref().is_some_and(|s| s != deal.source) {
        return false;
    }
    if words.is_empty() {
        return true;
    }
    let haystack = format!("{}\n{}\n{}", deal.title, contact, company).to_lowercase();
    words.iter().all(|w| haystack.contains(w.as_str()))
}

/// Where a deal may move, as the move dialog offers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoveChoices {
    /// The deal's stage now.
    pub current: Stage,
    /// Any other step, and Won and Lost while it is open; only steps once it is won or
    /// lost (a reopen). With each one's name.
    pub choices: Vec<(Stage, String)>,
    /// The likely destination: the next step along, or for a reopen the step the deal
    /// was at when it was decided (when that step still exists).
    pub suggested: Option<Stage>,
}

/// The move dialog's options for a deal; `None` for a deal not in the book.
pub fn move_choices(book: &Book, deal: DealId) -> Option<MoveChoices> {
    let deal = book.deal(deal)?;
    let current = deal.stage();
    let mut choices: Vec<(Stage, String)> = book
        .process
        .steps
        .iter()
        .map(|s| Stage::Step(s.id))
        .filter(|s| *s != current)
        .map(|s| (s, s.name(&book.process).to_string()))
        .collect();
    if current.is_open() {
        for outcome in [Stage::Won, Stage::Lost] {
            choices.push((outcome, outcome.name(&book.process).to_string()));
        }
    }
    let suggested = match current {
        Stage::Step(s) => {
            let at = book.process.position(s).map_or(0, |p| p + 1);
            book.process.steps.get(at).map(|s| Stage::Step(s.id))
        }
        _ => deal
            .history
            .iter()
            .rev()
            .find(|c| c.stage.is_open())
            .map(|c| c.stage)
            .filter(|last| choices.iter().any(|c| c.0 == *last)),
    };
    Some(MoveChoices {
        current,
        choices,
        suggested,
    })
}

#[cfg(test)]
mod tests;
