//! The contact list's search and counts, and the removal warning.

use super::*;
use crate::book::{ContactDraft, DealDraft, Now, TaskDraft};
use crate::ids::{Id, TaskId};
use crate::model::{StepId, TaskKind};

fn day(iso: &str) -> Day {
    Day::parse_iso(iso).expect("test date")
}

fn now() -> Now {
    Now {
        today: day("2026-03-10"),
        stamp: 1,
    }
}

fn cid(n: u128) -> ContactId {
    ContactId(Id(n))
}

fn book() -> Book {
    let mut b = Book::default();
    let person = |name: &str, company: &str, email: &str| ContactDraft {
        name: name.into(),
        company: company.into(),
        email: email.into(),
        owner: "Sam".into(),
        ..Default::default()
    };
    b.add_contact(
        cid(1),
        person("Ana Ruiz", "Acme", "ana@acme.test"),
        ContactType::Client,
        now(),
    )
    .unwrap();
    b.add_contact(
        cid(2),
        person("bo Chen", "Globex", "bo@globex.test"),
        ContactType::Lead,
        now(),
    )
    .unwrap();
    b.add_contact(
        cid(3),
        person("Cy Diaz", "Acme Labs", ""),
        ContactType::Prospect,
        now(),
    )
    .unwrap();
    for (n, title) in [(10, "Renewal"), (11, "Upsell"), (12, "Old one")] {
        let draft = DealDraft {
            title: title.into(),
            contact: cid(1),
            currency: "USD".into(),
            value: 100_00,
            ..Default::default()
        };
        b.open_deal(DealId(Id(n)), draft, StepId(3), day("2026-03-01"), now())
            .unwrap();
    }
    b.lose_deal(DealId(Id(12)), day("2026-03-05"), "Budget", now())
        .unwrap();
    let task = |title: &str, on: &str, contact: u128, deal: Option<u128>| TaskDraft {
        title: title.into(),
        on: day(on),
        time: None,
        duration: None,
        kind: TaskKind::Call,
        contact: cid(contact),
        deal: deal.map(|d| DealId(Id(d))),
        notes: String::new(),
        tag: None,
    };
    b.log_task(
        TaskId(Id(100)),
        task("Call", "2026-03-20", 1, Some(10)),
        now(),
    )
    .unwrap();
    b.log_task(
        TaskId(Id(101)),
        task("Earlier", "2026-03-02", 1, None),
        now(),
    )
    .unwrap();
    b.log_task(
        TaskId(Id(102)),
        task("Done", "2026-02-01", 1, Some(11)),
        now(),
    )
    .unwrap();
    b.complete_task(TaskId(Id(102)), day("2026-02-01"), now())
        .unwrap();
    b.log_task(TaskId(Id(103)), task("Intro", "2026-04-01", 2, None), now())
        .unwrap();
    b
}

fn names(rows: &[ContactRow]) -> Vec<&str> {
    rows.iter().map(|r| r.name.as_str()).collect()
}

#[test]
fn rows_are_sorted_by_name_with_counts() {
    let rows = contact_rows(&book(), &ContactQuery::default());
    assert_eq!(names(&rows), ["Ana Ruiz", "bo Chen", "Cy Diaz"]);
    // Two open deals (the lost one does not count); the next task is the earliest open
    // one, even when it is overdue; the done task is ignored.
    assert_eq!(rows[0].open_deals, 2);
    assert_eq!(rows[0].next_task, Some(day("2026-03-02")));
    assert_eq!(rows[1].next_task, Some(day("2026-04-01")));
    assert_eq!((rows[2].open_deals, rows[2].next_task), (0, None));
}

#[test]
fn search_matches_name_company_or_email_and_type() {
    let b = book();
    let q = |text: &str, kind: Option<ContactType>| {
        contact_rows(
            &b,
            &ContactQuery {
                text: text.into(),
                kind,
            },
        )
    };
    assert_eq!(names(&q("acme", None)), ["Ana Ruiz", "Cy Diaz"]);
    assert_eq!(names(&q("GLOBEX.test", None)), ["bo Chen"]);
    assert_eq!(names(&q("acme labs", None)), ["Cy Diaz"]);
    assert_eq!(names(&q("  ", None)), ["Ana Ruiz", "bo Chen", "Cy Diaz"]);
    assert_eq!(names(&q("acme", Some(ContactType::Client))), ["Ana Ruiz"]);
    assert_eq!(names(&q("", Some(ContactType::Lead))), ["bo Chen"]);
    assert!(q("nobody", None).is_empty());
}

#[test]
fn removal_counts_what_remove_contact_removes() {
    let mut b = book();
    let told = removal(&b, cid(1));
    assert_eq!((told.deals, told.tasks), (3, 3));
    assert_eq!(
        removal_warning("Ana Ruiz", told),
        "Deleting Ana Ruiz also removes their 3 deals and 3 tasks."
    );
    let done = b.remove_contact(cid(1), now()).unwrap();
    assert_eq!(done, told);
    assert_eq!((b.gone.deals.len(), b.gone.tasks.len()), (3, 3));
    assert_eq!(
        removal_warning("Cy", Removed { deals: 0, tasks: 1 }),
        "Deleting Cy also removes their 1 task."
    );
    assert_eq!(
        removal_warning("Cy", Removed::default()),
        "Deleting Cy removes the contact; they have no deals or tasks."
    );
}

#[test]
fn deal_lines_put_open_deals_first_with_their_step() {
    let lines = deal_lines(&book(), cid(1));
    let seen: Vec<(&str, &str)> = lines
        .iter()
        .map(|l| (l.title.as_str(), l.stage.label.as_str()))
        .collect();
    assert_eq!(seen[2], ("Old one", "Lost"));
    assert!(seen[..2].iter().all(|(_, stage)| *stage == "Meeting"));
    assert!(lines[0].open && !lines[2].open);
}
