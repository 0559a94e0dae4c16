//! Report periods: calendar months, quarters and years, or any inclusive day range.

use crate::day::Day;
use chrono::{Datelike, NaiveDate};

/// An inclusive range of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    pub start: Day,
    pub end: Day,
    /// Whether this is a whole period or the first days of a calendar one.
    pub part: Part,
}

/// A period cut short: the calendar period is months `from..to` (month indexes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Part {
    #[default]
    Whole,
    /// An unfinished calendar period, from its start to today.
    SoFar { from: i32, to: i32 },
    /// The same number of days at the start of an earlier calendar period: what a
    /// period so far is compared with.
    FirstDays { from: i32, to: i32 },
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The calendar date of a day, clamped to years 1..=9998 so that silly input can
/// never make chrono overflow (and a year after it still exists).
fn date_of(day: Day) -> NaiveDate {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let lo = NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or_default();
    let hi = NaiveDate::from_ymd_opt(9998, 12, 31).unwrap_or_default();
    let lo_day = (lo - epoch).num_days();
    let hi_day = (hi - epoch).num_days();
    let clamped = (day.0 as i64).clamp(lo_day, hi_day);
    epoch + chrono::Duration::days(clamped)
}

/// Months counted from year 0, so month arithmetic is plain integer arithmetic.
fn month_index(day: Day) -> i32 {
    let d = date_of(day);
    d.year() * 12 + d.month0() as i32
}

fn first_of_month(index: i32) -> Day {
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
        .map(Day::from_date)
        .unwrap_or_default()
}

impl Period {
    pub fn new(start: Day, end: Day) -> Period {
        Period {
            start,
            end,
            part: Part::Whole,
        }
    }

    /// Whole months `from..to` (month indexes, `to` excluded).
    fn months(from: i32, to: i32) -> Period {
        let end = first_of_month(to);
        Period::new(first_of_month(from), Day(end.0.saturating_sub(1)))
    }

    /// Months `from..to` as they stand on `today`: up to today while unfinished.
    fn months_so_far(from: i32, to: i32, today: Day) -> Period {
        let whole = Period::months(from, to);
        if whole.start <= today && today < whole.end {
            Period {
                end: today,
                part: Part::SoFar { from, to },
                ..whole
            }
        } else {
            whole
        }
    }

    /// This calendar month so far.
    pub fn this_month(today: Day) -> Period {
        let m = month_index(today);
        Period::months_so_far(m, m + 1, today)
    }

    pub fn last_month(today: Day) -> Period {
        let m = month_index(today);
        Period::months(m - 1, m)
    }

    /// This calendar quarter so far.
    pub fn this_quarter(today: Day) -> Period {
        let m = month_index(today);
        let q = m - m.rem_euclid(3);
        Period::months_so_far(q, q + 3, today)
    }

    /// The default report period: the last quarter that has fully ended.
    pub fn last_full_quarter(today: Day) -> Period {
        let m = month_index(today);
        let q = m - m.rem_euclid(3);
        Period::months(q - 3, q)
    }

    /// This calendar year so far.
    pub fn this_year(today: Day) -> Period {
        let y = month_index(today).div_euclid(12) * 12;
        Period::months_so_far(y, y + 12, today)
    }

    pub fn last_year(today: Day) -> Period {
        let y = month_index(today).div_euclid(12) * 12;
        Period::months(y - 12, y)
    }

    /// Number of days, both ends included; 0 when the end is before the start.
    pub fn days(&self) -> i32 {
        (self.end.0 as i64 - self.start.0 as i64 + 1).clamp(0, i32::MAX as i64) as i32
    }

    /// Days of the period up to `today` (at least 1): what per-week figures divide by,
    /// so that days still to come never water them down.
    pub fn elapsed_days(&self, today: Day) -> i32 {
        Period::new(self.start, self.end.min(today)).days().max(1)
    }

    pub fn contains(&self, day: Day) -> bool {
        self.start <= day && day <= self.end
    }

    /// Whether the period is a calendar period still under way.
    pub fn is_so_far(&self) -> bool {
        matches!(self.part, Part::SoFar { .. })
    }

