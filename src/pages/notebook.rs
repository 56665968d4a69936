//! The notebook (`/notebook/`): every note, bookmark, exercise answer and scenario result,
//! grouped by module and lesson; searched as it is typed; printed; downloaded as one Markdown
//! file. The rules are `model::notebook`'s. Notes are the learner's text and are rendered as
//! text, never as HTML.

use leptos::prelude::*;

use crate::components::backups::point_download_as;
use crate::components::insights::{local_date, scenario_lines};
use crate::model::notebook::{blocks, scenario_result, Block, Entry, Kind, Notebook, Played};
use crate::outline::{COURSE, EXERCISES, SCENARIOS};
use crate::paths;
use crate::state::progress::{now, use_progress};

/// An entry's page.
fn href(kind: Kind, slug: &str) -> String {
    match kind {
        Kind::Lesson => paths::lesson(slug),
        Kind::Exercise => paths::exercise(slug),
        Kind::Scenario => paths::scenario(slug),
    }
}

/// "2 notes, 1 bookmark, 1 exercise answer and 3 scenarios".
fn summary(book: &Notebook) -> String {
    let c = book.counts();
    let part = |n: usize, one: &str, many: &str| match n {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {many}")),
    };
    let parts: Vec<String> = [
        part(c.notes, "lesson with notes", "lessons with notes"),
        part(c.bookmarks, "bookmark", "bookmarks"),
        part(c.answers, "exercise answer", "exercise answers"),
        part(c.scenarios, "scenario", "scenarios"),
    ]
    .into_iter()
    .flatten()
    .collect();
    match parts.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The page at `/notebook/`.
#[component]
pub fn NotebookPage() -> impl IntoView {
    crate::document::set_title("Your notebook");
    let progress = use_progress();
    let loaded = RwSignal::new(0u32);
    let book = Memo::new(move |_| {
        progress.with(|p| {
            let lines = scenario_lines(p, loaded);
            let played: Vec<Played> = SCENARIOS
                .iter()
                .zip(&lines)
                .map(|(info, line)| Played {
                    slug: info.slug,
                    title: info.title,
                    module: info.module,
                    result: scenario_result(line),
                })
                .collect();
            Notebook::new(&COURSE, EXERCISES, &played, p)
        })
    });
    let query = RwSignal::new(String::new());
    let shown = Memo::new(move |_| book.with(|b| query.with(|q| b.search(q))));
    let download = move |ev: leptos::ev::MouseEvent| {
        let origin = window().location().origin().unwrap_or_default();
        let md = book.with_untracked(|b| {
            b.markdown(COURSE.title, &local_date(now()).long(), |kind, slug| {
                format!("{origin}{}", href(kind, slug))
            })
        });
        point_download_as(&ev, &md, "text/markdown;charset=utf-8");
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <section class="notebook" aria-labelledby="notebook-title">
            <h1 id="notebook-title" tabindex="-1">"Your notebook"</h1>
            <p class="scenarios-intro">
                "Your notes, bookmarks, exercise answers and scenario results, by module and lesson. "
                "They stay in this browser with the rest of your progress, and travel in your progress file."
            </p>
            {move || book.with(Notebook::is_empty).then(|| view! {
                <p class="notebook-empty">
                    "Nothing here yet. On any lesson, open “Notes” under its title to write, or select a passage and choose “Add to notes”; “Bookmark” keeps the lesson here. "
                    <a href=paths::exercises()>"Written exercises"</a>" and "<a href=paths::scenarios()>"decision scenarios"</a>" you do appear here too."
                </p>
            })}
            <div class="notebook-actions" hidden=move || book.with(Notebook::is_empty)>
                <p class="notebook-search">
                    <label for="notebook-search">"Search your notebook"</label>
                    <input id="notebook-search" type="search" autocomplete="off"
                        on:input=move |ev| query.set(event_target_value(&ev))/>
                </p>
                <p>
                    <a class="button" href="#" download="notebook.md" on:click=download>"Download as Markdown"</a>
                    " "
                    <button type="button" class="button" on:click=print>"Print"</button>
                </p>
            </div>
            <p class="notebook-count" role="status">
                {move || {
                    if book.with(Notebook::is_empty) {
                        String::new()
                    } else if shown.with(Notebook::is_empty) {
                        format!("Nothing in your notebook holds “{}”.", query.get().trim())
                    } else {
                        shown.with(summary)
                    }
                }}
            </p>
            {move || shown.with(|b| b.groups.iter().map(|g| view! {
                <section class="notebook-module">
                    <h2>{g.title}</h2>
                    {g.entries.iter().map(|e| view! { <EntryView entry=e.clone()/> }).collect_view()}
                </section>
            }).collect_view())}
        </section>
    }
}

/// One lesson's, exercise's or scenario's part of the notebook.
#[component]
fn EntryView(entry: Entry) -> impl IntoView {
    let link = href(entry.kind, entry.slug);
    let label = match entry.kind {
        Kind::Lesson => "",
        Kind::Exercise => "Exercise: ",
        Kind::Scenario => "Scenario: ",
    };
    let many = entry.texts.len() > 1;
    view! {
        <article class="notebook-entry">
            <h3>{label}<a href=link.clone()>{entry.title}</a></h3>
            {entry.bookmarked.then(|| view! { <p class="notebook-bookmark"><span aria-hidden="true">"★ "</span>"Bookmarked"</p> })}
            {entry.result.map(|r| view! { <p>{r}</p> })}
            {many.then(|| view! {
                <p class="scenario-notice">"Changed in two places that did not see each other's change: both versions are kept. Open it to keep what you want."</p>
            })}
            {entry.texts.into_iter().enumerate().map(|(i, t)| {
                let link = link.clone();
                view! {
                    {many.then(|| view! { <p class="notebook-version">{format!("Version {}", i + 1)}</p> })}
                    <div class="notebook-text">
                        {blocks(&t).into_iter().map(|b| match b {
                            Block::Text(t) => view! { <p>{t}</p> }.into_any(),
                            Block::Quote { text, source } => view! {
                                <blockquote>
                                    <p>{text}</p>
                                    {source.map(|(heading, anchor)| {
                                        let to = if anchor.is_empty() { link.clone() } else { format!("{link}#{anchor}") };
                                        view! { <p class="notebook-source">"— "<a href=to>{heading}</a></p> }
                                    })}
                                </blockquote>
                            }.into_any(),
                        }).collect_view()}
                    </div>
                }
            }).collect_view()}
        </article>
    }
}
