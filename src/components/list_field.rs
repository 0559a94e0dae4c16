//! A text field that suggests values already in use (owners, sources, contacts) through a
//! native `<datalist>`, while still taking anything typed.

use leptos::prelude::*;

/// A labelled text input with suggestions, an optional hint and an inline error.
#[component]
pub fn ListField(
    /// The visible label, also the input's accessible name.
    #[prop(into)]
    label: String,
    /// The value, two-way.
    value: RwSignal<String>,
    /// Values offered as suggestions.
    options: Vec<String>,
    /// A short help text under the field (e.g. what will happen with the value).
    #[prop(optional, into)]
    hint: Signal<Option<String>>,
    /// The message shown under the field when its value is refused.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Marks the field required.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let id = format!("f-{}", crate::browser::fresh_id().short());
    let list_id = format!("{id}-list");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let (hint_ref, error_ref) = (hint_id.clone(), error_id.clone());
    let described = move || {
        let mut ids = Vec::new();
        if hint.get().is_some() {
            ids.push(hint_ref.clone());
        }
        if error.get().is_some() {
            ids.push(error_ref.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}{required.then_some(" *")}</label>
            <input
                id=id
                type="text"
                list=list_id.clone()
                autocomplete="off"
                required=required
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
            />
            <datalist id=list_id>
                {options.into_iter().map(|o| view! { <option value=o></option> }).collect_view()}
            </datalist>
            {move || hint.get().map(|h| view! { <p class="hint muted" id=hint_id.clone()>{h}</p> })}
            {move || error.get().map(|e| view! { <p class="error" id=error_id.clone()>{e}</p> })}
        </div>
    }
}
