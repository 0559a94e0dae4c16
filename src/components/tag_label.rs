//! A task's pipeline tag (or a deal's stage): a colour swatch and always its name, so the
//! colour is never the only signal.

use leptos::prelude::*;
use pipewise_core::calendar::TagView;

/// The tag's colour and name, e.g. "● Proposal".
#[component]
pub fn TagLabel(
    /// The tag as the core describes it (label, tone class, prospecting).
    tag: TagView,
) -> impl IntoView {
    let class = format!("tag {}", tag.tone);
    view! {
        <span class=class>
            <span class="swatch" aria-hidden="true"></span>
            {tag.label}
        </span>
    }
}
