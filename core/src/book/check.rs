//! The invariants every event keeps, checked on data that did not come through them
//! (a restored backup, a merge, an import). Runs in linear time: storage checks books of
//! 10,000 deals on every load.

use super::deals::shape_problem;
use super::rules::{currency, follows, in_range};
use super::BookError;
use crate::day::Day;
use crate::ids::{ContactId, DealId, TaskId};
use crate::model::{Book, Stage};
use std::collections::{HashMap, HashSet};

impl Book {
    /// `Ok` when the book keeps every rule, else the first problem found.
    pub fn check(&self, today: Day) -> Result<(), BookError> {
        match self.problems(today).into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(()),
        }
    }

    /// Every broken rule in the book, each described (`BookError::Invalid`).
    pub fn problems(&self, today: Day) -> Vec<BookError> {
        let mut out = Vec::new();
        let mut say = |text: String| out.push(BookError::Invalid(text));
        self.process_problems(&mut say);
        self.contact_problems(today, &mut say);
        self.deal_problems(today, &mut say);
        self.task_problems(today, &mut say);
        self.merge_problems(&mut say);
        out
    }

    /// What the merge needs: ids unique among present and removed records, removed
    /// records stamped as such, history entries with distinct ids.
    fn merge_problems(&self, say: &mut impl FnMut(String)) {
        let gone = &self.gone;
        let live_contacts: HashSet<ContactId> = self.contacts.iter().map(|c| c.id).collect();
        let live_deals: HashSet<DealId> = self.deals.iter().map(|d| d.id).collect();
        let live_tasks: HashSet<TaskId> = self.tasks.iter().map(|t| t.id).collect();
        let live_steps: HashSet<_> = self.process.steps.iter().map(|s| s.id).collect();
        let twice = |what: &str| format!("A removed {what} is also present");
        if gone.contacts.iter().any(|c| live_contacts.contains(&c.id)) {
            say(twice("contact"));
        }
        if gone.deals.iter().any(|d| live_deals.contains(&d.id)) {
            say(twice("deal"));
        }
        if gone.tasks.iter().any(|t| live_tasks.contains(&t.id)) {
            say(twice("task"));
        }
        if gone.steps.iter().any(|s| live_steps.contains(&s.id)) {
            say(twice("step"));
        }
        let unmarked = gone.contacts.iter().any(|c| c.removed == 0)
            || gone.deals.iter().any(|d| d.removed == 0)
            || gone.tasks.iter().any(|t| t.removed == 0)
            || gone.steps.iter().any(|s| s.removed == 0);
        if unmarked {
            say("A removed record has no removal date".into());
        }
        for deal in self.deals.iter().chain(&gone.deals) {
            let mut ids = HashSet::new();
            if !deal
                .history
                .iter()
                .chain(&deal.hidden)
                .all(|c| ids.insert(c.id))
            {
                say(format!(
                    "Deal '{}' has two stage changes with one id",
                    deal.title
                ));
            }
        }
        for contact in self.contacts.iter().chain(&gone.contacts) {
            let mut ids = HashSet::new();
            if !contact
                .types
                .iter()
                .chain(&contact.hidden_types)
                .all(|t| ids.insert(t.id))
            {
                say(format!(
                    "Contact '{}' has two type changes with one id",
                    contact.name
                ));
            }
        }
    }

    fn process_problems(&self, say: &mut impl FnMut(String)) {
        if self.process.steps.is_empty() {
            say("The sales process has no steps".into());
        }
        let mut ids = HashSet::new();
        let mut names = HashSet::new();
        for step in &self.process.steps {
            if !ids.insert(step.id) {
                say(format!("Step id {} is used twice", step.id.0));
            }
            if step.name.trim().is_empty() {
                say(format!("Step {} has no name", step.id.0));
            } else if !names.insert(step.name.to_lowercase()) {
                say(format!("Two steps are named '{}'", step.name));
            }
            if step.stuck_after == Some(0) {
                say(format!("Step '{}' is stuck after 0 days", step.name));
            }
        }
    }

    fn contact_problems(&self, today: Day, say: &mut impl FnMut(String)) {
        let mut ids: HashSet<ContactId> = HashSet::new();
        for contact in &self.contacts {
            let who = &contact.name;
            if !ids.insert(contact.id) {
                say(format!("Contact '{who}' appears twice (id {})", contact.id));
            }
            if who.trim().is_empty() {
                say(format!("Contact {} has no name", contact.id));
            }
            if contact.types.is_empty() {
                say(format!("Contact '{who}' has no type history"));
            }
            let mut previous = None;
            for change in &contact.types {
                if let Err(e) = follows("Type date", change.on, previous, today) {
                    say(format!("Contact '{who}': {e}"));
                }
                previous = Some(change.on);
            }
            if contact.types.windows(2).any(|p| p[0].kind == p[1].kind) {
                say(format!("Contact '{who}' has the same type twice in a row"));
            }
        }
    }

    fn deal_problems(&self, today: Day, say: &mut impl FnMut(String)) {
        let contacts: HashSet<ContactId> = self.contacts.iter().map(|c| c.id).collect();
        let steps: HashSet<_> = self.process.steps.iter().map(|s| s.id).collect();
        let mut ids: HashSet<DealId> = HashSet::new();
        for deal in &self.deals {
            let what = &deal.title;
            if !ids.insert(deal.id) {
                say(format!("Deal '{what}' appears twice (id {})", deal.id));
            }
            if what.trim().is_empty() {
                say(format!("Deal {} has no title", deal.id));
            }
            if deal.value < 0 {
                say(format!("Deal '{what}' has a negative value"));
            }
            if currency(&deal.currency).ok().as_ref() != Some(&deal.currency) {
                say(format!(
                    "Deal '{what}': currency '{}' is not a code like USD",
                    deal.currency
                ));
            }
            if !contacts.contains(&deal.contact) {
                say(format!(
                    "Deal '{what}' belongs to a contact that does not exist"
                ));
            }
            if let Some(Err(e)) = deal
                .expected_close
                .map(|d| in_range("Expected close date", d))
            {
                say(format!("Deal '{what}': {e}"));
            }
            if deal.history.is_empty() {
                say(format!("Deal '{what}' has no stage history"));
            }
            if let Some(problem) = shape_problem(&deal.history, &self.process) {
                say(format!("Deal '{what}' has {problem}"));
            }
            let mut previous = None;
            for change in &deal.history {
                if let Stage::Step(step) = change.stage {
                    if !steps.contains(&step) {
                        say(format!(
                            "Deal '{what}' was in step {}, which is not in the sales process",
                            step.0
                        ));
                    }
                }
                if let Err(e) = follows("Stage date", change.on, previous, today) {
                    say(format!("Deal '{what}': {e}"));
                }
                previous = Some(change.on);
            }
        }
    }

    /// Any tag is fine: a step tag may name a step removed since (shown as such).
    fn task_problems(&self, today: Day, say: &mut impl FnMut(String)) {
        let contacts: HashSet<ContactId> = self.contacts.iter().map(|c| c.id).collect();
        let deals: HashMap<DealId, ContactId> =
            self.deals.iter().map(|d| (d.id, d.contact)).collect();
        let mut ids: HashSet<TaskId> = HashSet::new();
        for task in &self.tasks {
            let what = &task.title;
            if !ids.insert(task.id) {
                say(format!("Task '{what}' appears twice (id {})", task.id));
            }
            if what.trim().is_empty() {
                say(format!("Task {} has no title", task.id));
            }
            if !contacts.contains(&task.contact) {
                say(format!(
                    "Task '{what}' is with a contact that does not exist"
                ));
            }
            match task.deal.map(|d| deals.get(&d)) {
                Some(None) => say(format!("Task '{what}' is for a deal that does not exist")),
                Some(Some(owner)) if *owner != task.contact => {
                    say(format!("Task '{what}' is for a deal of another contact"))
                }
                _ => {}
            }
            if let Err(e) = in_range("Task date", task.on) {
                say(format!("Task '{what}': {e}"));
            }
            if task.time.is_some_and(|t| t >= 24 * 60) {
                say(format!("Task '{what}' has a time past midnight"));
            }
            if task.duration.is_some_and(|d| d == 0 || d > 24 * 60) {
                say(format!(
                    "Task '{what}' has a duration outside 1 minute to 24 hours"
                ));
            }
            if let Some(Err(e)) = task.done_on.map(|d| follows("Done date", d, None, today)) {
                say(format!("Task '{what}': {e}"));
            }
        }
    }
}
