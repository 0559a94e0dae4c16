use super::*;
use crate::model::{Stage, Tag};

#[test]
fn a_task_for_a_deal_is_tagged_with_the_deals_current_stage_and_keeps_it() {
    let mut book = book_with_deal();
    book.move_deal(did(1), MEETING, today(), "", now()).unwrap();
    book.log_task(tid(1), task_draft(" Demo ", cid(1), Some(did(1))), now())
        .unwrap();
    book.move_deal(did(1), PROPOSAL, today(), "", now())
        .unwrap();
    let task = book.task(tid(1)).unwrap();
    assert_eq!(task.title, "Demo");
    assert_eq!(task.tag, Tag::Stage(Stage::Step(MEETING)));
    assert_eq!(task.done_on, None);
    assert_eq!(task.edited, 1_000);
}

#[test]
fn a_task_without_a_deal_is_tagged_with_the_contacts_type() {
    let mut book = book_with_deal();
    book.mark_contact(cid(1), ContactType::Client, today(), now())
        .unwrap();
    book.log_task(tid(1), task_draft("Check-in", cid(1), None), now())
        .unwrap();
    assert_eq!(
        book.task(tid(1)).unwrap().tag,
        Tag::Contact(ContactType::Client)
    );
}

#[test]
fn a_task_may_be_tagged_by_hand() {
    let mut book = book_with_deal();
    let draft = TaskDraft {
        tag: Some(Tag::Stage(Stage::Step(PROSPECT))),
        ..task_draft("Demo", cid(1), Some(did(1)))
    };
    book.log_task(tid(1), draft, now()).unwrap();
    assert_eq!(
        book.task(tid(1)).unwrap().tag,
        Tag::Stage(Stage::Step(PROSPECT))
    );
    let unknown = TaskDraft {
        tag: Some(Tag::Stage(Stage::Step(StepId(99)))),
        ..task_draft("Demo", cid(1), None)
    };
    assert_eq!(
        refusal(book.log_task(tid(2), unknown, now())),
        "Step not found in the sales process"
    );
}

#[test]
fn logging_a_task_checks_its_fields_and_links() {
    let mut book = book_with_deal();
    book.add_contact(cid(2), person("Ben"), ContactType::Lead, now())
        .unwrap();
    let before = book.clone();
    let log = |book: &mut Book, draft: TaskDraft| refusal(book.log_task(tid(5), draft, now()));
    assert_eq!(
        log(&mut book, task_draft("Call", cid(2), Some(did(1)))),
        "That deal belongs to another contact"
    );
    assert_eq!(
        log(&mut book, task_draft("Call", cid(9), None)),
        "Contact not found"
    );
    assert_eq!(
        log(&mut book, task_draft("Call", cid(1), Some(did(9)))),
        "Deal not found"
    );
    assert_eq!(
        log(&mut book, task_draft("", cid(1), None)),
        "Title is required"
    );
    let late = TaskDraft {
        time: Some(1440),
        ..task_draft("Call", cid(1), None)
    };
    assert_eq!(
        log(&mut book, late),
        "Time must be between 00:00 and 23:59 (got 1440 minutes after midnight)"
    );
    for minutes in [0, 1441] {
        let odd = TaskDraft {
            duration: Some(minutes),
            ..task_draft("Call", cid(1), None)
        };
        assert_eq!(
            log(&mut book, odd),
            format!("Duration must be between 1 minute and 24 hours (got {minutes} minutes)")
        );
    }
    let ancient = TaskDraft {
        on: Day(i32::MIN),
        ..task_draft("Call", cid(1), None)
    };
    assert!(log(&mut book, ancient).starts_with("Task date day -2147483648 is out of range"));
    assert_eq!(book, before);
    book.log_task(tid(1), task_draft("Call", cid(1), None), now())
        .unwrap();
    assert_eq!(
        refusal(book.log_task(tid(1), task_draft("Again", cid(1), None), now())),
        "This task already exists"
    );
}

#[test]
fn a_task_may_be_planned_ahead() {
    let mut book = book_with_deal();
    let ahead = TaskDraft {
        on: day("2026-09-01"),
        ..task_draft("Quarterly review", cid(1), Some(did(1)))
    };
    book.log_task(tid(1), ahead, now()).unwrap();
    assert_eq!(book.check(today()), Ok(()));
}

