//! A modal dialog on the native `<dialog>`: the browser traps focus, Escape closes it,
//! and screen readers announce it by its title.

use leptos::html::Dialog;
use leptos::prelude::*;

/// A modal dialog, open while it is rendered. Put the form inside as children.
#[component]
pub fn Modal(
    /// The dialog's heading, also its accessible name.
    #[prop(into)]
    title: String,
    /// Called when the user closes it (Escape or the close button).
    #[prop(into)]
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let id = format!("dlg-{}", crate::browser::fresh_id().short());
    let labelled_by = id.clone();
    Effect::new(move |_| {
        if let Some(el) = dialog.get() {
            if !el.open() {
                let _ = el.show_modal();
            }
        }
    });
    view! {
        <dialog node_ref=dialog aria-labelledby=labelled_by on:cancel=move |ev: web_sys::Event| {
            ev.prevent_default();
            on_close.run(());
        }>
            <div class="dialog-head">
                <h2 id=id>{title}</h2>
                <button type="button" class="close" aria-label="Close" on:click=move |_| on_close.run(())>"×"</button>
            </div>
            {children()}
        </dialog>
    }
}
