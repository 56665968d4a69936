//! A lesson page's shell, loaded when it is first needed. The lesson bundle brings only the
//! lesson to life (its quiz, mark complete, the reading position, the notices); the header's
//! menu and search, the outline, the keyboard shortcuts and the footer's help are the shell
//! bundle's (`tpm-shell`, `src/main_shell.rs`). Until it runs, the shell the build rendered
//! stays: its links work as links, and the first reach for anything else (pointing at, touching
//! or focusing the header or the footer, or a shortcut key) loads the bundle. On a wide screen,
//! where the outline shows beside the lesson, it loads at once.
//!
//! What the learner did meanwhile is kept on the page (`<html data-shell-…>`) and done again by
//! the shell bundle once it has mounted ([`replay`]): the button clicked, the button focused,
//! the shortcut pressed.

use wasm_bindgen::JsCast;

use crate::components::lazy_search::add_start_script;
use crate::components::shortcuts::typing;

/// The `<meta name>` whose content is the shell bundle's start script (tpm-site writes it).
pub const SHELL_BUNDLE_META: &str = "tpm-shell-bundle";
/// The event the start script dispatches when the bundle's code cannot be fetched.
pub const FAILED_EVENT: &str = "tpm-shell-failed";
/// The `<html>` attribute that says where the shell bundle is: `loading`, `ready`, `failed`.
pub const STATE_ATTRIBUTE: &str = "data-shell";
/// The media query under which the outline shows beside the lesson (as in `style/outline.css`).
pub const WIDE_SCREEN: &str = "(min-width: 64rem)";

const CLICKED: &str = "data-shell-click";
const FOCUSED: &str = "data-shell-focus";
const KEY: &str = "data-shell-key";
const TYPED: &str = "data-shell-typed";

/// The shell's controls that need the bundle, by a selector that finds each in the static
/// shell and in the live one alike.
const CONTROLS: &[&str] = &[
    ".outline-button",
    ".search-button",
    ".site-menu-button",
    ".site-footer button",
];

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Loads the shell bundle unless it is loading or running.
pub fn load() {
    let Some(html) = root() else { return };
    if matches!(
        html.get_attribute(STATE_ATTRIBUTE).as_deref(),
        Some("loading" | "ready")
    ) {
        return;
    }
    let _ = html.set_attribute(STATE_ATTRIBUTE, "loading");
    let failed = || {
        if let Some(html) = root() {
            let _ = html.set_attribute(STATE_ATTRIBUTE, "failed");
        }
    };
    if !add_start_script(SHELL_BUNDLE_META, failed) {
        failed();
    }
}

/// The control of the shell that `target` is, or is inside of.
fn control(target: Option<web_sys::EventTarget>) -> Option<&'static str> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    CONTROLS
        .iter()
        .copied()
        .find(|c| el.closest(c).ok().flatten().is_some())
}

fn listen(
    target: &web_sys::EventTarget,
    event: &str,
    capture: bool,
    f: impl Fn(web_sys::Event) + 'static,
) {
    let handler = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback_and_bool(
        event,
        handler.as_ref().unchecked_ref(),
        capture,
    );
    handler.forget();
}

fn ready() -> bool {
    root()
        .and_then(|h| h.get_attribute(STATE_ATTRIBUTE))
        .as_deref()
        == Some("ready")
}

fn remember(name: &str, value: &str) {
    if let Some(html) = root() {
        let _ = html.set_attribute(name, value);
    }
}

