//! Import and export: backup, merge, CSV, iCalendar, and bad input of every kind.

use pipewise_core::io::{self, DateFormat, DateGuess, Encoding, Field, ImportError, Target};
use pipewise_core::*;
use proptest::prelude::*;
use std::path::PathBuf;

const NOW: Stamp = 1_751_284_800_000; // 2025-06-30T12:00:00Z

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

// ---------------------------------------------------------------- backup

#[test]
fn backup_round_trips() {
    let book = sample_book();
    let text = io::backup_json(&book, NOW);
    assert!(text.starts_with(r#"{"app":"pipewise","schema":1"#));
    assert_eq!(io::read_backup(&text, today()), Ok(book));
}

#[test]
fn the_versioned_backup_restores_through_read_backup() {
    let book = sample_book();
    let text = pipewise_core::store::to_backup_json(&book);
    assert_eq!(io::open_backup(&text, today()), Ok((book.clone(), 1)));
    assert_eq!(io::read_backup(&text, today()), Ok(book));
}

#[test]
fn every_shipped_backup_schema_restores_through_read_backup() {
    // The schema fixtures of the storage tests: what released versions wrote.
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut schemas = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(version) = name
            .strip_prefix("schema")
            .and_then(|rest| rest.strip_suffix(".backup.json"))
        else {
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let (book, schema) = io::open_backup(&text, Day::from_ymd(2026, 6, 1).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(schema.to_string(), version, "{name}");
        assert!(!book.deals.is_empty(), "{name}");
        schemas += 1;
    }
    assert!(schemas >= 1, "no backup fixtures found");
}

#[test]
fn a_damaged_versioned_backup_gets_a_clear_message() {
    let text = pipewise_core::store::to_backup_json(&sample_book());
    let newer = text.replacen("\"schema\": 1", "\"schema\": 5", 1);
    assert_eq!(
        io::read_backup(&newer, today()),
        Err(ImportError::NewerSchema { found: 5, known: 1 })
    );
    let bad_day = text.replacen("\"on\": \"2025-", "\"on\": \"2025-13-", 1);
    let message = restore_error(&bad_day);
    assert!(
        message.contains("damaged") && !message.contains(" at line "),
        "{message}"
    );
    let future = text.replacen("\"on\": \"2025-", "\"on\": \"2031-", 1);
    assert!(restore_error(&future).contains("in the future"));
}

#[test]
fn summary_counts_the_backup() {
    let s = io::summarize(&sample_book());
    assert_eq!(
        (s.contacts, s.deals, s.tasks, s.stage_changes),
        (3, 3, 4, 9)
    );
    assert_eq!(s.first_day, Some(day("2025-01-02")));
    assert_eq!(s.last_day, Some(day("2025-07-15")));
    assert_eq!(s.owners, vec!["Dana".to_string(), "Sam".to_string()]);
}

#[test]
fn too_large_files_are_refused_before_reading() {
    assert_eq!(io::too_large(4_000_000, 5_000_000), None);
    let message = io::too_large(7_300_000, 5_000_000).unwrap();
    assert!(
        message.contains("7.3 MB") && message.contains("5.0 MB"),
        "{message}"
    );
}

/// The backup text with one edit made to its JSON.
fn edited_backup(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&io::backup_json(&sample_book(), NOW)).unwrap();
    edit(&mut value);
    value.to_string()
}

fn restore_error(text: &str) -> String {
    io::read_backup(text, today()).unwrap_err().to_string()
}

#[test]
fn bad_backups_get_clear_messages() {
    assert_eq!(io::read_backup("", today()), Err(ImportError::Empty));
    assert_eq!(io::read_backup("  \n", today()), Err(ImportError::Empty));
    assert!(restore_error("{\"app\":\0}").contains("not a text file"));
    let full = io::backup_json(&sample_book(), NOW);
    assert!(restore_error(&full[..full.len() / 2]).contains("ends too early"));
    assert!(restore_error("Name,Email\nAnn,a@b").contains("not valid JSON"));
    assert!(restore_error(r#"{"version":3,"accounts":[]}"#).contains("not made by Pipewise"));
    assert!(restore_error("[1,2,3]").contains("not made by Pipewise"));
    let newer = edited_backup(|v| v["schema"] = 9.into());
    assert!(restore_error(&newer).contains("newer version"));
    let shapeless = edited_backup(|v| v["book"]["deals"][0]["value"] = "lots".into());
    assert!(
        restore_error(&shapeless).contains("damaged"),
        "{}",
        restore_error(&shapeless)
    );
    let no_book = edited_backup(|v| {
        v.as_object_mut().unwrap().remove("book");
    });
    assert!(restore_error(&no_book).contains("damaged"));
}

#[test]
fn restored_records_must_keep_the_rules() {
    type Edit = Box<dyn FnOnce(&mut serde_json::Value)>;
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| {
                let first = v["book"]["contacts"][0]["id"].clone();
                v["book"]["contacts"][1]["id"] = first;
            }),
            "two contacts share the id",
        ),
        (
            Box::new(|v| {
                let first = v["book"]["deals"][0]["id"].clone();
                v["book"]["deals"][2]["id"] = first;
            }),
            "two deals share the id",
        ),
        (
            Box::new(|v| {
                v["book"]["deals"][0]["contact"] = "0123456789abcdef0123456789abcdef".into()
            }),
            "deal “Ljus rollout, phase 1” belongs to a contact that is not in the file",
        ),
        (
            Box::new(|v| v["book"]["tasks"][0]["deal"] = "0123456789abcdef0123456789abcdef".into()),
            "belongs to a deal that is not in the file",
        ),
        (
            Box::new(|v| v["book"]["deals"][0]["history"][1]["on"] = day("2026-12-03").0.into()),
            "stage date 2026-12-03 is in the future",
        ),
        (
            Box::new(|v| v["book"]["deals"][0]["history"][1]["on"] = day("2024-12-31").0.into()),
            "stage dates are out of order (2024-12-31 comes after 2025-01-05)",
        ),
        (
            Box::new(|v| v["book"]["deals"][1]["history"] = serde_json::json!([])),
            "deal “Acme renewal” has an empty stage history",
        ),
        (
            Box::new(|v| v["book"]["contacts"][0]["types"] = serde_json::json!([])),
            "contact “Ann Lee” has no contact type",
        ),
        (
            Box::new(|v| v["book"]["deals"][0]["history"][1]["on"] = i32::MAX.into()),
            "not a real date",
        ),
        (
            Box::new(|v| v["book"]["deals"][0]["history"][0]["on"] = i32::MIN.into()),
            "not a real date",
        ),
        (
            Box::new(|v| v["book"]["tasks"][1]["done_on"] = day("2025-07-01").0.into()),
            "done date 2025-07-01 is in the future",
        ),
        (
            Box::new(|v| {
                v["book"]["deals"][1]["history"][1]["stage"] = serde_json::json!({"Step": 1})
            }),
            "lists the stage “Lead” twice in a row",
        ),
        (
            Box::new(|v| {
                v["book"]["deals"][1]["history"][1]["stage"] = serde_json::json!({"Step": 99})
            }),
            "step that is not in the sales process",
        ),
    ];
    for (edit, expected) in cases {
        let message = restore_error(&edited_backup(edit));
        assert!(
            message.contains(expected),
            "{message:?} should contain {expected:?}"
        );
    }
}

// ---------------------------------------------------------------- merge

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

// ---------------------------------------------------------------- CSV export

#[test]
fn csv_cells_that_look_like_formulas_are_defused() {
    use io::csv_export::safe_cell;
    for bad in [
        "=1+1",
        "+1",
        "-1",
        "@SUM(A1)",
        "\tx",
        "\rx",
        "=cmd|' /C calc'!A0",
    ] {
        assert_eq!(safe_cell(bad), format!("'{bad}"));
    }
    for fine in ["Ann", "1+1", "a=b", "", "'quoted"] {
        assert_eq!(safe_cell(fine), fine);
    }
    let contacts = io::export_contacts_csv(&sample_book());
    assert!(
        contacts.contains(r#""'=HYPERLINK(""http://x"")",'@evil,'-eve@x.example"#),
        "{contacts}"
    );
    let deals = io::export_deals_csv(&sample_book());
    assert!(deals.contains(",'+1 seat,"), "{deals}");
    let tasks = io::export_tasks_csv(&sample_book());
    assert!(tasks.contains(",'=cmd|' /C calc'!A0,"), "{tasks}");
}

#[test]
fn deals_export_has_a_date_column_per_step_and_the_outcome() {
    let text = io::export_deals_csv(&sample_book());
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "Id,Title,Contact,Company,Contact email,Owner,Value,Currency,Source,Stage,Created,\
         Expected close,Lead date,Prospect date,Meeting date,Needs analysis date,Proposal date,\
         Negotiation date,Commitment date,Won date,Lost date,Loss reason,Notes"
    );
    let won = lines.next().unwrap();
    assert!(
        won.contains(",12500.50,EUR,Event,Won,2025-01-05,,2025-01-05,,2025-01-20,,2025-02-14,,,2025-03-10,,,"),
        "{won}"
    );
    let lost = text.lines().nth(3).unwrap();
    assert!(
        lost.ends_with(",2025-05-02,Budget cut; maybe next year,"),
        "{lost}"
    );
}

// ---------------------------------------------------------------- CSV import

struct Imported {
    preview: io::ImportPreview,
    sniffed: io::Sniffed,
    mapping: Vec<Field>,
}

/// Imports by the guessed mapping alone, as a user accepting every suggestion would.
fn import_guessed(bytes: &[u8], target: Target, into: &Book) -> Imported {
    let sniffed = io::sniff(bytes).expect("readable");
    let mapping = io::guess_mapping_with_steps(&sniffed.headers, target, &into.process);
    let format = io::detect_date_format(&sniffed.date_samples(&mapping))
        .format()
        .expect("an unambiguous date format");
    let stages = io::guess_stage_mapping(&sniffed.stage_values(&mapping), &into.process);
    let mut ids = SeededIds::new(1);
    let preview = io::preview(
        &sniffed,
        target,
        &mapping,
        format,
        &stages,
        into,
        today(),
        &mut ids,
        NOW,
    );
    Imported {
        preview,
        sniffed,
        mapping,
    }
}

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name);
    std::fs::read(path).unwrap()
}

