//! The diagnosis: the four factors, benchmarks, the Shapley split and the verdict.

use super::*;

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
fn a_target_without_history_shows_no_factors() {
    // No deal won in the four quarters before Q1: no rates to scale the target with.
    let (mut deals, mut n) = (Vec::new(), 0);
    add_leads(&mut deals, "ann", &mut n, 10, feb(1));
    let d = diagnose(
        &book(deals),
        &Scope::Everyone,
        &q1(),
        today(),
        Benchmark::Target(100_000),
    );
    assert!(!d.benchmark_usable);
    assert_eq!(d.verdict, Verdict::NotEnoughData);
    assert_eq!(d.benchmark_new_leads, 0.0);
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
    // Seen from the next quarter, Q1 is the benchmark: its leads are still 0, not 5.
    let q2 = Period::new(apr(1), day(2026, 6, 30));
    let later = diagnose(
        &b,
        &Scope::Everyone,
        &q2,
        day(2026, 7, 15),
        Benchmark::PreviousPeriod,
    );
    assert_eq!(later.benchmark.leads, 5.0);
    assert_eq!(later.benchmark_new_leads, 0.0);
}

#[test]
fn deals_without_an_owner_are_no_owner_of_the_team_average() {
    // team_book's Q1 plus two deals with no owner's name, one of them won for $90,000.
    let mut b = team_book();
    b.deals.push(deal(900, "", 0, &[(step(LEAD), feb(1))]));
    b.deals.push(deal(
        901,
        " ",
        9_000_000,
        &[(step(LEAD), jan(9)), (Stage::Won, feb(9))],
    ));
    assert_eq!(active_owners(&b, &q1()), vec!["ann", "bo", "cy"]);
    let ann = Scope::Owner("ann".into());
    let d = diagnose(&b, &ann, &q1(), today(), Benchmark::TeamAverageOwner);
    // The same benchmark as without them: 12 leads ÷ 3 owners, $60,000 ÷ 3.
    assert!(close(d.benchmark.leads, 4.0));
    assert!(close(d.benchmark_revenue, 2_000_000.0));
    let names: Vec<String> = owner_table(&b, &q1(), today())
        .into_iter()
        .map(|(o, _)| o)
        .collect();
    assert_eq!(names, vec!["ann", "bo", "cy"]);
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
        entries in prop::collection::vec((0u64..10, -400i32..400), 0..8),
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
