//! The app: the page shell and the routes. State lives in `state`, pages in `pages`.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, ParamSegment, StaticSegment};

use crate::components::header::SiteHeader;
use crate::components::notice::StorageNotice;
use crate::components::outline::{DrawerOpen, OutlineNav};
use crate::components::search::{SearchDialog, SearchOpen};
use crate::components::shortcuts::{HelpOpen, Shortcuts};
use crate::components::update::UpdateNotice;
use crate::model::routes::{GLOSSARY_SEGMENT, LESSONS_SEGMENT, PROGRESS_SEGMENT};
use crate::outline::COURSE;
use crate::components::not_found::NotFound;
use crate::pages::{
    glossary::GlossaryPage, home::HomePage, lesson::LessonPage, progress::ProgressPage,
};
use crate::paths;

/// The whole app: the same component renders in the browser and, at build time, every page's
/// static first paint.
#[component]
pub fn App() -> impl IntoView {
    crate::state::provide_state();
    // Which dialogs of the shell are open; the header, the shortcuts and the footer share them.
    provide_context(SearchOpen(RwSignal::new(false)));
    let help = RwSignal::new(false);
    provide_context(HelpOpen(help));
    provide_context(DrawerOpen(RwSignal::new(false)));

    // The route table is `model::routes`; a trailing slash is the segment "/".
    view! {
        <Router base=paths::base()>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <SiteHeader/>
            <SearchDialog/>
            <Shortcuts/>
            <StorageNotice/>
            <UpdateNotice/>
            <div class="layout">
                <OutlineNav/>
                <main id="main" tabindex="-1">
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=HomePage/>
                        <Route path=(StaticSegment(LESSONS_SEGMENT), ParamSegment("slug"), StaticSegment("/")) view=LessonPage/>
                        <Route path=(StaticSegment(GLOSSARY_SEGMENT), StaticSegment("/")) view=GlossaryPage/>
                        <Route path=(StaticSegment(PROGRESS_SEGMENT), StaticSegment("/")) view=ProgressPage/>
                    </Routes>
                </main>
            </div>
            <footer class="site-footer">
                <p>{COURSE.title}" · works offline once visited · progress stays in this browser"</p>
                <p><button type="button" class="button" on:click=move |_| help.set(true)>"Keyboard shortcuts"</button></p>
            </footer>
        </Router>
    }
}
