use super::*;
use crate::model::{Stage, StageChange, Tag};

fn stages(book: &Book, deal: DealId) -> Vec<Stage> {
    book.deal(deal)
        .unwrap()
        .history
        .iter()
        .map(|c| c.stage)
        .collect()
}

#[test]
fn opening_a_deal_starts_its_history_and_cleans_its_fields() {
    let book = book_with_deal();
    let deal = book.deal(did(1)).unwrap();
    assert_eq!(deal.currency, "USD");
    assert_eq!(
        deal.history,
        vec![StageChange {
            stage: Stage::Step(LEAD),
            on: day("2026-02-01"),
            note: String::new()
        }]
    );
    assert_eq!(deal.edited, 1_000);
    assert_eq!(book.check(today()), Ok(()));
}

#[test]
fn opening_a_deal_checks_every_field() {
    let mut book = book_with_deal();
    let open = |book: &mut Book, draft: DealDraft, step: StepId, on: Day| {
        refusal(book.open_deal(did(2), draft, step, on, now()))
    };
    let ok = deal_draft("New", cid(1));
    assert_eq!(
        open(&mut book, deal_draft("New", cid(9)), LEAD, today()),
        "Contact not found"
    );
    assert_eq!(
        open(&mut book, ok.clone(), StepId(99), today()),
        "Step not found in the sales process"
    );
    assert_eq!(
        open(&mut book, ok.clone(), LEAD, day("2026-12-03")),
        "Stage date 2026-12-03 is in the future"
    );
    assert_eq!(
        open(&mut book, ok.clone(), LEAD, day("1850-01-01")),
        "Stage date 1850-01-01 is out of range (1900-01-01 to 9999-12-31)"
    );
    assert_eq!(
        open(&mut book, deal_draft(" ", cid(1)), LEAD, today()),
        "Title is required"
    );
    let negative = DealDraft {
        value: -1,
        ..ok.clone()
    };
    assert_eq!(
        open(&mut book, negative, LEAD, today()),
        "Value cannot be negative"
    );
    for code in ["US", "USDX", "U$D", ""] {
        let draft = DealDraft {
            currency: code.into(),
            ..ok.clone()
        };
        assert_eq!(
            open(&mut book, draft, LEAD, today()),
            format!("Currency '{code}' is not a three-letter code like USD or EUR")
        );
    }
    let far = DealDraft {
        expected_close: Some(Day(i32::MAX)),
        ..ok.clone()
    };
    assert!(open(&mut book, far, LEAD, today()).starts_with("Expected close date day"));
    let taken = book.open_deal(did(1), ok, LEAD, today(), now());
    assert_eq!(refusal(taken), "This deal already exists");
    assert_eq!(book.deals.len(), 1);
}

#[test]
fn editing_a_deal_keeps_its_history_and_moves_its_tasks_with_its_contact() {
    let mut book = book_with_deal();
    book.add_contact(cid(2), person("Ben"), ContactType::Lead, now())
        .unwrap();
    book.log_task(tid(1), task_draft("Call", cid(1), Some(did(1))), now())
        .unwrap();
    let draft = DealDraft {
        value: 7_00,
        expected_close: Some(day("2026-06-30")),
        ..deal_draft("Ben's now", cid(2))
    };
    book.edit_deal(did(1), draft, later()).unwrap();
    let deal = book.deal(did(1)).unwrap();
    assert_eq!((deal.title.as_str(), deal.value), ("Ben's now", 700));
    assert_eq!(deal.contact, cid(2));
    assert_eq!(deal.history.len(), 1);
    assert_eq!(deal.edited, 2_000);
    let task = book.task(tid(1)).unwrap();
    assert_eq!((task.contact, task.edited), (cid(2), 2_000));
    assert_eq!(book.check(today()), Ok(()));
    assert_eq!(
        refusal(book.edit_deal(did(9), deal_draft("X", cid(1)), now())),
        "Deal not found"
    );
    assert_eq!(
        refusal(book.edit_deal(did(1), deal_draft("X", cid(9)), now())),
        "Contact not found"
    );
}

