//! Your name (the default owner of new records) and the default currency.

use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::book::BookError;

#[component]
pub fn Profile() -> impl IntoView {
    let app = use_app();
    let me = RwSignal::new(app.book.with_untracked(|b| b.settings.me.clone()));
    let currency = RwSignal::new(app.book.with_untracked(|b| b.settings.currency.clone()));
    let name_error = RwSignal::new(None::<String>);
    let currency_error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        name_error.set(None);
        currency_error.set(None);
        saved.set(false);
        let (name, code) = (me.get_untracked(), currency.get_untracked());
        match app.act(move |b| b.set_settings(&name, &code, crate::state::now())) {
            Ok(()) => {
                // Show what was stored (trimmed, uppercased).
                app.book.with_untracked(|b| {
                    me.set(b.settings.me.clone());
                    currency.set(b.settings.currency.clone());
                });
                saved.set(true);
            }
            Err(e @ BookError::BadCurrency(_)) => currency_error.set(Some(e.to_string())),
            Err(e) => name_error.set(Some(e.to_string())),
        }
    };
    view! {
        <section class="panel settings-section" aria-labelledby="profile-title">
            <h2 id="profile-title">"You"</h2>
            <p class="muted about">"Your name is the owner of the contacts and deals you add. The currency is used for new deals and for report totals."</p>
            <form class="profile" on:submit=on_submit novalidate=true>
                <div class="form-row">
                    <crate::components::field::TextField label="Your name" value=me error=name_error required=true/>
                    <crate::components::field::TextField label="Default currency (3 letters, e.g. USD, EUR)" value=currency error=currency_error required=true/>
                </div>
                <button type="submit" class="primary">"Save"</button>
                <Show when=move || saved.get()>
                    <span class="ok" role="status">" Saved."</span>
                </Show>
            </form>
        </section>
    }
}
