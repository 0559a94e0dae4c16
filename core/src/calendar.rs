//! The calendar's pure side: month grids (weeks start on Monday), week and agenda ranges,
//! the pipeline tag of a task as a label and a colour, and the task list a view shows
//! after filtering by tag, owner and kind. The page only lays these out.

use crate::day::Day;
use crate::ids::{ContactId, DealId, TaskId};
use crate::model::{Book, ContactType, Process, Stage, Tag, Task, TaskKind};
use std::collections::HashMap;

/// How many days the agenda lists from its start date.
pub const AGENDA_DAYS: i32 = 14;

/// The widest window (CSS pixels) laid out for a phone; style/*.css uses the same
/// breakpoint.
pub const NARROW_WINDOW: f64 = 600.0;

/// The three ways to look at the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Month,
    Week,
    Agenda,
}

impl View {
    pub const ALL: [View; 3] = [View::Month, View::Week, View::Agenda];

    /// The view named in a URL; anything else is the month.
    pub fn parse(text: &str) -> View {
        View::ALL
            .into_iter()
            .find(|v| v.as_str() == text)
            .unwrap_or_default()
    }

    /// The view named in a URL, or `default` when none (or an unknown one) is named.
    pub fn parse_or(text: &str, default: View) -> View {
        View::ALL
            .into_iter()
            .find(|v| v.as_str() == text)
            .unwrap_or(default)
    }

    /// The view shown when the URL names none: on a window narrower than
    /// `NARROW_WINDOW` CSS pixels (a phone) a month's cells are too small for tasks,
    /// so the agenda.
    pub fn default_for_width(width: f64) -> View {
        if width <= NARROW_WINDOW {
            View::Agenda
        } else {
            View::Month
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            View::Month => "month",
            View::Week => "week",
            View::Agenda => "agenda",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            View::Month => "Month",
            View::Week => "Week",
            View::Agenda => "Agenda",
        }
    }

    /// First and last day (inclusive) the view shows around `date`. The month includes
    /// the days of the neighbouring months that fill its first and last weeks.
    pub fn range(self, date: Day) -> (Day, Day) {
        match self {
            View::Month => {
                let (first, _) = week_range(month_start(date));
                let (_, last) = week_range(month_end(date));
                (first, last)
            }
            View::Week => week_range(date),
            View::Agenda => (date, date.plus(AGENDA_DAYS - 1)),
        }
    }

    /// The date `steps` pages away (negative: back): a month, a week or an agenda length.
    pub fn shift(self, date: Day, steps: i32) -> Day {
        match self {
            View::Month => add_months(date, steps),
            View::Week => date.plus(7 * steps),
            View::Agenda => date.plus(AGENDA_DAYS * steps),
        }
    }
}

/// Monday to Sunday of the week holding `day`.
pub fn week_range(day: Day) -> (Day, Day) {
    let monday = day.plus(-(day.weekday() as i32));
    (monday, monday.plus(6))
}

pub fn month_start(day: Day) -> Day {
    day.plus(1 - day.day_of_month() as i32)
}

pub fn month_end(day: Day) -> Day {
    add_months(month_start(day), 1).plus(-1)
}

/// The same day of the month `months` later (or earlier), clamped to the month's end:
/// January 31 + 1 month is the last day of February.
pub fn add_months(day: Day, months: i32) -> Day {
    let index = day.year() * 12 + day.month() as i32 - 1 + months;
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
    (0..4)
        .find_map(|back| Day::from_ymd(year, month, day.day_of_month().saturating_sub(back)))
        .unwrap_or(day)
}

/// One cell of a month grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GridDay {
    pub day: Day,
    /// False for the days of the previous or next month that fill the first and last week.
    pub in_month: bool,
}

/// The weeks (Monday first) that show the month holding `date`: four to six rows.
pub fn month_grid(date: Day) -> Vec<[GridDay; 7]> {
    let month = (date.year(), date.month());
    let (first, last) = View::Month.range(date);
    let mut weeks = Vec::new();
    let mut monday = first;
    while monday <= last {
        weeks.push(std::array::from_fn(|i| {
            let day = monday.plus(i as i32);
            GridDay {
                day,
                in_month: (day.year(), day.month()) == month,
            }
        }));
        monday = monday.plus(7);
    }
    weeks
}

