//! The router: which page is open, read from the URL over the route table in `model::routes`.
//!
//! It replaces leptos_router, which cost about 60 KB of wasm for what this site needs: a path
//! signal, `pushState` on a link click, `popstate` for back and forward. Links are plain
//! `<a href>` elements, written by the components or by the build into lesson HTML; one click
//! listener on the window takes those that lead to a page of the site.

use leptos::prelude::*;

use crate::model::routes::{ReviewScope, Route};
use crate::outline::COURSE;
use crate::paths;

/// The open page's address relative to the base, in its canonical form (`"lessons/x/"`,
/// `"review/?lesson=x"`): the signal that navigation sets, and a memo of it that views read.
/// One lesson's review carries its query, so going from it to the full review changes the
/// signal and renders the page again.
#[derive(Clone, Copy)]
struct CurrentPath {
    set: RwSignal<String>,
    path: Memo<String>,
    /// Whether this app opens the site's pages itself (the whole app) or leaves every link to
    /// the browser, so each page loads its own bundle (the lesson bundle).
    follows_links: bool,
}

/// Which links the app opens itself.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Links to the site's pages open without a reload (the whole app).
    Follow,
    /// Every link loads its page (the lesson bundle, which has only the lesson page).
    Load,
}

thread_local! {
    /// Whether the app has opened a page itself since it started (not the page it loaded on).
    static NAVIGATED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True once the app has opened a page without a reload: a page then moves the focus to its
/// heading, as a page load would not.
pub fn has_navigated() -> bool {
    NAVIGATED.with(std::cell::Cell::get)
}

/// Whether the address names a section of the page (`#section`).
pub fn has_hash() -> bool {
    crate::platform::IN_BROWSER && window().location().hash().is_ok_and(|h| h.len() > 1)
}

/// The path a page is rendered for at build time, provided by `render_page`.
#[derive(Clone)]
pub struct RequestPath(pub String);

/// Provides the current path: from `RequestPath` at build time, from the URL in the browser,
/// kept in step with link clicks and the back and forward buttons when `links` is
/// [`Links::Follow`].
pub fn provide_router(links: Links) {
    let initial = use_context::<RequestPath>()
        .map(|RequestPath(p)| p)
        .unwrap_or_else(location_path);
    let raw = RwSignal::new(canonical(&initial));
    if crate::platform::IN_BROWSER && Route::parse(&initial) != Route::parse(&raw.get_untracked()) {
        // A renamed lesson's former URL, say from a bookmark: show the current one instead.
        let location = window().location();
        let url = address(
            &raw.get_untracked(),
            &location.search().unwrap_or_default(),
            &location.hash().unwrap_or_default(),
        );
        if let Ok(history) = window().history() {
            let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
            let _ = history.replace_state_with_url(&state, "", Some(&url));
        }
    }
    provide_context(CurrentPath {
        set: raw,
        path: Memo::new(move |_| raw.get()),
        follows_links: links == Links::Follow,
    });
    if links == Links::Load {
        return;
    }

    // Back and forward (and a jump to a `#section`, which changes no page).
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        let now = canonical(&location_path());
        if raw.get_untracked() != now {
            raw.set(now);
        }
    });
    on_cleanup(move || popstate.remove());

    let click = window_event_listener(leptos::ev::click, move |ev| follow_link(raw, &ev));
    on_cleanup(move || click.remove());
}

/// The address of the open page relative to the base, as [`Route::parse`] reads it.
pub fn use_path() -> Memo<String> {
    expect_context::<CurrentPath>().path
}

/// A function that opens a page of the site by its URL (with the base, as `paths` writes
/// it), adding a history entry. It scrolls to the top unless the URL names a section.
pub fn use_navigate() -> impl Fn(&str) + Copy + 'static {
    let CurrentPath {
        set: raw,
        follows_links,
        ..
    } = expect_context();
    move |href: &str| {
        if !(follows_links && go(raw, href, &wasm_bindgen::JsValue::NULL)) {
            // Another section of the open page, or a file: the browser goes there itself.
            let _ = window().location().set_href(href);
        }
    }
}

