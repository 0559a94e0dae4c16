//! The storage format: round trips, frozen fixtures, damaged input, size.

#[path = "fixtures/pipeline.rs"]
mod pipeline;

use pipewise_core::store::{
    decode, encode, encode_units, from_backup_json, peek_revision, to_backup_json, DecodeError,
    Decoded, SCHEMA_VERSION,
};
use pipewise_core::*;
use proptest::prelude::*;
use std::path::PathBuf;

fn id(n: u128) -> Id {
    Id(0x1234_5678_9abc_4def_8000_0000_0000_0000 | n)
}

fn day(text: &str) -> Day {
    Day::parse_iso(text).unwrap()
}

/// The book behind the schema-1 fixtures. Frozen with them: changing it makes the
/// fixture tests fail, as they should.
fn small_book() -> Book {
    let mut process = Process::default();
    process.steps[2].name = "First meeting".into();
    process.steps[4].stuck_after = Some(21);
    let (ana, ben, chloe) = (ContactId(id(1)), ContactId(id(2)), ContactId(id(3)));
    let (pilot, renewal) = (DealId(id(11)), DealId(id(12)));
    let contact = |cid, name: &str, company: &str, owner: &str, types: Vec<TypeChange>| Contact {
        id: cid,
        name: name.into(),
        company: company.into(),
        email: format!(
            "{}@example.com",
            name.split(' ').next().unwrap().to_lowercase()
        ),
        phone: "+1 555 0100".into(),
        owner: owner.into(),
        source: "referral".into(),
        notes: String::new(),
        types,
        edited: 1_767_225_600_000,
    };
    let lead = |on| TypeChange {
        kind: ContactType::Lead,
        on: day(on),
    };
    let mut chloe_contact = contact(
        chloe,
        "Chloé Dubois",
        "Cédre & Fils",
        "Bob",
        vec![lead("2025-11-02")],
    );
    chloe_contact.notes = "Prefers email; café meetings only ☕".into();
    let change = |stage, on| StageChange {
        stage,
        on: day(on),
        note: String::new(),
    };
    Book {
        process,
        contacts: vec![
            contact(
                ana,
                "Ana Silva",
                "Blue Foods",
                "Alice",
                vec![
                    lead("2025-09-01"),
                    TypeChange {
                        kind: ContactType::Client,
                        on: day("2025-12-15"),
                    },
                ],
            ),
            contact(
                ben,
                "Ben Okafor",
                "Iron Labs",
                "Alice",
                vec![lead("2025-10-10")],
            ),
            chloe_contact,
        ],
        deals: vec![
            Deal {
                id: pilot,
                title: "Pilot, 50 seats".into(),
                contact: ana,
                owner: "Alice".into(),
                value: 1_250_000,
                currency: "USD".into(),
                source: "referral".into(),
                expected_close: None,
                notes: "Signed after the demo".into(),
                history: vec![
                    change(Stage::Step(StepId(1)), "2025-09-01"),
                    change(Stage::Step(StepId(3)), "2025-09-20"),
                    change(Stage::Step(StepId(5)), "2025-11-03"),
                    change(Stage::Won, "2025-12-15"),
                ],
                edited: 1_767_225_600_500,
            },
            Deal {
                id: renewal,
                title: "Licences".into(),
                contact: ben,
                owner: "Alice".into(),
                value: 480_000,
                currency: "EUR".into(),
                source: "event".into(),
                expected_close: Some(day("2026-02-28")),
                notes: String::new(),
                history: vec![
                    change(Stage::Step(StepId(1)), "2025-10-10"),
                    change(Stage::Step(StepId(2)), "2025-10-12"),
                    StageChange {
                        stage: Stage::Lost,
                        on: day("2025-12-01"),
                        note: "Went with a competitor".into(),
                    },
                ],
                edited: 1_767_225_601_000,
            },
        ],
        tasks: vec![
            Task {
                id: TaskId(id(21)),
                title: "Demo for the team".into(),
                on: day("2025-09-25"),
                time: Some(14 * 60 + 30),
                duration: Some(45),
                kind: TaskKind::Demo,
                contact: ana,
                deal: Some(pilot),
                done_on: Some(day("2025-09-25")),
                notes: "Bring the case study".into(),
                tag: Tag::Stage(Stage::Step(StepId(3))),
                edited: 1_767_225_602_000,
            },
            Task {
                id: TaskId(id(22)),
                title: "Call back".into(),
                on: day("2025-10-14"),
                time: None,
                duration: None,
                kind: TaskKind::FollowUp,
                contact: ben,
                deal: Some(renewal),
                done_on: None,
                notes: String::new(),
                tag: Tag::Stage(Stage::Step(StepId(2))),
                edited: 1_767_225_603_000,
            },
            Task {
                id: TaskId(id(23)),
                title: "Intro email".into(),
                on: day("2025-11-03"),
                time: Some(9 * 60),
                duration: None,
                kind: TaskKind::Email,
                contact: chloe,
                deal: None,
                done_on: None,
                notes: String::new(),
                tag: Tag::Contact(ContactType::Lead),
                edited: 1_767_225_604_000,
            },
        ],
        settings: Settings {
            currency: "EUR".into(),
            me: "Alice".into(),
        },
    }
}

