//! Calendar dates as day numbers: compact, `Copy`, and trivially ordered.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date in the user's local time, counted in days since 1970-01-01.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct Day(pub i32);

impl Day {
    fn epoch() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid epoch")
    }

    /// The day for a year, month (1-12) and day of month, or `None` when no such date exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        chrono::NaiveDate::from_ymd_opt(year, month, day).map(Day::from_date)
    }

    pub fn from_date(date: chrono::NaiveDate) -> Day {
        Day((date - Day::epoch()).num_days() as i32)
    }

    /// The calendar date; days outside chrono's range (hundreds of thousands of years
    /// away, only from damaged data) clamp to its limits instead of panicking.
    pub fn to_date(self) -> chrono::NaiveDate {
        let limit = if self.0 < 0 {
            chrono::NaiveDate::MIN
        } else {
            chrono::NaiveDate::MAX
        };
        chrono::Duration::try_days(self.0 as i64)
            .and_then(|d| Day::epoch().checked_add_signed(d))
            .unwrap_or(limit)
    }

    /// Parses `YYYY-MM-DD`; `None` for anything else, including impossible dates.
    pub fn parse_iso(text: &str) -> Option<Day> {
        chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .ok()
            .map(Day::from_date)
    }

    pub fn iso(self) -> String {
        self.to_date().format("%Y-%m-%d").to_string()
    }

    pub fn plus(self, days: i32) -> Day {
        Day(self.0.saturating_add(days))
    }

    /// Days from `earlier` to `self` (negative when `earlier` is later).
    pub fn since(self, earlier: Day) -> i32 {
        self.0.saturating_sub(earlier.0)
    }

    /// Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.0 + 3).rem_euclid(7) as u32
    }

    pub fn year(self) -> i32 {
        use chrono::Datelike;
        self.to_date().year()
    }

    pub fn month(self) -> u32 {
        use chrono::Datelike;
        self.to_date().month()
    }

    pub fn day_of_month(self) -> u32 {
        use chrono::Datelike;
        self.to_date().day()
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_iso_dates() {
        let d = Day::parse_iso("2026-11-29").unwrap();
        assert_eq!(d.iso(), "2026-11-29");
        assert_eq!(Day::parse_iso("1970-01-01"), Some(Day(0)));
        assert_eq!(Day::parse_iso("2017-02-31"), None);
        assert_eq!(Day(0).weekday(), 3);
        assert_eq!(Day::from_ymd(2026, 11, 30).unwrap().weekday(), 0);
        // Damaged data never panics.
        assert!(!Day(i32::MAX).iso().is_empty());
        assert!(!Day(i32::MIN).iso().is_empty());
        assert_eq!(Day(i32::MAX).plus(5), Day(i32::MAX));
    }
}
