//! Backups: round trips, schemas, and files refused with a clear message.

use super::*;

/// The backup a rep would download today: the current schema's JSON.
fn backup(book: &Book) -> String {
    pipewise_core::store::to_backup_json(book)
}

#[test]
fn the_versioned_backup_restores_through_read_backup() {
    let book = sample_book();
    let text = backup(&book);
    let head: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        (&head["app"], &head["schema"]),
        (&"pipewise".into(), &2.into())
    );
    assert_eq!(io::open_backup(&text, today()), Ok((book.clone(), 2)));
    assert_eq!(io::read_backup(&text, today()), Ok(book));
}

#[test]
fn a_backup_keeps_what_was_removed() {
    // Removed records travel in the backup, so a merge with it does not bring them back.
    let mut book = sample_book();
    let now = book::Now {
        today: today(),
        stamp: NOW,
    };
    let eve = book.contacts[2].id;
    book.remove_contact(eve, now).unwrap();
    let long = book.tasks[2].id;
    book.remove_task(long, now).unwrap();
    assert_eq!(book.gone.contacts.len(), 1);
    let restored = io::read_backup(&backup(&book), today()).unwrap();
    assert_eq!(restored, book);
    assert!(restored
        .gone
        .tasks
        .iter()
        .any(|t| t.id == long && t.removed == NOW));
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
    let text = backup(&sample_book());
    let newer = text.replacen("\"schema\": 2", "\"schema\": 5", 1);
    assert_eq!(
        io::read_backup(&newer, today()),
        Err(ImportError::NewerSchema { found: 5, known: 2 })
    );
    let bad_day = text.replacen("\"on\": \"2025-", "\"on\": \"2025-13-", 1);
    let message = restore_error(&bad_day);
    assert!(
        message.contains("damaged") && !message.contains(" at line "),
        "{message}"
    );
    // The first date in the file is Ann's first type change.
    let future = text.replacen("\"on\": \"2025-", "\"on\": \"2031-", 1);
    assert_eq!(
        restore_error(&future),
        "The file cannot be used: Contact 'Ann Lee': Type date 2031-01-02 is in the future."
    );
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
    // A 10,000-deal backup (about 55 MB) is read; what could never fit is not.
    assert_eq!(io::too_large(55_000_000, 5_200_000), None);
    assert_eq!(io::too_large(150_000_000, 5_000_000), None);
    let message = io::too_large(173_000_000, 5_000_000).unwrap();
    assert!(
        message.contains("173 MB") && message.contains("150 MB") && message.contains("5.0 MB"),
        "{message}"
    );
}

/// The backup text with one edit made to its JSON.
fn edited_backup(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value = serde_json::from_str(&backup(&sample_book())).unwrap();
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
    let full = backup(&sample_book());
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

/// A restored book keeps the book's own rules: the refusal is `Book::check`'s first
/// problem, in the rep's words.
#[test]
fn restored_records_must_keep_the_rules() {
    type Edit = Box<dyn FnOnce(&mut serde_json::Value)>;
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| {
                let first = v["book"]["contacts"][0]["id"].clone();
                v["book"]["contacts"][1]["id"] = first;
            }),
            "Contact 'Zoë Ångström' appears twice (id ",
        ),
        (
            Box::new(|v| {
                let first = v["book"]["deals"][0]["id"].clone();
                v["book"]["deals"][2]["id"] = first;
            }),
            "Deal '+1 seat' appears twice (id ",
        ),
        (
            Box::new(|v| {
                v["book"]["deals"][0]["contact"] = "0123456789abcdef0123456789abcdef".into()
            }),
            "Deal 'Ljus rollout, phase 1' belongs to a contact that does not exist",
        ),
        (
            Box::new(|v| v["book"]["tasks"][0]["deal"] = "0123456789abcdef0123456789abcdef".into()),
            "Task 'Call Ann, re: renewal; bring numbers' is for a deal that does not exist",
        ),
        (
            Box::new(|v| v["book"]["deals"][0]["history"][1]["on"] = day("2026-12-03").0.into()),
            "Deal 'Ljus rollout, phase 1': Stage date 2026-12-03 is in the future",
        ),
        (
            Box::new(|v| v["book"]["deals"][0]["history"][1]["on"] = day("2024-12-31").0.into()),
            "Deal 'Ljus rollout, phase 1': Stage date 2024-12-31 is before the previous change (2025-01-05)",
        ),
        (
            Box::new(|v| v["book"]["deals"][1]["history"] = serde_json::json!([])),
            "Deal 'Acme renewal' has no stage history",
        ),
        (
            Box::new(|v| v["book"]["contacts"][0]["types"] = serde_json::json!([])),
            "Contact 'Ann Lee' has no type history",
        ),
        (
            Box::new(|v| v["book"]["deals"][0]["history"][1]["on"] = i32::MAX.into()),
            "Stage date day 2147483647 is out of range (1900-01-01 to 9999-12-31)",
        ),
        (
            Box::new(|v| v["book"]["deals"][0]["history"][0]["on"] = i32::MIN.into()),
            "Stage date day -2147483648 is out of range",
        ),
        (
            Box::new(|v| v["book"]["tasks"][1]["done_on"] = day("2025-07-01").0.into()),
            "Task 'Démo für Zoë — 北欧 ✓': Done date 2025-07-01 is in the future",
        ),
        (
            Box::new(|v| {
                v["book"]["deals"][1]["history"][1]["stage"] = serde_json::json!({"Step": 1})
            }),
            "Deal 'Acme renewal' has 'Lead' twice in a row",
        ),
        (
            Box::new(|v| {
                v["book"]["deals"][1]["history"][1]["stage"] = serde_json::json!({"Step": 99})
            }),
            "Deal 'Acme renewal' was in step 99, which is not in the sales process",
        ),
        // What a merge relies on: entries told apart by id, removed records apart.
        (
            Box::new(|v| {
                let first = v["book"]["deals"][1]["history"][0]["id"].clone();
                v["book"]["deals"][1]["history"][1]["id"] = first;
            }),
            "Deal 'Acme renewal' has two stage changes with one id",
        ),
        (
            Box::new(|v| {
                let mut task = v["book"]["tasks"][3].clone();
                task["removed"] = NOW.into();
                v["book"]["gone"]["tasks"] = serde_json::json!([task]);
            }),
            "A removed task is also present",
        ),
    ];
    for (edit, expected) in cases {
        let message = restore_error(&edited_backup(edit));
        assert!(
            message.starts_with("The file cannot be used: ") && message.contains(expected),
            "{message:?} should contain {expected:?}"
        );
    }
}

#[test]
fn a_restore_accepts_what_the_app_itself_can_write() {
    // The restore checks exactly the book's rules: a task may keep the tag of a step
    // removed since, and be planned as far ahead as the last day the app takes.
    let mut book = sample_book();
    let now = book::Now {
        today: today(),
        stamp: NOW,
    };
    let far = book.tasks[2].id;
    let draft = book::TaskDraft {
        on: Day::from_ymd(9999, 12, 31).unwrap(),
        ..book::TaskDraft::of(&book.tasks[2])
    };
    book.edit_task(far, draft, now).unwrap();
    book.tasks[2].tag = Tag::Stage(step(6));
    book.remove_step(StepId(6), now).unwrap();
    assert_eq!(book.check(today()), Ok(()));
    assert_eq!(io::validate(&book, today()), Ok(()));
    assert_eq!(io::read_backup(&backup(&book), today()), Ok(book));
}