    /// The period of the same length just before this one. A period of whole calendar
    /// months steps back by the same number of months (Q1 → Q4 of the year before,
    /// though Q1 has 90 days and Q4 92), so comparisons read "vs Q4 2025"; any other
    /// period steps back by the same number of days.
    ///
    /// A period so far compares with the same number of days at the start of the
    /// calendar period before ("the first 62 days of Q3 2026").
    pub fn previous(&self) -> Period {
        match self.part {
            Part::Whole => self.before(1),
            Part::SoFar { from, to } | Part::FirstDays { from, to } => {
                let len = to - from;
                let earlier = Period::months(from - len, from);
                let end = Day(earlier.start.0.saturating_add(self.days() - 1));
                if end >= earlier.end {
                    earlier
                } else {
                    Period {
                        end,
                        part: Part::FirstDays {
                            from: from - len,
                            to: from,
                        },
                        ..earlier
                    }
                }
            }
        }
    }

    /// `count` periods of this length just before this one, as one period (the
    /// "trailing four periods" of a target benchmark), by the rule of `previous`. For a
    /// period cut short, the whole calendar periods before it (rates, not volumes, are
    /// taken from them).
    pub fn before(&self, count: i32) -> Period {
        let count = count.clamp(0, 10_000);
        if let Part::SoFar { from, to } | Part::FirstDays { from, to } = self.part {
            return Period::months(from.saturating_sub((to - from).saturating_mul(count)), from);
        }
        if let Some((from, to)) = self.whole_months() {
            return Period::months(from.saturating_sub((to - from).saturating_mul(count)), from);
        }
        let len = self.days().max(1) as i64;
        let start = self.start.0 as i64 - len * count as i64;
        Period::new(
            Day(start.clamp(i32::MIN as i64, i32::MAX as i64) as i32),
            Day(self.start.0.saturating_sub(1)),
        )
    }

    /// Month indexes `from..to` when the period is exactly whole calendar months.
    fn whole_months(&self) -> Option<(i32, i32)> {
        let (a, after) = (
            date_of(self.start),
            date_of(Day(self.end.0.saturating_add(1))),
        );
        let exact = Day::from_date(a) == self.start
            && Day::from_date(after).0 == self.end.0.saturating_add(1)
            && a.day() == 1
            && after.day() == 1
            && self.start <= self.end;
        exact.then(|| (month_index(self.start), month_index(Day(self.end.0 + 1))))
    }

    /// A short name: "Q3 2026", "March 2026", "2026", or "2026-01-05 – 2026-02-10";
    /// "Q4 2026 so far" and "Q3 2026, first 62 days" for periods cut short.
    pub fn label(&self) -> String {
        match self.part {
            Part::Whole => self.whole_label(),
            Part::SoFar { from, to } => format!("{} so far", Period::months(from, to).label()),
            Part::FirstDays { from, to } => format!(
                "{}, first {} days",
                Period::months(from, to).label(),
                self.days()
            ),
        }
    }

