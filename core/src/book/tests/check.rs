use super::*;
use crate::book::error::show;
use crate::book::{BookError, EARLIEST, LATEST};
use crate::model::{ChangeId, Stage, StageChange, TypeChange};

fn problems(book: &Book) -> Vec<String> {
    book.problems(today())
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// Ana with a deal and a task: a book that keeps every rule.
fn sound() -> Book {
    let mut book = book_with_deal();
    book.log_task(tid(1), task_draft("Call", cid(1), Some(did(1))), now())
        .unwrap();
    book
}

#[test]
fn a_sound_book_passes() {
    assert_eq!(Book::default().check(today()), Ok(()));
    assert_eq!(sound().check(today()), Ok(()));
}

#[test]
fn the_date_bounds_are_what_they_say() {
    assert_eq!(Day::from_ymd(1900, 1, 1), Some(EARLIEST));
    assert_eq!(Day::from_ymd(9999, 12, 31), Some(LATEST));
}

#[test]
fn days_outside_the_calendar_are_shown_without_panicking() {
    assert_eq!(show(day("2026-12-03")), "2026-12-03");
    assert_eq!(show(Day(i32::MAX)), "day 2147483647");
    assert_eq!(show(Day(i32::MIN)), "day -2147483648");
}

#[test]
fn messages_read_as_a_rep_would_say_them() {
    let cases = [
        (
            BookError::FutureDate {
                what: "Stage date",
                on: day("2026-12-03"),
            },
            "Stage date 2026-12-03 is in the future",
        ),
        (BookError::ContactNotFound, "Contact not found"),
        (
            BookError::StepInUse {
                name: "Proposal".into(),
                deals: 12,
            },
            "Cannot remove step 'Proposal': 12 deals have been in it",
        ),
        (
            BookError::BeforePrevious {
                what: "Stage date",
                on: day("2026-03-01"),
                previous: day("2026-03-05"),
            },
            "Stage date 2026-03-01 is before the previous change (2026-03-05)",
        ),
        (BookError::Required("Title"), "Title is required"),
        (BookError::NegativeValue, "Value cannot be negative"),
    ];
    for (error, text) in cases {
        assert_eq!(error.to_string(), text);
    }
}

#[test]
fn duplicate_ids_are_found() {
    let mut book = sound();
    book.contacts.push(book.contacts[0].clone());
    book.deals.push(book.deals[0].clone());
    book.tasks.push(book.tasks[0].clone());
    let found = problems(&book);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].starts_with("Contact 'Ana' appears twice"));
    assert!(found[1].starts_with("Deal 'Ana's renewal' appears twice"));
    assert!(found[2].starts_with("Task 'Call' appears twice"));
}

#[test]
fn broken_references_are_found() {
    let mut book = sound();
    book.add_contact(cid(2), person("Ben"), ContactType::Lead, now())
        .unwrap();
    book.tasks[0].contact = cid(2);
    assert_eq!(
        problems(&book),
        ["Task 'Call' is for a deal of another contact"]
    );
    book.tasks[0].deal = Some(did(7));
    assert_eq!(
        problems(&book),
        ["Task 'Call' is for a deal that does not exist"]
    );
    book.tasks[0].contact = cid(8);
    book.tasks[0].deal = None;
    book.deals[0].contact = cid(8);
    assert_eq!(
        problems(&book),
        [
            "Deal 'Ana's renewal' belongs to a contact that does not exist",
            "Task 'Call' is with a contact that does not exist"
        ]
    );
}

