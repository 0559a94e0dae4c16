//! Step 4: match each stage value of the file to a step of our process, Won or Lost.

use super::Wizard;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::io;
use pipewise_core::{Process, Stage};

/// Every distinct stage value with the stage it becomes: the user's choice, else our
/// guess (`None` = not matched yet; such rows are reported, not imported).
pub fn stage_map(w: Wizard, process: &Process) -> Vec<(String, Option<Stage>)> {
    let values = w.file.with(|f| {
        f.as_ref()
            .map(|(_, s)| w.mapping.with(|m| s.stage_values(m)))
            .unwrap_or_default()
    });
    let mut map = io::guess_stage_mapping(&values, process);
    w.stage_choices.with(|chosen| {
        for (value, stage) in map.iter_mut() {
            if let Some((_, pick)) = chosen.iter().find(|(v, _)| v == value) {
                *stage = *pick;
            }
        }
    });
    map
}

/// A stage as the select's value; empty for "not matched".
fn stage_key(stage: Option<Stage>) -> String {
    stage.map(Stage::key).unwrap_or_default()
}

#[component]
pub fn Stages(
    /// The import's state.
    wizard: Wizard,
) -> impl IntoView {
    let app = use_app();
    let w = wizard;
    let map = Memo::new(move |_| app.book.with(|b| stage_map(w, &b.process)));
    let options = Memo::new(move |_| {
        app.book.with(|b| {
            let mut list: Vec<(String, String)> =
                vec![(String::new(), "Not matched: skip these rows".into())];
            list.extend(
                b.process
                    .steps
                    .iter()
                    .map(|s| Stage::Step(s.id))
                    .chain([Stage::Won, Stage::Lost])
                    .map(|s| (s.key(), s.name(&b.process).to_string())),
            );
            list
        })
    });
    let row = move |(n, value, stage): (usize, String, Option<Stage>)| {
        let id = format!("stage-{n}");
        let current = stage_key(stage);
        let chosen_value = value.clone();
        view! {
            <tr>
                <th scope="row"><label for=id.clone()>{value}</label></th>
                <td>
                    <select id=id class:unmatched=stage.is_none() on:change=move |ev| {
                        let pick = Stage::parse(&event_target_value(&ev));
                        let value = chosen_value.clone();
                        w.stage_choices.update(|c| {
                            c.retain(|(v, _)| *v != value);
                            c.push((value, pick));
                        });
                        w.changed();
                    }>
                        {options.with(|o| o.iter().map(|(key, label)| {
                            view! { <option value=key.clone() selected=*key == current>{label.clone()}</option> }
                        }).collect_view())}
                    </select>
                </td>
            </tr>
        }
    };
    let rows = move || {
        map.with(|m| {
            m.iter()
                .enumerate()
                .map(|(n, (v, s))| (n, v.clone(), *s))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || map.with(|m| !m.is_empty())>
            <h3>"4. Match the stages"</h3>
            <p class="muted">"Your file names its stages its own way. Pick the step of your sales process (or Won / Lost) each one means."</p>
            <table class="mapping stages">
                <thead><tr><th scope="col">"Stage in your file"</th><th scope="col">"Becomes"</th></tr></thead>
                <tbody>
                    <For each=rows key=|r| r.clone() children=row/>
                </tbody>
            </table>
        </Show>
    }
}
