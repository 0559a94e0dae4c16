//! Prints a benchmark pipeline as the body of one CouchDB `_bulk_docs` request (what a
//! team database holds once its reps have synced), for the sync tests and benchmarks:
//! `cargo run --release -p pipewise-core --example team_docs -- 10000 YYYY-MM-DD rep [records]`.
//! `records` = `all` (steps, contacts, deals and tasks: the default) or `deals` (steps,
//! contacts and deals only: the 20,000 documents PouchDB's figure was measured on).

use pipewise_core::sync::{documents, Kind};
use pipewise_core::{generator, Day};

fn main() {
    let mut args = std::env::args().skip(1);
    let deals: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1_000);
    let today = args
        .next()
        .and_then(|d| Day::parse_iso(&d))
        .unwrap_or_else(|| Day::from_ymd(2026, 11, 29).unwrap_or_default());
    let rep = args.next().unwrap_or_else(|| "ana".into());
    let only_deals = args.next().as_deref() == Some("deals");
    let mut book = generator::pipeline(today, deals, 1);
    if only_deals {
        book.tasks.clear();
        book.gone.tasks.clear();
    }
    let docs: Vec<_> = documents(&book, &rep)
        .into_iter()
        .filter(|d| !only_deals || d.kind() != Some(Kind::Task))
        .collect();
    let body = serde_json::json!({ "docs": docs });
    print!("{body}");
}
