//! The funnel: reached counts and step conversion.

use super::*;

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
