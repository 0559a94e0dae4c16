//! Report figures against hand-computed values. Every book here is built record by
//! record; the arithmetic behind each expected figure is in the comment beside it.
//! The report period is Q1 2026 (Jan 1 – Mar 31, 90 days) and today is 2026-04-15
//! unless a test says otherwise.

use pipewise_core::reports::*;
use pipewise_core::*;
use proptest::prelude::*;

fn day(y: i32, m: u32, d: u32) -> Day {
    Day::from_ymd(y, m, d).unwrap()
}
fn jan(d: u32) -> Day {
    day(2026, 1, d)
}
fn feb(d: u32) -> Day {
    day(2026, 2, d)
}
fn mar(d: u32) -> Day {
    day(2026, 3, d)
}
fn apr(d: u32) -> Day {
    day(2026, 4, d)
}
fn today() -> Day {
    apr(15)
}
fn q1() -> Period {
    Period::new(jan(1), mar(31))
}
fn step(k: u32) -> Stage {
    Stage::Step(StepId(k))
}
const LEAD: u32 = 1;
const PROSPECT: u32 = 2;
const MEETING: u32 = 3;
const NEEDS: u32 = 4;
const PROPOSAL: u32 = 5;

fn id(n: u128) -> DealId {
    DealId(Id(n))
}

fn deal(n: u128, owner: &str, value: Cents, history: &[(Stage, Day)]) -> Deal {
    Deal {
        id: id(n),
        title: format!("Deal {n}"),
        contact: ContactId(Id(1)),
        owner: owner.into(),
        value,
        currency: "USD".into(),
        source: String::new(),
        expected_close: None,
        notes: String::new(),
        history: history
            .iter()
            .map(|&(stage, on)| StageChange {
                stage,
                on,
                note: String::new(),
            })
            .collect(),
        edited: 0,
    }
}

