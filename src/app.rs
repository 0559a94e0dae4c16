//! The shell: header, navigation and the routes. One line per page.

use crate::lazy::LazyPage;
use crate::links::href;
use crate::pages;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    let team = crate::team::Team::load();
    provide_context(team);
    crate::connect::start_when_idle(state, team);
    let base = crate::browser::base_path();
    view! {
        <Router base=base>
            <a class="skip" href="#main">"Skip to content"</a>
            <header class="top">
                <A href=href("/") attr:class="brand">
                    <span class="logo" aria-hidden="true"></span>
                    "Pipewise"
                </A>
                <nav aria-label="Main">
                    <A href=href("/") exact=true>"Pipeline"</A>
                    <A href=href("/contacts")>"Contacts"</A>
                    <A href=href("/calendar")>"Calendar"</A>
                    <A href=href("/reports")>"Reports"</A>
                    <A href=href("/data")>"Data"</A>
                    <A href=href("/settings")>"Settings"</A>
                </nav>
                <crate::team::TeamBadge/>
            </header>
            <crate::components::banner::StorageBanner/>
            <main id="main" tabindex="-1">
                <crate::components::welcome::Welcome/>
                <Routes fallback=|| view! { <LazyPage load=pages::not_found::chunk/> }>
                    <Route path=path!("/") view=pages::board::BoardPage/>
                    <Route path=path!("/contacts") view=|| view! { <LazyPage load=pages::contacts::chunk/> }/>
                    <Route path=path!("/contacts/:id") view=|| view! { <LazyPage load=pages::contact::chunk/> }/>
                    <Route path=path!("/deals/:id") view=|| view! { <LazyPage load=pages::deal::chunk/> }/>
                    <Route path=path!("/calendar") view=|| view! { <LazyPage load=pages::calendar::chunk/> }/>
                    <Route path=path!("/reports") view=|| view! { <LazyPage load=pages::report::chunk/> }/>
                    <Route path=path!("/data") view=|| view! { <LazyPage load=pages::data::chunk/> }/>
                    <Route path=path!("/settings") view=|| view! { <LazyPage load=pages::settings::chunk/> }/>
                </Routes>
            </main>
        </Router>
    }
}
