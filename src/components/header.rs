//! The site header: one row on a phone — outline, title, search and a menu for the rest.
//!
//! Wide screens also show the Progress and Glossary links in the row; the menu holds them
//! too, with the theme, text size, shortcuts and print options.

use leptos::prelude::*;

use crate::components::display::{TextSizePicker, ThemePicker};
use crate::components::outline::OutlineButton;
use crate::components::search::SearchButton;
use crate::components::shortcuts::HelpOpen;
use crate::model::review::review_label;
use crate::model::routes::{ReviewScope, Route};
use crate::outline::COURSE;
use crate::paths;
use crate::state::learning::use_due_count;
use crate::state::preferences::use_preferences;

/// The id of the menu's panel, which its button controls.
const MENU_PANEL_ID: &str = "site-menu-panel";

/// The header of every page. Its Review link opens the full review, also from one lesson's
/// practice (`review/?lesson=<slug>`).
#[component]
pub fn SiteHeader() -> impl IntoView {
    let due = use_due_count();
    view! {
        <header class="site-header">
            <OutlineButton/>
            <a href=paths::home() class="site-title"><span class="site-title-text">{COURSE.title}</span></a>
            <nav class="site-nav" aria-label="Site">
                <a href=paths::route(Route::Review(ReviewScope::All))>{move || review_label(due.get())}</a>
                <a href=paths::progress()>"Progress"</a>
                <a href=paths::glossary()>"Glossary"</a>
            </nav>
            <SearchButton/>
            <SiteMenu/>
        </header>
    }
}

/// A disclosure button and its panel. Escape, a click outside or following a link closes it.
#[component]
fn SiteMenu() -> impl IntoView {
    let open = RwSignal::new(false);
    let due = use_due_count();
    let HelpOpen(help) = expect_context();
    let print_answers = use_preferences().print_answers;
    let root = NodeRef::<leptos::html::Div>::new();
    let button = NodeRef::<leptos::html::Button>::new();

    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        let inside = root
            .get_untracked()
            .zip(ev.target())
            .is_some_and(|(r, t)| r.contains(wasm_bindgen::JsCast::dyn_ref::<web_sys::Node>(&t)));
        if !inside && open.get_untracked() {
            open.set(false);
        }
    });
    on_cleanup(move || outside.remove());
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.prevent_default();
            open.set(false);
            if let Some(b) = button.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    let on_click_panel = move |ev: leptos::ev::MouseEvent| {
        let on_link = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|t| t.closest("a").ok().flatten())
            .is_some();
        if on_link {
            open.set(false);
        }
    };

    view! {
        <div class="site-menu" node_ref=root on:keydown=on_keydown>
            <button type="button" class="button icon-button site-menu-button" node_ref=button
                aria-expanded=move || open.get().to_string() aria-controls=MENU_PANEL_ID
                on:click=move |_| open.update(|o| *o = !*o)>
                <span aria-hidden="true">"⋯"</span><span class="icon-button-label">"Menu"</span>
            </button>
            <div id=MENU_PANEL_ID class="site-menu-panel" hidden=move || !open.get() on:click=on_click_panel>
                <ul class="site-menu-links" aria-label="Pages">
                    <li class="wide-duplicate"><a href=paths::route(Route::Review(ReviewScope::All))>{move || review_label(due.get())}</a></li>
                    <li><a href=paths::exam()>"Practice exam"</a></li>
                    <li><a href=paths::scenarios()>"Decision scenarios"</a></li>
                    <li><a href=paths::exercises()>"Written exercises"</a></li>
                    <li><a href=paths::notebook()>"Your notebook"</a></li>
                    <li><a href=paths::continue_page()>"Continue on another device"</a></li>
                    <li class="wide-duplicate"><a href=paths::progress()>"Your progress"</a></li>
                    <li class="wide-duplicate"><a href=paths::glossary()>"Glossary"</a></li>
                </ul>
                <ThemePicker/>
                <TextSizePicker/>
                <label class="preference preference-check">
                    <input type="checkbox" prop:checked=move || print_answers.get()
                        on:change=move |ev| print_answers.set(event_target_checked(&ev))/>
                    " Print quiz answers with lessons"
                </label>
                <button type="button" class="button" on:click=move |_| { open.set(false); help.set(true); }>
                    "Keyboard shortcuts"
                </button>
            </div>
        </div>
    }
}