/// A task is overdue when it is not done and its day has passed.
pub fn is_overdue(task: &Task, today: Day) -> bool {
    task.done_on.is_none() && task.on < today
}

/// A tag as it is written in a URL or a form value: the stage's key (`s3`, `won`,
/// `lost`) or the contact type's (`lead`, `prospect`, `client`).
pub fn tag_key(tag: Tag) -> String {
    match tag {
        Tag::Stage(stage) => stage.key(),
        Tag::Contact(kind) => kind.as_str().into(),
    }
}

/// The tag written by [`tag_key`]; `None` for anything else. Links saved before stages
/// had one key wrote a step as `step-3`; those still open the same filter.
pub fn parse_tag(key: &str) -> Option<Tag> {
    let legacy = key.strip_prefix("step-").map(|n| format!("s{n}"));
    let key = legacy.as_deref().unwrap_or(key);
    Stage::parse(key).map(Tag::Stage).or_else(|| {
        ContactType::parse(key)
            .filter(|k| k.as_str() == key)
            .map(Tag::Contact)
    })
}

/// What a tag means to a reader: its words, its colour and whether it is prospecting.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TagView {
    pub key: String,
    /// The step's name, Won or Lost, or the contact type (Lead, Prospect, Client).
    pub label: String,
    /// A CSS class: `s1`…`s8` by the step's place in the process, or `won`, `lost`,
    /// `lead`, `prospect`, `client`.
    pub tone: String,
    /// Work that creates chances: a prospecting step, or a lead's or prospect's task.
    pub prospecting: bool,
}

pub fn tag_view(process: &Process, tag: Tag) -> TagView {
    let (label, tone) = match tag {
        Tag::Stage(stage) => (
            stage.name(process).to_string(),
            stage.tone(process).as_str().to_string(),
        ),
        Tag::Contact(kind) => (kind.label().to_string(), kind.as_str().to_string()),
    };
    TagView {
        key: tag_key(tag),
        label,
        tone,
        prospecting: is_prospecting(process, tag),
    }
}

pub fn is_prospecting(process: &Process, tag: Tag) -> bool {
    match tag {
        Tag::Contact(kind) => kind != ContactType::Client,
        Tag::Stage(Stage::Step(step)) => process.is_prospecting(step),
        Tag::Stage(_) => false,
    }
}

/// Every tag a task can be given, in the order of the sales process: the contact types,
/// the steps, then the outcomes.
pub fn tag_choices(process: &Process) -> Vec<Tag> {
    let types = ContactType::ALL.into_iter().map(Tag::Contact);
    let steps = process.steps.iter().map(|s| Tag::Stage(Stage::Step(s.id)));
    let outcomes = [Tag::Stage(Stage::Won), Tag::Stage(Stage::Lost)];
    types.chain(steps).chain(outcomes).collect()
}

/// Which tasks a view shows; `None` lets every value through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskFilter {
    pub tag: Option<Tag>,
    pub owner: Option<String>,
    pub kind: Option<TaskKind>,
}

/// One task as a calendar or a contact page lists it, with what it shows of its contact
/// and deal. Equal entries render the same, so lists key rows by the whole entry.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    pub id: TaskId,
    pub title: String,
    pub on: Day,
    pub time: Option<u16>,
    pub duration: Option<u16>,
    pub kind: TaskKind,
    pub contact: ContactId,
    pub contact_name: String,
    pub deal: Option<DealId>,
    pub deal_title: Option<String>,
    /// The deal's owner, else the contact's.
    pub owner: String,
    pub tag: TagView,
    pub done_on: Option<Day>,
    pub overdue: bool,
}

impl Entry {
    /// A list key: the task's id and a digest of everything the entry shows, so a row
    /// re-renders when its task, contact name or deal title changes, and only then.
    pub fn key(&self) -> (TaskId, u64) {
        (self.id, crate::ids::row_digest(self))
    }
}

/// Look-ups built once per list, so each task costs two hash reads.
pub struct Lookup<'a> {
    book: &'a Book,
    contacts: HashMap<ContactId, (&'a str, &'a str)>,
    deals: HashMap<DealId, (&'a str, &'a str)>,
}

