//! Realistic, seeded pipelines for the demo, tests and benchmarks.
//!
//! Records are built directly (not through the book's mutations) but keep every rule a
//! book keeps: histories in order and never in the future, outcomes last, loss reasons
//! on lost deals, a contact made client on the day of its first win, tasks tagged with
//! the deal's step on their day. All dates are relative to `today`, so the demo always
//! looks current.
//!
//! The demo tells a story for the last full quarter (and the quarter so far), read by
//! the diagnosis of DESIGN.md §3 against the team's average owner:
//! Ana Ruiz is healthy, Ben Okafor is short on leads, Chloe Martin closes poorly and
//! Dev Patel sells small deals. Proposal is the bloated step of recent months.

mod history;
mod owners;
mod story;
mod tasks;
mod words;

use crate::day::Day;
use crate::ids::{ContactId, DealId, IdSource, SeededIds};
use crate::model::{
    Book, Contact, ContactType, Deal, Process, Settings, Stage, Stamp, StepId, TypeChange,
};
use history::{Calendar, Plan};
use owners::Profile;
use tasks::{Counterpart, Desk};

/// How big a generated pipeline is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    pub deals: usize,
    pub owners: usize,
    /// How many months of history lie before today.
    pub months: u32,
}

/// The seed of the in-app demo.
pub const DEMO_SEED: u64 = 2024;

/// The in-app demo: about a year of B2B selling by four reps, about 300 deals. Of a few
/// seeds it keeps the first whose last full quarter (and quarter so far, once it is six
/// weeks old) tells the story; the same `today` always gives the same book.
pub fn demo(today: Day) -> Book {
    let shape = Shape {
        deals: 300,
        owners: 4,
        months: 12,
    };
    let last = last_full_quarter_start(today);
    let this = quarter_start(today);
    let before = last_full_quarter_start(last);
    let tells_story = |book: &Book| {
        story::holds(book, last, this.plus(-1), 0.0)
            && story::ben_fell(book, (before, last.plus(-1)), (last, this.plus(-1)))
            && (today.since(this) < 45 || story::holds(book, this, today, 5.0))
    };
    let mut book = generate(today, shape, DEMO_SEED);
    for attempt in 1..DEMO_ATTEMPTS {
        if tells_story(&book) {
            break;
        }
        book = generate(today, shape, DEMO_SEED.wrapping_add(attempt));
    }
    book
}

/// How many seeds the demo tries before settling for the last one.
const DEMO_ATTEMPTS: u64 = 40;

/// A pipeline shaped like the demo, with `deals` deals (benchmarks use 1,000 and 10,000).
pub fn pipeline(today: Day, deals: usize, seed: u64) -> Book {
    generate(
        today,
        Shape {
            deals,
            owners: 4,
            months: 12,
        },
        seed,
    )
}

/// Existing clients open this share of new deals (a new product for a happy client).
const REPEAT_SHARE: f64 = 0.15;
/// Contacts still being prospected, with no deal yet, per deal.
const PROSPECTS_PER_DEAL: f64 = 0.12;

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

