//! iCalendar (RFC 5545) export of tasks, for Google Calendar, Outlook and Apple Calendar.

use super::text::{calendar_date, tag_name};
use crate::model::{Book, Stamp};
use std::collections::HashMap;

/// The calendar text: one event per task, CRLF line ends, lines folded at 75 octets.
/// `stamp` (the export time) becomes every event's DTSTAMP.
pub fn export_ics(book: &Book, stamp: Stamp) -> String {
    let contacts: HashMap<_, _> = book.contacts.iter().map(|c| (c.id, c)).collect();
    let deals: HashMap<_, _> = book.deals.iter().map(|d| (d.id, d)).collect();
    let dtstamp = utc_text(stamp);
    let mut out = String::new();
    let mut line = |text: String| fold_line(&mut out, &text);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Pipewise//Pipewise tasks//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("X-WR-CALNAME:Pipewise tasks".into());
    for task in &book.tasks {
        let Some(date) = calendar_date(task.on) else {
            continue; // not a real date: nothing a calendar could show
        };
        let tag = tag_name(&book.process, task.tag);
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}@pipewise", task.id));
        line(format!("DTSTAMP:{dtstamp}"));
        match task.time {
            Some(minutes) => {
                let minutes = minutes.min(24 * 60 - 1);
                line(format!(
                    "DTSTART:{}T{:02}{:02}00",
                    date.format("%Y%m%d"),
                    minutes / 60,
                    minutes % 60
                ));
                if let Some(duration) = task.duration {
                    line(format!("DURATION:PT{duration}M"));
                }
            }
            None => line(format!("DTSTART;VALUE=DATE:{}", date.format("%Y%m%d"))),
        }
        line(format!(
            "SUMMARY:{}",
            escape(&format!("{}: {} [{tag}]", task.kind.label(), task.title))
        ));
        let mut description = Vec::new();
        if let Some(c) = contacts.get(&task.contact) {
            description.push(if c.company.is_empty() {
                format!("Contact: {}", c.name)
            } else {
                format!("Contact: {} ({})", c.name, c.company)
            });
        }
        if let Some(d) = task.deal.and_then(|id| deals.get(&id)) {
            description.push(format!("Deal: {}", d.title));
        }
        if let Some(done) = task.done_on.and_then(calendar_date) {
            description.push(format!("Done on {}", done.format("%Y-%m-%d")));
        }
        if !task.notes.is_empty() {
            description.push(String::new());
            description.push(task.notes.clone());
        }
        if !description.is_empty() {
            line(format!("DESCRIPTION:{}", escape(&description.join("\n"))));
        }
        line(format!("CATEGORIES:{}", escape(tag)));
        line("STATUS:CONFIRMED".into());
        line("TRANSP:TRANSPARENT".into());
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

/// A time stamp as UTC date-time, e.g. `20261129T143000Z`.
fn utc_text(stamp: Stamp) -> String {
    chrono::DateTime::from_timestamp_millis(stamp)
        .unwrap_or_default()
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded so no line exceeds 75 octets (RFC 5545 §3.1); folds
/// fall between characters, never inside a UTF-8 sequence.
fn fold_line(out: &mut String, text: &str) {
    let mut width = 0;
    for c in text.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        fold_line(&mut out, &format!("SUMMARY:{}", "é".repeat(100)));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(100)));
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }
}
