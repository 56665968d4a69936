//! tpm-course: a course on technical program management that runs in the browser.
//!
//! `model` is plain Rust; `content` runs at build time only; `state` holds what the app
//! remembers; `app`, `pages` and `components` are the views. The same views render in the
//! browser and, at build time, every page's static first paint ([`render_page`]).

// The views' types nest deeply when rendered natively (`ssr`): the lesson page passes the
// default limit of 128.
#![recursion_limit = "256"]

pub mod app;
pub mod components;
pub mod document;
pub mod lesson_store;
pub mod link;
pub mod model;
pub mod outline;
pub mod pages;
pub mod paths;
pub mod platform;
pub mod router;
pub mod state;
pub mod storage;

#[cfg(not(target_arch = "wasm32"))]
pub mod content;

use model::routes::PRERENDER_ID;

/// The browser's allocator, for both bundles: talc instead of the standard library's dlmalloc,
/// 0.37 KB less wasm after brotli (measured at 869bb50: 203,207 → 202,828 bytes), and an
/// allocator written for WebAssembly.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Starts the whole app in the page (`src/main.rs`).
pub fn start() {
    starting(lesson_store::adopt_inline);
    remove_prerendered();
    leptos::mount::mount_to_body(app::App);
    ready();
}

/// Starts the practice bundle in a scenario's, an exercise's, the notebook's or the exam's page
/// (`src/main_practice.rs`): those pages and the shell, every link a page load.
pub fn start_practice() {
    use leptos::prelude::IntoAny;
    start_page_bundle(|| leptos::view! { <app::PracticeApp/> }.into_any());
}

/// Starts the handoff bundle in its page (`src/main_handoff.rs`): continue on another device.
pub fn start_handoff() {
    use leptos::prelude::IntoAny;
    start_page_bundle(|| leptos::view! { <app::HandoffApp/> }.into_any());
}

/// Starts the progress bundle in the Progress page (`src/main_progress.rs`).
pub fn start_progress() {
    use leptos::prelude::IntoAny;
    start_page_bundle(|| leptos::view! { <app::ProgressApp/> }.into_any());
}

/// What a bundle that renders its whole page does: the static paint replaced by `app` in
/// the shell's context, every link a page load.
fn start_page_bundle(app: fn() -> leptos::prelude::AnyView) {
    starting(lesson_store::adopt_inline);
    remove_prerendered();
    leptos::mount::mount_to_body(move || {
        app::provide_shell(router::Links::Load);
        app()
    });
    ready();
}

/// The id of the element before the lesson page's layout that holds the lesson bundle's
/// notices (storage, update).
const LESSON_NOTICES_ID: &str = "lesson-notices";

/// Starts the lesson bundle in a lesson's page (`src/main_lesson.rs`): the page stays as the
/// build rendered it, and only the lesson's live parts come to life in their places (the quiz,
/// mark complete, the reading position) with the notices; the shell's live parts are the shell
/// bundle's, loaded when first needed (`components::lazy_shell`).
pub fn start_lesson() {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    starting(lesson_store::adopt_inline_lesson);
    // The lesson's page opened: the whole app may try to load it again another time.
    let _ = platform::session_take(storage::OPENING_KEY);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let find = |selector: String| document.query_selector(&selector).ok().flatten();
    let article = find(format!("#{PRERENDER_ID} article.lesson"));
    let layout = find(format!("#{PRERENDER_ID} .layout"));
    let notices = document
        .create_element("div")
        .ok()
        .and_then(|d| d.dyn_into::<web_sys::HtmlElement>().ok());
    match (article, layout, notices) {
        (Some(article), Some(layout), Some(notices)) => {
            notices.set_id(LESSON_NOTICES_ID);
            let _ = layout.before_with_node_1(&notices);
            let mounted = leptos::mount::mount_to(notices, move || {
                state::provide_lesson_state();
                router::provide_router(router::Links::Load);
                let shortcuts = state::preferences::use_preferences().shortcuts;
                components::lazy_shell::watch(move || shortcuts.get_untracked());
                pages::lesson::adopt_static(&article);
                app::notices()
            });
            // The lesson's parts live as long as the page.
            mounted.forget();
        }
        // No article: the shell bundle says the page is not found.
        _ => components::lazy_shell::load(),
    }
    ready();
}

