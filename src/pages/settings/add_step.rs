//! Adding a step to the sales process, at a chosen position.

use super::StepLine;
use crate::components::field::TextField;
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn AddStep(
    /// The current steps, for the position choice.
    #[prop(into)]
    lines: Signal<Vec<StepLine>>,
) -> impl IntoView {
    let app = use_app();
    let name = RwSignal::new(String::new());
    let at = RwSignal::new(usize::MAX);
    let error = RwSignal::new(None::<String>);
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let (text, position) = (name.get_untracked(), at.get_untracked());
        match app.act(move |b| b.add_step(&text, position, crate::state::now()).map(|_| ())) {
            Ok(()) => {
                name.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let positions = move || {
        lines.with(|l| {
            l.iter()
                .map(|s| {
                    let p = s.position;
                    view! { <option value=p.to_string() prop:selected=move || at.get() == p>{format!("Before {}", s.name)}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <form class="add-step" on:submit=on_submit novalidate=true>
            <h3>"Add a step"</h3>
            <div class="form-row">
                <TextField label="Name of the new step" value=name error=error required=true/>
                <div class="field">
                    <label for="add-step-at">"Position"</label>
                    <select id="add-step-at" on:change=move |ev| at.set(event_target_value(&ev).parse().unwrap_or(usize::MAX))>
                        <option value="end" prop:selected=move || at.get() == usize::MAX>"At the end"</option>
                        {positions}
                    </select>
                </div>
            </div>
            <button type="submit" class="primary">"Add step"</button>
        </form>
    }
}
