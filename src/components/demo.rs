//! "Load demo data": the core's demo pipeline, dated relative to today. Asks first when
//! the browser already holds data, since loading replaces it. The generator and its word
//! lists are a chunk of their own, fetched on the first click.

use crate::components::modal::Modal;
use crate::lazy::{load_then, SplitLoaderError};
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::{generator, Book, Day, Stamp};

// The demo generator's split point: the demo, made into the stamped edits that make
// `current` show it (`merge::adopt` lives in this chunk too, off the first load).
crate::lazy::split_point!(
    demo,
    fn demo_over(current: Book, today: Day, stamp: Stamp) -> Result<Book, SplitLoaderError> {
        Ok(pipewise_core::merge::adopt(
            &current,
            &generator::demo(today),
            stamp,
        ))
    }
);

#[component]
pub fn DemoButton(
    /// Style the button as the page's main action.
    #[prop(optional)]
    primary: bool,
    /// The button's text when a page already offers "Load demo data" elsewhere.
    #[prop(optional, into)]
    label: Option<String>,
) -> impl IntoView {
    let label = label.unwrap_or_else(|| "Load demo data".into());
    let app = use_app();
    let asking = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let load = move || {
        failed.set(false);
        let today = app.today();
        let stamp = app.stamp();
        let current = app.book.get_untracked();
        load_then(
            move || demo_over(current, today, stamp),
            move |book| {
                match book {
                    // Merged with what the book is now, should anything have changed
                    // while the chunk loaded.
                    Ok(book) => {
                        let _ = app.act(|b| {
                            *b = match crate::state::loaded_merge() {
                                Some(merge) => merge(b, &book),
                                // No merge here yet: nothing else wrote (it would have
                                // fetched it), and this tab was waiting on the demo.
                                None => book,
                            };
                            Ok(())
                        });
                    }
                    Err(_) => failed.set(true),
                }
                asking.set(false);
            },
        );
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
        <button type="button" class:primary=primary on:click=on_click>{label}</button>
        <Show when=move || failed.get()>
            <p class="error" role="alert">"The demo could not be downloaded: the network may be gone. Try again once you are online."</p>
        </Show>
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