// ---- Fixtures ----
//
// Each fixture is the exact text a released Pipewise wrote: a golden file copied from
// the program's own output, so these tests detect a change of format rather than
// derive an expectation by hand (the round-trip tests above do that). They must NEVER be
// regenerated to make a failing test pass: a failure here means the format changed,
// and old data in users' browsers would no longer read. Add a new schema instead.
// Fixtures are written only when missing and PIPEWISE_WRITE_FIXTURES=1 is set (once,
// when a schema is first added). If a miniz_oxide upgrade alone changes the packed
// bytes, the decode test still passes; keep the old fixture and add a second one.

const PACKED_V1: &str = "schema1.packed.txt";
const BACKUP_V1: &str = "schema1.backup.json";
const FIXTURE_REVISION: u64 = 42;

fn fixture(name: &str, fresh: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    if !path.exists() && std::env::var("PIPEWISE_WRITE_FIXTURES").as_deref() == Ok("1") {
        std::fs::write(&path, fresh).unwrap();
    }
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("fixture {} is missing ({e})", path.display()))
}

fn check_small_book(book: &Book) {
    assert_eq!(book.contacts.len(), 3);
    assert_eq!(book.contacts[2].name, "Chloé Dubois");
    assert_eq!(
        book.contacts[2].notes,
        "Prefers email; café meetings only ☕"
    );
    assert_eq!(book.contacts[0].kind(), ContactType::Client);
    assert_eq!(book.process.steps[2].name, "First meeting");
    assert_eq!(book.process.steps[4].stuck_after, Some(21));
    assert_eq!(book.deals[0].stage(), Stage::Won);
    assert_eq!(book.deals[0].since(), day("2025-12-15"));
    assert_eq!(book.deals[1].history[2].note, "Went with a competitor");
    assert_eq!(book.deals[1].expected_close, Some(day("2026-02-28")));
    assert_eq!(book.tasks[0].time, Some(870));
    assert_eq!(book.tasks[1].kind, TaskKind::FollowUp);
    assert_eq!(book.tasks[2].deal, None);
    assert_eq!(book.tasks[2].tag, Tag::Contact(ContactType::Lead));
    assert_eq!(book.settings.currency, "EUR");
    assert_eq!(book, &small_book());
}

#[test]
fn packed_schema_1_fixture_decodes() {
    let stored = fixture(PACKED_V1, &encode(&small_book(), FIXTURE_REVISION));
    let decoded = decode(stored.trim_end()).unwrap();
    assert_eq!(decoded.version, 1);
    assert_eq!(decoded.revision, FIXTURE_REVISION);
    check_small_book(&decoded.book);
}

