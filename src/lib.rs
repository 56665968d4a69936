//! tpm-course: a course on technical program management that runs in the browser.
//!
//! `model` is plain Rust; `content` runs at build time only; the rest is the app.

pub mod app;
pub mod components;
pub mod lesson_store;
pub mod model;
pub mod pages;
pub mod paths;
pub mod storage;

#[cfg(not(target_arch = "wasm32"))]
pub mod content;

/// The course outline and glossary, generated from `content/` by `build.rs`.
pub mod outline {
    use crate::model::course::{Course, GlossaryTerm, LessonInfo, Module};
    include!(concat!(env!("OUT_DIR"), "/course.rs"));
}

/// Starts the app in the page.
pub fn start() {
    lesson_store::adopt_inline();
    // The page's static first paint (written by tpm-site) gives way to the app in the same frame.
    if let Some(prerendered) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("prerender"))
    {
        prerendered.remove();
    }
    leptos::mount::mount_to_body(app::App);
    // Tests and tools wait for this before they press keys: the static first paint looks
    // the same but does not listen.
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-app", "ready");
    }
}
