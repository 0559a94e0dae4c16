//! The sales process: steps with stable ids, so renaming or reordering a step never
//! breaks a deal's history. A step deals have been in is never silently dropped: removing
//! it is refused, merging it into another step rewrites the histories first.

use super::rules::required;
use super::{BookError, Now};
use crate::model::{Book, Stage, StageChange, Step, StepId, Tag};

impl Book {
    /// Adds a step at position `at` (clamped to the end) and returns its new id.
    pub fn add_step(&mut self, name: &str, at: usize) -> Result<StepId, BookError> {
        let name = self.free_step_name(name, None)?;
        let id = self.next_step_id()?;
        let at = at.min(self.process.steps.len());
        self.process.steps.insert(
            at,
            Step {
                id,
                name,
                stuck_after: None,
            },
        );
        Ok(id)
    }

    pub fn rename_step(&mut self, id: StepId, name: &str) -> Result<(), BookError> {
        self.existing_step(id)?;
        let name = self.free_step_name(name, Some(id))?;
        if let Some(step) = self.process.steps.iter_mut().find(|s| s.id == id) {
            step.name = name;
        }
        Ok(())
    }

    /// Moves a step to position `to` (clamped to the end).
    pub fn move_step(&mut self, id: StepId, to: usize) -> Result<(), BookError> {
        let from = self.process.position(id).ok_or(BookError::StepNotFound)?;
        let step = self.process.steps.remove(from);
        let to = to.min(self.process.steps.len());
        self.process.steps.insert(to, step);
        Ok(())
    }

    /// Deals in the step count as stuck after `days` days; `None` means the step's own
    /// 90th percentile.
    pub fn set_stuck_after(&mut self, id: StepId, days: Option<u32>) -> Result<(), BookError> {
        if days == Some(0) {
            return Err(BookError::ZeroStuckAfter);
        }
        let step = self
            .process
            .steps
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or(BookError::StepNotFound)?;
        step.stuck_after = days;
        Ok(())
    }

    /// Removes a step no deal has ever been in (otherwise: merge it into another step).
    pub fn remove_step(&mut self, id: StepId) -> Result<(), BookError> {
        let name = self.existing_step(id)?;
        let deals = self.deals_ever_in(id);
        if deals > 0 {
            return Err(BookError::StepInUse { name, deals });
        }
        if self.process.steps.len() <= 1 {
            return Err(BookError::LastStep);
        }
        self.process.steps.retain(|s| s.id != id);
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
        let mut changed = 0;
        for deal in self.deals.iter_mut() {
            if !deal.history.iter().any(|c| c.stage == old) {
                continue;
            }
            let history = std::mem::take(&mut deal.history);
            deal.history = collapse(history.into_iter().map(|mut c| {
                if c.stage == old {
                    c.stage = new;
                }
                c
            }));
            deal.edited = now.stamp;
            changed += 1;
        }
        for task in self.tasks.iter_mut() {
            if task.tag == Tag::Stage(old) {
                task.tag = Tag::Stage(new);
                task.edited = now.stamp;
            }
        }
        self.process.steps.retain(|s| s.id != from);
        Ok(changed)
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

    /// One more than any step id the book has ever used: in the process, in histories
    /// and in task tags. A removed step's id is never handed out again, so old tags and
    /// backups merged later never point at the wrong step.
    fn next_step_id(&self) -> Result<StepId, BookError> {
        let in_process = self.process.steps.iter().map(|s| s.id.0);
        let in_histories = self
            .deals
            .iter()
            .flat_map(|d| d.history.iter())
            .filter_map(|c| step_of(c.stage));
        let in_tags = self.tasks.iter().filter_map(|t| match t.tag {
            Tag::Stage(stage) => step_of(stage),
            Tag::Contact(_) => None,
        });
        let max = in_process.chain(in_histories).chain(in_tags).max();
        match max {
            None => Ok(StepId(1)),
            Some(max) => max
                .checked_add(1)
                .map(StepId)
                .ok_or(BookError::TooManySteps),
        }
    }
}

fn step_of(stage: Stage) -> Option<u32> {
    match stage {
        Stage::Step(id) => Some(id.0),
        _ => None,
    }
}

/// Back-to-back entries of the same stage become one: the earlier entry's date stays,
/// and its note, or the later note when the earlier has none.
fn collapse(history: impl Iterator<Item = StageChange>) -> Vec<StageChange> {
    let mut out: Vec<StageChange> = Vec::new();
    for change in history {
        match out.last_mut() {
            Some(last) if last.stage == change.stage => {
                if last.note.is_empty() {
                    last.note = change.note;
                }
            }
            _ => out.push(change),
        }
    }
    out
}
