//! "A new version is available": shown when a newer build has been downloaded for offline use.

use leptos::prelude::*;

/// A banner with a Reload button; the service worker (registered in `index.html`) does the rest.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let ready = RwSignal::new(
        document()
            .document_element()
            .and_then(|e| e.get_attribute("data-update"))
            .is_some(),
    );
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
