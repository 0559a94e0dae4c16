//! Little byte writer and reader for the packed payload: LEB128 varints, zigzag for
//! signed numbers, length-prefixed strings, a string table for values that repeat
//! (owners, sources, currencies), and the pieces every schema's columns are made of
//! (ids, references, day and stamp deltas). Hand-written because it is a few hundred
//! lines and a serde binary format would not give us columns or interning anyway.
//!
//! Everything here is part of the formats of schemas already shipped: change what a
//! piece writes and old data no longer reads (the fixture tests in `tests/store.rs`
//! catch it). A new schema that needs something else adds a new piece.
//!
//! The per-value methods are kept out of line (`#[inline(never)]`): in the browser, V8
//! optimises a wasm function only for its later calls, so a value written or read by a
//! call of its own runs optimised after the first few thousand values, where the same
//! code inlined into a column loop that runs once would stay in the slow tier.

use crate::day::Day;
use crate::ids::Id;
use rustc_hash::FxHashMap;
use std::hash::Hash;

/// Why a payload could not be read, in a rep's words where it matters.
pub type ReadResult<T> = Result<T, String>;

#[derive(Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn with_capacity(n: usize) -> Writer {
        Writer {
            bytes: Vec::with_capacity(n),
        }
    }

    #[inline(never)]
    pub fn u64(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.bytes.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.bytes.push(n as u8);
    }

    pub fn i64(&mut self, n: i64) {
        self.u64(zigzag(n));
    }

    pub fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }

    pub fn raw(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
    }

    #[inline(never)]
    pub fn str(&mut self, s: &str) {
        self.len(s.len());
        self.raw(s.as_bytes());
    }

    /// A record id: 16 raw bytes (random, so a varint would only grow it).
    pub fn id(&mut self, id: Id) {
        self.raw(&id.0.to_be_bytes());
    }
}

/// A signed number as an unsigned one that stays small when the number is near zero
/// (0, -1, 1, -2, … become 0, 1, 2, 3, …).
pub fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

pub fn unzigzag(z: u64) -> i64 {
    (z >> 1) as i64 ^ -((z & 1) as i64)
}

pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes }
    }

    pub fn remaining(&self) -> usize {
        self.bytes.len()
    }

    #[inline(never)]
    pub fn u64(&mut self) -> ReadResult<u64> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let (&b, rest) = self.bytes.split_first().ok_or_else(ended)?;
            self.bytes = rest;
            let part = u64::from(b & 0x7f);
            if shift == 63 && part > 1 {
                return Err("a number is too large".into());
            }
            n |= part << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err("a number is too long".into())
    }

    pub fn i64(&mut self) -> ReadResult<i64> {
        Ok(unzigzag(self.u64()?))
    }

    pub fn u32(&mut self) -> ReadResult<u32> {
        u32::try_from(self.u64()?).map_err(|_| "a number is too large".to_string())
    }

    /// A count of items still to come; each item takes at least one byte, so a count
    /// larger than what is left is damage (and must not size an allocation).
    pub fn count(&mut self) -> ReadResult<usize> {
        self.count_sized(1)
    }

    /// A count of items that each take at least `size` bytes.
    pub fn count_sized(&mut self, size: usize) -> ReadResult<usize> {
        let n = self.u64()?;
        match usize::try_from(n) {
            Ok(n) if n.saturating_mul(size) <= self.remaining() => Ok(n),
            _ => Err(format!("a list claims {n} items, more than the data holds")),
        }
    }

    pub fn raw(&mut self, n: usize) -> ReadResult<&'a [u8]> {
        if n > self.bytes.len() {
            return Err(ended());
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    pub fn array<const N: usize>(&mut self) -> ReadResult<[u8; N]> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.raw(N)?);
        Ok(out)
    }

    #[inline(never)]
    pub fn str(&mut self) -> ReadResult<String> {
        let n = self.count()?;
        let bytes = self.raw(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| "some text is not valid".to_string())
    }

    pub fn id(&mut self) -> ReadResult<Id> {
        Ok(Id(u128::from_be_bytes(self.array()?)))
    }

    pub fn finish(self) -> ReadResult<()> {
        if self.bytes.is_empty() {
            Ok(())
        } else {
            Err(format!("{} unexpected bytes at the end", self.bytes.len()))
        }
    }
}

fn ended() -> String {
    "the data ends too early".into()
}

/// Strings that repeat across records, written once and then referred to by index.
#[derive(Default)]
pub struct Interner<'a> {
    index: FxHashMap<&'a str, u32>,
    strings: Vec<&'a str>,
    /// The empty string's index, kept apart from `index`: most stage notes are empty,
    /// and natively an empty `String`'s dangling pointer makes each `memcmp` in a map
    /// lookup ~40 times slower on AVX-512 machines (the benchmarks ran mostly in it).
    empty: Option<u32>,
}

impl<'a> Interner<'a> {
    #[inline(never)]
    pub fn id(&mut self, s: &'a str) -> u32 {
        let known = if s.is_empty() {
            self.empty
        } else {
            self.index.get(s).copied()
        };
        if let Some(i) = known {
            return i;
        }
        let i = self.strings.len() as u32;
        if s.is_empty() {
            self.empty = Some(i);
        } else {
            self.index.insert(s, i);
        }
        self.strings.push(s);
        i
    }

    pub fn write(&self, w: &mut Writer) {
        w.len(self.strings.len());
        for s in &self.strings {
            w.str(s);
        }
    }
}

/// The reading side of [`Interner`].
pub struct Strings(Vec<String>);

