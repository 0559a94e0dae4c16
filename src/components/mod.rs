//! Components shared by several pages.

pub mod banner;
pub mod empty;
