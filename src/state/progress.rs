//! The learner's progress as the app holds it: loaded once, saved by one effect, kept in step
//! with other tabs, and protected by asking the browser to persist it.

use leptos::prelude::*;

use crate::model::progress::Progress;
use crate::outline::COURSE;
use crate::storage::{Notice, Store, BEFORE_IMPORT_KEY, PROGRESS_KEY};

/// Progress for components that only read it.
#[derive(Clone, Copy)]
struct ProgressRead(ReadSignal<Progress>);

/// Progress for components that change it.
#[derive(Clone, Copy)]
struct ProgressWrite(RwSignal<Progress>);

/// What the learner should know about storage, if anything.
#[derive(Clone, Copy)]
struct StorageNoticeSignal(RwSignal<Option<Notice>>);

/// The learner's progress, read-only.
pub fn use_progress() -> ReadSignal<Progress> {
    expect_context::<ProgressRead>().0
}

/// The learner's progress, to read and change. Every change is saved.
pub fn use_progress_mut() -> RwSignal<Progress> {
    expect_context::<ProgressWrite>().0
}

/// The storage notice shown in the banner; `None` when all is well.
pub fn use_storage_notice() -> RwSignal<Option<Notice>> {
    expect_context::<StorageNoticeSignal>().0
}

/// Keeps the progress a "Replace" import is about to replace, so it can be restored.
pub fn keep_before_import(before: &Progress) {
    let _ = super::with_store(|s| s.set(BEFORE_IMPORT_KEY, &before.encode()));
}

/// Loads progress and provides it; sets up saving, tab sync and persistence.
pub(super) fn provide_progress(store: StoredValue<Store, LocalStorage>) {
    // Pages rendered at build time show a new learner's view: no storage there.
    let loaded = if cfg!(target_arch = "wasm32") {
        store.with_value(|s| s.load(COURSE.id))
    } else {
        crate::storage::Loaded {
            progress: Progress::new(COURSE.id),
            notice: None,
        }
    };
    let progress = RwSignal::new(loaded.progress);
    let notice = RwSignal::new(loaded.notice);
    provide_context(ProgressRead(progress.read_only()));
    provide_context(ProgressWrite(progress));
    provide_context(StorageNoticeSignal(notice));

    // The one place progress is saved: whenever it differs from what storage holds.
    // The write waits for the current task to end, so a click that changes progress (opening
    // a lesson) paints first; changes in the same task are saved together.
    let saved = StoredValue::new(progress.with_untracked(|p| p.encode()));
    let scheduled = StoredValue::new(false);
    let flush = move || {
        scheduled.set_value(false);
        let current = progress.with_untracked(|p| p.encode());
        if saved.with_value(|s| *s != current) {
            match store.with_value(|s| s.save_encoded(&current)) {
                Ok(()) => saved.set_value(current),
                Err(n) => notice.set(Some(n)),
            }
        }
    };
    Effect::new(move |_| {
        progress.track();
        if !scheduled.get_value() {
            scheduled.set_value(true);
            set_timeout(flush, std::time::Duration::ZERO);
        }
    });
    // Leaving the page (a reload, a link to another page, closing the tab) saves at once.
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| flush());
    on_cleanup(move || leaving.remove());

    // Another tab saved progress: take it, so every open tab shows the same.
    // (The `storage` event never fires in the tab that wrote.)
    let sync = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(PROGRESS_KEY) {
            return;
        }
        if let Some(theirs) = ev
            .new_value()
            .and_then(|raw| Progress::decode(&raw, COURSE.id).ok())
        {
            saved.set_value(theirs.encode());
            progress.set(theirs);
        }
    });
    on_cleanup(move || sync.remove());

    // Once the learner has something to lose, ask the browser to keep it (Chromium decides
    // silently; other browsers may ask the learner, which is why this waits for a completion).
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        let has_progress = progress.with(|p| p.completed_count(&COURSE).0 > 0);
        if has_progress && !asked.get_value() {
            asked.set_value(true);
            leptos::task::spawn_local(async {
                if crate::storage::persisted().await == Some(false) {
                    let _ = crate::storage::request_persistence().await;
                }
            });
        }
    });
}
