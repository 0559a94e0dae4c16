//! Turning mapped rows into records: the import preview.

use super::values::{self, cell_text, DateFormat};
use super::{Field, Sniffed, Target, MAX_CELL_CHARS};
use crate::day::Day;
use crate::ids::{ContactId, DealId, Id, IdSource, TaskId};
use crate::io::{day_text, stage_name};
use crate::model::{
    Book, Contact, ContactType, Deal, Stage, StageChange, Stamp, StepId, Tag, Task, TypeChange,
};
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
    pub book_after: Book,
}

#[allow(clippy::too_many_arguments)]
pub fn preview(
    sniffed: &Sniffed,
    target: Target,
    mapping: &[Field],
    date_format: DateFormat,
    stage_map: &[(String, Option<Stage>)],
    ours: &Book,
    today: Day,
    ids: &mut dyn IdSource,
    now: Stamp,
) -> ImportPreview {
    let mut run = Run {
        book: ours.clone(),
        today,
        now,
        date_format,
        stages: stage_map
            .iter()
            .map(|(text, stage)| (text.trim().to_lowercase(), *stage))
            .collect(),
        people: People::default(),
        deal_titles: HashMap::new(),
        taken: HashSet::new(),
        out: Counts::default(),
    };
    run.index_ours();
    for (i, cells) in sniffed.rows.iter().enumerate() {
        let line = sniffed.lines.get(i).copied().unwrap_or(i + 2);
        let row = Row {
            cells,
            mapping,
            headers: &sniffed.headers,
        };
        let result = row.check_sizes().and_then(|()| match target {
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
}

/// One row's cells with the mapping, for reading fields by name.
struct Row<'a> {
    cells: &'a [String],
    mapping: &'a [Field],
    headers: &'a [String],
}

impl Row<'_> {
    /// The first non-empty cell mapped to `field`, or "".
    fn get(&self, field: Field) -> &str {
        self.mapping
            .iter()
            .zip(self.cells)
            .filter(|(f, _)| **f == field)
            .map(|(_, cell)| cell_text(cell))
            .find(|text| !text.is_empty())
            .unwrap_or("")
    }

    fn check_sizes(&self) -> Result<(), String> {
        for (i, cell) in self.cells.iter().enumerate() {
            let chars = cell.chars().count();
            if chars > MAX_CELL_CHARS {
                let column = self.headers.get(i).map_or("a", String::as_str);
                return Err(format!(
                    "the “{column}” cell is {chars} characters long; the most is {MAX_CELL_CHARS}"
                ));
            }
        }
        Ok(())
    }

    /// The non-empty cells of step-date columns.
    fn step_dates(&self) -> impl Iterator<Item = (StepId, &str)> {
        self.mapping
            .iter()
            .zip(self.cells)
            .filter_map(|(field, cell)| match field {
                Field::StepDate(id) => Some((*id, cell_text(cell))),
                _ => None,
            })
            .filter(|(_, text)| !text.is_empty())
    }

    /// The person's name, from one column or from first and last names.
    fn person_name(&self) -> String {
        let name = self.get(Field::Name);
        if !name.is_empty() {
            return name.to_string();
        }
        let parts = [self.get(Field::FirstName), self.get(Field::LastName)];
        parts
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Lookups from a person's email, or name and company, to our contacts.
#[derive(Default)]
struct People {
    by_email: HashMap<String, usize>,
    by_name: HashMap<(String, String), usize>,
}

impl People {
    fn add(&mut self, contact: &Contact, index: usize) {
        let email = contact.email.trim().to_lowercase();
        if !email.is_empty() {
            self.by_email.entry(email).or_insert(index);
        }
        self.by_name
            .entry(name_key(&contact.name, &contact.company))
            .or_insert(index);
    }

    /// Match by email first, then by name and company.
    fn find(&self, name: &str, company: &str, email: &str) -> Option<usize> {
        let email = email.trim().to_lowercase();
        if !email.is_empty() {
            if let Some(&i) = self.by_email.get(&email) {
                return Some(i);
            }
        }
        // A contact made from a company alone is named after the company.
        let name = if name.is_empty() { company } else { name };
        if name.is_empty() {
            return None;
        }
        self.by_name.get(&name_key(name, company)).copied()
    }
}

fn name_key(name: &str, company: &str) -> (String, String) {
    (name.trim().to_lowercase(), company.trim().to_lowercase())
}

struct Run {
    book: Book,
    today: Day,
    now: Stamp,
    date_format: DateFormat,
    stages: HashMap<String, Option<Stage>>,
    people: People,
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

    fn contact_row(&mut self, row: &Row, ids: &mut dyn IdSource) -> Result<(), String> {
        let name = row.person_name();
        let (company, email) = (row.get(Field::Company), row.get(Field::Email));
        if name.is_empty() && company.is_empty() && email.is_empty() {
            return Err("no name, company or email".into());
        }
        let type_text = row.get(Field::ContactType);
        let kind = if type_text.is_empty() {
            ContactType::Lead
        } else {
            values::parse_contact_type(type_text).ok_or_else(|| {
                format!("contact type “{type_text}” is not lead, prospect or client")
            })?
        };
        let since = self
            .past_date(row, Field::Created, "created date")?
            .unwrap_or(self.today);
        let id_in_file = Id::parse(row.get(Field::Id));
        let known = id_in_file.is_some_and(|id| self.taken.contains(&id))
            || self.people.find(&name, company, email).is_some();
        if known {
            self.out.already_there += 1;
            return Ok(());
        }
        let id = self.id_for(row, ids);
        let mut contact = self.new_contact(row, id, name, since);
        contact.notes = row.get(Field::Notes).to_string();
        contact.types = vec![TypeChange { kind, on: since }];
        self.add_contact(contact);
        Ok(())
    }

    /// A lead from the row's person fields (notes stay with the deal or task row).
    fn new_contact(&self, row: &Row, id: Id, name: String, since: Day) -> Contact {
        let company = row.get(Field::Company).to_string();
        let email = row.get(Field::Email).to_string();
        let name = match (name.is_empty(), company.is_empty()) {
            (false, _) => name,
            (true, false) => company.clone(),
            (true, true) => email.clone(),
        };
        Contact {
            id: ContactId(id),
            name,
            company,
            email,
            phone: row.get(Field::Phone).to_string(),
            owner: self.owner(row),
            source: row.get(Field::Source).to_string(),
            notes: String::new(),
            types: vec![TypeChange {
                kind: ContactType::Lead,
                on: since,
            }],
            edited: self.now,
        }
    }

    fn add_contact(&mut self, contact: Contact) -> usize {
        let index = self.book.contacts.len();
        self.people.add(&contact, index);
        self.taken.insert(contact.id.0);
        self.book.contacts.push(contact);
        self.out.new_contacts += 1;
        index
    }

    fn owner(&self, row: &Row) -> String {
        let owner = row.get(Field::Owner);
        if owner.is_empty() {
            self.book.settings.me.clone()
        } else {
            owner.to_string()
        }
    }

    /// The contact a deal or task row names, found or to be created. Nothing is added
    /// to the book until the whole row is known to be good.
    fn who(
        &mut self,
        row: &Row,
        ids: &mut dyn IdSource,
        since: Day,
        needed_by: &str,
    ) -> Result<Who, String> {
        let name = row.person_name();
        let (company, email) = (row.get(Field::Company), row.get(Field::Email));
        if let Some(i) = self.people.find(&name, company, email) {
            return Ok(Who::Existing(i));
        }
        if name.is_empty() && company.is_empty() && email.is_empty() {
            return Err(format!(
                "no contact name, company or email: {needed_by} needs a contact"
            ));
        }
        // The row's id column is the deal's or task's, not the contact's.
        let contact = self.new_contact(row, ids.fresh(), name, since);
        Ok(Who::New(Box::new(contact)))
    }

    fn place(&mut self, who: Who) -> usize {
        match who {
            Who::Existing(i) => i,
            Who::New(contact) => self.add_contact(*contact),
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

    fn deal_row(&mut self, row: &Row, ids: &mut dyn IdSource) -> Result<(), String> {
        let title = row.get(Field::Title).to_string();
        if title.is_empty() {
            return Err("the deal has no title".into());
        }
        let first_step = self
            .book
            .process
            .steps
            .first()
            .map(|s| Stage::Step(s.id))
            .ok_or("your sales process has no steps")?;
        let stage = self.stage_of(row.get(Field::Stage), "stage")?;
        let status = match row.get(Field::Status) {
            "" => None,
            text => match self.stages.get(&text.to_lowercase()) {
                Some(Some(s)) => Some(*s),
                _ if values::is_open_word(text) => None,
                _ => self.stage_of(text, "status")?,
            },
        };
        let created = self.past_date(row, Field::Created, "created date")?;
        let won_on = self.past_date(row, Field::WonDate, "won date")?;
        let lost_on = self.past_date(row, Field::LostDate, "lost date")?;
        let close = self.date(row, Field::CloseDate, "close date")?;
        let expected = self.date(row, Field::ExpectedClose, "expected close date")?;

        // The outcome: a won / lost status or stage, or a won or lost date on its own.
        let outcome = [status, stage]
            .into_iter()
            .flatten()
            .find(|s| !s.is_open())
            .or(match (status, won_on, lost_on) {
                (None, Some(_), None) => Some(Stage::Won),
                (None, None, Some(_)) => Some(Stage::Lost),
                _ => None,
            });
        let step = [stage, status]
            .into_iter()
            .flatten()
            .find(|s| s.is_open())
            .unwrap_or(first_step);

        let decided = match outcome {
            Some(result) => {
                let (own_date, word) = if result == Stage::Won {
                    (won_on, "won")
                } else {
                    (lost_on, "lost")
                };
                let on = own_date.or(close).ok_or_else(|| {
                    format!("the deal is {word} but has no {word} date or close date")
                })?;
                if on > self.today {
                    return Err(format!("{word} date {} is in the future", day_text(on)));
                }
                Some((result, on, word))
            }
            None => None,
        };
        let reached = self.step_dates(row)?;
        let opened = created
            .or(reached.first().map(|c| c.on))
            .or(decided.map(|(_, on, _)| on))
            .unwrap_or(self.today);
        let mut history = reached;
        match history.first_mut() {
            // The created date is when the deal entered its first step.
            Some(first) => first.on = first.on.min(opened),
            None => history.push(StageChange {
                stage: step,
                on: opened,
                note: String::new(),
            }),
        }
        // A current step later than the dated ones (or moved back to): from the last date.
        if stage.is_some_and(Stage::is_open) && history.last().map(|c| c.stage) != Some(step) {
            let on = history.last().map_or(opened, |c| c.on);
            history.push(StageChange {
                stage: step,
                on,
                note: String::new(),
            });
        }
        history.dedup_by(|later, earlier| later.stage == earlier.stage);
        if let Some((result, on, word)) = decided {
            if let Some(last) = history.last().filter(|last| last.on > on) {
                let before = if history.len() == 1 && created.is_some() {
                    "the created date".to_string()
                } else {
                    format!("the {} date", stage_name(&self.book.process, last.stage))
                };
                return Err(format!(
                    "{word} date {} is before {before} {}",
                    day_text(on),
                    day_text(last.on)
                ));
            }
            let note = if result == Stage::Lost {
                row.get(Field::LossReason).to_string()
            } else {
                String::new()
            };
            history.push(StageChange {
                stage: result,
                on,
                note,
            });
        }

        let (value, symbol_currency) = match row.get(Field::Value) {
            "" => (0, None),
            text => values::parse_money(text)?,
        };
        let currency = match row.get(Field::Currency) {
            "" => symbol_currency.unwrap_or_else(|| self.book.settings.currency.clone()),
            text => values::parse_currency(text)
                .ok_or_else(|| format!("currency “{text}” is not a 3-letter code like EUR"))?,
        };
        let who = self.who(row, ids, opened, "a deal")?;

        let contact_index = self.place(who);
        let won_on = decided.and_then(|(r, on, _)| (r == Stage::Won).then_some(on));
        let contact = self.mark_client(contact_index, won_on);
        let deal = Deal {
            id: DealId(self.id_for(row, ids)),
            title,
            contact,
            owner: self.owner(row),
            value,
            currency,
            source: row.get(Field::Source).to_string(),
            expected_close: expected.or(if decided.is_none() { close } else { None }),
            notes: row.get(Field::Notes).to_string(),
            history,
            edited: self.now,
        };
        self.taken.insert(deal.id.0);
        self.deal_titles
            .entry(deal.title.trim().to_lowercase())
            .or_default()
            .push(self.book.deals.len());
        self.book.deals.push(deal);
        self.out.new_deals += 1;
        Ok(())
    }

    /// The steps a row dates (our deals export has a column per step), oldest first.
    fn step_dates(&self, row: &Row) -> Result<Vec<StageChange>, String> {
        let process = &self.book.process;
        let mut reached = Vec::new();
        for (id, text) in row.step_dates() {
            let Some(position) = process.position(id) else {
                continue; // a step no longer in the process
            };
            let what = format!("{} date", process.name(id));
            let on = self
                .date_format
                .parse(text)
                .ok_or_else(|| format!("{what} {text} is not a date"))?;
            if on > self.today {
                return Err(format!("{what} {} is in the future", day_text(on)));
            }
            reached.push((on, position, id));
        }
        reached.sort();
        Ok(reached
            .into_iter()
            .map(|(on, _, id)| StageChange {
                stage: Stage::Step(id),
                on,
                note: String::new(),
            })
            .collect())
    }

    /// A contact becomes a client on their first won deal (docs/product.md, "Records").
    fn mark_client(&mut self, index: usize, won_on: Option<Day>) -> ContactId {
        let now = self.now;
        let Some(contact) = self.book.contacts.get_mut(index) else {
            return ContactId::default();
        };
        if let Some(on) = won_on {
            let last_on = contact.types.last().map(|t| t.on);
            if contact.kind() != ContactType::Client && last_on.is_none_or(|d| d <= on) {
                contact.types.push(TypeChange {
                    kind: ContactType::Client,
                    on,
                });
                contact.edited = now;
            }
        }
        contact.id
    }

    fn task_row(&mut self, row: &Row, ids: &mut dyn IdSource) -> Result<(), String> {
        let date_text = row.get(Field::Date);
        if date_text.is_empty() {
            return Err("the task has no date".into());
        }
        let on = self
            .date_format
            .parse(date_text)
            .ok_or_else(|| format!("date {date_text} is not a date"))?;
        let time = match row.get(Field::Time) {
            "" => values::time_after_date(date_text),
            text => Some(
                values::parse_time(text).ok_or_else(|| format!("time “{text}” is not a time"))?,
            ),
        };
        let duration = match row.get(Field::Duration) {
            "" => None,
            text => Some(
                values::parse_duration(text)
                    .ok_or_else(|| format!("duration “{text}” is not a number of minutes"))?,
            ),
        };
        let kind = values::parse_kind(row.get(Field::Kind));
        let done_text = row.get(Field::Done);
        let done_on = match values::parse_yes_no(done_text) {
            Some(true) => Some(on.min(self.today)),
            Some(false) => None,
            None => match self.date_format.parse(done_text) {
                Some(d) if d > self.today => {
                    return Err(format!("done date {} is in the future", day_text(d)))
                }
                Some(d) => Some(d),
                None => return Err(format!("done “{done_text}” is not yes, no or a date")),
            },
        };
        let deal_title = row.get(Field::Deal);
        let who = self.who(row, ids, on.min(self.today), "a task")?;
        let deal = match deal_title {
            "" => None,
            title => {
                let contact_id = match &who {
                    Who::Existing(i) => self.book.contacts.get(*i).map(|c| c.id),
                    Who::New(c) => Some(c.id),
                };
                let candidates = self
                    .deal_titles
                    .get(&title.to_lowercase())
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                let deals = &self.book.deals;
                let found = candidates
                    .iter()
                    .filter_map(|&i| deals.get(i))
                    .find(|d| Some(d.contact) == contact_id)
                    .or_else(|| candidates.first().and_then(|&i| deals.get(i)));
                match found {
                    Some(d) => Some((d.id, d.stage())),
                    None => {
                        return Err(format!("no deal titled “{title}”; import the deals first"))
                    }
                }
            }
        };
        let contact_index = self.place(who);
        let (contact_id, contact_kind) = self
            .book
            .contacts
            .get(contact_index)
            .map(|c| (c.id, c.kind()))
            .unwrap_or((ContactId::default(), ContactType::Lead));
        let title = match row.get(Field::Title) {
            "" => kind.label().to_string(),
            t => t.to_string(),
        };
        let task = Task {
            id: TaskId(self.id_for(row, ids)),
            title,
            on,
            time,
            duration,
            kind,
            contact: contact_id,
            deal: deal.map(|(id, _)| id),
            done_on,
            notes: row.get(Field::Notes).to_string(),
            tag: match deal {
                Some((_, stage)) => Tag::Stage(stage),
                None => Tag::Contact(contact_kind),
            },
            edited: self.now,
        };
        self.taken.insert(task.id.0);
        self.book.tasks.push(task);
        self.out.new_tasks += 1;
        Ok(())
    }
}
