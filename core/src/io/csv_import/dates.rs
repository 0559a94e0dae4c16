//! Which date format a column is written in.

use super::values::DateFormat;

/// How the date cells are written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateGuess {
    Iso,
    DayFirst,
    MonthFirst,
    /// The samples fit several formats (e.g. 03/04/2024): the user chooses, in this order
    /// of likelihood.
    Ambiguous(Vec<DateFormat>),
}

impl DateGuess {
    /// The format to use, or `None` when the user must choose.
    pub fn format(&self) -> Option<DateFormat> {
        match self {
            DateGuess::Iso => Some(DateFormat::Iso),
            DateGuess::DayFirst => Some(DateFormat::DayFirst),
            DateGuess::MonthFirst => Some(DateFormat::MonthFirst),
            DateGuess::Ambiguous(_) => None,
        }
    }
}

/// The date format that reads the samples. When none reads them all, the one that reads
/// the most wins (the rest become row errors); a tie asks the user.
pub fn detect_date_format(samples: &[String]) -> DateGuess {
    let formats = [
        DateFormat::Iso,
        DateFormat::DayFirst,
        DateFormat::MonthFirst,
    ];
    let samples: Vec<&str> = samples
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if samples.is_empty() {
        return DateGuess::Iso;
    }
    let mut counts: Vec<(DateFormat, usize)> = formats
        .iter()
        .map(|&f| (f, samples.iter().filter(|s| f.parse(s).is_some()).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let best = counts.first().map_or(0, |c| c.1);
    let top: Vec<DateFormat> = counts
        .iter()
        .filter(|(_, n)| *n == best)
        .map(|(f, _)| *f)
        .collect();
    match top.as_slice() {
        [DateFormat::Iso] => DateGuess::Iso,
        [DateFormat::DayFirst] => DateGuess::DayFirst,
        [DateFormat::MonthFirst] => DateGuess::MonthFirst,
        [] => DateGuess::Ambiguous(formats.to_vec()),
        _ => DateGuess::Ambiguous(counts.iter().map(|(f, _)| *f).collect()),
    }
}
