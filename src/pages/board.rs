//! The pipeline board: a column per step of the sales process, then Won and Lost.
//! The columns are one pure computation (`board_columns`) in a `Memo`; each column
//! reads its slice and each card is keyed by its data, so a move repaints two columns.
//! A phone shows one column at a time, picked with the step tabs (`?step=` in the URL,
//! so the way back from a deal lands on the same step).

mod column;
mod filters;
mod moved;
mod tabs;

use crate::browser::mark;
use crate::components::deal_card::focus_card;
use crate::components::deal_form::DealForm;
use crate::components::demo::DemoButton;
use crate::components::empty::EmptyState;
use crate::components::move_dialog::{MoveDialog, MoveTarget};
use crate::format;
use crate::state::use_app;
use column::BoardColumn;
use filters::{board_href, Filters};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use moved::{focus_moved_note, Moved, MovedNote};
use pipewise_core::board::board_columns;
use pipewise_core::Stage;
use tabs::StepTabs;

#[component]
pub fn BoardPage() -> impl IntoView {
    let app = use_app();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(filters::from_query));
    let today = app.today();
    let columns =
        Memo::new(move |_| filter.with(|f| app.book.with(|b| board_columns(b, f, today))));
    // The step columns' identities change only when the process does.
    let stages = Memo::new(move |_| {
        app.book.with(|b| {
            let steps = b
                .process
                .steps
                .iter()
                .enumerate()
                .map(|(i, s)| (Stage::Step(s.id), i));
            steps.collect::<Vec<_>>()
        })
    });
    let has_deals = Memo::new(move |_| app.book.with(|b| !b.deals.is_empty()));
    // The column a phone shows: the step in the URL, else the first one.
    let shown = Memo::new(move |_| {
        let asked = query.with(|q| q.get("step")).and_then(|k| Stage::parse(&k));
        let known = |s: &Stage| !s.is_open() || stages.with(|all| all.iter().any(|(t, _)| t == s));
        let first = stages.with(|all| all.first().map(|(s, _)| *s));
        asked.filter(known).or(first).unwrap_or(Stage::Won)
    });
    let moving = RwSignal::new(None::<(MoveTarget, Option<Stage>)>);
    let moved = RwSignal::new(None::<Moved>);
    // Won and Lost start collapsed, pinned to the right edge while they are, so a card
    // can be dropped on them without scrolling the board to its end; picked on a phone,
    // they open.
    let picked = shown.get_untracked();
    let won_open = RwSignal::new(picked == Stage::Won);
    let lost_open = RwSignal::new(picked == Stage::Lost);
    let adding = RwSignal::new(false);
    let on_move = Callback::new(move |target: MoveTarget| {
        let from = app
            .book
            .with_untracked(|b| b.deal(target.deal).map(|d| d.stage()));
        moving.set(Some((target, from)));
    });
    let navigate = use_navigate();
    let on_pick = Callback::new(move |stage: Stage| {
        moved.set(None);
        match stage {
            Stage::Won => won_open.set(true),
            Stage::Lost => lost_open.set(true),
            Stage::Step(_) => {}
        }
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..Default::default()
        };
        let key = stage.key();
        navigate(
            &filter.with_untracked(|f| board_href(f, Some(&key))),
            options,
        );
    });

    // Benchmarks measure the time to the first board with data.
    Effect::new(move |marked: Option<bool>| {
        if marked == Some(true) {
            return true;
        }
        let ready = has_deals.get();
        if ready {
            request_animation_frame(|| mark("pipewise:board:ready"));
        }
        ready
    });

    let summary = move || {
        let currency = app.book.with_untracked(|b| b.settings.currency.clone());
        columns.with(|cs| {
            let open = cs.iter().filter(|c| c.stage.is_open());
            let (count, total) = open.fold((0, 0), |(n, t), c| (n + c.count, t + c.total));
            let stuck: usize = cs
                .iter()
                .map(|c| c.cards.iter().filter(|d| d.stuck).count())
                .sum();
            let deals = if count == 1 {
                "1 open deal".to_string()
            } else {
                format!("{count} open deals")
            };
            let stuck = match stuck {
                0 => String::new(),
                n => format!(" · {n} stuck"),
            };
            format!(
                "{deals} · {} in the pipeline{stuck}",
                format::money(total, &currency)
            )
        })
    };

    let board = move || {
        view! {
            <Filters filter=filter/>
            <p class="board-summary muted" role="status">{summary}</p>
            <StepTabs columns=columns shown=shown on_pick=on_pick on_move=on_move/>
            <MovedNote moved=moved on_pick=on_pick/>
            <div class="board" role="region" aria-label="Pipeline board" tabindex="0">
                <For each=move || stages.get() key=|s| *s let:((stage, position))>
                    <BoardColumn stage=stage position=position columns=columns on_move=on_move shown=Signal::derive(move || shown.get() == stage)/>
                </For>
                <div class="outcomes" class:pinned=move || !won_open.get() && !lost_open.get()>
                    <BoardColumn stage=Stage::Won position=0 columns=columns on_move=on_move expanded=won_open shown=Signal::derive(move || shown.get() == Stage::Won)/>
                    <BoardColumn stage=Stage::Lost position=0 columns=columns on_move=on_move expanded=lost_open shown=Signal::derive(move || shown.get() == Stage::Lost)/>
                </div>
            </div>
        }
    };

    view! {
        <div class="page-head">
            <h1>"Pipeline"</h1>
            <Show when=move || has_deals.get()>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| adding.set(true)>"New deal"</button>
                </div>
            </Show>
        </div>
        <Show
            when=move || has_deals.get()
            fallback=move || view! {
                <EmptyState title="No deals yet" text="Your deals will appear here, one column per step of your sales process, with how long each has sat in its step. Add a first deal, or load the demo pipeline to look around.">
                    <button type="button" class="primary" on:click=move |_| adding.set(true)>"New deal"</button>
                    <DemoButton/>
                </EmptyState>
            }
        >
            {board}
        </Show>
        {move || moving.get().map(|(target, from)| {
            let id = target.deal;
            let title = target.title.clone();
            let on_close = move |_| {
                moving.set(None);
                // Said where the card went, since a phone no longer shows it.
                let to = app.book.with_untracked(|b| b.deal(id).map(|d| d.stage()));
                if let Some(to) = to.filter(|to| Some(*to) != from) {
                    moved.set(Some(Moved { title: title.clone(), to }));
                }
                request_animation_frame(move || {
                    if !focus_card(id) {
                        focus_moved_note();
                    }
                });
            };
            view! { <MoveDialog target=target on_close=on_close/> }
        })}
        <Show when=move || adding.get()>
            <DealForm on_close=move |_| adding.set(false)/>
        </Show>
    }
}