pub fn generate(today: Day, shape: Shape, seed: u64) -> Book {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut ids = SeededIds::new(seed ^ 0x9e37_79b9_7f4a_7c15);
    let process = Process::default();
    let steps: Vec<StepId> = process.steps.iter().map(|s| s.id).collect();
    let reps = owners::profiles(shape.owners);
    let stamp = stamp_of(today);
    let months = shape.months.clamp(1, 120) as i32;
    let first_day = today.plus(-months * 365 / 12);
    // Anchored to quarters, so the story reads the same whatever day of the quarter it is.
    let drought_from = last_full_quarter_start(today).plus(-30);
    let calendar = Calendar {
        today,
        bloat_from: today.plus(-60).min(quarter_start(today).plus(-30)),
    };

    let mut people: Vec<Person> = Vec::new();
    let mut deals: Vec<Deal> = Vec::new();
    // For each deal: its contact (index into `people`) and, for a client's new deal, the product.
    let mut links: Vec<(usize, Option<&'static str>)> = Vec::new();
    // Per rep: (day of a win, contact) — clients who may buy again.
    let mut clients: Vec<Vec<(Day, usize)>> = vec![Vec::new(); reps.len()];
    let mut decks: Vec<Vec<bool>> = vec![Vec::new(); reps.len()];

    for (owner, opened) in lead_slots(&mut rng, &reps, first_day, today, drought_from, shape.deals)
    {
        let rep = &reps[owner];
        let repeat = (rng.f64() < REPEAT_SHARE)
            .then(|| returning_client(&mut rng, &clients[owner], opened))
            .flatten();
        let contact = match repeat {
            Some(c) => c,
            None => {
                people.push(new_person(&mut rng, &mut ids, owner, opened));
                people.len() - 1
            }
        };
        let source = people[contact].source;
        // Referrals and returning clients often skip the cold first step.
        let start = usize::from(repeat.is_some() || (source == "Referral" && rng.bool()));
        let plan = Plan {
            opened,
            start,
            won: draw_outcome(&mut rng, &mut decks[owner], rep.win_rate),
        };
        let history = history::walk(&mut rng, &plan, &steps, &calendar);
        let person = &mut people[contact];
        if let Some(won) = history.iter().find(|c| c.stage == Stage::Won).map(|c| c.on) {
            person.client_on = Some(person.client_on.map_or(won, |d| d.min(won)));
            clients[owner].push((won, contact));
        }
        let qualified = history.iter().find(|c| match c.stage {
            Stage::Step(id) => process.position(id).is_some_and(|p| p >= 2),
            Stage::Won => true,
            Stage::Lost => false,
        });
        if let Some(q) = qualified {
            person.prospect_on = Some(person.prospect_on.map_or(q.on, |d| d.min(q.on)));
        }
        let product = pick(&mut rng, words::PRODUCTS);
        deals.push(Deal {
            id: DealId(ids.fresh()),
            title: format!("{}: {product}", person.company),
            contact: person.id,
            owner: rep.name.clone(),
            value: deal_value(&mut rng, rep),
            currency: "USD".into(),
            source: source.to_string(),
            expected_close: Some(weekday_on_or_after(opened.plus(rng.i32(35..=100)))),
            notes: pick(&mut rng, words::DEAL_NOTES).to_string(),
            history,
            edited: stamp,
        });
        links.push((contact, repeat.map(|_| product)));
    }

    // People still being prospected, with no deal yet.
    let prospects_from = people.len();
    let prospects = (shape.deals as f64 * PROSPECTS_PER_DEAL).round() as usize;
    let span = today.since(first_day).max(0);
    for _ in 0..prospects {
        let owner = rng.usize(0..reps.len());
        let created = weekday_on_or_after(first_day.plus(rng.i32(0..=span))).min(today);
        people.push(new_person(&mut rng, &mut ids, owner, created));
    }

    let mut desk = Desk {
        rng: &mut rng,
        ids: &mut ids,
        today,
        stamp,
        process: &process,
        tasks: Vec::new(),
    };
    for (deal, (contact, repeat)) in deals.iter().zip(&links) {
        let Some(person) = people.get(*contact) else {
            continue;
        };
        desk.deal_tasks(deal, &counterpart(person), *repeat);
    }
    for person in people.iter().skip(prospects_from) {
        desk.prospecting_tasks(&counterpart(person), ContactType::Lead, person.created);
    }
    let mut tasks = desk.tasks;
    tasks.sort_by_key(|t| t.on);

    let contacts = people
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
            types: type_history(p),
            edited: stamp,
        })
        .collect();

    Book {
        process,
        contacts,
        deals,
        tasks,
        settings: Settings {
            currency: "USD".into(),
            me: reps.first().map(|r| r.name.clone()).unwrap_or_default(),
        },
    }
}

/// The `edited` stamp of every generated record: midnight (UTC) of `today`, in ms.
pub fn stamp_of(today: Day) -> Stamp {
    i64::from(today.0) * 86_400_000
}

/// The first day of the calendar quarter containing `day`.
pub fn quarter_start(day: Day) -> Day {
    let month = (day.month() - 1) / 3 * 3 + 1;
    Day::from_ymd(day.year(), month, 1).unwrap_or(day)
}

/// The first day of the calendar quarter before the one containing `day`.
pub fn last_full_quarter_start(day: Day) -> Day {
    quarter_start(quarter_start(day).plus(-1))
}

/// Saturdays and Sundays roll over to Monday: B2B work happens on working days.
pub(crate) fn weekday_on_or_after(day: Day) -> Day {
    match day.weekday() {
        5 => day.plus(2),
        6 => day.plus(1),
        _ => day,
    }
}

