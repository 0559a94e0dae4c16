//! The storage adapter: Pipewise's one document in the browser's localStorage, and the
//! rescued copies of data that could not be read. Kept behind this small interface so a
//! later sync backend can take its place without touching the domain or the UI.

use gloo_storage::{LocalStorage, Storage};

/// The key of the one stored document.
pub const KEY: &str = "pipewise.book";
/// The flag set once the welcome panel is dismissed.
const WELCOMED: &str = "pipewise.welcomed";
/// Prefix of rescued copies: unreadable data moved aside, untouched.
pub const ASIDE: &str = "pipewise.aside.";

#[derive(Clone, Debug, PartialEq)]
pub enum StoreFault {
    /// No localStorage (private mode, disabled, sandboxed frame).
    Unavailable,
    /// The quota is exceeded.
    Full,
    Other(String),
}

/// localStorage through gloo-storage, checked for availability first (gloo's `raw()`
/// assumes storage exists).
pub struct LocalStore;

fn storage() -> Result<web_sys::Storage, StoreFault> {
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(_))) => Ok(LocalStorage::raw()),
        _ => Err(StoreFault::Unavailable),
    }
}

fn fault(error: wasm_bindgen::JsValue) -> StoreFault {
    let name = js_sys::Reflect::get(&error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StoreFault::Full
    } else if name == "SecurityError" {
        StoreFault::Unavailable
    } else {
        StoreFault::Other(name)
    }
}

impl LocalStore {
    pub fn read(&self) -> Result<Option<String>, StoreFault> {
        storage()?.get_item(KEY).map_err(fault)
    }

    pub fn write(&self, text: &str) -> Result<(), StoreFault> {
        storage()?.set_item(KEY, text).map_err(fault)
    }

    pub fn remove(&self) -> Result<(), StoreFault> {
        storage()?.remove_item(KEY).map_err(fault)
    }

    /// Copies unreadable data to its own key and frees the main key; returns the new key.
    /// Nothing is removed unless the copy was written.
    pub fn keep_aside(&self, text: &str, stamp: i64) -> Result<String, StoreFault> {
        let storage = storage()?;
        let key = format!("{ASIDE}{stamp}");
        storage.set_item(&key, text).map_err(fault)?;
        storage.remove_item(KEY).map_err(fault)?;
        Ok(key)
    }

    /// Rescued copies: (key, length in characters).
    pub fn asides(&self) -> Vec<(String, usize)> {
        let Ok(storage) = storage() else {
            return Vec::new();
        };
        let count = storage.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|key| key.starts_with(ASIDE))
            .map(|key| {
                let len = storage
                    .get_item(&key)
                    .ok()
                    .flatten()
                    .map(|t| t.chars().count())
                    .unwrap_or(0);
                (key, len)
            })
            .collect()
    }

    pub fn read_aside(&self, key: &str) -> Option<String> {
        storage().ok()?.get_item(key).ok().flatten()
    }

    pub fn drop_aside(&self, key: &str) -> Result<(), StoreFault> {
        if !key.starts_with(ASIDE) {
            return Err(StoreFault::Other("not a rescued copy".into()));
        }
        storage()?.remove_item(key).map_err(fault)
    }

    /// Whether the visitor has put the welcome panel away (a flag beside the book, not
    /// part of it: it is about this browser, not the records).
    pub fn welcomed(&self) -> bool {
        storage()
            .ok()
            .and_then(|s| s.get_item(WELCOMED).ok().flatten())
            .is_some()
    }

    /// Remembers that the welcome panel was put away; without storage it simply shows
    /// again next time.
    pub fn set_welcomed(&self) {
        if let Ok(s) = storage() {
            let _ = s.set_item(WELCOMED, "1");
        }
    }

    /// The unreadable document still in the main key (when it could not be moved aside).
    pub fn read_raw(&self) -> Option<String> {
        self.read().ok().flatten()
    }
}
