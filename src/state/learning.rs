//! What the learner should review, derived once from progress for every page: the review
//! items with their schedule, a clock that moves on every minute (so items fall due while a
//! page is open), and the seed that orders each question's choices.

use leptos::prelude::*;

use crate::model::exam::{Sitting, Stage, Unresumable};
use crate::model::progress::Time;
use crate::model::review::{self, Item};
use crate::outline::{COURSE, PRACTICE_KEYS};
use crate::state::progress::{now, use_progress, use_progress_mut};
use crate::storage::{Store, EXAM_KEY};

#[derive(Clone, Copy)]
struct Learning {
    items: Memo<Vec<Item>>,
    clock: ReadSignal<Time>,
}

/// A seed drawn for this visit, kept in the record with the first answer when the record has
/// none yet (so opening a page writes nothing).
#[derive(Clone, Copy)]
struct Drawn(u32);

/// Provides the seed that orders choices, alone: what a lesson's quiz needs, without the
/// review items (the lesson bundle, `state::provide_lesson_state`).
pub(super) fn provide_seed() {
    let drawn = (crate::platform::random() * f64::from(u32::MAX)) as u32;
    provide_context(Drawn(drawn));
}

/// Provides the review items and the clock; call after `provide_progress` and `provide_seed`.
pub(super) fn provide_learning() {
    let progress = use_progress();
    // Replayed only when an answer, a reset or an undo changed the log (`answers_stamp` is
    // cheap): a scroll position or a visit, saved many times a minute, replays nothing.
    let stamp = Memo::new(move |_| progress.read().log().answers_stamp());
    let items = Memo::new(move |_| {
        let _ = stamp.get();
        let progress = progress.read_untracked();
        let mut items = review::items(&progress, &COURSE);
        items.extend(review::practice_items(&progress, PRACTICE_KEYS));
        items
    });
    let (clock, set_clock) = signal(now());
    if crate::platform::IN_BROWSER {
        let tick = set_interval_with_handle(
            move || set_clock.set(now()),
            std::time::Duration::from_secs(60),
        );
        on_cleanup(move || {
            if let Ok(t) = tick {
                t.clear();
            }
        });
    }
    provide_context(Learning { items, clock });
}

fn learning() -> Learning {
    expect_context()
}

/// Every review item: the questions in course order, then the scenarios' missed decisions and
/// the graded exercises.
pub fn use_items() -> Memo<Vec<Item>> {
    learning().items
}

/// The time, moving on once a minute.
pub fn use_clock() -> ReadSignal<Time> {
    learning().clock
}

/// How many items are due now.
pub fn use_due_count() -> Memo<usize> {
    let Learning { items, clock } = learning();
    // The clock moves once a minute; an answer just given counts at once.
    Memo::new(move |_| review::due_count(&items.read(), clock.get().max(now())))
}

/// The seed that orders choices: the record's, or this visit's until the first answer.
pub fn use_seed() -> Memo<u32> {
    let progress = use_progress();
    let Drawn(drawn) = expect_context();
    Memo::new(move |_| progress.read().seed().unwrap_or(drawn))
}

/// A function that keeps this visit's seed in the record if it has none: call it with
/// every answer. (Taken while the component is made, so it also works from a timer.)
pub fn use_keep_seed() -> impl Fn() + Copy + 'static {
    let Drawn(drawn) = expect_context();
    let progress = use_progress_mut();
    move || {
        let missing = progress.read_untracked().seed().is_none();
        if missing {
            progress.write().draw_seed(drawn);
        }
    }
}

/// The practice exam in progress, as kept in storage.
#[derive(Clone, Copy)]
pub struct SavedExam(StoredValue<Store, LocalStorage>);

/// Access to the exam in progress. (Taken while the component is made, so it also works
/// from a timer.)
pub fn use_saved_exam() -> SavedExam {
    SavedExam(super::shared_store())
}

impl SavedExam {
    /// The exam left open, if any (a reload, a closed tab), to load its lessons again; or why
    /// it cannot go on. One that no version can go on with is dropped here.
    pub fn load(self) -> Option<Result<Stage, Unresumable>> {
        let raw = self.0.read_value().get(EXAM_KEY)?;
        let resumed = Stage::resume(&raw);
        if resumed.as_ref().is_err_and(|why| !why.keep()) {
            self.clear();
        }
        Some(resumed)
    }

    /// Keeps the exam in progress, so a reload loses nothing.
    pub fn save(self, sitting: &Sitting) {
        let _ = self.0.read_value().set(EXAM_KEY, &sitting.encode());
    }

    /// Forgets the exam in progress (submitted, or closed).
    pub fn clear(self) {
        self.0.read_value().remove(EXAM_KEY);
    }
}
