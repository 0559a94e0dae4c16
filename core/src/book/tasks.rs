//! Tasks on the calendar. Each carries a pipeline tag: the stage of the deal it serves
//! when it was logged (kept afterwards), or the contact's type when it has no deal.

use super::contacts::removed_at;
use super::rules::{happened, set};
use super::{BookError, Now, TaskDraft};
use crate::day::Day;
use crate::ids::TaskId;
use crate::model::{Book, Stage, Tag, Task};

impl Book {
    /// A new task with a contact and, optionally, one of that contact's deals.
    pub fn log_task(&mut self, id: TaskId, draft: TaskDraft, now: Now) -> Result<(), BookError> {
        if self.task(id).is_some() || self.gone.tasks.iter().any(|t| t.id == id) {
            return Err(BookError::IdTaken("task"));
        }
        let draft = draft.cleaned()?;
        let default_tag = self.default_tag(&draft)?;
        let tag = match draft.tag {
            Some(tag) => self.usable_tag(tag, None)?,
            None => default_tag,
        };
        self.tasks.push(Task {
            id,
            title: draft.title,
            on: draft.on,
            time: draft.time,
            duration: draft.duration,
            kind: draft.kind,
            contact: draft.contact,
            deal: draft.deal,
            done_on: None,
            notes: draft.notes,
            tag,
            stamps: [now.stamp; 10],
            edited: now.stamp,
            removed: 0,
        });
        Ok(())
    }

    /// New details for a task. `tag: None` keeps its tag; whether it is done is
    /// untouched. Fields equal to the task's are left alone (with their stamps).
    pub fn edit_task(&mut self, id: TaskId, draft: TaskDraft, now: Now) -> Result<(), BookError> {
        let base = TaskDraft::of(self.task(id).ok_or(BookError::TaskNotFound)?);
        self.revise_task(id, &base, draft, now)
    }

    /// What a form opened on `base` changed: only the fields the rep changed there are
    /// written. The contact and deal are written together (a task's deal belongs to its
    /// contact).
    pub fn revise_task(
        &mut self,
        id: TaskId,
        base: &TaskDraft,
        draft: TaskDraft,
        now: Now,
    ) -> Result<(), BookError> {
        let old_tag = self.task(id).ok_or(BookError::TaskNotFound)?.tag;
        let draft = draft.cleaned()?;
        let moved = (draft.contact, draft.deal) != (base.contact, base.deal);
        let current = self.task(id).map(|t| (t.contact, t.deal));
        let (contact, deal) = if moved {
            (draft.contact, draft.deal)
        } else {
            current.unwrap_or((draft.contact, draft.deal))
        };
        self.default_tag(&TaskDraft {
            contact,
            deal,
            ..draft.clone()
        })?;
        let tag = match draft.tag {
            Some(tag) if Some(tag) != base.tag => Some(self.usable_tag(tag, Some(old_tag))?),
            _ => None,
        };
        let task = self.task_mut(id)?;
        let t = now.stamp;
        let s = &mut task.stamps;
        let mut changed = false;
        if draft.title != base.title {
            changed |= set(&mut task.title, &mut s[0], draft.title, t);
        }
        if draft.on != base.on {
            changed |= set(&mut task.on, &mut s[1], draft.on, t);
        }
        if draft.time != base.time {
            changed |= set(&mut task.time, &mut s[2], draft.time, t);
        }
        if draft.duration != base.duration {
            changed |= set(&mut task.duration, &mut s[3], draft.duration, t);
        }
        if draft.kind != base.kind {
            changed |= set(&mut task.kind, &mut s[4], draft.kind, t);
        }
        if moved {
            changed |= set(&mut task.contact, &mut s[5], contact, t);
            changed |= set(&mut task.deal, &mut s[6], deal, t);
        }
        if draft.notes != base.notes {
            changed |= set(&mut task.notes, &mut s[8], draft.notes, t);
        }
        if let Some(tag) = tag {
            changed |= set(&mut task.tag, &mut s[9], tag, t);
        }
        if changed {
            task.edited = task.edited.max(t);
        }
        Ok(())
    }

    /// The task was done on `on` (not in the future).
    pub fn complete_task(&mut self, id: TaskId, on: Day, now: Now) -> Result<(), BookError> {
        let task = self.task_mut(id)?;
        if task.done_on.is_some() {
            return Err(BookError::TaskAlreadyDone);
        }
        happened("Done date", on, now.today)?;
        task.done_on = Some(on);
        task.stamps[7] = now.stamp.max(task.stamps[7] + 1);
        task.edited = task.edited.max(now.stamp);
        Ok(())
    }

    /// A done task is open again.
    pub fn reopen_task(&mut self, id: TaskId, now: Now) -> Result<(), BookError> {
        let task = self.task_mut(id)?;
        if task.done_on.is_none() {
            return Err(BookError::TaskNotDone);
        }
        task.done_on = None;
        task.stamps[7] = now.stamp.max(task.stamps[7] + 1);
        task.edited = task.edited.max(now.stamp);
        Ok(())
    }

    /// Removes the task (kept in [`Book::gone`]).
    pub fn remove_task(&mut self, id: TaskId, now: Now) -> Result<(), BookError> {
        if self.task(id).is_none() {
            return Err(BookError::TaskNotFound);
        }
        let (gone, kept) = std::mem::take(&mut self.tasks)
            .into_iter()
            .partition(|t| t.id == id);
        self.tasks = kept;
        self.gone.tasks.extend(removed_at(
            gone,
            now.stamp,
            |t| &mut t.removed,
            |t| t.edited,
        ));
        Ok(())
    }

    /// Checks the draft's contact and deal, and gives the tag a new task would get:
    /// the deal's current stage, or the contact's type.
    fn default_tag(&self, draft: &TaskDraft) -> Result<Tag, BookError> {
        let contact = self
            .contact(draft.contact)
            .ok_or(BookError::ContactNotFound)?;
        let Some(deal) = draft.deal else {
            return Ok(Tag::Contact(contact.kind()));
        };
        let deal = self.deal(deal).ok_or(BookError::DealNotFound)?;
        if deal.contact != contact.id {
            return Err(BookError::DealOfOtherContact);
        }
        Ok(Tag::Stage(deal.stage()))
    }

    /// A tag the rep picked: a step must still be in the process, unless the task
    /// already had exactly that tag.
    fn usable_tag(&self, tag: Tag, old: Option<Tag>) -> Result<Tag, BookError> {
        match tag {
            Tag::Stage(Stage::Step(step)) if Some(tag) != old => {
                self.existing_step(step)?;
                Ok(tag)
            }
            _ => Ok(tag),
        }
    }
}
