//! Links that carry a page's view filters in the URL query, so a filtered view can be
//! bookmarked, shared and survives a reload.

/// `path` with the non-empty `pairs` as its query, values percent-encoded.
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
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}
