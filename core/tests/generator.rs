//! The generator's promises: deterministic, every record valid, the benchmark sizes,
//! and the demo's story (DESIGN.md §3) for the last full quarter and the quarter so far.

use pipewise_core::generator::{self, last_full_quarter_start, quarter_start, stamp_of};
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

/// The four factors of DESIGN.md §3 plus revenue, for one owner (or all) and a period.
#[derive(Clone, Copy, Debug, Default)]
struct Figures {
    leads: f64,
    decided: f64,
    won: f64,
    revenue: f64,
}

impl Figures {
    fn close_rate(&self) -> f64 {
        self.won / self.decided.max(1.0)
    }
    fn avg_won(&self) -> f64 {
        self.revenue / self.won.max(1.0)
    }
    /// leads, yield, close rate, value.
    fn factors(&self) -> [f64; 4] {
        [
            self.leads,
            self.decided / self.leads.max(1.0),
            self.close_rate(),
            self.avg_won(),
        ]
    }
}

fn figures(book: &Book, owner: Option<&str>, from: Day, to: Day) -> Figures {
    let mut f = Figures::default();
    let inside = |d: Day| from <= d && d <= to;
    for deal in book
        .deals
        .iter()
        .filter(|d| owner.is_none_or(|o| d.owner == o))
    {
        if deal.history.first().is_some_and(|c| inside(c.on)) {
            f.leads += 1.0;
        }
        for c in deal.history.iter().filter(|c| inside(c.on)) {
            match c.stage {
                Stage::Won => {
                    f.decided += 1.0;
                    f.won += 1.0;
                    f.revenue += deal.value as f64;
                }
                Stage::Lost => f.decided += 1.0,
                Stage::Step(_) => {}
            }
        }
    }
    f
}

/// Shapley split of the change from `base` to `now` of a product of four factors.
fn shapley(base: [f64; 4], now: [f64; 4]) -> [f64; 4] {
    let product = |mask: usize| -> f64 {
        (0..4)
            .map(|i| {
                if mask & (1 << i) != 0 {
                    now[i]
                } else {
                    base[i]
                }
            })
            .product()
    };
    let fact = [1.0, 1.0, 2.0, 6.0];
    let mut parts = [0.0; 4];
    for (i, part) in parts.iter_mut().enumerate() {
        for mask in 0..16usize {
            if mask & (1 << i) != 0 {
                continue;
            }
            let k = mask.count_ones() as usize;
            let weight = fact[k] * fact[3 - k] / 24.0;
            *part += weight * (product(mask | (1 << i)) - product(mask));
        }
    }
    parts
}

const OWNERS: [&str; 4] = ["Ana Ruiz", "Ben Okafor", "Chloe Martin", "Dev Patel"];
const FACTORS: [&str; 4] = ["leads", "yield", "close rate", "deal size"];

/// What the diagnosis would say for each owner against the team's average owner.
fn verdicts(
    book: &Book,
    from: Day,
    to: Day,
    label: &str,
) -> Vec<(String, Figures, Option<&'static str>)> {
    let team = figures(book, None, from, to);
    let active = OWNERS.len() as f64;
    let bench = [
        team.leads / active,
        team.decided / team.leads,
        team.close_rate(),
        team.avg_won(),
    ];
    OWNERS
        .iter()
        .map(|owner| {
            let f = figures(book, Some(owner), from, to);
            let parts = shapley(bench, f.factors());
            let gap: f64 = parts.iter().sum();
            let worst = (0..4)
                .min_by(|a, b| parts[*a].total_cmp(&parts[*b]))
                .unwrap();
            let verdict = (gap < 0.0).then_some(FACTORS[worst]);
            println!(
                "{label} {owner:13} L {:3} D {:3} W {:3} close {:4.0}% avg ${:7.0} revenue ${:8.0} \
                 gap ${:9.0} parts L {:8.0} Y {:8.0} C {:8.0} V {:8.0} -> {verdict:?}",
                f.leads,
                f.decided,
                f.won,
                100.0 * f.close_rate(),
                f.avg_won() / 100.0,
                f.revenue / 100.0,
                gap / 100.0,
                parts[0] / 100.0,
                parts[1] / 100.0,
                parts[2] / 100.0,
                parts[3] / 100.0,
            );
            (owner.to_string(), f, verdict)
        })
        .collect()
}

