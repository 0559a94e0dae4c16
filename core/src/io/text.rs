//! Dates, stamps, tags and money as files write them: the small conversions every
//! format of `io` shares.

use crate::day::Day;
use crate::model::{Process, Stamp, Tag};

/// Days between 1900-01-01 and 2199-12-31: the range of dates Pipewise accepts from a
/// file. Outside it a date is surely a typo, and keeping to it means date arithmetic
/// (which panics far outside) is never reached with silly values.
pub(crate) const FIRST_DAY: Day = Day(-25_567);
pub(crate) const LAST_DAY: Day = Day(84_005);

pub(crate) fn day_in_range(day: Day) -> bool {
    (FIRST_DAY..=LAST_DAY).contains(&day)
}

/// `YYYY-MM-DD` for a day, without the panic `Day::iso` has for absurd day numbers.
pub(crate) fn day_text(day: Day) -> String {
    calendar_date(day)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| format!("(day {})", day.0))
}

pub(crate) fn calendar_date(day: Day) -> Option<chrono::NaiveDate> {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    epoch.checked_add_signed(chrono::TimeDelta::try_days(i64::from(day.0))?)
}

/// The calendar day (UTC) of an edit stamp.
pub(crate) fn stamp_day(stamp: Stamp) -> Day {
    let days = stamp.div_euclid(86_400_000);
    Day(days.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32)
}

/// The name of a task's pipeline tag.
pub(crate) fn tag_name(process: &Process, tag: Tag) -> &str {
    match tag {
        Tag::Stage(stage) => stage.name(process),
        Tag::Contact(kind) => kind.label(),
    }
}

/// Money in cents as a plain decimal, e.g. `1234.50` (no thousands separators, so any
/// spreadsheet reads it as a number).
pub(crate) fn cents_text(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}
