//! Date ticks for a time axis: round calendar days (Mondays, first of the month,
//! quarters, New Year) rather than every n-th day, so an axis reads like a calendar.

use crate::day::Day;

/// The calendar steps an axis may use, finest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Days(i32),
    /// Every `n` Mondays.
    Weeks(i32),
    /// First of every `n`-th month, counted from January.
    Months(i32),
    /// Every `n`-th New Year's Day, counted from year 0.
    Years(i32),
}

const STEPS: [Step; 13] = [
    Step::Days(1),
    Step::Days(2),
    Step::Weeks(1),
    Step::Weeks(2),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(100),
];

/// At most `max` tick days between `first` and `last` (inclusive), on the finest
/// calendar step that fits: every day, every other day, Mondays, every other Monday,
/// first of the month, of every other month, of the quarter, of the half-year, New
/// Year's Day (of every 2nd, 5th, 10th or 100th year). Empty when the range is
/// empty or `max` is 0.
pub fn day_ticks(first: Day, last: Day, max: usize) -> Vec<Day> {
    if last < first || max == 0 {
        return Vec::new();
    }
    for step in STEPS {
        // Counting first is cheap and keeps a ten-year range from listing every day.
        if count(step, first, last) <= max {
            return ticks(step, first, last);
        }
    }
    Vec::new()
}

fn month_index(day: Day) -> i64 {
    day.year() as i64 * 12 + day.month() as i64 - 1
}

fn first_of_month(index: i64) -> Option<Day> {
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    Day::from_ymd(year, index.rem_euclid(12) as u32 + 1, 1)
}

/// The first Monday on or after `first`.
fn first_monday(first: Day) -> Day {
    first.plus(((7 - first.weekday()) % 7) as i32)
}

fn count(step: Step, first: Day, last: Day) -> usize {
    let span = last.0 as i64 - first.0 as i64;
    match step {
        Step::Days(n) => (span / n as i64 + 1) as usize,
        Step::Weeks(n) => {
            let start = first_monday(first).0 as i64;
            if start > last.0 as i64 {
                0
            } else {
                ((last.0 as i64 - start) / (7 * n as i64) + 1) as usize
            }
        }
        Step::Months(n) => months(first, last, n as i64).len(),
        Step::Years(n) => months(first, last, n as i64 * 12).len(),
    }
}

/// Month indexes (year × 12 + month − 1) of the firsts of the month in range that
/// fall on a multiple of `every` months: every 3 → quarters, every 12 → New Year.
fn months(first: Day, last: Day, every: i64) -> Vec<i64> {
    let every = every.max(1);
    let (mut m, end) = (month_index(first), month_index(last));
    if first.day_of_month() != 1 {
        m += 1;
    }
    m += (every - m.rem_euclid(every)) % every;
    let mut out = Vec::new();
    while m <= end && out.len() <= 10_000 {
        out.push(m);
        m += every;
    }
    out
}

fn ticks(step: Step, first: Day, last: Day) -> Vec<Day> {
    let by_days = |start: Day, n: i32| {
        let mut out = Vec::new();
        let mut d = start;
        while d <= last {
            out.push(d);
            d = d.plus(n);
        }
        out
    };
    match step {
        Step::Days(n) => by_days(first, n),
        Step::Weeks(n) => by_days(first_monday(first), 7 * n),
        Step::Months(n) => months(first, last, n as i64)
            .into_iter()
            .filter_map(first_of_month)
            .collect(),
        Step::Years(n) => months(first, last, n as i64 * 12)
            .into_iter()
            .filter_map(first_of_month)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Day {
        Day::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn short_ranges_tick_every_day_or_every_other_day() {
        let first = d(2026, 7, 1);
        assert_eq!(day_ticks(first, first.plus(4), 8).len(), 5);
        assert_eq!(
            day_ticks(first, first.plus(9), 6),
            vec![
                first,
                first.plus(2),
                first.plus(4),
                first.plus(6),
                first.plus(8)
            ]
        );
    }

    #[test]
    fn a_quarter_ticks_on_mondays_or_months() {
        // Q3 2026: July 1 is a Wednesday, the first Monday July 6.
        let (first, last) = (d(2026, 7, 1), d(2026, 9, 30));
        let weekly = day_ticks(first, last, 14);
        assert_eq!(weekly.first(), Some(&d(2026, 7, 6)));
        assert_eq!(weekly.len(), 13);
        assert!(weekly.iter().all(|t| t.weekday() == 0));
        let fortnightly = day_ticks(first, last, 8);
        assert_eq!(fortnightly.len(), 7);
        assert_eq!(fortnightly[1], d(2026, 7, 20));
        assert_eq!(
            day_ticks(first, last, 4),
            vec![d(2026, 7, 1), d(2026, 8, 1), d(2026, 9, 1)]
        );
    }

    #[test]
    fn longer_ranges_tick_on_months_quarters_and_years() {
        let (first, last) = (d(2025, 1, 1), d(2025, 12, 31));
        assert_eq!(day_ticks(first, last, 12).len(), 12);
        assert_eq!(
            day_ticks(first, last, 6),
            (1..=11)
                .step_by(2)
                .map(|m| d(2025, m, 1))
                .collect::<Vec<_>>()
        );
        assert_eq!(
            day_ticks(first, last, 4),
            vec![d(2025, 1, 1), d(2025, 4, 1), d(2025, 7, 1), d(2025, 10, 1)]
        );
        // A range starting mid-month ticks from the next first of the month.
        assert_eq!(
            day_ticks(d(2025, 1, 15), d(2025, 3, 20), 3),
            vec![d(2025, 2, 1), d(2025, 3, 1)]
        );
        // Ten years: New Year's Days on every other year.
        let decade = day_ticks(d(2016, 3, 1), d(2026, 2, 28), 6);
        assert_eq!(
            decade,
            vec![
                d(2018, 1, 1),
                d(2020, 1, 1),
                d(2022, 1, 1),
                d(2024, 1, 1),
                d(2026, 1, 1)
            ]
        );
    }

    #[test]
    fn empty_and_silly_ranges() {
        assert!(day_ticks(d(2026, 1, 2), d(2026, 1, 1), 5).is_empty());
        assert!(day_ticks(d(2026, 1, 1), d(2026, 1, 31), 0).is_empty());
        assert_eq!(
            day_ticks(d(2026, 1, 1), d(2026, 1, 1), 5),
            vec![d(2026, 1, 1)]
        );
        // Far-apart days must neither panic nor list millions of ticks.
        let wide = day_ticks(Day(-1_000_000), Day(1_000_000), 10);
        assert!(wide.len() <= 10);
    }
}
