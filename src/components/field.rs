//! A labelled form field with its validation message next to it.

use leptos::prelude::*;

/// A text input with a visible label and an inline error.
#[component]
pub fn TextField(
    /// The visible label, also the input's accessible name.
    #[prop(into)]
    label: String,
    /// The value, two-way.
    value: RwSignal<String>,
    /// The message shown under the field when its value is refused.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// The input type: text (default), email, tel, number, date, time, search.
    #[prop(optional, into)]
    kind: Option<String>,
    /// Marks the field required.
    #[prop(optional)]
    required: bool,
    /// Puts the focus here when the form opens.
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let id = format!("f-{}", crate::browser::fresh_id().short());
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{label}{required.then_some(" *")}</label>
            <input
                id=id
                type=kind.unwrap_or_else(|| "text".into())
                required=required
                autofocus=autofocus
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || error.get().is_some().then(|| described.clone())
            />
            {move || error.get().map(|e| view! { <p class="error" id=error_id.clone()>{e}</p> })}
        </div>
    }
}
