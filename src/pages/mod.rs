//! One page per route.

pub mod glossary;
pub mod home;
pub mod lesson;
pub mod not_found;
pub mod progress;

use crate::outline::COURSE;

/// Sets the document title: the page's name, then the course's.
pub fn set_title(page: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if page.is_empty() {
            doc.set_title(COURSE.title);
        } else {
            doc.set_title(&format!("{page} · {}", COURSE.title));
        }
    }
}

/// Brings the element the URL's `#fragment` names into view and moves focus to it,
/// once the page has rendered: a search result or a link opens at its section.
pub fn scroll_to_hash() {
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
