//! The page for an unknown address.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>"There is no page at this address. "<A href=crate::app::href("/")>"Go to the pipeline"</A></p>
    }
}
