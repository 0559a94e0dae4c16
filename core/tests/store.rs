//! The storage format: frozen fixtures of every schema, the schema-1 migration, round
//! trips, damaged input, size.

#[path = "fixtures/pipeline.rs"]
mod pipeline;
#[path = "fixtures/small_books.rs"]
mod small_books;

use pipewise_core::store::{
    decode, encode, encode_units, from_backup_json, peek_revision, to_backup_json, DecodeError,
    Decoded, SCHEMA_VERSION,
};
use pipewise_core::*;
use proptest::prelude::*;
use small_books::{day, id, schema1_book, schema2_book, JAN_1, LEGAL, TRIAL};
use std::collections::HashSet;
use std::path::PathBuf;

// ---- Fixtures ----
//
// Each fixture is the exact text a released Pipewise wrote: a golden file copied from
// the program's own output. They must NEVER be regenerated to make a failing test pass:
// a failure means the format changed, and old data in users' browsers would no longer
// read. Add a new schema instead. Fixtures are written only when missing and
// PIPEWISE_WRITE_FIXTURES=1 is set (once, when a schema is first added). If a
// miniz_oxide upgrade alone changes the packed bytes, the decode test still passes;
// keep the old fixture and add a second one.

const PACKED_V1: &str = "schema1.packed.txt";
const BACKUP_V1: &str = "schema1.backup.json";
const PACKED_V2: &str = "schema2.packed.txt";
const BACKUP_V2: &str = "schema2.backup.json";
const FIXTURE_REVISION: u64 = 42;
const GOLDEN_DEAL: u64 = 1_624_090_038_880_371_705;
const GOLDEN_CONTACT: u64 = 12_500_936_195_083_910_997;

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A fixture of a schema this Pipewise no longer writes.
fn old_fixture(name: &str) -> String {
    let path = fixture_path(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("fixture {} is missing ({e})", path.display()))
}

/// A fixture of the schema this Pipewise writes; `fresh` is what it writes now.
fn fixture(name: &str, fresh: &str) -> String {
    let path = fixture_path(name);
    if !path.exists() && std::env::var("PIPEWISE_WRITE_FIXTURES").as_deref() == Ok("1") {
        std::fs::write(&path, fresh).unwrap();
    }
    old_fixture(name)
}

// ---- Schema 1: read and migrated ----

/// What every migrated schema-1 book must look like, checked by hand rather than by the
/// migration's own code.
fn check_migrated(book: &Book) {
    let old = schema1_book();
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
    assert_eq!(book.settings.me, "Alice");

    // Steps keep their ids and order, ranked apart.
    let ids: Vec<u64> = book.process.steps.iter().map(|s| s.id.0).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5, 6, 7]);
    assert!(book.process.steps.windows(2).all(|w| w[0].rank < w[1].rank));
    // Every field takes the record's one stamp; nothing is hidden or removed.
    for (c, was) in book.contacts.iter().zip(&old.contacts) {
        assert_eq!(c.stamps, [was.edited; 7]);
        assert_eq!((c.edited, c.removed), (was.edited, 0));
        assert!(c.hidden_types.is_empty());
    }
    for (t, was) in book.tasks.iter().zip(&old.tasks) {
        assert_eq!(t.stamps, [was.edited; 10]);
        assert_eq!((t.edited, t.removed), (was.edited, 0));
    }
    for (d, was) in book.deals.iter().zip(&old.deals) {
        assert_eq!(d.stamps, [was.edited; 8]);
        assert_eq!((d.edited, d.removed), (was.edited, 0));
        assert!(d.hidden.is_empty());
        // The history keeps its order: same stages and days, `at` counting up.
        let kept: Vec<(Day, String)> = d.history.iter().map(|h| (h.on, h.note.clone())).collect();
        let given: Vec<(Day, String)> =
            was.history.iter().map(|h| (h.on, h.note.clone())).collect();
        assert_eq!(kept, given);
        assert!(d.history.windows(2).all(|w| w[0].at < w[1].at));
        // Every entry has an id, its own.
        let ids: HashSet<ChangeId> = d.history.iter().map(|h| h.id).collect();
        assert_eq!(ids.len(), d.history.len(), "{:?}", d.history);
        assert!(!ids.contains(&ChangeId::default()));
        assert!(d
            .history
            .iter()
            .all(|h| h.stamps == [h.at; 3] && h.removed == 0));
    }
    let pilot: Vec<Stage> = book.deals[0].history.iter().map(|h| h.stage).collect();
    assert_eq!(
        pilot,
        [
            Stage::Step(StepId(1)),
            Stage::Step(StepId(3)),
            Stage::Step(StepId(5)),
            Stage::Won
        ]
    );
    let types: HashSet<ChangeId> = book.contacts[0].types.iter().map(|t| t.id).collect();
    assert_eq!(types.len(), 2);
    assert!(book.gone.is_empty());
    assert_eq!(book, &Book::from(schema1_book()));
}

