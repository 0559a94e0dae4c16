//! Components shared by several pages.

pub mod banner;
pub mod demo;
pub mod empty;
pub mod field;
pub mod file_pick;
pub mod modal;
pub mod welcome;
