//! (temporary shim until the `store` branch lands)
use crate::Book;
pub struct Decoded {
    pub book: Book,
    pub revision: u64,
    pub version: u32,
}
#[derive(Debug)]
pub enum DecodeError {
    Corrupt(String),
}
impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Corrupt(m) => f.write_str(m),
        }
    }
}
pub fn encode(book: &Book, revision: u64) -> String {
    format!("pipewise:1:{revision}:{}", serde_json::to_string(book).unwrap_or_default())
}
pub fn peek_revision(stored: &str) -> Option<u64> {
    stored.splitn(4, ':').nth(2)?.parse().ok()
}
pub fn decode(stored: &str) -> Result<Decoded, DecodeError> {
    let revision = peek_revision(stored).ok_or(DecodeError::Corrupt("no header".into()))?;
    let body = stored.splitn(4, ':').nth(3).unwrap_or("");
    let book = serde_json::from_str(body).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    Ok(Decoded { book, revision, version: 1 })
}
