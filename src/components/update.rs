//! "A new version is available": shown when a newer build has been downloaded for offline use.

use leptos::prelude::*;

/// A banner with a Reload button; the service worker (registered in `index.html`) does the rest.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    // `index.html` may have heard of the update before the app started.
    let ready = RwSignal::new(false);
    Effect::new(move |_| {
        if document()
            .document_element()
            .is_some_and(|e| e.has_attribute("data-update"))
        {
            ready.set(true);
        }
    });
    let listener = window_event_listener_untyped("tpm-update-available", move |_| ready.set(true));
    on_cleanup(move || listener.remove());
    let reload = move |_| {
        if let Ok(event) = web_sys::Event::new("tpm-apply-update") {
            let _ = window().dispatch_event(&event);
        }
    };
    move || {
        ready.get().then(|| {
            view! {
                <div class="update-notice" role="status">
                    <p>"A new version of the course is available. Your progress is kept."</p>
                    <button type="button" class="button button-primary" on:click=reload>"Reload"</button>
                </div>
            }
        })
    }
}
