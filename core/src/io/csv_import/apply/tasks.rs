//! Task rows: date, time, kind and done; the contact; and the deal they serve, which
//! must be one of that contact's deals.

use super::row::Row;
use super::{Run, Who};
use crate::day::Day;
use crate::ids::{ContactId, DealId, IdSource, TaskId};
use crate::io::csv_import::fields::Field;
use crate::io::csv_import::values;
use crate::io::text::day_text;
use crate::model::{ContactType, Stage, Tag, Task};

impl Run {
    pub(super) fn task_row(&mut self, row: &Row, ids: &mut dyn IdSource) -> Result<(), String> {
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
        let done_on = self.done_on(row.get(Field::Done), on)?;
        let (who, deal) = self.task_people(row, ids, on.min(self.today))?;
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
            stamps: [self.now; 10],
            edited: self.now,
            removed: 0,
        };
        self.taken.insert(task.id.0);
        self.book.tasks.push(task);
        self.out.new_tasks += 1;
        Ok(())
    }

    /// Yes / no, or the day it was done.
    fn done_on(&self, text: &str, on: Day) -> Result<Option<Day>, String> {
        match values::parse_yes_no(text) {
            Some(true) => Ok(Some(on.min(self.today))),
            Some(false) => Ok(None),
            None => match self.date_format.parse(text) {
                Some(d) if d > self.today => {
                    Err(format!("done date {} is in the future", day_text(d)))
                }
                Some(d) => Ok(Some(d)),
                None => Err(format!("done “{text}” is not yes, no or a date")),
            },
        }
    }

    /// The task's contact and the deal it names. A deal is matched by title among the
    /// contact's own deals, never another contact's; a row that names only a deal takes
    /// that deal's contact when one deal has that title.
    fn task_people(
        &mut self,
        row: &Row,
        ids: &mut dyn IdSource,
        since: Day,
    ) -> Result<(Who, Option<(DealId, Stage)>), String> {
        let title = row.get(Field::Deal);
        let titled: Vec<usize> = match title {
            "" => Vec::new(),
            t => self
                .deal_titles
                .get(&t.to_lowercase())
                .cloned()
                .unwrap_or_default(),
        };
        let deals = &self.book.deals;
        if !row.names_someone() && !title.is_empty() {
            return match titled.as_slice() {
                [] => Err(format!("no deal titled “{title}”; import the deals first")),
                [only] => {
                    let deal = deals.get(*only).ok_or("the deal is missing")?;
                    let contact = self.book.contacts.iter().position(|c| c.id == deal.contact);
                    let found = (deal.id, deal.stage());
                    match contact {
                        Some(i) => Ok((Who::Existing(i), Some(found))),
                        None => Err(format!("the deal “{title}” has no contact")),
                    }
                }
                _ => Err(format!(
                    "{} deals are titled “{title}”; add the contact's name or email to tell \
                     them apart",
                    titled.len()
                )),
            };
        }
        let who = self.who(row, ids, since, "a task")?;
        if title.is_empty() {
            return Ok((who, None));
        }
        let (contact_id, contact_name) = match &who {
            Who::Existing(i) => self
                .book
                .contacts
                .get(*i)
                .map(|c| (Some(c.id), c.name.clone()))
                .unwrap_or((None, String::new())),
            Who::New(c) => (None, c.name.clone()),
        };
        let found = titled
            .iter()
            .filter_map(|&i| self.book.deals.get(i))
            .find(|d| Some(d.contact) == contact_id);
        match found {
            Some(d) => Ok((who, Some((d.id, d.stage())))),
            None if titled.is_empty() => {
                Err(format!("no deal titled “{title}”; import the deals first"))
            }
            None => Err(format!(
                "the deal “{title}” is not {contact_name}'s; check the task's contact"
            )),
        }
    }
}
