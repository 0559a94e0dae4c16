//! The board's filters: owner, source and a text search. They live in the URL query
//! (`?owner=&source=&q=`), so a filtered board can be bookmarked and survives a reload.

use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use pipewise_core::board::BoardFilter;

/// The filter a URL query asks for; empty values mean "any".
pub fn from_query(query: &ParamsMap) -> BoardFilter {
    let some = |key: &str| query.get(key).filter(|v| !v.trim().is_empty());
    BoardFilter { owner: some("owner"), source: some("source"), text: query.get("q").unwrap_or_default() }
}

fn to_query(filter: &BoardFilter) -> String {
    let mut query = ParamsMap::new();
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
    filter: Memo<BoardFilter>,
) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let options = Memo::new(move |_| app.book.with(|b| (b.owners(), b.sources())));
    let apply = move |change: &dyn Fn(&mut BoardFilter)| {
        let mut next = filter.get_untracked();
        change(&mut next);
        let options = NavigateOptions { replace: true, scroll: false, ..Default::default() };
        navigate(&format!("/{}", to_query(&next)), options);
    };
    let apply = StoredValue::new_local(apply);
    let pick = |value: String| Some(value).filter(|v| !v.is_empty());
    let select = move |label: &'static str, all: &'static str, current: fn(&BoardFilter) -> Option<String>, set: fn(&mut BoardFilter, Option<String>), list: fn(&(Vec<String>, Vec<String>)) -> Vec<String>| {
        let id = format!("filter-{}", label.to_lowercase());
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <select id=id on:change=move |ev| {
                    let value = pick(event_target_value(&ev));
                    apply.with_value(|apply| apply(&|f| set(f, value.clone())));
                }>
                    <option value="" prop:selected=move || filter.with(|f| current(f).is_none())>{all}</option>
                    {move || options.with(list).into_iter().map(|name| {
                        let selected = {
                            let name = name.clone();
                            move || filter.with(|f| current(f).as_deref() == Some(name.as_str()))
                        };
                        let value = name.clone();
                        view! { <option value=value prop:selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <form class="toolbar board-filters" role="search" aria-label="Filter deals" on:submit=|ev| ev.prevent_default()>
            {select("Owner", "All owners", |f| f.owner.clone(), |f, v| f.owner = v, |o| o.0.clone())}
            {select("Source", "All sources", |f| f.source.clone(), |f, v| f.source = v, |o| o.1.clone())}
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
