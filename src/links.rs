//! Links under the base path the app is served from. A leaf module: it imports no page
//! and no router, so pages and components link through it without importing `app.rs`.

/// An app path under the base the app is served from: `href("/contacts")` is
/// "/pipewise/contacts" when the app lives at /pipewise/. Every link and navigation uses
/// it (the router applies its base to matching, not to absolute hrefs).
pub fn href(path: &str) -> String {
    thread_local!(static BASE: String = crate::browser::base_path());
    BASE.with(|base| format!("{base}{path}"))
}
