//! The demo's self-check: does a generated book tell the intended story where a
//! newcomer first looks — the Reports page as it opens?
//!
//! With about twenty decided deals per rep and quarter, chance alone sometimes blurs
//! the picture (a lucky month for Chloe, a dry one for Ana). The demo therefore tries
//! a few seeds and keeps the first book whose owners table, read by the reports'
//! own diagnosis with the page's default query, says what each rep stands for.

use crate::day::Day;
use crate::model::Book;
use crate::reports::query::ReportQuery;
use crate::reports::{owner_shortfalls, owner_table, Factor, Link, Verdict};

/// The reps of the story, in order: healthy, short on leads, poor closer, small deals.
pub const REPS: [&str; 4] = ["Ana Ruiz", "Ben Okafor", "Chloe Martin", "Dev Patel"];

/// What the owners table of the default Reports view says of each story rep, in the
/// order of [`REPS`] (`None` for a rep the table does not list).
pub fn verdicts(book: &Book, today: Day) -> [Option<Verdict>; 4] {
    let period = ReportQuery::default().resolve(today).inputs.period;
    let table = owner_table(book, &period, today);
    REPS.map(|rep| {
        table
            .iter()
            .find(|(owner, _)| owner == rep)
            .map(|(_, d)| d.verdict)
    })
}

/// Whether the verdicts are the story's: Ana on track, Ben short of chances for want
/// of leads, Chloe closing poorly, Dev selling small deals.
pub fn told(verdicts: [Option<Verdict>; 4]) -> bool {
    matches!(
        verdicts,
        [
            Some(Verdict::AtOrAbove { .. }),
            Some(Verdict::NotEnoughChances(Factor::Leads)),
            Some(Verdict::ClosingEffectiveness),
            Some(Verdict::DealSize),
        ]
    )
}

/// Where Ben's shortfall starts in the default view (`None`: he has no shortfall or is
/// not in the table).
pub fn ben_starts_at(book: &Book, today: Day) -> Option<Link> {
    let period = ReportQuery::default().resolve(today).inputs.period;
    owner_shortfalls(book, &period, today)
        .into_iter()
        .find(|(owner, _)| owner == REPS[1])
        .and_then(|(_, s)| s.starts_at().cloned())
}

/// The default Reports view tells the story, down to where Ben's shortfall starts:
/// prospecting volume. (His few deals move on at chance rates, so a seed can make one
/// of his steps look worse; such a book is passed over like any other off-story one.)
pub fn holds(book: &Book, today: Day) -> bool {
    told(verdicts(book, today)) && ben_starts_at(book, today) == Some(Link::Leads)
}
