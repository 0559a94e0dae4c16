//! Bytes to text that localStorage keeps verbatim, and back.
//!
//! localStorage holds UTF-16 strings and counts its quota in code units, so each char
//! carries 15 bits: the value plus 0x4E00, which keeps every char between U+4E00 and
//! U+CDFF, far from the surrogates (U+D800–DFFF) a browser could mangle. The first
//! char says how many padding bits the last char carries (0–14), so the byte count is
//! exact.

const BASE: u32 = 0x4E00;
const MASK: u32 = 0x7FFF;

pub fn bytes_to_text(bytes: &[u8]) -> String {
    let bits = bytes.len() * 8;
    let padding = (15 - bits % 15) % 15;
    // Written as UTF-8 directly (every char is 3 bytes): much faster than pushing chars.
    let mut utf8 = Vec::with_capacity(3 * (1 + bits.div_ceil(15)));
    push_unit(&mut utf8, padding as u32);
    let mut acc: u32 = 0;
    let mut held = 0;
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        held += 8;
        if held >= 15 {
            held -= 15;
            push_unit(&mut utf8, acc >> held);
            acc &= (1 << held) - 1;
        }
    }
    if held > 0 {
        push_unit(&mut utf8, acc << (15 - held));
    }
    // Always valid: each unit is a char between U+4E00 and U+CDFF.
    String::from_utf8(utf8).unwrap_or_default()
}

pub fn text_to_bytes(text: &str) -> Result<Vec<u8>, String> {
    let mut values = text.chars().map(|c| {
        let v = u32::from(c).wrapping_sub(BASE);
        if v <= MASK {
            Ok(v)
        } else {
            Err(format!("it holds a character it never writes ({c:?})"))
        }
    });
    let padding = match values.next() {
        Some(v) => v? as usize,
        None => return Err("it is empty".into()),
    };
    let units = text.chars().count() - 1;
    let bits = units
        .checked_mul(15)
        .and_then(|bits| bits.checked_sub(padding))
        .filter(|bits| padding < 15 && bits % 8 == 0)
        .ok_or_else(|| "its length is wrong".to_string())?;
    let mut bytes = Vec::with_capacity(bits / 8);
    let mut acc: u32 = 0;
    let mut held = 0;
    for v in values {
        acc = (acc << 15) | v?;
        held += 15;
        while held >= 8 && bytes.len() < bits / 8 {
            held -= 8;
            bytes.push((acc >> held) as u8);
            acc &= (1 << held) - 1;
        }
    }
    if acc != 0 {
        return Err("its last character is damaged".into());
    }
    Ok(bytes)
}

/// UTF-8 of the char BASE + v: three bytes, as for any char from U+0800 to U+FFFF.
fn push_unit(utf8: &mut Vec<u8>, v: u32) {
    let c = BASE + (v & MASK);
    utf8.extend_from_slice(&[
        0xE0 | (c >> 12) as u8,
        0x80 | ((c >> 6) & 0x3F) as u8,
        0x80 | (c & 0x3F) as u8,
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length() {
        for n in 0..40 {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            let n: usize = n;
            let text = bytes_to_text(&bytes);
            assert_eq!(text.chars().count(), 1 + (n * 8).div_ceil(15));
            assert!(text.chars().all(|c| ('\u{4E00}'..='\u{CDFF}').contains(&c)));
            assert_eq!(text_to_bytes(&text).unwrap(), bytes);
        }
    }

    #[test]
    fn refuses_foreign_characters_and_bad_lengths() {
        assert!(text_to_bytes("").is_err());
        assert!(text_to_bytes("abc").is_err());
        let mut text = bytes_to_text(&[1, 2, 3]);
        text.pop();
        assert!(text_to_bytes(&text).is_err());
    }
}
