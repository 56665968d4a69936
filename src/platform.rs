//! The browser, behind a few functions: the only module that asks whether it runs in one.
//!
//! In the browser each function calls it. Natively (pages rendered at build time by tpm-site,
//! native tests) there is no browser: each returns what a new learner's first paint needs,
//! and the page's title and description are kept for tpm-site to write into the page.

use crate::model::progress::Time;

/// Whether the code runs in a browser; false when pages are rendered at build time.
pub const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

/// The browser's clock, in milliseconds since 1970; 0 at build time.
pub fn now() -> Time {
    #[cfg(target_arch = "wasm32")]
    return web_sys::js_sys::Date::now() as Time;
    #[cfg(not(target_arch = "wasm32"))]
    0
}

/// A random number from 0 up to 1; 0 at build time.
pub fn random() -> f64 {
    #[cfg(target_arch = "wasm32")]
    return web_sys::js_sys::Math::random();
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}

/// A date and time in the learner's own format; the milliseconds at build time.
pub fn date_time_text(t: Time) -> String {
    #[cfg(target_arch = "wasm32")]
    return String::from(
        web_sys::js_sys::Date::new(&(t as f64).into())
            .to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED),
    );
    #[cfg(not(target_arch = "wasm32"))]
    t.to_string()
}

/// Minutes to add to local time to get UTC at `at` (JavaScript's `getTimezoneOffset`); 0 at
/// build time.
pub fn timezone_offset(at: Time) -> i64 {
    #[cfg(target_arch = "wasm32")]
    return web_sys::js_sys::Date::new(&(at as f64).into()).get_timezone_offset() as i64;
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = at;
        0
    }
}

/// The site's localStorage, if the browser lets the site use it (checked with a test write:
/// blocked storage throws on first use). None at build time.
pub fn local_storage() -> Option<web_sys::Storage> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .filter(|s| {
            let probe = "tpm-course.probe";
            s.set_item(probe, "1").is_ok() && s.remove_item(probe).is_ok()
        });
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// This tab's sessionStorage, if the browser lets the site use it. None at build time.
fn session_storage() -> Option<web_sys::Storage> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Reads and removes a value of this tab's sessionStorage.
pub fn session_take(key: &str) -> Option<String> {
    let storage = session_storage()?;
    let value = storage.get_item(key).ok().flatten();
    let _ = storage.remove_item(key);
    value
}

/// Keeps a value in this tab's sessionStorage (for the next page this tab loads).
pub fn session_set(key: &str, value: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// The page's base URL (`<base href>`), from which the site's sub-path is read; empty at build
/// time.
pub fn base_uri() -> String {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// Whether a CSS media query matches now; false at build time.
pub fn media_matches(query: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches());
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = query;
        false
    }
}

/// The browser's user agent; empty at build time.
pub fn user_agent() -> (String, i32) {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window().map_or((String::new(), 0), |w| {
        let n = w.navigator();
        (n.user_agent().unwrap_or_default(), n.max_touch_points())
    });
    #[cfg(not(target_arch = "wasm32"))]
    (String::new(), 0)
}

/// Sets the document's title; at build time it is kept for the page tpm-site writes.
pub fn set_title(title: String) {
    #[cfg(target_arch = "wasm32")]
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&title);
    }
    #[cfg(not(target_arch = "wasm32"))]
    RENDERED.with(|r| r.borrow_mut().0 = title);
}

/// Sets the page's description: kept at build time for `<meta name="description">`; the
/// browser's does not change after load.
pub fn set_description(text: &str) {
    #[cfg(not(target_arch = "wasm32"))]
    RENDERED.with(|r| r.borrow_mut().1 = text.to_string());
    #[cfg(target_arch = "wasm32")]
    let _ = text;
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    /// The title and description of the page being rendered at build time.
    static RENDERED: std::cell::RefCell<(String, String)> = Default::default();
}

/// Starts a build-time render with this title and description, until the page sets its own.
#[cfg(not(target_arch = "wasm32"))]
pub fn reset_rendered(title: &str, description: &str) {
    RENDERED.with(|r| *r.borrow_mut() = (title.to_string(), description.to_string()));
}

/// The title and description the page rendered at build time set.
#[cfg(not(target_arch = "wasm32"))]
pub fn rendered() -> (String, String) {
    RENDERED.with(|r| r.borrow().clone())
}
