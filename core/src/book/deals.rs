//! Deals: opening, moving through the sales process, winning, losing, reopening, fixing
//! a wrongly dated stage change, and removing. The stage history is only ever appended
//! to (or corrected entry by entry, by the entry's id); the current stage is its last
//! entry. A removed entry stays in `Deal::hidden`, stamped, so a merge does not bring it
//! back.

use super::contacts::removed_at;
use super::rules::{follows, happened, required, set};
use super::{BookError, DealDraft, Now};
use crate::day::Day;
use crate::ids::DealId;
use crate::model::{Book, ChangeId, Deal, Process, Stage, StageChange, StepId};

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
        if self.deal(id).is_some() || self.gone.deals.iter().any(|d| d.id == id) {
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
            history: vec![StageChange::new(
                ChangeId::derive(id.0, now.stamp, 0, 0),
                Stage::Step(step),
                on,
                "",
                now.stamp,
            )],
            hidden: Vec::new(),
            stamps: [now.stamp; 8],
            edited: now.stamp,
            removed: 0,
        });
        Ok(())
    }

    /// New details for a deal; its history is untouched. Fields equal to the deal's are
    /// left alone (with their stamps).
    pub fn edit_deal(&mut self, id: DealId, draft: DealDraft, now: Now) -> Result<(), BookError> {
        let base = DealDraft::of(self.deal(id).ok_or(BookError::DealNotFound)?);
        self.revise_deal(id, &base, draft, now)
    }

    /// What a form opened on `base` changed: only the fields the rep changed there are
    /// written. When the deal moves to another contact, its tasks move with it (a task's
    /// deal always belongs to its contact).
    pub fn revise_deal(
        &mut self,
        id: DealId,
        base: &DealDraft,
        draft: DealDraft,
        now: Now,
    ) -> Result<(), BookError> {
        if self.deal(id).is_none() {
            return Err(BookError::DealNotFound);
        }
        let draft = draft.cleaned()?;
        if draft.contact != base.contact && self.contact(draft.contact).is_none() {
            return Err(BookError::ContactNotFound);
        }
        let deal = self.deal_mut(id)?;
        let t = now.stamp;
        let s = &mut deal.stamps;
        let mut changed = false;
        if draft.title != base.title {
            changed |= set(&mut deal.title, &mut s[0], draft.title, t);
        }
        let moved_contact =
            draft.contact != base.contact && set(&mut deal.contact, &mut s[1], draft.contact, t);
        changed |= moved_contact;
        if draft.owner != base.owner {
            changed |= set(&mut deal.owner, &mut s[2], draft.owner, t);
        }
        if draft.value != base.value {
            changed |= set(&mut deal.value, &mut s[3], draft.value, t);
        }
        if draft.currency != base.currency {
            changed |= set(&mut deal.currency, &mut s[4], draft.currency, t);
        }
        if draft.source != base.source {
            changed |= set(&mut deal.source, &mut s[5], draft.source, t);
        }
        if draft.expected_close != base.expected_close {
            changed |= set(&mut deal.expected_close, &mut s[6], draft.expected_close, t);
        }
        if draft.notes != base.notes {
            changed |= set(&mut deal.notes, &mut s[7], draft.notes, t);
        }
        if changed {
            deal.edited = deal.edited.max(t);
        }
        if moved_contact {
            for task in self.tasks.iter_mut().filter(|task| task.deal == Some(id)) {
                if set(&mut task.contact, &mut task.stamps[5], draft.contact, t) {
                    task.edited = task.edited.max(t);
                }
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
        change: ChangeId,
        on: Day,
        note: &str,
        now: Now,
    ) -> Result<(), BookError> {
        let deal = self.deal_mut(id)?;
        let index = deal
            .history
            .iter()
            .position(|c| c.id == change)
            .ok_or(BookError::StageChangeNotFound)?;
        let entry = &deal.history[index];
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
        let next = deal.history.get(index + 1);
        if let Some(next) = next.filter(|n| on > n.on) {
            let next = next.on;
            return Err(BookError::AfterNext {
                what: STAGE_DATE,
                on,
                next,
            });
        }
        let mut fixed = deal.clone();
        let entry = &mut fixed.history[index];
        let t = now.stamp;
        let mut changed = set(&mut entry.on, &mut entry.stamps[StageChange::ON], on, t);
        changed |= set(
            &mut entry.note,
            &mut entry.stamps[StageChange::NOTE],
            note,
            t,
        );
        if !changed {
            return Ok(());
        }
        fixed.edited = fixed.edited.max(t);
        crate::merge::settle_history(&mut fixed);
        // A date equal to a neighbour's can reorder changes made in another order;
        // refuse rather than let the history say something else.
        if fixed
            .history
            .iter()
            .map(|c| c.id)
            .ne(deal.history.iter().map(|c| c.id))
        {
            return Err(BookError::BadHistory(
                "Cannot move this change to that date: it would change the order of the history"
                    .into(),
            ));
        }
        *deal = fixed;
        Ok(())
    }

    /// Removes one stage change entered by mistake. Never the only one, and never when
    /// what is left would make no sense (the same step twice in a row, an outcome first).
    /// The entry is kept hidden, stamped as removed.
    pub fn remove_stage_change(
        &mut self,
        id: DealId,
        change: ChangeId,
        now: Now,
    ) -> Result<(), BookError> {
        let process = &self.process;
        let deal = self
            .deals
            .iter_mut()
            .find(|d| d.id == id)
            .ok_or(BookError::DealNotFound)?;
        let index = deal
            .history
            .iter()
            .position(|c| c.id == change)
            .ok_or(BookError::StageChangeNotFound)?;
        if deal.history.len() == 1 {
            return Err(BookError::OnlyStageChange);
        }
        let mut rest = deal.history.clone();
        let mut entry = rest.remove(index);
        if let Some(problem) = shape_problem(&rest, process) {
            return Err(BookError::BadHistory(format!(
                "Cannot remove this change: it would leave {problem}"
            )));
        }
        let mut fixed = deal.clone();
        entry.removed = now.stamp.max(
            entry
                .at
                .max(entry.stamps.iter().copied().max().unwrap_or(0))
                + 1,
        );
        fixed.history = rest;
        fixed.hidden.push(entry);
        fixed.edited = fixed.edited.max(now.stamp);
        crate::merge::settle_history(&mut fixed);
        if fixed.history.len() != deal.history.len() - 1 {
            return Err(BookError::BadHistory(
                "Cannot remove this change: it would bring back one set aside in a merge".into(),
            ));
        }
        *deal = fixed;
        Ok(())
    }

    /// Removes the deal (kept in [`Book::gone`]). Its tasks stay with the contact,
    /// keeping their tag; returns how many were unlinked.
    pub fn remove_deal(&mut self, id: DealId, now: Now) -> Result<usize, BookError> {
        if self.deal(id).is_none() {
            return Err(BookError::DealNotFound);
        }
        let mut unlinked = 0;
        for task in self.tasks.iter_mut().filter(|t| t.deal == Some(id)) {
            task.deal = None;
            task.stamps[6] = now.stamp.max(task.stamps[6] + 1);
            task.edited = task.edited.max(now.stamp);
            unlinked += 1;
        }
        let (gone, kept) = std::mem::take(&mut self.deals)
            .into_iter()
            .partition(|d| d.id == id);
        self.deals = kept;
        self.gone.deals.extend(removed_at(
            gone,
            now.stamp,
            |d| &mut d.removed,
            |d| d.edited,
        ));
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
        let salt = crate::ids::stable_digest(&[stage.key().as_bytes(), &on.0.to_le_bytes()]);
        let change = deal.next_change_id(now.stamp, salt);
        // After every change so far, even should the clock have gone back.
        let last = deal.history.iter().chain(&deal.hidden).map(|c| c.at).max();
        let at = last.map_or(now.stamp, |l| now.stamp.max(l + 1));
        deal.history
            .push(StageChange::new(change, stage, on, note, at));
        deal.edited = deal.edited.max(at);
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
