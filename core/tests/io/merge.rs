//! Merging another browser's backup.

use super::*;

/// The deal's title set to `title` at `stamp`, as an edit in a form would.
fn renamed(deal: &mut Deal, title: &str, stamp: Stamp) {
    deal.title = title.into();
    deal.stamps[0] = stamp;
    deal.edited = deal.edited.max(stamp);
}

#[test]
fn merge_adds_their_records_and_keeps_newer_edits() {
    let mut ours = sample_book();
    let mut ids = SeededIds::new(99);
    let mut theirs = sample_book();
    // Both renamed both deals since the backup: we renamed the won deal last, they
    // renamed the open deal last (and moved it on).
    renamed(
        &mut ours.deals[0],
        "Ljus rollout, phase 1 (signed)",
        NOW - 50,
    );
    renamed(&mut theirs.deals[0], "older title", NOW - 80);
    renamed(&mut ours.deals[1], "Acme renewal 2025", NOW - 60);
    renamed(&mut theirs.deals[1], "Acme renewal (3 years)", NOW - 40);
    moved(&mut theirs.deals[1], step(5), "2025-06-01", NOW - 40);
    let bob = contact(
        &mut ids,
        NOW - 10,
        "Bob Stone",
        "Stone & Co",
        "bob@stone.example",
    );
    theirs.contacts.push(bob.clone());
    theirs.process.steps.push(Step {
        id: StepId(42),
        name: "Legal review".into(),
        stuck_after: Some(14),
        rank: 8 * Step::RANK_GAP,
        stamps: [NOW - 30; 3],
        removed: 0,
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
    assert!(plan.removed_deals.is_empty() && plan.removed_steps.is_empty());
    assert_eq!(plan.conflicts.len(), 2, "{:?}", plan.conflicts);
    assert!(
        plan.conflicts[0].starts_with(
            "deal “Ljus rollout, phase 1 (signed)”: the title was changed in both files; kept the newer edit (your file"
        ),
        "{:?}",
        plan.conflicts
    );
    assert!(
        plan.conflicts[1].starts_with(
            "deal “Acme renewal 2025”: the title was changed in both files; kept the newer edit (their file"
        ),
        "{:?}",
        plan.conflicts
    );

    let merged = io::apply_merge(&ours, &theirs);
    assert_eq!(merged.deals[0].title, "Ljus rollout, phase 1 (signed)");
    assert_eq!(merged.deals[1].title, "Acme renewal (3 years)");
    assert_eq!(merged.deals[1].stage(), step(5));
    // Records come in the order they were made: Bob, made last, comes last.
    assert_eq!(merged.contacts.last(), Some(&bob));
    assert_eq!(merged.process.steps.len(), 8);
    assert_eq!(merged.process.steps[7].name, "Legal review");
    assert_eq!(io::validate(&merged, today()), Ok(()));
}

#[test]
fn their_settings_are_not_merged() {
    let mut ours = sample_book();
    ours.settings.me = "Dana".into();
    let mut theirs = sample_book();
    theirs.settings = Settings {
        currency: "EUR".into(),
        me: "Sam".into(),
        stamps: [NOW; 2],
    };
    assert_eq!(io::apply_merge(&ours, &theirs).settings, ours.settings);
    assert!(io::plan_merge(&ours, &theirs).is_empty());
}

#[test]
fn merging_unites_stage_histories_by_id_in_date_order() {
    let mut ours = sample_book();
    let mut theirs = sample_book();
    // Both logged progress on the open deal since the backup, on different days.
    moved(&mut ours.deals[1], step(5), "2025-06-10", NOW - 30);
    moved(&mut theirs.deals[1], step(5), "2025-06-03", NOW - 20);
    moved(&mut theirs.deals[1], step(6), "2025-06-20", NOW - 10);
    let ours_move = ours.deals[1].history[3].id;
    let merged = io::apply_merge(&ours, &theirs);
    let stages: Vec<(Stage, String)> = merged.deals[1]
        .history
        .iter()
        .map(|c| (c.stage, c.on.iso()))
        .collect();
    // Every change of both files, by date; our move to step 5 comes right after theirs
    // into the same step, so it is set aside (kept hidden, for later merges).
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
    let hidden: Vec<_> = merged.deals[1].hidden.iter().map(|c| c.id).collect();
    assert_eq!(hidden, [ours_move]);
    assert_eq!(io::validate(&merged, today()), Ok(()));
    // Which file is ours does not matter to the history.
    let other_way = io::apply_merge(&theirs, &ours);
    assert_eq!(other_way.deals[1], merged.deals[1]);
}

#[test]
fn a_removal_in_their_file_removes_ours_unless_we_edited_it_since() {
    let ours = sample_book();
    let mut theirs = sample_book();
    let now = book::Now {
        today: today(),
        stamp: NOW,
    };
    let lost = theirs.deals[2].id;
    theirs.remove_deal(lost, now).unwrap();
    let long = theirs.tasks[2].id;
    theirs.remove_task(long, now).unwrap();
    let plan = io::plan_merge(&ours, &theirs);
    assert_eq!(plan.removed_deals, vec!["deal “+1 seat”".to_string()]);
    assert_eq!(plan.removed_tasks.len(), 1);
    let merged = io::apply_merge(&ours, &theirs);
    assert!(merged.deal(lost).is_none());
    assert!(merged.gone.deals.iter().any(|d| d.id == lost));
    assert_eq!(io::validate(&merged, today()), Ok(()));

    // Had we renamed the deal after their removal, the deal stays, and we are told.
    let mut edited = sample_book();
    renamed(&mut edited.deals[2], "+2 seats", NOW + 10);
    let merged = io::apply_merge(&edited, &theirs);
    assert_eq!(
        merged.deal(lost).map(|d| d.title.as_str()),
        Some("+2 seats")
    );
    assert_eq!(io::validate(&merged, today()), Ok(()));
    // From their side: they removed it, we changed it afterwards.
    let plan = io::plan_merge(&theirs, &edited);
    assert!(
        plan.conflicts
            .iter()
            .any(|c| c.starts_with("deal “+2 seats”: you removed it")),
        "{:?}",
        plan.conflicts
    );
}

#[test]
fn merging_twice_changes_nothing() {
    let ours = sample_book();
    let mut theirs = sample_book();
    moved(&mut theirs.deals[1], step(5), "2025-06-03", NOW - 20);
    let once = io::apply_merge(&ours, &theirs);
    assert_eq!(io::apply_merge(&once, &theirs), once);
    assert!(io::plan_merge(&once, &theirs).is_empty());
    assert_eq!(io::apply_merge(&ours, &ours), ours);
    assert!(io::plan_merge(&ours, &ours).is_empty());
}

fn arb_history() -> impl Strategy<Value = Vec<(u8, i32, bool)>> {
    prop::collection::vec((0u8..9, 0i32..6, any::<bool>()), 1..7)
}

/// A valid history of deal `owner` entered at `stamp` from random stages: sorted dates,
/// starting at a step, no stage twice in a row, no outcome right after an outcome.
fn history_from(owner: Id, stamp: Stamp, raw: &[(u8, i32, bool)]) -> Vec<StageChange> {
    let mut on = day("2025-01-01");
    let mut changes: Vec<(Stage, Day, String)> = Vec::new();
    for &(s, gap, note) in raw {
        on = on.plus(gap);
        let stage = match s {
            7 => Stage::Won,
            8 => Stage::Lost,
            n => step(u64::from(n) + 1),
        };
        let fits = match changes.last() {
            None => stage.is_open(),
            Some((last, _, _)) => *last != stage && (last.is_open() || stage.is_open()),
        };
        if fits {
            changes.push((stage, on, if note { "n".into() } else { String::new() }));
        }
    }
    if changes.is_empty() {
        changes.push((step(1), on, String::new()));
    }
    StageChange::sequence(owner, stamp, changes)
}

proptest! {
    #[test]
    fn merge_is_idempotent_and_keeps_histories_valid(
        a in arb_history(), b in arb_history(), a_edit in 0i64..3, b_edit in 0i64..3,
    ) {
        let mut ours = sample_book();
        let mut theirs = sample_book();
        // Each side replaced the open deal's history (new entries, new ids) and set its
        // title at a slightly different moment.
        let deal = ours.deals[1].id.0;
        ours.deals[1].history = history_from(deal, NOW - 400, &a);
        renamed(&mut ours.deals[1], "Acme renewal", NOW - 20 + a_edit);
        theirs.deals[1].history = history_from(deal, NOW - 350, &b);
        renamed(&mut theirs.deals[1], "theirs", NOW - 20 + b_edit);
        let once = io::apply_merge(&ours, &theirs);
        prop_assert_eq!(&io::apply_merge(&once, &theirs), &once);
        prop_assert_eq!(&io::apply_merge(&ours, &ours), &ours);
        prop_assert_eq!(io::validate(&once, day("2026-01-01")), Ok(()));
        // The newer title; at equal stamps the greater value ("theirs" > "Acme…"), so
        // the outcome does not depend on which file is ours.
        let kept = if b_edit >= a_edit { "theirs" } else { "Acme renewal" };
        prop_assert_eq!(&once.deals[1].title, kept);
        prop_assert_eq!(&io::apply_merge(&theirs, &ours).deals[1], &once.deals[1]);
    }
}
