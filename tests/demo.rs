//! The demo built in the browser (wasm32) is the same book the native tests check:
//! the figures below are pinned natively too (core/tests/generator.rs).
#![cfg(target_arch = "wasm32")]

use pipewise_core::{generator, Day};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_demo_matches_the_native_one() {
    let book = generator::demo(Day::from_ymd(2026, 11, 29).unwrap());
    let value: i64 = book.deals.iter().map(|d| d.value).sum();
    let changes: usize = book.deals.iter().map(|d| d.history.len()).sum();
    assert_eq!(
        (book.deals.len(), value, changes, book.tasks.len()),
        (300, 808_380_000, 1722, 886)
    );
}
