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
    // Left Prospect in Q1: S only, backwards, and not back up since: 0 of 1, moved
    // back (T left on Apr 2).
    assert_eq!((c[1].left, c[1].went_on, c[1].rate), (1, 0, Some(0.0)));
    assert_eq!((c[1].lost, c[1].back), (0, 1));
    // Nobody left Meeting in Q1.
    assert_eq!((c[2].left, c[2].rate), (0, None));
    // Left Proposal: P, to Lost.
    assert_eq!(
        (c[4].left, c[4].went_on, c[4].lost, c[4].back),
        (1, 0, 1, 0)
    );
    assert_eq!(c[6].to, Stage::Won);
}

#[test]
fn a_move_back_is_not_a_loss() {
    let b = book(vec![
        // Prospect → Meeting → back to Prospect → lost from there: it did reach Meeting.
        deal(
            1,
            "ann",
            0,
            &[
                (step(PROSPECT), jan(5)),
                (step(MEETING), jan(15)),
                (step(PROSPECT), jan(25)),
                (Stage::Lost, feb(5)),
            ],
        ),
        // Prospect → Meeting → back to Prospect, and on to Meeting again.
        deal(
            2,
            "ann",
            0,
            &[
                (step(PROSPECT), jan(5)),
                (step(MEETING), jan(10)),
                (step(PROSPECT), jan(20)),
                (step(MEETING), feb(20)),
            ],
        ),
        // Prospect → lost.
        deal(
            3,
            "ann",
            0,
            &[(step(PROSPECT), jan(5)), (Stage::Lost, jan(30))],
        ),
    ]);
    let c = &funnel(&b, &Scope::Everyone, &q1(), today()).conversions[1];
    // Left Prospect in Q1: all three. Deals 1 and 2 reached Meeting; 3 was lost
    // without: 2 of 3, whatever the order of their moves.
    assert_eq!((c.left, c.went_on, c.lost, c.back), (3, 2, 1, 0));
    assert_close(c.rate, 2.0 / 3.0);
    // Meeting: deal 1 left it back to Prospect (Jan 25) and was lost; deal 2 left it
    // back (Jan 20) and is in Meeting again: neither reached Needs analysis.
    let m = &funnel(&b, &Scope::Everyone, &q1(), today()).conversions[2];
    assert_eq!((m.left, m.went_on, m.lost, m.back), (2, 0, 1, 1));
}
