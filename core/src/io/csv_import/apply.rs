//! Turning mapped rows into records: the import preview. Each kind of row has its own
//! file (`contacts`, `deals`, `tasks`); `row` reads cells by field.

mod contacts;
mod deals;
mod row;
mod tasks;

use super::fields::{Field, Target};
use super::sniff::Sniffed;
use super::values::DateFormat;
use crate::day::Day;
use crate::ids::{Id, IdSource};
use crate::io::text::day_text;
use crate::model::{Book, Contact, Stage, Stamp};
use crate::people::ContactIndex;
use row::Row;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// A row that cannot be imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The 1-based line of the file where the row starts.
    pub row: usize,
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {}: {}", self.row, self.message)
    }
}

/// What importing would do. `book_after` holds our data plus every good row; the caller
/// saves it in one go when the user accepts (skipping the rows in `errors`), or drops it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPreview {
    pub rows_ok: usize,
    pub errors: Vec<RowError>,
    pub new_contacts: usize,
    pub new_deals: usize,
    pub new_tasks: usize,
    /// Contact rows matching a contact we already have (same id, email, or name and
    /// company): left as they are.
    pub already_there: usize,
    /// Deal rows that name no contact (no name, company or email), however
    /// `Choices::contactless` brings them in.
    pub without_contact: usize,
    pub book_after: Book,
}

/// What to do with deal rows that name no contact. Real exports have them (a deal
/// entered without an account); they are real open deals and count as new leads.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Contactless {
    /// Leave them out, each with a row error, until the user chooses.
    #[default]
    Skip,
    /// One new contact per such deal, named after the deal's title.
    NamedAfterDeal,
    /// One contact for all of them, by this name (ours if we have it, else new).
    OneContact(String),
}

/// What the user settled in the wizard: what the rows are, each column's field, how
/// dates are written, which step each stage word means, and deals without a contact.
#[derive(Clone, Copy, Debug)]
pub struct Choices<'a> {
    pub target: Target,
    pub mapping: &'a [Field],
    pub date_format: DateFormat,
    pub stage_map: &'a [(String, Option<Stage>)],
    pub contactless: &'a Contactless,
}

pub fn preview(
    sniffed: &Sniffed,
    choices: &Choices,
    ours: &Book,
    today: Day,
    ids: &mut dyn IdSource,
    now: Stamp,
) -> ImportPreview {
    let mut run = Run {
        book: ours.clone(),
        today,
        now,
        date_format: choices.date_format,
        stages: choices
            .stage_map
            .iter()
            .map(|(text, stage)| (text.trim().to_lowercase(), *stage))
            .collect(),
        contactless: choices.contactless.clone(),
        people: ContactIndex::default(),
        deal_titles: HashMap::new(),
        taken: HashSet::new(),
        out: Counts::default(),
    };
    run.index_ours();
    for (i, cells) in sniffed.rows.iter().enumerate() {
        let line = sniffed.lines.get(i).copied().unwrap_or(i + 2);
        let row = Row {
            cells,
            mapping: choices.mapping,
            headers: &sniffed.headers,
        };
        let result = row.check_sizes().and_then(|()| match choices.target {
            Target::Contacts => run.contact_row(&row, ids),
            Target::Deals => run.deal_row(&row, ids),
            Target::Tasks => run.task_row(&row, ids),
        });
        match result {
            Ok(()) => run.out.rows_ok += 1,
            Err(message) => run.out.errors.push(RowError { row: line, message }),
        }
    }
    ImportPreview {
        rows_ok: run.out.rows_ok,
        errors: run.out.errors,
        new_contacts: run.out.new_contacts,
        new_deals: run.out.new_deals,
        new_tasks: run.out.new_tasks,
        already_there: run.out.already_there,
        without_contact: run.out.without_contact,
        book_after: run.book,
    }
}

#[derive(Default)]
struct Counts {
    rows_ok: usize,
    errors: Vec<RowError>,
    new_contacts: usize,
    new_deals: usize,
    new_tasks: usize,
    already_there: usize,
    without_contact: usize,
}

struct Run {
    book: Book,
    today: Day,
    now: Stamp,
    date_format: DateFormat,
    stages: HashMap<String, Option<Stage>>,
    contactless: Contactless,
    people: ContactIndex,
    /// Deal titles (lowercase) to their indexes, for tasks naming a deal.
    deal_titles: HashMap<String, Vec<usize>>,
    /// Every id in the book, so an imported Pipewise id is never used twice.
    taken: HashSet<Id>,
    out: Counts,
}

/// The contact a row names: one we have, or a new one to add with the row.
enum Who {
    Existing(usize),
    New(Box<Contact>),
}

impl Run {
    fn index_ours(&mut self) {
        for (i, c) in self.book.contacts.iter().enumerate() {
            self.people.add(c, i);
            self.taken.insert(c.id.0);
        }
        for (i, d) in self.book.deals.iter().enumerate() {
            self.deal_titles
                .entry(d.title.trim().to_lowercase())
                .or_default()
                .push(i);
            self.taken.insert(d.id.0);
        }
        for t in &self.book.tasks {
            self.taken.insert(t.id.0);
        }
    }

    /// The row's Pipewise id when it has a fresh one, else a new id.
    fn id_for(&mut self, row: &Row, ids: &mut dyn IdSource) -> Id {
        match Id::parse(row.get(Field::Id)) {
            Some(id) if !self.taken.contains(&id) => id,
            _ => ids.fresh(),
        }
    }

    /// A dated cell: `None` when empty, an error when not a date.
    fn date(&self, row: &Row, field: Field, what: &str) -> Result<Option<Day>, String> {
        let text = row.get(field);
        if text.is_empty() {
            return Ok(None);
        }
        self.date_format
            .parse(text)
            .map(Some)
            .ok_or_else(|| format!("{what} {text} is not a date"))
    }

    /// Like `date`, for things that have already happened.
    fn past_date(&self, row: &Row, field: Field, what: &str) -> Result<Option<Day>, String> {
        let day = self.date(row, field, what)?;
        match day {
            Some(d) if d > self.today => Err(format!("{what} {} is in the future", day_text(d))),
            _ => Ok(day),
        }
    }

    fn owner(&self, row: &Row) -> String {
        let owner = row.get(Field::Owner);
        if owner.is_empty() {
            self.book.settings.me.clone()
        } else {
            owner.to_string()
        }
    }

    fn stage_of(&self, text: &str, column: &str) -> Result<Option<Stage>, String> {
        if text.is_empty() {
            return Ok(None);
        }
        match self.stages.get(&text.to_lowercase()) {
            Some(Some(stage)) => Ok(Some(*stage)),
            _ => Err(format!(
                "{column} “{text}” is not matched to a step of your process; choose one in the \
                 stage list"
            )),
        }
    }
}
