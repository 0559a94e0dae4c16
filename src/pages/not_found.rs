//! The page for an unknown address.

use crate::lazy::PageChunk;
use leptos::prelude::*;
use leptos_router::components::A;

// The page's split point: its code is fetched the first time it shows.
crate::lazy::split_point!(
    not_found,
    pub fn chunk() -> PageChunk {
        Ok(|()| view! { <NotFound/> }.into_any())
    }
);

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>"There is no page at this address. "<A href=crate::links::href("/")>"Go to the pipeline"</A></p>
    }
}
