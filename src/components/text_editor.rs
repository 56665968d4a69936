//! A text the learner writes (a lesson's note, an exercise's answer): a text area written into
//! the record as it is typed, into one edit while this page keeps writing (so the record does
//! not grow with every keystroke), with its limits and a conflict shown when two places wrote
//! it without seeing each other. The rules are `Progress::text` and `write`.
//!
//! Each keystroke changes the record in memory without telling anyone; the record is saved (and
//! what reads it updates) once the typing pauses for [`SETTLE`] or the text area loses focus.
//! The saving in `state::progress` encodes the whole record, which with a large record is too
//! much work for every key. Nothing waits to be lost: leaving the page saves the record as it is
//! in memory, and another tab's save is merged into it.

use leptos::prelude::*;

use std::time::Duration;

use leptos::leptos_dom::helpers::TimeoutHandle;

use crate::model::progress::{Progress, Time, TEXTS_LIMIT, TEXT_LIMIT};
use crate::state::progress::{now, use_progress_mut};

/// How long typing pauses before the text is saved.
pub const SETTLE: Duration = Duration::from_millis(400);

/// One text being written: its key in the record, the edit this page saves into and what its
/// text continues. Copy it to whoever adds to the text (a quote, for a note).
#[derive(Clone, Copy)]
pub struct Draft {
    key: StoredValue<String>,
    editing: StoredValue<Option<Time>>,
    base: StoredValue<Vec<(String, Time, Time)>>,
    /// The save waiting for the typing to pause.
    pending: StoredValue<Option<TimeoutHandle>>,
    progress: RwSignal<Progress>,
    /// The text as it is now, also when a conflict shows both versions.
    pub value: RwSignal<String>,
    /// Whether the text was changed in two places that did not see each other's change.
    pub conflict: bool,
}

impl Draft {
    /// The text saved under `key`; `start` is what an unwritten text shows.
    pub fn new(key: String, start: &str) -> Draft {
        let progress = use_progress_mut();
        let text = progress.with_untracked(|p| p.text(&key));
        let initial = match text.current() {
            Some("") => start.to_string(),
            Some(t) => t.to_string(),
            None => text
                .heads
                .iter()
                .enumerate()
                .map(|(i, h)| format!("----- Version {} -----\n{}", i + 1, h.text))
                .collect::<Vec<_>>()
                .join("\n\n"),
        };
        Draft {
            key: StoredValue::new(key),
            editing: StoredValue::new(None),
            base: StoredValue::new(text.names()),
            pending: StoredValue::new(None),
            progress,
            value: RwSignal::new(initial),
            conflict: text.heads.len() > 1,
        }
    }

    /// Writes `text` as the new text; it is saved once the typing pauses ([`Draft::settle`]).
    pub fn save(self, text: String) {
        self.progress.update_untracked(|p| {
            let saved = self.key.with_value(|key| {
                p.write(
                    key,
                    self.editing.get_value(),
                    &self.base.get_value(),
                    &text,
                    now(),
                )
            });
            self.editing.set_value(Some(saved.1));
            self.base.set_value(vec![saved]);
        });
        self.value.set(text);
        if let Some(h) = self.pending.get_value() {
            h.clear();
        }
        let later = set_timeout_with_handle(move || self.settle(), SETTLE).ok();
        self.pending.set_value(later);
    }

    /// Saves what was written, now: tells the record's readers (and so its saving) it changed.
    pub fn settle(self) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
            self.pending.set_value(None);
            self.progress.notify();
        }
    }
}

/// The text area of a [`Draft`], with its note on saving and limits. `noun` names the text in
/// messages ("note", "answer").
#[component]
pub fn TextEditor(
    draft: Draft,
    /// The text area's id (its label's `for`).
    id: &'static str,
    rows: u32,
    noun: &'static str,
    #[prop(optional)] node_ref: NodeRef<leptos::html::Textarea>,
) -> impl IntoView {
    let progress = use_progress_mut();
    let count = move || draft.value.with(|v| v.chars().count());
    let near_total = move || progress.with(|p| p.texts_size() * 10 >= TEXTS_LIMIT * 9);
    let note_id = format!("{id}-note");
    view! {
        {draft.conflict.then(|| view! {
            <p class="scenario-notice" role="status">
                {format!("This {noun} was changed in two places (two tabs or two devices) that did not see each other's change. Both versions are in the box below; keep what you want, and your next change replaces both.")}
            </p>
        })}
        <textarea id=id class="exercise-textarea" rows=rows.to_string() node_ref=node_ref
            maxlength=TEXT_LIMIT.to_string() aria-describedby=note_id.clone()
            prop:value=move || draft.value.get()
            on:input=move |ev| draft.save(event_target_value(&ev))
            on:blur=move |_| draft.settle()></textarea>
        <p id=note_id class="insights-note">
            {move || {
                let n = count();
                if n * 10 >= TEXT_LIMIT * 9 {
                    format!("{n} of {TEXT_LIMIT} characters: a {noun} can be at most {TEXT_LIMIT}.")
                } else {
                    "Saved in this browser as you type; it is part of your progress file.".to_string()
                }
            }}
            {move || near_total().then_some(" Your notes and answers are close to what this browser can keep: download your progress from the Progress page to keep a copy.")}
        </p>
    }
}
