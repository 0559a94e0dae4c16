//! CSV import from other CRMs and spreadsheets: read the bytes (`sniff`), map columns to
//! fields (`guess_mapping`, `detect_date_format`, `guess_stage_mapping`), then `preview`
//! the result with row-level errors. The caller applies `book_after` in one go, or not
//! at all.

mod apply;
mod dates;
mod encoding;
mod fields;
mod mapping;
mod sniff;
mod stages;
mod values;

pub use apply::{preview, Choices, Contactless, ImportPreview, RowError};
pub use dates::{detect_date_format, DateGuess};
pub use encoding::Encoding;
pub use fields::{Field, Target, MAX_CELL_CHARS};
pub use mapping::{guess_mapping, guess_mapping_with_steps};
pub use sniff::{sniff, Sniffed};
pub use stages::guess_stage_mapping;
pub use values::DateFormat;
