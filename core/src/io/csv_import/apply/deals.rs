//! Deal rows: the stage and status words, the dated steps and the outcome become one
//! stage history in date order; value, currency and contact come with it.

use super::row::Row;
use super::Run;
use crate::day::Day;
use crate::ids::{DealId, IdSource};
use crate::io::csv_import::fields::Field;
use crate::io::csv_import::values;
use crate::io::text::day_text;
use crate::model::{Deal, Stage, StageChange};

/// Where a row says the deal is: its open step, and its outcome with the date.
struct Standing {
    step: Stage,
    /// The Stage column named an open step (then it is the current one).
    stage_is_open: bool,
    created: Option<Day>,
    close: Option<Day>,
    expected: Option<Day>,
    decided: Option<Decision>,
}

#[derive(Clone, Copy)]
struct Decision {
    result: Stage,
    on: Day,
    word: &'static str,
}

impl Run {
    pub(super) fn deal_row(&mut self, row: &Row, ids: &mut dyn IdSource) -> Result<(), String> {
        let title = row.get(Field::Title).to_string();
        if title.is_empty() {
            return Err("the deal has no title".into());
        }
        let standing = self.standing(row)?;
        let (history, opened) = self.history(row, &standing)?;
        let (value, symbol_currency) = match row.get(Field::Value) {
            "" => (0, None),
            text => values::parse_money(text)?,
        };
        let currency = match row.get(Field::Currency) {
            "" => symbol_currency.unwrap_or_else(|| self.book.settings.currency.clone()),
            text => values::parse_currency(text)
                .ok_or_else(|| format!("currency “{text}” is not a 3-letter code like EUR"))?,
        };
        let who = if row.names_someone() {
            self.who(row, ids, opened, "a deal")?
        } else {
            self.out.without_contact += 1;
            self.stand_in(row, &title, ids, opened)?
        };

        let contact_index = self.place(who);
        let won_on = standing
            .decided
            .and_then(|d| (d.result == Stage::Won).then_some(d.on));
        let contact = self.mark_client(contact_index, won_on);
        let id = DealId(self.id_for(row, ids));
        let history = StageChange::sequence(
            id.0,
            self.now,
            history
                .into_iter()
                .map(|c| (c.stage, c.on, c.note))
                .collect(),
        );
        let deal = Deal {
            id,
            title,
            contact,
            owner: self.owner(row),
            value,
            currency,
            source: row.get(Field::Source).to_string(),
            expected_close: standing.expected.or(if standing.decided.is_none() {
                standing.close
            } else {
                None
            }),
            notes: row.get(Field::Notes).to_string(),
            history,
            hidden: Vec::new(),
            stamps: [self.now; 8],
            edited: self.now,
            removed: 0,
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

    /// The row's stage and status words, dates and outcome.
    fn standing(&self, row: &Row) -> Result<Standing, String> {
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
                Some(Decision { result, on, word })
            }
            None => None,
        };
        Ok(Standing {
            step,
            stage_is_open: stage.is_some_and(Stage::is_open),
            created,
            close,
            expected,
            decided,
        })
    }

    /// The stage history in date order, and the day the deal entered the pipeline.
    fn history(&self, row: &Row, s: &Standing) -> Result<(Vec<StageChange>, Day), String> {
        let reached = self.step_dates(row)?;
        let opened = s
            .created
            .or(reached.first().map(|c| c.on))
            .or(s.decided.map(|d| d.on))
            .unwrap_or(self.today);
        let mut history = reached;
        match history.first_mut() {
            // The created date is when the deal entered its first step.
            Some(first) => first.on = first.on.min(opened),
            None => history.push(change(s.step, opened, String::new())),
        }
        // A current step later than the dated ones (or moved back to): from the last date.
        if s.stage_is_open && history.last().map(|c| c.stage) != Some(s.step) {
            let on = history.last().map_or(opened, |c| c.on);
            history.push(change(s.step, on, String::new()));
        }
        history.dedup_by(|later, earlier| later.stage == earlier.stage);
        if let Some(d) = s.decided {
            if let Some(last) = history.last().filter(|last| last.on > d.on) {
                let before = if history.len() == 1 && s.created.is_some() {
                    "the created date".to_string()
                } else {
                    format!("the {} date", last.stage.name(&self.book.process))
                };
                return Err(format!(
                    "{} date {} is before {before} {}",
                    d.word,
                    day_text(d.on),
                    day_text(last.on)
                ));
            }
            let note = if d.result == Stage::Lost {
                row.get(Field::LossReason).to_string()
            } else {
                String::new()
            };
            history.push(change(d.result, d.on, note));
        }
        Ok((history, opened))
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
            .map(|(on, _, id)| change(Stage::Step(id), on, String::new()))
            .collect())
    }
}

/// A change without its id yet: the deal numbers its history (`StageChange::sequence`).
fn change(stage: Stage, on: Day, note: String) -> StageChange {
    StageChange::new(crate::model::ChangeId(0), stage, on, note, 0)
}
