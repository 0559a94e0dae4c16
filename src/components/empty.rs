//! The empty state shown by a page with nothing to show yet.

use leptos::prelude::*;

/// A page's empty state: what it will show and how to start.
#[component]
pub fn EmptyState(
    /// The heading, e.g. "No deals yet".
    #[prop(into)]
    title: String,
    /// What the page will show once there is data.
    #[prop(into)]
    text: String,
    /// The ways to start (buttons or links).
    children: Children,
) -> impl IntoView {
    view! {
        <section class="empty">
            <h2>{title}</h2>
            <p>{text}</p>
            <div class="actions">{children()}</div>
        </section>
    }
}
