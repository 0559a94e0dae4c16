//! Bytes to text that localStorage keeps verbatim, and back.
//!
//! localStorage holds UTF-16 strings and counts its quota in code units, so each char
//! carries 15 bits: the value plus 0x4E00, which keeps every char between U+4E00 and
//! U+CDFF, far from the surrogates (U+D800–DFFF) a browser could mangle. The first
//! char says how many padding bits the last char carries (0–14), so the byte count is
//! exact.

const BASE: u32 = 0x4E00;
const MASK: u32 = 0x7FFF;
/// 15 bytes are exactly 8 chars (120 bits), so whole groups pack and unpack without
/// carrying bits from one to the next.
const GROUP: usize = 15;
/// Groups per call of the block functions below. The work goes through a function
/// called once per block, not one long loop, because V8 optimises a wasm function only
/// for its later calls: a single call over a million chars would run unoptimised
/// throughout (see `flate.rs`).
const BLOCK_GROUPS: usize = 512;

pub fn bytes_to_text(bytes: &[u8]) -> String {
    // Written as UTF-8 directly (every char is 3 bytes): much faster than pushing chars.
    let mut utf8 = Vec::with_capacity(3 * units_for(bytes.len()));
    push_unit(&mut utf8, padding(bytes.len()));
    pack_bits(bytes, |v| push_unit(&mut utf8, v));
    // Always valid: each unit is a char between U+4E00 and U+CDFF.
    String::from_utf8(utf8).unwrap_or_default()
}

/// Appends the same text as [`bytes_to_text`] as UTF-16 code units: what the browser
/// stores, so the text crosses into JavaScript without a UTF-8 round trip.
pub fn push_units(bytes: &[u8], units: &mut Vec<u16>) {
    units.reserve(units_for(bytes.len()));
    units.push((BASE + padding(bytes.len())) as u16);
    let (groups, tail) = bytes.split_at(bytes.len() / GROUP * GROUP);
    for block in groups.chunks(GROUP * BLOCK_GROUPS) {
        pack_groups(block, units);
    }
    pack_bits(tail, |v| units.push((BASE + v) as u16));
}

/// Whole 15-byte groups, 8 units each.
#[inline(never)]
fn pack_groups(block: &[u8], units: &mut Vec<u16>) {
    for group in block.chunks_exact(GROUP) {
        let bits = group
            .iter()
            .fold(0u128, |acc, &b| (acc << 8) | u128::from(b));
        for i in (0..8).rev() {
            units.push((BASE + ((bits >> (15 * i)) as u32 & MASK)) as u16);
        }
    }
}

/// Chars (and UTF-16 units) the packed form of `n` bytes takes, the padding char included.
pub fn units_for(n: usize) -> usize {
    1 + (n * 8).div_ceil(15)
}

/// Zero bits that fill up the last char of `n` bytes (the first char of the text).
fn padding(n: usize) -> u32 {
    ((15 - n * 8 % 15) % 15) as u32
}

/// The 15-bit values of `bytes`, the last one padded with zero bits.
fn pack_bits(bytes: &[u8], mut emit: impl FnMut(u32)) {
    let mut acc: u32 = 0;
    let mut held = 0;
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        held += 8;
        if held >= 15 {
            held -= 15;
            emit(acc >> held);
            acc &= (1 << held) - 1;
        }
    }
    if held > 0 {
        emit(acc << (15 - held));
    }
}

pub fn text_to_bytes(text: &str) -> Result<Vec<u8>, String> {
    // Every char we write is 3 bytes of UTF-8 (U+4E00..U+CDFF), so the values are read
    // straight from the bytes, three at a time; anything else is refused.
    let utf8 = text.as_bytes();
    let foreign = || {
        let c = text
            .chars()
            .find(|&c| u32::from(c).wrapping_sub(BASE) > MASK);
        match c {
            Some(c) => format!("it holds a character it never writes ({c:?})"),
            None => "it is empty".into(),
        }
    };
    if utf8.is_empty() || !utf8.len().is_multiple_of(3) {
        return Err(foreign());
    }
    let padding = unit_value(&utf8[..3]).ok_or_else(foreign)? as usize;
    let data = &utf8[3..];
    let count = data.len() / 3;
    let bits = count
        .checked_mul(15)
        .and_then(|bits| bits.checked_sub(padding))
        .filter(|bits| padding < 15 && bits % 8 == 0)
        .ok_or_else(|| "its length is wrong".to_string())?;
    let len = bits / 8;
    let mut bytes = Vec::with_capacity(len + 2);
    // Whole groups of 8 chars make 15 bytes each; the last char, which holds the
    // padding, is read bit by bit with whatever follows the last whole group.
    let groups = count.saturating_sub(1) / 8;
    let (whole, tail) = data.split_at(groups * 24);
    for block in whole.chunks(24 * BLOCK_GROUPS) {
        unpack_groups(block, &mut bytes).ok_or_else(foreign)?;
    }
    let mut acc: u32 = 0;
    let mut held = 0;
    for unit in tail.chunks_exact(3) {
        acc = (acc << 15) | unit_value(unit).ok_or_else(foreign)?;
        held += 15;
        // 15 new bits make one byte, sometimes two.
        while held >= 8 {
            held -= 8;
            bytes.push((acc >> held) as u8);
            acc &= (1 << held) - 1;
        }
    }
    // The last char's padding bits came out as a partial byte or stayed in `acc`: they
    // must be zero.
    if bytes.len() < len || bytes[len..].iter().any(|&b| b != 0) || acc != 0 {
        return Err("its last character is damaged".into());
    }
    bytes.truncate(len);
    Ok(bytes)
}

/// The 15-bit value of one char's UTF-8, or `None` for a char we never write.
#[inline(always)]
fn unit_value(unit: &[u8]) -> Option<u32> {
    let (a, b, c) = (unit[0], unit[1], unit[2]);
    if a & 0xF0 != 0xE0 || b & 0xC0 != 0x80 || c & 0xC0 != 0x80 {
        return None;
    }
    let ch = (u32::from(a & 0x0F) << 12) | (u32::from(b & 0x3F) << 6) | u32::from(c & 0x3F);
    let v = ch.wrapping_sub(BASE);
    (v <= MASK).then_some(v)
}

/// Whole groups of 8 chars (24 bytes of UTF-8), 15 bytes each.
#[inline(never)]
fn unpack_groups(block: &[u8], bytes: &mut Vec<u8>) -> Option<()> {
    for group in block.chunks_exact(24) {
        let mut bits = 0u128;
        for unit in group.chunks_exact(3) {
            bits = (bits << 15) | u128::from(unit_value(unit)?);
        }
        bytes.extend_from_slice(&bits.to_be_bytes()[1..]);
    }
    Some(())
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
        let long = 2 * GROUP * BLOCK_GROUPS + 3 * GROUP + 7;
        for n in (0..40).chain([GROUP * BLOCK_GROUPS, long]) {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            let n: usize = n;
            let text = bytes_to_text(&bytes);
            assert_eq!(text.chars().count(), 1 + (n * 8).div_ceil(15));
            assert!(text.chars().all(|c| ('\u{4E00}'..='\u{CDFF}').contains(&c)));
            assert_eq!(text_to_bytes(&text).unwrap(), bytes);
            let units: Vec<u16> = text.encode_utf16().collect();
            let mut packed = Vec::new();
            push_units(&bytes, &mut packed);
            assert_eq!(packed, units);
            assert_eq!(units.len(), units_for(n));
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
