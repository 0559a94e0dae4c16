//! A pipeline being put together: deals opened in day order, each with a contact (new,
//! or a returning client), then the tasks around them and the contacts' type histories.

use super::draw::{index, pick, shuffle, weekday_on_or_after};
use super::history::{self, Calendar, Plan};
use super::owners::Profile;
use super::tasks::{Counterpart, Desk};
use super::words;
use crate::day::Day;
use crate::ids::{ContactId, DealId, IdSource, SeededIds};
use crate::model::{
    Contact, ContactType, Deal, Process, Stage, StageChange, Stamp, StepId, Task, TypeChange,
};

/// Existing clients open this share of new deals (a new product for a happy client).
const REPEAT_SHARE: f64 = 0.15;

/// A contact being put together; its type history is derived at the end.
struct Person {
    id: ContactId,
    owner: usize,
    first_name: &'static str,
    last_name: &'static str,
    company: String,
    domain: String,
    phone: String,
    source: &'static str,
    notes: &'static str,
    created: Day,
    /// First day one of its deals reached Meeting: a qualified prospect from then on.
    prospect_on: Option<Day>,
    /// Day of its first won deal.
    client_on: Option<Day>,
}

pub struct Draft<'a> {
    pub rng: &'a mut fastrand::Rng,
    ids: &'a mut SeededIds,
    reps: &'a [Profile],
    process: &'a Process,
    steps: Vec<StepId>,
    calendar: Calendar,
    stamp: Stamp,
    people: Vec<Person>,
    /// People from this index on are prospects without a deal.
    prospects_from: Option<usize>,
    deals: Vec<Deal>,
    /// For each deal: its contact (index into `people`) and, for a returning client's
    /// deal, the new product.
    links: Vec<(usize, Option<&'static str>)>,
    /// Per rep: (day of a win, contact) — clients who may buy again.
    clients: Vec<Vec<(Day, usize)>>,
    /// Per rep: the outcomes still to deal out.
    decks: Vec<Vec<bool>>,
    /// Names given so far, as (first, last) indices: a demo's contacts are told apart
    /// by name, so no two share one while the word lists have names left.
    names: std::collections::HashSet<(usize, usize)>,
}

