//! The generator's promises: deterministic, every record valid, the benchmark sizes,
//! and the demo's story (docs/metrics.md) in the Reports page's default view.

use pipewise_core::generator::{self, stamp_of, story};
use pipewise_core::reports::{self, query::ReportQuery};
use pipewise_core::{Book, ContactType, Day, Deal, Stage, Tag};
use std::collections::{HashMap, HashSet};

fn day(iso: &str) -> Day {
    Day::parse_iso(iso).unwrap()
}

/// Todays spread over a year, including the first and last day of a quarter and weekends.
const TODAYS: [&str; 7] = [
    "2026-11-29",
    "2026-01-01",
    "2026-03-31",
    "2026-05-16",
    "2026-07-01",
    "2026-09-30",
    "2027-02-14",
];

fn stage_on(deal: &Deal, on: Day) -> Option<Stage> {
    deal.history
        .iter()
        .take_while(|c| c.on <= on)
        .last()
        .map(|c| c.stage)
}

fn type_on(types: &[pipewise_core::TypeChange], on: Day) -> Option<ContactType> {
    types
        .iter()
        .take_while(|t| t.on <= on)
        .last()
        .map(|t| t.kind)
}

/// Every rule a book keeps; returns the first broken one.
fn check(book: &Book, today: Day) -> Result<(), String> {
    let stamp = stamp_of(today);
    let mut seen = HashSet::new();
    let ids = book
        .contacts
        .iter()
        .map(|c| c.id.0)
        .chain(book.deals.iter().map(|d| d.id.0))
        .chain(book.tasks.iter().map(|t| t.id.0));
    for id in ids {
        if !seen.insert(id) {
            return Err(format!("duplicate id {id}"));
        }
    }
    let contacts: HashMap<_, _> = book.contacts.iter().map(|c| (c.id, c)).collect();
    let deals: HashMap<_, _> = book.deals.iter().map(|d| (d.id, d)).collect();
    let mut first_win: HashMap<_, Day> = HashMap::new();

    for d in &book.deals {
        let name = &d.title;
        let contact = contacts
            .get(&d.contact)
            .ok_or(format!("{name}: no contact"))?;
        if d.owner.is_empty() || d.owner != contact.owner {
            return Err(format!(
                "{name}: owner {} vs contact's {}",
                d.owner, contact.owner
            ));
        }
        if d.value <= 0 || d.currency != "USD" || d.edited != stamp {
            return Err(format!("{name}: bad value, currency or stamp"));
        }
        let h = &d.history;
        let first = h.first().ok_or(format!("{name}: empty history"))?;
        if first.on < contact.types[0].on {
            return Err(format!("{name}: opened before its contact existed"));
        }
        for (i, c) in h.iter().enumerate() {
            if c.on > today {
                return Err(format!("{name}: stage date {} is in the future", c.on));
            }
            if let Stage::Step(id) = c.stage {
                book.process
                    .step(id)
                    .ok_or(format!("{name}: unknown step"))?;
            }
            if c.stage == Stage::Lost && c.note.trim().is_empty() {
                return Err(format!("{name}: lost without a reason"));
            }
            if let Some(next) = h.get(i + 1) {
                if next.on < c.on {
                    return Err(format!("{name}: history out of order"));
                }
                if next.stage == c.stage {
                    return Err(format!("{name}: same stage twice in a row"));
                }
                if !c.stage.is_open() && !next.stage.is_open() {
                    return Err(format!("{name}: outcome followed by an outcome"));
                }
            }
            if c.stage == Stage::Won {
                let w = first_win.entry(d.contact).or_insert(c.on);
                *w = (*w).min(c.on);
            }
        }
    }

    for c in &book.contacts {
        let name = &c.name;
        if c.types.is_empty() || c.edited != stamp || c.owner.is_empty() {
            return Err(format!("{name}: no type, bad stamp or no owner"));
        }
        for pair in c.types.windows(2) {
            if pair[1].on < pair[0].on || pair[1].kind == pair[0].kind {
                return Err(format!("{name}: type history out of order or repeated"));
            }
        }
        if c.types.iter().any(|t| t.on > today) {
            return Err(format!("{name}: type date in the future"));
        }
        let client_on = c
            .types
            .iter()
            .find(|t| t.kind == ContactType::Client)
            .map(|t| t.on);
        if client_on != first_win.get(&c.id).copied() {
            return Err(format!(
                "{name}: client on {client_on:?}, first win {:?}",
                first_win.get(&c.id)
            ));
        }
    }

    for t in &book.tasks {
        let name = &t.title;
        let contact = contacts
            .get(&t.contact)
            .ok_or(format!("{name}: no contact"))?;
        if t.edited != stamp || t.done_on.is_some_and(|d| d > today) {
            return Err(format!("{name}: bad stamp or done in the future"));
        }
        let asked = t.on.min(today);
        let expected = match t.deal {
            Some(id) => {
                let deal = deals.get(&id).ok_or(format!("{name}: no deal"))?;
                if deal.contact != t.contact {
                    return Err(format!("{name}: task's contact is not the deal's"));
                }
                Tag::Stage(stage_on(deal, asked).ok_or(format!("{name}: before the deal opened"))?)
            }
            None => Tag::Contact(
                type_on(&contact.types, asked)
                    .ok_or(format!("{name}: before the contact existed"))?,
            ),
        };
        if t.tag != expected {
            return Err(format!(
                "{name} on {}: tagged {:?}, expected {expected:?}",
                t.on, t.tag
            ));
        }
    }
    Ok(())
}

