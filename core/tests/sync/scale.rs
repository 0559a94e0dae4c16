//! The 10,000-deal pipeline as documents: counts and times (printed; run with
//! `--release --nocapture` for figures worth quoting).

use pipewise_core::sync::{book_from, documents, to_push, Doc, Kind, Pushed};
use pipewise_core::Day;
use std::time::Instant;

#[test]
fn ten_thousand_deals_map_to_documents_quickly() {
    let today = Day::from_ymd(2026, 5, 14).unwrap();
    let book = pipewise_core::generator::pipeline(today, 10_000, 1);
    let clock = Instant::now();
    let docs = documents(&book, "ana");
    let mapped = clock.elapsed();
    let count = |kind: Kind| docs.iter().filter(|d| d.kind() == Some(kind)).count();
    println!(
        "sync: 10k pipeline → {} documents ({} steps, {} contacts, {} deals, {} tasks) in {mapped:?}",
        docs.len(),
        count(Kind::Step),
        count(Kind::Contact),
        count(Kind::Deal),
        count(Kind::Task),
    );
    // About 10k contacts and 30k tasks beside the deals (the generator's mix).
    assert_eq!(count(Kind::Deal), 10_000);
    assert!(count(Kind::Contact) > 9_000 && count(Kind::Task) > 25_000);

    let clock = Instant::now();
    let text: Vec<String> = docs
        .iter()
        .map(|d| serde_json::to_string(d).unwrap())
        .collect();
    let bytes: usize = text.iter().map(String::len).sum();
    println!(
        "sync: as JSON text in {:?}, {} MB",
        clock.elapsed(),
        bytes / 1_000_000
    );

    let clock = Instant::now();
    let pulled: Vec<Doc> = text
        .iter()
        .map(|t| serde_json::from_str(t).unwrap())
        .collect();
    let back = book_from(&pulled);
    println!(
        "sync: parsed and folded into a new book in {:?}",
        clock.elapsed()
    );
    assert_eq!(back.deals.len(), 10_000);
    assert_eq!(back.check(today), Ok(()));

    let mut pushed = Pushed::new();
    for (i, doc) in docs.iter().enumerate() {
        pushed.wrote(
            doc,
            &format!("1-{:032x}", i as u128 * 0x9e37_79b9_7f4a_7c15),
        );
    }
    let clock = Instant::now();
    let nothing = to_push(&book, &pushed, "ana");
    println!(
        "sync: to_push with nothing changed in {:?}",
        clock.elapsed()
    );
    assert!(nothing.is_empty());
    let clock = Instant::now();
    let summary = pushed.summary();
    let recalled = Pushed::recall(&book, &summary);
    println!(
        "sync: what was pushed is summed up in {} UTF-16 units, recalled in {:?}",
        summary.encode_utf16().count(),
        clock.elapsed()
    );
    assert_eq!(recalled.len(), pushed.len());
    assert!(to_push(&book, &recalled, "ana").is_empty());
}