#[test]
fn packed_schema_1_fixture_decodes_and_migrates() {
    let stored = old_fixture(PACKED_V1);
    let decoded = decode(stored.trim_end()).unwrap();
    assert_eq!(decoded.version, 1);
    assert_eq!(decoded.revision, FIXTURE_REVISION);
    check_migrated(&decoded.book);
}

#[test]
fn backup_schema_1_fixture_reads_and_migrates() {
    let text = old_fixture(BACKUP_V1);
    assert!(text.contains("\"on\": \"2025-12-15\""), "days are readable");
    check_migrated(&from_backup_json(&text).unwrap());
}

#[test]
fn schema_1_called_every_rep_me_and_that_is_no_name() {
    let text = old_fixture(BACKUP_V1).replacen("\"me\": \"Alice\"", "\"me\": \"Me\"", 1);
    assert_eq!(from_backup_json(&text).unwrap().settings.me, "");
    let mut old = schema1_book();
    old.settings.me = "Me".into();
    assert_eq!(Book::from(old).settings.me, "");
}

#[test]
fn repeated_schema_1_entries_get_ids_of_their_own() {
    let mut old = schema1_book();
    let again = old.deals[0].history[1].clone();
    old.deals[0].history.insert(2, again);
    let book = Book::from(old.clone());
    let ids: HashSet<ChangeId> = book.deals[0].history.iter().map(|h| h.id).collect();
    assert_eq!(ids.len(), 5);
    // The same record migrated twice (in two browsers) gets the same ids.
    assert_eq!(Book::from(old), book);
}

// ---- Schema 2: golden fixtures ----
//
// Change detectors: the "is what … writes" tests fail on any change of the bytes
// written, even one that still reads back. That is on purpose; see the note above.

#[test]
fn packed_schema_2_fixture_decodes() {
    let stored = fixture(PACKED_V2, &encode(&schema2_book(), FIXTURE_REVISION));
    assert_eq!(
        decode(stored.trim_end()),
        Ok(Decoded {
            book: schema2_book(),
            revision: FIXTURE_REVISION,
            version: 2,
        })
    );
}

#[test]
fn packed_schema_2_fixture_is_what_encode_writes() {
    let fresh = encode(&schema2_book(), FIXTURE_REVISION);
    let stored = fixture(PACKED_V2, &fresh);
    assert_eq!(fresh, stored.trim_end(), "the packed format changed");
}

#[test]
fn backup_schema_2_fixture_reads() {
    let text = fixture(BACKUP_V2, &to_backup_json(&schema2_book()));
    assert_eq!(from_backup_json(&text), Ok(schema2_book()));
    assert!(text.contains("\"schema\": 2"));
    assert!(text.contains("\"on\": \"2025-12-15\""), "days are readable");
}

#[test]
fn backup_schema_2_fixture_is_what_backup_writes() {
    let fresh = to_backup_json(&schema2_book());
    let text = fixture(BACKUP_V2, &fresh);
    assert_eq!(fresh, text, "the backup format changed");
}

