//! (temporary shim until the `book` branch lands)
use crate::{Day, Stamp};
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    pub today: Day,
    pub stamp: Stamp,
}
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BookError {
    Invalid(String),
}
impl std::fmt::Display for BookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BookError::Invalid(m) => f.write_str(m),
        }
    }
}
