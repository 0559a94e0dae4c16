//! Pipewise's pure core. Nothing in this crate touches the browser: no `leptos`,
//! `web_sys`, `gloo` or `wasm_bindgen` (CI greps for them). Today's date, the current
//! time and fresh ids are always passed in, so every function here is deterministic.

pub mod board;
pub mod book;
pub mod calendar;
pub mod chart;
pub mod day;
pub mod generator;
pub mod ids;
pub mod io;
pub mod merge;
pub mod model;
pub mod people;
pub mod reports;
pub mod store;
pub mod sync;

pub use day::Day;
pub use ids::{ContactId, DealId, Id, IdSource, SeededIds, TaskId};
pub use model::stage::Tone;
pub use model::*;