fn deal_named<'a>(book: &'a Book, title: &str) -> &'a Deal {
    book.deals.iter().find(|d| d.title == title).unwrap()
}

fn contact_of<'a>(book: &'a Book, deal: &Deal) -> &'a Contact {
    book.contacts.iter().find(|c| c.id == deal.contact).unwrap()
}

#[test]
fn other_crms_exports_import_by_mapping_alone() {
    for (name, deals, contacts) in [
        ("pipedrive_deals.csv", 5, 4),
        ("hubspot_deals.csv", 5, 5),
        ("salesforce_opportunities.csv", 5, 5),
        ("spreadsheet_deals.csv", 4, 4),
    ] {
        let got = import_guessed(&fixture(name), Target::Deals, &Book::default());
        let p = &got.preview;
        assert_eq!(p.errors, vec![], "{name}: mapping {:?}", got.mapping);
        assert_eq!(
            (p.rows_ok, p.new_deals, p.new_contacts),
            (deals, deals, contacts),
            "{name}"
        );
        assert_eq!(io::validate(&p.book_after, today()), Ok(()), "{name}");
    }
}

#[test]
fn pipedrive_deals_keep_status_dates_and_people() {
    let got = import_guessed(
        &fixture("pipedrive_deals.csv"),
        Target::Deals,
        &Book::default(),
    );
    assert_eq!(got.sniffed.encoding, Encoding::Utf8);
    let book = &got.preview.book_after;
    let acme = deal_named(book, "Acme rollout");
    assert_eq!(
        acme.history,
        vec![
            change(step(6), "2025-01-14"),
            change(Stage::Won, "2025-03-02")
        ]
    );
    assert_eq!(
        (acme.value, acme.currency.as_str(), acme.owner.as_str()),
        (1_200_000, "EUR", "Dana Reyes")
    );
    let jonas = contact_of(book, acme);
    assert_eq!(
        (jonas.name.as_str(), jonas.company.as_str()),
        ("Jonas Weber", "Acme GmbH")
    );
    assert_eq!(jonas.kind(), ContactType::Client);
    // The second Acme deal finds Jonas by email instead of adding him again.
    assert_eq!(deal_named(book, "Acme support plan").contact, jonas.id);
    let cobalt = deal_named(book, "Cobalt licences");
    assert_eq!(cobalt.history.last().unwrap().note, "Price too high");
    assert_eq!(cobalt.stage(), Stage::Lost);
    let borealis = deal_named(book, "Borealis pilot");
    assert_eq!((borealis.value, borealis.stage()), (450_050, step(5)));
    assert_eq!(borealis.expected_close, Some(day("2025-07-15")));
}

