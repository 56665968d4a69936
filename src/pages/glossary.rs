//! The glossary: every term with its definition and the lessons that use it.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::outline::{COURSE, GLOSSARY};
use crate::paths;

/// The glossary page, in alphabetical order.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    crate::document::set_title("Glossary");
    crate::document::set_description("Every term of art the course uses.");
    // A link or a search result may name a term: bring it into view once rendered.
    crate::document::scroll_to_hash();
    view! {
        <article class="glossary">
            <h1 tabindex="-1">"Glossary"</h1>
            <p>"Every term of art the course uses, with the lessons where it appears."</p>
            <dl class="glossary-list">
                {GLOSSARY.iter().map(|t| view! {
                    <div class="glossary-entry" id=t.id>
                        <dt>{t.term}</dt>
                        <dd>
                            <p inner_html=t.definition></p>
                            <p class="glossary-lessons">"Used in: "
                                {t.lessons.iter().enumerate().map(|(i, slug)| {
                                    let title = COURSE.find_lesson(slug).map_or(*slug, |r| r.lesson.title);
                                    view! {
                                        {(i > 0).then_some(", ")}
                                        <A href=paths::lesson(slug)>{title}</A>
                                    }
                                }).collect_view()}
                            </p>
                        </dd>
                    </div>
                }).collect_view()}
            </dl>
        </article>
    }
}
