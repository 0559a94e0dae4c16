use super::*;
use crate::model::{Stage, StageChange, Step, Tag};

fn names(book: &Book) -> Vec<&str> {
    book.process.steps.iter().map(|s| s.name.as_str()).collect()
}

fn ranks(book: &Book) -> Vec<u64> {
    book.process.steps.iter().map(|s| s.rank).collect()
}

fn in_order(ranks: &[u64]) -> bool {
    ranks.windows(2).all(|pair| pair[0] < pair[1])
}

#[test]
fn a_new_step_gets_a_fresh_id_and_a_rank_between_its_neighbours() {
    let mut book = Book::default();
    let id = book.add_step(" Demo ", 3, now()).unwrap();
    // Not the next number: a random-looking id, clear of the default steps' 1..=7.
    assert!(id.0 > 64, "{id:?}");
    assert_eq!(book.process.position(id), Some(3));
    assert_eq!(book.process.name(id), "Demo");
    let demo = book.process.step(id).unwrap();
    assert_eq!(demo.rank, 3 * Step::RANK_GAP + Step::RANK_GAP / 2);
    assert_eq!((demo.stamps, demo.removed), ([1_000; 3], 0));
    let last = book.add_step("Contract", 999, now()).unwrap();
    assert_eq!(book.process.position(last), Some(8));
    assert_ne!(last, id);
    assert!(in_order(&ranks(&book)));
    // The rest of the process kept its ranks and stamps.
    assert_eq!(book.process.step(LEAD).unwrap().stamps, [0; 3]);
    assert_eq!(book.check(today()), Ok(()));
}

#[test]
fn the_same_step_added_in_two_browsers_gets_two_ids() {
    // The core draws nothing itself: the same book, name and moment give the same id.
    let mut one = Book::default();
    let mut same = Book::default();
    assert_eq!(
        one.add_step("Demo", 3, now()),
        same.add_step("Demo", 3, now())
    );
    // Two reps adding "Demo" at different moments never share a step by accident.
    let mut other = Book::default();
    let theirs = other.add_step("Demo", 3, later()).unwrap();
    assert!(one.process.step(theirs).is_none());
}

#[test]
fn a_removed_step_keeps_its_id_out_of_use() {
    let mut book = book_with_deal();
    let demo = book.add_step("Demo", 9, now()).unwrap();
    let draft = TaskDraft {
        tag: Some(Tag::Stage(Stage::Step(demo))),
        ..task_draft("Demo call", cid(1), None)
    };
    book.log_task(tid(1), draft, now()).unwrap();
    book.remove_step(demo, later()).unwrap();
    assert!(book.process.step(demo).is_none());
    let gone: Vec<_> = book.gone.steps.iter().map(|s| (s.id, s.removed)).collect();
    assert_eq!(gone, [(demo, 2_000)]);
    // The same name at the same moment draws the same id first; it is taken by the
    // removed step, so another one is drawn.
    let again = book.add_step("Demo", 9, now()).unwrap();
    assert_ne!(again, demo);
    // The task still names the removed step, which check accepts.
    assert_eq!(book.check(today()), Ok(()));
}

#[test]
fn an_id_a_history_names_is_never_handed_out() {
    let mut book = book_with_deal();
    let would = book.clone().add_step("Only", 0, now()).unwrap();
    book.deals[0].history[0].stage = Stage::Step(would);
    let id = book.add_step("Only", 0, now()).unwrap();
    assert_ne!(id, would);
}

#[test]
fn step_ids_fit_in_a_json_number() {
    // Ids are written as JSON numbers, which a browser reads exactly only below 2^53.
    let mut book = Book::default();
    for (i, stamp) in [1, 1_000, i64::MAX, i64::MIN].into_iter().enumerate() {
        let now = Now {
            today: today(),
            stamp,
        };
        let id = book.add_step(&format!("Step {i}"), 0, now).unwrap();
        assert!(id.0 < 1 << 53, "{id:?}");
    }
}

#[test]
fn a_step_added_where_there_is_no_room_ranks_the_process_afresh() {
    let mut book = Book::default();
    for (i, step) in book.process.steps.iter_mut().enumerate() {
        step.rank = i as u64 + 1;
    }
    let id = book.add_step("Demo", 1, later()).unwrap();
    assert_eq!(book.process.position(id), Some(1));
    let expected: Vec<u64> = (1..=8).map(|i| i * Step::RANK_GAP).collect();
    assert_eq!(ranks(&book), expected);
    assert!(book
        .process
        .steps
        .iter()
        .all(|s| s.stamps[Step::RANK] == 2_000));
}

#[test]
fn step_names_are_required_and_unique_ignoring_case() {
    let mut book = Book::default();
    let before = book.clone();
    assert_eq!(
        refusal(book.add_step("  ", 0, now())),
        "Step name is required"
    );
    assert_eq!(
        refusal(book.add_step(" proposal ", 0, now())),
        "A step named 'proposal' already exists"
    );
    assert_eq!(
        refusal(book.rename_step(LEAD, "PROSPECT", now())),
        "A step named 'PROSPECT' already exists"
    );
    assert_eq!(
        refusal(book.rename_step(LEAD, "", now())),
        "Step name is required"
    );
    assert_eq!(
        refusal(book.rename_step(StepId(50), "X", now())),
        "Step not found in the sales process"
    );
    assert_eq!(book, before);
    book.rename_step(LEAD, "LEAD", later()).unwrap();
    assert_eq!(names(&book)[0], "LEAD");
    assert_eq!(book.process.steps[0].stamps, [2_000, 0, 0]);
}

