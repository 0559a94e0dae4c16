//! Reports of an empty book and of one deal.

use super::*;

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
