//! A contact's details and the dated history of their type.

use crate::format;
use leptos::prelude::*;
use pipewise_core::Contact;

/// Company, email, phone, owner, source and notes; empty ones say so.
#[component]
pub fn Details(
    /// The contact shown.
    #[prop(into)]
    contact: Signal<Option<Contact>>,
) -> impl IntoView {
    let item = |label: &'static str, value: Option<AnyView>| {
        let value =
            value.unwrap_or_else(|| view! { <span class="muted">"Not given"</span> }.into_any());
        view! { <dt>{label}</dt><dd>{value}</dd> }
    };
    let filled = |text: &str| (!text.trim().is_empty()).then(|| text.to_string());
    move || {
        contact.with(|c| {
            let c = c.as_ref()?;
            let email = filled(&c.email)
                .map(|e| view! { <a href=format!("mailto:{e}")>{e.clone()}</a> }.into_any());
            let phone = filled(&c.phone)
                .map(|p| view! { <a href=format!("tel:{p}")>{p.clone()}</a> }.into_any());
            let plain = |t: &str| filled(t).map(|t| view! { {t} }.into_any());
            let notes = filled(&c.notes).map(|n| view! { <p class="notes">{n}</p> });
            Some(view! {
                <section class="panel" aria-labelledby="details-h">
                    <h2 id="details-h">"Details"</h2>
                    <dl class="facts">
                        {item("Company", plain(&c.company))}
                        {item("Email", email)}
                        {item("Phone", phone)}
                        {item("Owner", plain(&c.owner))}
                        {item("Source", plain(&c.source))}
                    </dl>
                    {notes}
                </section>
            })
        })
    }
}

/// "Lead since …, Prospect since …, Client since …", oldest first.
#[component]
pub fn TypeHistory(
    /// The contact whose type history is shown.
    #[prop(into)]
    contact: Signal<Option<Contact>>,
) -> impl IntoView {
    let steps = move || {
        contact.with(|c| {
            c.as_ref()
                .map(|c| {
                    let last = c.types.len().saturating_sub(1);
                    c.types
                        .iter()
                        .enumerate()
                        .map(|(i, t)| {
                            view! {
                                <li class:current=i == last>
                                    <span class=format!("badge {}", t.kind.as_str())>{t.kind.label()}</span>
                                    {format!(" since {}", format::date(t.on))}
                                </li>
                            }
                        })
                        .collect_view()
                })
        })
    };
    view! {
        <section class="panel" aria-labelledby="types-h">
            <h2 id="types-h">"Type history"</h2>
            <ol class="type-history">{steps}</ol>
            <p class="muted small">"A contact becomes a client on their first won deal; you can also change the type by hand, back-dated if need be."</p>
        </section>
    }
}
