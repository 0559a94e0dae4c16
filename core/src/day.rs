//! Calendar dates as day numbers: compact, `Copy`, and trivially ordered.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date in the user's local time, counted in days since 1970-01-01.
/// Serialized as `"2026-03-01"` so a backup reads plainly (see `Serialize` below).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
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
    /// Reads what chrono's `parse_from_str(text, "%Y-%m-%d")` reads (a test holds them
    /// together) without chrono's format engine, most of the date code in the wasm.
    pub fn parse_iso(text: &str) -> Option<Day> {
        let (year, rest) = iso_number(text.trim(), true)?;
        let (month, rest) = iso_number(rest.strip_prefix('-')?, false)?;
        let (day, rest) = iso_number(rest.strip_prefix('-')?, false)?;
        if !rest.is_empty() {
            return None;
        }
        let year = i32::try_from(year).ok()?;
        Day::from_ymd(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
    }

    pub fn iso(self) -> String {
        iso_text(self.to_date())
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

/// `YYYY-MM-DD` as chrono's `%Y-%m-%d` writes it (a sign and at least four digits for
/// years outside 0–9999), without its format engine.
pub fn iso_text(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let (year, month, day) = (date.year(), date.month(), date.day());
    if (0..10_000).contains(&year) {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:+05}-{month:02}-{day:02}")
    }
}

/// One number of an ISO date, as chrono scans `%Y` (`year`: a sign and any number of
/// digits, or up to four) or `%m`/`%d` (up to two digits), after optional whitespace.
fn iso_number(text: &str, year: bool) -> Option<(i64, &str)> {
    let text = text.trim_start();
    let (sign, digits, max) = match text.as_bytes().first() {
        Some(b'-') if year => (-1, &text[1..], usize::MAX),
        Some(b'+') if year => (1, &text[1..], usize::MAX),
        _ => (1, text, if year { 4 } else { 2 }),
    };
    let len = digits
        .bytes()
        .take(max)
        .take_while(u8::is_ascii_digit)
        .count();
    if len == 0 {
        return None;
    }
    let value = digits[..len].bytes().try_fold(0i64, |n, b| {
        n.checked_mul(10)?.checked_add(i64::from(b - b'0'))
    })?;
    Some((sign * value, &digits[len..]))
}

/// Written `"2026-03-01"`; a day whose year is outside 1–9999 (only from silly input)
/// is written as its plain day number, so every day survives a round trip.
impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let date = chrono::Duration::try_days(self.0.into())
            .and_then(|d| Day::epoch().checked_add_signed(d))
            .filter(|d| (1..=9999).contains(&chrono::Datelike::year(d)));
        match date {
            Some(d) => s.serialize_str(&iso_text(d)),
            None => s.serialize_i32(self.0),
        }
    }
}

/// Reads `"2026-03-01"` or a plain day number (what the first backups wrote).
impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        d.deserialize_any(DayVisitor)
    }
}

struct DayVisitor;

impl Visitor<'_> for DayVisitor {
    type Value = Day;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date like 2026-03-01")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Day, E> {
        Day::parse_iso(text).ok_or_else(|| E::custom(format!("not a date: {text:?}")))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Day, E> {
        i32::try_from(n)
            .map(Day)
            .map_err(|_| E::custom(format!("not a date: {n}")))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Day, E> {
        i32::try_from(n)
            .map(Day)
            .map_err(|_| E::custom(format!("not a date: {n}")))
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

    /// The hand-written reader and writer agree with chrono's `%Y-%m-%d`.
    #[test]
    fn reads_and_writes_as_chrono_does() {
        let texts = [
            "2026-11-29",
            "2026-1-5",
            " 2026-01-05 ",
            "2026- 1-05",
            "2026-01-05x",
            "2026-001-05",
            "12026-01-05",
            "+12026-01-05",
            "-0044-03-15",
            "+2026-02-28",
            "2024-02-29",
            "2023-02-29",
            "0000-01-01",
            "99-1-1",
            "2026-13-01",
            "2026-00-10",
            "2026-01-32",
            "",
            "-",
            "2026",
            "2026-01",
            "2026-01-",
            "2026--01-01",
            "2026-+1-01",
            "a026-01-01",
            "2026/01/01",
            "9999999999999999999999-01-01",
            "2026-01-05 ",
            "2026-01-0\u{0661}",
            "- 2026-01-01",
            "+-2026-01-01",
            "2026-01-05\u{00a0}",
            "\u{2003}2026-01-05",
        ];
        for text in texts {
            let chrono = chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                .ok()
                .map(Day::from_date);
            assert_eq!(Day::parse_iso(text), chrono, "{text:?}");
        }
        for day in [
            -800_000, -719_528, -1, 0, 1, 20_000, 2_932_896, 2_932_897, 3_000_000,
        ] {
            let date = Day(day).to_date();
            assert_eq!(iso_text(date), date.format("%Y-%m-%d").to_string(), "{day}");
        }
    }

    #[test]
    fn serializes_as_iso_text_and_reads_numbers_too() {
        let day = Day::parse_iso("2026-03-01").unwrap();
        assert_eq!(serde_json::to_string(&day).unwrap(), "\"2026-03-01\"");
        assert_eq!(serde_json::from_str::<Day>("\"2026-03-01\"").unwrap(), day);
        assert_eq!(
            serde_json::from_str::<Day>(&day.0.to_string()).unwrap(),
            day
        );
        assert!(serde_json::from_str::<Day>("\"2026-02-30\"").is_err());
        assert!(serde_json::from_str::<Day>("1e3").is_err());
        // Days too far out for a four-digit year stay numbers, and come back exact.
        for n in [i32::MIN, -719_163, -719_162, 2_932_896, 2_932_897, i32::MAX] {
            let text = serde_json::to_string(&Day(n)).unwrap();
            assert_eq!(
                serde_json::from_str::<Day>(&text).unwrap(),
                Day(n),
                "{text}"
            );
        }
        assert_eq!(
            serde_json::to_string(&Day(i32::MAX)).unwrap(),
            i32::MAX.to_string()
        );
    }
}
