//! Where the shortfall starts: the cohort's wins as leads × step shares, split exactly.
//! The process is the default seven steps: Lead, Prospect, Meeting, Needs analysis,
//! Proposal, Negotiation, Commitment — so eight factors (L, r1 … r7).

use super::*;

/// `n` deals entering on `entered`: `won` of them won on `won_on`, `on_to` of them
/// moved on to `step_to` on `moved_on`, the rest still in Lead.
fn add_cohort(
    deals: &mut Vec<Deal>,
    owner: &str,
    n_id: &mut u128,
    entered: Day,
    counts: (usize, usize, usize),
    step_to: u64,
    (moved_on, won_on): (Day, Day),
) {
    let (n, won, on_to) = counts;
    for i in 0..n {
        *n_id += 1;
        let history: Vec<(Stage, Day)> = if i < won {
            vec![(step(LEAD), entered), (Stage::Won, won_on)]
        } else if i < won + on_to {
            vec![(step(LEAD), entered), (step(step_to), moved_on)]
        } else {
            vec![(step(LEAD), entered)]
        };
        deals.push(deal(*n_id, owner, 100, &history));
    }
}

#[test]
fn fewer_leads_is_prospecting_volume() {
    // Q4 2025: 10 entered Nov 1, 4 of them won Dec 1 (a won deal reached every step).
    // Q1 2026: 4 entered Feb 1, 2 of them won Mar 1.
    let (mut deals, mut n) = (Vec::new(), 0);
    let dates = (day(2025, 11, 20), day(2025, 12, 1));
    add_cohort(
        &mut deals,
        "ann",
        &mut n,
        day(2025, 11, 1),
        (10, 4, 0),
        PROSPECT,
        dates,
    );
    add_cohort(
        &mut deals,
        "ann",
        &mut n,
        feb(1),
        (4, 2, 0),
        PROSPECT,
        (feb(20), mar(1)),
    );
    let b = book(deals);
    let s = shortfall(
        &b,
        &Scope::Everyone,
        &q1(),
        today(),
        Benchmark::PreviousPeriod,
    )
    .unwrap();
    // Today Apr 15 is 15 days after Q1 ended; Q4 is measured on Jan 15.
    assert_eq!(s.age, 15);
    // Q1: L 4, r1 = reached Prospect ÷ reached Lead = 2/4, every later share 2/2.
    assert_eq!(s.current, vec![4.0, 0.5, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]);
    // Q4: L 10, r1 = 4/10, the rest 1.
    assert_eq!(s.benchmark, vec![10.0, 0.4, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]);
    assert_eq!((s.wins, s.benchmark_wins), (2.0, 4.0));
    // Only L and r1 differ, so the split is the two-factor one with the rest (1) fixed:
    // L: (4 − 10) · (0.4 + 0.5) / 2 = −2.7; r1: (0.5 − 0.4) · (10 + 4) / 2 = +0.7.
    assert!((s.parts[0] + 2.7).abs() < 1e-9, "{:?}", s.parts);
    assert!((s.parts[1] - 0.7).abs() < 1e-9);
    assert!(s.parts[2..].iter().all(|p| p.abs() < 1e-9));
    assert_eq!(s.starts_at(), Some(&Link::Leads));
    assert_eq!(s.starts_at().unwrap().label(), "prospecting volume");
}

