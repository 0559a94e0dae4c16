//! Calendar work around deals and prospects: past, overdue, today's and upcoming tasks,
//! each tagged with the deal's step on the day it was planned (docs/product.md, idea 3).

use super::draw::{index, pick, weekday_on_or_after};
use super::words::TASK_NOTES;
use crate::day::Day;
use crate::ids::{ContactId, DealId, IdSource, TaskId};
use crate::model::{ContactType, Deal, Process, Stage, Stamp, Tag, Task, TaskKind};

/// Chance that a finished stay in a step left a task on the calendar.
const TASK_PER_STAY: f64 = 0.5;

/// What every task of one run shares.
pub struct Desk<'a> {
    pub rng: &'a mut fastrand::Rng,
    pub ids: &'a mut dyn IdSource,
    pub today: Day,
    pub stamp: Stamp,
    pub process: &'a Process,
    pub tasks: Vec<Task>,
}

/// Who the work is with, for titles.
pub struct Counterpart<'a> {
    pub id: ContactId,
    pub first_name: &'a str,
    pub company: &'a str,
}

/// The stage a deal was at on `day`: the last history entry on or before it.
pub fn stage_on(deal: &Deal, day: Day) -> Option<Stage> {
    deal.history
        .iter()
        .take_while(|c| c.on <= day)
        .last()
        .map(|c| c.stage)
}