#[test]
fn bom_semicolons_day_first_dates_and_report_footers_are_understood() {
    let hubspot = import_guessed(
        &fixture("hubspot_deals.csv"),
        Target::Deals,
        &Book::default(),
    );
    assert_eq!(hubspot.sniffed.encoding, Encoding::Utf8Bom);
    assert_eq!(hubspot.sniffed.headers[0], "Deal ID");
    let erik = contact_of(
        &hubspot.preview.book_after,
        deal_named(&hubspot.preview.book_after, "Contoso trial"),
    );
    assert_eq!(erik.name, "Olsen, Erik");
    let fabrikam = deal_named(&hubspot.preview.book_after, "Fabrikam expansion");
    assert_eq!((fabrikam.value, fabrikam.stage()), (1_800_000, step(5)));
    assert_eq!(fabrikam.expected_close, Some(day("2025-07-31")));

    let sheet = import_guessed(
        &fixture("spreadsheet_deals.csv"),
        Target::Deals,
        &Book::default(),
    );
    assert_eq!(sheet.sniffed.delimiter, b';');
    let book = &sheet.preview.book_after;
    let hosting = deal_named(book, "Yearly hosting");
    assert_eq!(
        hosting.history,
        vec![
            change(step(1), "2025-01-15"),
            change(Stage::Won, "2025-01-28")
        ]
    );
    assert_eq!(deal_named(book, "Shop setup").value, 240_050);
    assert_eq!(
        deal_named(book, "Shop setup").notes,
        "Wants a call; after 5pm"
    );
    assert_eq!(
        contact_of(book, deal_named(book, "Website redesign")).company,
        "Müller & Söhne"
    );

    let sf = import_guessed(
        &fixture("salesforce_opportunities.csv"),
        Target::Deals,
        &Book::default(),
    );
    assert_eq!(sf.sniffed.rows.len(), 5, "footer lines dropped");
    let book = &sf.preview.book_after;
    let initech = deal_named(book, "Initech - Upsell");
    assert_eq!(
        initech.history,
        vec![
            change(step(1), "2025-01-09"),
            change(Stage::Won, "2025-03-28")
        ]
    );
    assert_eq!((initech.value, initech.currency.as_str()), (725_000, "USD"));
    assert_eq!(contact_of(book, initech).name, "Initech");
    assert_eq!(deal_named(book, "Wayne - Pilot").stage(), step(4));
    assert_eq!(deal_named(book, "Umbrella - Renewal").stage(), step(6));
}

