use super::*;
use crate::book::Removed;

#[test]
fn adding_a_contact_trims_its_text_and_starts_its_type_history_today() {
    let mut book = Book::default();
    let draft = ContactDraft {
        name: "  Ana Lima ".into(),
        email: " ana@lima.example ".into(),
        company: " Lima Ltd ".into(),
        ..ContactDraft::default()
    };
    book.add_contact(cid(1), draft, ContactType::Prospect, now())
        .unwrap();
    let ana = book.contact(cid(1)).unwrap();
    assert_eq!(ana.name, "Ana Lima");
    assert_eq!(ana.company, "Lima Ltd");
    assert_eq!(ana.email, "ana@lima.example");
    assert_eq!(ana.types.len(), 1);
    let first = &ana.types[0];
    assert_eq!(
        (first.kind, first.on, first.at),
        (ContactType::Prospect, today(), 1_000)
    );
    assert_eq!(first.removed, 0);
    assert_eq!(ana.stamps, [1_000; 7]);
    assert_eq!(ana.edited, 1_000);
    assert_eq!(book.check(today()), Ok(()));
}

#[test]
fn a_contact_needs_a_name() {
    let mut book = Book::default();
    let result = book.add_contact(cid(1), person("   "), ContactType::Lead, now());
    assert_eq!(refusal(result), "Name is required");
    assert!(book.contacts.is_empty());
}

#[test]
fn an_email_if_given_must_look_like_one() {
    let mut book = Book::default();
    for bad in [
        "ana",
        "ana@",
        "@lima.com",
        "ana@lima",
        "ana @lima.com",
        "a@b@c.com",
        "a@.com",
    ] {
        let draft = ContactDraft {
            email: bad.into(),
            ..person("Ana")
        };
        let result = book.add_contact(cid(1), draft, ContactType::Lead, now());
        assert_eq!(
            refusal(result),
            format!("'{bad}' does not look like an email address")
        );
    }
    let draft = ContactDraft {
        email: "ana.lima+crm@mail.lima.co.uk".into(),
        ..person("Ana")
    };
    book.add_contact(cid(1), draft, ContactType::Lead, now())
        .unwrap();
    book.add_contact(cid(2), person("No email"), ContactType::Lead, now())
        .unwrap();
}

#[test]
fn a_contact_id_is_used_once() {
    let mut book = book_with_deal();
    let result = book.add_contact(cid(1), person("Other"), ContactType::Lead, now());
    assert_eq!(refusal(result), "This contact already exists");
}

#[test]
fn an_out_of_range_today_is_refused() {
    let mut book = Book::default();
    let silly = Now {
        today: Day(i32::MAX),
        stamp: 0,
    };
    let result = book.add_contact(cid(1), person("Ana"), ContactType::Lead, silly);
    assert!(refusal(result).starts_with("Today day 2147483647 is out of range"));
}

#[test]
fn editing_a_contact_keeps_its_type_history_and_stamps_it() {
    let mut book = book_with_deal();
    let draft = ContactDraft {
        phone: " +44 20 7946 0000 ".into(),
        ..person("Ana Lima")
    };
    book.edit_contact(cid(1), draft, later()).unwrap();
    let ana = book.contact(cid(1)).unwrap();
    assert_eq!(ana.name, "Ana Lima");
    assert_eq!(ana.phone, "+44 20 7946 0000");
    assert_eq!(ana.types.len(), 1);
    assert_eq!(ana.edited, 2_000);
    // Only the changed fields take the new stamp: name and phone, not company or owner.
    assert_eq!(
        ana.stamps,
        [2_000, 1_000, 1_000, 2_000, 1_000, 1_000, 1_000]
    );
    assert_eq!(
        refusal(book.edit_contact(cid(9), person("X"), now())),
        "Contact not found"
    );
    assert_eq!(
        refusal(book.edit_contact(cid(1), person(""), now())),
        "Name is required"
    );
}

#[test]
fn marking_a_contact_follows_the_date_rules_of_a_history() {
    let mut book = book_with_deal();
    let id = cid(1);
    assert_eq!(
        refusal(book.mark_contact(id, ContactType::Lead, today(), now())),
        "The contact is already a lead"
    );
    assert_eq!(
        refusal(book.mark_contact(id, ContactType::Prospect, day("2026-03-11"), now())),
        "Type date 2026-03-11 is in the future"
    );
    assert_eq!(
        refusal(book.mark_contact(id, ContactType::Prospect, day("2026-01-10"), now())),
        "Type date 2026-01-10 is before the previous change (2026-01-15)"
    );
    assert_eq!(
        refusal(book.mark_contact(cid(9), ContactType::Client, today(), now())),
        "Contact not found"
    );
    book.mark_contact(id, ContactType::Prospect, today(), later())
        .unwrap();
    let ana = book.contact(id).unwrap();
    assert_eq!(ana.kind(), ContactType::Prospect);
    assert_eq!(ana.types.len(), 2);
    assert_eq!(ana.edited, 2_000);
}

