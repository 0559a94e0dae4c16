//! Contacts: leads, prospects and clients, searchable by name, company or email and
//! filtered by type. Both filters live in the URL (`?q=&type=`), so they survive a
//! reload and can be bookmarked.

mod table;

use crate::components::contact_form::ContactForm;
use crate::components::empty::EmptyState;
use crate::components::modal::Modal;
use crate::components::query::href;
use crate::lazy::PageChunk;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use pipewise_core::people::{contact_rows, ContactQuery};
use pipewise_core::ContactType;

// The page's split point: its code is fetched the first time it shows.
crate::lazy::split_point!(
    contacts,
    pub fn chunk() -> PageChunk {
        Ok(|()| view! { <ContactsPage/> }.into_any())
    }
);

#[component]
pub fn ContactsPage() -> impl IntoView {
    let app = use_app();
    let query = use_query_map();
    let text = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let kind = Memo::new(move |_| {
        query
            .read()
            .get("type")
            .and_then(|t| ContactType::parse(&t))
    });
    let rows = Memo::new(move |_| {
        let query = ContactQuery {
            text: text.get(),
            kind: kind.get(),
        };
        app.book.with(|b| contact_rows(b, &query))
    });
    let total = Memo::new(move |_| app.book.with(|b| b.contacts.len()));
    let adding = RwSignal::new(false);
    let navigate = use_navigate();
    // Typing replaces the history entry, so Back leaves the page instead of undoing letters.
    let go = move |q: String, kind: String| {
        let url = href("/contacts", &[("q", q), ("type", kind)]);
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    };
    let kind_key = move || {
        kind.get()
            .map(|k| k.as_str().to_string())
            .unwrap_or_default()
    };
    let go_text = go.clone();
    let on_search = move |ev| go_text(event_target_value(&ev), kind_key());
    let on_kind = move |ev| go(text.get_untracked(), event_target_value(&ev));
    let count = move || {
        let (shown, all) = (rows.read().len(), total.get());
        match (shown == all, all) {
            (true, 1) => "1 contact".to_string(),
            (true, _) => format!("{all} contacts"),
            (false, _) => format!("{shown} of {all} contacts"),
        }
    };

    let list = move || {
        if total.get() == 0 {
            return view! {
                <EmptyState title="No contacts yet" text="Your leads, prospects and clients will be listed here with their deals and tasks.">
                    <button type="button" class="primary" on:click=move |_| adding.set(true)>"New contact"</button>
                    <crate::components::demo::DemoButton/>
                </EmptyState>
            }
            .into_any();
        }
        view! {
            <div class="toolbar contacts-filters" role="search">
                <div class="field grow">
                    <label for="contact-search">"Search"</label>
                    <input id="contact-search" type="search" placeholder="Name, company or email" prop:value=move || text.get() on:input=on_search.clone()/>
                </div>
                <div class="field">
                    <label for="contact-type">"Type"</label>
                    <select id="contact-type" on:change=on_kind.clone()>
                        <option value="" prop:selected=move || kind.get().is_none()>"All types"</option>
                        {ContactType::ALL
                            .into_iter()
                            .map(|k| view! { <option value=k.as_str() prop:selected=move || kind.get() == Some(k)>{k.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <p class="muted count" role="status">{count}</p>
            </div>
            <table::ContactTable rows=rows/>
        }
        .into_any()
    };

    view! {
        <div class="page-head">
            <h1>"Contacts"</h1>
            // The empty state offers its own button.
            <Show when=move || total.get() != 0>
                <button type="button" class="primary" on:click=move |_| adding.set(true)>"New contact"</button>
            </Show>
        </div>
        {list}
        <Show when=move || adding.get()>
            <Modal title="New contact" on_close=move |_| adding.set(false)>
                <ContactForm on_done=move |_| adding.set(false)/>
            </Modal>
        </Show>
    }
}
