//! Merging another browser's backup.

use super::*;

fn newer(mut deal: Deal, by: Stamp) -> Deal {
    deal.edited += by;
    deal
}

#[test]
fn merge_adds_their_records_and_keeps_newer_edits() {
    let ours = sample_book();
    let mut ids = SeededIds::new(99);
    let mut theirs = sample_book();
    // They renamed the open deal later; we renamed the won deal later.
    theirs.deals[1] = newer(theirs.deals[1].clone(), 10);
    theirs.deals[1].title = "Acme renewal (3 years)".into();
    theirs.deals[1].history.push(change(step(5), "2025-06-01"));
    theirs.deals[0].title = "older title".into();
    theirs.deals[0].edited -= 10;
    let bob = contact(&mut ids, "Bob Stone", "Stone & Co", "bob@stone.example");
    theirs.contacts.push(bob.clone());
    theirs.process.steps.push(Step {
        id: StepId(42),
        name: "Legal review".into(),
        stuck_after: Some(14),
    });

    let plan = io::plan_merge(&ours, &theirs);
    assert_eq!(
        plan.added_contacts,
        vec!["contact “Bob Stone” (Stone & Co)".to_string()]
    );
    assert_eq!(
        plan.changed_deals,
        vec!["deal “Acme renewal (3 years)”".to_string()]
    );
    assert_eq!(plan.added_steps, vec!["Legal review".to_string()]);
    assert_eq!(plan.conflicts.len(), 2, "{:?}", plan.conflicts);
    assert!(
        plan.conflicts[0].contains(
            "“Ljus rollout, phase 1” differs in the two files; kept the newer edit (your file"
        ),
        "{:?}",
        plan.conflicts
    );
    assert!(
        plan.conflicts[1].contains("kept the newer edit (their file"),
        "{:?}",
        plan.conflicts
    );

    let merged = io::apply_merge(&ours, &theirs);
    assert_eq!(merged.deals[0].title, "Ljus rollout, phase 1");
    assert_eq!(merged.deals[1].title, "Acme renewal (3 years)");
    assert_eq!(merged.deals[1].stage(), step(5));
    assert_eq!(merged.contacts.last(), Some(&bob));
    assert_eq!(merged.process.steps.len(), 8);
    assert_eq!(io::validate(&merged, today()), Ok(()));
}

#[test]
fn merging_unites_stage_histories_in_date_order() {
    let mut ours = sample_book();
    let mut theirs = sample_book();
    // Both logged progress on the open deal since the backup, on different days.
    ours.deals[1].history.push(change(step(5), "2025-06-10"));
    theirs.deals[1].history.push(change(step(5), "2025-06-03"));
    theirs.deals[1].history.push(change(step(6), "2025-06-20"));
    theirs.deals[1].edited += 5;
    let merged = io::apply_merge(&ours, &theirs);
    let stages: Vec<(Stage, String)> = merged.deals[1]
        .history
        .iter()
        .map(|c| (c.stage, c.on.iso()))
        .collect();
    assert_eq!(
        stages,
        vec![
            (step(1), "2025-04-01".into()),
            (step(2), "2025-04-15".into()),
            (step(4), "2025-05-20".into()),
            (step(5), "2025-06-03".into()),
            (step(6), "2025-06-20".into()),
        ]
    );
    assert_eq!(io::validate(&merged, today()), Ok(()));
}

#[test]
fn merging_twice_changes_nothing() {
    let ours = sample_book();
    let mut theirs = sample_book();
    theirs.deals[1].history.push(change(step(5), "2025-06-03"));
    theirs.deals[1].edited += 1;
    let once = io::apply_merge(&ours, &theirs);
    assert_eq!(io::apply_merge(&once, &theirs), once);
    assert!(io::plan_merge(&once, &theirs).is_empty());
    assert_eq!(io::apply_merge(&ours, &ours), ours);
    assert!(io::plan_merge(&ours, &ours).is_empty());
}

fn arb_history() -> impl Strategy<Value = Vec<(u8, i32, bool)>> {
    prop::collection::vec((0u8..9, 0i32..6, any::<bool>()), 1..7)
}

/// A valid history from random steps: sorted dates, no repeats in a row.
fn history_from(raw: &[(u8, i32, bool)]) -> Vec<StageChange> {
    let mut on = day("2025-01-01");
    let mut history: Vec<StageChange> = Vec::new();
    for &(s, gap, note) in raw {
        on = on.plus(gap);
        let stage = match s {
            7 => Stage::Won,
            8 => Stage::Lost,
            n => step(u32::from(n) + 1),
        };
        if history.last().is_some_and(|c| c.stage == stage) {
            continue;
        }
        history.push(StageChange {
            stage,
            on,
            note: if note { "n".into() } else { String::new() },
        });
    }
    history
}

proptest! {
    #[test]
    fn merge_is_idempotent_and_keeps_histories_valid(
        a in arb_history(), b in arb_history(), a_edit in 0i64..3, b_edit in 0i64..3,
    ) {
        let mut ours = sample_book();
        let mut theirs = sample_book();
        ours.deals[1].history = history_from(&a);
        ours.deals[1].edited = a_edit;
        theirs.deals[1].history = history_from(&b);
        theirs.deals[1].edited = b_edit;
        theirs.deals[1].title = "theirs".into();
        let once = io::apply_merge(&ours, &theirs);
        prop_assert_eq!(&io::apply_merge(&once, &theirs), &once);
        prop_assert_eq!(&io::apply_merge(&ours, &ours), &ours);
        prop_assert_eq!(io::validate(&once, day("2026-01-01")), Ok(()));
        let kept = if b_edit > a_edit { "theirs" } else { "Acme renewal" };
        prop_assert_eq!(&once.deals[1].title, kept);
    }
}
