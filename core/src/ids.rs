//! Record ids: random 128-bit values (like UUID v4), so records made in two browsers
//! never collide when a manager merges their backups. The core never draws them itself;
//! callers pass fresh ids in (see `IdSource`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A random 128-bit id, written as 32 lowercase hex digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Id(pub u128);

impl Id {
    /// Builds an id from 16 random bytes, stamped as a UUID v4.
    pub fn from_random(bytes: [u8; 16]) -> Id {
        let mut b = bytes;
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        Id(u128::from_be_bytes(b))
    }

    pub fn parse(text: &str) -> Option<Id> {
        let hex: String = text.chars().filter(|c| *c != '-').collect();
        if hex.len() != 32 {
            return None;
        }
        u128::from_str_radix(&hex, 16).ok().map(Id)
    }

    /// The first 8 hex digits: enough for a person to tell records apart.
    pub fn short(self) -> String {
        format!("{:032x}", self.0)[..8].to_string()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Id, D::Error> {
        let text = String::deserialize(d)?;
        Id::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("not an id: {text:?}")))
    }
}

macro_rules! id_newtype {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Id);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl $name {
            pub fn parse(text: &str) -> Option<$name> {
                Id::parse(text).map($name)
            }
        }
    )*};
}

id_newtype!(
    /// A contact's id.
    ContactId,
    /// A deal's id.
    DealId,
    /// A task's id.
    TaskId,
);

/// A source of fresh ids. The browser implements it with `crypto.getRandomValues`;
/// tests and the generator use a seeded one.
pub trait IdSource {
    fn fresh(&mut self) -> Id;
}

/// Deterministic ids from a seed, for tests, benchmarks and demo data.
pub struct SeededIds(pub fastrand::Rng);

impl SeededIds {
    pub fn new(seed: u64) -> SeededIds {
        SeededIds(fastrand::Rng::with_seed(seed))
    }
}

impl IdSource for SeededIds {
    fn fresh(&mut self) -> Id {
        let mut bytes = [0u8; 16];
        for b in bytes.iter_mut() {
            *b = self.0.u8(..);
        }
        Id::from_random(bytes)
    }
}

/// A digest of everything a list row shows, paired with the row's id as its list key:
/// the row re-renders when (and only when) what it shows changes. Deterministic
/// (SipHash with fixed keys), so equal rows always get equal keys.
pub fn row_digest<T: std::hash::Hash>(row: &T) -> u64 {
    use std::hash::Hasher;
    let mut digest = std::collections::hash_map::DefaultHasher::new();
    row.hash(&mut digest);
    digest.finish()
}

/// A digest of bytes that never changes between builds (FNV-1a, 64 bits), for ids that
/// two browsers must work out alike, such as the ids schema 1's history entries get on
/// migration. Written here: five lines, where std's hasher may change between Rust
/// releases and a crate would add more than it saves.
pub fn stable_digest(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        // Each part's length first, so ("ab", "c") and ("a", "bc") differ.
        for byte in (part.len() as u64).to_le_bytes().iter().chain(part.iter()) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}
