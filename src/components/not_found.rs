//! The page for a URL the course does not have.

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
