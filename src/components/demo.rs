//! "Load demo data": the core's demo pipeline, dated relative to today. Asks first when
//! the browser already holds data, since loading replaces it.

use crate::components::modal::Modal;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::generator;

#[component]
pub fn DemoButton(
    /// Style the button as the page's main action.
    #[prop(optional)]
    primary: bool,
) -> impl IntoView {
    let app = use_app();
    let asking = RwSignal::new(false);
    let load = move || {
        let book = generator::demo(app.today());
        app.replace(book);
        asking.set(false);
    };
    let on_click = move |_| {
        if app
            .book
            .with(|b| b.contacts.is_empty() && b.deals.is_empty() && b.tasks.is_empty())
        {
            load();
        } else {
            asking.set(true);
        }
    };
    view! {
        <button type="button" class:primary=primary on:click=on_click>"Load demo data"</button>
        <Show when=move || asking.get()>
            <Modal title="Replace your data with the demo?" on_close=move |_| asking.set(false)>
                <p>
                    "This browser already holds your records. Loading the demo replaces all of them. "
                    "Download a backup first from the Data page if you may want them back."
                </p>
                <div class="buttons">
                    <button type="button" on:click=move |_| asking.set(false)>"Keep my data"</button>
                    <button type="button" class="danger" on:click=move |_| load()>"Replace with demo"</button>
                </div>
            </Modal>
        </Show>
    }
}
