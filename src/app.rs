//! The app: the page shell, routes, and the progress every page shares.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::components::display::{TextSizePicker, ThemePicker};
use crate::components::notice::StorageNotice;
use crate::components::outline::{DrawerOpen, OutlineButton, OutlineNav};
use crate::components::search::{SearchButton, SearchDialog, SearchOpen};
use crate::components::shortcuts::{HelpOpen, Shortcuts};
use crate::components::update::UpdateNotice;
use crate::model::progress::Progress;
use crate::outline::COURSE;
use crate::pages::progress::ProgressPage;
use crate::pages::{
    glossary::GlossaryPage, home::HomePage, lesson::LessonPage, not_found::NotFound,
};
use crate::paths;
use crate::storage::{Notice, Store, PROGRESS_KEY};

/// The learner's progress and where it is stored, shared through context.
#[derive(Clone, Copy)]
pub struct ProgressContext {
    pub progress: RwSignal<Progress>,
    /// What the learner should know about storage, if anything.
    pub notice: RwSignal<Option<Notice>>,
    /// Browser storage, opened (and probed) once for the whole app.
    pub store: StoredValue<Store, LocalStorage>,
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let store = Store::open();
    let loaded = store.load(COURSE.id);
    let progress = RwSignal::new(loaded.progress);
    let notice = RwSignal::new(loaded.notice);
    let store = StoredValue::new_local(store);
    provide_context(ProgressContext {
        progress,
        notice,
        store,
    });

    // The one place progress is saved: whenever it differs from what storage holds.
    // The write waits for the current task to end, so a click that changes progress (opening
    // a lesson) paints first; changes in the same task are saved together.
    let saved = StoredValue::new(progress.with_untracked(|p| p.encode()));
    let scheduled = StoredValue::new(false);
    let flush = move || {
        scheduled.set_value(false);
        let current = progress.with_untracked(|p| p.encode());
        if saved.with_value(|s| *s != current) {
            match store.with_value(|s| s.save_encoded(&current)) {
                Ok(()) => saved.set_value(current),
                Err(n) => notice.set(Some(n)),
            }
        }
    };
    Effect::new(move |_| {
        progress.track();
        if !scheduled.get_value() {
            scheduled.set_value(true);
            set_timeout(flush, std::time::Duration::ZERO);
        }
    });
    // Leaving the page (a reload, a link to another page, closing the tab) saves at once.
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| flush());
    on_cleanup(move || leaving.remove());

    // Another tab saved progress: take it, so every open tab shows the same.
    // (The `storage` event never fires in the tab that wrote.)
    let sync = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(PROGRESS_KEY) {
            return;
        }
        if let Some(theirs) = ev
            .new_value()
            .and_then(|raw| Progress::decode(&raw, COURSE.id).ok())
        {
            saved.set_value(theirs.encode());
            progress.set(theirs);
        }
    });
    on_cleanup(move || sync.remove());

    // Once the learner has something to lose, ask the browser to keep it (Chromium decides
    // silently; other browsers may ask the learner, which is why this waits for a completion).
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        let has_progress = progress.with(|p| p.completed_count(&COURSE).0 > 0);
        if has_progress && !asked.get_value() {
            asked.set_value(true);
            leptos::task::spawn_local(async {
                if crate::components::safety::persisted().await == Some(false) {
                    let _ = crate::components::safety::request_persistence().await;
                }
            });
        }
    });

    // Back and forward return to where the learner was in a lesson. Registered before the
    // router's own listener, so the flag is set before the page renders.
    let history = window_event_listener(leptos::ev::popstate, |_| {
        if window()
            .location()
            .pathname()
            .is_ok_and(|p| p.contains("/lessons/"))
        {
            crate::pages::lesson::restore_position_next()
        }
    });
    on_cleanup(move || history.remove());

    provide_context(SearchOpen(RwSignal::new(false)));
    let help = RwSignal::new(false);
    provide_context(HelpOpen(help));
    provide_context(DrawerOpen(RwSignal::new(false)));

    view! {
        <Router base=paths::base()>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <OutlineButton/>
                <A href=paths::home() attr:class="site-title">{COURSE.title}</A>
                <nav class="site-nav" aria-label="Site">
                    <A href=paths::progress()>"Progress"</A>
                    <A href=paths::glossary()>"Glossary"</A>
                    <SearchButton/>
                    <ThemePicker/>
                    <TextSizePicker/>
                </nav>
            </header>
            <SearchDialog/>
            <Shortcuts/>
            <StorageNotice/>
            <UpdateNotice/>
            <div class="layout">
                <OutlineNav/>
                <main id="main" tabindex="-1">
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=HomePage/>
                        <Route path=path!("/lessons/:slug/") view=LessonPage/>
                        <Route path=path!("/glossary/") view=GlossaryPage/>
                        <Route path=path!("/progress/") view=ProgressPage/>
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
