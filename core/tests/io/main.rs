//! Import and export: backup, merge, CSV, iCalendar, and bad input of every kind.

use pipewise_core::io::{self, DateFormat, DateGuess, Encoding, Field, ImportError, Target};
use pipewise_core::*;
use proptest::prelude::*;
use std::path::PathBuf;

const NOW: Stamp = 1_751_284_800_000; // 2025-06-30T12:00:00Z

/// The wizard's choices with deals that name no contact left out (the default).
fn choices<'a>(
    target: Target,
    mapping: &'a [Field],
    date_format: DateFormat,
    stage_map: &'a [(String, Option<Stage>)],
) -> io::Choices<'a> {
    const SKIP: &io::Contactless = &io::Contactless::Skip;
    io::Choices {
        target,
        mapping,
        date_format,
        stage_map,
        contactless: SKIP,
    }
}

fn today() -> Day {
    Day::from_ymd(2025, 6, 30).unwrap()
}

fn day(text: &str) -> Day {
    Day::parse_iso(text).unwrap()
}

fn step(n: u64) -> Stage {
    Stage::Step(StepId(n))
}

/// A stage change as the tests compare it: its stage and date (ids and stamps aside).
fn change(stage: Stage, on: &str) -> (Stage, Day) {
    (stage, day(on))
}

/// The stages and dates of a deal's history.
fn stages(deal: &Deal) -> Vec<(Stage, Day)> {
    deal.history.iter().map(|c| (c.stage, c.on)).collect()
}

/// A history entered in one go at `made`, as the app would keep it.
fn history(owner: Id, made: Stamp, changes: &[(Stage, Day)]) -> Vec<StageChange> {
    let changes = changes
        .iter()
        .map(|&(stage, on)| (stage, on, String::new()))
        .collect();
    StageChange::sequence(owner, made, changes)
}

/// The deal moved on at `stamp` (after everything it holds), as `move_deal` would.
fn moved(deal: &mut Deal, stage: Stage, on: &str, stamp: Stamp) {
    let id = deal.next_change_id(stamp, stamp as u64);
    deal.history
        .push(StageChange::new(id, stage, day(on), "", stamp));
    deal.edited = deal.edited.max(stamp);
}

/// A contact made at `made`, a lead since 2025-01-02.
fn contact(ids: &mut SeededIds, made: Stamp, name: &str, company: &str, email: &str) -> Contact {
    let id = ContactId(ids.fresh());
    Contact {
        id,
        name: name.into(),
        company: company.into(),
        email: email.into(),
        phone: "+1 555 0100".into(),
        owner: "Dana".into(),
        source: "Referral".into(),
        notes: String::new(),
        types: TypeChange::sequence(id.0, made, vec![(ContactType::Lead, day("2025-01-02"))]),
        hidden_types: Vec::new(),
        stamps: [made; 7],
        edited: made,
        removed: 0,
    }
}