fn book(deals: Vec<Deal>) -> Book {
    Book {
        deals,
        ..Book::default()
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * (1.0 + a.abs().max(b.abs()))
}

fn assert_close(a: Option<f64>, b: f64) {
    match a {
        Some(a) => assert!(close(a, b), "{a} != {b}"),
        None => panic!("None != {b}"),
    }
}

// ---------------------------------------------------------------- empty and tiny

#[test]
fn an_empty_book_gives_empty_reports() {
    let b = Book::default();
    let all = Scope::Everyone;
    let stats = step_stats(&b, &all, &q1(), today());
    assert_eq!(stats.len(), 7);
    for s in &stats {
        assert_eq!(s.wip, 0);
        assert_eq!(s.backlog_weeks, Some(0.0));
        assert_eq!(s.throughput_per_week, 0.0);
        assert_eq!(s.latest_median, None);
        assert!(!s.bloated);
    }
    let flow = cumulative_flow(&b, &all, &q1(), today());
    assert_eq!(flow.days.len(), 90);
    assert!(flow.counts.iter().all(|c| c.iter().all(|&n| n == 0)));
    let f = funnel(&b, &all, &q1(), today());
    assert_eq!(f.entered, 0);
    assert!(f.conversions.iter().all(|c| c.rate.is_none()));
    let k = kpis(&b, &all, &q1(), today(), Some(100));
    assert_eq!(k.close_rate, None);
    assert_eq!(k.revenue, 0);
    assert_eq!(k.velocity_per_day, None);
    // Nothing won, target 100 cents still needed, nothing open: coverage 0.
    assert_eq!(k.coverage, Some(0.0));
    for bench in [
        Benchmark::PreviousPeriod,
        Benchmark::TeamAverageOwner,
        Benchmark::Target(100_000),
    ] {
        let d = diagnose(&b, &all, &q1(), today(), bench);
        assert_eq!(d.verdict, Verdict::NotEnoughData);
        assert!(d.sentence.starts_with("Not enough data"), "{}", d.sentence);
        assert!(close(
            d.parts.iter().sum(),
            d.current.revenue() - d.benchmark_revenue
        ));
    }
    assert!(owner_table(&b, &q1(), today()).is_empty());
    assert_eq!(prospecting_activity(&b, &all, &q1()).done, 0);
}

#[test]
fn one_deal() {
    // Lead Jan 10 → Won Feb 9 (30 days), $5,000.
    let b = book(vec![deal(
        1,
        "ann",
        500_000,
        &[(step(LEAD), jan(10)), (Stage::Won, feb(9))],
    )]);
    let k = kpis(&b, &Scope::Everyone, &q1(), today(), None);
    assert_eq!((k.won, k.lost, k.revenue), (1, 0, 500_000));
    assert_eq!(k.close_rate, Some(1.0));
    assert_eq!(k.median_cycle_days, Some(30.0));
    // No open deal: velocity = 0 × 1 × 500,000 ÷ 30 = 0.
    assert_eq!(k.velocity_per_day, Some(0.0));
    let lead = &step_stats(&b, &Scope::Everyone, &q1(), today())[0];
    assert_close(lead.latest_median, 30.0);
    // 1 deal left Lead in 90 days: 1 ÷ (90 / 7) per week.
    assert!(close(lead.throughput_per_week, 7.0 / 90.0));
    let d = diagnose(
        &b,
        &Scope::Everyone,
        &q1(),
        today(),
        Benchmark::PreviousPeriod,
    );
    assert_eq!(d.verdict, Verdict::NotEnoughData);
    assert_eq!(d.decided, 1);
    assert_eq!(
        d.sentence,
        "Not enough data for a diagnosis: 1 deal was decided in Q1 2026 and 0 for Q4 2025; \
         it takes at least 5 each."
    );
}

// ---------------------------------------------------------------- step statistics

/// Meeting stays (days): A 20 (Jan 11 → Jan 31), B 10 + 10 (Feb 1 → 11, back from Needs
/// analysis Feb 21 → Mar 3), C current since Mar 1, D 30 (Dec 1 → Dec 31, before the
/// period), E current since Apr 10 (owner bo), F 4 (Apr 1 → 5, after the period),
/// H 111 (Dec 15 → Apr 5, across the whole period).
fn step_book() -> Book {
    let mut b = book(vec![
        deal(
            1,
            "ann",
            0,
            &[
                (step(LEAD), jan(1)),
                (step(MEETING), jan(11)),
                (step(PROPOSAL), jan(31)),
            ],
        ),
        deal(
            2,
            "ann",
            0,
            &[
                (step(MEETING), feb(1)),
                (step(NEEDS), feb(11)),
                (step(MEETING), feb(21)),
                (step(PROPOSAL), mar(3)),
            ],
        ),
        deal(3, "ann", 0, &[(step(MEETING), mar(1))]),
        deal(
            4,
            "ann",
            0,
            &[
                (step(MEETING), day(2025, 12, 1)),
                (step(PROPOSAL), day(2025, 12, 31)),
            ],
        ),
        deal(5, "bo", 0, &[(step(MEETING), apr(10))]),
        deal(
            6,
            "ann",
            0,
            &[(step(MEETING), apr(1)), (Stage::Lost, apr(5))],
        ),
        deal(
            8,
            "ann",
            0,
            &[(step(MEETING), day(2025, 12, 15)), (step(PROPOSAL), apr(5))],
        ),
    ]);
    b.process.steps[4].stuck_after = Some(30);
    b
}

#[test]
fn step_statistics_by_hand() {
    let stats = step_stats(&step_book(), &Scope::Everyone, &q1(), today());
    let meeting = &stats[2];
    assert_eq!(meeting.name, "Meeting");
    // Now in Meeting: C and E.
    assert_eq!(meeting.wip, 2);
    // Left Meeting in Q1: A (latest stay 20) and B (latest stay 10): median of 10, 20
    // = 15; p90 rank h = 1 · 0.9 → 10 + 0.9 · 10 = 19.
    assert_close(meeting.latest_median, 15.0);
    assert_close(meeting.latest_p90, 19.0);
    // Cumulative: A 20, B 10 + 10 = 20.
    assert_close(meeting.cumulative_median, 20.0);
    assert_close(meeting.cumulative_p90, 20.0);
    // 2 deals left in 90 days: 2 ÷ (90/7) = 14/90 a week; backlog 2 ÷ (14/90) = 180/14.
    assert!(close(meeting.throughput_per_week, 14.0 / 90.0));
    assert_close(meeting.backlog_weeks, 180.0 / 14.0);
    // Every completed stay ever: 4, 10, 10, 20, 30, 111 → median (10 + 20) / 2 = 15;
    // p90 rank h = 5 · 0.9 = 4.5 → 30 + 0.5 · (111 − 30) = 70.5.
    assert_close(meeting.historical_median, 15.0);
    assert_close(meeting.stuck_after, 70.5);
    // C has been in Meeting 45 days (Mar 1 → Apr 15), E 5: neither over 70.5.
    assert!(meeting.stuck.is_empty());
    // Bloated by backlog: 12.86 weeks > 1.5 × 15/7 = 3.21 weeks.
    assert!(meeting.bloated);
    let reason = meeting.bloat_reason.as_deref().unwrap();
    assert!(reason.contains("backlog of 12.9 weeks"), "{reason}");

    let proposal = &stats[4];
    // Now in Proposal: A (since Jan 31: 74 days), B (since Mar 3: 43), D (since Dec 31:
    // 105), H (since Apr 5: 10). Threshold set to 30 days → D, A, B stuck, longest first.
    assert_eq!(proposal.wip, 4);
    assert_eq!(proposal.stuck_after, Some(30.0));
    assert_eq!(proposal.stuck, vec![id(4), id(1), id(2)]);
    // Nobody left Proposal: throughput 0, backlog infinite (None), bloated.
    assert_eq!(proposal.throughput_per_week, 0.0);
    assert_eq!(proposal.backlog_weeks, None);
    assert!(proposal.bloated);
    let reason = proposal.bloat_reason.as_deref().unwrap();
    assert!(reason.contains("3 of 4 deals are stuck"), "{reason}");

    // Needs analysis: B's one stay of 10 days, nothing there now: not bloated.
    let needs = &stats[3];
    assert_eq!(
        (needs.wip, needs.backlog_weeks, needs.bloated),
        (0, Some(0.0), false)
    );
    assert_close(needs.latest_median, 10.0);

    // Scope: ann alone has only C in Meeting.
    let ann = step_stats(&step_book(), &Scope::Owner("ann".into()), &q1(), today());
    assert_eq!(ann[2].wip, 1);
}

#[test]
fn a_removed_step_does_not_break_reports() {
    let mut b = step_book();
    b.deals.push(deal(
        9,
        "ann",
        700,
        &[(step(99), jan(5)), (Stage::Lost, jan(20))],
    ));
    b.deals.push(deal(10, "ann", 0, &[(step(99), jan(5))]));
    let all = Scope::Everyone;
    assert_eq!(step_stats(&b, &all, &q1(), today()).len(), 7);
    assert_eq!(
        step_stats(&b, &all, &q1(), today())[2],
        step_stats(&step_book(), &all, &q1(), today())[2]
    );
    let f = funnel(&b, &all, &q1(), today());
    // Deals 9 and 10 entered in Q1 but reached no step of today's process.
    let before = funnel(&step_book(), &all, &q1(), today());
    assert_eq!(f.entered, before.entered + 2);
    assert_eq!(f.reached, before.reached);
    assert_eq!(kpis(&b, &all, &q1(), today(), None).lost, 1);
    let _ = cumulative_flow(&b, &all, &q1(), today());
    let _ = diagnose(&b, &all, &q1(), today(), Benchmark::PreviousPeriod);
    assert_eq!(b.process.name(StepId(99)), "(removed step)");
}

// ---------------------------------------------------------------- cumulative flow

#[test]
fn cumulative_flow_by_hand() {
    // Period Jan 1 – 5, today Jan 4: four days of data.
    // X: Lead Dec 30 → Prospect Jan 2 → Won Jan 3.
    // Y: Lead Jan 2, still there.
    // Z: Prospect Jan 1 → Lost the same day (never in Prospect at a day's end).
    let b = book(vec![
        deal(
            1,
            "ann",
            0,
            &[
                (step(LEAD), day(2025, 12, 30)),
                (step(PROSPECT), jan(2)),
                (Stage::Won, jan(3)),
            ],
        ),
        deal(2, "ann", 0, &[(step(LEAD), jan(2))]),
        deal(
            3,
            "ann",
            0,
            &[(step(PROSPECT), jan(1)), (Stage::Lost, jan(1))],
        ),
    ]);
    let all = Scope::Everyone;
    let flow = cumulative_flow(&b, &all, &Period::new(jan(1), jan(5)), jan(4));
    assert_eq!(flow.days, vec![jan(1), jan(2), jan(3), jan(4)]);
    assert_eq!(flow.steps[0].1, "Lead");
    // Lead: X on Jan 1, then Y from Jan 2.
    assert_eq!(flow.counts[0], vec![1, 1, 1, 1]);
    // Prospect: X on Jan 2 only.
    assert_eq!(flow.counts[1], vec![0, 1, 0, 0]);
    assert_eq!(flow.counts[2], vec![0, 0, 0, 0]);
    assert_eq!(flow.won, vec![0, 0, 1, 1]);
    assert_eq!(flow.lost, vec![1, 1, 1, 1]);
    // A period that starts after today has no days yet.
    let later = cumulative_flow(&b, &all, &Period::new(jan(10), jan(20)), jan(4));
    assert!(later.days.is_empty());
    // A silly period keeps its last ten years of days, ending today.
    let forever = cumulative_flow(&b, &all, &Period::new(Day(i32::MIN), Day(i32::MAX)), jan(4));
    assert_eq!(forever.days.len(), 3653);
    assert_eq!(forever.days.last(), Some(&jan(4)));
    assert_eq!(forever.counts[0].last(), Some(&1));
}

// ---------------------------------------------------------------- funnel

#[test]
fn funnel_by_hand() {
    let b = book(vec![
        // P: skips Prospect, Meeting and Needs analysis; lost from Proposal.
        deal(
            1,
            "ann",
            0,
            &[
                (step(LEAD), jan(5)),
                (step(PROPOSAL), jan(20)),
                (Stage::Lost, feb(10)),
            ],
        ),
        // Q: straight from Lead to Won: has reached every step.
        deal(2, "ann", 0, &[(step(LEAD), jan(6)), (Stage::Won, feb(1))]),
        // R: enters at Prospect: Lead counts as reached too.
        deal(3, "ann", 0, &[(step(PROSPECT), feb(1))]),
        // S: Lead → Prospect → back to Lead.
        deal(
            4,
            "ann",
            0,
            &[
                (step(LEAD), mar(1)),
                (step(PROSPECT), mar(5)),
                (step(LEAD), mar(10)),
            ],
        ),
        // T: entered before the period; left Lead in it, left Prospect after it.
        deal(
            5,
            "ann",
            0,
            &[
                (step(LEAD), day(2025, 12, 1)),
                (step(PROSPECT), jan(3)),
                (step(MEETING), apr(2)),
            ],
        ),
    ]);
    let f = funnel(&b, &Scope::Everyone, &q1(), today());
    // Entered in Q1: P, Q, R, S.
    assert_eq!(f.entered, 4);
    assert_eq!(f.won, 1);
    let reached: Vec<usize> = f.reached.iter().map(|r| r.deals).collect();
    // Lead and Prospect: all four; Meeting to Proposal: P and Q; then Q only.
    assert_eq!(reached, vec![4, 4, 2, 2, 2, 1, 1]);
    let c = &f.conversions;
    // Left Lead in Q1: P (→ Proposal), Q (→ Won), S (→ Prospect), T (→ Prospect): 4 of 4.
    assert_eq!((c[0].left, c[0].went_on, c[0].rate), (4, 4, Some(1.0)));
    assert_eq!(c[0].to, step(PROSPECT));
    // Left Prospect in Q1: S only, backwards: 0 of 1 (T left on Apr 2).
    assert_eq!((c[1].left, c[1].went_on, c[1].rate), (1, 0, Some(0.0)));
    // Nobody left Meeting in Q1.
    assert_eq!((c[2].left, c[2].rate), (0, None));
    // Left Proposal: P, to Lost.
    assert_eq!((c[4].left, c[4].went_on), (1, 0));
    assert_eq!(c[6].to, Stage::Won);
}

// ---------------------------------------------------------------- KPIs

fn kpi_book() -> Book {
    book(vec![
        // Won in Q1: cycles 30 (Jan 1 → 31), 70 (Dec 2 → Feb 10: 29 + 31 + 10), 10.
        deal(
            1,
            "ann",
            1_000_000,
            &[(step(LEAD), jan(1)), (Stage::Won, jan(31))],
        ),
        deal(
            2,
            "ann",
            2_000_000,
            &[(step(LEAD), day(2025, 12, 2)), (Stage::Won, feb(10))],
        ),
        deal(
            3,
            "ann",
            3_000_000,
            &[(step(LEAD), mar(1)), (Stage::Won, mar(11))],
        ),
        deal(
            4,
            "ann",
            9_000_000,
            &[(step(LEAD), jan(5)), (Stage::Lost, feb(1))],
        ),
        // Won after the period: neither counted nor open.
        deal(
            5,
            "ann",
            9_000_000,
            &[(step(LEAD), jan(5)), (Stage::Won, apr(2))],
        ),
        // Open today: $50,000 + $25,000.
        deal(6, "ann", 5_000_000, &[(step(LEAD), mar(20))]),
        deal(7, "ann", 2_500_000, &[(step(MEETING), feb(1))]),
    ])
}

#[test]
fn kpis_by_hand() {
    let k = kpis(
        &kpi_book(),
        &Scope::Everyone,
        &q1(),
        today(),
        Some(10_000_000),
    );
    assert_eq!((k.won, k.lost), (3, 1));
    // 3 ÷ (3 + 1)
    assert_eq!(k.close_rate, Some(0.75));
    // 10,000 + 20,000 + 30,000 dollars
    assert_eq!(k.revenue, 6_000_000);
    assert_close(k.avg_won_value, 2_000_000.0);
    // median of 10, 30, 70
    assert_close(k.median_cycle_days, 30.0);
    assert_eq!((k.open_deals, k.open_value), (2, 7_500_000));
    // 2 × 0.75 × 2,000,000 ÷ 30 = 100,000 cents ($1,000) a day
    assert_close(k.velocity_per_day, 100_000.0);
    // target 100,000 − 60,000 = 40,000 still needed; 75,000 open ÷ 40,000 = 1.875
    assert_close(k.coverage, 1.875);
    // 1 ÷ 0.75
    assert_close(k.coverage_needed, 4.0 / 3.0);
    // A target already met has no coverage to speak of.
    let met = kpis(
        &kpi_book(),
        &Scope::Everyone,
        &q1(),
        today(),
        Some(5_000_000),
    );
    assert_eq!(met.coverage, None);
}

#[test]
fn kpis_with_no_wins() {
    // Only the lost deal is decided on Feb 1.
    let feb1 = Period::new(feb(1), feb(1));
    let k = kpis(&kpi_book(), &Scope::Everyone, &feb1, today(), None);
    assert_eq!((k.won, k.lost, k.close_rate), (0, 1, Some(0.0)));
    assert_eq!(
        (k.avg_won_value, k.median_cycle_days, k.velocity_per_day),
        (None, None, None)
    );
    assert_eq!(k.coverage_needed, None);
}

// ---------------------------------------------------------------- prospecting activity

fn contact(n: u128, owner: &str) -> Contact {
    Contact {
        id: ContactId(Id(n)),
        name: String::new(),
        company: String::new(),
        email: String::new(),
        phone: String::new(),
        owner: owner.into(),
        source: String::new(),
        notes: String::new(),
        types: vec![TypeChange {
            kind: ContactType::Lead,
            on: jan(1),
        }],
        edited: 0,
    }
}

fn task(n: u128, contact: u128, deal: Option<u128>, done: Option<Day>, tag: Tag) -> Task {
    Task {
        id: TaskId(Id(n)),
        title: String::new(),
        on: jan(1),
        time: None,
        duration: None,
        kind: TaskKind::Call,
        contact: ContactId(Id(contact)),
        deal: deal.map(id),
        done_on: done,
        notes: String::new(),
        tag,
        edited: 0,
    }
}

#[test]
fn prospecting_activity_by_hand() {
    let mut b = book(vec![
        deal(50, "bo", 0, &[(step(LEAD), jan(1))]),
        deal(51, "ann", 0, &[(step(LEAD), jan(1))]),
    ]);
    b.contacts = vec![contact(1, "ann"), contact(2, "bo")];
    let lead = Tag::Contact(ContactType::Lead);
    let prospect = Tag::Contact(ContactType::Prospect);
    let client = Tag::Contact(ContactType::Client);
    b.tasks = vec![
        task(1, 1, None, Some(jan(5)), lead), // ann's, prospecting
        task(2, 1, Some(50), Some(jan(6)), Tag::Stage(step(PROSPECT))), // bo's deal, prospecting
        task(3, 1, Some(51), Some(feb(1)), Tag::Stage(step(PROPOSAL))), // ann's
        task(4, 1, None, None, prospect),     // not done
        task(5, 1, None, Some(apr(2)), lead), // done after Q1
        task(6, 2, None, Some(mar(3)), client), // bo's
        task(7, 1, None, Some(mar(4)), prospect), // ann's, prospecting
    ];
    let all = prospecting_activity(&b, &Scope::Everyone, &q1());
    // Done in Q1: tasks 1, 2, 3, 6, 7; prospecting: 1, 2, 7.
    assert_eq!((all.done, all.prospecting), (5, 3));
    assert_eq!(
        all.by_tag,
        vec![
            (lead, 1),
            (prospect, 1),
            (client, 1),
            (Tag::Stage(step(PROSPECT)), 1),
            (Tag::Stage(step(PROPOSAL)), 1),
        ]
    );
    let ann = prospecting_activity(&b, &Scope::Owner("ann".into()), &q1());
    // Tasks 1, 3, 7 (task 2 is on bo's deal although the contact is ann's).
    assert_eq!((ann.done, ann.prospecting), (3, 2));
    let bo = prospecting_activity(&b, &Scope::Owner("bo".into()), &q1());
    assert_eq!((bo.done, bo.prospecting), (2, 1));
    // The owner table counts them in one pass: the same figures.
    let table = owner_table(&b, &q1(), today());
    let done: Vec<(&str, usize)> = table
        .iter()
        .map(|(o, d)| (o.as_str(), d.prospecting_done))
        .collect();
    assert_eq!(done, vec![("ann", 2), ("bo", 1)]);
    let d = diagnose(
        &b,
        &Scope::Owner("ann".into()),
        &q1(),
        today(),
        Benchmark::PreviousPeriod,
    );
    assert_eq!(d.prospecting_done, 2);
}

// ---------------------------------------------------------------- diagnosis

/// `leads` deals entered on `entered` and still open.
fn add_leads(deals: &mut Vec<Deal>, owner: &str, n: &mut u128, leads: usize, entered: Day) {
    for _ in 0..leads {
        *n += 1;
        deals.push(deal(*n, owner, 0, &[(step(LEAD), entered)]));
    }
}

/// Deals decided on `on`, entered long before (2025-06-01) so that they are nobody's
/// new leads in the periods compared.
fn add_decided(
    deals: &mut Vec<Deal>,
    owner: &str,
    n: &mut u128,
    won: &[Cents],
    lost: usize,
    on: Day,
) {
    let old = day(2025, 6, 1);
    for &value in won {
        *n += 1;
        deals.push(deal(
            *n,
            owner,
            value,
            &[(step(LEAD), old), (Stage::Won, on)],
        ));
    }
    for _ in 0..lost {
        *n += 1;
        deals.push(deal(*n, owner, 0, &[(step(LEAD), old), (Stage::Lost, on)]));
    }
}

/// Q4 2025: 10 leads, 8 decided, 4 won at $10,000. Q1 2026: 5 leads, 6 decided, 3 won.
fn fewer_leads_book() -> Book {
    let (mut deals, mut n) = (Vec::new(), 0);
    add_leads(&mut deals, "ann", &mut n, 10, day(2025, 11, 1));
    add_decided(
        &mut deals,
        "ann",
        &mut n,
        &[1_000_000; 4],
        4,
        day(2025, 11, 15),
    );
    add_leads(&mut deals, "ann", &mut n, 5, feb(1));
    add_decided(&mut deals, "ann", &mut n, &[1_000_000; 3], 3, feb(15));
    book(deals)
}

fn factors(leads: f64, yield_: f64, close_rate: f64, value: f64) -> Factors {
    Factors {
        leads,
        yield_,
        close_rate,
        value,
    }
}

#[test]
fn fewer_leads_is_not_enough_chances() {
    let b = fewer_leads_book();
    let d = diagnose(
        &b,
        &Scope::Everyone,
        &q1(),
        today(),
        Benchmark::PreviousPeriod,
    );
    // Q1: L 5, Y 6/5 = 1.2, C 3/6 = 0.5, V 1,000,000 → 3,000,000.
    assert_eq!(d.current, factors(5.0, 1.2, 0.5, 1_000_000.0));
    // Q4: L 10, Y 0.8, C 0.5, V 1,000,000 → 4,000,000.
    assert_eq!(d.benchmark, factors(10.0, 0.8, 0.5, 1_000_000.0));
    assert_eq!(d.revenue, 3_000_000);
    assert!(close(d.benchmark_revenue, 4_000_000.0));
    // C and V unchanged → parts 0. With K = C·V = 500,000 the two-factor split:
    // L: K · (5 − 10) · (0.8 + 1.2)/2 = −2,500,000; Y: K · (1.2 − 0.8) · (10 + 5)/2
    // = 1,500,000.
    let expected = [-2_500_000.0, 1_500_000.0, 0.0, 0.0];
    for (got, want) in d.parts.iter().zip(expected) {
        assert!((got - want).abs() < 1e-6, "{:?}", d.parts);
    }
    assert_eq!(d.verdict, Verdict::NotEnoughChances(Factor::Leads));
    // 4,000,000 ÷ (1.2 · 0.5 · 1,000,000) = 6.67 leads
    assert_close(d.leads_needed, 4_000_000.0 / 600_000.0);
    // 4,000,000 ÷ (5 · 1.2 · 1,000,000) = 0.667
    assert_close(d.close_rate_needed, 4_000_000.0 / 6_000_000.0);
    assert_eq!((d.new_leads, d.decided, d.benchmark_decided), (5, 6, 8));
    assert_eq!(d.benchmark_label, "Q4 2025");
    assert_eq!(
        d.sentence,
        "Revenue is 25 % below Q4 2025 ($30,000 vs $40,000). Fewer new leads cost -$25,000, \
         more than the whole gap of -$10,000: 5 vs 10. Close rate held at 50 %. At today's \
         rates you need 7 leads to get back to Q4 2025."
    );
}

/// Q4 2025: 10 leads, 8 decided (4 won at $10,000). Q1 2026: `leads` leads and 2
/// decided (1 won at $10,000): too few decided deals to judge closing.
fn few_decided_book(leads: usize) -> Book {
    let (mut deals, mut n) = (Vec::new(), 0);
    add_leads(&mut deals, "ann", &mut n, 10, day(2025, 11, 1));
    add_decided(
        &mut deals,
        "ann",
        &mut n,
        &[1_000_000; 4],
        4,
        day(2025, 11, 15),
    );
    add_leads(&mut deals, "ann", &mut n, leads, feb(1));
    add_decided(&mut deals, "ann", &mut n, &[1_000_000], 1, feb(15));
    book(deals)
}

#[test]
fn too_few_decided_but_under_half_the_leads_is_not_enough_chances() {
    let b = few_decided_book(4);
    let d = diagnose(
        &b,
        &Scope::Everyone,
        &q1(),
        today(),
        Benchmark::PreviousPeriod,
    );
    // 2 decided in Q1 (< 5): closing cannot be judged. Leads 4 < 10 ÷ 2 = 5, and the
    // benchmark has 10 ≥ 5 leads: the shortfall of leads is the story.
    assert_eq!((d.new_leads, d.decided, d.benchmark_decided), (4, 2, 8));
    assert_eq!(d.benchmark_new_leads, 10.0);
    assert!(!d.judges_closing());
    assert_eq!(d.verdict, Verdict::NotEnoughChances(Factor::Leads));
    assert_eq!(
        d.sentence,
        "Not enough chances: 4 new leads in Q1 2026 against 10 for Q4 2025, under half. \
         Close rate and deal size cannot be judged on so few decided deals (2 and 8; it \
         takes at least 5 each)."
    );
}

#[test]
fn too_few_decided_with_half_the_leads_or_a_small_benchmark_is_not_enough_data() {
    // Exactly half (5 of 10) is not under half.
    let d = diagnose(
        &few_decided_book(5),
        &Scope::Everyone,
        &q1(),
        today(),
        Benchmark::PreviousPeriod,
    );
    assert_eq!(d.verdict, Verdict::NotEnoughData);
    assert_eq!(
        d.sentence,
        "Not enough data for a diagnosis: 2 deals were decided in Q1 2026 and 8 for \
         Q4 2025; it takes at least 5 each."
    );
    // A benchmark of 4 leads (under 5) against none now: too small to call a drop.
    let (mut deals, mut n) = (Vec::new(), 0);
    add_leads(&mut deals, "ann", &mut n, 4, day(2025, 11, 1));
    let d = diagnose(
        &book(deals),
        &Scope::Everyone,
        &q1(),
        today(),
        Benchmark::PreviousPeriod,
    );
    assert_eq!((d.new_leads, d.benchmark_new_leads), (0, 4.0));
    assert_eq!(d.verdict, Verdict::NotEnoughData);
    // The rule itself, at its edges.
    assert!(short_of_leads(2, 5.0));
    assert!(!short_of_leads(3, 5.0)); // 3 ≥ 2.5
    assert!(!short_of_leads(0, 4.9));
}

#[test]
fn a_lower_close_rate_is_closing_effectiveness() {
    // Q4: 10 leads, 10 decided, 5 won at $10,000 → $50,000.
    // Q1: 10 leads, 10 decided, 2 won at $10,000 → $20,000.
    let (mut deals, mut n) = (Vec::new(), 0);
    add_leads(&mut deals, "ann", &mut n, 10, day(2025, 11, 1));
    add_decided(
        &mut deals,
        "ann",
        &mut n,
        &[1_000_000; 5],
        5,
        day(2025, 11, 15),
    );
    add_leads(&mut deals, "ann", &mut n, 10, feb(1));
    add_decided(&mut deals, "ann", &mut n, &[1_000_000; 2], 8, feb(15));
    let b = book(deals);
    let d = diagnose(
        &b,
        &Scope::Everyone,
        &q1(),
        today(),
        Benchmark::PreviousPeriod,
    );
    // Only C changed (0.5 → 0.2): its part is the whole gap, −3,000,000.
    assert!((d.parts[2] + 3_000_000.0).abs() < 1e-6);
    assert_eq!(d.verdict, Verdict::ClosingEffectiveness);
    // 5,000,000 ÷ (10 · 1 · 1,000,000) = 0.5
    assert_close(d.close_rate_needed, 0.5);
    assert_eq!(
        d.sentence,
        "Revenue is 60 % below Q4 2025 ($20,000 vs $50,000). Most of the gap (-$30,000 of \
         -$30,000) comes from a lower close rate: 20 % vs 50 %. New leads: 10 vs 10. At today's \
         volume you would need a close rate of 50 % to get back to Q4 2025."
    );
}

#[test]
fn a_needed_close_rate_over_100_percent_is_said_plainly() {
    // Q4: 10 leads, 10 decided, all won at $10,000 → $100,000.
    // Q1: 10 leads, 5 decided, 1 won at $10,000 → $10,000.
    let (mut deals, mut n) = (Vec::new(), 0);
    add_leads(&mut deals, "ann", &mut n, 10, day(2025, 11, 1));
    add_decided(
        &mut deals,
        "ann",
        &mut n,
        &[1_000_000; 10],
        0,
        day(2025, 11, 15),
    );
    add_leads(&mut deals, "ann", &mut n, 10, feb(1));
    add_decided(&mut deals, "ann", &mut n, &[1_000_000], 4, feb(15));
    let b = book(deals);
    let d = diagnose(
        &b,
        &Scope::Everyone,
        &q1(),
        today(),
        Benchmark::PreviousPeriod,
    );
    // 10,000,000 ÷ (10 · 0.5 · 1,000,000) = 2.0: more than every deal.
    assert_close(d.close_rate_needed, 2.0);
    // L equal; Y halves (1 → 0.5), C falls to a fifth (1 → 0.2): C is the larger part.
    assert_eq!(d.verdict, Verdict::ClosingEffectiveness);
    assert!(
        d.sentence.contains(
            "even closing every deal would not get back to Q4 2025 (it would take 200 %)"
        ),
        "{}",
        d.sentence
    );
}

#[test]
fn at_or_above_names_a_part_to_watch() {
    // Q4: 5 leads, 5 decided, 2 won at $10,000 → $20,000.
    // Q1: 10 leads, 5 decided, 3 won at $10,000 → $30,000.
    let (mut deals, mut n) = (Vec::new(), 0);
    add_leads(&mut deals, "ann", &mut n, 5, day(2025, 11, 1));
    add_decided(
        &mut deals,
        "ann",
        &mut n,
        &[1_000_000; 2],
        3,
        day(2025, 11, 15),
    );
    add_leads(&mut deals, "ann", &mut n, 10, feb(1));
    add_decided(&mut deals, "ann", &mut n, &[1_000_000; 3], 2, feb(15));
    let b = book(deals);
    let d = diagnose(
        &b,
        &Scope::Everyone,
        &q1(),
        today(),
        Benchmark::PreviousPeriod,
    );
    // Yield fell from 1.0 to 0.5 while leads doubled and the close rate rose.
    assert_eq!(
        d.verdict,
        Verdict::AtOrAbove {
            watch: Some(Factor::Yield)
        }
    );
    assert!(
        d.sentence
            .starts_with("Revenue is 50 % above Q4 2025 ($30,000 vs $20,000). Watch yield"),
        "{}",
        d.sentence
    );
}

/// Q1 2026. ann: 6 leads, 6 decided, 2 won at $5,000. bo: 6 leads, 4 decided, won
/// $20,000 + $20,000 + $10,000. cy: one old deal that only moved in Q1. dee: active
/// before Q1 only.
fn team_book() -> Book {
    let (mut deals, mut n) = (Vec::new(), 0);
    add_leads(&mut deals, "ann", &mut n, 6, feb(1));
    add_decided(&mut deals, "ann", &mut n, &[500_000; 2], 4, feb(15));
    add_leads(&mut deals, "bo", &mut n, 6, feb(1));
    let bo_wins = [2_000_000, 2_000_000, 1_000_000];
    add_decided(&mut deals, "bo", &mut n, &bo_wins, 1, feb(15));
    deals.push(deal(
        999,
        "cy",
        0,
        &[(step(LEAD), day(2025, 6, 1)), (step(PROSPECT), feb(1))],
    ));
    deals.push(deal(998, "dee", 0, &[(step(LEAD), day(2025, 6, 1))]));
    book(deals)
}

/// Shapley by the subset formula (weights 1/4, 1/12, 1/12, 1/4 by the size of the
/// set of factors already switched), independent of the 24-orders implementation.
fn shapley_by_subsets(cur: [f64; 4], bench: [f64; 4]) -> [f64; 4] {
    let weight = [0.25, 1.0 / 12.0, 1.0 / 12.0, 0.25];
    let value = |mask: usize| {
        (0..4)
            .map(|i| {
                if mask & (1 << i) != 0 {
                    cur[i]
                } else {
                    bench[i]
                }
            })
            .product::<f64>()
    };
    let mut parts = [0.0; 4];
    for (i, part) in parts.iter_mut().enumerate() {
        for mask in 0..16usize {
            if mask & (1 << i) == 0 {
                let w = weight[mask.count_ones() as usize];
                *part += w * (value(mask | (1 << i)) - value(mask));
            }
        }
    }
    parts
}

#[test]
fn team_average_owner_benchmark() {
    let b = team_book();
    let ann = Scope::Owner("ann".into());
    let d = diagnose(&b, &ann, &q1(), today(), Benchmark::TeamAverageOwner);
    // Team: 12 leads, 10 decided, 5 won, $60,000; owners active in Q1: ann, bo, cy.
    // Benchmark: L 12/3 = 4, Y 10/12, C 0.5, V 1,200,000 → 4 · 10/12 · 0.5 · 1,200,000
    // = 2,000,000 = 6,000,000 ÷ 3.
    assert!(close(d.benchmark.leads, 4.0));
    assert!(close(d.benchmark.yield_, 10.0 / 12.0));
    assert!(close(d.benchmark_revenue, 2_000_000.0));
    // ann: L 6, Y 1, C 1/3, V 500,000 → 1,000,000.
    assert_eq!(d.revenue, 1_000_000);
    let expected = shapley_by_subsets(d.current.as_array(), d.benchmark.as_array());
    for (got, want) in d.parts.iter().zip(expected) {
        assert!((got - want).abs() < 1e-6);
    }
    assert!((d.parts.iter().sum::<f64>() + 1_000_000.0).abs() < 1e-6);
    // Value fell the most (500,000 vs 1,200,000).
    assert_eq!(d.verdict, Verdict::DealSize);
    assert_eq!(
        d.sentence,
        "Revenue is 50 % below the team's average owner ($10,000 vs $20,000). Smaller deals \
         cost -$13,190, more than the whole gap of -$10,000: $5,000 vs $12,000 on average. \
         Close rate fell to 33 % from 50 %. At today's rates you need 12 leads to match the \
         team's average owner."
    );
    assert_eq!(active_owners(&b, &q1()), vec!["ann", "bo", "cy"]);
    let table = owner_table(&b, &q1(), today());
    let names: Vec<&str> = table.iter().map(|(o, _)| o.as_str()).collect();
    assert_eq!(names, vec!["ann", "bo", "cy"]);
    assert_eq!(table[0].1, d);
    // bo decided only 4 deals, cy none: not enough data for either.
    assert_eq!(table[1].1.verdict, Verdict::NotEnoughData);
    assert_eq!(table[2].1.verdict, Verdict::NotEnoughData);
}

#[test]
fn target_benchmark_scales_trailing_rates() {
    // 2025 (the four quarters before Q1 2026): 20 leads (14 here, and the 6 deals
    // decided in Q1 entered on 2025-06-01), 10 decided, 5 won at $10,000.
    let (mut deals, mut n) = (Vec::new(), 0);
    add_leads(&mut deals, "ann", &mut n, 14, day(2025, 3, 1));
    let long_ago = day(2024, 6, 1);
    for _ in 0..5 {
        n += 1;
        let won = [(step(LEAD), long_ago), (Stage::Won, day(2025, 8, 1))];
        deals.push(deal(n, "ann", 1_000_000, &won));
        n += 1;
        let lost = [(step(LEAD), long_ago), (Stage::Lost, day(2025, 8, 1))];
        deals.push(deal(n, "ann", 0, &lost));
    }
    add_leads(&mut deals, "ann", &mut n, 10, feb(1));
    add_decided(&mut deals, "ann", &mut n, &[1_000_000; 3], 3, feb(15));
    let b = book(deals);
    let target = Benchmark::Target(10_000_000);
    let d = diagnose(&b, &Scope::Everyone, &q1(), today(), target);
    // Y 10/20 = 0.5, C 0.5, V 1,000,000 → 250,000 per lead; 10,000,000 ÷ 250,000 = 40.
    assert_eq!(d.benchmark, factors(40.0, 0.5, 0.5, 1_000_000.0));
    assert!(close(d.benchmark_revenue, 10_000_000.0));
    assert_eq!(d.benchmark_decided, 10);
    assert_eq!(d.benchmark_label, "the target");
    assert!(
        d.sentence.ends_with("to reach the target."),
        "{}",
        d.sentence
    );

    // Without a won deal in the trailing year there is nothing to scale.
    let q1_2024 = Period::new(day(2024, 1, 1), day(2024, 3, 31));
    let d = diagnose(
        &fewer_leads_book(),
        &Scope::Everyone,
        &q1_2024,
        today(),
        target,
    );
    assert_eq!(d.verdict, Verdict::NotEnoughData);
    assert!(close(d.benchmark_revenue, 10_000_000.0));
    assert!(d
        .sentence
        .contains("no deal was won in the four periods before Q1 2024"));
}

#[test]
fn no_new_leads_but_deals_decided_keeps_the_product_exact() {
    // Q1: nothing entered, 5 decided (2 won at $10,000).
    let (mut deals, mut n) = (Vec::new(), 0);
    add_decided(&mut deals, "ann", &mut n, &[1_000_000; 2], 3, feb(15));
    let b = book(deals);
    let d = diagnose(
        &b,
        &Scope::Everyone,
        &q1(),
        today(),
        Benchmark::PreviousPeriod,
    );
    // Stand-in: L = D = 5, Y = 1, C = 0.4, V = 1,000,000 → 2,000,000.
    assert_eq!(d.new_leads, 0);
    assert_eq!(d.current, factors(5.0, 1.0, 0.4, 1_000_000.0));
    assert!(close(d.current.revenue(), d.revenue as f64));
}

#[test]
fn shapley_examples() {
    // Nothing changed → nothing to split.
    let same = [2.0, 3.0, 4.0, 5.0];
    assert_eq!(shapley4(same, same), [0.0; 4]);
    // Only V doubles: its part is the whole change 1·1·1·(2 − 1) = 1.
    assert_eq!(
        shapley4([1.0, 1.0, 1.0, 2.0], [1.0; 4]),
        [0.0, 0.0, 0.0, 1.0]
    );
    // All four double, 1 → 16: symmetric, 15/4 each.
    assert_eq!(shapley4([2.0; 4], [1.0; 4]), [3.75; 4]);
    // A zero factor: current L = 0 wipes out benchmark revenue 1 · 2 · 3 · 4 = 24.
    let p = shapley4([0.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0]);
    assert_eq!(p, [-24.0, 0.0, 0.0, 0.0]);
}

proptest! {
    #[test]
    fn shapley_parts_sum_to_the_gap(
        cur in prop::array::uniform4(prop_oneof![Just(0.0), 0.0..1e7f64]),
        bench in prop::array::uniform4(prop_oneof![Just(0.0), 0.0..1e7f64]),
    ) {
        let parts = shapley4(cur, bench);
        let (now, then) = (cur.iter().product::<f64>(), bench.iter().product::<f64>());
        // Relative to the largest figure involved: when parts cancel (one factor up, one
        // to zero) they can be far larger than the gap, and floats round at their size.
        let biggest = parts.iter().fold(0.0f64, |m, p| m.max(p.abs()));
        let scale = now.abs().max(then.abs()).max(biggest).max(1.0);
        prop_assert!((parts.iter().sum::<f64>() - (now - then)).abs() <= 1e-6 * scale);
        let other = shapley_by_subsets(cur, bench);
        for (a, b) in parts.iter().zip(other) {
            prop_assert!((a - b).abs() <= 1e-6 * scale);
        }
    }

    #[test]
    fn reports_never_panic_on_odd_histories(
        entries in prop::collection::vec((0u32..10, -400i32..400), 0..8),
        today_offset in -400i32..400,
        value in any::<i64>(),
    ) {
        // Steps 0 and 8 are not in the process; 9 stands for Won and 8 for Lost;
        // dates may go backwards and histories may be empty.
        let history: Vec<(Stage, Day)> = entries
            .iter()
            .map(|&(k, d)| {
                let stage = match k { 9 => Stage::Won, 8 => Stage::Lost, k => step(k) };
                (stage, Day(jan(1).0 + d))
            })
            .collect();
        let b = book(vec![deal(1, "ann", value, &history), deal(2, "bo", value, &history)]);
        let t = Day(jan(1).0 + today_offset);
        let all = Scope::Everyone;
        let _ = step_stats(&b, &all, &q1(), t);
        let _ = cumulative_flow(&b, &all, &q1(), t);
        let _ = funnel(&b, &all, &q1(), t);
        let _ = kpis(&b, &all, &q1(), t, Some(value));
        for bench in [Benchmark::PreviousPeriod, Benchmark::TeamAverageOwner, Benchmark::Target(value)] {
            let d = diagnose(&b, &all, &q1(), t, bench);
            prop_assert!(!d.sentence.is_empty());
        }
        let _ = owner_table(&b, &q1(), t);
    }
}
