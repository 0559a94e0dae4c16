//! The few places the app asks the browser for something: the clock, random ids,
//! downloads and the app's base path. Event handlers call these; the core never does.

use pipewise_core::{Day, Id, IdSource, Stamp};
use wasm_bindgen::JsCast;

/// Today's date in the user's local time zone.
pub fn today() -> Day {
    let now = js_sys::Date::new_0();
    Day::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// The local date of a moment (an edit stamp), in the user's own time zone.
pub fn day_of(stamp: Stamp) -> Day {
    let at = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(stamp as f64));
    Day::from_ymd(at.get_full_year() as i32, at.get_month() + 1, at.get_date()).unwrap_or_default()
}

/// Milliseconds since the epoch, for edit stamps.
pub fn stamp() -> Stamp {
    js_sys::Date::now() as Stamp
}

/// Fresh ids from the browser's cryptographic random source.
pub struct BrowserIds;

impl IdSource for BrowserIds {
    fn fresh(&mut self) -> Id {
        let mut bytes = [0u8; 16];
        let filled = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
            .unwrap_or(false);
        if !filled {
            // No Web Crypto (very old browser): Math.random is good enough to avoid
            // collisions between a few browsers' records.
            for b in bytes.iter_mut() {
                *b = (js_sys::Math::random() * 256.0) as u8;
            }
        }
        Id::from_random(bytes)
    }
}

/// A fresh random id.
pub fn fresh_id() -> Id {
    BrowserIds.fresh()
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Ok(a) = document.create_element("a") {
            if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
                a.set_href(&url);
                a.set_download(name);
                a.click();
            }
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The path the app is served under ("" at the root, "/pipewise" on a sub-path).
/// The loader in index.html records it before the app starts.
pub fn base_path() -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    js_sys::Reflect::get(&window, &"pipewiseBase".into())
        .ok()
        .and_then(|v| v.as_string())
        .map(|b| b.trim_end_matches('/').to_string())
        .unwrap_or_default()
}

/// Marks a point in time for the browser benchmarks (Performance API).
pub fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}
