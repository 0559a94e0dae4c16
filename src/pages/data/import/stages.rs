//! Step 4: match each stage value of the file to a step of our process, Won or Lost.

use super::Wizard;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::io;
use pipewise_core::{Process, Stage, StepId};

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

fn stage_key(stage: Option<Stage>) -> String {
    match stage {
        None => String::new(),
        Some(Stage::Step(id)) => format!("s{}", id.0),
        Some(Stage::Won) => "won".into(),
        Some(Stage::Lost) => "lost".into(),
    }
}

fn parse_key(key: &str) -> Option<Stage> {
    match key {
        "won" => Some(Stage::Won),
        "lost" => Some(Stage::Lost),
        _ => key
            .strip_prefix('s')
            .and_then(|n| n.parse().ok())
            .map(|n| Stage::Step(StepId(n))),
    }
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
                    .map(|s| (stage_key(Some(Stage::Step(s.id))), s.name.clone())),
            );
            list.push(("won".into(), "Won".into()));
            list.push(("lost".into(), "Lost".into()));
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
                        let pick = parse_key(&event_target_value(&ev));
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
