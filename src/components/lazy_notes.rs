//! Notes in the lesson bundle. The bookmark is live at once (`BookmarkButton`, a few lines);
//! the notes panel's code is a bundle of its own (`tpm-notes`, `src/main_notes.rs`), loaded
//! into the page when the learner shows intent: pointing at, focusing or opening the panel, or
//! selecting text in the lesson (to quote it). Until it runs, the panel the build rendered
//! stays, its summary says whether a note is written, and its text area waits, disabled and
//! saying so. The notes bundle then replaces the panel with the live one (`lib::start_notes`),
//! open if the learner had opened it. Both bundles keep the one record: every save merges what
//! storage holds first (`state::progress`), so neither drops the other's facts.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::lazy_search::add_start_script;
use crate::components::notes::WRITTEN;
use crate::state::progress::use_progress;

/// The `<meta name>` whose content is the notes bundle's start script (tpm-site writes it).
pub const NOTES_BUNDLE_META: &str = "tpm-notes-bundle";
/// The event the start script dispatches when the bundle's code cannot be fetched.
pub const FAILED_EVENT: &str = "tpm-notes-failed";
/// The attribute the static panel's `details` carries from a press on its summary until the
/// press's click has toggled it: the notes bundle, arriving in between, opens its panel.
pub const OPENING: &str = "data-opening";
/// The class of the notes panel's root, static or live.
pub const NOTES_ROOT_CLASS: &str = "notes-root";

/// Prepares the static notes panel in `root` (`.notes-root`) of the lesson `slug` and loads
/// the notes bundle on intent.
pub fn adopt(root: &web_sys::Element, slug: &'static str) {
    let text = use_progress().with_untracked(|p| p.text(slug));
    let find = |selector: &str| root.query_selector(selector).ok().flatten();
    if text.current().is_none_or(|t| !t.trim().is_empty()) {
        if let Some(summary) = find("summary") {
            let _ = summary.append_with_str_1(WRITTEN);
        }
    }
    let area = find("textarea");
    let note = find(".insights-note");
    if let Some(a) = &area {
        let _ = a.set_attribute("disabled", "");
        let _ = a.set_attribute("placeholder", "Loading your notes…");
    }
    let asked = Rc::new(Cell::new(false));
    // When the bundle cannot load: say so, and let the next intent try again.
    let failed = {
        let asked = asked.clone();
        move || {
            asked.set(false);
            if let Some(n) = &note {
                n.set_text_content(Some(
                    "Your notes could not load: they are not stored on this device yet, and the network did not answer. Open the panel again to retry.",
                ));
            }
        }
    };
    let on_failure = failed.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(on_failure);
    let _ =
        window().add_event_listener_with_callback(FAILED_EVENT, listener.as_ref().unchecked_ref());
    listener.forget();
    let start = move || {
        if !asked.replace(true) && !add_start_script(NOTES_BUNDLE_META, failed.clone()) {
            failed();
        }
    };
    // A note in conflict opens by itself once the bundle runs: load it now.
    if text.heads.len() > 1 {
        start();
    }
    // A press on the summary: the panel is being opened (see `OPENING`); its click ends that.
    if let Some(details) = find("details") {
        let mark = details.clone();
        let pressed = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(
            move |ev: web_sys::Event| {
                let on_summary = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|t| t.closest("summary").ok().flatten())
                    .is_some();
                if on_summary && !mark.has_attribute("open") {
                    let _ = mark.set_attribute(OPENING, "");
                }
            },
        );
        let _ = details
            .add_event_listener_with_callback("pointerdown", pressed.as_ref().unchecked_ref());
        pressed.forget();
        let mark = details.clone();
        let toggled = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            let _ = mark.remove_attribute(OPENING);
        });
        let _ =
            details.add_event_listener_with_callback("toggle", toggled.as_ref().unchecked_ref());
        toggled.forget();
    }
    let on_intent = Rc::new(start);
    for event in ["pointerover", "focusin", "toggle", "touchstart"] {
        let go = on_intent.clone();
        let handler = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || go());
        // `toggle` does not bubble: listen in the capture phase.
        let _ = root.add_event_listener_with_callback_and_bool(
            event,
            handler.as_ref().unchecked_ref(),
            true,
        );
        handler.forget();
    }
    // Selecting text in the lesson: the learner may want to quote it.
    let go = on_intent.clone();
    let on_select = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let in_lesson = document()
            .get_selection()
            .ok()
            .flatten()
            .filter(|s| !s.is_collapsed())
            .and_then(|s| s.anchor_node())
            .and_then(|n| match n.dyn_into::<web_sys::Element>() {
                Ok(e) => Some(e),
                Err(n) => n.parent_element(),
            })
            .is_some_and(|e| e.closest(".lesson-body").ok().flatten().is_some());
        if in_lesson {
            go();
        }
    });
    let _ = document()
        .add_event_listener_with_callback("selectionchange", on_select.as_ref().unchecked_ref());
    on_select.forget();
}