#[test]
fn the_schema_2_book_has_what_schema_2_added() {
    // Guards the fixture's purpose: each new kind of data is in it.
    let book = schema2_book();
    assert!(book.process.step(LEGAL).is_some());
    assert_eq!(book.gone.steps[0].id, TRIAL);
    assert!(!book.contacts[0].hidden_types.is_empty());
    assert!(book.deals.iter().all(|d| !d.hidden.is_empty()));
    assert!(book.deals[0].hidden[0].removed != 0);
    assert!(book.deals[0].history[1].stamps != [book.deals[0].history[1].at; 3]);
    assert!(book.contacts[2].stamps != [book.contacts[2].edited; 7]);
    assert_eq!(book.gone.deals[0].contact, book.gone.contacts[0].id);
    assert_eq!(book.gone.tasks[0].deal, Some(book.gone.deals[0].id));
    assert!(book.settings.stamps[0] != book.settings.stamps[1]);
}

// ---- Round trips and headers ----

#[test]
fn encode_then_decode_gives_the_same_book() {
    let book = schema2_book();
    let stored = encode(&book, 7);
    assert!(stored.starts_with("pipewise:2:7:"));
    assert_eq!(
        decode(&stored),
        Ok(Decoded {
            book: book.clone(),
            revision: 7,
            version: SCHEMA_VERSION
        })
    );
    assert_eq!(from_backup_json(&to_backup_json(&book)), Ok(book));
    assert_eq!(
        decode(&encode(&Book::default(), 0)).unwrap().book,
        Book::default()
    );
    let migrated = Book::from(schema1_book());
    assert_eq!(decode(&encode(&migrated, 3)).unwrap().book, migrated);
}

#[test]
fn peek_revision_reads_only_the_header() {
    let stored = encode(&schema2_book(), 123_456);
    assert_eq!(peek_revision(&stored), Some(123_456));
    assert_eq!(peek_revision("pipewise:2:99:garbage"), Some(99));
    assert_eq!(peek_revision("pipewise:1:98:garbage"), Some(98));
    assert_eq!(peek_revision("pipewise:2:x:"), None);
    assert_eq!(peek_revision("hello"), None);
    assert_eq!(peek_revision(""), None);
    let random = u64::MAX - 12_345;
    assert_eq!(
        peek_revision(&encode(&schema2_book(), random)),
        Some(random)
    );
}

#[test]
fn dangling_references_survive() {
    let mut book = schema2_book();
    book.deals[0].contact = ContactId(id(99));
    book.tasks[0].deal = Some(DealId(id(98)));
    book.tasks[1].contact = ContactId(id(97));
    book.deals[1].history[0].stage = Stage::Step(StepId(u64::MAX));
    book.tasks[2].tag = Tag::Stage(Stage::Step(StepId(404)));
    assert_eq!(decode(&encode(&book, 1)).unwrap().book, book);
    assert_eq!(from_backup_json(&to_backup_json(&book)).unwrap(), book);
}

#[test]
fn extreme_stamps_survive() {
    let mut book = schema2_book();
    let extremes = [i64::MIN, i64::MIN + 1, -1, 0, 1, i64::MAX - 1, i64::MAX];
    let changes = book.deals.iter_mut().flat_map(|d| d.history.iter_mut());
    for (h, (&at, &removed)) in changes.zip(extremes.iter().zip(extremes.iter().rev())) {
        h.at = at;
        h.removed = removed;
        h.stamps = [removed, at, i64::MIN];
    }
    for (c, &edited) in book.contacts.iter_mut().zip(&extremes) {
        c.edited = edited;
        c.removed = edited.wrapping_neg();
        c.stamps = [i64::MAX, i64::MIN, 0, i64::MAX, 1, -1, edited];
    }
    book.settings.stamps = [i64::MIN, i64::MAX];
    assert_eq!(decode(&encode(&book, 1)).unwrap().book, book);
    assert_eq!(from_backup_json(&to_backup_json(&book)).unwrap(), book);
}

