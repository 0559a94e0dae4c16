//! Pipewise in the browser: the Leptos skin over `pipewise-core`.
//! Pages read the core and call its methods; only `storage` (localStorage, behind one
//! small interface), `state` (which holds the book and saves it through `storage`) and
//! `browser` (the clock, random ids, downloads) touch the outside world.

pub mod app;
pub mod browser;
pub mod components;
pub mod connect;
pub mod format;
pub mod lazy;
pub mod links;
pub mod pages;
pub mod state;
pub mod storage;
pub mod sync;
pub mod team;

/// Mounts the app on `<body>`.
pub fn start() {
    leptos::mount::mount_to_body(app::App);
}
