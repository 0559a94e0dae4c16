//! Backups: round trips, schemas, and files refused with a clear message.

use super::*;

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
