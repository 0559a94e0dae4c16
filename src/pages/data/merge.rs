//! Merge a teammate's backup: records are matched by id, the newer edit of each field
//! wins, stage histories are united change by change, and removals travel. The preview
//! lists what would be added, changed and removed.

use super::counts::{count, records};
use super::Section;
use crate::components::file_pick::{FilePick, Picked};
use crate::components::modal::Modal;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::io::{self, MergePlan};
use pipewise_core::Book;

#[derive(Clone)]
struct Planned {
    name: String,
    plan: MergePlan,
    theirs: Book,
}

#[component]
pub fn MergeSection() -> impl IntoView {
    let app = use_app();
    let waiting = RwSignal::new(None::<Planned>);
    let problem = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let on_pick = move |picked: Result<Picked, String>| {
        done.set(None);
        problem.set(None);
        let read = picked.and_then(|p| {
            io::read_backup(&p.text(), crate::state::now().anywhere())
                .map(|theirs| (p.name, theirs))
                .map_err(|e| e.to_string())
        });
        match read {
            Err(message) => problem.set(Some(message)),
            Ok((name, theirs)) => {
                let plan = app.book.with_untracked(|ours| {
                    io::plan_merge_with(ours, &theirs, crate::browser::day_of)
                });
                if plan.is_empty() {
                    done.set(Some(format!(
                        "Nothing new: everything in “{name}” is already here."
                    )));
                } else {
                    waiting.set(Some(Planned { name, plan, theirs }));
                }
            }
        }
    };
    let merge = move |_| {
        if let Some(planned) = waiting.get_untracked() {
            // Merged into the book as it is now (not as it was at the preview).
            if let Err(e) = app.merge_in(&planned.theirs) {
                problem.set(Some(format!(
                    "The merged records would break a rule ({e})."
                )));
                waiting.set(None);
                return;
            }
            let p = &planned.plan;
            done.set(Some(format!(
                "Merged “{}”: added {}; updated {}; removed {}.",
                planned.name,
                records(
                    p.added_contacts.len(),
                    p.added_deals.len(),
                    p.added_tasks.len()
                ),
                records(
                    p.changed_contacts.len(),
                    p.changed_deals.len(),
                    p.changed_tasks.len()
                ),
                records(
                    p.removed_contacts.len(),
                    p.removed_deals.len(),
                    p.removed_tasks.len()
                )
            )));
        }
        waiting.set(None);
    };
    let dialog = move || {
        waiting.with(|w| {
            w.as_ref().map(|planned| {
                let p = planned.plan.clone();
                view! {
                    <Modal title=format!("Merge “{}”?", planned.name) on_close=move |_| waiting.set(None)>
                        <PlanView plan=p/>
                        <div class="buttons">
                            <button type="button" on:click=move |_| waiting.set(None)>"Cancel"</button>
                            <button type="button" class="primary" on:click=merge>"Merge into my data"</button>
                        </div>
                    </Modal>
                }
            })
        })
    };
    view! {
        <Section title="Merge a teammate's backup" about="Add the records of another browser's backup to yours, as a manager collecting the reps' files. Where both changed the same field, the newer edit is kept; what was removed in the newer copy stays removed.">
            <FilePick label="Backup file to merge" accept=".json,application/json" on_pick=on_pick on_start=move |_| { done.set(None); problem.set(None); }/>
            {move || problem.get().map(|m| view! { <p class="error" role="alert">{m} " Nothing was changed."</p> })}
            {move || done.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
            {dialog}
        </Section>
    }
}

/// What a merge would add and change, with the names behind each count.
#[component]
fn PlanView(
    /// The merge plan to show.
    plan: MergePlan,
) -> impl IntoView {
    let added = records(
        plan.added_contacts.len(),
        plan.added_deals.len(),
        plan.added_tasks.len(),
    );
    let changed = records(
        plan.changed_contacts.len(),
        plan.changed_deals.len(),
        plan.changed_tasks.len(),
    );
    let added_names: Vec<String> = [&plan.added_contacts, &plan.added_deals, &plan.added_tasks]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    let removed = records(
        plan.removed_contacts.len(),
        plan.removed_deals.len(),
        plan.removed_tasks.len(),
    );
    let removed_names: Vec<String> = [
        &plan.removed_contacts,
        &plan.removed_deals,
        &plan.removed_tasks,
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect();
    let any_removed = !removed_names.is_empty();
    let changed_names: Vec<String> = [
        &plan.changed_contacts,
        &plan.changed_deals,
        &plan.changed_tasks,
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect();
    view! {
        <dl class="facts">
            <dt>"New"</dt><dd>{added}</dd>
            <dt>"Updated"</dt><dd>{changed}</dd>
            {any_removed.then(|| view! { <dt>"Removed"</dt><dd>{removed}</dd> })}
            {(!plan.added_steps.is_empty()).then(|| view! {
                <dt>"New steps"</dt><dd>{format!("{} (each placed among the steps it sits between)", plan.added_steps.join(", "))}</dd>
            })}
            {(!plan.removed_steps.is_empty()).then(|| view! {
                <dt>"Removed steps"</dt><dd>{plan.removed_steps.join(", ")}</dd>
            })}
            {(!plan.changed_steps.is_empty()).then(|| view! {
                <dt>"Renamed or moved steps"</dt><dd>{plan.changed_steps.join(", ")}</dd>
            })}
        </dl>
        <NameList title="What is new" names=added_names/>
        <NameList title="What is updated" names=changed_names/>
        <NameList title="What was removed in their file" names=removed_names/>
        {(!plan.conflicts.is_empty()).then(|| view! {
            <div class="conflicts">
                <p><strong>{count(plan.conflicts.len(), "change meets", "changes meet")} " a change in the other file:"</strong> " the newer edit is kept."</p>
                <NameList title="Changed in both" names=plan.conflicts.clone()/>
            </div>
        })}
    }
}

/// A collapsible list of record names, at most 50 shown.
#[component]
fn NameList(
    /// The list's summary line.
    #[prop(into)]
    title: String,
    /// The names.
    names: Vec<String>,
) -> impl IntoView {
    let total = names.len();
    (total > 0).then(|| {
        let more = total.saturating_sub(50);
        view! {
            <details class="names">
                <summary>{format!("{title} ({total})")}</summary>
                <ul tabindex="0" aria-label=title.clone()>{names.into_iter().take(50).map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                {(more > 0).then(|| view! { <p class="muted">{format!("…and {more} more")}</p> })}
            </details>
        }
    })
}
