//! A lesson: breadcrumb, body, quiz, completion and the way to the next lesson.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::lazy_notes::NOTES_ROOT_CLASS;
use crate::components::not_found::NotFound;
use crate::components::notes::{BookmarkButton, LessonTools};
use crate::components::quiz::QuizView;
use crate::components::rich_text::{on_body_click, on_body_keydown, undismiss};
use crate::lesson_store;
use crate::model::course::LessonRef;
use crate::outline::COURSE;
use crate::paths::{self, RESUME_STATE};
use crate::state::progress::{now, use_progress_mut};

/// The page at `/lessons/:slug/`.
#[component]
pub fn LessonPage(
    /// The lesson's slug, from the URL; a slug the course does not have shows "not found".
    slug: String,
    /// How a lesson that is not in memory is loaded (`lesson_store::FETCH` or `INLINE_ONLY`).
    loader: lesson_store::Loader,
) -> impl IntoView {
    match COURSE.find_lesson(&slug) {
        Some(lesson) => view! { <LessonView lesson loader/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

/// One lesson, once its place in the course is known.
#[component]
fn LessonView(lesson: LessonRef, loader: lesson_store::Loader) -> impl IntoView {
    let progress = use_progress_mut();
    let info = lesson.lesson;
    let slug = info.slug;
    crate::document::set_title(info.title);
    crate::document::set_description(info.subtitle);
    // Read before this page's own scrolling can overwrite it.
    let saved_position = progress.with_untracked(|p| p.lesson(slug).and_then(|l| l.position));
    // Progress changes after rendering, never during it (an effect; none runs at build time).
    Effect::new(move |_| progress.update(|p| p.visit(slug, now())));

    // A lesson already in memory (prefetched, or inline in the page) renders at once,
    // in the same frame; only a lesson not yet loaded waits for its fetch.
    // (A signal and a task rather than a Resource: the async resource machinery costs wasm.)
    let loaded: lesson_store::LoadedLesson =
        RwSignal::new_local(lesson_store::cached(slug).map(Ok));
    let fetch = move || (loader.load)(info, loaded);
    if crate::platform::IN_BROWSER && loaded.with_untracked(Option::is_none) {
        fetch();
    }
    let data = move || loaded.get();
    if let Some(n) = COURSE.next_lesson(slug) {
        (loader.prefetch)(n.lesson);
    }

    // Reaching the end of the text counts toward completion; the position is kept for "Resume".
    let end_marker = NodeRef::<leptos::html::Div>::new();
    track_reading(slug, info.question_count > 0, move || {
        end_marker.get_untracked().map(Into::into)
    });

    view! {
        <article class="lesson" aria-labelledby="lesson-title">
            <LessonHeader lesson/>
            <LessonTools slug title=info.title/>
            {move || match data() {
                None => view! { <p class="lesson-loading" role="status">"Loading the lesson…"</p> }.into_any(),
                Some(Err(e)) => view! {
                    <div class="lesson-error" role="alert">
                        <p>{format!("Sorry, {e}.")}</p>
                        <p><button type="button" class="button" on:click=move |_| { loaded.set(None); fetch(); }>"Try again"</button></p>
                    </div>
                }.into_any(),
                Some(Ok(body)) => {
                    let quiz = body.quiz.clone();
                    match position_to_restore(saved_position) {
                        Some(position) => scroll_to_position(position),
                        None => crate::document::scroll_to_hash(),
                    }
                    view! {
                        <div class="lesson-body" inner_html=body.html.clone()
                            on:click=on_body_click on:keydown=on_body_keydown
                            on:focusin=move |ev: leptos::ev::FocusEvent| undismiss(&ev)
                            on:mouseover=move |ev: leptos::ev::MouseEvent| undismiss(&ev)></div>
                        <div class="lesson-end" node_ref=end_marker></div>
                        {quiz.map(|quiz| view! { <QuizView slug quiz/> })}
                    }.into_any()
                }
            }}
            <div class="lesson-complete"><CompleteButton slug/></div>
            <LessonNav slug/>
        </article>
    }
}

/// "Mark as complete", and its undo.
#[component]
fn CompleteButton(slug: &'static str) -> impl IntoView {
    let progress = use_progress_mut();
    let completed = move || progress.with(|p| p.is_completed(slug));
    let toggle_complete = move |_| {
        let done = !progress.with_untracked(|p| p.is_completed(slug));
        progress.update(|p| p.set_completed(slug, done, now()));
    };
    view! {
        <button type="button" class="button" aria-pressed=move || completed().to_string()
            on:click=toggle_complete>
            {move || if completed() { "✓ Completed: mark as not complete" } else { "Mark as complete" }}
        </button>
    }
}

/// Keeps the reading position for "Resume" and for back and forward, and counts reaching
/// `end` (the marker after the text) toward completion.
fn track_reading(
    slug: &'static str,
    has_quiz: bool,
    end: impl Fn() -> Option<web_sys::Element> + 'static,
) {
    let progress = use_progress_mut();
    let last_position = Cell::new(-1.0f64);
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| {
        let (inner, height) = viewport_and_page_height();
        let y = window().scroll_y().unwrap_or(0.0);
        let fraction = if height > inner {
            y / (height - inner)
        } else {
            1.0
        };
        if (fraction - last_position.get()).abs() >= 0.05 {
            last_position.set(fraction);
            progress.update(|p| p.set_position(slug, fraction, now()));
            // The entry remembers its place, for back and forward.
            if let Ok(history) = window().history() {
                let _ = history.replace_state(&fraction.into(), "");
            }
        }
        if let Some(marker) = end() {
            if marker.get_bounding_client_rect().top() < inner
                && !progress.with_untracked(|p| p.lesson(slug).is_some_and(|l| l.reached_end))
            {
                progress.update(|p| p.reach_end(slug, has_quiz, now()));
            }
        }
    });
    on_cleanup(move || on_scroll.remove());
}

/// The lesson bundle's lesson page: the article the build rendered stays as it is, and only
/// what changes comes alive in its places (the quiz, "Mark as complete", "· Completed" in the
/// heading's line, the bookmark, glossary popovers and template copying, the reading position);
/// the notes panel loads its own bundle on intent (`components::lazy_notes`). Rendering
/// nothing else keeps the bundle small; the links (breadcrumb, previous, next) are page loads.
/// Call it inside the owner that holds the state, once `article` is in the document.
pub fn adopt_static(article: &web_sys::Element) {
    let path = crate::router::use_path();
    let Some(lesson) = path.with_untracked(|p| match crate::model::routes::Route::parse(p) {
        crate::model::routes::Route::Lesson(slug) => COURSE.find_lesson(slug),
        _ => None,
    }) else {
        return;
    };
    let slug = lesson.lesson.slug;
    let progress = use_progress_mut();
    let saved_position = progress.with_untracked(|p| p.lesson(slug).and_then(|l| l.position));
    Effect::new(move |_| progress.update(|p| p.visit(slug, now())));
    let find = |selector: &str| article.query_selector(selector).ok().flatten();

    if let Some(body) = find(".lesson-body") {
        listen(&body, "click", on_body_click);
        listen(&body, "keydown", on_body_keydown);
        listen(&body, "focusin", |ev: web_sys::FocusEvent| undismiss(&ev));
        listen(&body, "mouseover", |ev: web_sys::MouseEvent| undismiss(&ev));
    }
    let end = find(".lesson-end");
    track_reading(slug, lesson.lesson.question_count > 0, move || end.clone());
    if let Some(place) = find("section.quiz") {
        match lesson_store::cached(slug).and_then(|l| l.quiz) {
            Some(quiz) => replace(&place, view! { <QuizView slug quiz/> }),
            None => replace(
                &place,
                view! {
                    <div class="lesson-error" role="alert">
                        <p>"Sorry, this page's quiz is missing from it: reload the page."</p>
                    </div>
                },
            ),
        }
    }
    if let Some(place) = find(".lesson-tools .bookmark-button") {
        replace(&place, view! { <BookmarkButton slug/> });
    }
    if let Some(notes) = find(&format!(".lesson-tools .{NOTES_ROOT_CLASS}")) {
        crate::components::lazy_notes::adopt(&notes, slug);
    }
    if let Some(place) = find(".lesson-complete") {
        place.set_inner_html("");
        replace_children(&place, view! { <CompleteButton slug/> });
    }
    if let Some(meta) = find(".lesson-meta") {
        let completed = move || progress.with(|p| p.is_completed(slug));
        replace_children(
            &meta,
            view! {
                {format!("Lesson {} of {} · {} min", lesson.index + 1, COURSE.lesson_count(), lesson.lesson.minutes)}
                {move || completed().then_some(" · Completed")}
            },
        );
    }
    match position_to_restore(saved_position) {
        Some(position) => scroll_to_position(position),
        None => crate::document::scroll_to_hash(),
    }
}

/// Puts a live view where a static element of the page was.
pub(crate) fn replace(place: &web_sys::Element, view: impl IntoView) {
    use leptos::tachys::view::{Mountable, Render};
    let Some(parent) = place.parent_element() else {
        return;
    };
    let mut state = view.into_view().build();
    state.mount(&parent, Some(place.as_ref()));
    place.remove();
    // The view lives as long as the page; its owner is the app's.
    std::mem::forget(state);
}

/// Makes a live view the only content of a static element of the page.
fn replace_children(place: &web_sys::Element, view: impl IntoView) {
    use leptos::tachys::view::{Mountable, Render};
    place.set_inner_html("");
    let mut state = view.into_view().build();
    state.mount(place, None);
    std::mem::forget(state);
}

/// Listens to `event` on `target` for as long as the page lives.
fn listen<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
    target: &web_sys::Element,
    event: &str,
    handler: fn(E),
) {
    let handler = wasm_bindgen::closure::Closure::<dyn Fn(E)>::new(handler);
    let _ = target.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
    handler.forget();
}

/// The lesson's heading: where it sits in the course, its title, length and completion.
#[component]
fn LessonHeader(lesson: LessonRef) -> impl IntoView {
    let info = lesson.lesson;
    let progress = crate::state::progress::use_progress();
    let completed = move || progress.with(|p| p.is_completed(info.slug));
    view! {
            <header class="lesson-header">
            <nav class="breadcrumb" aria-label="Breadcrumb">
                <ol>
                    <li><a href=paths::home()>"Course"</a></li>
                    <li>{lesson.module.title}</li>
                    <li aria-current="page">{info.title}</li>
                </ol>
            </nav>
            <h1 id="lesson-title" tabindex="-1">{info.title}</h1>
            <p class="lesson-subtitle">{info.subtitle}</p>
            <p class="lesson-meta">
                {format!("Lesson {} of {} · {} min", lesson.index + 1, COURSE.lesson_count(), info.minutes)}
                {move || completed().then_some(" · Completed")}
            </p>
        </header>
    }
}

/// The way to the previous and the next lesson.
#[component]
fn LessonNav(slug: &'static str) -> impl IntoView {
    let previous = COURSE.previous_lesson(slug);
    let next = COURSE.next_lesson(slug);
    view! {
            <nav class="lesson-nav" aria-label="Lessons">
            {previous.map(|p| view! {
                <a href=paths::lesson(p.lesson.slug) class="lesson-nav-link lesson-nav-previous" rel="prev">
                    <span class="lesson-nav-label">"Previous"</span>
                    <span class="lesson-nav-title">{p.lesson.title}</span>
                </a>
            })}
            {next.map(|n| view! {
                <a href=paths::lesson(n.lesson.slug) class="lesson-nav-link lesson-nav-next" rel="next">
                    <span class="lesson-nav-label">"Next"</span>
                    <span class="lesson-nav-title">{n.lesson.title}</span>
                </a>
            })}
        </nav>
    }
}

/// Where the lesson should open, from the history entry: the place it was left at (back and
/// forward), the saved place ("Resume"), or nowhere in particular. A `#section` in the URL wins.
fn position_to_restore(saved: Option<f64>) -> Option<f64> {
    if !crate::platform::IN_BROWSER || window().location().hash().is_ok_and(|h| h.len() > 1) {
        return None;
    }
    let history = window().history().ok()?;
    let mut state = history.state().ok()?;
    if state.is_null() {
        // A link of another page that loaded this one ("Resume" on the home page) handed its
        // state over; it becomes this entry's, so reloading keeps it.
        let handed = crate::platform::session_take(crate::storage::HANDED_STATE_KEY)?;
        let (path, handed) = handed.split_once('\t')?;
        if window().location().pathname().ok()? != path {
            return None;
        }
        state = wasm_bindgen::JsValue::from_str(handed);
        let _ = history.replace_state(&state, "");
    }
    match state.as_f64() {
        Some(fraction) => Some(fraction),
        None if state.as_string().as_deref() == Some(RESUME_STATE) => saved,
        None => None,
    }
}

/// Scrolls to a fraction of the page's scrollable height, once the body has rendered.
fn scroll_to_position(position: f64) {
    request_animation_frame(move || {
        let (inner, height) = viewport_and_page_height();
        window().scroll_to_with_x_and_y(0.0, (position * (height - inner)).max(0.0));
    });
}

/// The window's inner height and the page's full height, in CSS pixels.
fn viewport_and_page_height() -> (f64, f64) {
    let inner = window()
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let height = document()
        .document_element()
        .map(|e| e.scroll_height() as f64)
        .unwrap_or(0.0);
    (inner, height)
}
