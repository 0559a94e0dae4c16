//! Little byte writer and reader for the packed payload: LEB128 varints, zigzag for
//! signed numbers, length-prefixed strings, and a string table for values that repeat
//! (owners, sources, currencies). Hand-written because it is ~150 lines and a serde
//! binary format would not give us columns or interning anyway.
//!
//! The per-value methods are kept out of line (`#[inline(never)]`): in the browser, V8
//! optimises a wasm function only for its later calls, so a value written or read by a
//! call of its own runs optimised after the first few thousand values, where the same
//! code inlined into a column loop that runs once would stay in the slow tier.

use rustc_hash::FxHashMap;

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
        self.u64(((n << 1) ^ (n >> 63)) as u64);
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
        let z = self.u64()?;
        Ok((z >> 1) as i64 ^ -((z & 1) as i64))
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
}

impl<'a> Interner<'a> {
    #[inline(never)]
    pub fn id(&mut self, s: &'a str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.strings.len() as u32;
        self.index.insert(s, i);
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