/// Starts the shell bundle in a lesson's page (`src/main_shell.rs`): each part of the static
/// shell comes to life in its place (`app::adopt_static_shell`), around the article and the
/// notices the lesson bundle brought to life, which stay as they are; then what the learner
/// did before it ran is done again (`components::lazy_shell::replay`).
pub fn start_shell() {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    starting(|| {});
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let has_article = document
        .query_selector(&format!("#{PRERENDER_ID} article.lesson"))
        .ok()
        .flatten()
        .is_some();
    let host = document
        .create_element("div")
        .ok()
        .and_then(|d| d.dyn_into::<web_sys::HtmlElement>().ok());
    match (has_article, host) {
        (true, Some(host)) => {
            // The shell's owner renders nothing of its own here: its parts go into the page.
            host.set_hidden(true);
            if let Some(body) = document.body() {
                let _ = body.append_child(&host);
            }
            let mounted = leptos::mount::mount_to(host, || {
                app::provide_shell(router::Links::Load);
                app::adopt_static_shell();
            });
            mounted.forget();
        }
        _ => {
            remove_prerendered();
            leptos::mount::mount_to_body(|| {
                app::provide_shell(router::Links::Load);
                view! { <app::LessonShell/> }
            });
        }
    }
    components::lazy_shell::replay();
}

/// Starts the notes bundle in a lesson page (`src/main_notes.rs`): the live notes panel in
/// place of the one the build rendered, open if the learner opened it (see
/// `components::lazy_notes`).
pub fn start_notes() {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    use components::lazy_notes::NOTES_ROOT_CLASS;
    use components::notes::NotesPanel;

    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let tools = document.query_selector(".lesson-tools").ok().flatten();
    let old = document
        .query_selector(&format!(".lesson-tools .{NOTES_ROOT_CLASS}"))
        .ok()
        .flatten();
    let path = router::location_path();
    let model::routes::Route::Lesson(slug) = model::routes::Route::parse(&path) else {
        return;
    };
    let (Some(tools), Some(old)) = (
        tools.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()),
        old,
    ) else {
        return;
    };
    // Open, or being opened: a press on its summary that this replacement cuts short would
    // otherwise be lost (`components::lazy_notes::OPENING`).
    let open = old
        .query_selector("details")
        .ok()
        .flatten()
        .and_then(|d| d.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open() || d.has_attribute(components::lazy_notes::OPENING));
    let title = document
        .get_element_by_id("lesson-title")
        .and_then(|h| h.text_content())
        .unwrap_or_default();
    let slug = slug.to_string();
    old.remove();
    leptos::mount::mount_to(tools, move || {
        state::provide_record();
        view! { <NotesPanel slug title open/> }
    })
    .forget();
    // Focus follows the learner into the live panel if they were in the static one.
    if open {
        if let Some(area) = document.get_element_by_id("lesson-note") {
            let _ = area.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    }
}

