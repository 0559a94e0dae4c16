//! One deal on the board: what it is, with whom, what it is worth, whose it is and how
//! long it has sat in its step. Dragged to another column, or moved with its button.

use crate::components::move_dialog::MoveTarget;
use crate::format;
use leptos::prelude::*;
use pipewise_core::board::CardData;
use pipewise_core::DealId;

/// The drag payload's type: the deal id as plain text.
pub const DRAG_TYPE: &str = "text/plain";

/// The card's element id, so focus can follow a card to its new column.
pub fn card_element_id(id: DealId) -> String {
    format!("card-{id}")
}

/// Puts the focus back on a card's "Move to…" button after its dialog closed: the
/// button the user pressed may have been replaced when the card changed column. False
/// when the card is not on screen (a phone shows one column), so the caller can put the
/// focus somewhere else.
pub fn focus_card(id: DealId) -> bool {
    use wasm_bindgen::JsCast;
    let document = web_sys::window().and_then(|w| w.document());
    let button = document
        .as_ref()
        .and_then(|d| d.get_element_by_id(&card_element_id(id)))
        .and_then(|card| card.query_selector(".card-move").ok().flatten())
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(button) = button else { return false };
    let _ = button.focus();
    document
        .and_then(|d| d.active_element())
        .is_some_and(|a| a == *button.as_ref())
}

/// A draggable deal card with a keyboard-reachable "Move to…" button.
///
/// The card's inside is static, so it is written as one piece of HTML (every value
/// escaped) rather than built node by node: Leptos's `erase_components` build puts an
/// empty comment marker after every element's children, which nearly doubled the DOM of
/// a board (38 nodes a card instead of 18). The markup and classes are the ones the
/// styles expect, except that the button's name is an `aria-label` (the same words the
/// hidden span gave it, two nodes fewer); the link is an ordinary `<a>`, which the
/// router navigates in the app, and the button's click is caught on the card.
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
    let html = card_html(&card, stuck_after);
    let title = card.title;
    let on_drag = move |ev: web_sys::DragEvent| {
        if let Some(data) = ev.data_transfer() {
            let _ = data.set_data(DRAG_TYPE, &id.to_string());
            data.set_effect_allowed("move");
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        use wasm_bindgen::JsCast;
        let on_button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".card-move").ok().flatten())
            .is_some();
        if on_button {
            on_move.run(MoveTarget {
                deal: id,
                title: title.clone(),
                to: None,
            });
        }
    };
    view! {
        <li id=card_element_id(id) class="deal-card" class:is-stuck=card.stuck draggable="true"
            on:dragstart=on_drag on:click=on_click inner_html=html></li>
    }
}

/// The inside of a card, as HTML.
fn card_html(card: &CardData, stuck_after: Option<f64>) -> String {
    let href = crate::links::href(&format!("/deals/{}", card.id));
    let who = match (card.contact.is_empty(), card.company.is_empty()) {
        (false, false) => format!("{} · {}", card.contact, card.company),
        (false, true) => card.contact.clone(),
        _ => card.company.clone(),
    };
    let stuck = match stuck_after.filter(|_| card.stuck) {
        Some(limit) => {
            let limit = escape(&format!(
                "longer than the usual {} in this step",
                format::days(limit.round() as i32)
            ));
            format!(
                r#"<span class="badge stuck" title="{limit}">Stuck<span class="sr-only"> ({limit})</span></span>"#
            )
        }
        None => String::new(),
    };
    format!(
        concat!(
            r#"<div class="card-top"><a href="{href}" class="card-title">{title}</a>"#,
            r#"<span class="card-value">{value}</span></div>"#,
            r#"<div class="card-who"><span class="card-contact">{who}</span>"#,
            r#"<span class="card-owner">{owner}</span></div>"#,
            r#"<div class="card-foot"><span class="card-age" title="Days in this step">{age}</span>{stuck}"#,
            r#"<button type="button" class="card-move" aria-label="Move to… {title}">Move to…</button></div>"#,
        ),
        href = escape(&href),
        title = escape(&card.title),
        value = escape(&format::money(card.value, &card.currency)),
        who = escape(&who),
        owner = escape(&card.owner),
        age = escape(&format::days(card.days)),
        stuck = stuck,
    )
}

/// Text made safe for HTML content and quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<img src=x onerror="a('b')"> & co"#),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; co"
        );
        assert_eq!(escape("Müller · Café"), "Müller · Café");
    }
}
