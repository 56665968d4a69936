//! Keeping progress safe: persistent storage, and the iOS Safari warning.
//!
//! Browsers may clear a site's storage under pressure unless it is persistent, and Safari
//! on iOS clears it after seven days without a visit unless the site is on the home screen.

use leptos::prelude::*;

use crate::storage::{persisted, request_persistence};

/// True on iPhone and iPad (Safari or another iOS browser) when not opened from the home screen.
/// Always false in pages rendered at build time.
pub fn ios_without_home_screen() -> bool {
    let (agent, touch_points) = crate::platform::user_agent();
    let ios = agent.contains("iPhone")
        || agent.contains("iPad")
        || agent.contains("iPod")
        || (agent.contains("Macintosh") && touch_points > 1);
    ios && !crate::platform::media_matches("(display-mode: standalone)")
}

/// The storage status and the button that asks the browser to keep the data.
#[component]
pub fn PersistenceStatus() -> impl IntoView {
    let state: RwSignal<Option<bool>> = RwSignal::new(None);
    // Asked after the first render, so pages rendered at build time never ask.
    Effect::new(move |_| leptos::task::spawn_local(async move { state.set(persisted().await) }));
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            state.set(request_persistence().await.or(Some(false)));
        })
    };
    view! {
        <div class="persistence-status">
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
        </div>
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
