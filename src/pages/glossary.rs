//! The glossary: every term with its definition and the lessons that use it.

use std::rc::Rc;

use leptos::prelude::*;

use crate::lesson_store;
use crate::model::course::GlossaryTerm;
use crate::outline::COURSE;
use crate::paths;

/// The glossary page, in alphabetical order. Its data comes inline with the page, or is
/// fetched when the learner comes from another page.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    crate::document::set_title("Glossary");
    crate::document::set_description("Every term of art the course uses.");
    type Loaded = Option<Result<Rc<Vec<GlossaryTerm>>, String>>;
    let loaded: RwSignal<Loaded, LocalStorage> =
        RwSignal::new_local(lesson_store::cached_glossary().map(Ok));
    if crate::platform::IN_BROWSER && loaded.with_untracked(Option::is_none) {
        leptos::task::spawn_local(
            async move { loaded.set(Some(lesson_store::load_glossary().await)) },
        );
    }
    let data = move || loaded.get();
    view! {
        <article class="glossary">
            <h1 tabindex="-1">"Glossary"</h1>
            <p>"Every term of art the course uses, with the lessons where it appears."</p>
            {move || match data() {
                None => view! { <p class="lesson-loading" role="status">"Loading the glossary…"</p> }.into_any(),
                Some(Err(e)) => view! {
                    <p class="lesson-error" role="alert">{format!("Sorry, {e}.")}</p>
                }.into_any(),
                Some(Ok(terms)) => {
                    // A link or a search result may name a term: bring it into view once rendered.
                    crate::document::scroll_to_hash();
                    view! { <GlossaryList terms/> }.into_any()
                }
            }}
        </article>
    }
}

/// The terms as a definition list.
#[component]
fn GlossaryList(
    /// Every term, in order.
    terms: Rc<Vec<GlossaryTerm>>,
) -> impl IntoView {
    view! {
        <dl class="glossary-list">
            {terms.iter().map(|t| view! {
                <div class="glossary-entry" id=t.id.clone()>
                    <dt>{t.term.clone()}</dt>
                    <dd>
                        <p inner_html=t.definition.clone()></p>
                        <p class="glossary-lessons">"Used in: "
                            {t.lessons.iter().enumerate().map(|(i, slug)| {
                                let title = COURSE.find_lesson(slug).map_or(slug.clone(), |r| r.lesson.title.to_string());
                                view! {
                                    {(i > 0).then_some(", ")}
                                    <a href=paths::lesson(slug)>{title}</a>
                                }
                            }).collect_view()}
                        </p>
                    </dd>
                </div>
            }).collect_view()}
        </dl>
    }
}
