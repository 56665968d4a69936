//! Reading comfort: theme (light, dark, or the system's) and text size, as selects.
//!
//! The values live in the preferences store (`state::preferences`), which remembers them and
//! applies them to the root element.

use leptos::prelude::*;

use crate::state::preferences::{use_preferences, RootChoice, TEXT_SIZE, THEME};

/// The theme select.
#[component]
pub fn ThemePicker() -> impl IntoView {
    view! { <RootPreference choice=&THEME value=use_preferences().theme/> }
}

/// The text size select.
#[component]
pub fn TextSizePicker() -> impl IntoView {
    view! { <RootPreference choice=&TEXT_SIZE value=use_preferences().text_size/> }
}

/// A labeled select over one of the root choices.
#[component]
fn RootPreference(
    /// What can be chosen, and how it is labeled.
    choice: &'static RootChoice,
    /// The chosen value.
    value: RwSignal<&'static str>,
) -> impl IntoView {
    let on_change = move |ev| {
        let picked = event_target_value(&ev);
        if let Some((v, _)) = choice.choices.iter().find(|(v, _)| *v == picked) {
            value.set(v);
        }
    };
    view! {
        <label class="preference">
            <span class="preference-label">{choice.label}</span>
            <select class="preference-select" on:change=on_change prop:value=move || value.get()>
                {choice.choices.iter().map(|(v, l)| view! {
                    <option value=*v selected=move || value.get() == *v>{*l}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
