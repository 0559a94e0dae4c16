//! The window's width, read once where a page lays itself out differently on a phone
//! (the calendar's default view, the timeline's scale). Everything else about the phone
//! layout is CSS.

use pipewise_core::calendar::NARROW_WINDOW;

/// The window's width in CSS pixels (a desk's when it cannot be read).
pub fn window_width() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(1280.0)
}

/// Whether the window is laid out for a phone (style/*.css shares the breakpoint).
pub fn is_narrow() -> bool {
    window_width() <= NARROW_WINDOW
}