impl<'a> Draft<'a> {
    pub fn new(
        rng: &'a mut fastrand::Rng,
        ids: &'a mut SeededIds,
        reps: &'a [Profile],
        process: &'a Process,
        calendar: Calendar,
        stamp: Stamp,
    ) -> Draft<'a> {
        Draft {
            rng,
            ids,
            reps,
            process,
            steps: process.steps.iter().map(|s| s.id).collect(),
            calendar,
            stamp,
            people: Vec::new(),
            prospects_from: None,
            deals: Vec::new(),
            links: Vec::new(),
            clients: vec![Vec::new(); reps.len()],
            decks: vec![Vec::new(); reps.len()],
            names: std::collections::HashSet::new(),
        }
    }

    /// A new deal for rep `owner`, entering the pipeline on `opened`. Call in day order:
    /// only clients won before `opened` may come back with a new deal.
    pub fn open_deal(&mut self, owner: usize, opened: Day) {
        let (Some(rep), Some(clients), Some(deck)) = (
            self.reps.get(owner),
            self.clients.get(owner),
            self.decks.get_mut(owner),
        ) else {
            return;
        };
        let rng = &mut *self.rng;
        let repeat = (rng.f64() < REPEAT_SHARE)
            .then(|| returning_client(rng, clients, opened))
            .flatten();
        let won = draw_outcome(rng, deck, rep.win_rate);
        let contact = match repeat {
            Some(c) => c,
            None => {
                let name = fresh_name(rng, &mut self.names);
                self.people
                    .push(new_person(rng, self.ids, owner, opened, name));
                self.people.len() - 1
            }
        };
        let Some(person) = self.people.get_mut(contact) else {
            return;
        };
        // Referrals and returning clients often skip the cold first step.
        let start = usize::from(repeat.is_some() || (person.source == "Referral" && rng.bool()));
        let plan = Plan { opened, start, won };
        let history = history::walk(rng, &plan, &self.steps, &self.calendar);
        if let Some(won) = history.iter().find(|c| c.stage == Stage::Won).map(|c| c.on) {
            person.client_on = Some(person.client_on.map_or(won, |d| d.min(won)));
            if let Some(clients) = self.clients.get_mut(owner) {
                clients.push((won, contact));
            }
        }
        let process = self.process;
        let qualified = history.iter().find(|c| match c.stage {
            Stage::Step(id) => process.position(id).is_some_and(|p| p >= 2),
            Stage::Won => true,
            Stage::Lost => false,
        });
        if let Some(q) = qualified {
            person.prospect_on = Some(person.prospect_on.map_or(q.on, |d| d.min(q.on)));
        }
        let product = pick(rng, words::PRODUCTS);
        let id = DealId(self.ids.fresh());
        let history = StageChange::sequence(
            id.0,
            self.stamp,
            history
                .into_iter()
                .map(|c| (c.stage, c.on, c.note))
                .collect(),
        );
        self.deals.push(Deal {
            id,
            title: format!("{}: {product}", person.company),
            contact: person.id,
            owner: rep.name.clone(),
            value: deal_value(rng, rep),
            currency: "USD".into(),
            source: person.source.to_string(),
            expected_close: Some(weekday_on_or_after(opened.plus(rng.i32(35..=100)))),
            notes: pick(rng, words::DEAL_NOTES).to_string(),
            history,
            hidden: Vec::new(),
            stamps: [self.stamp; 8],
            edited: self.stamp,
            removed: 0,
        });
        self.links.push((contact, repeat.map(|_| product)));
    }

    /// A contact still being prospected, with no deal yet. Call after all deals.
    pub fn add_prospect(&mut self, owner: usize, created: Day) {
        self.prospects_from.get_or_insert(self.people.len());
        let name = fresh_name(self.rng, &mut self.names);
        let person = new_person(self.rng, self.ids, owner, created, name);
        self.people.push(person);
    }

    /// The finished contacts, deals and tasks (tasks in date order).
    pub fn finish(self) -> (Vec<Contact>, Vec<Deal>, Vec<Task>) {
        let mut desk = Desk {
            rng: self.rng,
            ids: self.ids,
            today: self.calendar.today,
            stamp: self.stamp,
            process: self.process,
            tasks: Vec::new(),
        };
        for (deal, (contact, repeat)) in self.deals.iter().zip(&self.links) {
            if let Some(person) = self.people.get(*contact) {
                desk.deal_tasks(deal, &counterpart(person), *repeat);
            }
        }
        let prospects_from = self.prospects_from.unwrap_or(self.people.len());
        for person in self.people.iter().skip(prospects_from) {
            desk.prospecting_tasks(&counterpart(person), ContactType::Lead, person.created);
        }
        let mut tasks = desk.tasks;
        tasks.sort_by_key(|t| t.on);
        let reps = self.reps;
        let stamp = self.stamp;
        let contacts = self
            .people
            .iter()
            .map(|p| Contact {
                id: p.id,
                name: format!("{} {}", p.first_name, p.last_name),
                company: p.company.clone(),
                email: format!(
                    "{}.{}@{}",
                    p.first_name.to_ascii_lowercase(),
                    p.last_name.to_ascii_lowercase(),
                    p.domain
                ),
                phone: p.phone.clone(),
                owner: reps
                    .get(p.owner)
                    .map(|r| r.name.clone())
                    .unwrap_or_default(),
                source: p.source.to_string(),
                notes: p.notes.to_string(),
                types: TypeChange::sequence(p.id.0, stamp, type_history(p)),
                hidden_types: Vec::new(),
                stamps: [stamp; 7],
                edited: stamp,
                removed: 0,
            })
            .collect();
        (contacts, self.deals, tasks)
    }
}

/// A client of this rep who had already won a deal before `opened`.
fn returning_client(
    rng: &mut fastrand::Rng,
    clients: &[(Day, usize)],
    opened: Day,
) -> Option<usize> {
    if clients.is_empty() {
        return None;
    }
    (0..6)
        .filter_map(|_| clients.get(index(rng, 0..clients.len())).copied())
        .find(|(won, _)| *won < opened)
        .map(|(_, c)| c)
}

