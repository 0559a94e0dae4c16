//! Signing in to the team database: a session, then membership; only then is the
//! set-up kept and the sync started. What a refusal says, in the rep's words.

use crate::state::AppState;
use crate::sync::couch::{Couch, Fault};
use crate::sync::engine;
use crate::team::{Team, TeamConfig};
use std::future::Future;
use std::pin::Pin;

/// What a sign-in that did not work says, in the rep's words.
fn refusal(fault: &Fault, config: &TeamConfig, step: &str) -> String {
    match (step, fault) {
        ("session", Fault::SignedOut) | ("session", Fault::Forbidden(_)) => {
            "The server refused the sign-in: the user name or the password is wrong.".into()
        }
        ("db", Fault::SignedOut) | ("db", Fault::Forbidden(_)) => format!(
            "You are signed in as {}, but {} is not a member of the team database “{}”. Ask your manager to add you; nothing from it was shown or kept.",
            config.user, config.user, config.db
        ),
        ("db", Fault::NotFound) => format!(
            "There is no database “{}” on {}. Check its name with your manager.",
            config.db, config.server
        ),
        (_, Fault::Offline) => format!(
            "Pipewise could not reach {}. Check the address and your connection; the server must also allow this site (CORS, see the README).",
            config.server
        ),
        (_, Fault::Server(status, reason)) => {
            format!("The server answered with an error ({status} {reason}). Try again later.")
        }
        (_, other) => format!("The sign-in did not work ({other:?})."),
    }
}

/// Signs in and checks membership; only then is the set-up kept and the sync started.
pub async fn sign_in(
    app: AppState,
    team: Team,
    config: TeamConfig,
    password: String,
) -> Result<(), String> {
    let couch = Couch {
        server: config.server.clone(),
        db: config.db.clone(),
    };
    couch
        .sign_in(&config.user, &password)
        .await
        .map_err(|f| refusal(&f, &config, "session"))?;
    if let Err(fault) = couch.check_member().await {
        couch.sign_out().await;
        return Err(refusal(&fault, &config, "db"));
    }
    team.keep(Some(config));
    engine::start(app, team);
    Ok(())
}

/// [`sign_in`] as the chunk hands it out.
pub fn sign_in_boxed(
    app: AppState,
    team: Team,
    config: TeamConfig,
    password: String,
) -> Pin<Box<dyn Future<Output = Result<(), String>>>> {
    Box::pin(sign_in(app, team, config, password))
}

/// Ends the session (best effort), on leaving.
pub fn sign_out(config: TeamConfig) {
    let couch = Couch {
        server: config.server,
        db: config.db,
    };
    leptos::task::spawn_local(async move { couch.sign_out().await });
}
