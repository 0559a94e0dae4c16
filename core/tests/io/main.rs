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

fn step(n: u32) -> Stage {
    Stage::Step(StepId(n))
}

fn change(stage: Stage, on: &str) -> StageChange {
    StageChange {
        stage,
        on: day(on),
        note: String::new(),
    }
}

fn contact(ids: &mut SeededIds, name: &str, company: &str, email: &str) -> Contact {
    Contact {
        id: ContactId(ids.fresh()),
        name: name.into(),
        company: company.into(),
        email: email.into(),
        phone: "+1 555 0100".into(),
        owner: "Dana".into(),
        source: "Referral".into(),
        notes: String::new(),
        types: vec![TypeChange {
            kind: ContactType::Lead,
            on: day("2025-01-02"),
        }],
        edited: NOW - 1000,
    }
}

/// A small book with awkward text: commas, semicolons, quotes, formulas, unicode.
fn sample_book() -> Book {
    let mut ids = SeededIds::new(7);
    let mut ann = contact(&mut ids, "Ann Lee", "Acme, Inc.", "ann@acme.example");
    ann.notes = "Prefers email; never call before 10".into();
    let mut zoe = contact(
        &mut ids,
        "Zoë Ångström",
        "Nordic Ljus AB",
        "zoe@ljus.example",
    );
    zoe.types.push(TypeChange {
        kind: ContactType::Client,
        on: day("2025-03-10"),
    });
    let mut eve = contact(
        &mut ids,
        "=HYPERLINK(\"http://x\")",
        "@evil",
        "-eve@x.example",
    );
    eve.owner = "Sam".into();
    let won = Deal {
        id: DealId(ids.fresh()),
        title: "Ljus rollout, phase 1".into(),
        contact: zoe.id,
        owner: "Dana".into(),
        value: 1_250_050,
        currency: "EUR".into(),
        source: "Event".into(),
        expected_close: None,
        notes: "Signed \"as is\"".into(),
        history: vec![
            change(step(1), "2025-01-05"),
            change(step(3), "2025-01-20"),
            change(step(5), "2025-02-14"),
            change(Stage::Won, "2025-03-10"),
        ],
        edited: NOW - 500,
    };
    let open = Deal {
        id: DealId(ids.fresh()),
        title: "Acme renewal".into(),
        contact: ann.id,
        owner: "Dana".into(),
        value: 480_000,
        currency: "USD".into(),
        source: String::new(),
        expected_close: Some(day("2025-09-30")),
        notes: String::new(),
        history: vec![
            change(step(1), "2025-04-01"),
            change(step(2), "2025-04-15"),
            change(step(4), "2025-05-20"),
        ],
        edited: NOW - 400,
    };
    let mut lost_change = change(Stage::Lost, "2025-05-02");
    lost_change.note = "Budget cut; maybe next year".into();
    let lost = Deal {
        id: DealId(ids.fresh()),
        title: "+1 seat".into(),
        contact: eve.id,
        owner: "Sam".into(),
        value: 9_900,
        currency: "USD".into(),
        source: "Cold call".into(),
        expected_close: None,
        notes: String::new(),
        history: vec![change(step(1), "2025-04-20"), lost_change],
        edited: NOW - 300,
    };
    let task = |ids: &mut SeededIds, title: &str, on: &str, kind: TaskKind| Task {
        id: TaskId(ids.fresh()),
        title: title.into(),
        on: day(on),
        time: None,
        duration: None,
        kind,
        contact: ann.id,
        deal: None,
        done_on: None,
        notes: String::new(),
        tag: Tag::Contact(ContactType::Lead),
        edited: NOW - 200,
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
    }
}

mod backup;
mod csv_export;
mod csv_import;
mod ics;
mod merge;
mod never_panic;