#[test]
fn moving_a_deal_appends_a_dated_change() {
    let mut book = book_with_deal();
    book.move_deal(
        did(1),
        MEETING,
        day("2026-02-10"),
        " met at the fair ",
        later(),
    )
    .unwrap();
    let deal = book.deal(did(1)).unwrap();
    assert_eq!(deal.stage(), Stage::Step(MEETING));
    assert_eq!(deal.since(), day("2026-02-10"));
    assert_eq!(deal.history[1].note, "met at the fair");
    assert_eq!(deal.edited, 2_000);
    // Backwards, and twice on the same day.
    book.move_deal(did(1), PROSPECT, day("2026-02-10"), "", now())
        .unwrap();
    assert_eq!(
        stages(&book, did(1)),
        [LEAD, MEETING, PROSPECT].map(Stage::Step)
    );
}

#[test]
fn moving_a_deal_is_refused_when_it_breaks_a_rule() {
    let mut book = book_with_deal();
    book.move_deal(did(1), PROPOSAL, day("2026-03-05"), "", now())
        .unwrap();
    let before = book.clone();
    let refuse = |book: &mut Book, deal: DealId, step: StepId, on: &str| {
        refusal(book.move_deal(deal, step, day(on), "", now()))
    };
    assert_eq!(
        refuse(&mut book, did(1), PROPOSAL, "2026-03-06"),
        "The deal is already at 'Proposal'"
    );
    assert_eq!(
        refuse(&mut book, did(1), MEETING, "2026-03-01"),
        "Stage date 2026-03-01 is before the previous change (2026-03-05)"
    );
    assert_eq!(
        refuse(&mut book, did(1), MEETING, "2026-12-03"),
        "Stage date 2026-12-03 is in the future"
    );
    assert_eq!(
        refuse(&mut book, did(1), StepId(42), "2026-03-06"),
        "Step not found in the sales process"
    );
    assert_eq!(
        refuse(&mut book, did(9), MEETING, "2026-03-06"),
        "Deal not found"
    );
    assert_eq!(book, before);
    book.win_deal(did(1), today(), "", now()).unwrap();
    assert_eq!(
        refuse(&mut book, did(1), MEETING, "2026-03-10"),
        "This deal is won; reopen it first"
    );
}

#[test]
fn winning_the_first_deal_makes_the_contact_a_client_on_that_day() {
    let mut book = book_with_deal();
    book.win_deal(did(1), day("2026-03-08"), "signed", later())
        .unwrap();
    assert_eq!(book.deal(did(1)).unwrap().stage(), Stage::Won);
    assert_eq!(book.deal(did(1)).unwrap().history[1].note, "signed");
    let ana = book.contact(cid(1)).unwrap();
    assert_eq!(ana.kind(), ContactType::Client);
    assert_eq!(ana.types.last().unwrap().on, day("2026-03-08"));
    assert_eq!(ana.edited, 2_000);
    assert_eq!(book.check(today()), Ok(()));
}

#[test]
fn only_the_first_win_changes_the_contact_type() {
    let mut book = book_with_deal();
    book.open_deal(
        did(2),
        deal_draft("Second", cid(1)),
        LEAD,
        day("2026-02-01"),
        now(),
    )
    .unwrap();
    book.win_deal(did(1), day("2026-03-01"), "", now()).unwrap();
    // The rep decides Ana is a prospect again; a later win respects that.
    book.mark_contact(cid(1), ContactType::Prospect, day("2026-03-02"), now())
        .unwrap();
    book.win_deal(did(2), day("2026-03-03"), "", now()).unwrap();
    assert_eq!(book.contact(cid(1)).unwrap().kind(), ContactType::Prospect);
    assert_eq!(book.contact(cid(1)).unwrap().types.len(), 3);
}

#[test]
fn a_client_stays_as_is_when_winning() {
    let mut book = book_with_deal();
    book.mark_contact(cid(1), ContactType::Client, today(), now())
        .unwrap();
    book.win_deal(did(1), today(), "", later()).unwrap();
    assert_eq!(book.contact(cid(1)).unwrap().types.len(), 2);
}

