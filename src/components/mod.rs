//! Components shared by several pages.

pub mod banner;
pub mod charts;
pub mod demo;
pub mod empty;
pub mod field;
pub mod modal;
