//! Random sequences of business events, valid or not, back-dated or in the future, on
//! a small set of ids so they collide: no event ever panics, a refused event changes
//! nothing, and the book always passes `check`.

use pipewise_core::book::{BookError, ContactDraft, DealDraft, Now, TaskDraft};
use pipewise_core::{Book, ContactId, ContactType, Day, DealId, Id, Stage, StepId, Tag};
use pipewise_core::{TaskId, TaskKind};
use proptest::prelude::*;

/// A date relative to today (mostly recent, sometimes ahead) or any day at all.
#[derive(Clone, Debug)]
enum When {
    Ago(i32),
    Anyday(i32),
}

impl When {
    fn on(&self, today: Day) -> Day {
        match self {
            When::Ago(days) => Day(today.0.saturating_sub(*days)),
            When::Anyday(day) => Day(*day),
        }
    }
}

/// Mostly today or a few days back (so events in a row keep their order and succeed),
/// sometimes weeks back, a little ahead, or any day at all.
fn when() -> impl Strategy<Value = When> {
    prop_oneof![
        6 => Just(When::Ago(0)),
        4 => (1i32..5).prop_map(When::Ago),
        2 => (5i32..40).prop_map(When::Ago),
        1 => (-3i32..0).prop_map(When::Ago),
        1 => any::<i32>().prop_map(When::Anyday),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "",
        "  ",
        "Lead",
        "lead",
        "Demo",
        " Trial ",
        "Pilot",
        "Ana",
        "Zoë Ünal",
        "x@y.co",
    ])
    .prop_map(String::from)
}

fn kind() -> impl Strategy<Value = ContactType> {
    prop::sample::select(ContactType::ALL.to_vec())
}

fn step() -> impl Strategy<Value = StepId> {
    (0u32..=11).prop_map(StepId)
}

fn tag() -> impl Strategy<Value = Option<Tag>> {
    prop_oneof![
        2 => Just(None),
        1 => step().prop_map(|s| Some(Tag::Stage(Stage::Step(s)))),
        1 => Just(Some(Tag::Stage(Stage::Won))),
        1 => kind().prop_map(|k| Some(Tag::Contact(k))),
    ]
}

#[derive(Clone, Debug)]
enum Op {
    AddContact(u8, String, String, ContactType),
    EditContact(u8, String, String),
    MarkContact(u8, ContactType, When),
    RemoveContact(u8),
    OpenDeal(u8, u8, String, i64, String, StepId, When),
    EditDeal(u8, u8, String, i64),
    MoveDeal(u8, StepId, When),
    WinDeal(u8, When),
    LoseDeal(u8, String, When),
    ReopenDeal(u8, StepId, When),
    EditStageChange(u8, usize, String, When),
    RemoveStageChange(u8, usize),
    RemoveDeal(u8),
    LogTask(u8, u8, Option<u8>, String, When, Option<u16>, Option<Tag>),
    EditTask(u8, u8, Option<u8>, String, Option<Tag>),
    CompleteTask(u8, When),
    ReopenTask(u8),
    RemoveTask(u8),
    AddStep(String, usize),
    RenameStep(StepId, String),
    MoveStep(StepId, usize),
    SetStuckAfter(StepId, Option<u32>),
    RemoveStep(StepId),
    MergeStep(StepId, StepId),
    NextDay(u8),
}

