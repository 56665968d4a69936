//! The document around the app: its title, scrolling to a `#section`, and work that waits for
//! the next frame to be done.

use crate::outline::COURSE;

/// Sets the document title: the page's name, then the course's.
pub fn set_title(page: &str) {
    let title = if page.is_empty() {
        COURSE.title.to_string()
    } else {
        format!("{page} · {}", COURSE.title)
    };
    crate::platform::set_title(title);
}

/// Runs `f` once the next frame has been rendered, so work that can wait (a prefetch, a focus
/// that forces a layout) does not delay what the learner sees. Boxed: one copy of the
/// frame-then-task plumbing in the wasm for every caller.
pub fn after_frame(f: Box<dyn FnOnce()>) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO)
    });
}

/// Brings the element the URL's `#fragment` names into view and moves focus to it,
/// once the page has rendered: a search result or a link opens at its section.
pub fn scroll_to_hash() {
    if !crate::platform::IN_BROWSER {
        return;
    }
    leptos::prelude::request_animation_frame(|| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let hash = window.location().hash().unwrap_or_default();
        let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
            return;
        };
        let Some(el) = window.document().and_then(|d| d.get_element_by_id(id)) else {
            return;
        };
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        if let Some(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&el) {
            let _ = el.focus();
        }
        el.scroll_into_view();
    });
}

/// Moves focus to the element with `id` once the next frame is rendered (it scrolls into
/// view): after a change that replaces what had focus, a keyboard or screen reader user goes
/// on from the new content.
pub fn focus_after_frame(id: &'static str) {
    after_frame(Box::new(move || {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id));
        if let Some(el) =
            el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = el.focus();
        }
    }));
}

/// Moves focus to the page's heading (`main h1`) once the next frame is rendered, without
/// scrolling: what a page the app opened without a reload does, so that a keyboard or screen
/// reader user starts on the new page, as after a page load.
pub fn focus_heading_after_frame() {
    after_frame(Box::new(|| {
        let h1 = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("main h1").ok().flatten())
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(h1) = h1 {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = h1.focus_with_options(&options);
        }
    }));
}

/// Sets the page's description; at build time it becomes `<meta name="description">`.
pub fn set_description(text: &str) {
    crate::platform::set_description(text);
}

/// A closed dialog keeps no focus: where the browser has nothing to return it to (the opener
/// was the page itself, or is gone), a field would stay focused while hidden and swallow keys.
pub fn release_focus(dialog: Option<impl AsRef<web_sys::Element>>) {
    let Some(dialog) = dialog else {
        return;
    };
    let Some(active) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
    else {
        return;
    };
    if dialog.as_ref().contains(Some(&active)) {
        if let Some(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&active) {
            let _ = el.blur();
        }
    }
}