#[test]
fn packed_schema_1_fixture_is_what_encode_writes() {
    let fresh = encode(&small_book(), FIXTURE_REVISION);
    let stored = fixture(PACKED_V1, &fresh);
    assert_eq!(fresh, stored.trim_end(), "the packed format changed");
}

#[test]
fn backup_schema_1_fixture_reads() {
    let text = fixture(BACKUP_V1, &to_backup_json(&small_book()));
    check_small_book(&from_backup_json(&text).unwrap());
    assert!(text.contains("\"on\": \"2025-12-15\""), "days are readable");
}

#[test]
fn backup_schema_1_fixture_is_what_backup_writes() {
    let fresh = to_backup_json(&small_book());
    let text = fixture(BACKUP_V1, &fresh);
    assert_eq!(fresh, text, "the backup format changed");
}

// ---- Round trips and headers ----

#[test]
fn encode_then_decode_gives_the_same_book() {
    let book = small_book();
    let stored = encode(&book, 7);
    assert!(stored.starts_with("pipewise:1:7:"));
    assert_eq!(
        decode(&stored),
        Ok(Decoded {
            book,
            revision: 7,
            version: SCHEMA_VERSION
        })
    );
    assert_eq!(
        decode(&encode(&Book::default(), 0)).unwrap().book,
        Book::default()
    );
}

#[test]
fn peek_revision_reads_only_the_header() {
    let stored = encode(&small_book(), 123_456);
    assert_eq!(peek_revision(&stored), Some(123_456));
    assert_eq!(peek_revision("pipewise:1:99:garbage"), Some(99));
    assert_eq!(peek_revision("pipewise:1:x:"), None);
    assert_eq!(peek_revision("hello"), None);
    assert_eq!(peek_revision(""), None);
}

#[test]
fn dangling_references_survive() {
    let mut book = small_book();
    book.deals[0].contact = ContactId(id(99));
    book.tasks[0].deal = Some(DealId(id(98)));
    book.tasks[1].contact = ContactId(id(97));
    assert_eq!(decode(&encode(&book, 1)).unwrap().book, book);
    assert_eq!(from_backup_json(&to_backup_json(&book)).unwrap(), book);
}

// ---- Errors ----

#[test]
fn strangers_data_is_not_ours() {
    for text in ["", "hello", "{\"todos\":[]}", "Pipewise:1:2:x", "pipewise"] {
        assert_eq!(decode(text), Err(DecodeError::NotOurs), "{text:?}");
    }
    for text in ["", "[1,2]", "{\"app\":\"todo\",\"schema\":1}", "not json"] {
        assert_eq!(
            from_backup_json(text),
            Err(DecodeError::NotOurs),
            "{text:?}"
        );
    }
}

#[test]
fn newer_schemas_are_refused_plainly() {
    let stored = encode(&small_book(), 5).replacen("pipewise:1:", "pipewise:3:", 1);
    let err = decode(&stored).unwrap_err();
    assert_eq!(err, DecodeError::NewerVersion { found: 3 });
    assert!(err
        .to_string()
        .starts_with("This data was saved by a newer version of Pipewise (schema 3)"));
    let backup = to_backup_json(&small_book()).replacen("\"schema\": 1", "\"schema\": 2", 1);
    assert_eq!(
        from_backup_json(&backup),
        Err(DecodeError::NewerVersion { found: 2 })
    );
}

