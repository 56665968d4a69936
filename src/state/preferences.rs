//! The learner's preferences: theme, text size, shortcuts, closed outline modules, whether
//! printed lessons carry the answers, the name on the printed course summary and the weekly
//! goal. Each is a signal, remembered under its own key.
//!
//! Theme and text size are attributes on `<html>` that `style/base.css` reads; `index.html`
//! applies the stored ones before the first paint, and the app keeps them in step after.

use leptos::prelude::*;

use crate::storage::{
    Store, GOAL_KEY, NAME_KEY, OUTLINE_KEY, PRINT_ANSWERS_KEY, SHORTCUTS_KEY, TEXT_SIZE_KEY,
    THEME_KEY,
};

/// A choice kept as an attribute on the root element: its key, attribute and (value, label)
/// pairs, the first being the default, which sets no attribute.
pub struct RootChoice {
    pub key: &'static str,
    pub attribute: &'static str,
    pub label: &'static str,
    pub choices: &'static [(&'static str, &'static str)],
}

/// The theme: the system's, or always light or dark.
pub const THEME: RootChoice = RootChoice {
    key: THEME_KEY,
    attribute: "data-theme",
    label: "Theme",
    choices: &[
        ("system", "System theme"),
        ("light", "Light"),
        ("dark", "Dark"),
    ],
};

/// The text size.
pub const TEXT_SIZE: RootChoice = RootChoice {
    key: TEXT_SIZE_KEY,
    attribute: "data-text-size",
    label: "Text size",
    choices: &[
        ("standard", "Standard text"),
        ("small", "Small text"),
        ("large", "Large text"),
        ("larger", "Larger text"),
    ],
};

/// Every preference, each a signal that saves itself when it changes.
#[derive(Clone, Copy)]
pub struct Preferences {
    /// A value of [`THEME`].
    pub theme: RwSignal<&'static str>,
    /// A value of [`TEXT_SIZE`].
    pub text_size: RwSignal<&'static str>,
    /// Whether single-key shortcuts act.
    pub shortcuts: RwSignal<bool>,
    /// Slugs of the modules the learner closed in the outline.
    pub outline_closed: RwSignal<crate::model::collections::Set<String>>,
    /// Whether printed lessons include the quiz answers.
    pub print_answers: RwSignal<bool>,
    /// The learner's name on the printed course summary, as they typed it.
    pub learner_name: RwSignal<String>,
    /// The weekly goal, if the learner set one (`model::plan`).
    pub weekly_goal: RwSignal<Option<crate::model::plan::Goal>>,
}

/// The learner's preferences.
pub fn use_preferences() -> Preferences {
    expect_context()
}

/// Loads every preference and provides them; each one is saved when it changes.
pub(super) fn provide_preferences(store: StoredValue<Store, LocalStorage>) {
    let get = move |key: &str| store.with_value(|s| s.get(key));
    let prefs = Preferences {
        theme: RwSignal::new(root_value(&THEME, get(THEME.key))),
        text_size: RwSignal::new(root_value(&TEXT_SIZE, get(TEXT_SIZE.key))),
        shortcuts: RwSignal::new(get(SHORTCUTS_KEY).as_deref() != Some("off")),
        outline_closed: RwSignal::new(
            get(OUTLINE_KEY)
                .map(|v| {
                    let mut closed = crate::model::collections::Set::default();
                    for s in v.split(',').filter(|s| !s.is_empty()) {
                        closed.insert(s.to_string());
                    }
                    closed
                })
                .unwrap_or_default(),
        ),
        print_answers: RwSignal::new(get(PRINT_ANSWERS_KEY).as_deref() == Some("on")),
        learner_name: RwSignal::new(get(NAME_KEY).unwrap_or_default()),
        weekly_goal: RwSignal::new(
            get(GOAL_KEY).and_then(|g| crate::model::plan::Goal::decode(&g)),
        ),
    };
    provide_context(prefs);

    // Not being able to remember a preference is harmless; the storage notice covers storage.
    let remember = move |key: &'static str, value: String| {
        let _ = store.with_value(|s| s.set(key, &value));
    };
    for (choice, signal) in [(&THEME, prefs.theme), (&TEXT_SIZE, prefs.text_size)] {
        Effect::new(move |first: Option<()>| {
            let value = signal.get();
            if first.is_some() {
                apply_root(choice, value);
                remember(choice.key, value.to_string());
            }
        });
    }
    Effect::new(move |first: Option<()>| {
        let on = prefs.shortcuts.get();
        if first.is_some() {
            remember(SHORTCUTS_KEY, if on { "on" } else { "off" }.into());
        }
    });
    Effect::new(move |first: Option<()>| {
        let value = prefs
            .outline_closed
            .with(|c| c.iter().cloned().collect::<Vec<_>>().join(","));
        if first.is_some() {
            remember(OUTLINE_KEY, value);
        }
    });
    Effect::new(move |first: Option<()>| {
        let on = prefs.print_answers.get();
        if first.is_some() {
            remember(PRINT_ANSWERS_KEY, if on { "on" } else { "off" }.into());
        }
    });
    Effect::new(move |first: Option<()>| {
        let goal = prefs.weekly_goal.get();
        if first.is_some() {
            match goal {
                Some(g) => remember(GOAL_KEY, g.encode()),
                None => store.with_value(|s| s.remove(GOAL_KEY)),
            }
        }
    });
    Effect::new(move |first: Option<()>| {
        let name = prefs.learner_name.get();
        if first.is_some() {
            remember(NAME_KEY, name);
        }
    });
}

/// The stored value if it is one of the choices, else the default.
fn root_value(choice: &RootChoice, stored: Option<String>) -> &'static str {
    choice
        .choices
        .iter()
        .map(|(value, _)| *value)
        .find(|value| stored.as_deref() == Some(*value))
        .unwrap_or(choice.choices[0].0)
}

/// Sets or clears the choice's attribute on `<html>`.
fn apply_root(choice: &RootChoice, value: &str) {
    if let Some(root) = document().document_element() {
        let _ = if value == choice.choices[0].0 {
            root.remove_attribute(choice.attribute)
        } else {
            root.set_attribute(choice.attribute, value)
        };
    }
}
