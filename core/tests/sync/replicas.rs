//! Two reps, each with a server (or one they share), editing, syncing and replicating
//! in random order: what the app will do, run against the CouchDB in memory.

use super::common::couch::Couch;
use super::common::{ancestor, apply, keeps_everything, Edit, TODAY};
use pipewise_core::merge::merge;
use pipewise_core::sync::{fold, settle_leaves, to_push, Pushed};
use pipewise_core::{Book, Stamp};
use proptest::prelude::*;
use std::collections::HashSet;

/// One rep's browser: the book, what its server holds, and the leaves it has looked at.
struct Replica {
    rep: &'static str,
    book: Book,
    pushed: Pushed,
    looked: HashSet<(String, String)>,
}

impl Replica {
    fn new(rep: &'static str) -> Replica {
        Replica {
            rep,
            book: ancestor(),
            pushed: Pushed::new(),
            looked: HashSet::new(),
        }
    }

    /// What the app will do against its server: for every document with a leaf not
    /// looked at yet (what `_changes` reports), settle its leaves and write that, then
    /// fold what the server shows; then push what differs. Returns the writes and the
    /// 409s (both mean "not done yet").
    fn sync(&mut self, couch: &mut Couch, order: u64) -> usize {
        let mut busy = 0;
        let mut pulled = Vec::new();
        for id in couch.ids() {
            let leaves = couch.leaves(&id);
            let fresh = leaves
                .iter()
                .any(|l| !self.looked.contains(&(id.clone(), l.rev.clone().unwrap())));
            if !fresh {
                continue;
            }
            let settled = settle_leaves(&leaves, self.rep).expect("every leaf reads");
            for doc in settled.writes() {
                couch.put(&doc).expect("a settle writes on leaves");
                busy += 1;
            }
            pulled.extend(settled.doc);
            pulled.push(couch.winner(&id).unwrap());
        }
        // In any order.
        let mut rng = fastrand::Rng::with_seed(order);
        rng.shuffle(&mut pulled);
        let folded = fold(&self.book, &pulled);
        assert_eq!(folded.unreadable.len(), 0);
        self.book = folded.book.clone();
        for doc in pulled.iter().filter(|d| folded.took(d)) {
            if let Some(winner) = couch.winner(&doc.id) {
                self.pushed.saw(&winner);
            }
            for leaf in couch.leaves(&doc.id) {
                self.looked.insert((doc.id.clone(), leaf.rev.unwrap()));
            }
        }
        for doc in to_push(&self.book, &self.pushed, self.rep) {
            // A 409 (`Conflict`) leaves it for the next round, after a pull.
            if let Ok(rev) = couch.put(&doc) {
                self.pushed.wrote(&doc, &rev);
                self.looked.insert((doc.id.clone(), rev));
            }
            busy += 1;
        }
        busy
    }
}

#[derive(Clone, Debug)]
enum Op {
    Edit(Edit),
    Sync(usize),
    /// Some documents (those whose place matches the mask) from one server to the other.
    Replicate(usize, u64),
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    let op = (
        0u8..10,
        0usize..2,
        0u8..24,
        0usize..64,
        0usize..64,
        0i32..3,
        any::<u64>(),
    )
        .prop_map(|(op, rep, what, a, b, days_back, mask)| match op {
            0..=4 => Op::Edit(Edit {
                rep,
                what,
                a,
                b,
                days_back,
            }),
            5..=7 => Op::Sync(rep),
            _ => Op::Replicate(rep, mask),
        });
    prop::collection::vec(op, 1..60)
}

/// Everything over, both ways.
fn replicate_all(couches: &mut [Couch; 2]) {
    let [a, b] = couches;
    a.replicate_to(b, |_, _| true);
    b.replicate_to(a, |_, _| true);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Two reps edit, sync with their own server (or one they share) and the servers
    /// replicate parts of themselves, all in random order; then everyone syncs until
    /// nothing is left to write. They end with the same book, which keeps every rule,
    /// holds everything either rep ever had (unless a newer edit replaced it), is the
    /// merge of their books, and no document is left in conflict.
    #[test]
    fn two_reps_syncing_in_any_order_end_alike_and_lose_nothing(
        ops in ops(),
        shared in prop::bool::weighted(0.25),
    ) {
        let mut reps = [Replica::new("ana"), Replica::new("ben")];
        let mut couches = [Couch::default(), Couch::default()];
        let server = |r: usize| if shared { 0 } else { r };
        let mut fresh = 0;
        let mut seen: Vec<Book> = Vec::new();
        for (i, op) in ops.iter().enumerate() {
            match op {
                Op::Edit(e) => {
                    let r = e.rep % 2;
                    let copies = [reps[0].book.clone(), reps[1].book.clone()];
                    let stamp = 10_000 + i as Stamp * 10;
                    apply(&mut reps[r].book, e, stamp, &copies, &mut fresh);
                    seen.push(reps[r].book.clone());
                }
                Op::Sync(r) => {
                    reps[*r].sync(&mut couches[server(*r)], i as u64);
                    seen.push(reps[*r].book.clone());
                }
                Op::Replicate(from, mask) if !shared => {
                    let [a, b] = &mut couches;
                    let (src, dst) = if *from == 0 { (a, b) } else { (b, a) };
                    src.replicate_to(dst, |n, _| mask >> (n % 64) & 1 == 1);
                }
                Op::Replicate(..) => {}
            }
        }
        let before = merge(&reps[0].book, &reps[1].book);
        let mut rounds = 0;
        loop {
            prop_assert!(rounds < 12, "sync does not settle down");
            rounds += 1;
            if !shared {
                replicate_all(&mut couches);
            }
            let busy = reps[0].sync(&mut couches[server(0)], 1_000 + rounds)
                + reps[1].sync(&mut couches[server(1)], 2_000 + rounds);
            if busy == 0 {
                break;
            }
        }
        let [a, b] = &reps;
        prop_assert_eq!(&a.book, &b.book, "both reps hold the same book");
        prop_assert_eq!(a.book.check(TODAY), Ok(()));
        prop_assert_eq!(&a.book, &before, "sync ends where the merge of their books does");
        for couch in &couches[..if shared { 1 } else { 2 }] {
            prop_assert_eq!(couch.conflicted(), Vec::<String>::new());
        }
        for rep in &reps {
            prop_assert!(to_push(&rep.book, &rep.pushed, rep.rep).is_empty());
        }
        for copy in &seen {
            if let Err(lost) = keeps_everything(copy, &a.book) {
                prop_assert!(false, "{}", lost);
            }
        }
    }
}
