//! Prospecting activity by tag and owner.

use super::*;

fn contact(n: u128, owner: &str) -> Contact {
    Contact {
        id: ContactId(Id(n)),
        name: String::new(),
        company: String::new(),
        email: String::new(),
        phone: String::new(),
        owner: owner.into(),
        source: String::new(),
        notes: String::new(),
        types: TypeChange::sequence(Id(n), 0, vec![(ContactType::Lead, jan(1))]),
        hidden_types: Vec::new(),
        stamps: [0; 7],
        edited: 0,
        removed: 0,
    }
}

fn task(n: u128, contact: u128, deal: Option<u128>, done: Option<Day>, tag: Tag) -> Task {
    Task {
        id: TaskId(Id(n)),
        title: String::new(),
        on: jan(1),
        time: None,
        duration: None,
        kind: TaskKind::Call,
        contact: ContactId(Id(contact)),
        deal: deal.map(id),
        done_on: done,
        notes: String::new(),
        tag,
        stamps: [0; 10],
        edited: 0,
        removed: 0,
    }
}

#[test]
fn prospecting_activity_by_hand() {
    let mut b = book(vec![
        deal(50, "bo", 0, &[(step(LEAD), jan(1))]),
        deal(51, "ann", 0, &[(step(LEAD), jan(1))]),
    ]);
    b.contacts = vec![contact(1, "ann"), contact(2, "bo")];
    let lead = Tag::Contact(ContactType::Lead);
    let prospect = Tag::Contact(ContactType::Prospect);
    let client = Tag::Contact(ContactType::Client);
    b.tasks = vec![
        task(1, 1, None, Some(jan(5)), lead), // ann's, prospecting
        task(2, 1, Some(50), Some(jan(6)), Tag::Stage(step(PROSPECT))), // bo's deal, prospecting
        task(3, 1, Some(51), Some(feb(1)), Tag::Stage(step(PROPOSAL))), // ann's
        task(4, 1, None, None, prospect),     // not done
        task(5, 1, None, Some(apr(2)), lead), // done after Q1
        task(6, 2, None, Some(mar(3)), client), // bo's
        task(7, 1, None, Some(mar(4)), prospect), // ann's, prospecting
    ];
    let all = prospecting_activity(&b, &Scope::Everyone, &q1());
    // Done in Q1: tasks 1, 2, 3, 6, 7; prospecting: 1, 2, 7.
    assert_eq!((all.done, all.prospecting), (5, 3));
    assert_eq!(
        all.by_tag,
        vec![
            (lead, 1),
            (prospect, 1),
            (client, 1),
            (Tag::Stage(step(PROSPECT)), 1),
            (Tag::Stage(step(PROPOSAL)), 1),
        ]
    );
    let ann = prospecting_activity(&b, &Scope::Owner("ann".into()), &q1());
    // Tasks 1, 3, 7 (task 2 is on bo's deal although the contact is ann's).
    assert_eq!((ann.done, ann.prospecting), (3, 2));
    let bo = prospecting_activity(&b, &Scope::Owner("bo".into()), &q1());
    assert_eq!((bo.done, bo.prospecting), (2, 1));
    // The owner table counts them in one pass: the same figures.
    let table = owner_table(&b, &q1(), today());
    let done: Vec<(&str, usize)> = table
        .iter()
        .map(|(o, d)| (o.as_str(), d.prospecting_done))
        .collect();
    assert_eq!(done, vec![("ann", 2), ("bo", 1)]);
    let d = diagnose(
        &b,
        &Scope::Owner("ann".into()),
        &q1(),
        today(),
        Benchmark::PreviousPeriod,
    );
    assert_eq!(d.prospecting_done, 2);
}