impl Desk<'_> {
    /// Tasks over a deal's life. An existing client's new deal starts with a demo of
    /// the new product, tagged at the deal's prospecting step.
    pub fn deal_tasks(&mut self, deal: &Deal, who: &Counterpart, upsell: Option<&str>) {
        let today = self.today;
        for (i, entry) in deal.history.iter().enumerate() {
            if !entry.stage.is_open() {
                continue;
            }
            let demo = upsell.filter(|_| i == 0);
            match deal.history.get(i + 1) {
                Some(next) => {
                    let odds = if demo.is_some() { 1.0 } else { TASK_PER_STAY };
                    if next.on > entry.on && self.rng.f64() < odds {
                        let day = self.day_within(entry.on, next.on.plus(-1));
                        self.add_for_deal(deal, who, day, demo);
                    }
                }
                None => {
                    // The current step: some work done already, and the next action planned.
                    if entry.on < today && (demo.is_some() || self.rng.f64() < 0.6) {
                        let day = self.day_within(entry.on, today.plus(-1));
                        self.add_for_deal(deal, who, day, demo);
                    } else if demo.is_some() {
                        self.add_for_deal(deal, who, today, demo);
                    }
                    if self.rng.f64() < 0.7 {
                        // Today's work shows even on a weekend; later work falls on working days.
                        let ahead = self.rng.i32(0..=14);
                        let day = match ahead {
                            0 => today,
                            _ => weekday_on_or_after(today.plus(ahead)),
                        };
                        self.add_for_deal(deal, who, day, None);
                    }
                }
            }
        }
    }

    /// Prospecting calls and emails to a contact that has no deal yet.
    pub fn prospecting_tasks(&mut self, who: &Counterpart, kind: ContactType, first: Day) {
        let mut day = first;
        for _ in 0..index(self.rng, 1..=2) {
            if day > self.today.plus(14) {
                break;
            }
            let (task_kind, title) = if self.rng.bool() {
                (
                    TaskKind::Call,
                    format!("Cold call {} at {}", who.first_name, who.company),
                )
            } else {
                (
                    TaskKind::Email,
                    format!("Follow-up email to {}", who.first_name),
                )
            };
            let task = self.task(day, task_kind, title, who.id, None, Tag::Contact(kind));
            self.tasks.push(task);
            day = weekday_on_or_after(day.plus(self.rng.i32(3..=10)));
        }
    }

    fn add_for_deal(&mut self, deal: &Deal, who: &Counterpart, day: Day, demo: Option<&str>) {
        let Some(stage) = stage_on(deal, day.min(self.today)) else {
            return;
        };
        let (kind, title) = match demo {
            Some(product) => (
                TaskKind::Demo,
                format!("Demo {product} to {}", who.first_name),
            ),
            None => self.work_at(stage, who),
        };
        let task = self.task(day, kind, title, who.id, Some(deal.id), Tag::Stage(stage));
        self.tasks.push(task);
    }

    /// The kind of work each step calls for.
    fn work_at(&mut self, stage: Stage, who: &Counterpart) -> (TaskKind, String) {
        let first = who.first_name;
        let company = who.company;
        let either = self.rng.bool();
        let position = match stage {
            Stage::Step(id) => self.process.position(id),
            Stage::Won | Stage::Lost => None,
        };
        match (position, either) {
            (Some(0), true) => (TaskKind::Call, format!("Intro call with {first}")),
            (Some(0), false) => (TaskKind::Email, format!("Intro email to {first}")),
            (Some(1), true) => (TaskKind::Call, format!("Qualification call with {first}")),
            (Some(1), false) => (TaskKind::Email, format!("Send a case study to {first}")),
            (Some(2), _) => (TaskKind::Meeting, format!("First meeting with {company}")),
            (Some(3), true) => (TaskKind::Meeting, format!("Needs workshop at {company}")),
            (Some(3), false) => (TaskKind::Demo, format!("Product demo for {company}")),
            (Some(4), true) => (TaskKind::Proposal, format!("Send proposal to {company}")),
            (Some(4), false) => (
                TaskKind::FollowUp,
                format!("Follow up on proposal with {first}"),
            ),
            (Some(5), true) => (TaskKind::Call, format!("Pricing call with {first}")),
            (Some(5), false) => (
                TaskKind::Meeting,
                format!("Negotiation meeting at {company}"),
            ),
            (Some(6), true) => (
                TaskKind::Email,
                format!("Send contract to {first} for signature"),
            ),
            (Some(6), false) => (TaskKind::Other, format!("Prepare onboarding for {company}")),
            _ => (TaskKind::FollowUp, format!("Check in with {first}")),
        }
    }

    /// A working day between `from` and `to` (inclusive), or `from` when there is none.
    fn day_within(&mut self, from: Day, to: Day) -> Day {
        let span = to.since(from).max(0);
        let day = from.plus(self.rng.i32(0..=span));
        let weekday = weekday_on_or_after(day);
        if weekday <= to {
            weekday
        } else {
            day
        }
    }

    fn task(
        &mut self,
        on: Day,
        kind: TaskKind,
        title: String,
        contact: ContactId,
        deal: Option<DealId>,
        tag: Tag,
    ) -> Task {
        let today = self.today;
        // Old work is done; the last two weeks leave a few overdue (and some caught up
        // today); today's work is half done.
        let done_on = if on < today.plus(-14) {
            Some(on)
        } else if on < today {
            match self.rng.f64() {
                u if u < 0.75 => Some(on),
                u if u < 0.85 => Some(today),
                _ => None,
            }
        } else if on == today {
            // Every other one of today's tasks is done, so the day always shows both.
            let due_today = self.tasks.iter().filter(|t| t.on == today).count();
            (due_today % 2 == 0).then_some(today)
        } else {
            None
        };
        let timed = matches!(kind, TaskKind::Call | TaskKind::Meeting | TaskKind::Demo);
        let time = timed.then(|| 9 * 60 + 30 * self.rng.u16(0..16));
        let duration = timed.then(|| [30, 45, 60][index(self.rng, 0..3)]);
        Task {
            id: TaskId(self.ids.fresh()),
            title,
            on,
            time,
            duration,
            kind,
            contact,
            deal,
            done_on,
            notes: pick(self.rng, TASK_NOTES).to_string(),
            tag,
            stamps: [self.stamp; 10],
            edited: self.stamp,
            removed: 0,
        }
    }
}
