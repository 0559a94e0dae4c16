//! Times every report over a 10,000-deal pipeline (budget: all of them < 50 ms
//! natively). The pipeline is built here with a seeded generator of its own; it can
//! switch to `generator::pipeline` once that exists.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use pipewise_core::reports::*;
use pipewise_core::*;

const OWNERS: [&str; 8] = ["ann", "bo", "cy", "dee", "eli", "fay", "gus", "hal"];

/// 10,000 deals over two years before `today`, moving forward (sometimes back) through
/// the seven default steps, about 60,000 stage changes, and 30,000 tasks.
fn pipeline(today: Day) -> Book {
    let mut rng = fastrand::Rng::with_seed(7);
    let mut ids = SeededIds::new(7);
    let mut book = Book::default();
    for _ in 0..10_000 {
        let owner = OWNERS[rng.usize(..OWNERS.len())];
        let mut on = Day(today.0 - rng.i32(0..730));
        let mut k = 1u32;
        let mut history = vec![StageChange {
            stage: Stage::Step(StepId(k)),
            on,
            note: String::new(),
        }];
        loop {
            let next = on.0 + rng.i32(1..30);
            if next > today.0 {
                break;
            }
            on = Day(next);
            let stage = match rng.u32(0..100) {
                0..=9 => Stage::Lost,
                10..=14 if k > 1 => Stage::Step(StepId(k - 1)),
                _ if k == 7 => Stage::Won,
                _ => Stage::Step(StepId(k + 1)),
            };
            history.push(StageChange {
                stage,
                on,
                note: String::new(),
            });
            match stage {
                Stage::Step(StepId(s)) => k = s,
                _ => break,
            }
        }
        book.deals.push(Deal {
            id: DealId(ids.fresh()),
            title: String::new(),
            contact: ContactId(Id(0)),
            owner: owner.into(),
            value: rng.i64(100_000..10_000_000),
            currency: "USD".into(),
            source: String::new(),
            expected_close: None,
            notes: String::new(),
            history,
            edited: 0,
        });
    }
    for _ in 0..30_000 {
        let deal = &book.deals[rng.usize(..book.deals.len())];
        book.tasks.push(Task {
            id: TaskId(ids.fresh()),
            title: String::new(),
            on: deal.opened(),
            time: None,
            duration: None,
            kind: TaskKind::Call,
            contact: deal.contact,
            deal: Some(deal.id),
            done_on: Some(deal.opened()),
            notes: String::new(),
            tag: Tag::Stage(deal.history[0].stage),
            edited: 0,
        });
    }
    book
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
    let one = Scope::Owner("ann".into());
    group.bench_function("all reports, one owner, 10k deals", |b| {
        b.iter(|| all_reports(black_box(&book), &one, &period, today))
    });
    group.finish();
}

criterion_group!(benches, reports);
criterion_main!(benches);