/// A small book with awkward text: commas, semicolons, quotes, formulas, unicode.
fn sample_book() -> Book {
    let mut ids = SeededIds::new(7);
    let mut ann = contact(
        &mut ids,
        NOW - 1000,
        "Ann Lee",
        "Acme, Inc.",
        "ann@acme.example",
    );
    ann.notes = "Prefers email; never call before 10".into();
    let mut zoe = contact(
        &mut ids,
        NOW - 990,
        "Zoë Ångström",
        "Nordic Ljus AB",
        "zoe@ljus.example",
    );
    // A client since the win, entered when the deal was closed.
    zoe.types.push(TypeChange::new(
        ChangeId::derive(zoe.id.0, NOW - 500, 1, 2),
        ContactType::Client,
        day("2025-03-10"),
        NOW - 500,
    ));
    zoe.edited = NOW - 500;
    let mut eve = contact(
        &mut ids,
        NOW - 980,
        "=HYPERLINK(\"http://x\")",
        "@evil",
        "-eve@x.example",
    );
    eve.owner = "Sam".into();
    let won_id = DealId(ids.fresh());
    let won = Deal {
        id: won_id,
        title: "Ljus rollout, phase 1".into(),
        contact: zoe.id,
        owner: "Dana".into(),
        value: 1_250_050,
        currency: "EUR".into(),
        source: "Event".into(),
        expected_close: None,
        notes: "Signed \"as is\"".into(),
        history: history(
            won_id.0,
            NOW - 500,
            &[
                change(step(1), "2025-01-05"),
                change(step(3), "2025-01-20"),
                change(step(5), "2025-02-14"),
                change(Stage::Won, "2025-03-10"),
            ],
        ),
        hidden: Vec::new(),
        stamps: [NOW - 500; 8],
        edited: NOW - 500,
        removed: 0,
    };
    let open_id = DealId(ids.fresh());
    let open = Deal {
        id: open_id,
        title: "Acme renewal".into(),
        contact: ann.id,
        owner: "Dana".into(),
        value: 480_000,
        currency: "USD".into(),
        source: String::new(),
        expected_close: Some(day("2025-09-30")),
        notes: String::new(),
        history: history(
            open_id.0,
            NOW - 400,
            &[
                change(step(1), "2025-04-01"),
                change(step(2), "2025-04-15"),
                change(step(4), "2025-05-20"),
            ],
        ),
        hidden: Vec::new(),
        stamps: [NOW - 400; 8],
        edited: NOW - 400,
        removed: 0,
    };
    let lost_id = DealId(ids.fresh());
    let mut lost_history = history(
        lost_id.0,
        NOW - 300,
        &[
            change(step(1), "2025-04-20"),
            change(Stage::Lost, "2025-05-02"),
        ],
    );
    lost_history[1].note = "Budget cut; maybe next year".into();
    let lost = Deal {
        id: lost_id,
        title: "+1 seat".into(),
        contact: eve.id,
        owner: "Sam".into(),
        value: 9_900,
        currency: "USD".into(),
        source: "Cold call".into(),
        expected_close: None,
        notes: String::new(),
        history: lost_history,
        hidden: Vec::new(),
        stamps: [NOW - 300; 8],
        edited: NOW - 300,
        removed: 0,
    };
    // Tasks made one after another from NOW - 200, in the order below.
    let mut made = NOW - 200;
    let mut task = |ids: &mut SeededIds, title: &str, on: &str, kind: TaskKind| {
        made += 1;
        task_made(ids, made - 1, ann.id, title, on, kind)
    };
    let mut call = task(
        &mut ids,
        "Call Ann, re: renewal; bring numbers",
        "2025-07-02",
        TaskKind::Call,
    );
    call.time = Some(9 * 60 + 30);
    call.duration = Some(45);
    call.deal = Some(open.id);
    call.tag = Tag::Stage(step(4));
    call.notes = "Line one\nLine two, with comma; and semicolon \\ backslash".into();
    let mut demo = task(
        &mut ids,
        "Démo für Zoë — 北欧 ✓",
        "2025-02-01",
        TaskKind::Demo,
    );
    demo.contact = zoe.id;
    demo.deal = Some(won.id);
    demo.tag = Tag::Stage(step(3));
    demo.done_on = Some(day("2025-02-01"));
    let mut long = task(
        &mut ids,
        "Follow up on the very long proposal discussion "
            .repeat(4)
            .trim_end(),
        "2025-07-15",
        TaskKind::FollowUp,
    );
    long.time = Some(16 * 60);
    let mut mail = task(
        &mut ids,
        "=cmd|' /C calc'!A0",
        "2025-06-01",
        TaskKind::Email,
    );
    mail.contact = eve.id;
    mail.done_on = Some(day("2025-06-02"));
    Book {
        process: Process::default(),
        contacts: vec![ann, zoe, eve],
        deals: vec![won, open, lost],
        tasks: vec![call, demo, long, mail],
        settings: Settings::default(),
        gone: Gone::default(),
    }
}

/// A task with `contact` made at `made`, tagged with the contact's type.
fn task_made(
    ids: &mut SeededIds,
    made: Stamp,
    contact: ContactId,
    title: &str,
    on: &str,
    kind: TaskKind,
) -> Task {
    Task {
        id: TaskId(ids.fresh()),
        title: title.into(),
        on: day(on),
        time: None,
        duration: None,
        kind,
        contact,
        deal: None,
        done_on: None,
        notes: String::new(),
        tag: Tag::Contact(ContactType::Lead),
        stamps: [made; 10],
        edited: made,
        removed: 0,
    }
}

mod backup;
mod csv_export;
mod csv_import;
mod ics;
mod merge;
mod never_panic;