#[test]
fn fewer_moving_on_names_the_step_transition() {
    // Both quarters: 10 entered. Q4: 6 reached Meeting, 3 of those won Dec 1; Q1: 2
    // reached Meeting, 1 won. (Moved deals reach Meeting, skipping Prospect.)
    let (mut deals, mut n) = (Vec::new(), 0);
    add_cohort(
        &mut deals,
        "ann",
        &mut n,
        day(2025, 11, 1),
        (10, 3, 3),
        MEETING,
        (day(2025, 11, 20), day(2025, 12, 1)),
    );
    add_cohort(
        &mut deals,
        "ann",
        &mut n,
        feb(1),
        (10, 1, 1),
        MEETING,
        (feb(20), mar(1)),
    );
    let b = book(deals);
    let s = shortfall(
        &b,
        &Scope::Everyone,
        &q1(),
        today(),
        Benchmark::PreviousPeriod,
    )
    .unwrap();
    // Q4: L 10, Lead → Prospect 6/10, Prospect → Meeting 6/6, Meeting → Needs 3/6,
    // then 1, 1, 1, and Commitment → Won 3/3.
    assert_eq!(s.benchmark, vec![10.0, 0.6, 1.0, 0.5, 1.0, 1.0, 1.0, 1.0]);
    // Q1: L 10, 2/10, 2/2, 1/2, 1, 1, 1, 1.
    assert_eq!(s.current, vec![10.0, 0.2, 1.0, 0.5, 1.0, 1.0, 1.0, 1.0]);
    // Only r1 differs: its part is the whole gap, 1 − 3 = −2.
    assert!((s.parts[1] + 2.0).abs() < 1e-9, "{:?}", s.parts);
    assert_eq!(
        s.starts_at().map(Link::label).as_deref(),
        Some("Lead → Prospect")
    );
}

#[test]
fn a_young_cohort_is_compared_at_the_same_age() {
    // Q4 2025: 4 entered Nov 1, all won — 2 on Dec 10, 2 on Feb 20 (51 days after Q4
    // ended). Q1 2026: 4 entered Feb 1, 2 won Mar 20. Today Apr 15: Q1 is 15 days old,
    // so Q4 is measured on Jan 15, when only 2 of its deals were won: level.
    let (mut deals, mut n) = (Vec::new(), 0);
    add_cohort(
        &mut deals,
        "ann",
        &mut n,
        day(2025, 11, 1),
        (2, 2, 0),
        PROSPECT,
        (day(2025, 12, 1), day(2025, 12, 10)),
    );
    add_cohort(
        &mut deals,
        "ann",
        &mut n,
        day(2025, 11, 1),
        (2, 2, 0),
        PROSPECT,
        (day(2026, 2, 1), feb(20)),
    );
    add_cohort(
        &mut deals,
        "ann",
        &mut n,
        feb(1),
        (4, 2, 0),
        PROSPECT,
        (feb(20), mar(20)),
    );
    let b = book(deals);
    let s = shortfall(
        &b,
        &Scope::Everyone,
        &q1(),
        today(),
        Benchmark::PreviousPeriod,
    )
    .unwrap();
    assert_eq!((s.wins, s.benchmark_wins), (2.0, 2.0));
    assert_eq!(s.starts_at(), None);
    // Followed to today instead, Q4 would have 4 wins and Q1 would look short.
    let q4 = Period::new(day(2025, 10, 1), day(2025, 12, 31));
    assert_eq!(cohort(&b, |_| true, &q4, today()).won, 4.0);
}

#[test]
fn no_leads_at_all_is_all_prospecting_and_the_parts_still_add_up() {
    // Q4: 5 entered, 1 won. Q1: none entered: L = 0, and every share is of nobody, so
    // it takes Q4's value (1/5 for Lead → Prospect, then 1) and no part of the gap.
    let (mut deals, mut n) = (Vec::new(), 0);
    add_cohort(
        &mut deals,
        "ann",
        &mut n,
        day(2025, 11, 1),
        (5, 1, 0),
        PROSPECT,
        (day(2025, 11, 20), day(2025, 12, 1)),
    );
    let b = book(deals);
    let s = shortfall(
        &b,
        &Scope::Everyone,
        &q1(),
        today(),
        Benchmark::PreviousPeriod,
    )
    .unwrap();
    assert_eq!(s.current, vec![0.0, 0.2, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]);
    assert_eq!((s.wins, s.benchmark_wins), (0.0, 1.0));
    // L: (0 − 5) · 0.2 = −1, the whole gap.
    assert!((s.parts[0] + 1.0).abs() < 1e-9);
    assert!((s.parts.iter().sum::<f64>() + 1.0).abs() < 1e-9);
    assert_eq!(s.starts_at(), Some(&Link::Leads));
    // A target has no cohort to compare with.
    assert_eq!(
        shortfall(&b, &Scope::Everyone, &q1(), today(), Benchmark::Target(1)),
        None
    );
}

