//! A labelled file chooser that refuses files too big for the browser's storage before
//! reading them, says "Reading…" while it reads, and hands over the bytes.

use crate::state::Usage;
use leptos::prelude::*;
use pipewise_core::io;
use wasm_bindgen::JsCast;

/// A file the user chose, read into memory.
#[derive(Clone, Debug)]
pub struct Picked {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Picked {
    /// The bytes as text; bad UTF-8 sequences become U+FFFD, so a binary file still
    /// reaches the reader that explains what it is.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

/// A file input with a visible label. The same file may be chosen twice in a row (the
/// input is cleared after each read), so "merge it again" works.
#[component]
pub fn FilePick(
    /// The visible label, also the input's accessible name.
    #[prop(into)]
    label: String,
    /// File types offered first in the browser's chooser, e.g. ".json,application/json".
    #[prop(into)]
    accept: String,
    /// A short hint under the label: which file to pick.
    #[prop(optional, into)]
    hint: Option<String>,
    /// Called with the file's content, or with a message when it could not be read.
    #[prop(into)]
    on_pick: Callback<Result<Picked, String>>,
    /// Called when a new file is chosen, before it is read: the section clears the
    /// outcome of the previous file so it is never shown beside the new one.
    #[prop(optional, into)]
    on_start: Option<Callback<()>>,
) -> impl IntoView {
    let id = format!("file-{}", crate::browser::fresh_id().short());
    let hint_id = format!("{id}-hint");
    let described = hint.is_some().then(|| hint_id.clone());
    let reading = RwSignal::new(None::<String>);
    let on_change = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|list| list.get(0)) else {
            return;
        };
        // Cleared now so that picking the same file again fires `change` again.
        input.set_value("");
        let name = file.name();
        if let Some(start) = on_start {
            start.run(());
        }
        if let Some(message) = io::too_large(file.size() as u64, Usage::QUOTA as u64) {
            on_pick.run(Err(message));
            return;
        }
        reading.set(Some(name.clone()));
        leptos::task::spawn_local(async move {
            let result = read_bytes(&file).await.map(|bytes| Picked { name, bytes });
            reading.set(None);
            on_pick.run(result);
        });
    };
    view! {
        <div class="field file-pick">
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint muted" id=hint_id.clone()>{h}</p> })}
            <input
                id=id
                type="file"
                accept=accept
                aria-describedby=described
                disabled=move || reading.with(Option::is_some)
                on:change=on_change
            />
            {move || {
                reading.get().map(|name| view! { <p class="reading" role="status">{format!("Reading “{name}”…")}</p> })
            }}
        </div>
    }
}

/// The file's bytes, read by the browser without blocking the page.
async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| {
            "The browser could not read this file. Check that it is still there and try again."
                .to_string()
        })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
