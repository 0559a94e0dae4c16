//! The board's filters: owner, source and a text search. They live in the URL query
//! (`?owner=&source=&q=`, beside the phone's `step=`), so a filtered board can be
//! bookmarked and survives a reload.

use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use pipewise_core::board::BoardFilter;

/// The filter a URL query asks for; empty values mean "any".
pub fn from_query(query: &ParamsMap) -> BoardFilter {
    let some = |key: &str| query.get(key).filter(|v| !v.trim().is_empty());
    BoardFilter {
        owner: some("owner"),
        source: some("source"),
        text: query.get("q").unwrap_or_default(),
    }
}

/// The board's address for a filter and the step a phone shows (`s3`, `won`, …).
pub fn board_href(filter: &BoardFilter, step: Option<&str>) -> String {
    crate::links::href(&format!("/{}", to_query(filter, step)))
}

fn to_query(filter: &BoardFilter, step: Option<&str>) -> String {
    let mut query = ParamsMap::new();
    if let Some(step) = step {
        query.insert("step", step.to_string());
    }
    if let Some(owner) = &filter.owner {
        query.insert("owner", owner.clone());
    }
    if let Some(source) = &filter.source {
        query.insert("source", source.clone());
    }
    if !filter.text.is_empty() {
        query.insert("q", filter.text.clone());
    }
    query.to_query_string()
}

/// The filter bar above the board.
#[component]
pub fn Filters(
    /// The filter in force (read from the URL).
    #[prop(into)]
    filter: Signal<BoardFilter>,
) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let query = use_query_map();
    let owners = Memo::new(move |_| app.book.with(|b| b.owners()));
    let sources = Memo::new(move |_| app.book.with(|b| b.sources()));
    // Every change is a new URL: the board follows the query.
    let apply = move |change: &dyn Fn(&mut BoardFilter)| {
        let mut next = filter.get_untracked();
        change(&mut next);
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..Default::default()
        };
        // Filtering keeps the step a phone shows.
        let step = query.with_untracked(|q| q.get("step"));
        navigate(&board_href(&next, step.as_deref()), options);
    };
    let apply = StoredValue::new_local(apply);
    let owner = Signal::derive(move || filter.with(|f| f.owner.clone()));
    let source = Signal::derive(move || filter.with(|f| f.source.clone()));
    let pick_owner = Callback::new(move |v: Option<String>| {
        apply.with_value(|apply| apply(&|f| f.owner = v.clone()))
    });
    let pick_source = Callback::new(move |v: Option<String>| {
        apply.with_value(|apply| apply(&|f| f.source = v.clone()))
    });
    view! {
        <form class="toolbar board-filters" role="search" aria-label="Filter deals" on:submit=|ev| ev.prevent_default()>
            <FilterSelect label="Owner" all="All owners" options=owners current=owner on_pick=pick_owner/>
            <FilterSelect label="Source" all="All sources" options=sources current=source on_pick=pick_source/>
            <div class="field search">
                <label for="filter-q">"Search"</label>
                <input id="filter-q" type="search" placeholder="Title, contact or company"
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        apply.with_value(|apply| apply(&|f| f.text = text.clone()));
                    }
                />
            </div>
            <Show when=move || !filter.with(BoardFilter::is_empty)>
                <button type="button" class="link" on:click=move |_| apply.with_value(|apply| apply(&|f| *f = BoardFilter::default()))>
                    "Clear filters"
                </button>
            </Show>
        </form>
    }
}

/// A labelled choice among the values in use, or "all".
#[component]
fn FilterSelect(
    /// The visible label, e.g. "Owner".
    label: &'static str,
    /// The first option, meaning no filter, e.g. "All owners".
    all: &'static str,
    /// The values to choose from.
    #[prop(into)]
    options: Signal<Vec<String>>,
    /// The value chosen now, if any.
    current: Signal<Option<String>>,
    /// Called with the new choice (`None` for all).
    on_pick: Callback<Option<String>>,
) -> impl IntoView {
    let id = format!("filter-{}", label.to_lowercase());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| on_pick.run(Some(event_target_value(&ev)).filter(|v| !v.is_empty()))>
                <option value="" prop:selected=move || current.with(Option::is_none)>{all}</option>
                {move || options.get().into_iter().map(|name| {
                    let value = name.clone();
                    let chosen = name.clone();
                    let selected = move || current.with(|c| c.as_deref() == Some(chosen.as_str()));
                    view! { <option value=value prop:selected=selected>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