/// Records as small as the packed form gets (no text, no history, one stamp): the
/// reader's lower bound on a record's size must not refuse them.
#[test]
fn bare_records_round_trip() {
    let contact = Contact {
        id: ContactId(id(1)),
        name: String::new(),
        company: String::new(),
        email: String::new(),
        phone: String::new(),
        owner: String::new(),
        source: String::new(),
        notes: String::new(),
        types: Vec::new(),
        hidden_types: Vec::new(),
        stamps: [0; 7],
        edited: 0,
        removed: 0,
    };
    let deal = Deal {
        id: DealId(id(2)),
        title: String::new(),
        contact: contact.id,
        owner: String::new(),
        value: 0,
        currency: String::new(),
        source: String::new(),
        expected_close: None,
        notes: String::new(),
        history: Vec::new(),
        hidden: Vec::new(),
        stamps: [0; 8],
        edited: 0,
        removed: 0,
    };
    let task = Task {
        id: TaskId(id(3)),
        title: String::new(),
        on: Day(0),
        time: None,
        duration: None,
        kind: TaskKind::Call,
        contact: contact.id,
        deal: None,
        done_on: None,
        notes: String::new(),
        tag: Tag::Contact(ContactType::Lead),
        stamps: [0; 10],
        edited: 0,
        removed: 0,
    };
    let step = Step {
        id: StepId(1),
        name: String::new(),
        stuck_after: None,
        rank: 0,
        stamps: [0; 3],
        removed: 0,
    };
    let entry = TypeChange::new(ChangeId(1), ContactType::Lead, Day(0), 0);
    let books = [
        Book {
            contacts: vec![contact.clone(); 50],
            ..Book::default()
        },
        Book {
            deals: vec![deal; 50],
            ..Book::default()
        },
        Book {
            tasks: vec![task; 50],
            ..Book::default()
        },
        Book {
            process: Process {
                steps: vec![step; 50],
            },
            ..Book::default()
        },
        Book {
            contacts: vec![Contact {
                types: vec![entry; 50],
                ..contact
            }],
            ..Book::default()
        },
    ];
    for book in books {
        assert_eq!(decode(&encode(&book, 1)).unwrap().book, book);
    }
}

#[test]
fn saved_is_the_newest_edit_removed_records_included() {
    let mut book = schema2_book();
    book.gone.tasks[0].edited = JAN_1 + 9;
    let text = to_backup_json(&book);
    assert!(
        text.contains(&format!("\"saved\": {}", JAN_1 + 9)),
        "{text}"
    );
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
    let stored = encode(&schema2_book(), 5).replacen("pipewise:2:", "pipewise:3:", 1);
    let err = decode(&stored).unwrap_err();
    assert_eq!(err, DecodeError::NewerVersion { found: 3 });
    assert!(err
        .to_string()
        .starts_with("This data was saved by a newer version of Pipewise (schema 3)"));
    let backup = to_backup_json(&schema2_book()).replacen("\"schema\": 2", "\"schema\": 3", 1);
    assert_eq!(
        from_backup_json(&backup),
        Err(DecodeError::NewerVersion { found: 3 })
    );
}

