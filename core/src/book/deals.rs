//! Deals: opening, moving through the sales process, winning, losing, reopening, fixing
//! a wrongly dated stage change, and removing. The stage history is only ever appended
//! to (or corrected entry by entry); the current stage is its last entry.

use super::rules::{follows, happened, required};
use super::{BookError, DealDraft, Now};
use crate::day::Day;
use crate::ids::DealId;
use crate::model::{Book, Deal, Process, Stage, StageChange, StepId};

const STAGE_DATE: &str = "Stage date";

impl Book {
    /// A new deal with the contact, entering the pipeline at `step` on `on`.
    pub fn open_deal(
        &mut self,
        id: DealId,
        draft: DealDraft,
        step: StepId,
        on: Day,
        now: Now,
    ) -> Result<(), BookError> {
        if self.deal(id).is_some() {
            return Err(BookError::IdTaken("deal"));
        }
        let draft = draft.cleaned()?;
        if self.contact(draft.contact).is_none() {
            return Err(BookError::ContactNotFound);
        }
        self.existing_step(step)?;
        happened(STAGE_DATE, on, now.today)?;
        self.deals.push(Deal {
            id,
            title: draft.title,
            contact: draft.contact,
            owner: draft.owner,
            value: draft.value,
            currency: draft.currency,
            source: draft.source,
            expected_close: draft.expected_close,
            notes: draft.notes,
            history: vec![StageChange {
                stage: Stage::Step(step),
                on,
                note: String::new(),
            }],
            edited: now.stamp,
        });
        Ok(())
    }

    /// New details for a deal; its history is untouched. When the deal moves to another
    /// contact, its tasks move with it (a task's deal always belongs to its contact).
    pub fn edit_deal(&mut self, id: DealId, draft: DealDraft, now: Now) -> Result<(), BookError> {
        if self.deal(id).is_none() {
            return Err(BookError::DealNotFound);
        }
        let draft = draft.cleaned()?;
        if self.contact(draft.contact).is_none() {
            return Err(BookError::ContactNotFound);
        }
        let deal = self.deal_mut(id)?;
        let moved_contact = deal.contact != draft.contact;
        deal.title = draft.title;
        deal.contact = draft.contact;
        deal.owner = draft.owner;
        deal.value = draft.value;
        deal.currency = draft.currency;
        deal.source = draft.source;
        deal.expected_close = draft.expected_close;
        deal.notes = draft.notes;
        deal.edited = now.stamp;
        if moved_contact {
            for task in self.tasks.iter_mut().filter(|t| t.deal == Some(id)) {
                task.contact = draft.contact;
                task.edited = now.stamp;
            }
        }
        Ok(())
    }

    /// The deal moves to another step, forwards or backwards.
    pub fn move_deal(
        &mut self,
        id: DealId,
        step: StepId,
        on: Day,
        note: &str,
        now: Now,
    ) -> Result<(), BookError> {
        let deal = self.deal(id).ok_or(BookError::DealNotFound)?;
        if !deal.is_open() {
            return Err(BookError::DealClosed(deal.stage()));
        }
        let name = self.existing_step(step)?;
        if deal.stage() == Stage::Step(step) {
            return Err(BookError::SameStep(name));
        }
        follows(STAGE_DATE, on, deal.history.last().map(|c| c.on), now.today)?;
        self.append(id, Stage::Step(step), on, note.trim(), now)
    }

    /// The deal is won. On the contact's first won deal the contact becomes a client.
    pub fn win_deal(&mut self, id: DealId, on: Day, note: &str, now: Now) -> Result<(), BookError> {
        let deal = self.deal(id).ok_or(BookError::DealNotFound)?;
        if !deal.is_open() {
            return Err(BookError::DealClosed(deal.stage()));
        }
        follows(STAGE_DATE, on, deal.history.last().map(|c| c.on), now.today)?;
        let contact = deal.contact;
        // Before appending: the rule looks for earlier wins, this one excluded.
        self.client_on_first_win(contact, on, now);
        self.append(id, Stage::Won, on, note.trim(), now)
    }

    /// The deal is lost, for a reason the rep gives.
    pub fn lose_deal(
        &mut self,
        id: DealId,
        on: Day,
        reason: &str,
        now: Now,
    ) -> Result<(), BookError> {
        let deal = self.deal(id).ok_or(BookError::DealNotFound)?;
        if !deal.is_open() {
            return Err(BookError::DealClosed(deal.stage()));
        }
        let reason = required("Loss reason", reason)?;
        follows(STAGE_DATE, on, deal.history.last().map(|c| c.on), now.today)?;
        self.append(id, Stage::Lost, on, &reason, now)
    }

