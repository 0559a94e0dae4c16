//! The sales process: steps with stable ids, so renaming or reordering a step never
//! breaks a deal's history. A step deals have been in is never silently dropped: removing
//! it is refused, merging it into another step rewrites the histories first.

use super::rules::{required, set};
use super::{BookError, Now};
use crate::model::{Book, ChangeId, Stage, StageChange, Step, StepId, Tag};

impl Book {
    /// Adds a step at position `at` (clamped to the end) and returns its new id: a
    /// random one (drawn from the moment and the name), so steps added in two browsers
    /// never share an id. Its rank lies between its neighbours'.
    pub fn add_step(&mut self, name: &str, at: usize, now: Now) -> Result<StepId, BookError> {
        let name = self.free_step_name(name, None)?;
        let id = self.fresh_step_id(&name, now);
        let at = at.min(self.process.steps.len());
        self.process.steps.insert(
            at,
            Step {
                id,
                name,
                stuck_after: None,
                rank: 0,
                stamps: [now.stamp; 3],
                removed: 0,
            },
        );
        self.rank_step(at, now);
        crate::merge::number_steps(&mut self.process);
        Ok(id)
    }

    pub fn rename_step(&mut self, id: StepId, name: &str, now: Now) -> Result<(), BookError> {
        self.existing_step(id)?;
        let name = self.free_step_name(name, Some(id))?;
        if let Some(step) = self.process.steps.iter_mut().find(|s| s.id == id) {
            set(
                &mut step.name,
                &mut step.stamps[Step::NAME],
                name,
                now.stamp,
            );
        }
        crate::merge::number_steps(&mut self.process);
        Ok(())
    }

    /// Moves a step to position `to` (clamped to the end): it takes a rank between its
    /// new neighbours'.
    pub fn move_step(&mut self, id: StepId, to: usize, now: Now) -> Result<(), BookError> {
        let from = self.process.position(id).ok_or(BookError::StepNotFound)?;
        let step = self.process.steps.remove(from);
        let to = to.min(self.process.steps.len());
        self.process.steps.insert(to, step);
        if to != from {
            self.rank_step(to, now);
        }
        crate::merge::number_steps(&mut self.process);
        Ok(())
    }

    /// Deals in the step count as stuck after `days` days; `None` means the step's own
    /// 90th percentile.
    pub fn set_stuck_after(
        &mut self,
        id: StepId,
        days: Option<u32>,
        now: Now,
    ) -> Result<(), BookError> {
        if days == Some(0) {
            return Err(BookError::ZeroStuckAfter);
        }
        let step = self
            .process
            .steps
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or(BookError::StepNotFound)?;
        set(
            &mut step.stuck_after,
            &mut step.stamps[Step::STUCK_AFTER],
            days,
            now.stamp,
        );
        Ok(())
    }

    /// Removes a step no deal has ever been in (otherwise: merge it into another step).
    /// It is kept in [`Book::gone`] so a merge does not bring it back.
    pub fn remove_step(&mut self, id: StepId, now: Now) -> Result<(), BookError> {
        let name = self.existing_step(id)?;
        let deals = self.deals_ever_in(id);
        if deals > 0 {
            return Err(BookError::StepInUse { name, deals });
        }
        if self.process.steps.len() <= 1 {
            return Err(BookError::LastStep);
        }
        self.take_step(id, now);
        Ok(())
    }

    /// Folds step `from` into step `into`: histories and task tags that name `from` name
    /// `into` instead, back-to-back stays in `into` become one (the earlier date counts),
    /// and `from` leaves the process. Returns how many deals changed.
    pub fn merge_step(&mut self, from: StepId, into: StepId, now: Now) -> Result<usize, BookError> {
        self.existing_step(from)?;
        self.existing_step(into)?;
        if from == into {
            return Err(BookError::MergeIntoItself);
        }
        let (old, new) = (Stage::Step(from), Stage::Step(into));
        let t = now.stamp;
        let mut changed = 0;
        // Present records only: a removed deal or task stays as it was removed (editing
        // it would count as an edit after its removal and bring it back in a merge).
        for deal in self.deals.iter_mut() {
            let mut touched = false;
            for c in deal.history.iter_mut().chain(deal.hidden.iter_mut()) {
                if c.stage == old {
                    set(&mut c.stage, &mut c.stamps[StageChange::STAGE], new, t);
                    touched = true;
                }
            }
            if touched {
                keep_first_notes(&mut deal.history, new, t);
                deal.edited = deal.edited.max(t);
                let shown: Vec<_> = deal.history.iter().map(|c| c.id).collect();
                crate::merge::settle_history(deal);
                // A stay folded into the one before it is removed, not just hidden, so a
                // later move cannot bring it back.
                for c in deal.hidden.iter_mut() {
                    if c.removed == 0 && shown.contains(&c.id) {
                        c.removed = t.max(c.stamps.iter().copied().max().unwrap_or(0) + 1);
                    }
                }
                changed += 1;
            }
        }
        for task in self.tasks.iter_mut() {
            if task.tag == Tag::Stage(old) {
                task.tag = Tag::Stage(new);
                task.stamps[9] = t.max(task.stamps[9] + 1);
                task.edited = task.edited.max(t);
            }
        }
        self.take_step(from, now);
        Ok(changed)
    }

