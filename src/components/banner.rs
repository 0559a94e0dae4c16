//! The storage banner: says plainly when data was rescued, could not be saved, or was
//! saved by a newer version, and how full the browser's storage is.

use crate::state::{use_app, Notice};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn StorageBanner() -> impl IntoView {
    let app = use_app();
    let notice = move || {
        app.notice.get().map(|notice| {
            let newer = matches!(notice, Notice::Newer { .. });
            let (title, text) = match notice {
                Notice::Rescued { reason, key: Some(_) } => (
                    "Your saved data could not be read",
                    format!("{reason} It was kept aside untouched: you can download it from the Data page."),
                ),
                Notice::Rescued { reason, key: None } => (
                    "Your saved data could not be read",
                    format!("{reason} It is left exactly as it was and Pipewise will not save over it. Download it from the Data page."),
                ),
                Notice::Unsaved { reason } => ("Changes not saved", reason),
                Notice::Newer { reason } => ("A newer Pipewise saved your data", reason),
            };
            view! {
                <div class="banner warn" role="alert">
                    <strong>{title}</strong>
                    " "
                    <span>{text}</span>
                    " "
                    {newer.then(|| view! {
                        <button type="button" on:click=|_| {
                            if let Some(w) = web_sys::window() {
                                let _ = w.location().reload();
                            }
                        }>"Reload"</button>
                        " "
                    })}
                    <A href=crate::links::href("/data")>"Go to Data"</A>
                    <button type="button" class="link" on:click=move |_| app.notice.set(None)>"Dismiss"</button>
                </div>
            }
        })
    };
    let full = move || {
        let usage = app.usage.get();
        (usage.share() >= 0.8).then(|| {
            view! {
                <div class="banner warn" role="status">
                    {format!(
                        "Browser storage is {:.0} % full. Download a backup and consider removing old records.",
                        usage.share() * 100.0
                    )}
                </div>
            }
        })
    };
    view! {
        {notice}
        {full}
    }
}