#[test]
fn contacts_and_activities_import() {
    let got = import_guessed(
        &fixture("hubspot_contacts.csv"),
        Target::Contacts,
        &Book::default(),
    );
    assert_eq!(got.preview.errors, vec![]);
    let kinds: Vec<(String, ContactType)> = got
        .preview
        .book_after
        .contacts
        .iter()
        .map(|c| (c.name.clone(), c.kind()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("Ana Lima".into(), ContactType::Client),
            ("Tom Reed".into(), ContactType::Prospect),
            ("Erik Olsen".into(), ContactType::Lead),
            ("Sara Kim".into(), ContactType::Prospect),
        ]
    );
    // Importing the same file again finds everyone already there.
    let again = import_guessed(
        &fixture("hubspot_contacts.csv"),
        Target::Contacts,
        &got.preview.book_after,
    );
    assert_eq!(
        (again.preview.already_there, again.preview.new_contacts),
        (4, 0)
    );

    let deals = import_guessed(
        &fixture("pipedrive_deals.csv"),
        Target::Deals,
        &Book::default(),
    );
    let book = deals.preview.book_after;
    let tasks = import_guessed(&fixture("pipedrive_activities.csv"), Target::Tasks, &book);
    assert_eq!(tasks.preview.errors, vec![], "{:?}", tasks.mapping);
    assert_eq!(
        (tasks.preview.new_tasks, tasks.preview.new_contacts),
        (4, 1)
    );
    let after = &tasks.preview.book_after;
    let kickoff = &after.tasks[0];
    assert_eq!(kickoff.deal, Some(deal_named(after, "Acme rollout").id));
    assert_eq!(
        (kickoff.time, kickoff.duration, kickoff.done_on),
        (Some(600), Some(30), Some(day("2025-01-20")))
    );
    assert_eq!(kickoff.tag, Tag::Stage(Stage::Won));
    assert_eq!(kickoff.notes, "Agenda: scope, timeline");
    assert_eq!(after.tasks[3].tag, Tag::Contact(ContactType::Lead));
    assert_eq!(io::validate(after, today()), Ok(()));
}

