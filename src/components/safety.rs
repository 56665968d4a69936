//! Keeping progress safe: persistent storage, and the iOS Safari warning.
//!
//! Browsers may clear a site's storage under pressure unless it is persistent, and Safari
//! on iOS clears it after seven days without a visit unless the site is on the home screen.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Whether the browser keeps this site's storage: `None` until known or when it cannot say.
pub async fn persisted() -> Option<bool> {
    let storage = window().navigator().storage();
    let promise = storage.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Asks the browser to keep this site's storage; returns whether it agreed.
pub async fn request_persistence() -> Option<bool> {
    let storage = window().navigator().storage();
    let promise = storage.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// True on iPhone and iPad (Safari or another iOS browser) when not opened from the home screen.
pub fn ios_without_home_screen() -> bool {
    let navigator = window().navigator();
    let agent = navigator.user_agent().unwrap_or_default();
    let ios = agent.contains("iPhone")
        || agent.contains("iPad")
        || agent.contains("iPod")
        || (agent.contains("Macintosh") && navigator.max_touch_points() > 1);
    let standalone = window()
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    ios && !standalone
}

/// The storage status and the button that asks the browser to keep the data.
#[component]
pub fn PersistenceStatus() -> impl IntoView {
    let state: RwSignal<Option<bool>> = RwSignal::new(None);
    leptos::task::spawn_local(async move { state.set(persisted().await) });
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            state.set(request_persistence().await.or(Some(false)));
        })
    };
    view! {
        <p class="persistence" data-persisted=move || state.get().map(|s| s.to_string())>
            {move || match state.get() {
                Some(true) => "This browser has agreed to keep your progress: it will not clear it to free space.",
                Some(false) => "This browser may clear your progress if it runs short of space.",
                None => "Checking whether this browser keeps your progress…",
            }}
        </p>
        {move || (state.get() == Some(false)).then(|| view! {
            <button type="button" class="button" on:click=ask>"Ask the browser to keep it"</button>
        })}
    }
}

/// The iOS warning: shown only on iPhone and iPad outside the home screen.
#[component]
pub fn IosHint() -> impl IntoView {
    ios_without_home_screen().then(|| {
        view! {
            <div class="ios-hint callout callout-warning" role="note">
                <p><strong>"On iPhone and iPad"</strong>", Safari deletes this site's data after seven days without a visit. To keep your progress, add the course to your Home Screen (Share, then Add to Home Screen), or export your progress from time to time."</p>
            </div>
        }
    })
}
