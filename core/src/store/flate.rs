//! Deflate and inflate (miniz_oxide) fed a block at a time.
//!
//! The output is a deflate stream like any other (up to one block it is the very stream
//! one call would give; past that the compressor may cut its blocks elsewhere). What
//! changes is the size of each call, which matters in the browser: V8 runs a wasm function in
//! its baseline tier until it has run for a while, and switches to optimised code only on
//! a *later* call. One call over four megabytes runs entirely in the slow tier; a call per
//! 32 KiB block is optimised after the first few blocks, which makes the first save and
//! the start-up decode about as fast as later ones. Each block function is kept out of
//! line for that reason.

use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

/// Bytes handed to one call.
pub const BLOCK: usize = 32 * 1024;

/// Raw deflate of `payload` (no zlib header), as `miniz_oxide::deflate::compress_to_vec`.
pub fn deflate(payload: &[u8], level: u8) -> Vec<u8> {
    let flags = create_comp_flags_from_zip_params(level.into(), 0, 0);
    let mut out = Deflated {
        compressor: Box::new(CompressorOxide::new(flags)),
        bytes: vec![0; (payload.len() / 2).max(BLOCK)],
        len: 0,
    };
    for block in payload.chunks(BLOCK) {
        out.push(block, TDEFLFlush::None);
    }
    out.push(&[], TDEFLFlush::Finish);
    out.bytes.truncate(out.len);
    out.bytes
}

struct Deflated {
    compressor: Box<CompressorOxide>,
    /// Output so far in `bytes[..len]`; the rest is room to write into.
    bytes: Vec<u8>,
    len: usize,
}

impl Deflated {
    #[inline(never)]
    fn push(&mut self, mut input: &[u8], flush: TDEFLFlush) {
        loop {
            if self.bytes.len() - self.len < BLOCK {
                self.bytes.resize(self.bytes.len() * 2, 0);
            }
            let (status, used, wrote) = compress(
                &mut self.compressor,
                input,
                &mut self.bytes[self.len..],
                flush,
            );
            self.len += wrote;
            input = input.get(used..).unwrap_or_default();
            match status {
                TDEFLStatus::Done => return,
                TDEFLStatus::Okay if input.is_empty() && flush == TDEFLFlush::None => return,
                TDEFLStatus::Okay => {}
                // Only for bad parameters, which these are not: stop rather than spin;
                // the checksum and the decoder would refuse the result.
                _ => return,
            }
        }
    }
}

/// Inflates raw deflate data, refusing to grow past `limit` bytes.
pub fn inflate(deflated: &[u8], limit: usize) -> Option<Vec<u8>> {
    let mut decompressor = Box::<DecompressorOxide>::default();
    let mut out = vec![0; deflated.len().saturating_mul(2).clamp(1, limit.max(1))];
    let mut len = 0;
    let mut input = deflated;
    loop {
        if len == out.len() {
            if out.len() >= limit {
                return None;
            }
            let grown = out.len().saturating_mul(2).min(limit);
            out.resize(grown, 0);
        }
        let end = out.len().min(len + 2 * BLOCK);
        let (status, used, wrote) = inflate_block(&mut decompressor, input, &mut out[..end], len);
        len += wrote;
        input = input.get(used..)?;
        match status {
            TINFLStatus::Done => {
                out.truncate(len);
                return Some(out);
            }
            TINFLStatus::HasMoreOutput => {}
            _ => return None,
        }
    }
}

/// One call of the inflater: fills `out[len..]` (earlier output stays readable for
/// back-references) or stops when the data ends.
#[inline(never)]
fn inflate_block(
    decompressor: &mut DecompressorOxide,
    input: &[u8],
    out: &mut [u8],
    len: usize,
) -> (TINFLStatus, usize, usize) {
    decompress(
        decompressor,
        input,
        out,
        len,
        inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
    )
}

/// Adds one block to a checksum (out of line, like the blocks above).
#[inline(never)]
pub fn adler_block(sum: &mut adler2::Adler32, block: &[u8]) {
    sum.write_slice(block);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(n: usize) -> Vec<u8> {
        // Compressible but not trivial: words, numbers and some noise.
        let mut state = 0x2545_f491_u32;
        (0..n)
            .map(|i| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                match i % 7 {
                    0..=3 => b"pipeline"[i % 8],
                    4 => (i / 97) as u8,
                    _ => state as u8,
                }
            })
            .collect()
    }

    #[test]
    fn blocks_round_trip_and_compress_as_well_as_one_call() {
        for n in [
            0,
            1,
            100,
            BLOCK - 1,
            BLOCK,
            BLOCK + 1,
            5 * BLOCK + 77,
            1_000_003,
        ] {
            let payload = sample(n);
            let one = miniz_oxide::deflate::compress_to_vec(&payload, 1);
            let blocks = deflate(&payload, 1);
            if n <= BLOCK {
                assert_eq!(blocks, one, "{n} bytes");
            }
            assert!(blocks.len() <= one.len() + one.len() / 100 + 8, "{n} bytes");
            assert_eq!(
                inflate(&blocks, 64 << 20).as_deref(),
                Some(&payload[..]),
                "{n} bytes"
            );
            let reference = miniz_oxide::inflate::decompress_to_vec(&blocks).unwrap();
            assert_eq!(
                reference, payload,
                "{n} bytes, read by miniz's own inflater"
            );
            assert_eq!(
                inflate(&one, 64 << 20).as_deref(),
                Some(&payload[..]),
                "{n} bytes"
            );
        }
    }

    #[test]
    fn inflate_refuses_damage_and_overflow() {
        let payload = sample(300_000);
        let deflated = deflate(&payload, 1);
        assert_eq!(inflate(&deflated, payload.len() - 1), None);
        assert_eq!(
            inflate(&deflated, payload.len()).as_deref(),
            Some(&payload[..])
        );
        assert_eq!(inflate(&deflated[..deflated.len() / 2], 64 << 20), None);
        assert_eq!(inflate(&[0xff; 40], 64 << 20), None);
    }
}
