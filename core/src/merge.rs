//! The one merge (docs/product.md, "Merging"): how two copies of a book become one,
//! whether the other copy is a teammate's backup, another tab's write or (with team sync)
//! a server's revision.
//!
//! A book is made of registers that each know when they were last set: every field of a
//! record has its own stamp (`stamps`), every stage change and type change has an id and
//! its own stamps, and a removal is a stamp too (`removed`) on a record that is kept
//! whole in [`Book::gone`]. [`join`] takes, register by register, the value with the
//! newer stamp (equal stamps: the greater value), and unites the entries of histories by
//! id. That is a join of a semilattice, so it is commutative, associative and
//! idempotent, and it loses nothing but values a newer edit of the same field replaced.
//!
//! What the rules say cannot stand side by side (two Won in a row after two reps closed
//! the same deal, a deal whose contact a teammate removed, two steps of one name) is
//! settled by [`settle`], a function of the joined registers alone: it chooses what the
//! book shows and keeps the rest (`hidden`, `gone`), so a later merge still sees it.
//!
//! Codemap: `join.rs` the join; `settle.rs` the rules that choose what is shown; `adopt.rs` whole-book
//! changes (restore, demo, clear) as stamped edits; this file what they promise.

mod adopt;
mod join;
mod settle;

pub use adopt::adopt;
pub use join::{join, merge};
pub use settle::settle;
pub(crate) use settle::{kept, number_steps, settle_history, unnumbered};
