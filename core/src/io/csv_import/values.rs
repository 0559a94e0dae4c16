//! Reading single cells: dates, money, times, yes/no.

use crate::day::Day;
use crate::io::text::day_in_range;
use crate::model::{Cents, ContactType, TaskKind};
/// Lowercase letters and digits only: "Closed Won" → "closedwon".
pub(crate) fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A cell's text: trimmed, and without the `'` our own export puts before cells that a
/// spreadsheet would take for a formula.
pub(crate) fn cell_text(raw: &str) -> &str {
    let text = raw.trim();
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    }
}

/// The order of day, month and year in a date cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateFormat {
    /// 2024-03-05 (also 2024/03/05, 2024.03.05).
    Iso,
    /// 05/03/2024, 05.03.2024, 5-3-24.
    DayFirst,
    /// 03/05/2024.
    MonthFirst,
}

impl DateFormat {
    pub fn label(self) -> &'static str {
        match self {
            DateFormat::Iso => "year-month-day (2024-03-25)",
            DateFormat::DayFirst => "day/month/year (25/03/2024)",
            DateFormat::MonthFirst => "month/day/year (03/25/2024)",
        }
    }

    /// The day a cell names; a time after the date ("2024-03-05 14:30") is ignored.
    pub fn parse(self, text: &str) -> Option<Day> {
        let date = text.trim().split([' ', 'T']).next()?;
        let mut parts = date.split(['-', '/', '.']);
        let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some_and(|p| !p.is_empty()) {
            return None;
        }
        let number = |p: &str| -> Option<u32> {
            if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            p.parse().ok()
        };
        let year = |p: &str| -> Option<i32> {
            let y = number(p)? as i32;
            match p.len() {
                4 => Some(y),
                2 if y < 70 => Some(2000 + y),
                2 => Some(1900 + y),
                _ => None,
            }
        };
        let (y, m, d) = match self {
            DateFormat::Iso if a.len() == 4 => (year(a)?, number(b)?, number(c)?),
            DateFormat::DayFirst if a.len() <= 2 => (year(c)?, number(b)?, number(a)?),
            DateFormat::MonthFirst if a.len() <= 2 => (year(c)?, number(a)?, number(b)?),
            _ => return None,
        };
        Day::from_ymd(y, m, d).filter(|day| day_in_range(*day))
    }
}

/// The time of day in a cell ("14:30", "2:30 PM", "9am"), in minutes after midnight.
pub(crate) fn parse_time(text: &str) -> Option<u16> {
    let lower = text.trim().to_lowercase();
    let (clock, pm) = if let Some(t) = lower.strip_suffix("pm") {
        (t.trim(), Some(true))
    } else if let Some(t) = lower.strip_suffix("am") {
        (t.trim(), Some(false))
    } else {
        (lower.as_str(), None)
    };
    let mut parts = clock.split(':');
    let hours: u16 = parts.next()?.trim().parse().ok()?;
    let minutes: u16 = match parts.next() {
        Some(m) => m.trim().parse().ok()?,
        None if pm.is_some() => 0,
        None => return None,
    };
    // Seconds, if any, are dropped.
    if parts
        .next()
        .is_some_and(|s| s.trim().parse::<u16>().is_err())
    {
        return None;
    }
    let hours = match pm {
        Some(_) if hours == 0 || hours > 12 => return None,
        Some(true) => hours % 12 + 12,
        Some(false) => hours % 12,
        None => hours,
    };
    (hours < 24 && minutes < 60).then_some(hours * 60 + minutes)
}

/// The time part of a date cell ("2024-03-05 14:30"), if it has one.
pub(crate) fn time_after_date(text: &str) -> Option<u16> {
    let rest = text.trim().split_once([' ', 'T'])?.1;
    let rest = rest.trim_end_matches('Z');
    parse_time(rest)
}

/// A duration in minutes: "30", "30 min", "1:15", "1.5 h", "2 hours".
pub(crate) fn parse_duration(text: &str) -> Option<u16> {
    let lower = text.trim().to_lowercase();
    if let Some((h, m)) = lower.split_once(':') {
        let h: u32 = h.trim().parse().ok()?;
        let m: u32 = m.trim().parse().ok()?;
        return u16::try_from(h.checked_mul(60)?.checked_add(m)?).ok();
    }
    let number_end = lower
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(lower.len());
    let (number, unit) = lower.split_at(number_end);
    let amount: f64 = number.replace(',', ".").parse().ok()?;
    let factor = match unit.trim() {
        "" | "m" | "min" | "mins" | "minute" | "minutes" => 1.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 60.0,
        _ => return None,
    };
    let minutes = (amount * factor).round();
    (minutes.is_finite() && (0.0..=f64::from(u16::MAX)).contains(&minutes))
        .then_some(minutes as u16)
}

/// Yes / no words of the Done column.
pub(crate) fn parse_yes_no(text: &str) -> Option<bool> {
    match squash(text).as_str() {
        "yes" | "y" | "true" | "1" | "x" | "done" | "completed" | "complete" | "closed"
        | "finished" => Some(true),
        "" | "no" | "n" | "false" | "0" | "open" | "notstarted" | "inprogress" | "todo"
        | "pending" | "waiting" | "deferred" | "notdone" | "undone" => Some(false),
        _ => None,
    }
}

/// Status words meaning "not decided yet" (Pipedrive: open; deleted deals stay open).
pub(crate) fn is_open_word(text: &str) -> bool {
    matches!(
        squash(text).as_str(),
        "open" | "active" | "inprogress" | "deleted" | "ongoing"
    )
}

/// Contact types from other CRMs' words (HubSpot lifecycle stages among them).
pub(crate) fn parse_contact_type(text: &str) -> Option<ContactType> {
    match squash(text).as_str() {
        "lead" | "subscriber" | "marketingqualifiedlead" | "mql" | "new" | "other" | "cold" => {
            Some(ContactType::Lead)
        }
        "prospect" | "salesqualifiedlead" | "sql" | "opportunity" | "qualified" | "warm" => {
            Some(ContactType::Prospect)
        }
        "client" | "customer" | "evangelist" | "account" | "active" => Some(ContactType::Client),
        _ => None,
    }
}

/// Task kinds, with other CRMs' activity names.
pub(crate) fn parse_kind(text: &str) -> TaskKind {
    if let Some(kind) = TaskKind::parse(text) {
        return kind;
    }
    match squash(text).as_str() {
        "phone" | "phonecall" | "calls" | "call" | "logcall" => TaskKind::Call,
        "mail" | "emails" | "sendemail" => TaskKind::Email,
        "lunch" | "visit" | "appointment" | "meetings" => TaskKind::Meeting,
        "presentation" | "webinar" => TaskKind::Demo,
        "quote" | "offer" => TaskKind::Proposal,
        "followup" | "reminder" => TaskKind::FollowUp,
        _ => TaskKind::Other,
    }
}

/// An amount of money: "1,234.50", "1.234,50", "$1200", "EUR 1 200", "(300)". Returns
/// cents and the currency a symbol or code in the cell names.
pub(crate) fn parse_money(text: &str) -> Result<(Cents, Option<String>), String> {
    let mut currency = None;
    let mut digits = String::new();
    let mut letters = String::new();
    let mut negative = false;
    for c in text.trim().chars() {
        match c {
            '0'..='9' | '.' | ',' => digits.push(c),
            '-' | '(' | ')' => negative = true,
            '$' => currency = Some("USD".to_string()),
            '€' => currency = Some("EUR".to_string()),
            '£' => currency = Some("GBP".to_string()),
            '¥' => currency = Some("JPY".to_string()),
            '₹' => currency = Some("INR".to_string()),
            ' ' | '\u{a0}' | '\u{202f}' | '\'' | '+' => {}
            c if c.is_ascii_alphabetic() => letters.push(c.to_ascii_uppercase()),
            _ => return Err(format!("“{}” is not an amount", text.trim())),
        }
    }
    if !letters.is_empty() {
        if letters.len() != 3 {
            return Err(format!("“{}” is not an amount", text.trim()));
        }
        currency = Some(letters);
    }
    if negative {
        return Err(format!("value {} is negative", text.trim()));
    }
    if !digits.bytes().any(|b| b.is_ascii_digit()) {
        return Err(format!("“{}” is not an amount", text.trim()));
    }
    // One kind of separator used more than once must group thousands ("1.234.567").
    for sep in ['.', ','] {
        if !digits.contains(if sep == '.' { ',' } else { '.' })
            && digits.matches(sep).count() > 1
            && !groups_thousands(&digits, sep)
        {
            return Err(format!("“{}” is not an amount", text.trim()));
        }
    }
    let cents = cents_from(&digits).ok_or_else(|| format!("value {} is too large", text.trim()))?;
    Ok((cents, currency))
}

/// Digits with `.` and `,` to cents. When both separators appear the last one is the
/// decimal point. A lone kind of separator groups thousands only when the digits read
/// as thousands groups: a first group of one to three digits that does not start with
/// 0, then groups of exactly three ("1.234", "12,345,678"). Anything else — "0.125",
/// "1234.567", "12,5" — has a decimal point, so an amount never silently grows a
/// thousandfold.
fn cents_from(digits: &str) -> Option<Cents> {
    let last_dot = digits.rfind('.');
    let last_comma = digits.rfind(',');
    let decimal = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(d.max(c)),
        (Some(p), None) | (None, Some(p)) => {
            let sep = char::from(digits.as_bytes().get(p).copied().unwrap_or(b'.'));
            let single = digits.matches(sep).count() == 1;
            (single && !groups_thousands(digits, sep)).then_some(p)
        }
        (None, None) => None,
    };
    let (whole, fraction) = match decimal {
        Some(p) => (digits.get(..p)?, digits.get(p + 1..)?),
        None => (digits, ""),
    };
    let whole: String = whole.chars().filter(char::is_ascii_digit).collect();
    if fraction.contains(['.', ',']) {
        return None;
    }
    let mut units: i64 = 0;
    for b in whole.bytes() {
        units = units.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    let mut frac = fraction.bytes().map(|b| i64::from(b - b'0'));
    let tens = frac.next().unwrap_or(0);
    let ones = frac.next().unwrap_or(0);
    let round_up = i64::from(frac.next().unwrap_or(0) >= 5);
    units
        .checked_mul(100)?
        .checked_add(tens * 10 + ones + round_up)
}

/// Whether `sep` splits `digits` into thousands groups: "1.234", "12.345.678".
fn groups_thousands(digits: &str, sep: char) -> bool {
    let mut groups = digits.split(sep);
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && !first.starts_with('0') && groups.all(|g| g.len() == 3)
}

/// A currency from a cell: a 3-letter code, a symbol or a common name.
pub(crate) fn parse_currency(text: &str) -> Option<String> {
    let t = text.trim();
    let code = match squash(t).as_str() {
        "$" | "usd" | "dollar" | "dollars" | "usdollar" => "USD",
        "eur" | "euro" | "euros" => "EUR",
        "gbp" | "pound" | "pounds" => "GBP",
        _ => match t {
            "$" => "USD",
            "€" => "EUR",
            "£" => "GBP",
            "¥" => "JPY",
            _ if t.len() == 3 && t.bytes().all(|b| b.is_ascii_alphabetic()) => {
                return Some(t.to_ascii_uppercase())
            }
            _ => return None,
        },
    };
    Some(code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_amounts_in_both_conventions() {
        let cents = |t: &str| parse_money(t).map(|m| m.0);
        assert_eq!(cents("1,234.50"), Ok(123_450));
        assert_eq!(cents("1.234,50"), Ok(123_450));
        assert_eq!(cents("1234"), Ok(123_400));
        assert_eq!(cents("1,234"), Ok(123_400));
        assert_eq!(cents("12,5"), Ok(1_250));
        assert_eq!(cents("1 200 000"), Ok(120_000_000));
        assert_eq!(
            parse_money("EUR 1.200,00"),
            Ok((120_000, Some("EUR".into())))
        );
        assert_eq!(parse_money("$99.99"), Ok((9_999, Some("USD".into()))));
        // A lone separator reads as thousands only where the digits are thousands groups.
        assert_eq!(cents("0.125"), Ok(13)); // 0.125 rounds to 0.13
        assert_eq!(cents("0,125"), Ok(13));
        assert_eq!(cents("1234.567"), Ok(123_457));
        assert_eq!(cents("1.234"), Ok(123_400));
        assert_eq!(cents("12.345.678"), Ok(1_234_567_800));
        assert_eq!(cents("1.2345"), Ok(123)); // 1.2345 → 1.23
        assert!(parse_money("1.23.4").is_err());
        assert!(parse_money("abc").is_err());
        assert!(parse_money("-5").is_err());
        assert!(parse_money("99999999999999999999").is_err());
    }

    #[test]
    fn reads_dates_times_and_durations() {
        let d = |f: DateFormat, t: &str| f.parse(t).map(|d| d.iso());
        assert_eq!(
            d(DateFormat::Iso, "2024-03-05 14:22:10"),
            Some("2024-03-05".into())
        );
        assert_eq!(
            d(DateFormat::Iso, "2024-03-05T14:22:00Z"),
            Some("2024-03-05".into())
        );
        assert_eq!(
            d(DateFormat::DayFirst, "05.03.2024"),
            Some("2024-03-05".into())
        );
        assert_eq!(
            d(DateFormat::MonthFirst, "3/5/24"),
            Some("2024-03-05".into())
        );
        assert_eq!(d(DateFormat::Iso, "2017-02-31"), None);
        assert_eq!(d(DateFormat::Iso, "99999-01-01"), None);
        assert_eq!(parse_time("2:30 PM"), Some(14 * 60 + 30));
        assert_eq!(parse_time("12am"), Some(0));
        assert_eq!(parse_time("09:05"), Some(9 * 60 + 5));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(time_after_date("2024-03-05 14:30"), Some(14 * 60 + 30));
        assert_eq!(parse_duration("1:15"), Some(75));
        assert_eq!(parse_duration("1.5 h"), Some(90));
        assert_eq!(parse_duration("30 min"), Some(30));
        assert_eq!(parse_duration("forever"), None);
    }
}
