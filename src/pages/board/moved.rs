//! The note a phone shows after a move: the card left the one column on screen, so the
//! board says where it went and offers that step. On a desk the card is seen moving and
//! keeps the focus, so style/board.css hides the note there.

use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::Stage;

/// A deal that just changed stage on the board.
#[derive(Clone, Debug, PartialEq)]
pub struct Moved {
    pub title: String,
    pub to: Stage,
}

const NOTE_ID: &str = "board-moved";

/// The last move, said in words, with a button to the step it went to.
#[component]
pub fn MovedNote(
    /// The last move, if any since the step was picked.
    moved: RwSignal<Option<Moved>>,
    /// Shows a step's column.
    on_pick: Callback<Stage>,
) -> impl IntoView {
    let app = use_app();
    let line = move || {
        let Moved { title, to } = moved.get()?;
        let name = app.book.with_untracked(|b| match to {
            Stage::Step(s) => b.process.name(s).to_string(),
            Stage::Won => "Won".into(),
            Stage::Lost => "Lost".into(),
        });
        let said = match to {
            Stage::Won => format!("“{title}” is won."),
            Stage::Lost => format!("“{title}” is lost."),
            Stage::Step(_) => format!("“{title}” moved to {name}."),
        };
        Some(view! {
            <span>{said}</span>
            " "
            <button type="button" class="link" on:click=move |_| on_pick.run(to)>{format!("Show {name}")}</button>
        })
    };
    view! { <p id=NOTE_ID class="board-moved" role="status">{line}</p> }
}

/// Puts the focus on the note's button, when the moved card is not on screen.
pub fn focus_moved_note() {
    use wasm_bindgen::JsCast;
    let button = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("#{NOTE_ID} button"))
                .ok()
                .flatten()
        })
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(button) = button {
        let _ = button.focus();
    }
}
