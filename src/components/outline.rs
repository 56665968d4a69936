//! The course outline: a sidebar on wide screens, a drawer on narrow ones.
//!
//! Modules open and close like disclosures and are remembered; each lesson shows its state
//! by icon and, for screen readers, by text; the current lesson is marked.

use leptos::prelude::*;

use crate::components::lesson_state::{state_class, state_icon};
use crate::model::review::mastery;
use crate::model::routes::Route;
use crate::outline::COURSE;
use crate::paths;
use crate::state::learning::use_items;
use crate::state::preferences::use_preferences;
use crate::state::progress::use_progress;

/// The media query under which the sidebar shows (as in `style/outline.css`).
const WIDE_SCREEN: &str = "(min-width: 64rem)";

/// Whether the narrow-screen drawer is open.
#[derive(Clone, Copy)]
pub struct DrawerOpen(pub RwSignal<bool>);

/// The button that opens the drawer; hidden on wide screens, where the sidebar shows.
#[component]
pub fn OutlineButton() -> impl IntoView {
    let DrawerOpen(open) = expect_context();
    view! {
        <button type="button" class="button icon-button outline-button" aria-haspopup="dialog"
            aria-expanded=move || open.get().to_string() on:click=move |_| open.set(true)>
            <span aria-hidden="true">"☰"</span><span class="icon-button-label">"Outline"</span>
        </button>
    }
}

/// The sidebar (wide screens) and the drawer (narrow screens), showing the same tree.
#[component]
pub fn OutlineNav() -> impl IntoView {
    let DrawerOpen(open) = expect_context();
    // Modules the learner closed; all are open by default.
    let closed = use_preferences().outline_closed;

    let drawer = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let Some(d) = drawer.get() else { return };
        if open.get() && !d.open() {
            let _ = d.show_modal();
        } else if !open.get() && d.open() {
            d.close();
        }
    });

    // Each tree is built only where it shows: the sidebar on wide screens, the drawer when open.
    // Pages rendered at build time have neither: the sidebar fills in when the app starts.
    let wide = RwSignal::new(false);
    if crate::platform::IN_BROWSER {
        wide.set(crate::platform::media_matches(WIDE_SCREEN));
        let listener = window_event_listener(leptos::ev::resize, move |_| {
            let now = crate::platform::media_matches(WIDE_SCREEN);
            if now != wide.get_untracked() {
                wide.set(now);
            }
        });
        on_cleanup(move || listener.remove());
    }

    view! {
        <nav class="outline-sidebar" aria-label="Course outline">
            {move || wide.get().then(|| view! { <OutlineTree closed/> })}
        </nav>
        <dialog class="outline-drawer" node_ref=drawer aria-label="Course outline"
            on:close=move |_| open.set(false)
            on:click=move |ev: leptos::ev::MouseEvent| {
                // A click on the backdrop lands on the dialog itself; following a link also closes it.
                let on_dialog = ev.target().zip(drawer.get_untracked())
                    .is_some_and(|(t, d)| wasm_bindgen::JsValue::from(t) == wasm_bindgen::JsValue::from(d));
                let on_link = ev.target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                    .and_then(|t| t.closest("a").ok().flatten())
                    .is_some();
                if on_dialog || on_link { open.set(false); }
            }>
            <div class="outline-drawer-header">
                <h2>"Course outline"</h2>
                <button type="button" class="button" on:click=move |_| open.set(false)>"Close"</button>
            </div>
            {move || open.get().then(|| view! { <OutlineTree closed/> })}
        </dialog>
    }
}

/// Modules and their lessons.
#[component]
fn OutlineTree(
    /// Slugs of the modules the learner closed.
    closed: RwSignal<crate::model::collections::Set<String>>,
) -> impl IntoView {
    let progress = use_progress();
    let items = use_items();
    let path = crate::router::use_path();
    view! {
        <ol class="outline-tree">
            {COURSE.modules.iter().enumerate().map(|(m, module)| {
                let is_open = move || !closed.read().iter().any(|s| s == module.slug);
                let on_toggle = move |ev: leptos::ev::Event| {
                    let open = ev.target()
                        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDetailsElement>(t).ok())
                        .is_some_and(|d| d.open());
                    if open == is_open() { return; }
                    closed.update(|c| {
                        if open { c.remove(&module.slug.to_string()); } else { c.insert(module.slug.to_string()); }
                    });
                };
                let done = move || progress.with(|p| module.lessons.iter().filter(|l| p.is_completed(l.slug)).count());
                let total = module.lessons.len();
                let level = move || mastery(module, &items.read()).level;
                view! {
                    <li class="outline-tree-module">
                        <details prop:open=is_open on:toggle=on_toggle>
                            <summary>
                                <span class="outline-tree-title">{format!("{}. {}", m + 1, module.title)}</span>
                                <span class="outline-tree-progress">
                                    <progress max=total value=done aria-hidden="true"></progress>
                                    <span>{move || format!("{} of {total} done", done())}</span>
                                </span>
                                <span class="mastery" data-level=move || level().class()>{move || level().label()}</span>
                            </summary>
                            <ol class="outline-tree-lessons">
                                {module.lessons.iter().map(|lesson| {
                                    let state = move || progress.with(|p| p.state(lesson));
                                    view! {
                                        <li data-state=move || state_class(state())>
                                            <a href=paths::lesson(lesson.slug)
                                                aria-current=move || path.with(|p| (Route::parse(p) == Route::Lesson(lesson.slug)).then_some("page"))>
                                                <span class="outline-lesson-icon" aria-hidden="true">{move || state_icon(state())}</span>
                                                <span class="outline-tree-lesson-title">{lesson.title}</span>
                                                <span class="visually-hidden">{move || format!(", {}", state().label())}</span>
                                            </a>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        </details>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
