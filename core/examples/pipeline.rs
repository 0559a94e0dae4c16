//! Prints the stored form (what localStorage holds) of a benchmark pipeline, for the
//! browser benchmarks: `cargo run --release -p pipewise-core --example pipeline -- 1000 [YYYY-MM-DD]`.

use pipewise_core::{generator, store, Day};

fn main() {
    let mut args = std::env::args().skip(1);
    let deals: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1_000);
    let today = args
        .next()
        .and_then(|d| Day::parse_iso(&d))
        .unwrap_or_else(|| Day::from_ymd(2026, 11, 29).unwrap_or_default());
    let book = generator::pipeline(today, deals, 1);
    print!("{}", store::encode(&book, 1));
}
