//! The storage adapter: Pipewise's one document in the browser's localStorage, and the
//! rescued copies of data that could not be read. Kept behind this small interface so a
//! later sync backend can take its place without touching the domain or the UI.

use gloo_storage::{LocalStorage, Storage};
use js_sys::JsString;
use wasm_bindgen::prelude::*;

// The stored document is about 1.3 million UTF-16 units. These bindings keep it a
// JavaScript string where Rust does not need to read it: converting it to or from UTF-8
// costs more than everything else in a save.
#[wasm_bindgen]
extern "C" {
    /// localStorage, through the two methods below.
    #[wasm_bindgen(js_name = Storage)]
    type TextStorage;
    #[wasm_bindgen(method, js_name = getItem, catch)]
    fn get_text(this: &TextStorage, key: &str) -> Result<Option<JsString>, JsValue>;
    #[wasm_bindgen(method, js_name = setItem, catch)]
    fn set_text(this: &TextStorage, key: &str, value: &JsString) -> Result<(), JsValue>;

    /// `TextDecoder` for UTF-16: Rust's code units become a JavaScript string in one
    /// native call (web-sys's binding would hand the text back to Rust as UTF-8).
    #[wasm_bindgen(js_name = TextDecoder)]
    type Utf16Decoder;
    #[wasm_bindgen(constructor, js_class = "TextDecoder")]
    fn new(label: &str) -> Utf16Decoder;
    #[wasm_bindgen(method, js_class = "TextDecoder")]
    fn decode(this: &Utf16Decoder, units: &[u16]) -> JsString;
}

/// The stored document, read once at start-up or when another tab wrote.
pub struct Stored {
    pub text: String,
    /// Its length in UTF-16 units, what the browser's quota counts.
    pub units: usize,
}

/// The key of the one stored document.
pub const KEY: &str = "pipewise.book";
/// The flag set once the welcome panel is dismissed.
const WELCOMED: &str = "pipewise.welcomed";
/// Prefix of rescued copies: unreadable data moved aside, untouched.
pub const ASIDE: &str = "pipewise.aside.";
/// Team sync's set-up: server, database, user, paused (no password).
pub const TEAM: &str = "pipewise.team";
/// Team sync's progress: the changes feed's checkpoint, the summary of what the server
/// holds, documents waiting for their contact or deal.
pub const TEAM_STATE: &str = "pipewise.team.state";

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

fn text_storage() -> Result<TextStorage, StoreFault> {
    storage().map(JsCast::unchecked_into)
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

    /// The stored document with its length in UTF-16 units.
    pub fn read_stored(&self) -> Result<Option<Stored>, StoreFault> {
        let text = text_storage()?.get_text(KEY).map_err(fault)?;
        Ok(text.map(|text| Stored {
            units: text.length() as usize,
            text: text.into(),
        }))
    }

    /// The first characters of the stored document, enough for its header: reading them
    /// leaves the rest in JavaScript, so checking the revision before a save is cheap.
    pub fn read_head(&self) -> Result<Option<String>, StoreFault> {
        let text = text_storage()?.get_text(KEY).map_err(fault)?;
        Ok(text.map(|text| text.slice(0, 64).into()))
    }

    pub fn write(&self, text: &str) -> Result<(), StoreFault> {
        storage()?.set_item(KEY, text).map_err(fault)
    }

    /// Writes the document given as UTF-16 code units (`store::encode_units`).
    pub fn write_units(&self, units: &[u16]) -> Result<(), StoreFault> {
        let storage = text_storage()?;
        thread_local!(static UTF16: Utf16Decoder = Utf16Decoder::new("utf-16le"));
        let text = UTF16.with(|decoder| decoder.decode(units));
        storage.set_text(KEY, &text).map_err(fault)
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

    /// A small record beside the book (team sync's, under [`TEAM`] or [`TEAM_STATE`]).
    pub fn read_key(&self, key: &str) -> Option<String> {
        storage().ok()?.get_item(key).ok().flatten()
    }

    pub fn write_key(&self, key: &str, text: &str) -> Result<(), StoreFault> {
        storage()?.set_item(key, text).map_err(fault)
    }

    pub fn remove_key(&self, key: &str) {
        if let Ok(s) = storage() {
            let _ = s.remove_item(key);
        }
    }

    /// The unreadable document still in the main key (when it could not be moved aside).
    pub fn read_raw(&self) -> Option<String> {
        self.read().ok().flatten()
    }
}
