//! Times every report over the 10,000-deal benchmark pipeline (budget: all of them
//! < 50 ms natively).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use pipewise_core::reports::*;
use pipewise_core::*;

/// The benchmark pipeline: 10,000 deals, ~57,000 stage changes, ~29,000 tasks, four
/// owners, about a year of history (the same shape as the demo).
fn pipeline(today: Day) -> Book {
    pipewise_core::generator::pipeline(today, 10_000, 1)
}

fn all_reports(book: &Book, scope: &Scope, period: &Period, today: Day) -> usize {
    let mut n = step_stats(book, scope, period, today).len();
    n += cumulative_flow(book, scope, period, today).days.len();
    n += funnel(book, scope, period, today).entered;
    n += kpis(book, scope, period, today, Some(100_000_000)).won;
    n += prospecting_activity(book, scope, period).done;
    n += diagnose(book, scope, period, today, Benchmark::PreviousPeriod).decided;
    n += diagnose(book, scope, period, today, Benchmark::Target(100_000_000)).decided;
    n += owner_table(book, period, today).len();
    n
}

fn reports(c: &mut Criterion) {
    let today = Day::from_ymd(2026, 5, 14).unwrap_or_default();
    let book = pipeline(today);
    let period = Period::last_full_quarter(today);
    let mut group = c.benchmark_group("reports");
    group.sample_size(20);
    group.bench_function("all reports, everyone, 10k deals", |b| {
        b.iter(|| all_reports(black_box(&book), &Scope::Everyone, &period, today))
    });
    let one = Scope::Owner("Ben Okafor".into());
    group.bench_function("all reports, one owner, 10k deals", |b| {
        b.iter(|| all_reports(black_box(&book), &one, &period, today))
    });
    group.finish();
}

criterion_group!(benches, reports);
criterion_main!(benches);