/// The story; with `min_decided`, an owner with fewer decided deals gets no verdict
/// checked (the app says "not enough data" then).
fn assert_story(book: &Book, from: Day, to: Day, label: &str, min_decided: f64) {
    let mut v = verdicts(book, from, to, label);
    for owner in v.iter_mut().filter(|o| o.1.decided < min_decided) {
        owner.2 = Some("not enough data");
    }
    let checked = |i: usize, verdict: Option<&str>| {
        let got = v[i].2;
        assert!(
            got == verdict || got == Some("not enough data"),
            "{label}: {} is {got:?}",
            v[i].0
        );
    };
    let [ana, ben, chloe, dev] = [&v[0].1, &v[1].1, &v[2].1, &v[3].1];
    // Owners with too few decided deals have no meaningful close rate or average.
    let others = |me: usize| {
        v.iter()
            .enumerate()
            .filter(move |(i, o)| *i != me && o.1.decided >= min_decided)
            .map(|(_, o)| o.1)
    };
    let all_others = |me: usize| {
        v.iter()
            .enumerate()
            .filter(move |(i, _)| *i != me)
            .map(|(_, o)| o.1)
    };
    assert!(
        all_others(1).all(|o| ben.leads < 0.6 * o.leads),
        "{label}: Ben's leads not low"
    );
    assert!(
        others(2).all(|o| chloe.close_rate() < o.close_rate()) && chloe.close_rate() < 0.25,
        "{label}: Chloe's close rate not the lowest"
    );
    // An average of no won deals means nothing; such owners are left out.
    assert!(
        others(3)
            .filter(|o| o.won > 0.0)
            .all(|o| dev.avg_won() < o.avg_won() / 3.0),
        "{label}: Dev's deals not small"
    );
    assert!(
        all_others(0).all(|o| ana.revenue > o.revenue),
        "{label}: Ana not top"
    );
    checked(0, None);
    checked(1, Some("leads"));
    checked(2, Some("close rate"));
    checked(3, Some("deal size"));
}

#[test]
fn demo_tells_the_story_of_the_last_full_quarter() {
    for iso in TODAYS {
        let today = day(iso);
        let book = generator::demo(today);
        let q0 = last_full_quarter_start(today);
        let this_quarter = quarter_start(today);
        let previous = last_full_quarter_start(q0);
        assert_story(
            &book,
            q0,
            this_quarter.plus(-1),
            &format!("{iso} last quarter"),
            0.0,
        );
        // Ben also had more leads in the quarter before.
        let ben_before = figures(&book, Some("Ben Okafor"), previous, q0.plus(-1));
        let ben_now = figures(&book, Some("Ben Okafor"), q0, this_quarter.plus(-1));
        println!(
            "{iso} Ben's leads: {} now, {} the quarter before",
            ben_now.leads, ben_before.leads
        );
        assert!(
            ben_now.leads < 0.6 * ben_before.leads,
            "{iso}: Ben's leads vs before"
        );
    }
}

#[test]
fn demo_tells_the_story_for_the_quarter_so_far() {
    for iso in TODAYS {
        let today = day(iso);
        let this_quarter = quarter_start(today);
        // Too early in a quarter there is nothing to tell yet.
        if today.since(this_quarter) >= 45 {
            let book = generator::demo(today);
            assert_story(
                &book,
                this_quarter,
                today,
                &format!("{iso} quarter to date"),
                5.0,
            );
        }
    }
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

/// Every week of a year, the demo's last full quarter tells the story.
#[test]
fn demo_tells_the_story_every_week_of_the_year() {
    for week in 0..53 {
        let today = day("2026-06-03").plus(week * 7);
        let book = generator::demo(today);
        check(&book, today).unwrap_or_else(|e| panic!("{today}: {e}"));
        let q0 = last_full_quarter_start(today);
        assert_story(
            &book,
            q0,
            quarter_start(today).plus(-1),
            &format!("{today} last quarter"),
            0.0,
        );
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

const DEMO_FINGERPRINT: (usize, i64, usize, usize) = (300, 843_770_000, 1686, 875);
