//! The pipeline-tag picker of the task form: the default first, then the contact types,
//! the steps of the sales process and the outcomes, grouped so that "Lead" the contact
//! type and "Lead" the step are told apart.

use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::calendar::{tag_choices, tag_key, tag_view};
use pipewise_core::Tag;

/// A drop-down of tags; the empty value means "the default tag".
#[component]
pub fn TagSelect(
    /// The chosen tag's key (`s3`, `won`, `client`, …), or empty for the default.
    value: RwSignal<String>,
    /// The default tag's name, offered as the first choice; `None` hides that choice
    /// until a contact is chosen.
    #[prop(into)]
    default_label: Signal<Option<String>>,
    /// The message shown under the field when the tag is refused.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let app = use_app();
    let id = format!("f-{}", crate::browser::fresh_id().short());
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    let groups = Memo::new(move |_| {
        app.book.with(|b| {
            let mut groups: Vec<(&'static str, Vec<(String, String)>)> = vec![
                ("Contact type", vec![]),
                ("Deal step", vec![]),
                ("Outcome", vec![]),
            ];
            for tag in tag_choices(&b.process) {
                let group = match tag {
                    Tag::Contact(_) => 0,
                    Tag::Stage(s) if s.is_open() => 1,
                    Tag::Stage(_) => 2,
                };
                groups[group]
                    .1
                    .push((tag_key(tag), tag_view(&b.process, tag).label));
            }
            groups
        })
    });
    let option = move |key: String, text: String| {
        let mine = key.clone();
        view! { <option value=key prop:selected=move || value.get() == mine>{text}</option> }
    };
    view! {
        <div class="field">
            <label for=id.clone()>"Pipeline tag"</label>
            <select
                id=id
                on:change=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || error.get().is_some().then(|| described.clone())
            >
                {move || {
                    let text = match default_label.get() {
                        Some(label) => format!("Default: {label}"),
                        None => "Default (from the deal or contact)".to_string(),
                    };
                    option(String::new(), text)
                }}
                {move || {
                    groups
                        .get()
                        .into_iter()
                        .map(|(name, tags)| {
                            view! {
                                <optgroup label=name>
                                    {tags.into_iter().map(|(k, t)| option(k, t)).collect_view()}
                                </optgroup>
                            }
                        })
                        .collect_view()
                }}
            </select>
            {move || error.get().map(|e| view! { <p class="error" id=error_id.clone()>{e}</p> })}
        </div>
    }
}
