//! Numbers as they appear in SVG attributes and on axes.

/// A coordinate for an SVG attribute: at most two decimals, no trailing zeros,
/// never `-0`, and `0` for values that are not finite (a broken point must not
/// break the whole path).
pub fn svg_number(value: f64) -> String {
    if !value.is_finite() {
        return "0".into();
    }
    let text = format!("{:.2}", value);
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    if text == "-0" {
        "0".into()
    } else {
        text
    }
}

/// A short axis label: `950`, `0.5`, `1.2k`, `12k`, `3M`, `1.5B`, with a leading `-`
/// for negatives. One decimal at most once a unit suffix is used.
pub fn axis_label(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let size = value.abs();
    if size < 1000.0 {
        let text = svg_number(size);
        return if text == "0" {
            text
        } else {
            format!("{sign}{text}")
        };
    }
    const UNITS: [(f64, &str); 4] = [(1e3, "k"), (1e6, "M"), (1e9, "B"), (1e12, "T")];
    for (i, (scale, suffix)) in UNITS.iter().enumerate() {
        let rounded = (size / scale * 10.0).round() / 10.0;
        // 999,960 rounds to "1000k": move up to the next unit instead.
        if rounded < 1000.0 || i == UNITS.len() - 1 {
            return format!("{sign}{}{suffix}", svg_number(rounded));
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_numbers_have_at_most_two_decimals() {
        assert_eq!(svg_number(12.0), "12");
        assert_eq!(svg_number(12.345), "12.35");
        assert_eq!(svg_number(12.3), "12.3");
        assert_eq!(svg_number(-0.001), "0");
        assert_eq!(svg_number(-3.5), "-3.5");
        assert_eq!(svg_number(f64::NAN), "0");
        assert_eq!(svg_number(1e6), "1000000");
    }

    #[test]
    fn axis_labels_use_short_units() {
        assert_eq!(axis_label(0.0), "0");
        assert_eq!(axis_label(950.0), "950");
        assert_eq!(axis_label(0.5), "0.5");
        assert_eq!(axis_label(1200.0), "1.2k");
        assert_eq!(axis_label(12_000.0), "12k");
        assert_eq!(axis_label(3_000_000.0), "3M");
        assert_eq!(axis_label(-41_200.0), "-41.2k");
        assert_eq!(axis_label(999_960.0), "1M");
        assert_eq!(axis_label(1.5e9), "1.5B");
        assert_eq!(axis_label(f64::INFINITY), "");
    }
}
