//! The calendar's toolbar: the period shown with previous / today / next, the view
//! switch, and the tag, owner and kind filters. Every control changes the URL.

use super::url::Shown;
use crate::format;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use pipewise_core::calendar::{parse_tag, tag_choices, tag_key, tag_view, TaskFilter, View};
use pipewise_core::{Day, Tag, TaskKind};

/// "November 2026", "Nov 23 – Nov 29, 2026", …
fn period(view: View, date: Day) -> String {
    let (from, to) = view.range(date);
    match view {
        View::Month => format::month_year(date),
        _ => format!("{} – {}", format::day_month(from), format::date(to)),
    }
}

#[component]
pub fn Toolbar(
    /// What the calendar shows (from the URL).
    #[prop(into)]
    shown: Signal<Shown>,
    /// Today, for the Today button and the default date.
    today: Day,
) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let link = move |f: fn(&Shown, Day) -> Shown| move || shown.with(|s| f(s, today).href());
    let unit = move || match shown.with(|s| s.view) {
        View::Month => "month",
        View::Week => "week",
        View::Agenda => "two weeks",
    };
    let filters = Memo::new(move |_| {
        app.book.with(|b| {
            let tags: Vec<(bool, String, String)> = tag_choices(&b.process)
                .into_iter()
                .map(|t| {
                    (
                        matches!(t, Tag::Contact(_)),
                        tag_key(t),
                        tag_view(&b.process, t).label,
                    )
                })
                .collect();
            (tags, b.owners())
        })
    });
    let set = move |change: fn(&mut TaskFilter, String)| {
        let navigate = navigate.clone();
        move |ev| {
            let mut filter = shown.with_untracked(|s| s.filter.clone());
            change(&mut filter, event_target_value(&ev));
            navigate(
                &shown.with_untracked(|s| s.with_filter(filter).href()),
                Default::default(),
            );
        }
    };
    let on_tag = set(|f, v| f.tag = parse_tag(&v));
    let on_owner = set(|f, v| f.owner = (!v.is_empty()).then_some(v));
    let on_kind = set(|f, v| f.kind = TaskKind::parse(&v));
    let tag_now = move || shown.with(|s| s.filter.tag.map(tag_key).unwrap_or_default());
    let owner_now = move || shown.with(|s| s.filter.owner.clone().unwrap_or_default());
    let kind_now = move || {
        shown.with(|s| {
            s.filter
                .kind
                .map(|k| k.as_str().to_string())
                .unwrap_or_default()
        })
    };
    let tag_options = move |contact_types: bool| {
        filters.with(|(tags, _)| {
            tags.iter()
                .filter(|(is_type, _, _)| *is_type == contact_types)
                .map(|(_, key, label)| {
                    let mine = key.clone();
                    view! { <option value=key.clone() prop:selected=move || tag_now() == mine>{label.clone()}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <div class="cal-bar">
            <div class="cal-nav">
                <A href=link(|s, t| s.with_date(Some(s.view.shift(s.day(t), -1)))) attr:class="button" attr:aria-label=move || format!("Previous {}", unit())>"‹"</A>
                <A href=link(|s, _| s.with_date(None)) attr:class="button">"Today"</A>
                <A href=link(|s, t| s.with_date(Some(s.view.shift(s.day(t), 1)))) attr:class="button" attr:aria-label=move || format!("Next {}", unit())>"›"</A>
                <h2 class="period" aria-live="polite">{move || shown.with(|s| period(s.view, s.day(today)))}</h2>
            </div>
            <nav class="views" aria-label="Calendar view">
                {View::ALL
                    .into_iter()
                    .map(|v| {
                        let current = move || shown.with(|s| s.view == v).then_some("page");
                        // A plain link: the router's <A> marks every link to /calendar as
                        // the current page, whatever its query.
                        view! { <a href=move || shown.with(|s| s.with_view(v).href()) class="button" aria-current=current>{v.label()}</a> }
                    })
                    .collect_view()}
            </nav>
        </div>
        <div class="toolbar cal-filters">
            <div class="field">
                <label for="cal-tag">"Pipeline tag"</label>
                <select id="cal-tag" on:change=on_tag>
                    <option value="" prop:selected=move || tag_now().is_empty()>"All tags"</option>
                    <optgroup label="Contact type">{move || tag_options(true)}</optgroup>
                    <optgroup label="Deal step or outcome">{move || tag_options(false)}</optgroup>
                </select>
            </div>
            <div class="field">
                <label for="cal-owner">"Owner"</label>
                <select id="cal-owner" on:change=on_owner>
                    <option value="" prop:selected=move || owner_now().is_empty()>"Everyone"</option>
                    {move || {
                        filters.with(|(_, owners)| {
                            owners
                                .iter()
                                .map(|o| {
                                    let mine = o.clone();
                                    view! { <option value=o.clone() prop:selected=move || owner_now() == mine>{o.clone()}</option> }
                                })
                                .collect_view()
                        })
                    }}
                </select>
            </div>
            <div class="field">
                <label for="cal-kind">"Kind"</label>
                <select id="cal-kind" on:change=on_kind>
                    <option value="" prop:selected=move || kind_now().is_empty()>"All kinds"</option>
                    {TaskKind::ALL
                        .into_iter()
                        .map(|k| view! { <option value=k.as_str() prop:selected=move || kind_now() == k.as_str()>{k.label()}</option> })
                        .collect_view()}
                </select>
            </div>
        </div>
    }
}
