use super::*;
use crate::book::BookError;
use crate::model::{ChangeId, Stage, StageChange, Tag};

fn stages(book: &Book, deal: DealId) -> Vec<Stage> {
    book.deal(deal)
        .unwrap()
        .history
        .iter()
        .map(|c| c.stage)
        .collect()
}

/// The ids of the deal's shown history, oldest first: corrections address entries by id.
fn change_ids(book: &Book, deal: DealId) -> Vec<ChangeId> {
    book.deal(deal)
        .unwrap()
        .history
        .iter()
        .map(|c| c.id)
        .collect()
}

/// An id no entry of any history has.
const NO_SUCH_CHANGE: ChangeId = ChangeId(7);

#[test]
fn opening_a_deal_starts_its_history_and_cleans_its_fields() {
    let book = book_with_deal();
    let deal = book.deal(did(1)).unwrap();
    assert_eq!(deal.currency, "USD");
    let first = deal.history[0].id;
    assert_eq!(
        deal.history,
        vec![StageChange::new(
            first,
            Stage::Step(LEAD),
            day("2026-02-01"),
            "",
            1_000
        )]
    );
    assert!(deal.hidden.is_empty());
    assert_eq!(
        (deal.stamps, deal.edited, deal.removed),
        ([1_000; 8], 1_000, 0)
    );
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
    // Title, contact, value and expected close changed; owner, currency ("usd" cleans
    // to the deal's "USD"), source and notes did not, and keep their stamps.
    assert_eq!(
        deal.stamps,
        [2_000, 2_000, 1_000, 2_000, 1_000, 1_000, 2_000, 1_000]
    );
    let task = book.task(tid(1)).unwrap();
    assert_eq!((task.contact, task.edited), (cid(2), 2_000));
    assert_eq!(task.stamps[5], 2_000);
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
    let ids = change_ids(&book, did(1));
    book.edit_stage_change(did(1), ids[1], day("2026-02-20"), " fixed ", later())
        .unwrap();
    let deal = book.deal(did(1)).unwrap();
    // Same day as Proposal, and still before it: it was entered first.
    assert_eq!(change_ids(&book, did(1)), ids);
    assert_eq!(deal.history[1].on, day("2026-02-20"));
    assert_eq!(deal.history[1].note, "fixed");
    assert_eq!(deal.history[1].stamps[StageChange::STAGE], 1_001);
    assert_eq!(deal.history[1].stamps[StageChange::ON], 2_000);
    assert_eq!(deal.history[1].stamps[StageChange::NOTE], 2_000);
    assert_eq!(deal.edited, 2_000);
    book.edit_stage_change(did(1), ids[2], today(), "", now())
        .unwrap();
    book.edit_stage_change(did(1), ids[0], day("2025-12-01"), "", now())
        .unwrap();
    assert_eq!(book.check(today()), Ok(()));
}

#[test]
fn a_stage_date_fix_is_refused_outside_its_neighbours() {
    let mut book = three_step_book();
    let before = book.clone();
    let ids = change_ids(&book, did(1));
    let fix = |book: &mut Book, change: ChangeId, on: &str| {
        refusal(book.edit_stage_change(did(1), change, day(on), "", now()))
    };
    assert_eq!(
        fix(&mut book, ids[1], "2026-01-31"),
        "Stage date 2026-01-31 is before the previous change (2026-02-01)"
    );
    assert_eq!(
        fix(&mut book, ids[1], "2026-02-21"),
        "Stage date 2026-02-21 is after the next change (2026-02-20)"
    );
    assert_eq!(
        fix(&mut book, ids[2], "2026-03-11"),
        "Stage date 2026-03-11 is in the future"
    );
    assert_eq!(
        book.edit_stage_change(did(1), NO_SUCH_CHANGE, day("2026-02-21"), "", now()),
        Err(BookError::StageChangeNotFound)
    );
    assert_eq!(
        fix(&mut book, NO_SUCH_CHANGE, "2026-02-21"),
        "This stage change is no longer in the deal's history (changed in another tab or by a merge)"
    );
    assert_eq!(
        refusal(book.edit_stage_change(did(9), ids[1], today(), "", now())),
        "Deal not found"
    );
    assert_eq!(book, before);
}

#[test]
fn a_stage_date_fix_that_would_reorder_same_day_changes_is_refused() {
    // Meeting was entered after Proposal (as a merge can leave it): moved to Proposal's
    // day, it would sort after Proposal, so the fix is refused rather than reorder.
    let mut book = book_with_deal();
    let deal = book.deals.iter_mut().find(|d| d.id == did(1)).unwrap();
    let lead = deal.history[0].clone();
    deal.history = vec![
        lead,
        StageChange::new(
            ChangeId(11),
            Stage::Step(MEETING),
            day("2026-02-10"),
            "",
            3_000,
        ),
        StageChange::new(
            ChangeId(12),
            Stage::Step(PROPOSAL),
            day("2026-02-20"),
            "",
            2_000,
        ),
    ];
    assert_eq!(book.check(today()), Ok(()));
    let before = book.clone();
    assert_eq!(
        refusal(book.edit_stage_change(did(1), ChangeId(11), day("2026-02-20"), "", later())),
        "Cannot move this change to that date: it would change the order of the history"
    );
    assert_eq!(book, before);
    book.edit_stage_change(did(1), ChangeId(11), day("2026-02-19"), "", later())
        .unwrap();
    assert_eq!(book.deal(did(1)).unwrap().history[1].on, day("2026-02-19"));
}

