//! The learner's progress as the app holds it: loaded once, saved by one effect, merged with
//! what other tabs save, and protected by asking the browser to persist it.

use leptos::prelude::*;

use crate::model::progress::{Progress, Time};
use crate::outline::COURSE;
use crate::storage::{Notice, Store, BEFORE_IMPORT_KEY, PROGRESS_KEY};

/// Progress for components that only read it.
#[derive(Clone, Copy)]
struct ProgressRead(ReadSignal<Progress>);

/// Progress for components that change it.
#[derive(Clone, Copy)]
struct ProgressWrite(RwSignal<Progress>);

/// The event a bundle dispatches on the window when it has saved the record: two bundles in
/// one page (the lesson bundle and the shell or notes bundle) each hold the record, and the
/// browser's `storage` event reaches only other pages.
pub const SAVED_EVENT: &str = "tpm-record-saved";

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

/// The time for a new fact in the record: the browser's clock, in milliseconds.
pub fn now() -> Time {
    crate::platform::now()
}

/// A new id for this browser's facts: six random letters and digits.
fn new_device_id() -> String {
    let mut n = (crate::platform::random() * 36f64.powi(6)) as u64;
    (0..6)
        .map(|_| {
            let c = char::from_digit((n % 36) as u32, 36).unwrap_or('0');
            n /= 36;
            c
        })
        .collect()
}

/// Keeps the progress a "Replace" import is about to replace, so it can be downloaded later.
pub fn keep_before_import(before: &Progress) {
    let _ = super::with_store(|s| s.set(BEFORE_IMPORT_KEY, &before.encode()));
}

/// Every backup in storage, for the Progress page.
pub fn backups() -> Vec<crate::storage::Backup> {
    super::with_store(|s| s.backups(COURSE.id))
}

/// Deletes one backup.
pub fn delete_backup(key: &str) {
    super::with_store(|s| s.remove(key));
}

/// Carries progress stored under lessons' former slugs to their current ones.
fn renamed(mut p: Progress) -> Progress {
    p.rename_lessons(COURSE.renames());
    p
}

/// Loads progress and provides it; sets up saving, tab merging and persistence.
pub(super) fn provide_progress(store: StoredValue<Store, LocalStorage>) {
    // Pages rendered at build time show a new learner's view: no storage there.
    let loaded = if crate::platform::IN_BROWSER {
        store.with_value(|s| s.load(COURSE.id, now()))
    } else {
        crate::storage::Loaded {
            progress: Progress::new(COURSE.id, ""),
            notice: None,
        }
    };
    let mut first = renamed(loaded.progress);
    if first.device.is_empty() {
        first.device = new_device_id();
    }
    let progress = RwSignal::new(first);
    let notice = RwSignal::new(loaded.notice);
    provide_context(ProgressRead(progress.read_only()));
    provide_context(ProgressWrite(progress));
    provide_context(StorageNoticeSignal(notice));

    // What another tab (or an older copy of the course) wrote: merged into this tab's progress,
    // never replacing it. A newer version's record stops this tab's saves instead.
    let take_in = move |raw: &str| match Progress::decode(raw, COURSE.id) {
        Ok(theirs) => {
            let theirs = renamed(theirs);
            // Notifies (and so saves) only when something was new to this tab.
            progress.maybe_update(|p| p.merge(&theirs));
        }
        Err(crate::model::progress::DecodeError::FutureVersion(_)) => {
            store.with_value(Store::lock);
            notice.set(Some(Notice::NewerVersion));
        }
        Err(e) => {
            let n = store.with_value(|s| s.recover(raw, &e, now()));
            notice.set(Some(n));
        }
    };

    // The one place progress is saved: whenever it differs from what storage holds. Before
    // writing, whatever another tab wrote since is merged in, so no save drops its work.
    // The write waits for the current task to end, so a click that changes progress (opening
    // a lesson) paints first; changes in the same task are saved together.
    let saved = StoredValue::new(
        store
            .with_value(|s| s.get(PROGRESS_KEY))
            .unwrap_or_default(),
    );
    let scheduled = StoredValue::new(false);
    let flush = move || {
        scheduled.set_value(false);
        if store.with_value(Store::is_locked) {
            return;
        }
        if let Some(raw) = store.with_value(|s| s.get(PROGRESS_KEY)) {
            if saved.with_value(|s| *s != raw) {
                take_in(&raw);
                saved.set_value(raw);
                if store.with_value(Store::is_locked) {
                    return;
                }
            }
        }
        let current = progress.with_untracked(Progress::encode);
        if saved.with_value(|s| *s != current) {
            match store.with_value(|s| s.save_encoded(&current)) {
                Ok(()) => {
                    saved.set_value(current);
                    // Another bundle running in this page (the shell or the notes bundle
                    // beside the lesson bundle) gets no `storage` event: tell it.
                    if let Ok(event) = web_sys::Event::new(SAVED_EVENT) {
                        let _ = window().dispatch_event(&event);
                    }
                }
                Err(n) => notice.set(Some(n)),
            }
        }
    };
    let schedule = move || {
        if !scheduled.get_value() {
            scheduled.set_value(true);
            set_timeout(flush, std::time::Duration::ZERO);
        }
    };
    Effect::new(move |_| {
        progress.track();
        schedule();
    });
    // Leaving the page (a reload, a link to another page, closing the tab) saves at once.
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| flush());
    on_cleanup(move || leaving.remove());
    // Back or forward to a page the browser kept in memory (its back/forward cache): other
    // pages saved meanwhile (every lesson is a page of its own) and no `storage` event reached
    // this one while it was frozen, so take in what storage holds now.
    let restored = window_event_listener(leptos::ev::pageshow, move |ev| {
        if ev.persisted() {
            flush();
        }
    });
    on_cleanup(move || restored.remove());

    // Another tab saved progress: merge it in; the save above writes the union back if it
    // differs. (The `storage` event never fires in the tab that wrote.)
    let sync = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(PROGRESS_KEY) {
            return;
        }
        if let Some(raw) = ev.new_value() {
            take_in(&raw);
            saved.set_value(raw);
            // Written back if this tab holds facts the other did not have.
            schedule();
        }
    });
    on_cleanup(move || sync.remove());
    // Another bundle in this page saved (see above): the same, from storage. This page's own
    // save finds storage as it left it, and does nothing.
    let same_page = window_event_listener_untyped(SAVED_EVENT, move |_| {
        if let Some(raw) = store.with_value(|s| s.get(PROGRESS_KEY)) {
            if saved.with_value(|s| *s != raw) {
                take_in(&raw);
                saved.set_value(raw);
                schedule();
            }
        }
    });
    on_cleanup(move || same_page.remove());

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
