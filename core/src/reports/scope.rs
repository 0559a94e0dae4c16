//! Whose deals a report covers.

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Everyone,
    /// One rep, by the owner name on deals (and on contacts, for tasks without a deal).
    Owner(String),
}

impl Scope {
    pub fn includes(&self, owner: &str) -> bool {
        match self {
            Scope::Everyone => true,
            Scope::Owner(name) => name == owner,
        }
    }
}