impl Strings {
    pub fn read(r: &mut Reader) -> ReadResult<Strings> {
        let n = r.count()?;
        let mut all = Vec::with_capacity(n);
        for _ in 0..n {
            all.push(r.str()?);
        }
        Ok(Strings(all))
    }

    #[inline(never)]
    pub fn get(&self, r: &mut Reader) -> ReadResult<String> {
        let i = r.u64()?;
        usize::try_from(i)
            .ok()
            .and_then(|i| self.0.get(i))
            .cloned()
            .ok_or_else(|| format!("a text reference ({i}) points nowhere"))
    }
}

// ---- References between tables ----

/// Each key's position in a table. With duplicate keys a reference resolves to the
/// first record that has it.
pub fn index_of<K: Hash + Eq>(keys: impl Iterator<Item = K>) -> FxHashMap<K, usize> {
    let mut index = FxHashMap::default();
    for (i, key) in keys.enumerate() {
        index.entry(key).or_insert(i);
    }
    index
}

/// 1 + the record's position, or 0 and the raw id when the record is not in the book,
/// so even a dangling reference survives a round trip.
pub fn write_ref(w: &mut Writer, index: &FxHashMap<Id, usize>, id: Id) {
    match index.get(&id) {
        Some(&i) => w.len(i + 1),
        None => {
            w.u64(0);
            w.id(id);
        }
    }
}

pub fn read_ref<T>(r: &mut Reader, table: &[T], id_of: impl Fn(&T) -> Id) -> ReadResult<Id> {
    match r.u64()? {
        0 => r.id(),
        n => usize::try_from(n - 1)
            .ok()
            .and_then(|i| table.get(i))
            .map(id_of)
            .ok_or_else(|| format!("a reference ({n}) points past the end of its table")),
    }
}

// ---- Days, stamps and optional numbers ----

/// Days as differences from the previous day in the same column. Wrapping arithmetic
/// keeps any `i32` exact, however silly.
#[derive(Default)]
pub struct DayDeltas {
    prev: i32,
}

impl DayDeltas {
    pub fn write(&mut self, w: &mut Writer, day: Day) {
        w.i64(day.0.wrapping_sub(self.prev).into());
        self.prev = day.0;
    }

    pub fn read(&mut self, r: &mut Reader) -> ReadResult<Day> {
        let delta = i32::try_from(r.i64()?).map_err(|_| "a date is out of range".to_string())?;
        self.prev = self.prev.wrapping_add(delta);
        Ok(Day(self.prev))
    }
}

/// Edit stamps as differences from the previous stamp in the same column.
#[derive(Default)]
pub struct StampDeltas {
    prev: i64,
}

impl StampDeltas {
    pub fn write(&mut self, w: &mut Writer, stamp: i64) {
        w.i64(stamp.wrapping_sub(self.prev));
        self.prev = stamp;
    }

    pub fn read(&mut self, r: &mut Reader) -> ReadResult<i64> {
        self.prev = self.prev.wrapping_add(r.i64()?);
        Ok(self.prev)
    }
}

/// `None` as 0; a day as 1 + its zigzagged distance from a nearby day of the record.
pub fn write_optional_day(w: &mut Writer, day: Option<Day>, near: Day) {
    match day {
        None => w.u64(0),
        // An `i32` distance zigzags to at most `u32::MAX`: adding 1 cannot overflow.
        Some(d) => w.u64(zigzag(d.0.wrapping_sub(near.0).into()) + 1),
    }
}

pub fn read_optional_day(r: &mut Reader, near: Day) -> ReadResult<Option<Day>> {
    match r.u64()? {
        0 => Ok(None),
        n => {
            let delta =
                i32::try_from(unzigzag(n - 1)).map_err(|_| "a date is out of range".to_string())?;
            Ok(Some(Day(near.0.wrapping_add(delta))))
        }
    }
}

/// `None` as 0, a value as 1 + the value.
pub fn optional_code<T: Into<u32>>(n: Option<T>) -> u64 {
    n.map_or(0, |n| u64::from(n.into()) + 1)
}

/// The reading side of [`optional_code`].
pub fn optional<T: TryFrom<u64>>(n: u64) -> ReadResult<Option<T>> {
    match n {
        0 => Ok(None),
        n => T::try_from(n - 1)
            .map(Some)
            .map_err(|_| "a number is too large".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_at_the_extremes() {
        let mut w = Writer::default();
        for n in [0, 1, 127, 128, u64::MAX] {
            w.u64(n);
        }
        for n in [0, -1, 1, i64::MIN, i64::MAX] {
            w.i64(n);
        }
        let mut r = Reader::new(&w.bytes);
        for n in [0, 1, 127, 128, u64::MAX] {
            assert_eq!(r.u64(), Ok(n));
        }
        for n in [0, -1, 1, i64::MIN, i64::MAX] {
            assert_eq!(r.i64(), Ok(n));
        }
        assert!(r.finish().is_ok());
    }

    #[test]
    fn refuses_overlong_numbers_and_counts() {
        assert!(Reader::new(&[0xff; 11]).u64().is_err());
        assert!(
            Reader::new(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02])
                .u64()
                .is_err()
        );
        assert!(Reader::new(&[0x80]).u64().is_err());
        assert!(Reader::new(&[5, 1, 2]).count().is_err());
        assert!(Reader::new(&[2, 1, 2]).count_sized(2).is_err());
        assert!(Reader::new(&[3, b'a', 0xff, b'c']).str().is_err());
    }
}
