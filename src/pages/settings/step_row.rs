//! One step of the sales process: rename, move, "stuck after", remove or merge.

use super::StepLine;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::book::BookError;

#[component]
pub fn StepRow(
    /// The step as the list shows it.
    line: StepLine,
    /// All steps, for the "merge into" choice.
    #[prop(into)]
    lines: Signal<Vec<StepLine>>,
) -> impl IntoView {
    let app = use_app();
    let StepLine {
        id,
        name,
        stuck_after,
        position,
        last,
        open,
        ever,
    } = line;
    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(name.clone());
    let error = RwSignal::new(None::<String>);
    let merging = RwSignal::new(false);
    let merge_into = RwSignal::new(String::new());
    let rename_input = NodeRef::<leptos::html::Input>::new();
    // The rename field appears on demand: put the cursor in it (autofocus only works on
    // page load).
    Effect::new(move |_| {
        if let Some(input) = rename_input.get() {
            let _ = input.focus();
            input.select();
        }
    });
    let show = move |result: Result<(), BookError>| error.set(result.err().map(|e| e.to_string()));

    let rename = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let text = new_name.get_untracked();
        show(app.act(move |b| b.rename_step(id, &text, crate::state::now())));
    };
    let stuck = move |ev| {
        let text = event_target_value(&ev);
        let days = match text.trim() {
            "" => Ok(None),
            t => t.parse::<u32>().map(Some).map_err(|_| {
                "Enter a whole number of days, or leave it empty for automatic".to_string()
            }),
        };
        match days {
            Ok(days) => show(app.act(move |b| b.set_stuck_after(id, days, crate::state::now()))),
            Err(message) => error.set(Some(message)),
        }
    };
    let remove = move |_| {
        let result = app.act(move |b| b.remove_step(id, crate::state::now()));
        merging.set(matches!(result, Err(BookError::StepInUse { .. })));
        show(result);
    };
    let merge = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let Ok(into) = merge_into.get_untracked().parse::<u64>() else {
            error.set(Some("Choose the step to merge into".into()));
            return;
        };
        let now = crate::state::now();
        show(app.act(move |b| {
            b.merge_step(id, pipewise_core::StepId(into), now)
                .map(|_| ())
        }));
    };

    let stuck_id = format!("stuck-{}", id.0);
    let merge_id = format!("merge-{}", id.0);
    let rename_id = format!("rename-{}", id.0);
    let others = move || {
        lines.with(|l| {
            l.iter()
                .filter(|o| o.id != id)
                .map(|o| view! { <option value=o.id.0.to_string()>{o.name.clone()}</option> })
                .collect_view()
        })
    };
    let counts = match (open, ever) {
        (0, 0) => "No deals yet".to_string(),
        (open, ever) => format!("{open} here now · {ever} passed through"),
    };
    let n = name.clone();
    let rename_label = format!("New name for {name}");
    view! {
        <li class="step">
            <span class=format!("step-num {}", pipewise_core::Tone::of_place(Some(position)).as_str()) aria-hidden="true">{position + 1}</span>
            <div class="step-main">
                <Show when=move || renaming.get() fallback={
                    let n = n.clone();
                    move || view! { <strong class="step-name">{n.clone()}</strong> }
                }>
                    <form class="inline" on:submit=rename>
                        <label for=rename_id.clone() class="sr-only">{rename_label.clone()}</label>
                        <input id=rename_id.clone() node_ref=rename_input prop:value=move || new_name.get()
                            on:input=move |ev| new_name.set(event_target_value(&ev))
                            on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" { renaming.set(false); error.set(None); }/>
                        <button type="submit" class="primary">"Save"</button>
                        <button type="button" on:click=move |_| { renaming.set(false); error.set(None); }>"Cancel"</button>
                    </form>
                </Show>
                <span class="muted small">{counts}</span>
            </div>
            <div class="step-stuck">
                <label for=stuck_id.clone()>"Stuck after (days)"<span class="sr-only">{format!(" in {name}")}</span></label>
                <input id=stuck_id type="number" min="1" step="1" placeholder="automatic" inputmode="numeric"
                    prop:value=stuck_after.map(|d| d.to_string()).unwrap_or_default() on:change=stuck/>
            </div>
            <div class="step-actions">
                <button type="button" aria-label=format!("Rename {name}") on:click=move |_| { renaming.set(true); error.set(None); }>"Rename"</button>
                <button type="button" aria-label=format!("Move {name} up") disabled=position == 0
                    on:click=move |_| show(app.act(move |b| b.move_step(id, position - 1, crate::state::now())))>
                    <span aria-hidden="true">"↑ "</span>"Up"
                </button>
                <button type="button" aria-label=format!("Move {name} down") disabled=last
                    on:click=move |_| show(app.act(move |b| b.move_step(id, position + 1, crate::state::now())))>
                    <span aria-hidden="true">"↓ "</span>"Down"
                </button>
                <button type="button" class="danger" aria-label=format!("Remove {name}") on:click=remove>"Remove"</button>
            </div>
            {move || error.get().map(|e| view! { <p class="error step-error" role="alert">{e}</p> })}
            <Show when=move || merging.get()>
                <form class="inline merge" on:submit=merge>
                    <span>{format!("Instead, move the history of its {ever} deals into another step:")}</span>
                    <label for=merge_id.clone()>{format!("Merge {name} into")}</label>
                    <select id=merge_id.clone() on:change=move |ev| {
                        merge_into.set(event_target_value(&ev));
                        error.set(None);
                    }>
                        <option value="">"Choose a step…"</option>
                        {others}
                    </select>
                    <button type="submit" class="primary">"Merge"</button>
                    <button type="button" on:click=move |_| { merging.set(false); error.set(None); }>"Cancel"</button>
                </form>
            </Show>
        </li>
    }
}