#[test]
fn exported_csv_imports_back_to_the_same_data() {
    let book = sample_book();
    let contacts = import_guessed(
        io::export_contacts_csv(&book).as_bytes(),
        Target::Contacts,
        &Book::default(),
    );
    assert_eq!(contacts.preview.errors, vec![]);
    for (a, b) in book
        .contacts
        .iter()
        .zip(&contacts.preview.book_after.contacts)
    {
        assert_eq!(
            (
                &a.id,
                &a.name,
                &a.company,
                &a.email,
                &a.phone,
                &a.owner,
                &a.source,
                &a.notes,
                a.kind()
            ),
            (
                &b.id,
                &b.name,
                &b.company,
                &b.email,
                &b.phone,
                &b.owner,
                &b.source,
                &b.notes,
                b.kind()
            )
        );
        assert_eq!(a.types.last(), b.types.last());
    }
    let deals = import_guessed(
        io::export_deals_csv(&book).as_bytes(),
        Target::Deals,
        &contacts.preview.book_after,
    );
    assert_eq!(deals.preview.errors, vec![], "{:?}", deals.mapping);
    assert_eq!(
        deals.preview.new_contacts, 0,
        "deals find the contacts imported before"
    );
    let after = &deals.preview.book_after;
    for (a, b) in book.deals.iter().zip(&after.deals) {
        assert_eq!(
            (
                &a.id,
                &a.title,
                a.contact,
                &a.owner,
                a.value,
                &a.currency,
                &a.source,
                a.expected_close,
                &a.notes
            ),
            (
                &b.id,
                &b.title,
                b.contact,
                &b.owner,
                b.value,
                &b.currency,
                &b.source,
                b.expected_close,
                &b.notes
            )
        );
        assert_eq!(
            (a.opened(), a.stage(), a.since()),
            (b.opened(), b.stage(), b.since()),
            "{}",
            a.title
        );
        assert_eq!(
            a.history.last().unwrap().note,
            b.history.last().unwrap().note
        );
    }
    let tasks = import_guessed(io::export_tasks_csv(&book).as_bytes(), Target::Tasks, after);
    assert_eq!(tasks.preview.errors, vec![], "{:?}", tasks.mapping);
    for (a, b) in book.tasks.iter().zip(&tasks.preview.book_after.tasks) {
        assert_eq!(
            (
                &a.id, &a.title, a.on, a.time, a.duration, a.kind, a.contact, a.deal, a.done_on,
                &a.notes
            ),
            (
                &b.id, &b.title, b.on, b.time, b.duration, b.kind, b.contact, b.deal, b.done_on,
                &b.notes
            )
        );
    }
}

