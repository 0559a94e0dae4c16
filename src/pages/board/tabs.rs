//! The step switcher a phone shows above the board (style/board.css hides it on a desk):
//! a tab per column with its count, so every step, Won and Lost included, is one tap
//! away while the column it picks fills the width. A card dragged onto a tab asks to
//! move there.

use super::column::{column_element_id, dropped_on};
use crate::components::move_dialog::MoveTarget;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::board::Column;
use pipewise_core::Stage;

/// One tab as it shows: the stage, its name, how many deals and its colour class.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Tab {
    stage: Stage,
    name: String,
    count: usize,
    tone: String,
}

fn tab_element_id(stage: Stage) -> String {
    format!("tab-{}", stage.key())
}

/// The tabs, one per board column, in the board's order.
#[component]
pub fn StepTabs(
    /// The whole board, for each column's name and count.
    #[prop(into)]
    columns: Signal<Vec<Column>>,
    /// The column shown now.
    #[prop(into)]
    shown: Signal<Stage>,
    /// Called with the column the user picks.
    #[prop(into)]
    on_pick: Callback<Stage>,
    /// Called when a card is dropped on a tab.
    #[prop(into)]
    on_move: Callback<MoveTarget>,
) -> impl IntoView {
    let tabs = Memo::new(move |_| {
        columns.with(|cs| {
            cs.iter()
                .enumerate()
                .map(|(i, c)| Tab {
                    stage: c.stage,
                    name: c.name.clone(),
                    count: c.count,
                    tone: c.stage.tone_at(Some(i)).as_str().to_string(),
                })
                .collect::<Vec<_>>()
        })
    });
    // Arrow keys walk the tabs as in any tab list; the focus follows the pick.
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let stages: Vec<Stage> = tabs.with_untracked(|t| t.iter().map(|t| t.stage).collect());
        let Some(at) = stages.iter().position(|s| *s == shown.get_untracked()) else {
            return;
        };
        let last = stages.len() - 1;
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (at + 1).min(last),
            "ArrowLeft" | "ArrowUp" => at.saturating_sub(1),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        let stage = stages[next];
        on_pick.run(stage);
        request_animation_frame(move || focus_tab(stage));
    };
    view! {
        <div class="step-tabs" role="tablist" aria-label="Steps" on:keydown=on_key>
            <For each=move || tabs.get() key=|t| t.clone() let:tab>
                <StepTab tab=tab shown=shown on_pick=on_pick on_move=on_move/>
            </For>
        </div>
    }
}

#[component]
fn StepTab(
    tab: Tab,
    #[prop(into)] shown: Signal<Stage>,
    on_pick: Callback<Stage>,
    on_move: Callback<MoveTarget>,
) -> impl IntoView {
    let app = use_app();
    let stage = tab.stage;
    let selected = move || shown.get() == stage;
    let over = RwSignal::new(false);
    let deals = if tab.count == 1 { "deal" } else { "deals" };
    // Said as "Lead, 4 deals"; seen as the name with the count at the tab's end.
    let said = format!("{}, {} {deals}", tab.name, tab.count);
    view! {
        <button
            type="button"
            role="tab"
            id=tab_element_id(stage)
            class=format!("step-tab {}", tab.tone)
            class:drop-over=move || over.get()
            aria-selected=move || selected().to_string()
            aria-controls=column_element_id(stage)
            aria-label=said
            tabindex=move || if selected() { "0" } else { "-1" }
            on:click=move |_| on_pick.run(stage)
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                over.set(false);
                if let Some(target) = dropped_on(&ev, stage, app) {
                    on_move.run(target);
                }
            }
        >
            <span class="step-tab-name">{tab.name}</span>
            <span class="step-tab-count">{tab.count}</span>
        </button>
    }
}

fn focus_tab(stage: Stage) {
    use wasm_bindgen::JsCast;
    let tab = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&tab_element_id(stage)))
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(tab) = tab {
        let _ = tab.focus();
    }
}