#[test]
fn same_seed_gives_the_same_book() {
    let today = day("2026-11-29");
    assert_eq!(
        generator::pipeline(today, 500, 7),
        generator::pipeline(today, 500, 7)
    );
    assert_eq!(generator::demo(today), generator::demo(today));
    assert_ne!(
        generator::pipeline(today, 500, 7),
        generator::pipeline(today, 500, 8)
    );
}

#[test]
fn every_record_keeps_the_rules() {
    for iso in TODAYS {
        let today = day(iso);
        check(&generator::demo(today), today).unwrap_or_else(|e| panic!("demo {iso}: {e}"));
        for seed in [1, 2, 3] {
            let book = generator::pipeline(today, 1_000, seed);
            check(&book, today).unwrap_or_else(|e| panic!("pipeline {iso} #{seed}: {e}"));
        }
    }
}

#[test]
fn odd_shapes_do_not_panic() {
    let today = day("2026-11-29");
    for (deals, owners, months) in [
        (0, 0, 0),
        (1, 1, 1),
        (50, 9, 3),
        (20, 2, 400),
        (30, 5_000, 12),
    ] {
        let shape = generator::Shape {
            deals,
            owners,
            months,
        };
        let book = generator::generate(today, shape, 3);
        check(&book, today).unwrap();
        assert_eq!(book.deals.len(), deals);
    }
    // Absurd days are held to a sane range rather than overflowing.
    for silly in [Day(i32::MAX), Day(i32::MIN), Day(0)] {
        let book = generator::pipeline(silly, 20, 1);
        assert_eq!(book.deals.len(), 20);
    }
}

#[test]
fn benchmark_pipeline_has_the_target_sizes() {
    let book = generator::pipeline(day("2026-11-29"), 10_000, 1);
    let changes: usize = book.deals.iter().map(|d| d.history.len()).sum();
    let near = |n: usize, target: usize| n.abs_diff(target) * 100 <= target * 15;
    println!(
        "contacts {} deals {} changes {changes} tasks {}",
        book.contacts.len(),
        book.deals.len(),
        book.tasks.len()
    );
    assert_eq!(book.deals.len(), 10_000);
    assert!(
        near(book.contacts.len(), 10_000),
        "{} contacts",
        book.contacts.len()
    );
    assert!(near(changes, 60_000), "{changes} stage changes");
    assert!(near(book.tasks.len(), 30_000), "{} tasks", book.tasks.len());
}