#[test]
fn owners_against_the_team_average_cohort() {
    // Q1: ann 8 entered, 4 won; bo 2 entered, 0 won. Team average owner: 5 leads,
    // 2 wins; shares: Lead → Prospect 4/10, the rest 1.
    let (mut deals, mut n) = (Vec::new(), 0);
    add_cohort(
        &mut deals,
        "ann",
        &mut n,
        feb(1),
        (8, 4, 0),
        PROSPECT,
        (feb(20), mar(1)),
    );
    add_cohort(
        &mut deals,
        "bo",
        &mut n,
        feb(1),
        (2, 0, 0),
        PROSPECT,
        (feb(20), mar(1)),
    );
    let b = book(deals);
    let table = owner_shortfalls(&b, &q1(), today());
    let names: Vec<&str> = table.iter().map(|(o, _)| o.as_str()).collect();
    assert_eq!(names, vec!["ann", "bo"]);
    let bo = &table[1].1;
    assert_eq!(bo.benchmark[..2], [5.0, 0.4]);
    // bo: L 2, r1 0/2 = 0 → 0 wins against 2; his later shares are of nobody and take
    // the team's (1). Two factors differ:
    // L: (2 − 5) · (0.4 + 0) / 2 = −0.6; r1: (0 − 0.4) · (5 + 2) / 2 = −1.4.
    assert!((bo.parts[0] + 0.6).abs() < 1e-9, "{:?}", bo.parts);
    assert!((bo.parts[1] + 1.4).abs() < 1e-9);
    assert_eq!(
        bo.starts_at().map(Link::label).as_deref(),
        Some("Lead → Prospect")
    );
    let ann_alone = shortfall(
        &b,
        &Scope::Owner("ann".into()),
        &q1(),
        today(),
        Benchmark::TeamAverageOwner,
    );
    assert_eq!(ann_alone.as_ref(), Some(&table[0].1));
}

/// Shapley by every order of switching (n! orders), for checking the subset formula.
fn shapley_by_orders(current: &[f64], bench: &[f64]) -> Vec<f64> {
    fn orders(n: usize) -> Vec<Vec<usize>> {
        if n == 0 {
            return vec![vec![]];
        }
        let mut out = Vec::new();
        for rest in orders(n - 1) {
            for at in 0..=rest.len() {
                let mut o = rest.clone();
                o.insert(at, n - 1);
                out.push(o);
            }
        }
        out
    }
    let n = current.len();
    let all = orders(n);
    let mut parts = vec![0.0; n];
    for order in &all {
        let mut mix = bench.to_vec();
        let mut before: f64 = mix.iter().product();
        for &i in order {
            mix[i] = current[i];
            let after: f64 = mix.iter().product();
            parts[i] += after - before;
            before = after;
        }
    }
    parts.iter().map(|p| p / all.len() as f64).collect()
}

proptest! {
    #[test]
    fn the_parts_sum_to_the_gap_and_match_every_order(
        pairs in prop::collection::vec((0u8..4, 0.0f64..3.0, 0u8..4, 0.0f64..3.0), 1..7)
    ) {
        // Some factors exactly 0, the rest any size.
        let pick = |zero: u8, x: f64| if zero == 0 { 0.0 } else { x };
        let current: Vec<f64> = pairs.iter().map(|p| pick(p.0, p.1)).collect();
        let bench: Vec<f64> = pairs.iter().map(|p| pick(p.2, p.3)).collect();
        let parts = shapley(&current, &bench);
        let gap = current.iter().product::<f64>() - bench.iter().product::<f64>();
        prop_assert!((parts.iter().sum::<f64>() - gap).abs() < 1e-9);
        for (a, b) in parts.iter().zip(shapley_by_orders(&current, &bench)) {
            prop_assert!((a - b).abs() < 1e-9);
        }
    }
}