/// Starts the search bundle in a lesson page (`src/main_search.rs`): the search dialog, mounted
/// into the place the lesson bundle keeps for it. If the learner is already searching in the
/// lesson bundle's stand-in, this dialog takes over with what they typed.
pub fn start_search() {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    use components::lazy_search::{OPEN_EVENT, SEARCH_ROOT_ID, STAND_IN_CLASS};
    use components::search::{SearchDialog, SearchOpen};

    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document
        .get_element_by_id(SEARCH_ROOT_ID)
        .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let stand_in = root
        .query_selector(&format!(".{STAND_IN_CLASS}"))
        .ok()
        .flatten()
        .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok());
    let searching = stand_in.as_ref().is_some_and(|d| d.open());
    // What the learner is typing now; a stand-in they closed hands nothing over.
    let typed = root
        .query_selector("input")
        .ok()
        .flatten()
        .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
        .filter(|_| searching)
        .map(|i| i.value())
        .unwrap_or_default();
    if let Some(d) = stand_in {
        d.close();
        d.remove();
    }
    leptos::mount::mount_to(root, move || {
        // Every result is a page load, as in the lesson bundle.
        router::provide_router(router::Links::Load);
        let open = RwSignal::new(searching);
        provide_context(SearchOpen(open));
        let listener = window_event_listener(
            leptos::ev::Custom::new(OPEN_EVENT),
            move |_: web_sys::Event| open.set(true),
        );
        on_cleanup(move || listener.remove());
        view! { <SearchDialog typed/> }
    })
    .forget();
    // Opened now, in the same task as the stand-in closed, so no key press falls between them.
    if searching {
        if let Some(d) = document
            .query_selector(&format!("#{SEARCH_ROOT_ID} dialog"))
            .ok()
            .flatten()
            .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok())
        {
            let _ = d.show_modal();
        }
        if let Some(i) = document
            .get_element_by_id("search-input")
            .and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = i.focus();
        }
    }
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-search", "ready");
    }
}

/// What every bundle does first, before it renders anything; `adopt` takes the data the page
/// was built with.
fn starting(adopt: fn()) {
    // A debug build (`trunk serve`) says why it panicked; a release build stays small.
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(|info| leptos::logging::error!("{info}")));
    // The browser test of the recovery screen (index.html; tests/e2e/recovery.spec.mjs) sets
    // this key to make the app fail as it starts. Nothing else sets it.
    if storage::Store::open()
        .get(storage::TEST_PANIC_KEY)
        .is_some()
    {
        panic!("a panic the recovery test asked for");
    }
    adopt();
}

/// Removes the page's static first paint (the same components, rendered by tpm-site); the app
/// that replaces it mounts in the same task, so no frame shows neither.
fn remove_prerendered() {
    if let Some(prerendered) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(PRERENDER_ID))
    {
        prerendered.remove();
    }
}

/// Tells tests and tools that the app listens now: they wait for this before they press keys,
/// since the static first paint looks the same but does not.
fn ready() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-app", "ready");
    }
}

/// A page rendered at build time by the app's own components.
#[cfg(not(target_arch = "wasm32"))]
pub struct RenderedPage {
    /// The body's markup, wrapped in the element the app removes when it starts.
    pub html: String,
    /// The document title the page set.
    pub title: String,
    /// The page's description, for `<meta name="description">`.
    pub description: String,
}

/// Renders the app at `path` (relative to the base, e.g. `lessons/x/`) as a new learner sees it.
/// Effects do not run, so nothing touches a browser.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_page(path: &str) -> RenderedPage {
    use std::sync::Arc;

    use hydration_context::SsrSharedContext;
    use leptos::prelude::*;
    use leptos::reactive::owner::Owner;

    platform::reset_rendered(outline::COURSE.title, outline::COURSE.description);
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let html = owner.with(|| {
        provide_context(router::RequestPath(path.to_string()));
        use model::routes::Bundle;
        // The page's first paint, by the app of the bundle that runs it (a lesson's by the
        // whole app, whose lesson page the lesson bundle keeps as it is).
        let bundle = model::routes::Route::parse(path).bundle();
        if matches!(bundle, Bundle::WholeApp | Bundle::Lesson) {
            leptos::view! { <app::App/> }.to_html()
        } else {
            app::provide_shell(router::Links::Load);
            match bundle {
                Bundle::Handoff => leptos::view! { <app::HandoffApp/> }.to_html(),
                Bundle::Progress => leptos::view! { <app::ProgressApp/> }.to_html(),
                _ => leptos::view! { <app::PracticeApp/> }.to_html(),
            }
        }
    });
    let (title, description) = platform::rendered();
    RenderedPage {
        html: format!("<div id=\"{PRERENDER_ID}\">{html}</div>"),
        title,
        description,
    }
}