#[test]
fn removing_a_contact_takes_its_deals_and_tasks_along() {
    let mut book = book_with_deal();
    book.add_contact(cid(2), person("Ben"), ContactType::Client, now())
        .unwrap();
    book.open_deal(did(2), deal_draft("Ben's", cid(2)), LEAD, today(), now())
        .unwrap();
    book.open_deal(
        did(3),
        deal_draft("Ana's second", cid(1)),
        LEAD,
        today(),
        now(),
    )
    .unwrap();
    book.log_task(tid(1), task_draft("Call", cid(1), Some(did(1))), now())
        .unwrap();
    book.log_task(tid(2), task_draft("Email", cid(1), None), now())
        .unwrap();
    book.log_task(tid(3), task_draft("Ben", cid(2), Some(did(2))), now())
        .unwrap();

    let removed = book.remove_contact(cid(1), later()).unwrap();

    assert_eq!(removed, Removed { deals: 2, tasks: 2 });
    assert!(book.contact(cid(1)).is_none());
    assert_eq!(book.deals.len(), 1);
    assert_eq!(book.tasks.len(), 1);
    assert!(book.task(tid(3)).is_some());
    // What went is kept as tombstones stamped with the removal, so a merge with a copy
    // that still has them does not bring them back.
    let gone = &book.gone;
    assert_eq!(
        gone.contacts
            .iter()
            .map(|c| (c.id, c.removed))
            .collect::<Vec<_>>(),
        [(cid(1), 2_000)]
    );
    let mut deals: Vec<_> = gone.deals.iter().map(|d| (d.id, d.removed)).collect();
    deals.sort();
    assert_eq!(deals, [(did(1), 2_000), (did(3), 2_000)]);
    let mut tasks: Vec<_> = gone.tasks.iter().map(|t| (t.id, t.removed)).collect();
    tasks.sort();
    assert_eq!(tasks, [(tid(1), 2_000), (tid(2), 2_000)]);
    assert_eq!(book.check(today()), Ok(()));
    assert_eq!(
        refusal(book.remove_contact(cid(1), later())),
        "Contact not found"
    );
}

#[test]
fn owners_and_sources_are_sorted_distinct_and_non_empty() {
    let mut book = book_with_deal();
    let draft = ContactDraft {
        owner: "Alex".into(),
        source: "".into(),
        ..person("Ben")
    };
    book.add_contact(cid(2), draft, ContactType::Lead, now())
        .unwrap();
    let deal = DealDraft {
        owner: "".into(),
        source: "Event".into(),
        ..deal_draft("Ben's", cid(2))
    };
    book.open_deal(did(2), deal, LEAD, today(), now()).unwrap();
    assert_eq!(book.owners(), vec!["Alex", "Sam"]);
    assert_eq!(book.sources(), vec!["Event", "Referral"]);
}

#[test]
fn look_ups_find_a_contacts_deals_and_tasks() {
    let mut book = book_with_deal();
    book.add_contact(cid(2), person("Ben"), ContactType::Lead, now())
        .unwrap();
    book.log_task(tid(1), task_draft("Call", cid(1), Some(did(1))), now())
        .unwrap();
    book.log_task(tid(2), task_draft("Email", cid(1), None), now())
        .unwrap();
    assert_eq!(book.deals_of(cid(1)).count(), 1);
    assert_eq!(book.deals_of(cid(2)).count(), 0);
    assert_eq!(book.tasks_of_contact(cid(1)).count(), 2);
    assert_eq!(book.tasks_of_deal(did(1)).count(), 1);
    assert!(book.deal(did(1)).is_some());
    assert!(book.deal(did(2)).is_none());
    assert!(book.task(tid(3)).is_none());
}

#[test]
fn a_form_opened_before_another_edit_does_not_put_old_values_back() {
    let mut book = book_with_deal();
    let base = ContactDraft::of(book.contact(cid(1)).unwrap());
    // Another tab adds Ana's phone.
    let phone = ContactDraft {
        phone: "+44 20 7946 0000".into(),
        ..base.clone()
    };
    book.edit_contact(cid(1), phone, later()).unwrap();
    // The form, opened before that, still shows no phone; the rep fixes the name.
    let form = ContactDraft {
        name: "Ana Lima".into(),
        ..base.clone()
    };
    let after = Now {
        today: today(),
        stamp: 3_000,
    };
    book.revise_contact(cid(1), &base, form, after).unwrap();
    let ana = book.contact(cid(1)).unwrap();
    assert_eq!(
        (ana.name.as_str(), ana.phone.as_str()),
        ("Ana Lima", "+44 20 7946 0000")
    );
    assert_eq!((ana.stamps[0], ana.stamps[3]), (3_000, 2_000));
    assert_eq!(ana.edited, 3_000);
    // A form that changed nothing stamps nothing.
    let before = book.clone();
    let same = ContactDraft::of(book.contact(cid(1)).unwrap());
    book.revise_contact(
        cid(1),
        &same.clone(),
        same,
        Now {
            today: today(),
            stamp: 4_000,
        },
    )
    .unwrap();
    assert_eq!(book, before);
}