/// Every event, weighted towards the deal events that build long histories; removals are
/// rare so the cast survives long enough for interesting sequences.
fn op() -> impl Strategy<Value = Op> {
    let c = || 0u8..4;
    let d = || 0u8..4;
    let t = || 0u8..3;
    let value = || prop_oneof![4 => 0i64..1_000_000, 1 => any::<i64>()];
    let currency = prop::sample::select(vec!["usd", "EUR", "US", "€€€", ""]).prop_map(String::from);
    let index = || prop_oneof![8 => 0usize..4, 1 => 4usize..9, 1 => Just(usize::MAX)];
    let contacts = prop_oneof![
        2 => (c(), text(), text(), kind()).prop_map(|(c, n, e, k)| Op::AddContact(c, n, e, k)),
        1 => (c(), text(), text()).prop_map(|(c, n, e)| Op::EditContact(c, n, e)),
        2 => (c(), kind(), when()).prop_map(|(c, k, w)| Op::MarkContact(c, k, w)),
        1 => c().prop_map(Op::RemoveContact),
    ];
    let deals = prop_oneof![
        3 => (d(), c(), text(), value(), currency, step(), when())
            .prop_map(|(d, c, n, v, cur, s, w)| Op::OpenDeal(d, c, n, v, cur, s, w)),
        1 => (d(), c(), text(), value()).prop_map(|(d, c, n, v)| Op::EditDeal(d, c, n, v)),
        8 => (d(), step(), when()).prop_map(|(d, s, w)| Op::MoveDeal(d, s, w)),
        3 => (d(), when()).prop_map(|(d, w)| Op::WinDeal(d, w)),
        3 => (d(), text(), when()).prop_map(|(d, r, w)| Op::LoseDeal(d, r, w)),
        4 => (d(), step(), when()).prop_map(|(d, s, w)| Op::ReopenDeal(d, s, w)),
        4 => (d(), index(), text(), when())
            .prop_map(|(d, i, n, w)| Op::EditStageChange(d, i, n, w)),
        4 => (d(), index()).prop_map(|(d, i)| Op::RemoveStageChange(d, i)),
        1 => d().prop_map(Op::RemoveDeal),
    ];
    let tasks = prop_oneof![
        4 => (t(), c(), prop::option::weighted(0.3, d()), text(), when(), prop::option::of(0u16..1500), tag())
            .prop_map(|(t, c, d, n, w, time, tag)| Op::LogTask(t, c, d, n, w, time, tag)),
        2 => (t(), c(), prop::option::weighted(0.3, d()), text(), tag())
            .prop_map(|(t, c, d, n, tag)| Op::EditTask(t, c, d, n, tag)),
        2 => (t(), when()).prop_map(|(t, w)| Op::CompleteTask(t, w)),
        2 => t().prop_map(Op::ReopenTask),
        1 => t().prop_map(Op::RemoveTask),
    ];
    let process = prop_oneof![
        2 => (text(), index()).prop_map(|(n, at)| Op::AddStep(n, at)),
        2 => (step(), text()).prop_map(|(s, n)| Op::RenameStep(s, n)),
        2 => (step(), index()).prop_map(|(s, to)| Op::MoveStep(s, to)),
        2 => (step(), prop::option::of(0u32..40)).prop_map(|(s, days)| Op::SetStuckAfter(s, days)),
        1 => step().prop_map(Op::RemoveStep),
        1 => (step(), step()).prop_map(|(a, b)| Op::MergeStep(a, b)),
        2 => (0u8..10).prop_map(Op::NextDay),
    ];
    prop_oneof![2 => contacts, 8 => deals, 3 => tasks, 1 => process]
}

fn contact(n: u8) -> ContactId {
    ContactId(Id(u128::from(n) + 1))
}

fn deal(n: u8) -> DealId {
    DealId(Id(u128::from(n) + 100))
}

fn task(n: u8) -> TaskId {
    TaskId(Id(u128::from(n) + 200))
}

fn contact_draft(name: &str, email: &str) -> ContactDraft {
    ContactDraft {
        name: name.into(),
        email: email.into(),
        owner: "Sam".into(),
        ..ContactDraft::default()
    }
}

fn deal_draft(title: &str, c: u8, value: i64, currency: &str) -> DealDraft {
    DealDraft {
        title: title.into(),
        contact: contact(c),
        value,
        currency: currency.into(),
        ..DealDraft::default()
    }
}

fn task_draft(title: &str, c: u8, d: Option<u8>, on: Day, tag: Option<Tag>) -> TaskDraft {
    TaskDraft {
        title: title.into(),
        on,
        time: None,
        duration: Some(30),
        kind: TaskKind::Call,
        contact: contact(c),
        deal: d.map(deal),
        notes: String::new(),
        tag,
    }
}