#[test]
fn a_loss_keeps_its_reason_when_fixed() {
    let mut book = book_with_deal();
    book.lose_deal(did(1), today(), "price", now()).unwrap();
    let lost = change_ids(&book, did(1))[1];
    assert_eq!(
        refusal(book.edit_stage_change(did(1), lost, today(), " ", now())),
        "Loss reason is required"
    );
    book.edit_stage_change(did(1), lost, today(), "timing", now())
        .unwrap();
    assert_eq!(book.deal(did(1)).unwrap().history[1].note, "timing");
}

#[test]
fn a_stage_change_can_be_removed_when_what_is_left_makes_sense() {
    let mut book = three_step_book();
    let ids = change_ids(&book, did(1));
    book.remove_stage_change(did(1), ids[1], later()).unwrap();
    assert_eq!(stages(&book, did(1)), [LEAD, PROPOSAL].map(Stage::Step));
    let deal = book.deal(did(1)).unwrap();
    assert_eq!(deal.edited, 2_000);
    // The removed change is kept hidden, stamped, so a merge does not bring it back.
    assert_eq!(deal.hidden.len(), 1);
    assert_eq!((deal.hidden[0].id, deal.hidden[0].removed), (ids[1], 2_000));
    assert_eq!(book.check(today()), Ok(()));
    // A removed change can no longer be fixed or removed.
    assert_eq!(
        book.edit_stage_change(did(1), ids[1], today(), "", later()),
        Err(BookError::StageChangeNotFound)
    );
    assert_eq!(
        book.remove_stage_change(did(1), ids[1], later()),
        Err(BookError::StageChangeNotFound)
    );
    book.remove_stage_change(did(1), ids[0], later()).unwrap();
    assert_eq!(change_ids(&book, did(1)), [ids[2]]);
    assert_eq!(
        refusal(book.remove_stage_change(did(1), ids[2], later())),
        "A deal's only stage change cannot be removed"
    );
    assert_eq!(
        book.remove_stage_change(did(1), NO_SUCH_CHANGE, later()),
        Err(BookError::StageChangeNotFound)
    );
    assert_eq!(
        refusal(book.remove_stage_change(did(9), ids[0], later())),
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
    let ids = change_ids(&book, did(1));
    let before = book.clone();
    assert_eq!(
        refusal(book.remove_stage_change(did(1), ids[1], now())),
        "Cannot remove this change: it would leave 'Lead' twice in a row"
    );
    assert_eq!(
        refusal(book.remove_stage_change(did(1), ids[4], now())),
        "Cannot remove this change: it would leave Won right after Lost, without a reopen"
    );
    assert_eq!(book, before);

    let mut short = book_with_deal();
    short.win_deal(did(1), today(), "", now()).unwrap();
    let opened = change_ids(&short, did(1))[0];
    assert_eq!(
        refusal(short.remove_stage_change(did(1), opened, now())),
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
    assert_eq!(book.remove_deal(did(1), later()), Ok(1));
    assert!(book.deal(did(1)).is_none());
    let gone: Vec<_> = book.gone.deals.iter().map(|d| (d.id, d.removed)).collect();
    assert_eq!(gone, [(did(1), 2_000)]);
    let task = book.task(tid(1)).unwrap();
    assert_eq!(task.deal, None);
    assert_eq!((task.stamps[6], task.edited), (2_000, 2_000));
    assert_eq!(task.tag, Tag::Stage(Stage::Step(LEAD)));
    assert_eq!(book.task(tid(2)).unwrap().edited, 1_000);
    assert_eq!(book.check(today()), Ok(()));
    assert_eq!(refusal(book.remove_deal(did(1), later())), "Deal not found");
}

#[test]
fn a_removal_comes_after_the_last_edit_even_when_the_clock_is_behind() {
    let mut book = book_with_deal();
    let behind = Now {
        today: today(),
        stamp: 500,
    };
    book.remove_deal(did(1), behind).unwrap();
    assert_eq!(book.gone.deals[0].removed, 1_001);
    assert_eq!(book.check(today()), Ok(()));
}

#[test]
fn a_deal_form_opened_before_another_edit_writes_only_what_it_changed() {
    let mut book = book_with_deal();
    let base = DealDraft::of(book.deal(did(1)).unwrap());
    let value = DealDraft {
        value: 900_000,
        ..base.clone()
    };
    book.edit_deal(did(1), value, later()).unwrap();
    let form = DealDraft {
        notes: "renews in June".into(),
        ..base.clone()
    };
    let after = Now {
        today: today(),
        stamp: 3_000,
    };
    book.revise_deal(did(1), &base, form, after).unwrap();
    let deal = book.deal(did(1)).unwrap();
    assert_eq!(
        (deal.value, deal.notes.as_str()),
        (900_000, "renews in June")
    );
    assert_eq!(
        (deal.stamps[3], deal.stamps[7], deal.edited),
        (2_000, 3_000, 3_000)
    );
}
