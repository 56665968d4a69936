//! Keyboard shortcuts and their help dialog. They never fire while the learner types in a
//! field, and can be turned off (remembered).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::search::SearchOpen;
use crate::state::preferences::use_preferences;

/// The shortcuts, as the help dialog lists them.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("/ or Ctrl+K", "Search the course"),
    ("n", "Next lesson"),
    ("p", "Previous lesson"),
    ("?", "Show this help"),
];

/// Whether the help dialog is open.
#[derive(Clone, Copy)]
pub struct HelpOpen(pub RwSignal<bool>);

/// Listens for shortcuts on the whole page, and renders the help dialog.
#[component]
pub fn Shortcuts() -> impl IntoView {
    let SearchOpen(search) = expect_context();
    let HelpOpen(help) = expect_context();
    let enabled = use_preferences().shortcuts;

    let listener = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented() || typing(&ev) {
            return;
        }
        let key = ev.key();
        let command = ev.ctrl_key() || ev.meta_key();
        if command && key.eq_ignore_ascii_case("k") {
            // Ctrl/Cmd+K is the one shortcut with a modifier; it works even with the others off.
            ev.prevent_default();
            search.set(true);
            return;
        }
        if !enabled.get_untracked() || command || ev.alt_key() {
            return;
        }
        match key.as_str() {
            "/" => {
                ev.prevent_default();
                search.set(true);
            }
            "?" => {
                ev.prevent_default();
                help.set(true);
            }
            "n" => click("a[rel=\"next\"]"),
            "p" => click("a[rel=\"prev\"]"),
            _ => {}
        }
    });
    on_cleanup(move || listener.remove());

    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        if help.get() && !d.open() {
            let _ = d.show_modal();
        } else if !help.get() && d.open() {
            d.close();
        }
    });
    let toggle = move |ev: leptos::ev::Event| enabled.set(event_target_checked(&ev));

    view! {
        <dialog class="help-dialog" node_ref=dialog aria-labelledby="help-title" on:close=move |_| help.set(false)>
            <h2 id="help-title">"Keyboard shortcuts"</h2>
            <table class="shortcut-table">
                <thead><tr><th scope="col">"Key"</th><th scope="col">"Does"</th></tr></thead>
                <tbody>
                    {SHORTCUTS.iter().map(|(key, what)| view! {
                        <tr><td><kbd>{*key}</kbd></td><td>{*what}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="help-note">"Shortcuts never act while you type in a field."</p>
            <label class="help-toggle">
                <input type="checkbox" prop:checked=move || enabled.get() on:change=toggle/>
                " Single-key shortcuts on"
            </label>
            <div class="button-row">
                <button type="button" class="button" on:click=move |_| help.set(false)>"Close"</button>
            </div>
        </dialog>
    }
}

/// True when the key press belongs to a field the learner is typing in.
pub fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let tag = el.tag_name();
    let text_input = tag == "INPUT"
        && !matches!(
            el.get_attribute("type").as_deref(),
            Some("checkbox" | "radio" | "button" | "submit")
        );
    text_input
        || tag == "TEXTAREA"
        || tag == "SELECT"
        || el.closest("[contenteditable]").ok().flatten().is_some()
}

fn click(selector: &str) {
    if let Some(el) = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.click();
    }
}
