//! The search dialog: the build-time index, fetched on first use, queried on every keystroke.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::lesson_store::fetch_text;
use crate::model::search::{self, snippet, Doc, DocKind, Hit, SearchIndex, Segment};
use crate::outline::{COURSE, SEARCH_INDEX_FILE};
use crate::paths;

/// How many results are shown.
pub const RESULT_LIMIT: usize = 20;

thread_local! {
    static INDEX: RefCell<Option<Rc<SearchIndex>>> = const { RefCell::new(None) };
}

/// Opening and closing the dialog, shared with the header button and the keyboard shortcuts.
#[derive(Clone, Copy)]
pub struct SearchOpen(pub RwSignal<bool>);

async fn load_index() -> Result<Rc<SearchIndex>, String> {
    if let Some(index) = INDEX.with(|i| i.borrow().clone()) {
        return Ok(index);
    }
    let text = fetch_text(&paths::asset(SEARCH_INDEX_FILE), "the search index").await?;
    let index =
        SearchIndex::from_json(&text).map_err(|e| format!("the search index is damaged ({e})"))?;
    let index = Rc::new(index);
    INDEX.with(|i| *i.borrow_mut() = Some(index.clone()));
    Ok(index)
}

/// The header's search button.
#[component]
pub fn SearchButton() -> impl IntoView {
    let SearchOpen(open) = expect_context();
    view! {
        <button type="button" class="button icon-button search-button" aria-haspopup="dialog"
            aria-keyshortcuts="/ Control+K Meta+K" on:click=move |_| open.set(true)>
            <span aria-hidden="true">"⌕"</span><span class="icon-button-label">"Search"</span>
        </button>
    }
}

/// The search dialog: a combobox over a list of ranked results.
#[component]
pub fn SearchDialog(
    /// What the learner already typed (into the lesson bundle's stand-in, while this loaded).
    #[prop(optional)]
    typed: String,
) -> impl IntoView {
    let SearchOpen(open) = expect_context();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let input = NodeRef::<leptos::html::Input>::new();
    // Text typed into the stand-in goes on being typed here: the caret stays at its end once.
    let handed_over = StoredValue::new(!typed.is_empty());
    let query = RwSignal::new(typed);
    let index: RwSignal<Option<Result<Rc<SearchIndex>, String>>, LocalStorage> =
        RwSignal::new_local(None);
    let active = RwSignal::new(0usize);
    let navigate = crate::router::use_navigate();

    let hits = Memo::new(move |_| {
        let q = query.get();
        index.with(|i| match i {
            Some(Ok(index)) => index.query(&q, RESULT_LIMIT),
            _ => Vec::new(),
        })
    });

    show_when_open(open, dialog, input, index, handed_over);

    let open_hit = move |hit: usize| {
        let Some(doc) = index.with_untracked(|i| match i {
            Some(Ok(index)) => {
                hits.with_untracked(|h| h.get(hit).map(|h| index.docs[h.doc].clone()))
            }
            _ => None,
        }) else {
            return;
        };
        open.set(false);
        navigate(&href(&doc));
        // The target page may already be rendered (same lesson, or the glossary).
        set_timeout(
            crate::document::scroll_to_hash,
            std::time::Duration::from_millis(60),
        );
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = hits.with_untracked(Vec::len);
        match ev.key().as_str() {
            key @ ("ArrowDown" | "ArrowUp") if count > 0 => {
                ev.prevent_default();
                active.update(|a| *a = search::step(*a, count, key == "ArrowDown"));
            }
            // A search field would clear itself first; here Escape always closes.
            "Escape" => {
                ev.prevent_default();
                open.set(false);
            }
            "Enter" if count > 0 => {
                ev.prevent_default();
                open_hit(active.get_untracked());
            }
            _ => {}
        }
    };

    let status = move || {
        index.with(|i| {
            let state = match i {
                None => search::IndexState::Loading,
                Some(Err(e)) => search::IndexState::Failed(e),
                Some(Ok(_)) => search::IndexState::Ready,
            };
            search::status(&query.get(), state, hits.with(Vec::len))
        })
    };

    view! {
        <dialog class="search-dialog" node_ref=dialog aria-labelledby="search-title"
            on:close=move |_| { open.set(false); crate::document::release_focus(dialog.get_untracked()); }>
            <div class="search-header">
                <h2 id="search-title">"Search the course"</h2>
                <button type="button" class="button" on:click=move |_| open.set(false)>"Close"</button>
            </div>
            <input id="search-input" node_ref=input type="search" autocomplete="off" spellcheck="false"
                role="combobox" aria-autocomplete="list" aria-controls="search-results"
                aria-expanded=move || (!hits.with(Vec::is_empty)).to_string()
                aria-activedescendant=move || (!hits.with(Vec::is_empty)).then(|| format!("search-result-{}", active.get()))
                aria-describedby="search-status"
                placeholder="Search lessons, terms and questions"
                prop:value=move || query.get()
                on:input=move |ev| { query.set(event_target_value(&ev)); active.set(0); }
                on:keydown=on_keydown/>
            <p id="search-status" class="search-status" role="status">{status}</p>
            <ul id="search-results" class="search-results" role="listbox" aria-label="Results">
                {move || {
                    let q = query.get();
                    index.with(|i| match i {
                        Some(Ok(index)) => hits.get().into_iter().enumerate().map(|(i, Hit { doc, .. })| {
                            let doc = &index.docs[doc];
                            let title = snippet(&doc.title, &q, 400);
                            let segments = snippet(&doc.text, &q, 160);
                            view! {
                                <li id=format!("search-result-{i}") class="search-result" role="option"
                                    aria-selected=move || (active.get() == i).to_string()
                                    on:click=move |_| open_hit(i)
                                    on:mousemove=move |_| if active.get_untracked() != i { active.set(i) }>
                                    <span class="search-result-title">{highlighted(title)}</span>
                                    <span class="search-result-place">{place(doc)}</span>
                                    <span class="search-result-snippet">{highlighted(segments)}</span>
                                </li>
                            }
                        }).collect_view().into_any(),
                        _ => ().into_any(),
                    })
                }}
            </ul>
        </dialog>
    }
}

