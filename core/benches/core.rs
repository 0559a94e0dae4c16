//! Criterion benchmarks for the core. Each area adds its own group below and lists it
//! in `criterion_main!`. Run with `cargo bench -p pipewise-core`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

/// Encoding and decoding the 10,000-deal pipeline (docs/product.md, "Keeping data safe"): the save that runs
/// after every change, and the load at start-up.
fn storage_encode_decode(c: &mut Criterion) {
    use pipewise_core::store::{decode, encode, to_backup_json};
    let today = pipewise_core::Day::from_ymd(2026, 5, 14).unwrap_or_default();
    let book = pipewise_core::generator::pipeline(today, 10_000, 1);
    let stored = encode(&book, 1);
    println!(
        "storage: 10k pipeline is {} UTF-16 units stored",
        stored.encode_utf16().count()
    );
    let mut group = c.benchmark_group("storage");
    group.sample_size(20);
    group.bench_function("encode 10k pipeline", |b| {
        b.iter(|| encode(black_box(&book), 1))
    });
    group.bench_function("decode 10k pipeline", |b| {
        b.iter(|| decode(black_box(&stored)).map(|d| d.revision))
    });
    group.bench_function("backup json 10k pipeline", |b| {
        b.iter(|| to_backup_json(black_box(&book)).len())
    });
    group.finish();
}

/// Merging two copies of the 10,000-deal pipeline that each changed a little: what a tab
/// does when another tab wrote, and a manager when merging a rep's backup.
fn merging(c: &mut Criterion) {
    use pipewise_core::book::Now;
    use pipewise_core::merge::merge;
    let today = pipewise_core::Day::from_ymd(2026, 5, 14).unwrap_or_default();
    let book = pipewise_core::generator::pipeline(today, 10_000, 1);
    let now = Now {
        today,
        stamp: 1 << 41,
    };
    let (mut ours, mut theirs) = (book.clone(), book);
    for (i, deal) in ours.deals.clone().iter().enumerate().take(50) {
        let _ = ours.remove_deal(
            deal.id,
            Now {
                stamp: now.stamp + i as i64,
                ..now
            },
        );
    }
    for deal in theirs.deals.clone().iter().skip(100).take(50) {
        let mut draft = pipewise_core::book::DealDraft::of(deal);
        draft.value += 100;
        let _ = theirs.edit_deal(deal.id, draft, now);
    }
    let mut group = c.benchmark_group("merge");
    group.sample_size(20);
    group.bench_function("two 10k pipelines", |b| {
        b.iter(|| merge(black_box(&ours), black_box(&theirs)).deals.len())
    });
    group.finish();
}

/// Team sync on the 10,000-deal pipeline (about 49,000 documents): mapping the whole
/// book (the first push), what to push after one edit (every save), and a new browser
/// folding every document it pulled.
fn syncing(c: &mut Criterion) {
    use pipewise_core::book::{DealDraft, Now};
    use pipewise_core::sync::{book_from, documents, to_push, Pushed};
    let today = pipewise_core::Day::from_ymd(2026, 5, 14).unwrap_or_default();
    let book = pipewise_core::generator::pipeline(today, 10_000, 1);
    let docs = documents(&book, "ana");
    let mut pushed = Pushed::new();
    for (i, doc) in docs.iter().enumerate() {
        pushed.wrote(
            doc,
            &format!("1-{:032x}", i as u128 * 0x9e37_79b9_7f4a_7c15),
        );
    }
    let mut edited = book.clone();
    let deal = &book.deals[500];
    let mut draft = DealDraft::of(deal);
    draft.value += 100;
    let now = Now {
        today,
        stamp: 1 << 41,
    };
    let _ = edited.edit_deal(deal.id, draft, now);
    let mut group = c.benchmark_group("sync");
    group.sample_size(10);
    group.bench_function("documents of 10k pipeline", |b| {
        b.iter(|| documents(black_box(&book), "ana").len())
    });
    group.bench_function("to_push after one edit of 10k pipeline", |b| {
        b.iter(|| to_push(black_box(&edited), black_box(&pushed), "ana").len())
    });
    group.bench_function("book_from documents of 10k pipeline", |b| {
        b.iter(|| book_from(black_box(&docs)).deals.len())
    });
    group.finish();
}

criterion_group!(storage, storage_encode_decode, merging, syncing);
criterion_main!(storage);
