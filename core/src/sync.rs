//! Team sync through CouchDB (docs/product.md, "Beyond one browser"): the pure half.
//! The HTTP calls live in the app; everything they send and what they do with the
//! answers is decided here, so it is tested natively.
//!
//! - **One record, one document.** Every step, contact, deal and task of the book, shown
//!   or removed, is a document of its own (`step:<id>`, `contact:<id>`, `deal:<id>`,
//!   `task:<id>`), so two reps editing different records never touch the same document.
//!   A deal's stage history and hidden entries travel inside the deal. Settings are this
//!   browser's and are not synced.
//! - **The body** is the record in the model's own JSON shape under `record`, with a
//!   `kind`, the CouchDB user who wrote the revision (`rep`, for a
//!   `validate_doc_update` to hold to `userCtx.name`) and the `schema` beside it; a
//!   record of a newer schema is never read, so never written over. Change ids, step
//!   ids and ranks are written as decimal text: they use all 64 bits, and JavaScript (a
//!   validate function, PouchDB, pouchdb-server) keeps integers exact only up to 2^53.
//! - **A removal is a CouchDB deletion that keeps its body** (`_deleted: true` and the
//!   record with its removal stamp), so the removal travels like any edit and a later
//!   edit elsewhere can still bring the record back.
//! - **Pulled documents are merged**, never copied over the book: [`fold`] builds a
//!   partial book of them and runs the one merge (`merge::merge`), so sync has the
//!   merge's laws.
//! - **Conflicts are settled by the same merge**: [`settle_leaves`] joins every leaf
//!   revision of a document, writes the result on the revision CouchDB itself makes the
//!   winner and deletes the other live leaves. The result depends on the leaves alone,
//!   so every replica that settles a conflict writes the same record on the same parent.
//!   Settling what settled books wrote writes nothing (a record is rewritten only when
//!   the join changed it; a step's display number is not written), or two servers
//!   would pass a document back and forth for ever (`core/tests/sync/` holds the law).
//! - **Only what changed is pushed**: [`Pushed`] remembers, per document, the revision
//!   last seen on the server and a digest of its content; [`to_push`] returns the
//!   documents of the book whose content differs, each on the revision it replaces (a
//!   stale revision gets CouchDB's 409, and the app pulls and merges before trying again).
//!
//! Codemap: `doc.rs` the document and CouchDB's winner rule; `wire.rs` a record as the
//! JSON of a body and back; `fold.rs` book to documents and documents into a book;
//! `leaves.rs` settling a conflict; `pushed.rs` what the server holds and what to push.

mod doc;
mod fold;
mod leaves;
mod pushed;
mod wire;

pub use doc::{doc_id, parse_doc_id, winning_order, Doc, Kind};
pub use fold::{book_from, documents, fold, overruled, Folded};
pub use leaves::{settle_leaves, Settled};
pub use pushed::{to_push, Pushed, Seen};
pub use wire::Record;
