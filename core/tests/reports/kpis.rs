//! Key figures: close rate, revenue, cycle, velocity, coverage.

use super::*;

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