#[test]
fn a_back_dated_win_keeps_the_type_history_in_order() {
    let mut book = book_with_deal();
    book.mark_contact(cid(1), ContactType::Prospect, day("2026-03-05"), now())
        .unwrap();
    book.win_deal(did(1), day("2026-03-01"), "", now()).unwrap();
    let ana = book.contact(cid(1)).unwrap();
    assert_eq!(ana.kind(), ContactType::Client);
    assert_eq!(ana.types.last().unwrap().on, day("2026-03-05"));
    assert_eq!(book.check(today()), Ok(()));
}

#[test]
fn a_won_or_lost_deal_cannot_be_won_or_lost_again() {
    let mut book = book_with_deal();
    book.lose_deal(did(1), today(), "went with a competitor", now())
        .unwrap();
    assert_eq!(
        refusal(book.win_deal(did(1), today(), "", now())),
        "This deal is lost; reopen it first"
    );
    assert_eq!(
        refusal(book.lose_deal(did(1), today(), "again", now())),
        "This deal is lost; reopen it first"
    );
    assert_eq!(book.contact(cid(1)).unwrap().kind(), ContactType::Lead);
}

#[test]
fn losing_needs_a_reason() {
    let mut book = book_with_deal();
    assert_eq!(
        refusal(book.lose_deal(did(1), today(), "  ", now())),
        "Loss reason is required"
    );
    assert_eq!(
        refusal(book.lose_deal(did(1), day("2026-01-01"), "price", now())),
        "Stage date 2026-01-01 is before the previous change (2026-02-01)"
    );
    book.lose_deal(did(1), today(), " price ", now()).unwrap();
    let last = book.deal(did(1)).unwrap().history.last().unwrap().clone();
    assert_eq!((last.stage, last.note.as_str()), (Stage::Lost, "price"));
}

#[test]
fn reopening_appends_a_step_and_only_applies_to_a_closed_deal() {
    let mut book = book_with_deal();
    assert_eq!(
        refusal(book.reopen_deal(did(1), LEAD, today(), "", now())),
        "Only a won or lost deal can be reopened"
    );
    book.lose_deal(did(1), day("2026-03-01"), "no budget", now())
        .unwrap();
    assert_eq!(
        refusal(book.reopen_deal(did(1), StepId(77), today(), "", now())),
        "Step not found in the sales process"
    );
    assert_eq!(
        refusal(book.reopen_deal(did(1), LEAD, day("2026-02-28"), "", now())),
        "Stage date 2026-02-28 is before the previous change (2026-03-01)"
    );
    book.reopen_deal(did(1), LEAD, today(), "budget found", later())
        .unwrap();
    assert_eq!(
        stages(&book, did(1)),
        [Stage::Step(LEAD), Stage::Lost, Stage::Step(LEAD)]
    );
    assert_eq!(book.deal(did(1)).unwrap().edited, 2_000);
    assert_eq!(book.check(today()), Ok(()));
}

/// Lead (02-01) → Meeting (02-10) → Proposal (02-20).
fn three_step_book() -> Book {
    let mut book = book_with_deal();
    book.move_deal(did(1), MEETING, day("2026-02-10"), "", now())
        .unwrap();
    book.move_deal(did(1), PROPOSAL, day("2026-02-20"), "", now())
        .unwrap();
    book
}

#[test]
fn a_stage_date_can_be_fixed_between_its_neighbours() {
    let mut book = three_step_book();
    book.edit_stage_change(did(1), 1, day("2026-02-20"), " fixed ", later())
        .unwrap();
    let deal = book.deal(did(1)).unwrap();
    assert_eq!(deal.history[1].on, day("2026-02-20"));
    assert_eq!(deal.history[1].note, "fixed");
    assert_eq!(deal.edited, 2_000);
    book.edit_stage_change(did(1), 2, today(), "", now())
        .unwrap();
    book.edit_stage_change(did(1), 0, day("2025-12-01"), "", now())
        .unwrap();
    assert_eq!(book.check(today()), Ok(()));
}

