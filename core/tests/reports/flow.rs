//! Cumulative flow, day by day.

use super::*;

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
