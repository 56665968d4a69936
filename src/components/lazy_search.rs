//! Search in the lesson bundle: the search dialog is a bundle of its own (`tpm-search`,
//! `src/main_search.rs`), loaded into the page the first time the learner asks for it, or
//! when they point at or focus the search button (intent). It never reads or writes progress.
//!
//! Asking opens a stand-in at once (the same dialog, field and status, "Loading search…"), so
//! nothing typed is lost and no shortcut fires while the bundle loads. The search bundle then
//! takes over: it takes what was typed, removes the stand-in and opens its own dialog. Once it
//! runs (`html[data-search=ready]`), asking again dispatches [`OPEN_EVENT`]. If the bundle
//! cannot be fetched (offline, and never stored), the stand-in says so and offers to retry.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::search::SearchOpen;

/// The event that opens the search bundle's dialog once it runs.
pub const OPEN_EVENT: &str = "tpm-search-open";
/// The event the start script dispatches when the bundle's code cannot be fetched.
pub const FAILED_EVENT: &str = "tpm-search-failed";
/// The element the search bundle mounts its dialog into (it holds the stand-in until then).
pub const SEARCH_ROOT_ID: &str = "search-root";
/// The stand-in dialog's class: the search bundle takes over only from an open stand-in.
pub const STAND_IN_CLASS: &str = "search-stand-in";
/// The `<meta name>` whose content is the search bundle's start script, relative to the base.
/// `tpm-site` writes it into lesson pages.
pub const SEARCH_BUNDLE_META: &str = "tpm-search-bundle";

thread_local! {
    /// How many times a bundle was asked for: each attempt gets its own URL, because a
    /// browser remembers a module that failed to load for as long as the page lives.
    static ATTEMPTS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Where the search bundle stands in this page.
#[derive(Clone, Copy, PartialEq)]
enum Bundle {
    NotLoaded,
    Loading,
    Failed,
}

/// The search bundle's place in the page with the stand-in, and its loading on intent.
#[component]
pub fn LazySearch() -> impl IntoView {
    let SearchOpen(open) = expect_context();
    let bundle = RwSignal::new(Bundle::NotLoaded);
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let input = NodeRef::<leptos::html::Input>::new();
    // The header's button and the shortcuts set `open`: the running bundle is told, or the
    // stand-in opens while it loads.
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        open.set(false);
        if search_runs() {
            if let Ok(event) = web_sys::Event::new(OPEN_EVENT) {
                let _ = window().dispatch_event(&event);
            }
            return;
        }
        if let (Some(d), Some(i)) = (dialog.get_untracked(), input.get_untracked()) {
            if !d.open() {
                let _ = d.show_modal();
            }
            let _ = i.focus();
        }
        if bundle.get_untracked() != Bundle::Loading {
            load(bundle);
        }
    });
    // Intent: pointing at or focusing the search button starts the download.
    let intent = move |ev: web_sys::Event| {
        let on_button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest(".search-button").ok().flatten())
            .is_some();
        if on_button && bundle.get_untracked() == Bundle::NotLoaded {
            load(bundle);
        }
    };
    let over = window_event_listener(leptos::ev::pointerover, move |ev| intent(ev.into()));
    let focus = window_event_listener(leptos::ev::focusin, move |ev| intent(ev.into()));
    let failed = window_event_listener(
        leptos::ev::Custom::new(FAILED_EVENT),
        move |_: web_sys::Event| bundle.set(Bundle::Failed),
    );
    on_cleanup(move || {
        over.remove();
        focus.remove();
        failed.remove();
    });
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
            // At once, not on the `close` event a task later: a key pressed meanwhile (`?` for
            // the shortcuts) would go to the hidden field.
            crate::document::release_focus(Some(d));
        }
    };
    let status = move || {
        match bundle.get() {
        Bundle::Failed => "Search could not load: it is not stored on this device yet, and the network did not answer.",
        _ => "Loading search…",
    }
    };
    view! {
        <div id=SEARCH_ROOT_ID>
            <dialog class=format!("search-dialog {STAND_IN_CLASS}") node_ref=dialog aria-labelledby="search-title"
                on:close=move |_| crate::document::release_focus(dialog.get_untracked())>
                <div class="search-header">
                    <h2 id="search-title">"Search the course"</h2>
                    <button type="button" class="button" on:click=move |_| close()>"Close"</button>
                </div>
                <input id="search-input" node_ref=input type="search" autocomplete="off" spellcheck="false"
                    role="combobox" aria-autocomplete="list" aria-controls="search-results" aria-expanded="false"
                    aria-describedby="search-status" placeholder="Search lessons, terms and questions"
                    on:keydown=move |ev| if ev.key() == "Escape" {
                        // As in the search dialog: a search field would clear itself first.
                        ev.prevent_default();
                        close();
                    }/>
                <p id="search-status" class="search-status" role="status">{status}</p>
                {move || (bundle.get() == Bundle::Failed).then(|| view! {
                    <p><button type="button" class="button" on:click=move |_| {
                        load(bundle);
                        // The button goes away while it loads: the field keeps the focus.
                        if let Some(i) = input.get_untracked() { let _ = i.focus(); }
                    }>"Try again"</button></p>
                })}
                <ul id="search-results" class="search-results" role="listbox" aria-label="Results"></ul>
            </dialog>
        </div>
    }
}

/// True once the search bundle runs in this page.
fn search_runs() -> bool {
    document()
        .document_element()
        .is_some_and(|r| r.get_attribute("data-search").as_deref() == Some("ready"))
}

/// Adds the search bundle's start script to the page (once; again after a failure).
fn load(bundle: RwSignal<Bundle>) {
    bundle.set(Bundle::Loading);
    if !add_start_script(SEARCH_BUNDLE_META, move || bundle.set(Bundle::Failed)) {
        bundle.set(Bundle::Failed);
    }
}

/// Adds the start script a `<meta name=meta>` names to the page, as a module with its own
/// `?attempt=N` (a browser remembers a module that failed to load for as long as the page
/// lives); `failed` runs if the script itself cannot load. False if the page names none.
pub fn add_start_script(meta: &str, failed: impl FnOnce() + 'static) -> bool {
    let doc = document();
    let Some(src) = doc
        .query_selector(&format!("meta[name=\"{meta}\"]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
    else {
        return false;
    };
    let Ok(script) = doc.create_element("script") else {
        return false;
    };
    let _ = script.set_attribute("type", "module");
    let attempt = ATTEMPTS.with(|a| a.replace(a.get() + 1));
    let _ = script.set_attribute("src", &format!("{src}?attempt={attempt}"));
    let failed = wasm_bindgen::closure::Closure::once_into_js(failed);
    let _ = script.add_event_listener_with_callback("error", failed.unchecked_ref());
    if let Some(head) = doc.head() {
        let _ = head.append_child(&script);
    }
    true
}
