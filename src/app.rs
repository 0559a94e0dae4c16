//! The shell: header, navigation and the routes. One line per page.

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
            </header>
            <crate::components::banner::StorageBanner/>
            <main id="main" tabindex="-1">
                <crate::components::welcome::Welcome/>
                <Routes fallback=|| view! { <crate::lazy::LazyPage load=pages::not_found::chunk/> }>
                    <Route path=path!("/") view=pages::board::BoardPage/>
                    <Route path=path!("/contacts") view=pages::contacts::ContactsPage/>
                    <Route path=path!("/contacts/:id") view=pages::contact::ContactPage/>
                    <Route path=path!("/deals/:id") view=pages::deal::DealPage/>
                    <Route path=path!("/calendar") view=pages::calendar::CalendarPage/>
                    <Route path=path!("/reports") view=pages::report::ReportsPage/>
                    <Route path=path!("/data") view=pages::data::DataPage/>
                    <Route path=path!("/settings") view=pages::settings::SettingsPage/>
                </Routes>
            </main>
        </Router>
    }
}
