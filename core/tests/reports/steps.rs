//! Step statistics: stays, throughput, backlog, stuck and bloat.

use super::*;

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
    // Nobody ever left Proposal: throughput 0, backlog unbounded (None), and no stay to
    // hold it against — so only the stuck deals (3 of 4 > a quarter) make it bloated.
    assert_eq!(proposal.throughput_per_week, 0.0);
    assert_eq!(proposal.backlog_weeks, None);
    assert!(!proposal.has_history);
    assert!(proposal.bloated);
    let reason = proposal.bloat_reason.as_deref().unwrap();
    assert_eq!(reason, "3 of 4 deals are stuck (over 30 days here)");

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
fn without_history_a_step_is_not_called_bloated() {
    // A new user: three deals in Lead since Mar 1, none ever moved on.
    let b = book(vec![
        deal(1, "ann", 0, &[(step(LEAD), mar(1))]),
        deal(2, "ann", 0, &[(step(LEAD), mar(1))]),
        deal(3, "ann", 0, &[(step(LEAD), mar(1))]),
    ]);
    let lead = &step_stats(&b, &Scope::Everyone, &q1(), today())[0];
    assert_eq!((lead.wip, lead.backlog_weeks), (3, None));
    assert!(!lead.has_history);
    assert_eq!(lead.stuck_after, None);
    assert!(!lead.bloated);
    assert_eq!(lead.bloat_reason, None);
}

#[test]
fn stuck_is_one_threshold_whatever_the_owner_filter() {
    // ann's Meeting stays: 10 days; bo's: 100 days. Everyone's 90th percentile of
    // (10, 100): 10 + 0.9 · 90 = 91 days — for ann's report and the board alike.
    let b = book(vec![
        deal(
            1,
            "ann",
            0,
            &[(step(MEETING), jan(1)), (step(PROPOSAL), jan(11))],
        ),
        deal(
            2,
            "bo",
            0,
            &[
                (step(MEETING), day(2025, 9, 1)),
                (step(PROPOSAL), day(2025, 12, 10)),
            ],
        ),
        deal(3, "ann", 0, &[(step(MEETING), feb(1))]),
    ]);
    let ann = &step_stats(&b, &Scope::Owner("ann".into()), &q1(), today())[2];
    assert_close(ann.stuck_after, 91.0);
    assert_eq!(stuck_thresholds(&b)[&StepId(MEETING)], 91.0);
    // Deal 3 has sat 73 days (Feb 1 → Apr 15): not stuck on the report, nor on the board.
    assert!(ann.stuck.is_empty());
    let cols = board::board_columns(&b, &board::BoardFilter::default(), today());
    let meeting = cols.iter().find(|c| c.stage == step(MEETING)).unwrap();
    assert!(meeting.cards.iter().all(|c| !c.stuck));
}

#[test]
fn throughput_counts_the_elapsed_days_only() {
    // Two deals left Lead in Q2 2026 by Apr 15 (15 days of the quarter so far).
    let b = book(vec![
        deal(
            1,
            "ann",
            0,
            &[(step(LEAD), apr(1)), (step(PROSPECT), apr(8))],
        ),
        deal(
            2,
            "ann",
            0,
            &[(step(LEAD), apr(2)), (step(PROSPECT), apr(9))],
        ),
    ]);
    let so_far = Period::this_quarter(today());
    assert_eq!(so_far.days(), 15);
    let lead = &step_stats(&b, &Scope::Everyone, &so_far, today())[0];
    // 2 ÷ (15 / 7) per week, not 2 ÷ (91 / 7).
    assert!(close(lead.throughput_per_week, 14.0 / 15.0));
    // A whole quarter that runs past today is divided by its elapsed days too.
    let q2 = Period::new(apr(1), day(2026, 6, 30));
    let lead = &step_stats(&b, &Scope::Everyone, &q2, today())[0];
    assert!(close(lead.throughput_per_week, 14.0 / 15.0));
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
