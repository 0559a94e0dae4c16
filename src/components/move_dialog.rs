//! The one dialog for every stage change: move to another step, win, lose (with a
//! reason) or reopen. It asks the date of the change, since reps log moves late: today by
//! default, back-dating allowed, the future refused by the core. The dialog is a chunk of
//! its own, fetched the first time it opens.

use crate::browser::mark;
use crate::components::field::TextField;
use crate::components::modal::Modal;
use crate::lazy::{failed_dialog, lazy_view, no_view, Part};
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::book::BookError;
use pipewise_core::{board, Day, DealId, Stage};

/// The deal a stage change is asked for, and where it goes if already known.
#[derive(Clone, Debug, PartialEq)]
pub struct MoveTarget {
    pub deal: DealId,
    pub title: String,
    /// Preselected destination (the column a card was dropped on, or Win/Lose/Reopen).
    pub to: Option<Stage>,
}

/// Asks where to and when, then changes the deal's stage.
#[component]
pub fn MoveDialog(
    /// The deal and its preselected destination.
    target: MoveTarget,
    /// Called when the dialog closes, after a change or a cancel.
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    lazy_view(
        dialog_chunk,
        (target, on_close),
        no_view,
        |retry, (_, on_close)| failed_dialog(retry, on_close),
    )
}

// The dialog's split point.
crate::lazy::split_point!(
    move_dialog,
    fn dialog_chunk() -> Part<(MoveTarget, Callback<()>)> {
        Ok(
            |(target, on_close)| {
                view! { <StageChange target=target on_close=on_close/> }.into_any()
            },
        )
    }
);

/// The dialog itself.
#[component]
fn StageChange(target: MoveTarget, on_close: Callback<()>) -> impl IntoView {
    let app = use_app();
    let id = target.deal;
    // Where the deal may go and where it likely goes, from the core in one read.
    let moves = app.book.with_untracked(|b| board::move_choices(b, id));
    let (current, choices, next) = match moves {
        Some(m) => (m.current, m.choices, m.suggested),
        None => (Stage::Lost, Vec::new(), None),
    };
    let reopening = !current.is_open();
    let initial = target.to.or(next).or_else(|| choices.first().map(|c| c.0));
    let stage = RwSignal::new(initial.map(Stage::key).unwrap_or_default());
    let date = RwSignal::new(app.today().iso());
    let note = RwSignal::new(String::new());
    let date_error = RwSignal::new(None::<String>);
    let note_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let losing = move || Stage::parse(&stage.get()) == Some(Stage::Lost);
    let title = if reopening {
        format!("Reopen “{}”", target.title)
    } else {
        format!("Move “{}”", target.title)
    };
    let select_id = format!("mv-{}", crate::browser::fresh_id().short());

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        date_error.set(None);
        note_error.set(None);
        error.set(None);
        let Some(to) = Stage::parse(&stage.get_untracked()) else {
            error.set(Some("Choose where the deal goes".into()));
            return;
        };
        let Some(on) = Day::parse_iso(&date.get_untracked()) else {
            date_error.set(Some("Enter the date of the change".into()));
            return;
        };
        let text = note.get_untracked();
        let now = crate::state::now();
        mark("pipewise:move:confirmed");
        let result = app.act(move |b| match to {
            Stage::Step(step) if reopening => b.reopen_deal(id, step, on, &text, now),
            Stage::Step(step) => b.move_deal(id, step, on, &text, now),
            Stage::Won => b.win_deal(id, on, &text, now),
            Stage::Lost => b.lose_deal(id, on, &text, now),
        });
        match result {
            Ok(()) => {
                request_animation_frame(|| mark("pipewise:move:painted"));
                on_close.run(());
            }
            Err(
                e @ (BookError::FutureDate { .. }
                | BookError::BeforePrevious { .. }
                | BookError::DateOutOfRange { .. }),
            ) => date_error.set(Some(e.to_string())),
            Err(e @ BookError::Required(_)) => note_error.set(Some(e.to_string())),
            Err(e) => error.set(Some(e.to_string())),
        }
    };

    view! {
        <Modal title=title on_close=on_close>
            <form on:submit=on_submit novalidate=true>
                <div class="field">
                    <label for=select_id.clone()>{if reopening { "Reopen at" } else { "Move to" }}</label>
                    <select
                        id=select_id
                        autofocus=true
                        prop:value=move || stage.get()
                        on:change=move |ev| stage.set(event_target_value(&ev))
                    >
                        {choices
                            .into_iter()
                            .map(|(s, name)| {
                                let value = s.key();
                                let selected = Some(s) == initial;
                                view! { <option value=value selected=selected>{name}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <TextField label="Date of the change" kind="date" value=date error=date_error required=true/>
                {move || {
                    let label = if losing() { "Loss reason" } else { "Note (optional)" };
                    view! { <TextField label=label value=note error=note_error required=losing()/> }
                }}
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="buttons">
                    <button type="button" on:click=move |_| on_close.run(())>"Cancel"</button>
                    <button type="submit" class="primary">
                        {move || match Stage::parse(&stage.get()) {
                            Some(Stage::Won) => "Mark won",
                            Some(Stage::Lost) => "Mark lost",
                            _ if reopening => "Reopen",
                            _ => "Move",
                        }}
                    </button>
                </div>
            </form>
        </Modal>
    }
}
