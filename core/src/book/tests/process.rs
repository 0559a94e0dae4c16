use super::*;
use crate::model::{Stage, Tag};

fn names(book: &Book) -> Vec<&str> {
    book.process.steps.iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn a_new_step_gets_the_next_id_at_its_place() {
    let mut book = Book::default();
    let id = book.add_step(" Demo ", 3).unwrap();
    assert_eq!(id, StepId(8));
    assert_eq!(book.process.position(id), Some(3));
    assert_eq!(book.process.name(id), "Demo");
    let last = book.add_step("Contract", 999).unwrap();
    assert_eq!(book.process.position(last), Some(8));
}

#[test]
fn a_removed_step_id_still_named_by_a_tag_is_never_handed_out_again() {
    let mut book = book_with_deal();
    let demo = book.add_step("Demo", 9).unwrap();
    let draft = TaskDraft {
        tag: Some(Tag::Stage(Stage::Step(demo))),
        ..task_draft("Demo call", cid(1), None)
    };
    book.log_task(tid(1), draft, now()).unwrap();
    book.remove_step(demo).unwrap();
    assert_eq!(book.add_step("Trial", 9), Ok(StepId(9)));
    // Once nothing names an id any more, reusing it harms no record.
    book.remove_task(tid(1)).unwrap();
    book.remove_step(StepId(9)).unwrap();
    assert_eq!(book.add_step("Pilot", 9), Ok(StepId(8)));
}

#[test]
fn history_ids_count_when_choosing_a_new_id() {
    let mut book = book_with_deal();
    book.process.steps.clear();
    assert_eq!(book.add_step("Only", 0), Ok(StepId(2)));
    let mut empty = Book::default();
    empty.process.steps.clear();
    assert_eq!(empty.add_step("First", 0), Ok(StepId(1)));
}

#[test]
fn step_ids_do_not_overflow() {
    let mut book = Book::default();
    book.process.steps[0].id = StepId(u32::MAX);
    assert_eq!(
        refusal(book.add_step("More", 0)),
        "No more steps can be added"
    );
}

#[test]
fn step_names_are_required_and_unique_ignoring_case() {
    let mut book = Book::default();
    assert_eq!(refusal(book.add_step("  ", 0)), "Step name is required");
    assert_eq!(
        refusal(book.add_step(" proposal ", 0)),
        "A step named 'proposal' already exists"
    );
    assert_eq!(
        refusal(book.rename_step(LEAD, "PROSPECT")),
        "A step named 'PROSPECT' already exists"
    );
    assert_eq!(refusal(book.rename_step(LEAD, "")), "Step name is required");
    assert_eq!(
        refusal(book.rename_step(StepId(50), "X")),
        "Step not found in the sales process"
    );
    book.rename_step(LEAD, "LEAD").unwrap();
    assert_eq!(names(&book)[0], "LEAD");
}

#[test]
fn a_rename_shows_in_every_history_at_once() {
    let mut book = book_with_deal();
    book.rename_step(LEAD, "Suspect").unwrap();
    let stage = book.deal(did(1)).unwrap().stage();
    assert_eq!(stage, Stage::Step(LEAD));
    assert_eq!(book.process.name(LEAD), "Suspect");
}

#[test]
fn moving_a_step_reorders_the_process() {
    let mut book = Book::default();
    book.move_step(PROPOSAL, 0).unwrap();
    assert_eq!(names(&book)[..2], ["Proposal", "Lead"]);
    book.move_step(PROPOSAL, 100).unwrap();
    assert_eq!(names(&book).last(), Some(&"Proposal"));
    assert_eq!(book.process.steps.len(), 7);
    assert_eq!(
        refusal(book.move_step(StepId(0), 1)),
        "Step not found in the sales process"
    );
}

#[test]
fn a_stuck_threshold_is_at_least_a_day() {
    let mut book = Book::default();
    book.set_stuck_after(MEETING, Some(14)).unwrap();
    assert_eq!(book.process.step(MEETING).unwrap().stuck_after, Some(14));
    book.set_stuck_after(MEETING, None).unwrap();
    assert_eq!(book.process.step(MEETING).unwrap().stuck_after, None);
    assert_eq!(
        refusal(book.set_stuck_after(MEETING, Some(0))),
        "A deal can only be stuck after at least 1 day"
    );
    assert_eq!(
        refusal(book.set_stuck_after(StepId(99), Some(3))),
        "Step not found in the sales process"
    );
}

#[test]
fn a_step_deals_have_been_in_cannot_be_removed() {
    let mut book = book_with_deal();
    book.open_deal(did(2), deal_draft("Two", cid(1)), LEAD, today(), now())
        .unwrap();
    book.move_deal(did(1), PROPOSAL, today(), "", now())
        .unwrap();
    book.move_deal(did(2), PROPOSAL, today(), "", now())
        .unwrap();
    book.move_deal(did(2), MEETING, today(), "", now()).unwrap();
    assert_eq!(
        refusal(book.remove_step(PROPOSAL)),
        "Cannot remove step 'Proposal': 2 deals have been in it"
    );
    book.remove_deal(did(2)).unwrap();
    assert_eq!(
        refusal(book.remove_step(PROPOSAL)),
        "Cannot remove step 'Proposal': 1 deal has been in it"
    );
    book.remove_step(PROSPECT).unwrap();
    assert_eq!(book.process.steps.len(), 6);
    assert_eq!(
        refusal(book.remove_step(PROSPECT)),
        "Step not found in the sales process"
    );
}

#[test]
fn the_last_step_stays() {
    let mut book = Book::default();
    for id in 2..=7 {
        book.remove_step(StepId(id)).unwrap();
    }
    assert_eq!(
        refusal(book.remove_step(LEAD)),
        "The sales process needs at least one step"
    );
}

#[test]
fn merging_a_step_rewrites_histories_and_tags_then_removes_it() {
    let mut book = book_with_deal(); // Lead 02-01
    book.move_deal(did(1), PROSPECT, day("2026-02-05"), "qualified", now())
        .unwrap();
    book.move_deal(did(1), LEAD, day("2026-02-06"), "", now())
        .unwrap();
    book.move_deal(did(1), MEETING, day("2026-02-07"), "", now())
        .unwrap();
    book.open_deal(
        did(2),
        deal_draft("Untouched", cid(1)),
        MEETING,
        today(),
        now(),
    )
    .unwrap();
    let draft = TaskDraft {
        tag: Some(Tag::Stage(Stage::Step(PROSPECT))),
        ..task_draft("Qualify", cid(1), None)
    };
    book.log_task(tid(1), draft, now()).unwrap();

    assert_eq!(book.merge_step(PROSPECT, LEAD, later()), Ok(1));

    let deal = book.deal(did(1)).unwrap();
    let kept: Vec<_> = deal.history.iter().map(|c| (c.stage, c.on)).collect();
    assert_eq!(
        kept,
        vec![
            (Stage::Step(LEAD), day("2026-02-01")),
            (Stage::Step(MEETING), day("2026-02-07"))
        ]
    );
    assert_eq!(deal.history[0].note, "qualified");
    assert_eq!(deal.edited, 2_000);
    assert_eq!(book.deal(did(2)).unwrap().edited, 1_000);
    let task = book.task(tid(1)).unwrap();
    assert_eq!(
        (task.tag, task.edited),
        (Tag::Stage(Stage::Step(LEAD)), 2_000)
    );
    assert!(book.process.step(PROSPECT).is_none());
    assert_eq!(book.check(today()), Ok(()));
}

#[test]
fn merging_needs_two_different_existing_steps() {
    let mut book = Book::default();
    assert_eq!(
        refusal(book.merge_step(LEAD, LEAD, now())),
        "A step cannot be merged into itself"
    );
    assert_eq!(
        refusal(book.merge_step(StepId(70), LEAD, now())),
        "Step not found in the sales process"
    );
    assert_eq!(
        refusal(book.merge_step(LEAD, StepId(70), now())),
        "Step not found in the sales process"
    );
    assert_eq!(book.merge_step(LEAD, PROSPECT, now()), Ok(0));
    assert_eq!(book.process.steps.len(), 6);
}
