//! Course data that is not embedded in the app: each lesson's body and quiz, each decision
//! scenario, and the glossary. Fetched once from hashed JSON files, then kept in memory.
//!
//! A deep-linked page carries its own data inline (`<script id="lesson-data">` or
//! `"glossary-data"`), so the first page a learner opens needs no second request.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::collections::Map;
use crate::model::course::{ExerciseInfo, GlossaryTerm, Lesson, LessonInfo, ScenarioInfo};
use crate::model::exercise::Exercise;
use crate::model::routes::{EXERCISE_DATA_ID, GLOSSARY_DATA_ID, LESSON_DATA_ID, SCENARIO_DATA_ID};
use crate::model::scenario::Scenario;
use crate::outline::GLOSSARY_FILE;
use crate::paths;

thread_local! {
    static CACHE: RefCell<Map<Lesson>> = const { RefCell::new(Map::new()) };
    static GLOSSARY: RefCell<Option<Rc<Vec<GlossaryTerm>>>> = const { RefCell::new(None) };
    static SCENARIOS: RefCell<Map<Arc<Scenario>>> = const { RefCell::new(Map::new()) };
    static EXERCISES: RefCell<Map<Arc<Exercise>>> = const { RefCell::new(Map::new()) };
}

/// Takes the data the page was built with, if any.
pub fn adopt_inline() {
    adopt_inline_lesson();
    if let Some(text) = take_inline(SCENARIO_DATA_ID) {
        if let Ok(scenario) = Scenario::from_json(&text) {
            insert_scenario(scenario);
        }
    }
    if let Some(text) = take_inline(EXERCISE_DATA_ID) {
        if let Ok(exercise) = Exercise::from_json(&text) {
            insert_exercise(exercise);
        }
    }
    if let Some(text) = take_inline(GLOSSARY_DATA_ID) {
        if let Ok(terms) = GlossaryTerm::list_from_json(&text) {
            insert_glossary(terms);
        }
    }
}

/// Takes the lesson data a lesson's page was built with, the only kind the lesson bundle
/// meets: it leaves the scenario and exercise readers out of that bundle (2.4 KB br).
pub fn adopt_inline_lesson() {
    if let Some(text) = take_inline(LESSON_DATA_ID) {
        if let Ok(lesson) = Lesson::from_json(&text) {
            insert(lesson);
        }
    }
}

/// Removes an inline data element and returns its text.
fn take_inline(id: &str) -> Option<String> {
    let el = web_sys::window()?.document()?.get_element_by_id(id)?;
    let text = el.text_content();
    el.remove();
    text
}

/// Keeps a lesson in memory, as the build does before it renders the lesson's page.
pub fn insert(lesson: Lesson) {
    CACHE.with(|c| c.borrow_mut().insert(lesson.slug.clone(), lesson));
}

/// Keeps the glossary in memory, as the build does before it renders the glossary page.
pub fn insert_glossary(terms: Vec<GlossaryTerm>) {
    GLOSSARY.with(|g| *g.borrow_mut() = Some(Rc::new(terms)));
}

/// The lesson if it is already in memory.
pub fn cached(slug: &str) -> Option<Lesson> {
    CACHE.with(|c| c.borrow().get(slug).cloned())
}

/// Keeps a scenario in memory, as the build does before it renders the scenario's page.
pub fn insert_scenario(scenario: Scenario) {
    SCENARIOS.with(|c| {
        c.borrow_mut()
            .insert(scenario.slug.clone(), Arc::new(scenario))
    });
}

/// The scenario if it is already in memory.
pub fn cached_scenario(slug: &str) -> Option<Arc<Scenario>> {
    SCENARIOS.with(|c| c.borrow().get(slug).cloned())
}

/// Loads a scenario.
pub async fn load_scenario(info: &'static ScenarioInfo) -> Result<Arc<Scenario>, String> {
    if let Some(scenario) = cached_scenario(info.slug) {
        return Ok(scenario);
    }
    let text = fetch_text(&paths::asset(info.data), "the scenario").await?;
    let scenario =
        Scenario::from_json(&text).map_err(|e| format!("the scenario data is damaged ({e})"))?;
    insert_scenario(scenario);
    Ok(cached_scenario(info.slug).expect("just stored"))
}

/// Keeps an exercise in memory, as the build does before it renders the exercise's page.
pub fn insert_exercise(exercise: Exercise) {
    EXERCISES.with(|c| {
        c.borrow_mut()
            .insert(exercise.slug.clone(), Arc::new(exercise))
    });
}

