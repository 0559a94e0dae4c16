//! Settings → Team sync: sign in to the team's database, then pause, resume, sign in
//! again or leave; what the sync reports (edits overruled by a newer one, changes the
//! server refused). The views live with Settings; every call to the server goes
//! through the sync chunk (`crate::connect`), fetched on the first click that needs it.

use crate::components::field::TextField;
use crate::connect::with_engine;
use crate::state::{use_app, AppState};
use crate::team::{use_team, Team, TeamConfig, TeamStatus};
use leptos::prelude::*;

/// When the sync's code cannot be fetched (offline on a first visit).
const UNREACHABLE: &str = "Pipewise could not download the part of the app that syncs: the network may be gone. Check your connection and try again.";

/// Signs in through the sync chunk (fetched if it is not here yet) and hands the
/// outcome to `done`: the first sign-in and "Sign in again" alike.
fn sign_in(
    app: AppState,
    team: Team,
    config: TeamConfig,
    password: String,
    done: impl FnOnce(Result<(), String>) + Copy + 'static,
) {
    with_engine(
        move |engine| {
            leptos::task::spawn_local(async move {
                done((engine.sign_in)(app, team, config, password).await)
            })
        },
        move || done(Err(UNREACHABLE.into())),
    );
}

#[component]
pub fn TeamPanel() -> impl IntoView {
    let team = use_team();
    view! {
        <section class="panel settings-section" id="team" aria-labelledby="team-title">
            <h2 id="team-title">"Team sync"</h2>
            {move || match team.config.get() {
                None => view! { <SignIn/> }.into_any(),
                Some(config) => view! { <Syncing config=config/> }.into_any(),
            }}
        </section>
    }
}

/// The address as typed, made a base URL: no trailing slash, https assumed when no
/// scheme is given.
fn server_address(text: &str) -> Result<String, String> {
    let text = text.trim().trim_end_matches('/');
    if text.is_empty() {
        return Err("Enter the address of your team's CouchDB server.".into());
    }
    let with_scheme = if text.contains("://") {
        text.to_string()
    } else {
        format!("https://{text}")
    };
    let Ok(url) = web_sys::Url::new(&with_scheme) else {
        return Err(format!(
            "“{text}” is not a web address (for example https://couch.example.com)."
        ));
    };
    let host = url.hostname();
    let loopback = host == "127.0.0.1" || host == "localhost";
    match url.protocol().as_str() {
        "https:" => {}
        "http:" if loopback => {}
        _ => {
            return Err("Pipewise syncs only over https (or http to a server on this computer), so your password and records never travel in the clear.".into())
        }
    }
    Ok(with_scheme)
}

#[component]
fn SignIn() -> impl IntoView {
    let team = use_team();
    let app = use_app();
    let server = RwSignal::new(String::new());
    let db = RwSignal::new(String::new());
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let server_error = RwSignal::new(None::<String>);
    let db_error = RwSignal::new(None::<String>);
    let user_error = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        problem.set(None);
        let address = server_address(&server.get_untracked());
        server_error.set(address.clone().err());
        let name = db.get_untracked().trim().to_string();
        db_error.set(
            name.is_empty()
                .then(|| "Enter the team database's name.".into()),
        );
        let who = user.get_untracked().trim().to_string();
        user_error.set(
            who.is_empty()
                .then(|| "Enter your CouchDB user name.".into()),
        );
        let (Ok(address), false, false) = (address, name.is_empty(), who.is_empty()) else {
            return;
        };
        let config = TeamConfig {
            server: address,
            db: name,
            user: who,
            paused: false,
        };
        let secret = password.get_untracked();
        busy.set(true);
        let done = move |result: Result<(), String>| {
            busy.set(false);
            password.set(String::new());
            if let Err(why) = result {
                problem.set(Some(why));
            }
        };
        sign_in(app, team, config, secret, done);
    };
    view! {
        <p class="muted about">
            "Sync this browser's pipeline with your team's CouchDB server: your changes go up, your teammates' come down, offline work goes up when you are back online. "
            "Your records stay in this browser too. The password is sent once, to sign in; it is never stored."
        </p>
        <form class="team-sign-in" on:submit=on_submit novalidate=true>
            <div class="form-row">
                <TextField label="Server address" value=server error=server_error kind="url" required=true/>
                <TextField label="Team database" value=db error=db_error required=true/>
            </div>
            <div class="form-row">
                <TextField label="CouchDB user name" value=user error=user_error required=true/>
                <TextField label="Password" value=password kind="password"/>
            </div>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <button type="submit" class="primary" disabled=move || busy.get()>
                {move || if busy.get() { "Signing in…" } else { "Sign in and sync" }}
            </button>
        </form>
    }
}