    /// Moves a step into `gone`, stamped as removed.
    fn take_step(&mut self, id: StepId, now: Now) {
        if let Some(i) = self.process.position(id) {
            let mut step = self.process.steps.remove(i);
            let edited = step.stamps.iter().copied().max().unwrap_or(0);
            step.removed = now.stamp.max(edited + 1);
            self.gone.steps.push(step);
        }
        crate::merge::number_steps(&mut self.process);
    }

    /// Gives the step at `at` a rank between its neighbours'. When they leave no room,
    /// every step is ranked afresh (a rare, stamped change of every rank).
    fn rank_step(&mut self, at: usize, now: Now) {
        let steps = &mut self.process.steps;
        let before = at.checked_sub(1).map_or(0, |i| steps[i].rank);
        let after = steps.get(at + 1).map(|s| s.rank);
        let rank = match after {
            None => before.checked_add(Step::RANK_GAP),
            Some(after) if after > before + 1 => Some(before + (after - before) / 2),
            Some(_) => None,
        };
        match rank {
            Some(rank) => {
                let step = &mut steps[at];
                set(
                    &mut step.rank,
                    &mut step.stamps[Step::RANK],
                    rank,
                    now.stamp,
                );
            }
            None => {
                for (i, step) in steps.iter_mut().enumerate() {
                    let rank = (i as u64 + 1) * Step::RANK_GAP;
                    set(
                        &mut step.rank,
                        &mut step.stamps[Step::RANK],
                        rank,
                        now.stamp,
                    );
                }
            }
        }
    }

    /// A new random-looking step id no step has (not even a removed one).
    fn fresh_step_id(&self, name: &str, now: Now) -> StepId {
        let mut salt = crate::ids::stable_digest(&[name.as_bytes()]);
        loop {
            let id = ChangeId::derive(crate::ids::Id(0), now.stamp, 0, salt).0 >> 11;
            let id = StepId(id);
            let taken = id.0 <= 64
                || self.process.step(id).is_some()
                || self.gone.steps.iter().any(|s| s.id == id)
                || self
                    .deals
                    .iter()
                    .flat_map(|d| &d.history)
                    .any(|c| c.stage == Stage::Step(id));
            if !taken {
                return id;
            }
            salt = salt.wrapping_add(1);
        }
    }

    /// How many deals have ever been in the step.
    pub fn deals_ever_in(&self, id: StepId) -> usize {
        let stage = Stage::Step(id);
        self.deals
            .iter()
            .filter(|d| d.history.iter().any(|c| c.stage == stage))
            .count()
    }

    /// The step name trimmed, if no other step has it (ignoring case).
    fn free_step_name(&self, name: &str, except: Option<StepId>) -> Result<String, BookError> {
        let name = required("Step name", name)?;
        let lower = name.to_lowercase();
        let taken = self
            .process
            .steps
            .iter()
            .any(|s| Some(s.id) != except && s.name.to_lowercase() == lower);
        if taken {
            return Err(BookError::StepNameTaken(name));
        }
        Ok(name)
    }
}

/// When back-to-back stays in `stage` become one, the earlier entry stays (with its
/// date); it takes the later entry's note when it has none.
fn keep_first_notes(
    history: &mut [crate::model::StageChange],
    stage: Stage,
    now: crate::model::Stamp,
) {
    for i in 1..history.len() {
        let (head, tail) = history.split_at_mut(i);
        let (first, second) = (&mut head[i - 1], &tail[0]);
        if first.stage == stage
            && second.stage == stage
            && first.note.is_empty()
            && !second.note.is_empty()
        {
            let note = second.note.clone();
            set(
                &mut first.note,
                &mut first.stamps[StageChange::NOTE],
                note,
                now,
            );
        }
    }
}