    /// A won or lost deal comes back into the pipeline at `step`.
    pub fn reopen_deal(
        &mut self,
        id: DealId,
        step: StepId,
        on: Day,
        note: &str,
        now: Now,
    ) -> Result<(), BookError> {
        let deal = self.deal(id).ok_or(BookError::DealNotFound)?;
        if deal.is_open() {
            return Err(BookError::DealNotClosed);
        }
        self.existing_step(step)?;
        follows(STAGE_DATE, on, deal.history.last().map(|c| c.on), now.today)?;
        self.append(id, Stage::Step(step), on, note.trim(), now)
    }

    /// Fixes the date and note of one stage change. The date stays between its
    /// neighbours' dates and not in the future; a loss keeps a reason.
    pub fn edit_stage_change(
        &mut self,
        id: DealId,
        index: usize,
        on: Day,
        note: &str,
        now: Now,
    ) -> Result<(), BookError> {
        let deal = self.deal_mut(id)?;
        let entry = deal
            .history
            .get(index)
            .ok_or(BookError::StageChangeNotFound(index))?;
        let note = match entry.stage {
            Stage::Lost => required("Loss reason", note)?,
            _ => note.trim().to_string(),
        };
        happened(STAGE_DATE, on, now.today)?;
        let previous = index.checked_sub(1).and_then(|i| deal.history.get(i));
        if let Some(previous) = previous.filter(|p| on < p.on) {
            let previous = previous.on;
            return Err(BookError::BeforePrevious {
                what: STAGE_DATE,
                on,
                previous,
            });
        }
        let next = index.checked_add(1).and_then(|i| deal.history.get(i));
        if let Some(next) = next.filter(|n| on > n.on) {
            let next = next.on;
            return Err(BookError::AfterNext {
                what: STAGE_DATE,
                on,
                next,
            });
        }
        if let Some(entry) = deal.history.get_mut(index) {
            entry.on = on;
            entry.note = note;
        }
        deal.edited = now.stamp;
        Ok(())
    }

    /// Removes one stage change entered by mistake. Never the only one, and never when
    /// what is left would make no sense (the same step twice in a row, an outcome first).
    pub fn remove_stage_change(
        &mut self,
        id: DealId,
        index: usize,
        now: Now,
    ) -> Result<(), BookError> {
        let process = &self.process;
        let deal = self
            .deals
            .iter_mut()
            .find(|d| d.id == id)
            .ok_or(BookError::DealNotFound)?;
        if index >= deal.history.len() {
            return Err(BookError::StageChangeNotFound(index));
        }
        if deal.history.len() == 1 {
            return Err(BookError::OnlyStageChange);
        }
        let mut rest = deal.history.clone();
        rest.remove(index);
        if let Some(problem) = shape_problem(&rest, process) {
            return Err(BookError::BadHistory(format!(
                "Cannot remove this change: it would leave {problem}"
            )));
        }
        deal.history = rest;
        deal.edited = now.stamp;
        Ok(())
    }

    /// Removes the deal. Its tasks stay with the contact, keeping their tag; returns how
    /// many were unlinked.
    pub fn remove_deal(&mut self, id: DealId) -> Result<usize, BookError> {
        if self.deal(id).is_none() {
            return Err(BookError::DealNotFound);
        }
        let mut unlinked = 0;
        for task in self.tasks.iter_mut().filter(|t| t.deal == Some(id)) {
            task.deal = None;
            unlinked += 1;
        }
        self.deals.retain(|d| d.id != id);
        Ok(unlinked)
    }

    /// The name of a step of the process, or `StepNotFound`.
    pub(crate) fn existing_step(&self, step: StepId) -> Result<String, BookError> {
        self.process
            .step(step)
            .map(|s| s.name.clone())
            .ok_or(BookError::StepNotFound)
    }

    fn append(
        &mut self,
        id: DealId,
        stage: Stage,
        on: Day,
        note: &str,
        now: Now,
    ) -> Result<(), BookError> {
        let deal = self.deal_mut(id)?;
        deal.history.push(StageChange {
            stage,
            on,
            note: note.to_string(),
        });
        deal.edited = now.stamp;
        Ok(())
    }
}

/// What is wrong with the order of stages in a history, if anything (dates aside):
/// it must start at a step, never repeat a stage twice in a row, and an outcome is only
/// followed by a step (a reopen).
pub(crate) fn shape_problem(history: &[StageChange], process: &Process) -> Option<String> {
    let first = history.first()?;
    if !first.stage.is_open() {
        return Some(format!(
            "a history starting at {} instead of a step",
            first.stage.name(process)
        ));
    }
    history.windows(2).find_map(|pair| match pair {
        [a, b] if a.stage == b.stage => Some(format!("'{}' twice in a row", a.stage.name(process))),
        [a, b] if !a.stage.is_open() && !b.stage.is_open() => Some(format!(
            "{} right after {}, without a reopen",
            b.stage.name(process),
            a.stage.name(process)
        )),
        _ => None,
    })
}
