//! Drawing from the seeded generator the same way on every platform: indexes, picks
//! and shuffles, and the working day a date rolls over to.

use crate::day::Day;

/// Saturdays and Sundays roll over to Monday: B2B work happens on working days.
pub(crate) fn weekday_on_or_after(day: Day) -> Day {
    match day.weekday() {
        5 => day.plus(2),
        6 => day.plus(1),
        _ => day,
    }
}

/// A random item of a word list (the default for an empty one).
pub(crate) fn pick<T: Copy + Default>(rng: &mut fastrand::Rng, list: &[T]) -> T {
    match list.len() {
        0 => T::default(),
        n => list.get(index(rng, 0..n)).copied().unwrap_or_default(),
    }
}

/// A uniform index in `range`, drawn the same way on every platform: fastrand's
/// `usize` draws 32 bits on wasm32 but 64 on a 64-bit host, so the browser's demo
/// would differ from the one the native tests check.
pub(crate) fn index(rng: &mut fastrand::Rng, range: impl std::ops::RangeBounds<usize>) -> usize {
    use std::ops::Bound;
    let low = match range.start_bound() {
        Bound::Included(&n) => n,
        Bound::Excluded(&n) => n.saturating_add(1),
        Bound::Unbounded => 0,
    };
    let high = match range.end_bound() {
        Bound::Included(&n) => n,
        Bound::Excluded(&n) => n.saturating_sub(1),
        Bound::Unbounded => u32::MAX as usize,
    };
    if high <= low {
        return low;
    }
    low + rng.u64(0..=(high - low) as u64) as usize
}

/// Fisher–Yates with `index`, for the same reason.
pub(crate) fn shuffle<T>(rng: &mut fastrand::Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = index(rng, 0..=i);
        items.swap(i, j);
    }
}
