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

criterion_group!(storage, storage_encode_decode);
criterion_main!(storage);