impl<'a> Lookup<'a> {
    pub fn new(book: &'a Book) -> Lookup<'a> {
        Lookup {
            book,
            contacts: book
                .contacts
                .iter()
                .map(|c| (c.id, (c.name.as_str(), c.owner.as_str())))
                .collect(),
            deals: book
                .deals
                .iter()
                .map(|d| (d.id, (d.title.as_str(), d.owner.as_str())))
                .collect(),
        }
    }

    /// The task's owner: its deal's owner, or its contact's when it has no deal.
    pub fn owner(&self, task: &Task) -> &'a str {
        task.deal
            .and_then(|d| self.deals.get(&d))
            .map(|(_, owner)| *owner)
            .or_else(|| self.contacts.get(&task.contact).map(|(_, owner)| *owner))
            .unwrap_or("")
    }

    pub fn keeps(&self, task: &Task, filter: &TaskFilter) -> bool {
        filter.tag.is_none_or(|tag| task.tag == tag)
            && filter.kind.is_none_or(|kind| task.kind == kind)
            && filter
                .owner
                .as_deref()
                .is_none_or(|owner| self.owner(task) == owner)
    }

    pub fn entry(&self, task: &Task, today: Day) -> Entry {
        let deal = task.deal.and_then(|d| self.deals.get(&d));
        Entry {
            id: task.id,
            title: task.title.clone(),
            on: task.on,
            time: task.time,
            duration: task.duration,
            kind: task.kind,
            contact: task.contact,
            contact_name: self
                .contacts
                .get(&task.contact)
                .map_or_else(String::new, |(name, _)| name.to_string()),
            deal: task.deal,
            deal_title: deal.map(|(title, _)| title.to_string()),
            owner: self.owner(task).to_string(),
            tag: tag_view(&self.book.process, task.tag),
            done_on: task.done_on,
            overdue: is_overdue(task, today),
        }
    }
}

/// The order of a day's tasks: untimed first, then by time, then by title.
fn order(e: &Entry) -> (Day, Option<u16>, String) {
    (e.on, e.time, e.title.to_lowercase())
}

/// The tasks from `from` to `to` (inclusive) that pass the filter, in day and time order.
pub fn entries(book: &Book, from: Day, to: Day, filter: &TaskFilter, today: Day) -> Vec<Entry> {
    let look = Lookup::new(book);
    let mut out: Vec<Entry> = book
        .tasks
        .iter()
        .filter(|t| t.on >= from && t.on <= to && look.keeps(t, filter))
        .map(|t| look.entry(t, today))
        .collect();
    out.sort_by_cached_key(order);
    out
}

/// A deal's tasks, oldest first (untimed before timed on a day), as lists show them.
pub fn deal_entries(book: &Book, deal: DealId, today: Day) -> Vec<Entry> {
    let look = Lookup::new(book);
    let mut out: Vec<Entry> = book
        .tasks
        .iter()
        .filter(|t| t.deal == Some(deal))
        .map(|t| look.entry(t, today))
        .collect();
    out.sort_by_cached_key(order);
    out
}

/// Open tasks whose day is before both `before` and today: what the agenda lists first.
pub fn overdue_before(book: &Book, before: Day, filter: &TaskFilter, today: Day) -> Vec<Entry> {
    entries(
        book,
        crate::book::EARLIEST,
        before.min(today).plus(-1),
        filter,
        today,
    )
    .into_iter()
    .filter(|e| e.overdue)
    .collect()
}

/// Entries grouped by day, keeping their order; days without tasks are left out.
pub fn group_by_day(entries: Vec<Entry>) -> Vec<(Day, Vec<Entry>)> {
    let mut groups: Vec<(Day, Vec<Entry>)> = Vec::new();
    for entry in entries {
        match groups.last_mut() {
            Some((day, list)) if *day == entry.on => list.push(entry),
            _ => groups.push((entry.on, vec![entry])),
        }
    }
    groups
}

/// What a day holds, as a phone's month view counts it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DayLoad {
    pub tasks: usize,
    /// Not done yet.
    pub open: usize,
    pub overdue: usize,
}

/// Each day's task counts, for the days that have tasks.
pub fn day_loads(entries: &[Entry]) -> HashMap<Day, DayLoad> {
    let mut loads: HashMap<Day, DayLoad> = HashMap::new();
    for e in entries {
        let load = loads.entry(e.on).or_default();
        load.tasks += 1;
        load.open += usize::from(e.done_on.is_none());
        load.overdue += usize::from(e.overdue);
    }
    loads
}

#[cfg(test)]
mod tests;
