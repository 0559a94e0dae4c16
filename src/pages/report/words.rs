//! The Reports page's words: a verdict's headline and reason, signed money, a label's
//! capital letter. A leaf, so the page's sections share them without importing each
//! other.

use crate::format::money;
use pipewise_core::reports::{Factor, Verdict};

/// The headline of a verdict and its short reason; the CSS class says how it looks.
pub fn verdict_words(verdict: Verdict) -> (&'static str, String, &'static str) {
    match verdict {
        Verdict::NotEnoughData => (
            "Not enough data",
            "too few decided deals to judge by".into(),
            "no-data",
        ),
        Verdict::AtOrAbove { watch: Some(f) } => (
            "On track",
            format!("watch {}", f.label().to_lowercase()),
            "on-track",
        ),
        Verdict::AtOrAbove { watch: None } => {
            ("On track", "at or above the benchmark".into(), "on-track")
        }
        Verdict::NotEnoughChances(Factor::Yield) => (
            "Not enough chances",
            "too few deals reach a decision".into(),
            "off-track",
        ),
        Verdict::NotEnoughChances(_) => (
            "Not enough chances",
            "too few new leads".into(),
            "off-track",
        ),
        Verdict::ClosingEffectiveness => (
            "Closing effectiveness",
            "too few decided deals are won".into(),
            "off-track",
        ),
        Verdict::DealSize => ("Deal size", "won deals are smaller".into(), "off-track"),
    }
}

/// "+$8,472" / "−$74,438".
pub fn signed_money(cents: f64, currency: &str) -> String {
    let text = money(cents.round() as i64, currency);
    if cents.round() > 0.0 {
        format!("+{text}")
    } else {
        text.replacen('-', "−", 1)
    }
}

/// "Prospecting volume", "Meeting → Needs analysis".
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