/// Opens `href` if it is a page of this site: pushes the history entry and sets the path.
fn go(raw: RwSignal<String>, href: &str, state: &wasm_bindgen::JsValue) -> bool {
    let Ok(url) =
        web_sys::Url::new_with_base(href, &window().location().href().unwrap_or_default())
    else {
        return false;
    };
    if url.origin() != window().location().origin().unwrap_or_default() {
        return false;
    }
    let Some(path) = url
        .pathname()
        .strip_prefix(paths::base())
        .map(|p| format!("{p}{}", url.search()))
    else {
        return false;
    };
    let route = Route::parse(&path);
    // A file of the site, not a page (a template, the 404 page), or a page that runs a bundle
    // of its own (a lesson, a practice page): the browser loads it.
    if route == Route::NotFound || route.has_own_bundle() {
        return false;
    }
    let target = canonical(&path);
    let has_hash = url.hash().len() > 1;
    if target == raw.get_untracked() && has_hash {
        // The same page, another section: the browser scrolls there itself.
        return false;
    }
    // The canonical URL: a link to a renamed lesson's former URL opens it under its current one.
    let full = address(&target, &url.search(), &url.hash());
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(state, "", Some(&full));
    }
    NAVIGATED.with(|n| n.set(true));
    raw.set(target);
    // A new page starts at its top; one opened at a section scrolls there once it renders
    // (the lesson and glossary pages call `document::scroll_to_hash`).
    if !has_hash {
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
    true
}

/// A click on a link to a page of the site opens it without reloading. Clicks with a
/// modifier key, on links with a target or a download, and already handled ones are left alone.
fn follow_link(raw: RwSignal<String>, ev: &web_sys::MouseEvent) {
    use wasm_bindgen::JsCast;
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return;
    }
    let Some(anchor) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("a[href]").ok().flatten())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    if !anchor.target().is_empty() || anchor.has_attribute("download") {
        return;
    }
    // "Resume" links carry the history state that reopens a lesson at the saved place.
    let state = anchor
        .get_attribute("data-history-state")
        .map(|s| wasm_bindgen::JsValue::from_str(&s))
        .unwrap_or(wasm_bindgen::JsValue::NULL);
    if go(raw, &anchor.href(), &state) {
        ev.prevent_default();
    } else if let Some(state) = state.as_string() {
        // A page load (a lesson runs its own bundle): the page takes the state over.
        crate::platform::session_set(
            crate::storage::HANDED_STATE_KEY,
            &format!("{}\t{state}", anchor.pathname()),
        );
    }
}

/// The canonical form of a page's address: `"lessons/x"` and `"lessons/x/index.html"` become
/// `"lessons/x/"`, a renamed lesson's former slug its current one (in a lesson's review too),
/// and a query only the review of one lesson keeps; an address that is no page is kept as it is.
fn canonical(path: &str) -> String {
    let current = |slug| COURSE.renamed(slug).unwrap_or(slug);
    match Route::parse(path) {
        Route::NotFound => path.to_string(),
        Route::Lesson(slug) => Route::Lesson(current(slug)).href(),
        Route::Review(ReviewScope::Lesson(slug)) => {
            Route::Review(ReviewScope::Lesson(current(slug))).href()
        }
        route => route.href(),
    }
}

/// The browser's URL for a canonical address under the base: the address's own query (one
/// lesson's review) replaces the URL's; another page keeps the query it was opened with.
fn address(canonical: &str, search: &str, hash: &str) -> String {
    let search = if canonical.contains('?') { "" } else { search };
    format!("{}/{canonical}{search}{hash}", paths::base())
}

/// The browser's address (path and query) relative to the base; empty outside a browser.
pub fn location_path() -> String {
    if !crate::platform::IN_BROWSER {
        return String::new();
    }
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let path = path.strip_prefix(paths::base()).unwrap_or(&path);
    format!("{path}{}", location.search().unwrap_or_default())
}
