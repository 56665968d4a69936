//! The page for a URL the course does not have, and for a lesson this browser cannot open.

use leptos::prelude::*;

use crate::paths;

/// "Not found", with a way home.
#[component]
pub fn NotFound() -> impl IntoView {
    crate::document::set_title("Page not found");
    view! {
        <article class="not-found">
            <h1 tabindex="-1">"Page not found"</h1>
            <p>"There is no page at this address. It may have moved when the course was updated."</p>
            <p><a class="button" href=paths::home()>"Go to the course home"</a></p>
        </article>
    }
}

/// A lesson's address in the whole app, which never shows lessons (a lesson's page runs the
/// lesson bundle). The whole app is given a lesson's address by a host that answers unknown
/// paths with the app, or by the service worker offline (the 404 page) when the lesson's page
/// is not in this browser. It loads the lesson's own page once; if it is back here, it says the
/// lesson is not available, with a retry. An address that is no lesson is "Page not found".
#[component]
pub fn LessonNotHere(slug: String) -> impl IntoView {
    use crate::platform::{session_set, session_take};
    use crate::storage::OPENING_KEY;

    let Some(lesson) = crate::outline::COURSE.find_lesson(&slug) else {
        return view! { <NotFound/> }.into_any();
    };
    let title = lesson.lesson.title;
    crate::document::set_title(title);
    let reload = || {
        let _ = window().location().reload();
    };
    // One attempt per address: the lesson's page clears the mark when it starts.
    let here = window().location().pathname().unwrap_or_default();
    let tried = session_take(OPENING_KEY).is_some_and(|p| p == here);
    if !tried {
        Effect::new(move |_| {
            session_set(OPENING_KEY, &here);
            reload();
        });
    }
    view! {
        <article class="not-found">
            <h1 tabindex="-1">{title}</h1>
            {if tried {
                view! {
                    <p role="status">"This lesson's page is not saved in this browser yet, and it could not be fetched: you may be offline. Try again once you are online; a lesson you have opened once works offline."</p>
                    <p>
                        <button type="button" class="button button-primary" on:click=move |_| reload()>"Try again"</button>
                        " "
                        <a class="button" href=paths::home()>"Go to the course home"</a>
                    </p>
                }.into_any()
            } else {
                view! { <p role="status">"Opening the lesson…"</p> }.into_any()
            }}
        </article>
    }
    .into_any()
}