#[test]
fn damage_is_reported_not_guessed() {
    let stored = encode(&schema2_book(), 5);
    // A changed revision in the header fails the checksum.
    let tampered = stored.replacen(":5:", ":6:", 1);
    assert!(matches!(decode(&tampered), Err(DecodeError::Corrupt(_))));
    // So does a schema-2 payload labelled schema 1.
    let relabelled = stored.replacen("pipewise:2:", "pipewise:1:", 1);
    assert!(matches!(decode(&relabelled), Err(DecodeError::Corrupt(_))));
    for bad in [
        "pipewise:x:1:",
        "pipewise:0:1:",
        "pipewise:1:1:",
        "pipewise:2:1:",
        "pipewise:1:+1:abc",
    ] {
        let err = decode(bad).unwrap_err();
        assert!(matches!(err, DecodeError::Corrupt(_)), "{bad:?}: {err:?}");
        assert!(err.to_string().starts_with("This Pipewise data is damaged"));
    }
    for bad in [
        r#"{"app":"pipewise"}"#,
        r#"{"app":"pipewise","schema":0,"book":{}}"#,
        r#"{"app":"pipewise","schema":2,"book":{}}"#,
    ] {
        assert!(
            matches!(from_backup_json(bad), Err(DecodeError::Corrupt(_))),
            "{bad}"
        );
    }
    let backup = to_backup_json(&schema2_book());
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
    let json = to_backup_json(&book).encode_utf16().count();
    println!("10k pipeline: {units} UTF-16 units stored ({json} as a JSON backup)");
    // Schema 2 takes 1,938,229 units; schema 1 took 1,344,008 for the same records. Most
    // of the growth is the 80,000 history entries' random ids and the moments they were
    // entered (~0.48M units), which no compression shrinks; field stamps add ~0.08M.
    assert!(units < 2_100_000, "{units} units");
    assert_eq!(decode(&stored).unwrap().book, book);
}

// ---- Properties ----

fn any_day() -> impl Strategy<Value = Day> {
    prop_oneof![4 => (18_000..22_000i32).prop_map(Day), 1 => any::<i32>().prop_map(Day)]
}

/// Mostly plausible stamps, some 0 (never), some anything.
fn any_stamp() -> impl Strategy<Value = Stamp> {
    prop_oneof![
        3 => 1_700_000_000_000..1_800_000_000_000i64,
        1 => Just(0),
        1 => any::<i64>(),
    ]
}

fn any_step_id() -> impl Strategy<Value = StepId> {
    prop_oneof![(1u64..9).prop_map(StepId), any::<u64>().prop_map(StepId)]
}