#[test]
fn encodings_and_delimiters_are_detected() {
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "Name\tEmail\r\nZoë\tz@x.example\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let s = io::sniff(&utf16).unwrap();
    assert_eq!((s.encoding, s.delimiter), (Encoding::Utf16Le, b'\t'));
    assert_eq!(
        s.rows,
        vec![vec!["Zoë".to_string(), "z@x.example".to_string()]]
    );
    assert!(s.encoding_note().is_some());

    let mut be = vec![0xFE, 0xFF];
    be.extend(
        "Name|Email\nZoë|z@x.example\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes),
    );
    let s = io::sniff(&be).unwrap();
    assert_eq!(
        (s.encoding, s.delimiter, s.rows[0][0].as_str()),
        (Encoding::Utf16Be, b'|', "Zoë")
    );

    let latin = io::sniff(b"Name;Company\nRen\xe9;Caf\xe9 \x80\n").unwrap();
    assert_eq!(
        (latin.encoding, latin.delimiter),
        (Encoding::Windows1252, b';')
    );
    assert_eq!(
        latin.rows[0],
        vec!["René".to_string(), "Café €".to_string()]
    );
    assert!(latin.encoding_note().unwrap().contains("Windows-1252"));

    let headless =
        io::sniff(b"Ann Lee,ann@x.example,2025-01-02\nBo,bo@x.example,2025-01-03\n").unwrap();
    assert!(!headless.has_header);
    assert_eq!(headless.headers, vec!["Column 1", "Column 2", "Column 3"]);
    assert_eq!(headless.rows.len(), 2);
    assert_eq!(headless.lines, vec![1, 2]);
}

#[test]
fn dates_are_detected_or_offered_as_a_choice() {
    let s = |v: &[&str]| v.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    assert_eq!(
        io::detect_date_format(&s(&["2025-01-02", "2025-12-31 10:00"])),
        DateGuess::Iso
    );
    assert_eq!(
        io::detect_date_format(&s(&["01/02/2025", "31/01/2025"])),
        DateGuess::DayFirst
    );
    assert_eq!(
        io::detect_date_format(&s(&["01/02/2025", "12/31/2025"])),
        DateGuess::MonthFirst
    );
    assert_eq!(
        io::detect_date_format(&s(&["01/02/2025", "03/04/2025"])),
        DateGuess::Ambiguous(vec![DateFormat::DayFirst, DateFormat::MonthFirst])
    );
    assert_eq!(io::detect_date_format(&[]), DateGuess::Iso);
}

