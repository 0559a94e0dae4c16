//! Schema 2: the current model. Its records are those of `model.rs` as they are, and
//! their serde shape is the JSON backup's; `packed.rs` writes and reads them. When the
//! model changes again, this file receives a frozen copy of those records (the
//! checklist in `store.rs`), as `v1.rs` holds schema 1's.

pub mod packed;