fn any_stage() -> impl Strategy<Value = Stage> {
    prop_oneof![
        any_step_id().prop_map(Stage::Step),
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

fn any_step() -> impl Strategy<Value = Step> {
    (
        any_step_id(),
        text(),
        prop::option::of(any::<u32>()),
        any::<u64>(),
        prop::array::uniform3(any_stamp()),
        any_stamp(),
    )
        .prop_map(|(id, name, stuck_after, rank, stamps, removed)| Step {
            id,
            name,
            stuck_after,
            rank,
            stamps,
            removed,
        })
}

fn any_type_change() -> impl Strategy<Value = TypeChange> {
    (
        any::<u64>(),
        any_contact_type(),
        any_day(),
        any_stamp(),
        any_stamp(),
    )
        .prop_map(|(id, kind, on, at, removed)| TypeChange {
            id: ChangeId(id),
            kind,
            on,
            at,
            removed,
        })
}

fn any_stage_change() -> impl Strategy<Value = StageChange> {
    (
        (any::<u64>(), any_stage(), any_day(), text()),
        (any_stamp(), prop::array::uniform3(any_stamp()), any_stamp()),
    )
        .prop_map(
            |((id, stage, on, note), (at, stamps, removed))| StageChange {
                id: ChangeId(id),
                stage,
                on,
                note,
                at,
                stamps,
                removed,
            },
        )
}

fn any_contact() -> impl Strategy<Value = Contact> {
    (
        any_id(),
        (text(), text(), text(), text()),
        (text(), text(), text()),
        prop::collection::vec(any_type_change(), 0..3),
        prop::collection::vec(any_type_change(), 0..2),
        (prop::array::uniform7(any_stamp()), any_stamp(), any_stamp()),
    )
        .prop_map(
            |(
                id,
                (name, company, email, phone),
                (owner, source, notes),
                types,
                hidden_types,
                (stamps, edited, removed),
            )| Contact {
                id: ContactId(id),
                name,
                company,
                email,
                phone,
                owner,
                source,
                notes,
                types,
                hidden_types,
                stamps,
                edited,
                removed,
            },
        )
}

fn any_deal() -> impl Strategy<Value = Deal> {
    (
        (any_id(), any_id(), text(), text()),
        (any::<i64>(), text(), text(), prop::option::of(any_day())),
        prop::collection::vec(any_stage_change(), 0..4),
        prop::collection::vec(any_stage_change(), 0..2),
        (
            text(),
            prop::array::uniform8(any_stamp()),
            any_stamp(),
            any_stamp(),
        ),
    )
        .prop_map(
            |(
                (id, contact, title, owner),
                (value, currency, source, close),
                history,
                hidden,
                (notes, stamps, edited, removed),
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
                history,
                hidden,
                stamps,
                edited,
                removed,
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
        (text(), tag),
        (
            prop::array::uniform10(any_stamp()),
            any_stamp(),
            any_stamp(),
        ),
    )
        .prop_map(
            |(
                (id, title, on, time),
                (duration, kind),
                (contact, deal, done_on),
                (notes, tag),
                (stamps, edited, removed),
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
                stamps,
                edited,
                removed,
            },
        )
}

fn any_book() -> impl Strategy<Value = Book> {
    let gone = (
        prop::collection::vec(any_step(), 0..2),
        prop::collection::vec(any_contact(), 0..2),
        prop::collection::vec(any_deal(), 0..2),
        prop::collection::vec(any_task(), 0..2),
    )
        .prop_map(|(steps, contacts, deals, tasks)| Gone {
            steps,
            contacts,
            deals,
            tasks,
        });
    (
        prop::collection::vec(any_step(), 0..4),
        prop::collection::vec(any_contact(), 0..4),
        prop::collection::vec(any_deal(), 0..4),
        prop::collection::vec(any_task(), 0..5),
        (text(), text(), prop::array::uniform2(any_stamp())),
        gone,
    )
        .prop_map(
            |(steps, contacts, deals, tasks, (currency, me, stamps), gone)| Book {
                process: Process { steps },
                contacts,
                deals,
                tasks,
                settings: Settings {
                    currency,
                    me,
                    stamps,
                },
                gone,
            },
        )
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
        for schema in 1..=3 {
            let stored = format!("pipewise:{schema}:3:{packed}");
            prop_assert!(decode(&stored).is_err());
        }
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

    /// The packed readers themselves, past the checksum that guards them in `decode`.
    #[test]
    fn packed_readers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = store::v1::packed::read(&bytes);
        let _ = store::v2::packed::read(&bytes);
    }

    #[test]
    fn damaged_payloads_never_panic(
        book in any_book(),
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        cut in any::<prop::sample::Index>(),
    ) {
        let payload = store::v2::packed::write(&book);
        prop_assert_eq!(store::v2::packed::read(&payload), Ok(book));
        let mut changed = payload.clone();
        if !changed.is_empty() {
            let i = at.index(changed.len());
            changed[i] = byte;
        }
        let _ = store::v2::packed::read(&changed);
        let _ = store::v1::packed::read(&changed);
        let end = cut.index(payload.len().max(1));
        prop_assert!(store::v2::packed::read(&payload[..end]).is_err());
    }

    #[test]
    fn damaged_backups_never_panic(book in any_book(), cut in any::<prop::sample::Index>()) {
        let text = to_backup_json(&book);
        let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let end = ends[cut.index(ends.len())];
        prop_assert!(from_backup_json(&text[..end]).is_err());
    }
}

/// Migrated entry ids are worked out from the entry alone with a digest that never
/// changes between builds, so two browsers (on two versions of Pipewise) migrating the
/// same schema-1 history give it the same ids and a merge sees one history, not two.
/// The values are golden: a change here breaks merges between versions.
#[test]
fn migrated_ids_are_the_same_in_every_build() {
    let migrated = Book::from(schema1_book());
    let first_deal = &migrated.deals[0].history;
    let first_contact = &migrated.contacts[0].types;
    assert_eq!(first_deal[0].id, pipewise_core::ChangeId(GOLDEN_DEAL));
    assert_eq!(first_contact[0].id, pipewise_core::ChangeId(GOLDEN_CONTACT));
}