fn apply(book: &mut Book, op: &Op, now: Now) -> Result<(), BookError> {
    let today = now.today;
    match op {
        Op::AddContact(c, name, email, kind) => {
            book.add_contact(contact(*c), contact_draft(name, email), *kind, now)
        }
        Op::EditContact(c, name, email) => {
            book.edit_contact(contact(*c), contact_draft(name, email), now)
        }
        Op::MarkContact(c, kind, w) => book.mark_contact(contact(*c), *kind, w.on(today), now),
        Op::RemoveContact(c) => book.remove_contact(contact(*c)).map(drop),
        Op::OpenDeal(d, c, title, value, currency, step, w) => book.open_deal(
            deal(*d),
            deal_draft(title, *c, *value, currency),
            *step,
            w.on(today),
            now,
        ),
        Op::EditDeal(d, c, title, value) => {
            book.edit_deal(deal(*d), deal_draft(title, *c, *value, "usd"), now)
        }
        Op::MoveDeal(d, step, w) => book.move_deal(deal(*d), *step, w.on(today), "", now),
        Op::WinDeal(d, w) => book.win_deal(deal(*d), w.on(today), "", now),
        Op::LoseDeal(d, reason, w) => book.lose_deal(deal(*d), w.on(today), reason, now),
        Op::ReopenDeal(d, step, w) => book.reopen_deal(deal(*d), *step, w.on(today), "", now),
        Op::EditStageChange(d, index, note, w) => {
            book.edit_stage_change(deal(*d), *index, w.on(today), note, now)
        }
        Op::RemoveStageChange(d, index) => book.remove_stage_change(deal(*d), *index, now),
        Op::RemoveDeal(d) => book.remove_deal(deal(*d)).map(drop),
        Op::LogTask(t, c, d, title, w, time, tag) => {
            let draft = TaskDraft {
                time: *time,
                ..task_draft(title, *c, *d, w.on(today), *tag)
            };
            book.log_task(task(*t), draft, now)
        }
        Op::EditTask(t, c, d, title, tag) => {
            book.edit_task(task(*t), task_draft(title, *c, *d, today, *tag), now)
        }
        Op::CompleteTask(t, w) => book.complete_task(task(*t), w.on(today), now),
        Op::ReopenTask(t) => book.reopen_task(task(*t), now),
        Op::RemoveTask(t) => book.remove_task(task(*t)),
        Op::AddStep(name, at) => book.add_step(name, *at).map(drop),
        Op::RenameStep(step, name) => book.rename_step(*step, name),
        Op::MoveStep(step, to) => book.move_step(*step, *to),
        Op::SetStuckAfter(step, days) => book.set_stuck_after(*step, *days),
        Op::RemoveStep(step) => book.remove_step(*step),
        Op::MergeStep(from, into) => book.merge_step(*from, *into, now).map(drop),
        Op::NextDay(_) => Ok(()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_sequence_of_events_keeps_the_book_sound(ops in prop::collection::vec(op(), 0..40)) {
        let mut book = Book::default();
        let mut today = Day::from_ymd(2026, 3, 10).unwrap();
        for (stamp, op) in (1i64..).zip(&ops) {
            if let Op::NextDay(days) = op {
                today = today.plus(i32::from(*days));
            }
            let now = Now { today, stamp };
            let before = book.clone();
            match apply(&mut book, op, now) {
                Ok(()) => {}
                Err(refusal) => {
                    prop_assert!(!refusal.to_string().is_empty());
                    prop_assert_eq!(&book, &before, "{:?} was refused ({}) but changed the book", op, refusal);
                }
            }
            if let Err(problem) = book.check(today) {
                return Err(TestCaseError::fail(format!("after {op:?}: {problem}")));
            }
        }
    }
}

/// Valid-leaning sequences: a fixed cast of contacts and deals, so most events succeed
/// and long histories (moves, losses, reopens, merges) actually build up.
fn busy_book() -> Book {
    let mut book = Book::default();
    let now = Now {
        today: Day::from_ymd(2026, 1, 1).unwrap(),
        stamp: 0,
    };
    for c in 0..4 {
        book.add_contact(contact(c), contact_draft("Ana", ""), ContactType::Lead, now)
            .unwrap();
    }
    for d in 0..4 {
        let draft = deal_draft("Deal", d % 4, 100, "usd");
        book.open_deal(deal(d), draft, StepId(1), now.today, now)
            .unwrap();
    }
    for t in 0..3 {
        let draft = task_draft("Call", t, Some(t), now.today, None);
        book.log_task(task(t), draft, now).unwrap();
    }
    book
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_busy_book_stays_sound(ops in prop::collection::vec(op(), 0..40)) {
        let mut book = busy_book();
        let mut today = Day::from_ymd(2026, 3, 10).unwrap();
        let mut done = 0;
        for (stamp, op) in (1i64..).zip(&ops) {
            if let Op::NextDay(days) = op {
                today = today.plus(i32::from(*days));
            }
            let before = book.clone();
            match apply(&mut book, op, Now { today, stamp }) {
                Ok(()) => done += 1,
                Err(_) => prop_assert_eq!(&book, &before),
            }
            if let Err(problem) = book.check(today) {
                return Err(TestCaseError::fail(format!("after {op:?}: {problem}")));
            }
        }
        prop_assert!(done <= ops.len());
    }
}
