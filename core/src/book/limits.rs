//! The range of dates the book accepts.

use crate::day::Day;

/// 1900-01-01: the earliest date the book accepts. Bounding dates keeps day arithmetic in
/// reports far from overflow and catches typos like year 0202.
pub const EARLIEST: Day = Day(-25_567);
/// 9999-12-31: the latest date the book accepts (tasks and expected closes may be ahead).
pub const LATEST: Day = Day(2_932_896);