/// The exercise if it is already in memory.
pub fn cached_exercise(slug: &str) -> Option<Arc<Exercise>> {
    EXERCISES.with(|c| c.borrow().get(slug).cloned())
}

/// Loads an exercise.
pub async fn load_exercise(info: &'static ExerciseInfo) -> Result<Arc<Exercise>, String> {
    if let Some(exercise) = cached_exercise(info.slug) {
        return Ok(exercise);
    }
    let text = fetch_text(&paths::asset(info.data), "the exercise").await?;
    let exercise =
        Exercise::from_json(&text).map_err(|e| format!("the exercise data is damaged ({e})"))?;
    insert_exercise(exercise);
    Ok(cached_exercise(info.slug).expect("just stored"))
}

/// The glossary if it is already in memory.
pub fn cached_glossary() -> Option<Rc<Vec<GlossaryTerm>>> {
    GLOSSARY.with(|g| g.borrow().clone())
}

/// Loads a lesson's body and quiz.
pub async fn load(info: &'static LessonInfo) -> Result<Lesson, String> {
    if let Some(lesson) = cached(info.slug) {
        return Ok(lesson);
    }
    let text = fetch_text(&paths::asset(info.data), "the lesson").await?;
    let lesson =
        Lesson::from_json(&text).map_err(|e| format!("the lesson data is damaged ({e})"))?;
    insert(lesson.clone());
    Ok(lesson)
}

/// Loads the glossary.
pub async fn load_glossary() -> Result<Rc<Vec<GlossaryTerm>>, String> {
    if let Some(terms) = cached_glossary() {
        return Ok(terms);
    }
    let text = fetch_text(&paths::asset(GLOSSARY_FILE), "the glossary").await?;
    let terms = GlossaryTerm::list_from_json(&text)
        .map_err(|e| format!("the glossary is damaged ({e})"))?;
    insert_glossary(terms);
    Ok(cached_glossary().expect("just stored"))
}

/// How a lesson page gets a lesson that is not in memory: the whole app fetches it (and the
/// next one ahead); the lesson bundle never needs to, since its page carries its lesson, so it
/// leaves the fetching code out ([`INLINE_ONLY`]).
#[derive(Clone, Copy)]
pub struct Loader {
    /// Loads the lesson into the signal.
    pub load: fn(&'static LessonInfo, LoadedLesson),
    /// Starts loading a lesson in the background (the next one).
    pub prefetch: fn(&'static LessonInfo),
}

/// A lesson page's lesson: not yet, loaded, or why not.
pub type LoadedLesson =
    leptos::prelude::RwSignal<Option<Result<Lesson, String>>, leptos::prelude::LocalStorage>;

/// The whole app's loader: fetch, and prefetch the next lesson.
pub const FETCH: Loader = Loader {
    load: |info, into| {
        use leptos::prelude::Set;
        leptos::task::spawn_local(async move { into.set(Some(load(info).await)) })
    },
    prefetch,
};

/// The lesson bundle's loader: the page's own lesson is inline; there is nothing to fetch.
pub const INLINE_ONLY: Loader = Loader {
    load: |_, into| {
        use leptos::prelude::Set;
        into.set(Some(Err(
            "this page's lesson is missing from it: reload the page".into(),
        )))
    },
    prefetch: |_| {},
};

/// Starts loading a lesson in the background, so "next" opens instantly: once the frame that
/// shows the open page is done, since starting a fetch takes a millisecond or more that the
/// page's first frame would otherwise wait for. Pages rendered at build time fetch nothing.
pub fn prefetch(info: &'static LessonInfo) {
    if crate::platform::IN_BROWSER && cached(info.slug).is_none() {
        crate::document::after_frame(Box::new(move || {
            leptos::task::spawn_local(async move {
                let _ = load(info).await;
            })
        }));
    }
}

/// Fetches a file of the site as text; errors name `what` ("the lesson") for the learner.
pub async fn fetch_text(url: &str, what: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| format!("{what} could not be loaded: you may be offline"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response")?;
    if !response.ok() {
        return Err(format!(
            "{what} could not be loaded (HTTP {})",
            response.status()
        ));
    }
    let text = JsFuture::from(response.text().map_err(|_| "no body")?)
        .await
        .map_err(|_| format!("{what} could not be read"))?;
    text.as_string()
        .ok_or_else(|| format!("{what} is not text"))
}
