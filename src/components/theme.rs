//! The theme picker: light, dark, or follow the system, remembered across visits.

use leptos::prelude::*;

use crate::app::ProgressContext;
use crate::storage::THEME_KEY;

/// A select in the header that sets `data-theme` on the root element.
#[component]
pub fn ThemePicker() -> impl IntoView {
    let ProgressContext { store, .. } = expect_context();
    let initial = store
        .with_value(|s| s.get(THEME_KEY))
        .filter(|t| t == "light" || t == "dark")
        .unwrap_or_else(|| "system".into());
    let theme = RwSignal::new(initial);
    Effect::new(move |_| {
        let value = theme.get();
        if let Some(root) = document().document_element() {
            let _ = if value == "system" {
                root.remove_attribute("data-theme")
            } else {
                root.set_attribute("data-theme", &value)
            };
        }
        // Not being able to remember the theme is harmless; the storage notice covers it.
        let _ = store.with_value(|s| s.set(THEME_KEY, &value));
    });
    view! {
        <label class="theme-picker">
            <span class="visually-hidden">"Theme"</span>
            <select class="theme-select" aria-label="Theme"
                on:change=move |ev| theme.set(event_target_value(&ev))
                prop:value=move || theme.get()>
                <option value="system">"System theme"</option>
                <option value="light">"Light"</option>
                <option value="dark">"Dark"</option>
            </select>
        </label>
    }
}
