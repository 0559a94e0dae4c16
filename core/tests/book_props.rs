//! Random sequences of business events, valid or not, back-dated or in the future, on
//! a small set of ids so they collide: no event ever panics, a refused event changes
//! nothing, and the book always passes `check`.

use pipewise_core::book::{BookError, ContactDraft, DealDraft, Now, TaskDraft};
use pipewise_core::{Book, ChangeId, ContactId, ContactType, Day, DealId, Id, Stage, StepId, Tag};
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

/// A step named by id (a default step, or one that never was), or by its place in the
/// process or among the removed steps: added steps get random ids, so only a place
/// reaches them.
#[derive(Clone, Copy, Debug)]
enum StepPick {
    Id(u64),
    Place(usize),
    Removed(usize),
}

impl StepPick {
    fn id(self, book: &Book) -> StepId {
        let found = match self {
            StepPick::Id(n) => return StepId(n),
            StepPick::Place(i) => book.process.steps.get(i),
            StepPick::Removed(i) => book.gone.steps.get(i),
        };
        found.map_or(StepId(0), |s| s.id)
    }
}

fn step() -> impl Strategy<Value = StepPick> {
    prop_oneof![
        2 => (0u64..=9).prop_map(StepPick::Id),
        2 => (0usize..10).prop_map(StepPick::Place),
        1 => (0usize..3).prop_map(StepPick::Removed),
    ]
}

/// A tag to pick: a stage of a step (resolved against the book), Won, or a type.
#[derive(Clone, Copy, Debug)]
enum TagPick {
    Step(StepPick),
    Fixed(Tag),
}

impl TagPick {
    fn tag(self, book: &Book) -> Tag {
        match self {
            TagPick::Step(step) => Tag::Stage(Stage::Step(step.id(book))),
            TagPick::Fixed(tag) => tag,
        }
    }
}

fn tag() -> impl Strategy<Value = Option<TagPick>> {
    prop_oneof![
        2 => Just(None),
        1 => step().prop_map(|s| Some(TagPick::Step(s))),
        1 => Just(Some(TagPick::Fixed(Tag::Stage(Stage::Won)))),
        1 => kind().prop_map(|k| Some(TagPick::Fixed(Tag::Contact(k)))),
    ]
}

/// A stage change of deal `d` to address: the `index`-th of its shown history, then of
/// its hidden (removed or overruled) entries, or an id no entry has.
fn change_of(book: &Book, d: u8, index: usize) -> ChangeId {
    let Some(deal) = book.deal(deal(d)) else {
        return ChangeId(index as u64);
    };
    deal.history
        .iter()
        .chain(&deal.hidden)
        .nth(index)
        .map_or(ChangeId(index as u64), |c| c.id)
}

