//! One file per page; `app.rs` routes to them.

pub mod board;
pub mod calendar;
pub mod contact;
pub mod contacts;
pub mod data;
pub mod deal;
pub mod not_found;
pub mod report;
pub mod settings;