    fn whole_label(&self) -> String {
        let (a, b) = (date_of(self.start), date_of(self.end));
        match self.whole_months().map(|(from, to)| (from, to - from)) {
            Some((from, 1)) => format!("{} {}", MONTHS[from.rem_euclid(12) as usize], a.year()),
            Some((from, 3)) if from.rem_euclid(3) == 0 => {
                format!("Q{} {}", from.rem_euclid(12) / 3 + 1, a.year())
            }
            Some((from, 12)) if from.rem_euclid(12) == 0 => a.year().to_string(),
            _ if self.start == self.end => a.format("%Y-%m-%d").to_string(),
            _ => format!("{} – {}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Day {
        Day::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn calendar_periods() {
        let today = d(2026, 5, 14);
        assert_eq!(
            Period::last_full_quarter(today),
            Period::new(d(2026, 1, 1), d(2026, 3, 31))
        );
        // Unfinished periods run to today.
        let q2 = Period::this_quarter(today);
        assert_eq!((q2.start, q2.end), (d(2026, 4, 1), today));
        assert_eq!(q2.label(), "Q2 2026 so far");
        let may = Period::this_month(today);
        assert_eq!((may.start, may.end), (d(2026, 5, 1), today));
        assert_eq!(
            Period::last_month(today),
            Period::new(d(2026, 4, 1), d(2026, 4, 30))
        );
        let year = Period::this_year(today);
        assert_eq!(
            (year.start, year.end, year.label().as_str()),
            (d(2026, 1, 1), today, "2026 so far")
        );
        assert_eq!(
            Period::last_year(today),
            Period::new(d(2025, 1, 1), d(2025, 12, 31))
        );
        // January: the last full quarter and month are in the previous year.
        let jan = d(2026, 1, 3);
        assert_eq!(
            Period::last_full_quarter(jan),
            Period::new(d(2025, 10, 1), d(2025, 12, 31))
        );
        assert_eq!(
            Period::last_month(jan),
            Period::new(d(2025, 12, 1), d(2025, 12, 31))
        );
    }

    #[test]
    fn a_period_so_far_compares_with_as_many_days_at_the_start_of_the_one_before() {
        // Q4 2026 on Dec 1: Oct 1 – Dec 1, 62 days.
        let so_far = Period::this_quarter(d(2026, 12, 1));
        assert_eq!(so_far.days(), 62);
        assert!(so_far.is_so_far());
        // Q3 2026's first 62 days: Jul 1 – Aug 31.
        let before = so_far.previous();
        assert_eq!((before.start, before.end), (d(2026, 7, 1), d(2026, 8, 31)));
        assert_eq!(before.label(), "Q3 2026, first 62 days");
        assert!(!before.is_so_far());
        // …and the one before that, by the same rule.
        let again = before.previous();
        assert_eq!((again.start, again.end), (d(2026, 4, 1), d(2026, 6, 1)));
        // March 30 so far (30 days) against February, which has only 28: all of it.
        let march = Period::this_month(d(2026, 3, 30));
        assert_eq!(march.previous(), Period::new(d(2026, 2, 1), d(2026, 2, 28)));
        // On the last day, the period is whole: nothing is left to come.
        assert_eq!(
            Period::this_quarter(d(2026, 12, 31)),
            Period::new(d(2026, 10, 1), d(2026, 12, 31))
        );
        // Rates for a target come from whole calendar periods before it.
        assert_eq!(
            so_far.before(4),
            Period::new(d(2025, 10, 1), d(2026, 9, 30))
        );
        // Elapsed days: a whole past period counts all its days; one that runs past
        // today only those up to today.
        let q4 = Period::new(d(2026, 10, 1), d(2026, 12, 31));
        assert_eq!(q4.elapsed_days(d(2027, 1, 5)), 92);
        assert_eq!(q4.elapsed_days(d(2026, 10, 10)), 10);
        assert_eq!(q4.elapsed_days(d(2026, 9, 1)), 1);
    }

    #[test]
    fn previous_has_the_same_length() {
        // Whole months step back by months: Q1 2026 (90 days) → Q4 2025 (92 days).
        let q1 = Period::new(d(2026, 1, 1), d(2026, 3, 31));
        assert_eq!(q1.days(), 90);
        assert_eq!(q1.previous(), Period::new(d(2025, 10, 1), d(2025, 12, 31)));
        assert_eq!(q1.before(4), Period::new(d(2025, 1, 1), d(2025, 12, 31)));
        let march = Period::new(d(2026, 3, 1), d(2026, 3, 31));
        assert_eq!(march.previous(), Period::new(d(2026, 2, 1), d(2026, 2, 28)));
        // Any other range steps back by days: Jan 10–19 (10 days) → Dec 31–Jan 9.
        let ten = Period::new(d(2026, 1, 10), d(2026, 1, 19));
        assert_eq!(ten.previous(), Period::new(d(2025, 12, 31), d(2026, 1, 9)));
        assert_eq!(ten.before(4), Period::new(d(2025, 12, 1), d(2026, 1, 9)));
        assert_eq!(Period::new(d(2026, 1, 2), d(2026, 1, 1)).days(), 0);
    }

    #[test]
    fn labels() {
        assert_eq!(
            Period::new(d(2026, 1, 1), d(2026, 3, 31)).label(),
            "Q1 2026"
        );
        assert_eq!(
            Period::new(d(2026, 3, 1), d(2026, 3, 31)).label(),
            "March 2026"
        );
        assert_eq!(Period::new(d(2026, 1, 1), d(2026, 12, 31)).label(), "2026");
        assert_eq!(
            Period::new(d(2026, 2, 1), d(2026, 4, 30)).label(),
            "2026-02-01 – 2026-04-30"
        );
        assert_eq!(
            Period::new(d(2026, 2, 3), d(2026, 2, 3)).label(),
            "2026-02-03"
        );
    }

    #[test]
    fn silly_days_do_not_panic() {
        for day in [Day(i32::MIN), Day(i32::MAX), Day(0)] {
            let p = Period::last_full_quarter(day);
            let _ = (p.label(), p.previous(), p.before(4), p.days());
            let _ = Period::last_year(day);
            let _ = Period::new(Day(i32::MIN), Day(i32::MAX)).previous();
        }
    }
}