/// Watches the static shell for the first reach for it (the lesson bundle calls this once).
/// `shortcuts_on` says whether single-key shortcuts are on (the learner may turn them off).
pub fn watch(shortcuts_on: impl Fn() -> bool + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    if crate::platform::media_matches(WIDE_SCREEN) {
        load();
    } else {
        listen(&window, "resize", false, |_: web_sys::Event| {
            if crate::platform::media_matches(WIDE_SCREEN) {
                load();
            }
        });
    }
    for selector in [".site-header", ".site-footer"] {
        let Some(part) = document.query_selector(selector).ok().flatten() else {
            continue;
        };
        for event in ["pointerover", "touchstart"] {
            listen(&part, event, true, |_: web_sys::Event| load());
        }
        listen(&part, "focusin", true, |ev: web_sys::Event| {
            if let Some(c) = control(ev.target()) {
                remember(FOCUSED, c);
            }
            load();
        });
        // A press, not only a click: the shell may replace the control between the press and
        // its release, and that click would be lost. (A key's click has no press.)
        for event in ["pointerdown", "click"] {
            listen(&part, event, true, |ev: web_sys::Event| {
                if ready() {
                    return;
                }
                if let Some(c) = control(ev.target()) {
                    remember(CLICKED, c);
                }
                load();
            });
        }
    }
    listen(&window, "keydown", false, move |ev: web_sys::Event| {
        let Ok(ev) = ev.dyn_into::<web_sys::KeyboardEvent>() else {
            return;
        };
        if ready() || ev.default_prevented() || typing(&ev) || ev.alt_key() {
            return;
        }
        let key = ev.key();
        let command = ev.ctrl_key() || ev.meta_key();
        // Typed after asking for search, before the shell has come: kept for its field.
        let asked_search = root()
            .and_then(|h| h.get_attribute(KEY))
            .is_some_and(|k| k == "/" || k.eq_ignore_ascii_case("^k"));
        if asked_search && !command {
            let mut typed = root()
                .and_then(|h| h.get_attribute(TYPED))
                .unwrap_or_default();
            if key == "Backspace" {
                typed.pop();
            } else if key.chars().count() == 1 {
                typed.push_str(&key);
            } else {
                return;
            }
            ev.prevent_default();
            remember(TYPED, &typed);
            return;
        }
        let wanted = if command {
            key.eq_ignore_ascii_case("k")
        } else {
            matches!(key.as_str(), "/" | "?" | "n" | "p") && shortcuts_on()
        };
        if !wanted {
            return;
        }
        // The browser's own use of the key (Ctrl+K, quick find) must not run meanwhile.
        if command || matches!(key.as_str(), "/" | "?") {
            ev.prevent_default();
        }
        remember(KEY, &format!("{}{key}", if command { "^" } else { "" }));
        load();
    });
}

/// In the shell bundle, once its shell has mounted: does what the learner did before it ran,
/// and says the shell is ready.
pub fn replay() {
    let Some(html) = root() else { return };
    let document = leptos::prelude::document();
    let take = |name: &str| {
        let value = html.get_attribute(name);
        let _ = html.remove_attribute(name);
        value
    };
    let find = |selector: &str| {
        document
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    };
    let _ = html.set_attribute(STATE_ATTRIBUTE, "ready");
    let focused = take(FOCUSED);
    let clicked = take(CLICKED);
    let key = take(KEY);
    // The control the learner was on was replaced by its live twin: the focus moves to it,
    // unless the learner has moved on since.
    let body: Option<web_sys::Element> = document.body().map(Into::into);
    let moved_on = document
        .active_element()
        .is_some_and(|a| Some(&a) != body.as_ref());
    if let (Some(selector), false) = (focused, moved_on) {
        if let Some(el) = find(&selector) {
            let _ = el.focus();
        }
    }
    if let Some(el) = clicked.as_deref().and_then(find) {
        el.click();
    }
    if let Some(key) = key {
        let (command, key) = match key.strip_prefix('^') {
            Some(k) => (true, k.to_string()),
            None => (false, key),
        };
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(&key);
        init.set_ctrl_key(command);
        init.set_bubbles(true);
        init.set_cancelable(true);
        if let (Ok(ev), Some(body)) = (
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init),
            document.body(),
        ) {
            let _ = body.dispatch_event(&ev);
        }
    }
    // What was typed for search goes into the search field, once it has opened (its effect
    // runs after this task's microtasks).
    if let Some(typed) = take(TYPED).filter(|t| !t.is_empty()) {
        leptos::prelude::set_timeout(
            move || {
                let field = leptos::prelude::document()
                    .get_element_by_id("search-input")
                    .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
                if let Some(field) = field {
                    // What was typed before comes first; anything typed since the field opened
                    // (this runs a task later) follows it.
                    field.set_value(&format!("{typed}{}", field.value()));
                    let init = web_sys::EventInit::new();
                    init.set_bubbles(true);
                    if let Ok(input) = web_sys::Event::new_with_event_init_dict("input", &init) {
                        let _ = field.dispatch_event(&input);
                    }
                }
            },
            std::time::Duration::ZERO,
        );
    }
}