#[test]
fn stage_names_from_other_crms_are_matched() {
    let values: Vec<String> = [
        "Closed Won",
        "Closed Lost",
        "Engaging",
        "Proposal",
        "negotiation",
        "Appointment Scheduled",
        "Something else",
        "Closed Won",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let guessed = io::guess_stage_mapping(&values, &Process::default());
    let stages: Vec<Option<Stage>> = guessed.iter().map(|(_, s)| *s).collect();
    assert_eq!(
        stages,
        vec![
            Some(Stage::Won),
            Some(Stage::Lost),
            Some(step(2)),
            Some(step(5)),
            Some(step(6)),
            Some(step(3)),
            None
        ]
    );
}

#[test]
fn plain_spreadsheet_headers_are_mapped() {
    let headers: Vec<String> = [
        "Name", "Account", "Rep", "Status", "Amount", "Engaged", "Closed", "Won/Lost", "Phone",
        "Whatever",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(
        io::guess_mapping(&headers, Target::Deals),
        vec![
            Field::Title,
            Field::Company,
            Field::Owner,
            Field::Stage,
            Field::Value,
            Field::Created,
            Field::CloseDate,
            Field::Status,
            Field::Phone,
            Field::Ignore
        ]
    );
}

/// Imports `body` (after a fixed deals header) with the guessed mapping and ISO dates.
fn import_deal_rows(body: &str) -> io::ImportPreview {
    let text = format!("Title,Company,Stage,Value,Created,Close date\n{body}");
    let sniffed = io::sniff(text.as_bytes()).unwrap();
    let mapping = io::guess_mapping(&sniffed.headers, Target::Deals);
    let stages = io::guess_stage_mapping(&sniffed.stage_values(&mapping), &Process::default());
    let mut ids = SeededIds::new(3);
    io::preview(
        &sniffed,
        Target::Deals,
        &mapping,
        DateFormat::Iso,
        &stages,
        &Book::default(),
        today(),
        &mut ids,
        NOW,
    )
}

#[test]
fn bad_rows_are_reported_by_line_and_left_out() {
    let huge = "x".repeat(10_001);
    let p = import_deal_rows(&format!(
        "Good one,Acme,Won,100,2025-01-01,2025-02-01\n\
         Bad date,Acme,Won,100,2025-01-01,2017-02-31\n\
         \"Multi\nline\",Acme,Lead,1,2025-01-01,\n\
         Future,Acme,Lead,1,2026-01-01,\n\
         Backwards,Acme,Lost,1,2025-03-01,2025-02-01\n\
         Strange,Acme,Limbo,1,2025-01-01,\n\
         Big,{huge},Lead,1,2025-01-01,\n\
         Money,Acme,Lead,lots,2025-01-01,\n\
         ,Acme,Lead,1,2025-01-01,\n\
         Nobody,,Lead,1,2025-01-01,\n"
    ));
    let errors: Vec<String> = p.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        errors,
        vec![
            "row 3: close date 2017-02-31 is not a date",
            "row 6: created date 2026-01-01 is in the future",
            "row 7: lost date 2025-02-01 is before the created date 2025-03-01",
            "row 8: stage “Limbo” is not matched to a step of your process; choose one in the stage list",
            "row 9: the “Company” cell is 10001 characters long; the most is 10000",
            "row 10: “lots” is not an amount",
            "row 11: the deal has no title",
            "row 12: no contact name, company or email: a deal needs a contact",
        ]
    );
    assert_eq!((p.rows_ok, p.new_deals, p.new_contacts), (2, 2, 1));
    let titles: Vec<&str> = p
        .book_after
        .deals
        .iter()
        .map(|d| d.title.as_str())
        .collect();
    assert_eq!(titles, vec!["Good one", "Multi\nline"]);
    assert_eq!(io::validate(&p.book_after, today()), Ok(()));
}

#[test]
fn unreadable_files_get_clear_messages() {
    assert_eq!(io::sniff(b""), Err(ImportError::Empty));
    assert_eq!(io::sniff(b"\xEF\xBB\xBF \r\n"), Err(ImportError::Empty));
    assert_eq!(io::sniff(b"Name,Email\n"), Err(ImportError::NoRows));
    let binary = io::sniff(b"ab\0cd\x01\x02").unwrap_err();
    assert!(binary.to_string().contains("not a text file"), "{binary}");
    let xlsx = io::sniff(b"PK\x03\x04\x14\0\x06\0").unwrap_err();
    assert!(xlsx.to_string().contains("Excel workbook"), "{xlsx}");
    assert!(ImportError::NoRows.to_string().contains("no data rows"));
}

#[test]
fn ten_thousand_rows_import_quickly() {
    let mut text =
        String::from("Deal name,Company,Contact,Email,Stage,Amount,Create date,Close date\n");
    for i in 0..10_000 {
        let stage = ["Lead", "Proposal", "Closed Won", "Closed Lost"][i % 4];
        let close = if i % 4 >= 2 { "2025-05-01" } else { "" };
        text.push_str(&format!(
            "Deal {i},Company {},Person {},p{}@x.example,{stage},{}.50,2025-0{}-1{},{close}\n",
            i % 900,
            i % 2000,
            i % 2000,
            i * 7 % 100_000,
            1 + i % 4,
            i % 10
        ));
    }
    let start = std::time::Instant::now();
    let got = import_guessed(text.as_bytes(), Target::Deals, &Book::default());
    let elapsed = start.elapsed();
    assert_eq!(got.preview.errors, vec![]);
    assert_eq!(
        (got.preview.new_deals, got.preview.new_contacts),
        (10_000, 2000)
    );
    eprintln!("10,000-row deals import: {elapsed:?}");
    // Generous for debug builds on a shared machine; release is far faster.
    assert!(elapsed.as_secs_f64() < 10.0, "{elapsed:?}");
}

// ---------------------------------------------------------------- never panic

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_never_panic_the_import(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(sniffed) = io::sniff(&bytes) {
            for target in [Target::Contacts, Target::Deals, Target::Tasks] {
                let mapping = io::guess_mapping(&sniffed.headers, target);
                let mut ids = SeededIds::new(5);
                let stages = io::guess_stage_mapping(&sniffed.stage_values(&mapping), &Process::default());
                let format = io::detect_date_format(&sniffed.date_samples(&mapping)).format().unwrap_or(DateFormat::Iso);
                let _ = io::preview(&sniffed, target, &mapping, format, &stages, &sample_book(), today(), &mut ids, NOW);
            }
        }
    }

    #[test]
    fn random_csv_text_never_panics_with_every_field(
        cells in prop::collection::vec(prop::collection::vec("[ -~éü€\n\"]{0,12}", 1..30), 2..6),
        target in 0usize..3,
    ) {
        let text: String = cells
            .iter()
            .map(|row| row.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect::<Vec<_>>().join(","))
            .collect::<Vec<_>>()
            .join("\n");
        if let Ok(sniffed) = io::sniff(text.as_bytes()) {
            let target = [Target::Contacts, Target::Deals, Target::Tasks][target];
            let choices = Field::choices(target);
            let mapping: Vec<Field> = (0..sniffed.headers.len()).map(|i| choices[i % choices.len()]).collect();
            let values = sniffed.stage_values(&mapping);
            let stages = io::guess_stage_mapping(&values, &Process::default());
            for format in [DateFormat::Iso, DateFormat::DayFirst, DateFormat::MonthFirst] {
                let mut ids = SeededIds::new(5);
                let p = io::preview(&sniffed, target, &mapping, format, &stages, &sample_book(), today(), &mut ids, NOW);
                prop_assert_eq!(io::validate(&p.book_after, today()), Ok(()));
            }
        }
    }

    #[test]
    fn random_text_never_panics_the_restore(text in "\\PC{0,300}") {
        let _ = io::read_backup(&text, today());
    }

    #[test]
    fn damaged_backups_never_panic(cut in 0usize..4000, byte in any::<u8>()) {
        let mut bytes = io::backup_json(&sample_book(), NOW).into_bytes();
        if let Some(b) = bytes.get_mut(cut) {
            *b = byte;
        }
        let _ = io::read_backup(&String::from_utf8_lossy(&bytes), today());
        let cut_short = String::from_utf8_lossy(&bytes[..cut.min(bytes.len())]);
        let _ = io::read_backup(&cut_short, today());
    }
}

// ---------------------------------------------------------------- iCalendar

#[test]
fn ics_export_matches_the_sample_read_by_node() {
    let text = io::export_ics(&sample_book(), NOW);
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        assert!(!line.contains('\n'));
    }
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 4);
    assert!(text.contains("DTSTART:20250702T093000\r\nDURATION:PT45M\r\n"));
    assert!(text.contains("DTSTART;VALUE=DATE:20250201\r\n"));
    assert!(
        text.contains("SUMMARY:Call: Call Ann\\, re: renewal\\; bring numbers [Needs analysis]")
    );
    assert!(text.contains("DTSTAMP:20250630T120000Z"));

    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/node/fixtures/sample.ics");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
    }
    let stored =
        std::fs::read_to_string(&path).expect("run with UPDATE_FIXTURES=1 to write the sample");
    assert_eq!(
        stored, text,
        "the sample is stale: run with UPDATE_FIXTURES=1"
    );
}