#[component]
fn Syncing(config: TeamConfig) -> impl IntoView {
    let team = use_team();
    let app = use_app();
    let password = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let paused = config.paused;
    let about = format!("“{}” on {}, as {}.", config.db, config.server, config.user);
    let pause = {
        let config = config.clone();
        move |_| {
            with_engine(|engine| (engine.stop)(), || {});
            team.keep(Some(TeamConfig {
                paused: true,
                ..config.clone()
            }));
            team.status.set(TeamStatus::Paused { changes: 0 });
        }
    };
    let resume = {
        let config = config.clone();
        move |_| {
            team.keep(Some(TeamConfig {
                paused: false,
                ..config.clone()
            }));
            with_engine(move |engine| (engine.start)(app, team), || {});
        }
    };
    let leave = {
        let config = config.clone();
        move |_| {
            let config = config.clone();
            with_engine(
                move |engine| {
                    (engine.forget)();
                    (engine.sign_out)(config);
                },
                || {},
            );
            team.keep(None);
            team.status.set(TeamStatus::Off);
            team.overruled.set(Vec::new());
            team.refused.set(Vec::new());
        }
    };
    let again = {
        let config = config.clone();
        move |ev: web_sys::SubmitEvent| {
            ev.prevent_default();
            problem.set(None);
            let config = config.clone();
            let secret = password.get_untracked();
            let done = move |result: Result<(), String>| {
                password.set(String::new());
                if let Err(why) = result {
                    problem.set(Some(why));
                }
            };
            sign_in(app, team, config, secret, done);
        }
    };
    let signed_out = move || matches!(team.status.get(), TeamStatus::SignedOut { .. });
    view! {
        <p class="team-about">"Syncing the team database " {about}</p>
        <p class="team-status" role="status">{move || team.status.get().long()}</p>
        <Show when=signed_out>
            <form class="team-again" on:submit=again.clone() novalidate=true>
                <TextField label="Password" value=password kind="password"/>
                {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
                <button type="submit" class="primary">"Sign in again"</button>
            </form>
        </Show>
        <div class="actions">
            {if paused {
                view! { <button type="button" class="primary" on:click=resume.clone()>"Resume sync"</button> }.into_any()
            } else {
                view! { <button type="button" on:click=pause.clone()>"Pause sync"</button> }.into_any()
            }}
            <button type="button" on:click=leave.clone()>"Leave team sync"</button>
        </div>
        <p class="muted">"Leaving stops syncing and signs out; every record stays in this browser."</p>
        <Show when=move || !team.refused.with(Vec::is_empty)>
            <h3>"Not accepted by the server"</h3>
            <p class="muted">"Kept in this browser only. Another rep's records can be changed only by that rep or a manager."</p>
            <ul class="team-list">
                {move || team.refused.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        </Show>
        <Show when=move || !team.overruled.with(Vec::is_empty)>
            <h3>"Settled by the newer edit"</h3>
            <p class="muted">"A teammate edited the same field as you before either of you synced; the newer edit was kept."</p>
            <ul class="team-list">
                {move || team.overruled.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        </Show>
    }
}