/// Won or lost, from a shuffled deck per rep so each rep's close rate holds closely
/// in every stretch of deals, not just on average.
fn draw_outcome(rng: &mut fastrand::Rng, deck: &mut Vec<bool>, win_rate: f64) -> bool {
    const DECK: usize = 20;
    if deck.is_empty() {
        let wins = (win_rate * DECK as f64).round() as usize;
        deck.extend((0..DECK).map(|i| i < wins));
        shuffle(rng, deck);
    }
    deck.pop().unwrap_or(false)
}

/// A value spread evenly on a log scale across the rep's range, rounded like a quote.
fn deal_value(rng: &mut fastrand::Rng, rep: &Profile) -> i64 {
    let (lo, hi) = (rep.min_value.max(100) as f64, rep.max_value.max(100) as f64);
    let raw = (lo.ln() + rng.f64() * (hi.ln() - lo.ln()).max(0.0)).exp();
    let round_to = if hi > 1_000_000.0 { 50_000.0 } else { 5_000.0 };
    ((raw / round_to).round() * round_to).max(round_to) as i64
}

/// A first and last name no one in `used` has yet: a random pair, or the next free pair
/// after it. Only when every pair is taken (over 1,600 contacts) may a name repeat.
fn fresh_name(
    rng: &mut fastrand::Rng,
    used: &mut std::collections::HashSet<(usize, usize)>,
) -> (&'static str, &'static str) {
    let (firsts, lasts) = (
        words::FIRST_NAMES.len().max(1),
        words::LAST_NAMES.len().max(1),
    );
    let all = firsts * lasts;
    let start = index(rng, 0..all);
    let pair = (0..all)
        .map(|k| (start + k) % all)
        .map(|i| (i / lasts, i % lasts))
        .find(|pair| !used.contains(pair))
        .unwrap_or((start / lasts, start % lasts));
    used.insert(pair);
    (
        words::FIRST_NAMES.get(pair.0).copied().unwrap_or_default(),
        words::LAST_NAMES.get(pair.1).copied().unwrap_or_default(),
    )
}

fn new_person(
    rng: &mut fastrand::Rng,
    ids: &mut SeededIds,
    owner: usize,
    created: Day,
    (first_name, last_name): (&'static str, &'static str),
) -> Person {
    let stem = pick(rng, words::COMPANY_STEMS);
    let ending = pick(rng, words::COMPANY_ENDINGS);
    let trade = pick(rng, words::COMPANY_TRADES);
    Person {
        id: ContactId(ids.fresh()),
        owner,
        first_name,
        last_name,
        company: format!("{stem}{ending} {trade}"),
        domain: format!("{}{ending}.com", stem.to_ascii_lowercase()),
        phone: format!(
            "+1 {} 555-{:04}",
            pick(rng, words::AREA_CODES),
            rng.u16(100..10_000)
        ),
        source: pick(rng, words::SOURCES),
        notes: pick(rng, words::CONTACT_NOTES),
        created,
        prospect_on: None,
        client_on: None,
    }
}

fn counterpart(person: &Person) -> Counterpart<'_> {
    Counterpart {
        id: person.id,
        first_name: person.first_name,
        company: &person.company,
    }
}

/// Lead when first met, prospect once a deal reaches a meeting, client on the first win.
fn type_history(p: &Person) -> Vec<(ContactType, Day)> {
    let mut types = vec![(ContactType::Lead, p.created)];
    let mut become_ = |kind: ContactType, on: Day| match types.last_mut() {
        Some(last) if last.1 == on => last.0 = kind,
        _ => types.push((kind, on)),
    };
    if let Some(on) = p.prospect_on.filter(|d| p.client_on.is_none_or(|c| *d < c)) {
        become_(ContactType::Prospect, on);
    }
    if let Some(on) = p.client_on {
        become_(ContactType::Client, on);
    }
    types
}
