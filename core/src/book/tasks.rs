//! Tasks on the calendar. Each carries a pipeline tag: the stage of the deal it serves
//! when it was logged (kept afterwards), or the contact's type when it has no deal.

use super::rules::happened;
use super::{BookError, Now, TaskDraft};
use crate::day::Day;
use crate::ids::TaskId;
use crate::model::{Book, Stage, Tag, Task};

impl Book {
    /// A new task with a contact and, optionally, one of that contact's deals.
    pub fn log_task(&mut self, id: TaskId, draft: TaskDraft, now: Now) -> Result<(), BookError> {
        if self.task(id).is_some() {
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
            edited: now.stamp,
        });
        Ok(())
    }

    /// New details for a task. `tag: None` keeps its tag; whether it is done is untouched.
    pub fn edit_task(&mut self, id: TaskId, draft: TaskDraft, now: Now) -> Result<(), BookError> {
        let old_tag = self.task(id).ok_or(BookError::TaskNotFound)?.tag;
        let draft = draft.cleaned()?;
        self.default_tag(&draft)?;
        let tag = match draft.tag {
            Some(tag) => self.usable_tag(tag, Some(old_tag))?,
            None => old_tag,
        };
        let task = self.task_mut(id)?;
        task.title = draft.title;
        task.on = draft.on;
        task.time = draft.time;
        task.duration = draft.duration;
        task.kind = draft.kind;
        task.contact = draft.contact;
        task.deal = draft.deal;
        task.notes = draft.notes;
        task.tag = tag;
        task.edited = now.stamp;
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
        task.edited = now.stamp;
        Ok(())
    }

    /// A done task is open again.
    pub fn reopen_task(&mut self, id: TaskId, now: Now) -> Result<(), BookError> {
        let task = self.task_mut(id)?;
        if task.done_on.is_none() {
            return Err(BookError::TaskNotDone);
        }
        task.done_on = None;
        task.edited = now.stamp;
        Ok(())
    }

    pub fn remove_task(&mut self, id: TaskId) -> Result<(), BookError> {
        if self.task(id).is_none() {
            return Err(BookError::TaskNotFound);
        }
        self.tasks.retain(|t| t.id != id);
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
