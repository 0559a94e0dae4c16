//! Money as people read it in a report.

/// Whole currency units with thousands separators: `$41,200`, `-$52,000`, `€1,250`,
/// `1,250 CHF`. Cents are rounded half away from zero; reports never need them.
/// Plain and locale-free: the UI may localise.
pub fn format_money(cents: i64, currency: &str) -> String {
    // i128 so that even i64::MIN has an absolute value.
    let cents = cents as i128;
    let half = if cents < 0 { -50 } else { 50 };
    format_units((cents + half) / 100, currency)
}

/// The same for a figure in cents that need not be whole (averages, benchmarks).
pub(crate) fn format_money_f(cents: f64, currency: &str) -> String {
    let units = if cents.is_finite() {
        (cents / 100.0).round()
    } else {
        0.0
    };
    // `as` saturates at the i128 bounds, far beyond any real amount.
    format_units(units as i128, currency)
}

fn format_units(units: i128, currency: &str) -> String {
    let sign = if units < 0 { "-" } else { "" };
    let digits = units.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let symbol = match currency.trim().to_ascii_uppercase().as_str() {
        "USD" | "" => Some("$"),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        "JPY" => Some("¥"),
        "INR" => Some("₹"),
        _ => None,
    };
    match symbol {
        Some(s) => format!("{sign}{s}{grouped}"),
        None => format!("{sign}{grouped} {}", currency.trim()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_whole_units_with_separators() {
        assert_eq!(format_money(4_120_000, "USD"), "$41,200");
        assert_eq!(format_money(-5_200_000, "USD"), "-$52,000");
        assert_eq!(format_money(0, "USD"), "$0");
        assert_eq!(format_money(99_950, "EUR"), "€1,000");
        assert_eq!(format_money(12_345_678_900, "GBP"), "£123,456,789");
        assert_eq!(format_money(125_000, "CHF"), "1,250 CHF");
        assert_eq!(format_money(49, "USD"), "$0");
        assert_eq!(format_money(-49, "USD"), "$0");
        assert_eq!(format_money(i64::MIN, "USD"), "-$92,233,720,368,547,758");
        assert_eq!(format_money_f(-4_120_049.0, "USD"), "-$41,200");
    }
}
