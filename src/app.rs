//! The app: the page shell and the routes. State lives in `state`, pages in `pages`.
//!
//! Apps share the shell: [`App`], the whole app (home, review, glossary, links between them
//! opened without a reload), [`LessonShell`], the shell bundle (`src/main_shell.rs`), which a lesson page loads on
//! first use around the article the lesson bundle (`src/main_lesson.rs`) brought to life, every
//! link a page load; and
//! [`PracticeApp`], the practice bundle (`src/main_practice.rs`): the scenario and exercise
//! pages, the notebook and the practice exam in the shell; [`ProgressApp`] and [`HandoffApp`],
//! one page each. `Route::bundle` says which page runs which.

use leptos::prelude::*;

use crate::components::header::SiteHeader;
use crate::components::lazy_search::LazySearch;
use crate::components::not_found::{LessonNotHere, NotFound};
use crate::components::notice::StorageNotice;
use crate::components::outline::{DrawerOpen, OutlineNav};
use crate::components::search::{SearchDialog, SearchOpen};
use crate::components::shortcuts::{HelpOpen, Shortcuts};
use crate::components::update::UpdateNotice;
use crate::lesson_store;
use crate::model::routes::Route;
use crate::outline::COURSE;
use crate::pages::{
    exam::ExamPage,
    exercise::{ExercisePage, ExercisesPage},
    glossary::GlossaryPage,
    handoff::ContinuePage,
    home::HomePage,
    lesson::LessonPage,
    notebook::NotebookPage,
    progress::ProgressPage,
    review::ReviewPage,
    scenario::{ScenarioPage, ScenariosPage},
};
use crate::platform::IN_BROWSER;
use crate::router::Links;

/// The whole app: the same component renders in the browser and, at build time, every page's
/// static first paint.
#[component]
pub fn App() -> impl IntoView {
    provide_shell(Links::Follow);
    let path = crate::router::use_path();
    // A page the app opened itself (not the one it loaded on) takes the focus to its heading;
    // a link to a section of it leaves the focus to that section.
    Effect::new(move |_| {
        path.track();
        if crate::router::has_navigated() && !crate::router::has_hash() {
            crate::document::focus_heading_after_frame();
        }
    });
    view! {
        <Shell search=|| view! { <SearchDialog/> }.into_any()>
            // The route table is `model::routes`; a new page is one more arm here.
            {move || path.with(|p| match Route::parse(p) {
                Route::Home => view! { <HomePage/> }.into_any(),
                // A lesson's page runs the lesson bundle, and the router leaves links to it to
                // page loads; the build renders its first paint here. In the browser the whole
                // app meets a lesson's address only when given it instead of the lesson's page
                // (the offline 404 page, a host's fallback).
                Route::Lesson(slug) if IN_BROWSER => view! { <LessonNotHere slug=slug.to_string()/> }.into_any(),
                Route::Lesson(slug) => view! { <LessonPage slug=slug.to_string() loader=lesson_store::FETCH/> }.into_any(),
                Route::Glossary => view! { <GlossaryPage/> }.into_any(),
                Route::Review(scope) => view! { <ReviewPage lesson=scope.lesson().map(str::to_string)/> }.into_any(),
                // The other bundles' pages (`Route::bundle`): the router leaves their links to
                // page loads, so the whole app never shows them.
                _ => view! { <NotFound/> }.into_any(),
            })}
        </Shell>
    }
}

/// A lesson page's shell where the page has no article (a broken build): the shell bundle's
/// whole shell, saying the page is not found. A lesson page with its article keeps its static
/// shell and brings it to life in place instead ([`adopt_static_shell`]).
#[component]
pub fn LessonShell() -> impl IntoView {
    view! {
        <Shell search=|| view! { <LazySearch/> }.into_any()>
            <NotFound/>
        </Shell>
    }
}

