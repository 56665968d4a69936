//! The app: the page shell and the routes. State lives in `state`, pages in `pages`.

use leptos::prelude::*;

use crate::components::header::SiteHeader;
use crate::components::not_found::NotFound;
use crate::components::notice::StorageNotice;
use crate::components::outline::{DrawerOpen, OutlineNav};
use crate::components::search::{SearchDialog, SearchOpen};
use crate::components::shortcuts::{HelpOpen, Shortcuts};
use crate::components::update::UpdateNotice;
use crate::model::routes::Route;
use crate::outline::COURSE;
use crate::pages::{
    exam::ExamPage, glossary::GlossaryPage, home::HomePage, lesson::LessonPage,
    progress::ProgressPage, review::ReviewPage,
};

/// The whole app: the same component renders in the browser and, at build time, every page's
/// static first paint.
#[component]
pub fn App() -> impl IntoView {
    crate::state::provide_state();
    crate::router::provide_router();
    // Which dialogs of the shell are open; the header, the shortcuts and the footer share them.
    provide_context(SearchOpen(RwSignal::new(false)));
    let help = RwSignal::new(false);
    provide_context(HelpOpen(help));
    provide_context(DrawerOpen(RwSignal::new(false)));
    let path = crate::router::use_path();

    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <SiteHeader/>
        <SearchDialog/>
        <Shortcuts/>
        <StorageNotice/>
        <UpdateNotice/>
        <div class="layout">
            <OutlineNav/>
            <main id="main" tabindex="-1">
                // The route table is `model::routes`; a new page is one more arm here.
                {move || path.with(|p| match Route::parse(p) {
                    Route::Home => view! { <HomePage/> }.into_any(),
                    Route::Lesson(slug) => view! { <LessonPage slug=slug.to_string()/> }.into_any(),
                    Route::Glossary => view! { <GlossaryPage/> }.into_any(),
                    Route::Progress => view! { <ProgressPage/> }.into_any(),
                    Route::Review(scope) => view! { <ReviewPage lesson=scope.lesson().map(str::to_string)/> }.into_any(),
                    Route::Exam => view! { <ExamPage/> }.into_any(),
                    Route::NotFound => view! { <NotFound/> }.into_any(),
                })}
            </main>
        </div>
        <footer class="site-footer">
            <p>{COURSE.title}" · works offline once visited · progress stays in this browser"</p>
            <p><button type="button" class="button" on:click=move |_| help.set(true)>"Keyboard shortcuts"</button></p>
        </footer>
    }
}