/// Every day of a common year (2027) and a leap year (2028), and the New Year's Day
/// after them (732 days): the owners
/// table of the Reports page's default view, computed by the reports themselves, tells
/// the four stories, and no two contacts share a name.
#[test]
fn demo_tells_its_four_stories_in_the_default_reports_view_every_day() {
    let (first, last) = (day("2027-01-01"), day("2029-01-01"));
    assert_eq!(last.since(first) + 1, 365 + 366 + 1);
    let mut wrong = Vec::new();
    for today in (first.0..=last.0).map(Day) {
        let book = generator::demo(today);
        let verdicts = story::verdicts(&book, today);
        if !story::told(verdicts) {
            wrong.push(format!("{today}: {verdicts:?}"));
        }
        // One level down, Ben's shortfall starts at prospecting volume.
        let period = ReportQuery::default().resolve(today).inputs.period;
        let ben = reports::owner_shortfalls(&book, &period, today)
            .into_iter()
            .find(|(owner, _)| owner == story::REPS[1])
            .and_then(|(_, s)| s.starts_at().cloned());
        if ben != Some(reports::Link::Leads) {
            wrong.push(format!("{today}: Ben's shortfall starts at {ben:?}"));
        }
        let mut names = HashSet::new();
        if let Some(twice) = book
            .contacts
            .iter()
            .find(|c| !names.insert(c.name.as_str()))
        {
            wrong.push(format!("{today}: two contacts named {}", twice.name));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} days wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn demo_has_all_contact_types_and_a_client_prospecting_task() {
    for iso in TODAYS {
        let today = day(iso);
        let book = generator::demo(today);
        for kind in ContactType::ALL {
            assert!(
                book.contacts.iter().any(|c| c.kind() == kind),
                "{iso}: no {kind:?}"
            );
        }
        let contacts: HashMap<_, _> = book.contacts.iter().map(|c| (c.id, c)).collect();
        let client_prospecting = book.tasks.iter().any(|t| match t.tag {
            Tag::Stage(Stage::Step(step)) => {
                book.process.is_prospecting(step)
                    && type_on(&contacts[&t.contact].types, t.on.min(today))
                        == Some(ContactType::Client)
            }
            _ => false,
        });
        assert!(
            client_prospecting,
            "{iso}: no prospecting task with a client"
        );
        let upcoming = book.tasks.iter().filter(|t| t.on > today).count();
        let overdue = book
            .tasks
            .iter()
            .filter(|t| t.on < today && t.done_on.is_none())
            .count();
        let done_today = book
            .tasks
            .iter()
            .filter(|t| t.done_on == Some(today))
            .count();
        assert!(
            upcoming >= 3 && overdue >= 3 && done_today >= 2,
            "{iso}: {upcoming} upcoming, {overdue} overdue, {done_today} done today"
        );
        let lost = book
            .deals
            .iter()
            .filter(|d| d.stage() == Stage::Lost)
            .count();
        let won = book
            .deals
            .iter()
            .filter(|d| d.stage() == Stage::Won)
            .count();
        let open = book.deals.iter().filter(|d| d.is_open()).count();
        let back_moves = book.deals.iter().filter(|d| moved_back(&book, d)).count();
        let in_proposal = book
            .deals
            .iter()
            .filter(|d| d.stage() == Stage::Step(pipewise_core::StepId(5)))
            .count();
        println!(
            "{iso}: {} contacts, {} deals ({open} open, {in_proposal} at Proposal, {won} won, {lost} lost, \
             {back_moves} moved back), {} tasks ({upcoming} upcoming, {overdue} overdue, {done_today} done today)",
            book.contacts.len(),
            book.deals.len(),
            book.tasks.len()
        );
        assert!(
            back_moves >= 5 && in_proposal >= 15,
            "{iso}: no back-moves or no pile-up at Proposal"
        );
        // Stuck: open deals that have sat two months or more in a step before Proposal.
        let stuck = book
            .deals
            .iter()
            .filter(|d| d.is_open() && today.since(d.since()) >= 60)
            .filter(|d| matches!(d.stage(), Stage::Step(s) if s.0 < 5))
            .count();
        assert!(stuck >= 3, "{iso}: only {stuck} stuck deals");
    }
}

fn moved_back(book: &Book, deal: &Deal) -> bool {
    let positions: Vec<usize> = deal
        .history
        .iter()
        .filter_map(|c| match c.stage {
            Stage::Step(id) => book.process.position(id),
            _ => None,
        })
        .collect();
    positions.windows(2).any(|w| w[1] < w[0])
}

/// Every week of a year, the demo keeps every rule a book keeps.
#[test]
fn demo_keeps_the_rules_every_week_of_the_year() {
    for week in 0..53 {
        let today = day("2026-06-03").plus(week * 7);
        let book = generator::demo(today);
        check(&book, today).unwrap_or_else(|e| panic!("{today}: {e}"));
    }
}

/// The demo is the same book on every platform: the browser (wasm32) test in
/// tests/demo.rs pins the same figures.
#[test]
fn demo_fingerprint_is_pinned() {
    let book = pipewise_core::generator::demo(Day::from_ymd(2026, 11, 29).unwrap());
    let value: i64 = book.deals.iter().map(|d| d.value).sum();
    let changes: usize = book.deals.iter().map(|d| d.history.len()).sum();
    println!(
        "fingerprint: {} deals, {value} cents, {changes} changes, {} tasks",
        book.deals.len(),
        book.tasks.len()
    );
    assert_eq!(
        (book.deals.len(), value, changes, book.tasks.len()),
        DEMO_FINGERPRINT
    );
}

/// Copied from the generator's output on 2026-11-29: a change detector, not a derived
/// expectation (the browser test pins the same numbers).
const DEMO_FINGERPRINT: (usize, i64, usize, usize) = (300, 808_380_000, 1722, 886);
