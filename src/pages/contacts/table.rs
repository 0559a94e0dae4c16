//! The contact list's table. Rows come computed from one pass over the book and are
//! keyed by id and a digest of their content, so a row re-renders only when what it
//! shows changes.
//! On a phone each row is a card (the cells' classes place them, style/people.css).

use crate::format;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use pipewise_core::people::ContactRow;

#[component]
pub fn ContactTable(
    /// The rows to show, already filtered and sorted.
    #[prop(into)]
    rows: Signal<Vec<ContactRow>>,
) -> impl IntoView {
    let app = use_app();
    let today = app.today();
    view! {
        <div class="table-wrap panel flush">
            <table class="contacts">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Company"</th>
                        <th scope="col">"Type"</th>
                        <th scope="col">"Owner"</th>
                        <th scope="col" class="num">"Open deals"</th>
                        <th scope="col">"Next task"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=ContactRow::key let:row>
                        <ContactLine row=row today=today/>
                    </For>
                    <Show when=move || rows.with(|r| r.is_empty())>
                        <tr>
                            <td colspan="6" class="muted none">"No contact matches this search."</td>
                        </tr>
                    </Show>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ContactLine(row: ContactRow, today: pipewise_core::Day) -> impl IntoView {
    let next = match row.next_task {
        Some(day) => {
            let overdue =
                (day < today).then(|| view! { " "<span class="badge overdue">"Overdue"</span> });
            view! { {format::date(day)}{overdue} }.into_any()
        }
        None => view! { <span class="muted">"None planned"</span> }.into_any(),
    };
    let email = (!row.email.is_empty())
        .then(|| view! { <div class="muted small">{row.email.clone()}</div> });
    view! {
        <tr>
            <td class="c-name">
                <A href=crate::links::href(&format!("/contacts/{}", row.id)) attr:class="strong">{row.name.clone()}</A>
                {email}
            </td>
            <td class="c-company">{row.company.clone()}</td>
            <td class="c-type"><span class=format!("badge {}", row.kind.as_str())>{row.kind.label()}</span></td>
            <td class="c-owner">{row.owner.clone()}</td>
            <td class="num c-deals" class:muted=row.open_deals == 0>{row.open_deals}</td>
            <td class="c-next">{next}</td>
        </tr>
    }
}