#[test]
fn a_stage_date_fix_is_refused_outside_its_neighbours() {
    let mut book = three_step_book();
    let before = book.clone();
    let fix = |book: &mut Book, index: usize, on: &str| {
        refusal(book.edit_stage_change(did(1), index, day(on), "", now()))
    };
    assert_eq!(
        fix(&mut book, 1, "2026-01-31"),
        "Stage date 2026-01-31 is before the previous change (2026-02-01)"
    );
    assert_eq!(
        fix(&mut book, 1, "2026-02-21"),
        "Stage date 2026-02-21 is after the next change (2026-02-20)"
    );
    assert_eq!(
        fix(&mut book, 2, "2026-03-11"),
        "Stage date 2026-03-11 is in the future"
    );
    assert_eq!(fix(&mut book, 3, "2026-02-21"), "Stage change #4 not found");
    assert_eq!(
        fix(&mut book, usize::MAX, "2026-02-21"),
        format!("Stage change #{} not found", usize::MAX)
    );
    assert_eq!(book, before);
}

#[test]
fn a_loss_keeps_its_reason_when_fixed() {
    let mut book = book_with_deal();
    book.lose_deal(did(1), today(), "price", now()).unwrap();
    assert_eq!(
        refusal(book.edit_stage_change(did(1), 1, today(), " ", now())),
        "Loss reason is required"
    );
    book.edit_stage_change(did(1), 1, today(), "timing", now())
        .unwrap();
    assert_eq!(book.deal(did(1)).unwrap().history[1].note, "timing");
}

#[test]
fn a_stage_change_can_be_removed_when_what_is_left_makes_sense() {
    let mut book = three_step_book();
    book.remove_stage_change(did(1), 1, later()).unwrap();
    assert_eq!(stages(&book, did(1)), [LEAD, PROPOSAL].map(Stage::Step));
    assert_eq!(book.deal(did(1)).unwrap().edited, 2_000);
    book.remove_stage_change(did(1), 0, now()).unwrap();
    assert_eq!(
        refusal(book.remove_stage_change(did(1), 0, now())),
        "A deal's only stage change cannot be removed"
    );
    assert_eq!(
        refusal(book.remove_stage_change(did(1), 1, now())),
        "Stage change #2 not found"
    );
    assert_eq!(
        refusal(book.remove_stage_change(did(9), 0, now())),
        "Deal not found"
    );
}

#[test]
fn a_stage_change_removal_that_leaves_nonsense_is_refused() {
    let mut book = book_with_deal();
    book.move_deal(did(1), MEETING, day("2026-02-05"), "", now())
        .unwrap();
    book.move_deal(did(1), LEAD, day("2026-02-06"), "", now())
        .unwrap();
    book.lose_deal(did(1), day("2026-02-07"), "price", now())
        .unwrap();
    book.reopen_deal(did(1), MEETING, day("2026-02-08"), "", now())
        .unwrap();
    book.win_deal(did(1), day("2026-02-09"), "", now()).unwrap();
    // Lead, Meeting, Lead, Lost, Meeting, Won
    let before = book.clone();
    assert_eq!(
        refusal(book.remove_stage_change(did(1), 1, now())),
        "Cannot remove this change: it would leave 'Lead' twice in a row"
    );
    assert_eq!(
        refusal(book.remove_stage_change(did(1), 4, now())),
        "Cannot remove this change: it would leave Won right after Lost, without a reopen"
    );
    assert_eq!(book, before);

    let mut short = book_with_deal();
    short.win_deal(did(1), today(), "", now()).unwrap();
    assert_eq!(
        refusal(short.remove_stage_change(did(1), 0, now())),
        "Cannot remove this change: it would leave a history starting at Won instead of a step"
    );
}

#[test]
fn removing_a_deal_unlinks_its_tasks_and_keeps_their_tag() {
    let mut book = book_with_deal();
    book.log_task(tid(1), task_draft("Call", cid(1), Some(did(1))), now())
        .unwrap();
    book.log_task(tid(2), task_draft("Other", cid(1), None), now())
        .unwrap();
    assert_eq!(book.remove_deal(did(1)), Ok(1));
    assert!(book.deal(did(1)).is_none());
    let task = book.task(tid(1)).unwrap();
    assert_eq!(task.deal, None);
    assert_eq!(task.tag, Tag::Stage(Stage::Step(LEAD)));
    assert_eq!(book.check(today()), Ok(()));
    assert_eq!(refusal(book.remove_deal(did(1))), "Deal not found");
}