#[test]
fn editing_a_task_keeps_its_tag_unless_one_is_given() {
    let mut book = book_with_deal();
    book.log_task(tid(1), task_draft("Call", cid(1), Some(did(1))), now())
        .unwrap();
    book.move_deal(did(1), MEETING, today(), "", now()).unwrap();
    book.edit_task(
        tid(1),
        task_draft("Call back", cid(1), Some(did(1))),
        later(),
    )
    .unwrap();
    let task = book.task(tid(1)).unwrap();
    assert_eq!(task.title, "Call back");
    assert_eq!(task.tag, Tag::Stage(Stage::Step(LEAD)));
    assert_eq!(task.edited, 2_000);
    // Only the title changed, so only its stamp moved.
    assert_eq!(
        task.stamps,
        [2_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000]
    );
    let retag = TaskDraft {
        tag: Some(Tag::Stage(Stage::Step(MEETING))),
        ..task_draft("Call back", cid(1), None)
    };
    book.edit_task(tid(1), retag, now()).unwrap();
    let task = book.task(tid(1)).unwrap();
    assert_eq!(
        (task.deal, task.tag),
        (None, Tag::Stage(Stage::Step(MEETING)))
    );
    assert_eq!(
        refusal(book.edit_task(tid(9), task_draft("X", cid(1), None), now())),
        "Task not found"
    );
    assert_eq!(
        refusal(book.edit_task(tid(1), task_draft("X", cid(9), None), now())),
        "Contact not found"
    );
}

#[test]
fn a_tag_naming_a_removed_step_may_be_kept_on_edit() {
    let mut book = book_with_deal();
    let draft = TaskDraft {
        tag: Some(Tag::Stage(Stage::Step(PROPOSAL))),
        ..task_draft("Send proposal", cid(1), None)
    };
    book.log_task(tid(1), draft.clone(), now()).unwrap();
    book.remove_step(PROPOSAL, now()).unwrap();
    book.edit_task(tid(1), draft, now()).unwrap();
    assert_eq!(book.check(today()), Ok(()));
}

#[test]
fn completing_and_reopening_a_task() {
    let mut book = book_with_deal();
    book.log_task(tid(1), task_draft("Call", cid(1), None), now())
        .unwrap();
    assert_eq!(
        refusal(book.reopen_task(tid(1), now())),
        "The task is not done"
    );
    assert_eq!(
        refusal(book.complete_task(tid(1), day("2026-03-11"), now())),
        "Done date 2026-03-11 is in the future"
    );
    book.complete_task(tid(1), day("2026-03-09"), later())
        .unwrap();
    let task = book.task(tid(1)).unwrap();
    assert_eq!(
        (task.done_on, task.edited),
        (Some(day("2026-03-09")), 2_000)
    );
    assert_eq!(task.stamps[7], 2_000);
    assert_eq!(
        refusal(book.complete_task(tid(1), today(), now())),
        "The task is already done"
    );
    book.reopen_task(tid(1), now()).unwrap();
    assert_eq!(book.task(tid(1)).unwrap().done_on, None);
    assert_eq!(
        refusal(book.complete_task(tid(9), today(), now())),
        "Task not found"
    );
    assert_eq!(refusal(book.reopen_task(tid(9), now())), "Task not found");
}

#[test]
fn removing_a_task() {
    let mut book = book_with_deal();
    book.log_task(tid(1), task_draft("Call", cid(1), None), now())
        .unwrap();
    book.remove_task(tid(1), later()).unwrap();
    assert!(book.tasks.is_empty());
    let gone: Vec<_> = book.gone.tasks.iter().map(|t| (t.id, t.removed)).collect();
    assert_eq!(gone, [(tid(1), 2_000)]);
    assert_eq!(book.check(today()), Ok(()));
    assert_eq!(refusal(book.remove_task(tid(1), later())), "Task not found");
}

#[test]
fn a_form_opened_before_another_edit_writes_only_what_it_changed() {
    let mut book = book_with_deal();
    book.log_task(tid(1), task_draft("Call", cid(1), Some(did(1))), now())
        .unwrap();
    let base = TaskDraft::of(book.task(tid(1)).unwrap());
    // Another tab renames the task and moves it off the deal.
    let elsewhere = TaskDraft {
        deal: None,
        ..task_draft("Call Ana", cid(1), None)
    };
    book.edit_task(tid(1), elsewhere, later()).unwrap();
    // The form, opened before, only changes the notes.
    let form = TaskDraft {
        notes: " bring the contract ".into(),
        ..base.clone()
    };
    let after = Now {
        today: today(),
        stamp: 3_000,
    };
    book.revise_task(tid(1), &base, form, after).unwrap();
    let task = book.task(tid(1)).unwrap();
    assert_eq!(task.title, "Call Ana");
    assert_eq!(task.deal, None);
    assert_eq!(task.notes, "bring the contract");
    assert_eq!(
        (task.stamps[0], task.stamps[6], task.stamps[8]),
        (2_000, 2_000, 3_000)
    );
    assert_eq!(task.edited, 3_000);
    assert_eq!(book.check(today()), Ok(()));
}
