//! A lesson's own tools: the bookmark toggle and the notes panel (collapsed until opened), with
//! "Add to notes" for a passage selected in the lesson: the quote lands in the note with a link
//! to the heading it is under (`model::notebook::add_quote`). Both apps' lesson pages have it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::text_editor::{Draft, TextEditor};
use crate::model::notebook::add_quote;
use crate::paths;
use crate::state::progress::{now, use_progress_mut};

/// A passage selected in the lesson, and the heading it is under.
#[derive(Clone, PartialEq)]
struct Passage {
    text: String,
    heading: String,
    anchor: String,
}

/// The bookmark toggle and the notes panel of the lesson `slug`, titled `title` (the whole
/// app's lesson page; the lesson bundle brings the same markup to life in two steps, see
/// `components::lazy_notes`).
#[component]
pub fn LessonTools(slug: &'static str, title: &'static str) -> impl IntoView {
    view! {
        <div class="lesson-tools">
            <BookmarkButton slug/>
            <NotesPanel slug=slug.to_string() title=title.to_string() open=false/>
        </div>
    }
}

/// Bookmarks the lesson `slug`, or removes its bookmark.
#[component]
pub fn BookmarkButton(slug: &'static str) -> impl IntoView {
    let progress = use_progress_mut();
    let bookmarked = move || progress.with(|p| p.bookmarked(slug));
    let toggle = move |_| {
        let on = !progress.with_untracked(|p| p.bookmarked(slug));
        progress.update(|p| p.set_bookmark(slug, on, now()));
    };
    view! {
        <button type="button" class="button bookmark-button" aria-pressed=move || bookmarked().to_string()
            on:click=toggle>
            <span aria-hidden="true">{move || if bookmarked() { "★ " } else { "☆ " }}</span>
            "Bookmark"
        </button>
    }
}

/// The notes panel of the lesson `slug` titled `title`, open at first if `open` (or if the
/// note is in conflict), with "Add to notes" while a passage of the lesson is selected.
#[component]
pub fn NotesPanel(slug: String, title: String, open: bool) -> impl IntoView {
    let draft = Draft::new(slug, "");
    let open = RwSignal::new(open || draft.conflict);
    let area = NodeRef::<leptos::html::Textarea>::new();
    let selected = RwSignal::new(None::<Passage>);
    let pressing = StoredValue::new(false);
    let status = RwSignal::new(String::new());
    if crate::platform::IN_BROWSER {
        watch_selection(title, selected, pressing);
    }
    let add = move |_| {
        pressing.set_value(false);
        let Some(p) = selected.get_untracked() else {
            return;
        };
        let text = draft
            .value
            .with_untracked(|v| add_quote(v, &p.text, &p.heading, &p.anchor));
        draft.save(text);
        selected.set(None);
        if let Ok(Some(s)) = document().get_selection() {
            let _ = s.remove_all_ranges();
        }
        open.set(true);
        status.set("The passage is in your notes, with a link to its section.".into());
        crate::document::after_frame(Box::new(move || {
            if let Some(area) = area.get_untracked() {
                let end = area.value().encode_utf16().count() as u32;
                let _ = area.focus();
                let _ = area.set_selection_range(end, end);
            }
        }));
    };
    view! {
        <div class="notes-root">
        <details class="notes-panel" prop:open=move || open.get()
            on:toggle=move |ev| {
                if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                    open.set(d.open());
                }
            }>
            <summary>"Notes"{move || draft.value.with(|v| !v.trim().is_empty()).then_some(WRITTEN)}</summary>
            <label class="notes-label" for="lesson-note">"Your notes on this lesson"</label>
            <p class="insights-note">"To quote the lesson, select a passage, then choose “Add to notes”."</p>
            <TextEditor draft id="lesson-note" rows=8 noun="note" node_ref=area/>
            <p><a href=paths::notebook()>"All your notes and bookmarks: the notebook"</a></p>
        </details>
            {move || selected.with(Option::is_some).then(|| view! {
                <button type="button" class="button button-primary quote-button"
                    on:pointerdown=move |_| pressing.set_value(true)
                    on:mousedown=|ev| ev.prevent_default()
                    on:click=add>"Add to notes"</button>
            })}
            <p class="visually-hidden" role="status">{move || status.get()}</p>
        </div>
    }
}

/// What the summary adds to "Notes" when the note has text.
pub const WRITTEN: &str = " · written";

/// Keeps `selected` on the passage selected in the lesson's text, while there is one (a press
/// on "Add to notes" that clears the selection keeps it until the click).
fn watch_selection(
    title: String,
    selected: RwSignal<Option<Passage>>,
    pressing: StoredValue<bool>,
) {
    let check = move || {
        let passage = document()
            .get_selection()
            .ok()
            .flatten()
            .filter(|s| !s.is_collapsed())
            .and_then(|s| passage_of(&s, &title));
        if passage.is_some() || !pressing.get_value() {
            selected.set(passage);
        }
    };
    // A passage selected before this code ran (the lesson bundle loads it on that selection).
    check();
    let handler = wasm_bindgen::closure::Closure::<dyn Fn()>::new(check);
    let target: web_sys::EventTarget = document().into();
    let _ = target
        .add_event_listener_with_callback("selectionchange", handler.as_ref().unchecked_ref());
    // Removed when the page goes (the whole app's navigation); a value the owner keeps, since
    // a cleanup must be `Send`.
    let listening = StoredValue::new_local(Some((target, handler)));
    on_cleanup(move || {
        listening.update_value(|l| {
            if let Some((target, handler)) = l.take() {
                let _ = target.remove_event_listener_with_callback(
                    "selectionchange",
                    handler.as_ref().unchecked_ref(),
                );
            }
        })
    });
}

/// The selected passage, if it lies in the lesson's text, with the heading before it.
fn passage_of(s: &web_sys::Selection, title: &str) -> Option<Passage> {
    let element_of = |n: web_sys::Node| -> Option<web_sys::Element> {
        match n.dyn_ref::<web_sys::Element>() {
            Some(e) => Some(e.clone()),
            None => n.parent_element(),
        }
    };
    let start = element_of(s.anchor_node()?)?;
    let body = start.closest(".lesson-body").ok()??;
    let end = element_of(s.focus_node()?)?;
    if !body.contains(Some(&end)) {
        return None;
    }
    let text = String::from(s.to_string());
    if text.trim().is_empty() {
        return None;
    }
    // The top-level block the passage starts in, then back to the nearest heading.
    let mut block = Some(start);
    while let Some(b) = block.clone() {
        if b.parent_element().as_ref() == Some(&body) {
            break;
        }
        block = b.parent_element();
    }
    let mut at = block;
    while let Some(e) = at {
        if matches!(e.tag_name().as_str(), "H2" | "H3") && !e.id().is_empty() {
            return Some(Passage {
                text,
                heading: e.text_content().unwrap_or_default(),
                anchor: e.id(),
            });
        }
        at = e.previous_element_sibling();
    }
    Some(Passage {
        text,
        heading: title.to_string(),
        anchor: String::new(),
    })
}
