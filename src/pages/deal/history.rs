//! The stage history as a table: the chart's text alternative, and the place to fix a
//! wrong date or remove a change entered by mistake. A phone stacks its rows (`stack`,
//! each cell named by its `data-label`).

use crate::components::field::TextField;
use crate::components::modal::Modal;
use crate::format;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::book::BookError;
use pipewise_core::chart::timeline::timeline;
use pipewise_core::{ChangeId, Day, DealId, Stage};

/// One history entry as the table shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Entry {
    /// The change's id: corrections are addressed by it, never by its place.
    id: ChangeId,
    name: String,
    on: Day,
    /// Days in the stay; `None` for Won and Lost.
    days: Option<i32>,
    current: bool,
    back_move: bool,
    lost: bool,
    note: String,
}

#[derive(Clone, PartialEq)]
enum Open {
    Date(Entry),
    Remove(Entry),
}

/// The editable stage history of a deal.
#[component]
pub fn StageHistory(
    /// The deal whose history is listed.
    deal: DealId,
) -> impl IntoView {
    let app = use_app();
    let today = app.today();
    let entries = Memo::new(move |_| {
        app.book.with(|b| {
            let Some(d) = b.deal(deal) else {
                return Vec::new();
            };
            // The chart's own geometry knows each stay's length and the back-moves.
            let t = timeline(&d.history, &b.process, today, 900.0);
            t.bars
                .iter()
                .filter_map(|bar| {
                    Some(Entry {
                        id: d.history.get(bar.index)?.id,
                        name: t.rows[bar.row].label.clone(),
                        on: bar.from,
                        days: (!bar.outcome).then_some(bar.days),
                        current: bar.current,
                        back_move: bar.back_move,
                        lost: t.rows[bar.row].stage == Stage::Lost,
                        note: d
                            .history
                            .get(bar.index)
                            .map(|c| c.note.clone())
                            .unwrap_or_default(),
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let open = RwSignal::new(None::<Open>);
    let close = Callback::new(move |_| open.set(None));
    let row = move |e: Entry| {
        let (for_date, for_remove) = (e.clone(), e.clone());
        let which = format!(" of the {} change on {}", e.name, format::date(e.on));
        let which2 = which.clone();
        let days = match e.days {
            Some(d) if e.current => format!("{} so far", format::days(d)),
            Some(d) => format::days(d),
            None => "—".into(),
        };
        view! {
            <tr>
                <th scope="row">
                    {e.name.clone()}
                    {e.back_move.then(|| view! { " " <span class="badge back">"↩ moved back"</span> })}
                </th>
                <td data-label="Entered on">{format::date(e.on)}</td>
                <td class="num" data-label="Days">{days}</td>
                <td class="note" data-label="Note">{e.note.clone()}</td>
                <td class="row-actions">
                    <button type="button" class="link" on:click=move |_| open.set(Some(Open::Date(for_date.clone())))>
                        "Change date"<span class="sr-only">{which}</span>
                    </button>
                    <button type="button" class="link" on:click=move |_| open.set(Some(Open::Remove(for_remove.clone())))>
                        "Remove"<span class="sr-only">{which2}</span>
                    </button>
                </td>
            </tr>
        }
    };
    view! {
        <table class="history stack">
            <caption>"Stage history"</caption>
            <thead>
                <tr><th scope="col">"Step"</th><th scope="col">"Entered on"</th><th scope="col" class="num">"Days"</th><th scope="col">"Note"</th><th scope="col"><span class="sr-only">"Actions"</span></th></tr>
            </thead>
            <tbody>
                <For each=move || entries.get() key=|e| (e.id, pipewise_core::ids::row_digest(e)) children=row/>
            </tbody>
        </table>
        {move || open.get().map(|o| match o {
            Open::Date(e) => view! { <DateDialog deal=deal entry=e on_close=close/> }.into_any(),
            Open::Remove(e) => view! { <RemoveDialog deal=deal entry=e on_close=close/> }.into_any(),
        })}
    }
}

/// Fixes the date (and note) of one stage change.
#[component]
fn DateDialog(deal: DealId, entry: Entry, on_close: Callback<()>) -> impl IntoView {
    let app = use_app();
    let date = RwSignal::new(entry.on.iso());
    let note = RwSignal::new(entry.note.clone());
    let date_error = RwSignal::new(None::<String>);
    let note_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let change = entry.id;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        for slot in [date_error, note_error, error] {
            slot.set(None);
        }
        let Some(on) = Day::parse_iso(&date.get_untracked()) else {
            date_error.set(Some("Enter a date".into()));
            return;
        };
        let text = note.get_untracked();
        let now = crate::state::now();
        match app.act(move |b| b.edit_stage_change(deal, change, on, &text, now)) {
            Ok(()) => on_close.run(()),
            Err(e @ BookError::Required(_)) => note_error.set(Some(e.to_string())),
            Err(
                e @ (BookError::FutureDate { .. }
                | BookError::BeforePrevious { .. }
                | BookError::AfterNext { .. }
                | BookError::DateOutOfRange { .. }),
            ) => date_error.set(Some(e.to_string())),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let note_label = if entry.lost {
        "Loss reason"
    } else {
        "Note (optional)"
    };
    view! {
        <Modal title=format!("Change the date of “{}”", entry.name) on_close=on_close>
            <form on:submit=on_submit novalidate=true>
                <TextField label="Entered on" kind="date" value=date error=date_error required=true autofocus=true/>
                <TextField label=note_label value=note error=note_error required=entry.lost/>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="buttons">
                    <button type="button" on:click=move |_| on_close.run(())>"Cancel"</button>
                    <button type="submit" class="primary">"Save date"</button>
                </div>
            </form>
        </Modal>
    }
}

/// Asks before removing a stage change entered by mistake.
#[component]
fn RemoveDialog(deal: DealId, entry: Entry, on_close: Callback<()>) -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let change = entry.id;
    let remove = move |_| {
        let now = crate::state::now();
        match app.act(move |b| b.remove_stage_change(deal, change, now)) {
            Ok(()) => on_close.run(()),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <Modal title=format!("Remove the “{}” change?", entry.name) on_close=on_close>
            <p>{format!("The change to {} on {} goes, as if it was never logged; the time around it is counted again.", entry.name, format::date(entry.on))}</p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="buttons">
                <button type="button" autofocus=true on:click=move |_| on_close.run(())>"Keep it"</button>
                <button type="button" class="danger" on:click=remove>"Remove change"</button>
            </div>
        </Modal>
    }
}
