//! A labelled drop-down with its validation message next to it.

use leptos::prelude::*;

/// A `<select>` with a visible label; each option's selection follows `value`, so a
/// value reset elsewhere (e.g. a deal that no longer fits the contact) shows at once.
#[component]
pub fn SelectField(
    /// The visible label, also the select's accessible name.
    #[prop(into)]
    label: String,
    /// The selected option's value, two-way.
    value: RwSignal<String>,
    /// The options as (value, text), in order.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// The message shown under the field when its value is refused.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Called with the new value after the user picks one.
    #[prop(optional, into)]
    on_change: Option<Callback<String>>,
    /// Puts the focus here when the form opens.
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let id = format!("f-{}", crate::browser::fresh_id().short());
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    let pick = move |ev| {
        let picked = event_target_value(&ev);
        value.set(picked.clone());
        if let Some(on_change) = on_change {
            on_change.run(picked);
        }
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                autofocus=autofocus
                on:change=pick
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || error.get().is_some().then(|| described.clone())
            >
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(v, text)| {
                            let mine = v.clone();
                            view! { <option value=v prop:selected=move || value.get() == mine>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
            {move || error.get().map(|e| view! { <p class="error" id=error_id.clone()>{e}</p> })}
        </div>
    }
}
