//! One column of the board: its step, how many deals and how much value sit there, and
//! the cards. A drop target for dragged cards. Won and Lost start collapsed. On a phone
//! only the column its step tab picked is shown (`is-shown`, style/board.css).

use crate::components::deal_card::{DealCard, DRAG_TYPE};
use crate::components::move_dialog::MoveTarget;
use crate::format;
use crate::state::use_app;
use crate::state::AppState;
use leptos::prelude::*;
use pipewise_core::board::{CardData, Column};
use pipewise_core::{DealId, Stage};

/// A board column, reading its own slice of the board.
#[component]
pub fn BoardColumn(
    /// The step (or outcome) this column shows.
    stage: Stage,
    /// The step's place in the process (0-based), for its colour.
    position: usize,
    /// The whole board, computed once for all columns.
    columns: Memo<Vec<Column>>,
    /// Called when a card is dropped here or asks to move.
    #[prop(into)]
    on_move: Callback<MoveTarget>,
    /// Whether the cards are shown; given for the collapsible Won and Lost columns.
    #[prop(optional)]
    expanded: Option<RwSignal<bool>>,
    /// Whether this is the column a phone shows.
    #[prop(into)]
    shown: Signal<bool>,
) -> impl IntoView {
    let app = use_app();
    // Only this column's slice, copied only when it changed: a move copies and
    // re-renders the two columns it touches, and the others do not even clone their cards.
    let column = Memo::new_owning(move |old: Option<Option<Column>>| {
        columns.with(|cs| {
            let fresh = cs.iter().find(|c| c.stage == stage);
            match old {
                Some(old) if old.as_ref() == fresh => (old, false),
                _ => (fresh.cloned(), true),
            }
        })
    });
    let cards = move || column.with(|c| c.as_ref().map(|c| c.cards.clone()).unwrap_or_default());
    let stuck_after = move || column.with_untracked(|c| c.as_ref().and_then(|c| c.stuck_after));
    let outcome = !stage.is_open();
    let expanded = expanded.unwrap_or_else(|| RwSignal::new(true));
    let over = RwSignal::new(false);
    let currency = app.book.with_untracked(|b| b.settings.currency.clone());
    let name = move || column.with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let count = move || column.with(|c| c.as_ref().map_or(0, |c| c.count));
    let total = move || {
        format::money(
            column.with(|c| c.as_ref().map_or(0, |c| c.total)),
            &currency,
        )
    };
    let key = stage.key();
    let column_id = column_element_id(stage);
    let heading_id = format!("col-{key}");
    let labelled_by = heading_id.clone();
    let list_id = format!("cards-{key}");
    let controls = list_id.clone();
    let tone = format!("board-col {}", stage.tone_at(Some(position)).as_str());

    let on_drop = move |ev: web_sys::DragEvent| {
        over.set(false);
        if let Some(target) = dropped_on(&ev, stage, app) {
            on_move.run(target);
        }
    };

    view! {
        <section
            id=column_id
            class=tone
            class:is-shown=move || shown.get()
            class:collapsed=move || !expanded.get()
            class:drop-over=move || over.get()
            aria-labelledby=labelled_by
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop
        >
            <header class="col-head">
                <h2 id=heading_id>{name}</h2>
                <p class="col-sum">
                    <span class="col-count">{move || match count() { 1 => "1 deal".to_string(), n => format!("{n} deals") }}</span>
                    <span class="col-total">{total}</span>
                </p>
                {outcome.then(|| view! {
                    <button type="button" class="link col-toggle" aria-expanded=move || expanded.get().to_string() aria-controls=controls.clone()
                        on:click=move |_| expanded.update(|e| *e = !*e)>
                        {move || if expanded.get() { "Hide" } else { "Show" }}
                        <span class="sr-only">{move || format!(" {} deals", name())}</span>
                    </button>
                })}
            </header>
            <ul class="cards" id=list_id hidden=move || !expanded.get()>
                <Show when=move || expanded.get()>
                    <For each=cards key=|c: &CardData| c.clone() let:card>
                        <DealCard card=card stuck_after=stuck_after() on_move=on_move/>
                    </For>
                </Show>
            </ul>
        </section>
    }
}

/// The column's element id, for the phone's step tabs to point at.
pub fn column_element_id(stage: Stage) -> String {
    format!("column-{}", stage.key())
}

/// The move a card dropped on `stage` asks for (a column or a phone's step tab); none
/// when it is dropped back where it is.
pub fn dropped_on(ev: &web_sys::DragEvent, stage: Stage, app: AppState) -> Option<MoveTarget> {
    ev.prevent_default();
    let id = ev
        .data_transfer()
        .and_then(|d| d.get_data(DRAG_TYPE).ok())
        .and_then(|t| DealId::parse(&t))?;
    app.book.with_untracked(|b| {
        b.deal(id)
            .filter(|d| d.stage() != stage)
            .map(|d| MoveTarget {
                deal: id,
                title: d.title.clone(),
                to: Some(stage),
            })
    })
}