#[test]
fn damage_is_reported_not_guessed() {
    let stored = encode(&small_book(), 5);
    // A changed revision in the header fails the checksum.
    let tampered = stored.replacen(":5:", ":6:", 1);
    assert!(matches!(decode(&tampered), Err(DecodeError::Corrupt(_))));
    for bad in [
        "pipewise:x:1:",
        "pipewise:0:1:",
        "pipewise:1:1:",
        "pipewise:1:+1:abc",
    ] {
        let err = decode(bad).unwrap_err();
        assert!(matches!(err, DecodeError::Corrupt(_)), "{bad:?}: {err:?}");
        assert!(err.to_string().starts_with("This Pipewise data is damaged"));
    }
    for bad in [
        r#"{"app":"pipewise"}"#,
        r#"{"app":"pipewise","schema":0,"book":{}}"#,
    ] {
        assert!(
            matches!(from_backup_json(bad), Err(DecodeError::Corrupt(_))),
            "{bad}"
        );
    }
    let backup = to_backup_json(&small_book());
    let cut = &backup[..backup.len() / 2];
    assert!(matches!(
        from_backup_json(cut),
        Err(DecodeError::Corrupt(_))
    ));
    let no_name = backup.replacen("\"name\": \"Ana Silva\",", "", 1);
    let err = from_backup_json(&no_name).unwrap_err();
    assert!(err.to_string().contains("missing field `name`"), "{err}");
}

// ---- Size of a big pipeline ----

#[test]
fn ten_thousand_deals_fit_in_safaris_quota() {
    let book = pipeline::pipeline(10_000, 7);
    assert_eq!(book.deals.len(), 10_000);
    assert_eq!(
        book.deals.iter().map(|d| d.history.len()).sum::<usize>(),
        60_000
    );
    assert_eq!(book.tasks.len(), 30_000);
    let stored = encode(&book, 1);
    let units = stored.encode_utf16().count();
    let json = serde_json::to_string(&book).unwrap().encode_utf16().count();
    println!("10k pipeline: {units} UTF-16 units stored ({json} as plain JSON)");
    assert!(units < 2_500_000, "{units} units");
    assert_eq!(decode(&stored).unwrap().book, book);
}

// ---- Properties ----

fn any_day() -> impl Strategy<Value = Day> {
    prop_oneof![4 => (18_000..22_000i32).prop_map(Day), 1 => any::<i32>().prop_map(Day)]
}

fn any_stage() -> impl Strategy<Value = Stage> {
    prop_oneof![
        any::<u32>().prop_map(|n| Stage::Step(StepId(n))),
        Just(Stage::Won),
        Just(Stage::Lost),
    ]
}

fn any_contact_type() -> impl Strategy<Value = ContactType> {
    prop::sample::select(ContactType::ALL.to_vec())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "[a-z ]{0,12}", any::<String>()]
}

fn any_id() -> impl Strategy<Value = Id> {
    prop_oneof![(0u128..4).prop_map(id), any::<u128>().prop_map(Id)]
}

fn any_contact() -> impl Strategy<Value = Contact> {
    (
        any_id(),
        (text(), text(), text(), text()),
        (text(), text(), text()),
        prop::collection::vec((any_contact_type(), any_day()), 0..3),
        any::<i64>(),
    )
        .prop_map(
            |(id, (name, company, email, phone), (owner, source, notes), types, edited)| Contact {
                id: ContactId(id),
                name,
                company,
                email,
                phone,
                owner,
                source,
                notes,
                types: types
                    .into_iter()
                    .map(|(kind, on)| TypeChange { kind, on })
                    .collect(),
                edited,
            },
        )
}

fn any_deal() -> impl Strategy<Value = Deal> {
    (
        (any_id(), any_id(), text(), text()),
        (any::<i64>(), text(), text(), prop::option::of(any_day())),
        prop::collection::vec((any_stage(), any_day(), text()), 0..4),
        (text(), any::<i64>()),
    )
        .prop_map(
            |(
                (id, contact, title, owner),
                (value, currency, source, close),
                history,
                (notes, edited),
            )| Deal {
                id: DealId(id),
                title,
                contact: ContactId(contact),
                owner,
                value,
                currency,
                source,
                expected_close: close,
                notes,
                history: history
                    .into_iter()
                    .map(|(stage, on, note)| StageChange { stage, on, note })
                    .collect(),
                edited,
            },
        )
}

