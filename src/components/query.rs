//! Links that carry a page's view filters in the URL query, so a filtered view can be
//! bookmarked, shared and survives a reload.

use crate::links;

/// `path` (under the app's base) with the non-empty `pairs` as its query, values
/// percent-encoded.
pub fn href(path: &str, pairs: &[(&str, String)]) -> String {
    let query: Vec<String> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| {
            format!(
                "{key}={}",
                String::from(js_sys::encode_uri_component(value))
            )
        })
        .collect();
    let path = links::href(path);
    if query.is_empty() {
        path
    } else {
        format!("{path}?{}", query.join("&"))
    }
}
