//! One deal on the board: what it is, with whom, what it is worth, whose it is and how
//! long it has sat in its step. Dragged to another column, or moved with its button.

use crate::components::move_dialog::MoveTarget;
use crate::format;
use leptos::prelude::*;
use leptos_router::components::A;
use pipewise_core::board::CardData;
use pipewise_core::DealId;

/// The drag payload's type: the deal id as plain text.
pub const DRAG_TYPE: &str = "text/plain";

/// The card's element id, so focus can follow a card to its new column.
pub fn card_element_id(id: DealId) -> String {
    format!("card-{id}")
}

/// Puts the focus back on a card's "Move to…" button after its dialog closed: the
/// button the user pressed may have been replaced when the card changed column.
pub fn focus_card(id: DealId) {
    use wasm_bindgen::JsCast;
    let button = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&card_element_id(id)))
        .and_then(|card| card.query_selector(".card-move").ok().flatten())
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(button) = button {
        let _ = button.focus();
    }
}

/// A draggable deal card with a keyboard-reachable "Move to…" button.
#[component]
pub fn DealCard(
    /// What the card shows.
    card: CardData,
    /// Days after which a deal in this column is stuck, to explain the badge.
    stuck_after: Option<f64>,
    /// Called when the user asks to move the deal (button; drops go to the column).
    #[prop(into)]
    on_move: Callback<MoveTarget>,
) -> impl IntoView {
    let id = card.id;
    let href = crate::links::href(&format!("/deals/{id}"));
    let value = format::money(card.value, &card.currency);
    let age = format::days(card.days);
    let limit = stuck_after.filter(|_| card.stuck).map(|l| {
        format!(
            "longer than the usual {} in this step",
            format::days(l.round() as i32)
        )
    });
    let who = match (card.contact.is_empty(), card.company.is_empty()) {
        (false, false) => format!("{} · {}", card.contact, card.company),
        (false, true) => card.contact.clone(),
        _ => card.company.clone(),
    };
    let title = card.title.clone();
    let hidden_title = format!(" {title}");
    let link_title = title.clone();
    let on_drag = move |ev: web_sys::DragEvent| {
        if let Some(data) = ev.data_transfer() {
            let _ = data.set_data(DRAG_TYPE, &id.to_string());
            data.set_effect_allowed("move");
        }
    };
    let ask = {
        let title = title.clone();
        move |_| {
            on_move.run(MoveTarget {
                deal: id,
                title: title.clone(),
                to: None,
            })
        }
    };
    view! {
        <li id=card_element_id(id) class="deal-card" class:is-stuck=card.stuck draggable="true" on:dragstart=on_drag>
            <div class="card-top">
                <A href=href attr:class="card-title">{link_title}</A>
                <span class="card-value">{value}</span>
            </div>
            <div class="card-who">
                <span class="card-contact">{who}</span>
                <span class="card-owner">{card.owner.clone()}</span>
            </div>
            <div class="card-foot">
                <span class="card-age" title="Days in this step">{age}</span>
                {card.stuck.then(|| view! {
                    <span class="badge stuck" title=limit.clone()>"Stuck"<span class="sr-only">{limit.clone().map(|l| format!(" ({l})"))}</span></span>
                })}
                <button type="button" class="card-move" on:click=ask>
                    "Move to…"
                    <span class="sr-only">{hidden_title}</span>
                </button>
            </div>
        </li>
    }
}
