//! Team sync, the part every page load has: what is set up (kept in localStorage, never
//! the password), the status the header shows, and the hook by which a local change
//! reaches the sync. The sync itself (`crate::sync`, its own chunk) is fetched only in a
//! browser that has team sync set up, or when Settings shows its form.

use crate::storage::{LocalStore, TEAM};
use leptos::prelude::*;
use pipewise_core::Stamp;
use std::cell::Cell;

/// What the rep set up in Settings → Team sync.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamConfig {
    /// The CouchDB server's address, without a trailing slash.
    pub server: String,
    /// The team's database.
    pub db: String,
    /// The rep's CouchDB user name: it signs every revision this browser writes.
    pub user: String,
    /// Paused: nothing is pulled or pushed until resumed; changes wait in the browser.
    pub paused: bool,
}

impl TeamConfig {
    /// As kept: one line each, in order (no JSON parser on the first load for this).
    pub fn to_text(&self) -> String {
        let paused = if self.paused { "paused" } else { "on" };
        format!(
            "pipewise team 1\n{}\n{}\n{}\n{paused}",
            self.server, self.db, self.user
        )
    }

    pub fn from_text(text: &str) -> Option<TeamConfig> {
        let mut lines = text.split('\n');
        if lines.next()? != "pipewise team 1" {
            return None;
        }
        let (server, db, user) = (lines.next()?, lines.next()?, lines.next()?);
        let paused = lines.next()? == "paused";
        Some(TeamConfig {
            server: server.to_string(),
            db: db.to_string(),
            user: user.to_string(),
            paused,
        })
    }
}

/// Where the sync stands, as the header and Settings say it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamStatus {
    /// No team sync in this browser.
    Off,
    /// Starting, or the first pull is under way (`pulled` documents so far).
    Connecting {
        pulled: usize,
    },
    /// Nothing waiting; the last time the server and this browser agreed.
    Synced {
        at: Stamp,
    },
    /// Synced, except changes the server would not take (another rep's records): kept
    /// in this browser only, listed in Settings.
    NotAccepted {
        changes: usize,
        at: Stamp,
    },
    /// Local changes not yet on the server (being sent).
    Waiting {
        changes: usize,
        at: Option<Stamp>,
    },
    /// The server cannot be reached; changes wait in the browser.
    Offline {
        changes: usize,
        at: Option<Stamp>,
    },
    /// The session ended (or was never opened): sign in again in Settings.
    SignedOut {
        changes: usize,
    },
    /// The server refuses this user or this database.
    Refused {
        reason: String,
    },
    Paused {
        changes: usize,
    },
}

impl TeamStatus {
    /// A few words for the header.
    pub fn short(&self) -> String {
        match self {
            TeamStatus::Off => String::new(),
            TeamStatus::Connecting { .. } => "Connecting…".into(),
            TeamStatus::Synced { at } => format!("Synced {}", clock(*at)),
            TeamStatus::NotAccepted { changes: 1, .. } => "1 change not accepted".into(),
            TeamStatus::NotAccepted { changes, .. } => format!("{changes} changes not accepted"),
            TeamStatus::Waiting { changes, .. } => waiting(*changes),
            TeamStatus::Offline { changes, .. } if *changes > 0 => {
                format!("Offline · {}", waiting(*changes))
            }
            TeamStatus::Offline { .. } => "Offline".into(),
            TeamStatus::SignedOut { .. } => "Signed out".into(),
            TeamStatus::Refused { .. } => "Refused".into(),
            TeamStatus::Paused { .. } => "Sync paused".into(),
        }
    }

