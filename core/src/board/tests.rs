//! The board's columns, cards, filters, stuck marks and move choices, by hand.

use super::*;
use crate::ids::Id;
use crate::model::{ChangeId, Contact, ContactType, Process, StageChange, StepId, TypeChange};

fn day(n: i32) -> Day {
    Day(20_000 + n)
}

fn contact(n: u128, name: &str, company: &str) -> Contact {
    Contact {
        id: ContactId(Id(n)),
        name: name.into(),
        company: company.into(),
        email: String::new(),
        phone: String::new(),
        owner: "Ana".into(),
        source: String::new(),
        notes: String::new(),
        types: TypeChange::sequence(Id(n), 0, vec![(ContactType::Lead, day(0))]),
        hidden_types: Vec::new(),
        stamps: [0; 7],
        edited: 0,
        removed: 0,
    }
}

fn deal(n: u128, title: &str, owner: &str, value: Cents, history: &[(Stage, i32)]) -> Deal {
    Deal {
        id: DealId(Id(n)),
        title: title.into(),
        contact: ContactId(Id(1)),
        owner: owner.into(),
        value,
        currency: "USD".into(),
        source: if n % 2 == 0 { "Referral" } else { "Event" }.into(),
        expected_close: None,
        notes: String::new(),
        history: StageChange::sequence(
            Id(n),
            n as Stamp,
            history
                .iter()
                .map(|&(stage, on)| (stage, day(on), String::new()))
                .collect(),
        ),
        hidden: Vec::new(),
        stamps: [n as Stamp; 8],
        edited: n as Stamp,
        removed: 0,
    }
}

const S1: Stage = Stage::Step(StepId(1));
const S2: Stage = Stage::Step(StepId(2));
const S3: Stage = Stage::Step(StepId(3));

fn book() -> Book {
    Book {
        process: Process::default(),
        contacts: vec![contact(1, "Rosa Diaz", "Nine-Nine Ltd")],
        deals: vec![
            deal(10, "Fleet renewal", "Ana", 500_00, &[(S1, 0)]),
            deal(11, "Desk licences", "Ben", 1_200_00, &[(S1, 0), (S2, 10)]),
            deal(
                12,
                "Support plan",
                "Ana",
                300_00,
                &[(S1, 0), (S2, 4), (S3, 20)],
            ),
            deal(13, "Old win", "Ana", 900_00, &[(S1, 0), (Stage::Won, 30)]),
            deal(14, "Old loss", "Ben", 100_00, &[(S1, 0), (Stage::Lost, 25)]),
        ],
        ..Book::default()
    }
}

#[test]
fn columns_follow_the_process_then_outcomes() {
    let cols = board_columns(&book(), &BoardFilter::default(), day(40));
    let names: Vec<&str> = cols.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Lead",
            "Prospect",
            "Meeting",
            "Needs analysis",
            "Proposal",
            "Negotiation",
            "Commitment",
            "Won",
            "Lost"
        ]
    );
    assert_eq!(cols[0].count, 1);
    assert_eq!(cols[0].total, 500_00);
    assert_eq!(cols[1].count, 1);
    assert_eq!(cols[1].cards[0].days, 30);
    assert_eq!(cols[1].cards[0].contact, "Rosa Diaz");
    assert_eq!(cols[2].cards[0].days, 20);
    assert_eq!(cols[7].total, 900_00);
    assert_eq!(cols[8].count, 1);
    assert_eq!(cols[8].cards[0].days, 15);
    assert!(!cols[8].cards[0].stuck);
}

#[test]
fn move_choices_for_an_open_and_a_won_deal() {
    let mut b = book();
    let open = b.deals[0].id;
    let m = move_choices(&b, open).unwrap();
    // Every step but its own, then Won and Lost; the next step suggested.
    assert!(m.choices.iter().all(|c| c.0 != m.current));
    assert_eq!(m.choices.len(), 6 + 2);
    assert_eq!(m.choices.last().map(|c| c.1.as_str()), Some("Lost"));
    if let Stage::Step(s) = m.current {
        let next = b
            .process
            .position(s)
            .map(|p| p + 1)
            .and_then(|p| b.process.steps.get(p));
        assert_eq!(m.suggested, next.map(|n| Stage::Step(n.id)));
    }
    // Won: only steps, and the step it was at when it was won.
    let at = m.current;
    b.deals[0]
        .history
        .push(StageChange::new(ChangeId(99), Stage::Won, Day(1), "", 99));
    let won = move_choices(&b, open).unwrap();
    assert_eq!(won.current, Stage::Won);
    assert_eq!(won.choices.len(), 7);
    assert_eq!(won.suggested, Some(at));
    assert_eq!(move_choices(&b, DealId(Id(12345))), None);
}

