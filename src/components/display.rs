//! Reading comfort: theme (light, dark, or the system's) and text size, remembered across visits.
//!
//! Each preference is an attribute on the root element that `style/base.css` reads, stored
//! under its own key; `index.html` applies both before the first paint.

use leptos::prelude::*;

use crate::app::ProgressContext;
use crate::storage::{TEXT_SIZE_KEY, THEME_KEY};

/// The theme select.
#[component]
pub fn ThemePicker() -> impl IntoView {
    view! {
        <RootPreference key=THEME_KEY attribute="data-theme" label="Theme"
            choices=&[("system", "System theme"), ("light", "Light"), ("dark", "Dark")]/>
    }
}

/// The text size select.
#[component]
pub fn TextSizePicker() -> impl IntoView {
    view! {
        <RootPreference key=TEXT_SIZE_KEY attribute="data-text-size" label="Text size"
            choices=&[("standard", "Standard text"), ("small", "Small text"), ("large", "Large text"), ("larger", "Larger text")]/>
    }
}

/// A remembered choice shown as a select, applied as an attribute on the root element.
/// The first choice is the default, which sets no attribute.
#[component]
fn RootPreference(
    /// The storage key it is remembered under.
    key: &'static str,
    /// The attribute set on `<html>`.
    attribute: &'static str,
    /// The select's accessible name.
    label: &'static str,
    /// (value, label) pairs; the first is the default.
    choices: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    let ProgressContext { store, .. } = expect_context();
    let default = choices[0].0;
    let initial = store
        .with_value(|s| s.get(key))
        .filter(|v| choices.iter().any(|(c, _)| c == v))
        .unwrap_or_else(|| default.into());
    let value = RwSignal::new(initial);
    Effect::new(move |_| {
        let v = value.get();
        if let Some(root) = document().document_element() {
            let _ = if v == default {
                root.remove_attribute(attribute)
            } else {
                root.set_attribute(attribute, &v)
            };
        }
        // Not being able to remember it is harmless; the storage notice covers storage.
        let _ = store.with_value(|s| s.set(key, &v));
    });
    view! {
        <select class="preference-select" aria-label=label
            on:change=move |ev| value.set(event_target_value(&ev))
            prop:value=move || value.get()>
            {choices.iter().map(|(v, l)| view! { <option value=*v>{*l}</option> }).collect_view()}
        </select>
    }
}