fn any_task() -> impl Strategy<Value = Task> {
    let tag = prop_oneof![
        any_stage().prop_map(Tag::Stage),
        any_contact_type().prop_map(Tag::Contact)
    ];
    (
        (any_id(), text(), any_day(), prop::option::of(any::<u16>())),
        (
            prop::option::of(any::<u16>()),
            prop::sample::select(TaskKind::ALL.to_vec()),
        ),
        (
            any_id(),
            prop::option::of(any_id()),
            prop::option::of(any_day()),
        ),
        (text(), tag, any::<i64>()),
    )
        .prop_map(
            |(
                (id, title, on, time),
                (duration, kind),
                (contact, deal, done_on),
                (notes, tag, edited),
            )| Task {
                id: TaskId(id),
                title,
                on,
                time,
                duration,
                kind,
                contact: ContactId(contact),
                deal: deal.map(DealId),
                done_on,
                notes,
                tag,
                edited,
            },
        )
}

fn any_book() -> impl Strategy<Value = Book> {
    (
        prop::collection::vec((any::<u32>(), text(), prop::option::of(any::<u32>())), 0..4),
        prop::collection::vec(any_contact(), 0..4),
        prop::collection::vec(any_deal(), 0..4),
        prop::collection::vec(any_task(), 0..5),
        (text(), text()),
    )
        .prop_map(|(steps, contacts, deals, tasks, (currency, me))| Book {
            process: Process {
                steps: steps
                    .into_iter()
                    .map(|(id, name, stuck_after)| Step {
                        id: StepId(id),
                        name,
                        stuck_after,
                    })
                    .collect(),
            },
            contacts,
            deals,
            tasks,
            settings: Settings { currency, me },
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_book_round_trips(book in any_book(), revision in any::<u64>()) {
        let stored = encode(&book, revision);
        // What the browser is handed is the same text, in UTF-16.
        prop_assert_eq!(encode_units(&book, revision), stored.encode_utf16().collect::<Vec<_>>());
        prop_assert_eq!(peek_revision(&stored), Some(revision));
        let decoded = decode(&stored).unwrap();
        prop_assert_eq!(&decoded.book, &book);
        prop_assert_eq!(decoded.revision, revision);
        prop_assert_eq!(&from_backup_json(&to_backup_json(&book)).unwrap(), &book);
    }

    #[test]
    fn random_text_never_panics(text in any::<String>(), packed in "[\u{4E00}-\u{CDFF}]{0,40}") {
        prop_assert!(decode(&text).is_err());
        let stored = format!("pipewise:1:3:{packed}");
        prop_assert!(decode(&stored).is_err());
        let _ = from_backup_json(&text);
    }

    #[test]
    fn truncated_data_is_an_error(book in any_book(), cut in any::<prop::sample::Index>()) {
        let stored = encode(&book, 9);
        let ends: Vec<usize> = stored.char_indices().map(|(i, _)| i).collect();
        let end = ends[cut.index(ends.len())];
        prop_assert!(decode(&stored[..end]).is_err());
    }

    #[test]
    fn flipped_bits_are_an_error(book in any_book(), at in any::<prop::sample::Index>(), bit in 0..21u32) {
        let stored = encode(&book, 9);
        let mut chars: Vec<char> = stored.chars().collect();
        let i = at.index(chars.len());
        if let Some(flipped) = char::from_u32(u32::from(chars[i]) ^ (1 << bit)) {
            chars[i] = flipped;
            let damaged: String = chars.into_iter().collect();
            prop_assert!(decode(&damaged).is_err());
        }
    }

    #[test]
    fn damaged_backups_never_panic(book in any_book(), cut in any::<prop::sample::Index>()) {
        let text = to_backup_json(&book);
        let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let end = ends[cut.index(ends.len())];
        prop_assert!(from_backup_json(&text[..end]).is_err());
    }
}
