//! The deal's details: with whom, whose, worth what, from where, closing when.

use crate::format;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use pipewise_core::DealId;

/// What the details panel shows, read in one pass.
#[derive(Clone, PartialEq)]
struct Shown {
    contact: Option<(String, String, String)>,
    owner: String,
    value: String,
    source: String,
    close: Option<String>,
    late: bool,
    opened: String,
    days_open: i32,
    notes: String,
}

/// The details panel of a deal.
#[component]
pub fn DealDetails(
    /// The deal shown.
    deal: DealId,
) -> impl IntoView {
    let app = use_app();
    let today = app.today();
    let shown = Memo::new(move |_| {
        app.book.with(|b| {
            let d = b.deal(deal)?;
            let contact = b.contact(d.contact).map(|c| {
                (
                    crate::links::href(&format!("/contacts/{}", c.id)),
                    c.name.clone(),
                    c.company.clone(),
                )
            });
            Some(Shown {
                contact,
                owner: d.owner.clone(),
                value: format::money(d.value, &d.currency),
                source: d.source.clone(),
                close: d.expected_close.map(format::date),
                late: d.is_open() && d.expected_close.is_some_and(|c| c < today),
                opened: format::date(d.opened()),
                days_open: today.since(d.opened()).max(0),
                notes: d.notes.clone(),
            })
        })
    });
    let dash = || "—".to_string();
    move || {
        let s = shown.get()?;
        let contact = match s.contact {
            Some((href, name, company)) => view! {
                <A href=href>{name}</A>
                {(!company.is_empty()).then(|| view! { <span class="muted">{format!(" · {company}")}</span> })}
            }
            .into_any(),
            None => view! { <span class="muted">"(contact removed)"</span> }.into_any(),
        };
        Some(view! {
            <section class="panel details-panel" aria-labelledby="details-title">
                <h2 id="details-title">"Details"</h2>
                <p class="deal-value">{s.value}</p>
                <dl class="facts">
                    <dt>"Contact"</dt><dd>{contact}</dd>
                    <dt>"Owner"</dt><dd>{if s.owner.is_empty() { dash() } else { s.owner }}</dd>
                    <dt>"Source"</dt><dd>{if s.source.is_empty() { dash() } else { s.source }}</dd>
                    <dt>"Expected close"</dt>
                    <dd>
                        {s.close.unwrap_or_else(dash)}
                        {s.late.then(|| view! { " " <span class="badge overdue">"Past due"</span> })}
                    </dd>
                    <dt>"Opened"</dt><dd>{format!("{} ({} ago)", s.opened, format::days(s.days_open))}</dd>
                </dl>
                <h3>"Notes"</h3>
                <p class="notes">{if s.notes.is_empty() { "No notes.".to_string() } else { s.notes }}</p>
            </section>
        })
    }
}