/// Opens and closes the native dialog with `open` (it traps focus, closes on Escape and returns
/// focus), focuses the field, and fetches the index the first time.
fn show_when_open(
    open: RwSignal<bool>,
    dialog: NodeRef<leptos::html::Dialog>,
    input: NodeRef<leptos::html::Input>,
    index: RwSignal<Option<Result<Rc<SearchIndex>, String>>, LocalStorage>,
    handed_over: StoredValue<bool>,
) {
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        if open.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
            if let Some(i) = input.get_untracked() {
                let _ = i.focus();
                if handed_over.get_value() {
                    handed_over.set_value(false);
                } else {
                    i.select();
                }
            }
            if index.with_untracked(Option::is_none) {
                leptos::task::spawn_local(async move {
                    index.set(Some(load_index().await));
                });
            }
        } else if d.open() {
            d.close();
            // At once, not only on the `close` event a task later (see `release_focus`).
            crate::document::release_focus(Some(d));
        }
    });
}

/// Snippet segments as text with `<mark>` around the matches.
fn highlighted(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(|s| {
            if s.highlight {
                view! { <mark>{s.text}</mark> }.into_any()
            } else {
                s.text.into_any()
            }
        })
        .collect_view()
}

/// Where a result opens.
fn href(doc: &Doc) -> String {
    match doc.kind {
        DocKind::Term => format!("{}#{}", paths::glossary(), doc.anchor),
        _ if doc.anchor.is_empty() => paths::lesson(&doc.target),
        _ => format!("{}#{}", paths::lesson(&doc.target), doc.anchor),
    }
}

/// The lesson and module a result belongs to, in words.
fn place(doc: &Doc) -> String {
    match doc.kind {
        DocKind::Term => "Glossary".into(),
        kind => match COURSE.find_lesson(&doc.target) {
            Some(r) => {
                let quiz = if kind == DocKind::Question {
                    "Quiz · "
                } else {
                    ""
                };
                format!("{quiz}{} · {}", r.lesson.title, r.module.title)
            }
            None => String::new(),
        },
    }
}