#[derive(Clone, Debug)]
enum Op {
    AddContact(u8, String, String, ContactType),
    EditContact(u8, String, String),
    MarkContact(u8, ContactType, When),
    RemoveContact(u8),
    OpenDeal(u8, u8, String, i64, String, StepPick, When),
    EditDeal(u8, u8, String, i64),
    MoveDeal(u8, StepPick, When),
    WinDeal(u8, When),
    LoseDeal(u8, String, When),
    ReopenDeal(u8, StepPick, When),
    EditStageChange(u8, usize, String, When),
    RemoveStageChange(u8, usize),
    RemoveDeal(u8),
    LogTask(
        u8,
        u8,
        Option<u8>,
        String,
        When,
        Option<u16>,
        Option<TagPick>,
    ),
    EditTask(u8, u8, Option<u8>, String, Option<TagPick>),
    CompleteTask(u8, When),
    ReopenTask(u8),
    RemoveTask(u8),
    AddStep(String, usize),
    RenameStep(StepPick, String),
    MoveStep(StepPick, usize),
    SetStuckAfter(StepPick, Option<u32>),
    RemoveStep(StepPick),
    MergeStep(StepPick, StepPick),
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

/// Whether the event makes a record under the id of a removed one. The app draws fresh
/// random ids, so it never does; the book does not refuse it yet either (it would leave
/// the id both present and in `gone`), so these sequences leave it out. See
/// `a_removed_records_id_is_not_taken_again` below.
fn reuses_a_removed_id(book: &Book, op: &Op) -> bool {
    let gone = &book.gone;
    match op {
        Op::AddContact(c, ..) => gone.contacts.iter().any(|r| r.id == contact(*c)),
        Op::OpenDeal(d, ..) => gone.deals.iter().any(|r| r.id == deal(*d)),
        Op::LogTask(t, ..) => gone.tasks.iter().any(|r| r.id == task(*t)),
        _ => false,
    }
}

fn apply(book: &mut Book, op: &Op, now: Now) -> Result<(), BookError> {
    let today = now.today;
    if reuses_a_removed_id(book, op) {
        return Ok(());
    }
    match op {
        Op::AddContact(c, name, email, kind) => {
            book.add_contact(contact(*c), contact_draft(name, email), *kind, now)
        }
        Op::EditContact(c, name, email) => {
            book.edit_contact(contact(*c), contact_draft(name, email), now)
        }
        Op::MarkContact(c, kind, w) => book.mark_contact(contact(*c), *kind, w.on(today), now),
        Op::RemoveContact(c) => book.remove_contact(contact(*c), now).map(drop),
        Op::OpenDeal(d, c, title, value, currency, step, w) => {
            let step = step.id(book);
            book.open_deal(
                deal(*d),
                deal_draft(title, *c, *value, currency),
                step,
                w.on(today),
                now,
            )
        }
        Op::EditDeal(d, c, title, value) => {
            book.edit_deal(deal(*d), deal_draft(title, *c, *value, "usd"), now)
        }
        Op::MoveDeal(d, step, w) => {
            let step = step.id(book);
            book.move_deal(deal(*d), step, w.on(today), "", now)
        }
        Op::WinDeal(d, w) => book.win_deal(deal(*d), w.on(today), "", now),
        Op::LoseDeal(d, reason, w) => book.lose_deal(deal(*d), w.on(today), reason, now),
        Op::ReopenDeal(d, step, w) => {
            let step = step.id(book);
            book.reopen_deal(deal(*d), step, w.on(today), "", now)
        }
        Op::EditStageChange(d, index, note, w) => {
            let change = change_of(book, *d, *index);
            book.edit_stage_change(deal(*d), change, w.on(today), note, now)
        }
        Op::RemoveStageChange(d, index) => {
            let change = change_of(book, *d, *index);
            book.remove_stage_change(deal(*d), change, now)
        }
        Op::RemoveDeal(d) => book.remove_deal(deal(*d), now).map(drop),
        Op::LogTask(t, c, d, title, w, time, tag) => {
            let tag = tag.map(|t| t.tag(book));
            let draft = TaskDraft {
                time: *time,
                ..task_draft(title, *c, *d, w.on(today), tag)
            };
            book.log_task(task(*t), draft, now)
        }
        Op::EditTask(t, c, d, title, tag) => {
            let tag = tag.map(|t| t.tag(book));
            book.edit_task(task(*t), task_draft(title, *c, *d, today, tag), now)
        }
        Op::CompleteTask(t, w) => book.complete_task(task(*t), w.on(today), now),
        Op::ReopenTask(t) => book.reopen_task(task(*t), now),
        Op::RemoveTask(t) => book.remove_task(task(*t), now),
        Op::AddStep(name, at) => book.add_step(name, *at, now).map(drop),
        Op::RenameStep(step, name) => book.rename_step(step.id(book), name, now),
        Op::MoveStep(step, to) => book.move_step(step.id(book), *to, now),
        Op::SetStuckAfter(step, days) => book.set_stuck_after(step.id(book), *days, now),
        Op::RemoveStep(step) => book.remove_step(step.id(book), now),
        Op::MergeStep(from, into) => {
            let (from, into) = (from.id(book), into.id(book));
            book.merge_step(from, into, now).map(drop)
        }
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

// Suspected bugs in the core, reported to the lead and left unfixed here: each test
// states what should hold, and is ignored until the core keeps it. `next` is what the
// book shows after the next merge (another tab's write, a teammate's file): merging a
// book with itself must not change what it shows.

fn next(book: &Book) -> Book {
    pipewise_core::merge::merge(book, book)
}

fn at(stamp: i64) -> Now {
    Now {
        today: Day::from_ymd(2026, 3, 10).unwrap(),
        stamp,
    }
}

/// `add_contact`, `open_deal` and `log_task` look for a taken id among present records
/// only, so the id of a removed record (kept in `gone`) is taken again and the book fails
/// `check` ("A removed contact is also present"). Whether the book refuses the id or
/// revives the record, it must stay sound.
#[test]
fn a_removed_records_id_is_not_taken_again() {
    let today = at(0).today;
    let mut book = busy_book();
    book.remove_contact(contact(0), at(1)).unwrap();
    let _ = book.add_contact(
        contact(0),
        contact_draft("Ana", ""),
        ContactType::Lead,
        at(2),
    );
    assert_eq!(book.check(today), Ok(()));
    book.remove_deal(deal(1), at(3)).unwrap();
    let _ = book.open_deal(
        deal(1),
        deal_draft("Deal", 1, 100, "usd"),
        StepId(1),
        today,
        at(4),
    );
    assert_eq!(book.check(today), Ok(()));
    book.remove_task(task(2), at(5)).unwrap();
    let _ = book.log_task(task(2), task_draft("Call", 2, None, today, None), at(6));
    assert_eq!(book.check(today), Ok(()));
}

/// `merge_step` rewrites the histories and tags of removed deals and tasks too, and
/// raises their `edited` past their `removed`: to the merge that reads as an edit made
/// after the removal, so every removed deal that was in the step, and every removed task
/// tagged with it, comes back.
#[test]
fn merging_a_step_does_not_bring_back_removed_deals_and_tasks() {
    let mut book = busy_book(); // every deal at Lead; tasks 0..3 tagged Lead
    book.remove_deal(deal(3), at(1)).unwrap();
    book.remove_task(task(0), at(2)).unwrap();
    book.merge_step(StepId(1), StepId(2), at(3)).unwrap();
    assert!(book.deal(deal(3)).is_none() && book.task(task(0)).is_none());
    let next = next(&book);
    assert!(next.deal(deal(3)).is_none(), "the removed deal is back");
    assert!(next.task(task(0)).is_none(), "the removed task is back");
}

/// A removed task keeps the contact it had when removed (`revise_deal` moves only the
/// present tasks of a deal). The merge then moves it to its deal's new contact and, in
/// doing so, counts that contact as needed even though the task is removed
/// (`settle_records` adds to `contacts_needed` before looking at whether the task is
/// kept): a contact removed on purpose comes back.
#[test]
fn a_removed_task_does_not_bring_back_a_removed_contact() {
    let mut book = busy_book(); // task 0 is with contact 0, on deal 0
    book.remove_task(task(0), at(1)).unwrap();
    let mut draft = DealDraft::of(book.deal(deal(0)).unwrap());
    draft.contact = contact(2);
    book.edit_deal(deal(0), draft, at(2)).unwrap();
    book.remove_contact(contact(2), at(3)).unwrap();
    assert!(book.contact(contact(2)).is_none());
    assert!(
        next(&book).contact(contact(2)).is_none(),
        "the removed contact is back"
    );
}

/// `merge_step` folds back-to-back stays into one by leaving the later entries hidden as
/// overruled repeats, not removed. A later move dated between them gives the hidden
/// entry a new neighbour, and the merge shows it again: the deal is back in the step.
/// (Moves, wins, losses and reopens append without settling, so nothing notices.)
#[test]
fn stays_folded_by_a_step_merge_stay_folded_after_a_later_move() {
    let day = |m, d| Day::from_ymd(2026, m, d).unwrap();
    let mut book = busy_book(); // deal 0 at Lead since 2026-01-01
    book.move_deal(deal(0), StepId(3), day(3, 1), "", at(1))
        .unwrap();
    book.merge_step(StepId(1), StepId(3), at(2)).unwrap(); // Meeting since 01-01
    book.move_deal(deal(0), StepId(5), day(2, 15), "", at(3))
        .unwrap();
    assert_eq!(book.deal(deal(0)).unwrap().stage(), Stage::Step(StepId(5)));
    let next = next(&book);
    assert_eq!(next.deal(deal(0)).unwrap().stage(), Stage::Step(StepId(5)));
}

/// `Contact::becomes_client` gives the Client entry `at = stamp`, where `mark_contact`
/// (and a deal's `append`) take `max(stamp, last at + 1)`. When the last type change
/// carries a later stamp (a teammate's machine with its clock ahead, merged in), a win
/// the same day sorts before it at the next merge, and the contact shows the older type.
#[test]
fn a_first_win_on_a_slower_clock_still_makes_a_client() {
    let today = at(0).today;
    let mut book = busy_book();
    book.mark_contact(contact(0), ContactType::Prospect, today, at(5_000))
        .unwrap();
    book.win_deal(deal(0), today, "", at(4_000)).unwrap();
    assert_eq!(
        book.contact(contact(0)).unwrap().kind(),
        ContactType::Client
    );
    let next = next(&book);
    assert_eq!(
        next.contact(contact(0)).unwrap().kind(),
        ContactType::Client
    );
}
