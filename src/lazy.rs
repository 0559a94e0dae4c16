//! Code that loads on first use, as its own wasm chunk.
//!
//! A split point is a function marked `#[wasm_split(name, …, fallible)]` (the macro Leptos's
//! own `#[lazy]` uses, re-exported as `leptos::wasm_split`); after linking,
//! `wasm-split-cli` (scripts/build-split.sh) moves everything only it reaches into the
//! chunk `split_<name>.wasm`, fetched the first time it is called. Leptos's `#[lazy]`
//! panics when a chunk cannot be fetched (offline on a first visit), which would stop the
//! whole app; `fallible` returns the failure instead, so [`LazyPage`] can say so and
//! offer to try again (a failed fetch is not remembered, so a retry fetches afresh).
//!
//! A page's split point returns a plain `fn` that builds the page: a `Copy` value that a
//! signal can hold, called on render inside the route, so the page finds its context
//! (app state, router) as if it were linked into the main module.

use leptos::prelude::*;
use std::future::Future;
use std::task::{Context, Poll, Waker};

pub use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// What a page's split point hands back: the function that builds the page.
pub type PageChunk = Result<fn() -> AnyView, SplitLoaderError>;

/// The result of a future that is already done (a chunk loaded before), without waiting
/// a turn of the event loop, so a page seen before shows in the same frame.
fn ready_now<T>(future: &mut std::pin::Pin<Box<dyn Future<Output = T>>>) -> Option<T> {
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}

/// Runs `load` (an async split point) and calls `done` with its result: at once when the
/// chunk is already there, else when it arrives.
pub fn load_then<T: 'static, Fut: Future<Output = T> + 'static>(
    load: impl FnOnce() -> Fut,
    done: impl FnOnce(T) + 'static,
) {
    let mut future: std::pin::Pin<Box<dyn Future<Output = T>>> = Box::pin(load());
    match ready_now(&mut future) {
        Some(value) => done(value),
        None => leptos::task::spawn_local(async move { done(future.await) }),
    }
}

#[derive(Clone, Copy)]
enum Phase {
    Loading,
    Ready(fn() -> AnyView),
    Failed,
}

/// A page that lives in its own chunk: nothing until the chunk is there (a moment on
/// first use), then the page; a clear message and a retry when it cannot be fetched.
#[component]
pub fn LazyPage<Fut>(
    /// The page's split point.
    load: fn() -> Fut,
) -> impl IntoView
where
    Fut: Future<Output = PageChunk> + 'static,
{
    let phase = RwSignal::new(Phase::Loading);
    let start = move || {
        load_then(load, move |chunk| {
            phase.set(match chunk {
                Ok(page) => Phase::Ready(page),
                Err(_) => Phase::Failed,
            })
        })
    };
    start();
    let retry = move |_| {
        phase.set(Phase::Loading);
        start();
    };
    move || match phase.get() {
        Phase::Loading => {
            view! { <p class="chunk-loading muted" role="status">"Loading…"</p> }.into_any()
        }
        Phase::Ready(page) => untrack(page),
        Phase::Failed => view! { <ChunkFailed on_retry=retry/> }.into_any(),
    }
}

/// The message for a part of the app that could not be downloaded.
#[component]
pub fn ChunkFailed(
    /// Tries the download again.
    on_retry: impl FnMut(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    view! {
        <div class="chunk-failed" role="alert">
            <h1>"This page could not be loaded"</h1>
            <p>
                "Pipewise could not download this part of the app, probably because the network is gone. "
                "Your data is safe in this browser. Check your connection, then try again."
            </p>
            <button type="button" class="primary" on:click=on_retry>"Try again"</button>
        </div>
    }
}