#[test]
fn broken_histories_are_found() {
    let mut book = sound();
    let change = |id, stage, on: &str| StageChange::new(ChangeId(id), stage, day(on), "", 1_000);
    book.deals[0].history = vec![
        change(1, Stage::Step(LEAD), "2026-02-01"),
        change(2, Stage::Step(LEAD), "2026-01-01"),
        change(3, Stage::Step(StepId(40)), "2026-12-03"),
    ];
    assert_eq!(
        problems(&book),
        [
            "Deal 'Ana's renewal' has 'Lead' twice in a row",
            "Deal 'Ana's renewal': Stage date 2026-01-01 is before the previous change (2026-02-01)",
            "Deal 'Ana's renewal' was in step 40, which is not in the sales process",
            "Deal 'Ana's renewal': Stage date 2026-12-03 is in the future",
        ]
    );
    book.deals[0].history.clear();
    assert_eq!(
        problems(&book),
        ["Deal 'Ana's renewal' has no stage history"]
    );
    book.deals[0].history = vec![change(1, Stage::Won, "2026-02-01")];
    assert_eq!(
        problems(&book),
        ["Deal 'Ana's renewal' has a history starting at Won instead of a step"]
    );
}

#[test]
fn broken_fields_are_found() {
    let mut book = sound();
    book.deals[0].value = -5;
    book.deals[0].currency = "usd".into();
    book.deals[0].title = " ".into();
    book.contacts[0].name.clear();
    book.tasks[0].title.clear();
    book.tasks[0].time = Some(2000);
    book.tasks[0].duration = Some(0);
    book.tasks[0].done_on = Some(day("2026-03-11"));
    assert_eq!(problems(&book).len(), 8, "{:?}", problems(&book));
}

#[test]
fn broken_type_histories_are_found() {
    let mut book = sound();
    let lead = |id, on: &str| TypeChange::new(ChangeId(id), ContactType::Lead, day(on), 1_000);
    book.contacts[0].types = vec![lead(1, "2026-03-01"), lead(2, "2026-02-01")];
    assert_eq!(
        problems(&book),
        [
            "Contact 'Ana': Type date 2026-02-01 is before the previous change (2026-03-01)",
            "Contact 'Ana' has the same type twice in a row"
        ]
    );
    book.contacts[0].types.clear();
    assert_eq!(problems(&book), ["Contact 'Ana' has no type history"]);
}

#[test]
fn a_broken_process_is_found() {
    let mut book = Book::default();
    book.process.steps[1].name = "LEAD".into();
    book.process.steps[2].id = LEAD;
    book.process.steps[3].stuck_after = Some(0);
    assert_eq!(
        problems(&book),
        [
            "Two steps are named 'LEAD'",
            "Step id 1 is used twice",
            "Step 'Needs analysis' is stuck after 0 days"
        ]
    );
    book.process.steps.clear();
    assert_eq!(
        book.check(today()),
        Err(BookError::Invalid("The sales process has no steps".into()))
    );
}

#[test]
fn what_a_merge_relies_on_is_checked() {
    // A record both present and removed.
    let mut book = sound();
    book.remove_task(tid(1), later()).unwrap();
    assert_eq!(book.check(today()), Ok(()));
    book.tasks.push(book.gone.tasks[0].clone());
    book.tasks[0].removed = 0;
    assert_eq!(problems(&book), ["A removed task is also present"]);

    // A removed record without its removal stamp.
    let mut book = sound();
    book.remove_task(tid(1), later()).unwrap();
    book.gone.tasks[0].removed = 0;
    assert_eq!(problems(&book), ["A removed record has no removal date"]);

    // Two history entries with one id: corrections could not tell them apart.
    let mut book = sound();
    book.move_deal(did(1), MEETING, today(), "", later())
        .unwrap();
    let first = book.deals[0].history[0].id;
    book.deals[0].history[1].id = first;
    assert_eq!(
        problems(&book),
        ["Deal 'Ana's renewal' has two stage changes with one id"]
    );
    let mut book = sound();
    book.mark_contact(cid(1), ContactType::Client, today(), later())
        .unwrap();
    let first = book.contacts[0].types[0].id;
    let twin = TypeChange {
        id: first,
        removed: 3_000,
        ..book.contacts[0].types[1].clone()
    };
    book.contacts[0].hidden_types.push(twin);
    assert_eq!(
        problems(&book),
        ["Contact 'Ana' has two type changes with one id"]
    );

    // A step both in the process and removed.
    let mut book = Book::default();
    let mut gone = book.process.steps[0].clone();
    gone.removed = 1_000;
    book.gone.steps.push(gone);
    assert_eq!(problems(&book), ["A removed step is also present"]);
}
