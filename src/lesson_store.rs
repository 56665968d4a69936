//! Lesson data: fetched once per lesson from its hashed JSON file, then kept in memory.
//!
//! A deep-linked page carries its lesson's data inline (`<script id="lesson-data">`),
//! so the first lesson a learner opens needs no second request.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::course::{Lesson, LessonInfo};
use crate::model::routes::LESSON_DATA_ID;
use crate::paths;

thread_local! {
    static CACHE: RefCell<HashMap<String, Lesson>> = RefCell::new(HashMap::new());
}

/// Takes the lesson data the page was built with, if any.
pub fn adopt_inline() {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(LESSON_DATA_ID))
    else {
        return;
    };
    if let Some(text) = el.text_content() {
        if let Ok(lesson) = serde_json::from_str::<Lesson>(&text) {
            CACHE.with(|c| c.borrow_mut().insert(lesson.slug.clone(), lesson));
        }
    }
    el.remove();
}

/// Keeps a lesson in memory, as the build does before it renders the lesson's page.
pub fn insert(lesson: Lesson) {
    CACHE.with(|c| c.borrow_mut().insert(lesson.slug.clone(), lesson));
}

/// The lesson if it is already in memory.
pub fn cached(slug: &str) -> Option<Lesson> {
    CACHE.with(|c| c.borrow().get(slug).cloned())
}

/// Loads a lesson's body and quiz.
pub async fn load(info: &'static LessonInfo) -> Result<Lesson, String> {
    if let Some(lesson) = cached(info.slug) {
        return Ok(lesson);
    }
    let text = fetch_text(&paths::asset(info.data)).await?;
    let lesson: Lesson =
        serde_json::from_str(&text).map_err(|e| format!("the lesson data is damaged ({e})"))?;
    CACHE.with(|c| c.borrow_mut().insert(info.slug.to_string(), lesson.clone()));
    Ok(lesson)
}

/// Starts loading a lesson in the background, so "next" opens instantly.
/// Pages rendered at build time fetch nothing.
pub fn prefetch(info: &'static LessonInfo) {
    if cfg!(target_arch = "wasm32") && cached(info.slug).is_none() {
        leptos::task::spawn_local(async move {
            let _ = load(info).await;
        });
    }
}

pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the lesson could not be loaded: you may be offline".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response")?;
    if !response.ok() {
        return Err(format!(
            "the lesson could not be loaded (HTTP {})",
            response.status()
        ));
    }
    let text = JsFuture::from(response.text().map_err(|_| "no body")?)
        .await
        .map_err(|_| "the lesson could not be read".to_string())?;
    text.as_string()
        .ok_or_else(|| "the lesson is not text".into())
}