pub(crate) fn pick<T: Copy>(rng: &mut fastrand::Rng, list: &[T]) -> T
where
    T: Default,
{
    if list.is_empty() {
        return T::default();
    }
    list[rng.usize(0..list.len())]
}

/// The day each new deal enters the pipeline, and whose it is, in day order.
/// Each rep's deals are spread over their own daily lead weights by stratified draws
/// (one draw per equal slice of weight), so every month holds close to the intended
/// volume even in a few hundred deals, and the story never depends on luck.
fn lead_slots(
    rng: &mut fastrand::Rng,
    reps: &[Profile],
    first_day: Day,
    today: Day,
    drought_from: Day,
    deals: usize,
) -> Vec<(usize, Day)> {
    let span = f64::from(today.since(first_day).max(1));
    let workdays: Vec<Day> = (first_day.0..=today.0)
        .map(Day)
        .filter(|d| d.weekday() < 5)
        .collect();
    // Per rep: the running total of lead weight over the working days.
    let running: Vec<Vec<f64>> = reps
        .iter()
        .map(|rep| {
            let mut total = 0.0;
            workdays
                .iter()
                .map(|day| {
                    // A growing business: twice the lead volume now than a year ago. It
                    // also puts more deals where the story is told, in the last quarters.
                    let growth = 0.6 + 0.6 * f64::from(day.since(first_day)) / span;
                    let dry = rep.drought && *day >= drought_from;
                    total +=
                        growth * rep.lead_weight * if dry { owners::DROUGHT_SHARE } else { 1.0 };
                    total
                })
                .collect()
        })
        .collect();
    let totals: Vec<f64> = running
        .iter()
        .map(|r| r.last().copied().unwrap_or(0.0))
        .collect();
    let mut slots: Vec<(usize, Day)> = Vec::with_capacity(deals);
    for (owner, count) in share_out(deals, &totals).into_iter().enumerate() {
        let (Some(run), Some(total)) = (running.get(owner), totals.get(owner)) else {
            continue;
        };
        for i in 0..count {
            let u = (i as f64 + rng.f64()) / count as f64 * total;
            let k = run.partition_point(|c| *c < u);
            if let Some(day) = workdays.get(k.min(workdays.len().saturating_sub(1))) {
                slots.push((owner, *day));
            }
        }
    }
    slots.sort_by_key(|(owner, day)| (*day, *owner));
    slots
}

/// Splits `n` in proportion to `weights`, handing the remainders to the largest
/// fractions (in order of appearance on ties), so the parts always add up to `n`.
fn share_out(n: usize, weights: &[f64]) -> Vec<usize> {
    let total: f64 = weights.iter().sum();
    if total <= 0.0 || weights.is_empty() {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| n as f64 * w / total).collect();
    let mut parts: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|a, b| {
        (exact[*b] - exact[*b].floor()).total_cmp(&(exact[*a] - exact[*a].floor()))
    });
    let short = n.saturating_sub(parts.iter().sum());
    for i in order.into_iter().cycle().take(short) {
        parts[i] += 1;
    }
    parts
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
        .map(|_| clients[rng.usize(0..clients.len())])
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
        rng.shuffle(deck);
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

fn new_person(rng: &mut fastrand::Rng, ids: &mut SeededIds, owner: usize, created: Day) -> Person {
    let stem = pick(rng, words::COMPANY_STEMS);
    let ending = pick(rng, words::COMPANY_ENDINGS);
    let trade = pick(rng, words::COMPANY_TRADES);
    Person {
        id: ContactId(ids.fresh()),
        owner,
        first_name: pick(rng, words::FIRST_NAMES),
        last_name: pick(rng, words::LAST_NAMES),
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
fn type_history(p: &Person) -> Vec<TypeChange> {
    let mut types = vec![TypeChange {
        kind: ContactType::Lead,
        on: p.created,
    }];
    let mut become_ = |kind: ContactType, on: Day| match types.last_mut() {
        Some(last) if last.on == on => last.kind = kind,
        _ => types.push(TypeChange { kind, on }),
    };
    if let Some(on) = p.prospect_on.filter(|d| p.client_on.is_none_or(|c| *d < c)) {
        become_(ContactType::Prospect, on);
    }
    if let Some(on) = p.client_on {
        become_(ContactType::Client, on);
    }
    types
}
