//! The app's state: the learner's progress and their preferences, each in its own store,
//! and what to review, derived from progress (`learning`).
//!
//! `App` calls [`provide_state`] once; components and pages take what they need with the
//! `use_*` functions here, and never import from `app.rs` or from a page.

pub mod incoming;
pub mod learning;
pub mod preferences;
pub mod progress;

use leptos::prelude::*;

use crate::storage::Store;

/// Browser storage, opened (and probed) once for the whole app, shared by both stores.
#[derive(Clone, Copy)]
struct SharedStore(StoredValue<Store, LocalStorage>);

/// Opens storage and provides the progress and preference stores to every component, and
/// what to review.
pub fn provide_state() {
    provide_lesson_state();
    learning::provide_learning();
}

/// What a lesson's live parts need (the lesson bundle): the record, the seed that orders
/// quiz choices and the preferences, without the review items (the shell bundle, loaded on
/// first use, has those: `provide_state`).
pub fn provide_lesson_state() {
    let store = StoredValue::new_local(Store::open());
    provide_context(SharedStore(store));
    progress::provide_progress(store);
    learning::provide_seed();
    preferences::provide_preferences(store);
}

/// The learner's record alone, for a bundle that needs nothing else (the notes bundle).
pub fn provide_record() {
    let store = StoredValue::new_local(Store::open());
    provide_context(SharedStore(store));
    progress::provide_progress(store);
}

/// The shared storage itself, for a store that keeps it to use later (from a timer).
fn shared_store() -> StoredValue<Store, LocalStorage> {
    let SharedStore(store) = expect_context();
    store
}

/// Runs `f` with the shared storage.
fn with_store<T>(f: impl FnOnce(&Store) -> T) -> T {
    let SharedStore(store) = expect_context();
    store.with_value(f)
}
