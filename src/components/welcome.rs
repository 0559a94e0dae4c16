//! The first-minute orientation: what each page is for and where the diagnosis is, shown
//! to a visitor with no records until they dismiss it (remembered by the storage
//! adapter; without storage it simply shows again next time).

use crate::components::demo::DemoButton;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::storage::LocalStore;

#[component]
pub fn Welcome() -> impl IntoView {
    // A first-time visitor: never dismissed it and has no records yet.
    let empty = crate::state::use_app()
        .book
        .with_untracked(|b| b.contacts.is_empty() && b.deals.is_empty());
    let open = RwSignal::new(empty && !LocalStore.welcomed());
    // Once there are records (the demo, say), the panel stays as a guide but no longer
    // offers the demo, and says where to look first.
    let app = crate::state::use_app();
    let has_data = move || app.book.with(|b| !b.deals.is_empty());
    let dismiss = move |_| {
        LocalStore.set_welcomed();
        open.set(false);
    };
    view! {
        <Show when=move || open.get()>
            <section class="welcome" aria-labelledby="welcome-title">
                <h2 id="welcome-title">"Welcome to Pipewise"</h2>
                <p>"A sales pipeline that lives in this browser: no account, nothing sent anywhere. Here is where things are:"</p>
                <ul>
                    <li><A href=crate::links::href("/")>"Pipeline"</A>": your open deals by step; move them as they progress."</li>
                    <li><A href=crate::links::href("/contacts")>"Contacts"</A>": leads, prospects and clients, each with their deals."</li>
                    <li><A href=crate::links::href("/calendar")>"Calendar"</A>": your calls, meetings and follow-ups, tagged with the deal's step."</li>
                    <li><A href=crate::links::href("/reports")>"Reports"</A>": the diagnosis: is revenue short because of too few chances or poor closing? And where deals pile up."</li>
                    <li><A href=crate::links::href("/data")>"Data"</A>" and "<A href=crate::links::href("/settings")>"Settings"</A>": backups, imports from other CRMs, your sales steps."</li>
                </ul>
                <div class="actions start">
                    <Show
                        when=has_data
                        fallback=|| view! { <DemoButton primary=true label="Explore with demo data"/> }
                    >
                        <A href=crate::links::href("/reports") attr:class="button primary">"See the diagnosis"</A>
                    </Show>
                    <button type="button" on:click=dismiss>"Dismiss"</button>
                </div>
            </section>
        </Show>
    }
}