    /// A sentence for Settings.
    pub fn long(&self) -> String {
        let last = |at: &Option<Stamp>| match at {
            Some(at) => format!(" Last synced at {}.", clock(*at)),
            None => String::new(),
        };
        match self {
            TeamStatus::Off => "Team sync is off.".into(),
            TeamStatus::Connecting { pulled: 0 } => "Connecting to the server…".into(),
            TeamStatus::Connecting { pulled } => {
                format!("Bringing in the team's records: {pulled} so far…")
            }
            TeamStatus::Synced { at } => format!(
                "Synced: this browser has everything the server has, and the server has all of this browser's changes. Last synced at {}.",
                clock(*at)
            ),
            TeamStatus::NotAccepted { changes, at } => format!(
                "Synced at {}, except {changes} of your changes the server did not accept (listed below): they are kept in this browser only.",
                clock(*at)
            ),
            TeamStatus::Waiting { changes, at } => {
                format!("Sending {} to the server.{}", waiting(*changes), last(at))
            }
            TeamStatus::Offline { changes, at } => format!(
                "Offline: the server cannot be reached. {} Pipewise tries again by itself.{}",
                kept(*changes),
                last(at)
            ),
            TeamStatus::SignedOut { changes } => format!(
                "Signed out: the server ended the session. Sign in again to sync. {}",
                kept(*changes)
            ),
            TeamStatus::Refused { reason } => reason.clone(),
            TeamStatus::Paused { changes } => format!(
                "Sync is paused: nothing is sent or fetched until you resume. {}",
                kept(*changes)
            ),
        }
    }
}

fn waiting(changes: usize) -> String {
    match changes {
        0 => "no changes waiting".into(),
        1 => "1 change waiting".into(),
        n => format!("{n} changes waiting"),
    }
}

/// What waits in the browser, as a sentence.
fn kept(changes: usize) -> String {
    match changes {
        0 => "Your records are kept in this browser.".into(),
        1 => "1 change is kept in this browser and sent once it can be.".into(),
        n => format!("{n} changes are kept in this browser and sent once they can be."),
    }
}

/// A moment as the local time of day ("3:04 PM").
pub fn clock(at: Stamp) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64));
    let (h, m) = (date.get_hours(), date.get_minutes());
    let half = if h < 12 { "AM" } else { "PM" };
    let h12 = if h % 12 == 0 { 12 } else { h % 12 };
    format!("{h12}:{m:02} {half}")
}

/// Team sync in context: its set-up, its status, and what it reports.
#[derive(Clone, Copy)]
pub struct Team {
    pub config: RwSignal<Option<TeamConfig>>,
    pub status: RwSignal<TeamStatus>,
    /// Edits of this browser's that a teammate's later edit of the same field overruled
    /// (newest wins), in words, newest last.
    pub overruled: RwSignal<Vec<String>>,
    /// Changes the server would not take, with its reason (another rep's record).
    pub refused: RwSignal<Vec<String>>,
}

pub fn use_team() -> Team {
    expect_context::<Team>()
}

impl Team {
    /// Reads the set-up kept in this browser.
    pub fn load() -> Team {
        let config = LocalStore
            .read_key(TEAM)
            .and_then(|text| TeamConfig::from_text(&text));
        let status = match &config {
            None => TeamStatus::Off,
            Some(c) if c.paused => TeamStatus::Paused { changes: 0 },
            Some(_) => TeamStatus::Connecting { pulled: 0 },
        };
        Team {
            config: RwSignal::new(config),
            status: RwSignal::new(status),
            overruled: RwSignal::new(Vec::new()),
            refused: RwSignal::new(Vec::new()),
        }
    }

    /// Keeps the set-up (or forgets it, on leaving).
    pub fn keep(&self, config: Option<TeamConfig>) {
        match &config {
            Some(c) => {
                let _ = LocalStore.write_key(TEAM, &c.to_text());
            }
            None => LocalStore.remove_key(TEAM),
        }
        self.config.set(config);
    }
}

thread_local!(static KICK: Cell<Option<fn()>> = const { Cell::new(None) });

/// Called by the app state after every local change: the running sync sends it.
pub fn local_change() {
    if let Some(kick) = KICK.with(Cell::get) {
        kick();
    }
}

/// Set by the sync when it starts.
pub fn on_local_change(kick: fn()) {
    KICK.with(|k| k.set(Some(kick)));
}

/// The header's status: what the sync is doing, a link to its settings. Nothing when
/// team sync is off.
#[component]
pub fn TeamBadge() -> impl IntoView {
    let team = use_team();
    let href = crate::links::href("/settings#team");
    move || {
        let status = team.status.get();
        (status != TeamStatus::Off).then(|| {
            let tone = match status {
                TeamStatus::Synced { .. } => "ok",
                TeamStatus::Waiting { .. } | TeamStatus::Connecting { .. } => "busy",
                _ => "warn",
            };
            let short = status.short();
            view! {
                <a class=format!("team-badge team-{tone}") href=href.clone() aria-label=format!("Team sync: {short}")>
                    {short.clone()}
                </a>
            }
        })
    }
}
