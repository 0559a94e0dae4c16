//! Data in and out of Pipewise (docs/product.md, "Keeping data safe"): JSON backup and restore, merging another
//! browser's backup, CSV export and import, and iCalendar export of tasks.
//!
//! Every reader here takes untrusted bytes and answers `Ok` or a clear `ImportError`;
//! none of them panics, whatever the input.

pub mod backup;
pub mod csv_export;
pub mod csv_import;
mod error;
pub mod ics;
pub mod merge;
mod text;

pub use backup::{open_backup, read_backup, summarize, too_large, validate, Summary};
pub use csv_export::{export_contacts_csv, export_deals_csv, export_tasks_csv};
pub use csv_import::{
    detect_date_format, guess_mapping, guess_mapping_with_steps, guess_stage_mapping, preview,
    sniff, Choices, Contactless, DateFormat, DateGuess, Encoding, Field, ImportPreview, RowError,
    Sniffed, Target,
};
pub use error::ImportError;
pub use ics::export_ics;
pub use merge::{apply_merge, plan_merge, plan_merge_with, MergePlan};