/// The shell bundle on a lesson page (`src/main_shell.rs`): each part of the static shell the
/// build rendered is replaced by its live twin (the header and its menu, the search dialog,
/// the shortcuts help, the outline, the footer). The article, which the lesson bundle brought
/// to life, and the notices stay where they are: nothing the learner is using moves (a moved
/// element loses the focus, and a click or a key press on it half done). Call
/// [`provide_shell`] first, in the same owner.
pub fn adopt_static_shell() {
    use crate::pages::lesson::replace;
    let find = |selector: &str| document().query_selector(selector).ok().flatten();
    if let Some(place) = find(".site-header") {
        replace(&place, view! { <SiteHeader/> });
    }
    if let Some(place) = find("dialog.search-dialog") {
        replace(&place, view! { <LazySearch/> });
    }
    if let Some(place) = find("dialog.help-dialog") {
        replace(&place, view! { <Shortcuts/> });
    }
    // The outline is two elements (the sidebar and the drawer); its live twin brings both.
    let drawer = find("dialog.outline-drawer");
    if let Some(place) = find("nav.outline-sidebar") {
        replace(&place, view! { <OutlineNav/> });
        if let Some(old) = drawer {
            old.remove();
        }
    }
    if let Some(place) = find("footer.site-footer") {
        replace(&place, view! { <SiteFooter/> });
    }
}

/// The storage and update notices, where every shell shows them.
pub fn notices() -> AnyView {
    view! { <StorageNotice/><UpdateNotice/> }.into_any()
}

/// The practice bundle's app: the decision scenarios and the written exercises, in the shell;
/// every link a page load, so the other pages' code stays out of this bundle, and this code
/// out of theirs.
#[component]
pub fn PracticeApp() -> impl IntoView {
    let path = crate::router::use_path();
    view! {
        <Shell search=|| view! { <LazySearch/> }.into_any()>
            {move || path.with(|p| match Route::parse(p) {
                Route::Scenarios => view! { <ScenariosPage/> }.into_any(),
                Route::Scenario(slug) => view! { <ScenarioPage slug=slug.to_string()/> }.into_any(),
                Route::Exercises => view! { <ExercisesPage/> }.into_any(),
                Route::Exercise(slug) => view! { <ExercisePage slug=slug.to_string()/> }.into_any(),
                Route::Notebook => view! { <NotebookPage/> }.into_any(),
                Route::Exam => view! { <ExamPage/> }.into_any(),
                _ => view! { <NotFound/> }.into_any(),
            })}
        </Shell>
    }
}

/// The progress bundle's app: the Progress page (insights, the weekly goal and its calendar,
/// the progress file, resets, backups), in the shell; every link a page load.
#[component]
pub fn ProgressApp() -> impl IntoView {
    view! {
        <Shell search=|| view! { <LazySearch/> }.into_any()>
            <ProgressPage/>
        </Shell>
    }
}

/// The handoff bundle's app: continue on another device, in the shell; every link a page load.
#[component]
pub fn HandoffApp() -> impl IntoView {
    view! {
        <Shell search=|| view! { <LazySearch/> }.into_any()>
            <ContinuePage/>
        </Shell>
    }
}

/// What every page's shell needs: the state, the router, and which of its dialogs are open
/// (the header, the shortcuts and the footer share them).
pub fn provide_shell(links: Links) {
    crate::state::provide_state();
    crate::router::provide_router(links);
    provide_context(SearchOpen(RwSignal::new(false)));
    provide_context(HelpOpen(RwSignal::new(false)));
    provide_context(DrawerOpen(RwSignal::new(false)));
}

/// The shell around every page: skip link, header, dialogs, notices, outline, main, footer.
/// `search` is the search dialog, or what loads it (each app passes its own, so neither bundle
/// carries the other's).
#[component]
fn Shell(children: Children, search: fn() -> AnyView) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <SiteHeader/>
        {search()}
        <Shortcuts/>
        {notices()}
        <div class="layout">
            <OutlineNav/>
            <main id="main" tabindex="-1">{children()}</main>
        </div>
        <SiteFooter/>
    }
}

/// The footer of every page, with the shortcuts help.
#[component]
fn SiteFooter() -> impl IntoView {
    let HelpOpen(help) = expect_context();
    view! {
        <footer class="site-footer">
            <p>{COURSE.title}" · works offline once visited · progress stays in this browser"</p>
            <p><button type="button" class="button" on:click=move |_| help.set(true)>"Keyboard shortcuts"</button></p>
        </footer>
    }
}