#[test]
fn a_rename_shows_in_every_history_at_once() {
    let mut book = book_with_deal();
    book.rename_step(LEAD, "Suspect", later()).unwrap();
    let stage = book.deal(did(1)).unwrap().stage();
    assert_eq!(stage, Stage::Step(LEAD));
    assert_eq!(book.process.name(LEAD), "Suspect");
}

#[test]
fn moving_a_step_reorders_the_process() {
    let mut book = Book::default();
    book.move_step(PROPOSAL, 0, now()).unwrap();
    assert_eq!(names(&book)[..2], ["Proposal", "Lead"]);
    // It takes a rank before the first step's; only its rank is stamped.
    assert!(in_order(&ranks(&book)), "{:?}", ranks(&book));
    let stamped: Vec<StepId> = book
        .process
        .steps
        .iter()
        .filter(|s| s.stamps[Step::RANK] == 1_000)
        .map(|s| s.id)
        .collect();
    assert_eq!(stamped, [PROPOSAL]);
    book.move_step(PROPOSAL, 100, later()).unwrap();
    assert_eq!(names(&book).last(), Some(&"Proposal"));
    assert!(in_order(&ranks(&book)), "{:?}", ranks(&book));
    assert_eq!(book.process.steps.len(), 7);
    // Moving a step to where it is changes nothing.
    let before = book.clone();
    book.move_step(
        LEAD,
        0,
        Now {
            today: today(),
            stamp: 3_000,
        },
    )
    .unwrap();
    assert_eq!(book, before);
    assert_eq!(
        refusal(book.move_step(StepId(0), 1, now())),
        "Step not found in the sales process"
    );
}

#[test]
fn a_stuck_threshold_is_at_least_a_day() {
    let mut book = Book::default();
    book.set_stuck_after(MEETING, Some(14), now()).unwrap();
    let meeting = book.process.step(MEETING).unwrap();
    assert_eq!(meeting.stuck_after, Some(14));
    assert_eq!(meeting.stamps[Step::STUCK_AFTER], 1_000);
    book.set_stuck_after(MEETING, None, later()).unwrap();
    let meeting = book.process.step(MEETING).unwrap();
    assert_eq!(meeting.stuck_after, None);
    assert_eq!(meeting.stamps, [0, 2_000, 0]);
    assert_eq!(
        refusal(book.set_stuck_after(MEETING, Some(0), now())),
        "A deal can only be stuck after at least 1 day"
    );
    assert_eq!(
        refusal(book.set_stuck_after(StepId(99), Some(3), now())),
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
        refusal(book.remove_step(PROPOSAL, now())),
        "Cannot remove step 'Proposal': 2 deals have been in it"
    );
    book.remove_deal(did(2), now()).unwrap();
    assert_eq!(
        refusal(book.remove_step(PROPOSAL, now())),
        "Cannot remove step 'Proposal': 1 deal has been in it"
    );
    book.remove_step(PROSPECT, later()).unwrap();
    assert_eq!(book.process.steps.len(), 6);
    let gone: Vec<_> = book.gone.steps.iter().map(|s| (s.id, s.removed)).collect();
    assert_eq!(gone, [(PROSPECT, 2_000)]);
    assert_eq!(book.check(today()), Ok(()));
    assert_eq!(
        refusal(book.remove_step(PROSPECT, later())),
        "Step not found in the sales process"
    );
}

#[test]
fn the_last_step_stays() {
    let mut book = Book::default();
    for id in 2..=7 {
        book.remove_step(StepId(id), now()).unwrap();
    }
    assert_eq!(book.gone.steps.len(), 6);
    assert_eq!(
        refusal(book.remove_step(LEAD, now())),
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
    assert_eq!(deal.history[0].stamps[StageChange::NOTE], 2_000);
    // The stays folded into the first are kept hidden, now naming Lead.
    let hidden: Vec<_> = deal.hidden.iter().map(|c| (c.stage, c.on)).collect();
    assert_eq!(
        hidden,
        [
            (Stage::Step(LEAD), day("2026-02-05")),
            (Stage::Step(LEAD), day("2026-02-06"))
        ]
    );
    assert_eq!(deal.edited, 2_000);
    assert_eq!(book.deal(did(2)).unwrap().edited, 1_000);
    let task = book.task(tid(1)).unwrap();
    assert_eq!(
        (task.tag, task.edited),
        (Tag::Stage(Stage::Step(LEAD)), 2_000)
    );
    assert!(book.process.step(PROSPECT).is_none());
    let gone: Vec<_> = book.gone.steps.iter().map(|s| (s.id, s.removed)).collect();
    assert_eq!(gone, [(PROSPECT, 2_000)]);
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
