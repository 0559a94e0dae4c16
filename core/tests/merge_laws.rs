//! The laws of the one merge, over random edit sequences on copies that share an
//! ancestor: three reps start from the same book, each makes a run of edits through the
//! book's own events (same-day moves, back-moves, wins, losses, reopens, corrections
//! and removals of stage changes, field edits, deletions, new records, step renames,
//! reorders, removals and merges), now and then taking in another copy; then their
//! copies are merged in every order.
//!
//! - commutative: merge(a, b) = merge(b, a)
//! - associative: merge(merge(a, b), c) = merge(a, merge(b, c))
//! - idempotent: merge(m, m) = m, and merging a copy already merged changes nothing
//! - the result keeps every rule (`Book::check`)
//! - nothing is lost: every field, entry and removal of every copy is in the result,
//!   unless a newer edit of the same register replaced it.

mod common;

use common::{ancestor, copies, edits, id, keeps_everything, TODAY};
use pipewise_core::book::Now;
use pipewise_core::merge::merge;
use pipewise_core::{Book, ContactId, DealId, Stage, StepId};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn merging_is_commutative_associative_and_idempotent(edits in edits()) {
        let [a, b, c]: [Book; 3] = copies(&edits).try_into().unwrap();
        let ab = merge(&a, &b);
        prop_assert_eq!(&ab, &merge(&b, &a), "commutative");
        let bc = merge(&b, &c);
        let abc = merge(&ab, &c);
        prop_assert_eq!(&abc, &merge(&a, &bc), "associative");
        prop_assert_eq!(&merge(&abc, &abc), &abc, "idempotent");
        prop_assert_eq!(&merge(&abc, &b), &abc, "a copy already in changes nothing");
        prop_assert_eq!(&merge(&merge(&c, &a), &b), &abc, "any order");
    }

    #[test]
    fn a_merge_keeps_every_rule_and_loses_nothing(edits in edits()) {
        let copies = copies(&edits);
        let all = merge(&merge(&copies[0], &copies[1]), &copies[2]);
        let later = Now { today: TODAY, stamp: 1 << 40 };
        prop_assert_eq!(all.check(later.anywhere()), Ok(()));
        for pair in [merge(&copies[0], &copies[1]), merge(&copies[1], &copies[2])] {
            prop_assert_eq!(pair.check(TODAY), Ok(()));
        }
        for copy in &copies {
            prop_assert_eq!(copy.check(TODAY), Ok(()), "each copy keeps the rules");
            if let Err(lost) = keeps_everything(copy, &all) {
                prop_assert!(false, "{}", lost);
            }
        }
    }
}

/// What a book shows, without the stamps and what is kept only for merges.
fn shown(book: &Book) -> String {
    let mut out = String::new();
    for s in &book.process.steps {
        out += &format!("step {} {} {:?}\n", s.id.0, s.name, s.stuck_after);
    }
    let mut contacts: Vec<String> = book
        .contacts
        .iter()
        .map(|c| {
            let types: Vec<String> = c
                .types
                .iter()
                .map(|t| format!("{:?}@{}", t.kind, t.on.0))
                .collect();
            format!(
                "contact {} {} {} {} {} {:?}",
                c.id, c.name, c.phone, c.notes, c.owner, types
            )
        })
        .collect();
    contacts.sort();
    let mut deals: Vec<String> = book
        .deals
        .iter()
        .map(|d| {
            let h: Vec<String> = d
                .history
                .iter()
                .map(|c| format!("{:?}@{} {}", c.stage, c.on.0, c.note))
                .collect();
            format!(
                "deal {} {} {} {} {:?}",
                d.id, d.title, d.value, d.contact, h
            )
        })
        .collect();
    deals.sort();
    let mut tasks: Vec<String> = book
        .tasks
        .iter()
        .map(|t| {
            format!(
                "task {} {} {:?} {:?} {:?}",
                t.id, t.title, t.done_on, t.deal, t.tag
            )
        })
        .collect();
    tasks.sort();
    for line in contacts.into_iter().chain(deals).chain(tasks) {
        out += &line;
        out.push('\n');
    }
    out + &format!("{:?}", (&book.settings.currency, &book.settings.me))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Restoring a copy over another shows exactly the restored copy, keeps the rules,
    /// and is a change like any other: merging the old book back changes nothing.
    #[test]
    fn adopting_a_copy_shows_exactly_that_copy(edits in edits()) {
        let copies = copies(&edits);
        let (current, wanted) = (&copies[0], &copies[1]);
        let restored = pipewise_core::merge::adopt(current, wanted, 1 << 40);
        prop_assert_eq!(shown(&restored), shown(wanted));
        prop_assert_eq!(restored.check(TODAY), Ok(()));
        prop_assert_eq!(&merge(&restored, current), &restored);
        // Another tab's edit made meanwhile, to something the restore did not touch, stays.
        let theirs = copies[2].clone();
        let both = merge(&restored, &theirs);
        prop_assert_eq!(both.check(TODAY), Ok(()));
        if let Err(lost) = keeps_everything(&restored, &both) {
            prop_assert!(false, "{}", lost);
        }
    }
}

/// The case from the report that started this: a manager holds a rep's backup with a
/// deal Won on Nov 20; the rep reopens it the same day and sends a newer backup. The
/// merge shows the reopen, in order, and merging again says nothing new.
#[test]
fn a_same_day_reopen_survives_the_merge() {
    let won_day = TODAY;
    let mut rep = ancestor();
    let deal = DealId(id(10));
    let at = |stamp| Now {
        today: TODAY,
        stamp,
    };
    rep.win_deal(deal, won_day, "", at(5_000)).unwrap();
    let manager = merge(&Book::default(), &rep);
    rep.reopen_deal(deal, StepId(3), won_day, "mistake", at(5_001))
        .unwrap();
    let merged = merge(&manager, &rep);
    let stages: Vec<Stage> = merged
        .deal(deal)
        .unwrap()
        .history
        .iter()
        .map(|c| c.stage)
        .collect();
    assert_eq!(
        stages,
        vec![
            Stage::Step(StepId(1)),
            Stage::Step(StepId(2)),
            Stage::Won,
            Stage::Step(StepId(3))
        ]
    );
    assert_eq!(merge(&merged, &rep), merged);
}

/// Deleting wins over what the deleting copy saw; an older copy does not bring it back.
#[test]
fn a_deletion_is_not_undone_by_an_older_copy() {
    let old = ancestor();
    let mut ours = old.clone();
    let now = Now {
        today: TODAY,
        stamp: 9_000,
    };
    ours.remove_contact(ContactId(id(2)), now).unwrap();
    let merged = merge(&ours, &old);
    assert!(merged.contact(ContactId(id(2))).is_none());
    assert!(merged.deals.iter().all(|d| d.contact != ContactId(id(2))));
    assert_eq!(merge(&old, &ours), merged);
}

/// Two reps' first custom steps are two steps, each where its rep put it.
#[test]
fn steps_added_in_two_copies_stay_apart_and_in_place() {
    let base = ancestor();
    let (mut a, mut b) = (base.clone(), base);
    let t = |stamp| Now {
        today: TODAY,
        stamp,
    };
    let trial = a.add_step("Trial", 2, t(7_000)).unwrap();
    let demo = b.add_step("Demo", 5, t(7_001)).unwrap();
    assert_ne!(trial, demo);
    let merged = merge(&a, &b);
    let names: Vec<&str> = merged
        .process
        .steps
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Lead",
            "Prospect",
            "Trial",
            "Meeting",
            "Needs analysis",
            "Proposal",
            "Demo",
            "Negotiation",
            "Commitment"
        ]
    );
}