#[test]
fn stuck_uses_the_setting_or_the_ninetieth_percentile() {
    let mut b = book();
    // Completed stays in Lead: 10, 4, 30, 25 → sorted 4, 10, 25, 30;
    // p90: h = 3 · 0.9 = 2.7 → 25 + 0.7 · 5 = 28.5.
    let limits = stuck_thresholds(&b);
    assert!((limits[&StepId(1)] - 28.5).abs() < 1e-9);
    // Lead's only open deal has waited 40 days > 28.5.
    let cols = board_columns(&b, &BoardFilter::default(), day(40));
    assert!(cols[0].cards[0].stuck);
    let cols = board_columns(&b, &BoardFilter::default(), day(28));
    assert!(!cols[0].cards[0].stuck);
    // Prospect: one completed stay of 16 days; the open deal has 30.
    assert!(cols[1].stuck_after == Some(16.0));
    // A step's own setting wins; no completed stay and no setting: never stuck.
    b.process.steps[1].stuck_after = Some(40);
    let cols = board_columns(&b, &BoardFilter::default(), day(40));
    assert!(!cols[1].cards[0].stuck);
    assert_eq!(cols[2].stuck_after, None);
    assert!(!cols[2].cards[0].stuck);
}

#[test]
fn filters_by_owner_source_and_words() {
    let b = book();
    let count =
        |f: &BoardFilter| -> usize { board_columns(&b, f, day(40)).iter().map(|c| c.count).sum() };
    assert_eq!(count(&BoardFilter::default()), 5);
    let ana = BoardFilter {
        owner: Some("Ana".into()),
        ..BoardFilter::default()
    };
    assert_eq!(count(&ana), 3);
    let referral = BoardFilter {
        source: Some("Referral".into()),
        ..BoardFilter::default()
    };
    assert_eq!(count(&referral), 3);
    let words = |t: &str| BoardFilter {
        text: t.into(),
        ..BoardFilter::default()
    };
    assert_eq!(count(&words("  licences ")), 1);
    assert_eq!(count(&words("NINE-nine")), 5, "company matches every deal");
    assert_eq!(count(&words("rosa plan")), 1, "all words must match");
    assert_eq!(count(&words("nobody")), 0);
    assert!(words(" ").is_empty());
}

#[test]
fn cards_are_ordered_oldest_first_and_outcomes_newest_first() {
    let mut b = book();
    b.deals.push(deal(15, "Newer lead", "Ana", 1, &[(S1, 35)]));
    b.deals.push(deal(
        16,
        "Newer win",
        "Ana",
        1,
        &[(S1, 0), (Stage::Won, 38)],
    ));
    let cols = board_columns(&b, &BoardFilter::default(), day(40));
    let titles =
        |k: usize| -> Vec<&str> { cols[k].cards.iter().map(|c| c.title.as_str()).collect() };
    assert_eq!(titles(0), ["Fleet renewal", "Newer lead"]);
    assert_eq!(titles(7), ["Newer win", "Old win"]);
}

#[test]
fn deals_at_removed_steps_and_odd_dates_never_panic() {
    let mut b = book();
    b.deals
        .push(deal(17, "Ghost", "Ana", 1, &[(Stage::Step(StepId(99)), 0)]));
    b.deals.push(deal(18, "Future", "Ana", 1, &[(S1, 90)]));
    b.deals[0].contact = ContactId(Id(404));
    let cols = board_columns(&b, &BoardFilter::default(), day(40));
    let all: usize = cols.iter().map(|c| c.count).sum();
    assert_eq!(all, 6, "the ghost has no column");
    let future = cols[0].cards.iter().find(|c| c.title == "Future").unwrap();
    assert_eq!(future.days, 0);
    let orphan = cols[0]
        .cards
        .iter()
        .find(|c| c.title == "Fleet renewal")
        .unwrap();
    assert_eq!(orphan.contact, "");
}
