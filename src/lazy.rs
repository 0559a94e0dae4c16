//! Code that loads on first use, as its own wasm chunk.
//!
//! A split point is a function declared with [`split_point!`], which marks it
//! `#[wasm_split(name, …, fallible)]` (the macro Leptos's own `#[lazy]` uses, re-exported
//! as `leptos::wasm_split`); after linking,
//! `wasm-split-cli` (scripts/build-split.sh) moves everything only it reaches into the
//! chunk `split_<name>.wasm`, fetched the first time it is called. Leptos's `#[lazy]`
//! panics when a chunk cannot be fetched (offline on a first visit), which would stop the
//! whole app; `fallible` returns the failure instead, so the app can say so and offer to
//! try again (a failed fetch is not remembered, so a retry fetches afresh).
//!
//! A split point for a view returns a plain `fn` that builds it from its props: a `Copy`
//! value a signal can hold, called on render where the view stands, so it finds its
//! context (app state, router) as if it were linked into the main module.

use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

pub use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// Declares a split point: `split_point!(chunk_name, fn name(args) -> Result<T, SplitLoaderError> { … })`
/// becomes an `async fn` that loads `split_<chunk_name>.wasm` before running the body.
/// Only the browser build that goes through the splitter (scripts/build-split.sh, the
/// `split` feature) imports the chunk loader: a wasm built otherwise, such as the
/// wasm-bindgen tests, has no loader to import, so there the body simply runs.
macro_rules! split_point {
    ($chunk:ident, $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        #[$crate::lazy::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        $(#[$meta])* $vis fn $name($($arg: $ty),*) -> $ret $body

        #[cfg(not(feature = "split"))]
        $(#[$meta])* $vis async fn $name($($arg: $ty),*) -> $ret $body
    };
}
pub(crate) use split_point;

/// What a view's split point hands back: the function that builds the view from `P`.
pub type Part<P> = Result<fn(P) -> AnyView, SplitLoaderError>;
/// What a page's split point hands back.
pub type PageChunk = Part<()>;

/// Runs `load` (an async split point) and calls `done` with its result: at once when the
/// chunk is already there (so a page seen before shows in the same frame), else when it
/// arrives.
pub fn load_then<T: 'static, Fut: Future<Output = T> + 'static>(
    load: impl FnOnce() -> Fut,
    done: impl FnOnce(T) + 'static,
) {
    let mut future: Pin<Box<dyn Future<Output = T>>> = Box::pin(load());
    // A no-op waker is enough for this first look: a pending future is handed to the
    // executor, whose own poll registers the real waker.
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => done(value),
        Poll::Pending => leptos::task::spawn_local(async move { done(future.await) }),
    }
}

/// Where a chunk is: `None` while it loads, then the function that builds the view, or
/// `Err` when it could not be fetched.
type Phase<P> = Option<Result<fn(P) -> AnyView, ()>>;

/// A view whose code lives in a chunk: `loading` until the chunk is there, then the view
/// built from `props`; `failed` (given a retry) when it cannot be fetched.
pub fn lazy_view<P, Fut>(
    load: fn() -> Fut,
    props: P,
    loading: fn() -> AnyView,
    failed: fn(Callback<()>, P) -> AnyView,
) -> impl IntoView
where
    P: Clone + Send + Sync + 'static,
    Fut: Future<Output = Part<P>> + 'static,
{
    let phase: RwSignal<Phase<P>> = RwSignal::new(None);
    let start = move || {
        load_then(load, move |part: Part<P>| {
            phase.set(Some(part.map_err(|_| ())));
        })
    };
    start();
    let retry = Callback::new(move |()| {
        phase.set(None);
        start();
    });
    move || match phase.get() {
        None => loading(),
        Some(Ok(build)) => {
            let props = props.clone();
            untrack(move || build(props))
        }
        Some(Err(())) => failed(retry, props.clone()),
    }
}

/// A page that lives in its own chunk: "Loading…" for a moment on first use, then the
/// page; a clear message and a retry when it cannot be fetched.
#[component]
pub fn LazyPage<Fut>(
    /// The page's split point.
    load: fn() -> Fut,
) -> impl IntoView
where
    Fut: Future<Output = PageChunk> + 'static,
{
    lazy_view(
        load,
        (),
        || view! { <p class="chunk-loading muted" role="status">"Loading…"</p> }.into_any(),
        |retry, ()| {
            view! {
                <h1>"This page could not be loaded"</h1>
                <ChunkFailed retry=retry/>
            }
            .into_any()
        },
    )
}

/// Nothing while a dialog's chunk loads: the dialog appears when it is there.
pub fn no_view() -> AnyView {
    ().into_any()
}

/// Why a part of the app is missing, and a button to fetch it again.
#[component]
pub fn ChunkFailed(
    /// Fetches the missing part again.
    retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="chunk-failed" role="alert">
            <p>
                "Pipewise could not download this part of the app: the network may be gone. "
                "Your data is safe in this browser. Check your connection and try again; "
                "if it keeps failing, reload the page, as a newer version may have been published."
            </p>
            <button type="button" class="primary" on:click=move |_| retry.run(())>"Try again"</button>
        </div>
    }
}

/// A dialog whose chunk could not be fetched: it says so in a dialog of its own, with a
/// retry, and closes as the dialog would have.
pub fn failed_dialog(retry: Callback<()>, on_close: Callback<()>) -> AnyView {
    view! {
        <crate::components::modal::Modal title="This could not be loaded" on_close=on_close>
            <ChunkFailed retry=retry/>
        </crate::components::modal::Modal>
    }
    .into_any()
}
