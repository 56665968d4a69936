//! The practice exam page: choose a length and whether it is timed; answer one question per
//! screen with a question map and flags; no feedback until it is submitted (or the time runs
//! out). The page holds one [`Stage`] and renders it: the model decides. The exam in progress
//! is kept in storage at every change, so a reload or a closed tab loses nothing; time runs
//! only while the exam is open.

mod result;
mod sitting;

use leptos::prelude::*;

use crate::model::exam::{
    Screen, Sitting, Stage, Tick, LENGTHS, PASS_PERCENT, SECONDS_PER_QUESTION,
};
use crate::model::review::Rng;
use crate::outline::COURSE;
use crate::state::learning::{use_keep_seed, use_saved_exam, SavedExam};
use crate::state::progress::{now, use_progress_mut};

use result::ExamResultView;
use sitting::ExamSitting;

/// The exam being taken, as the parts of the sitting read and change it.
#[derive(Clone, Copy)]
struct Taking(RwSignal<Stage>);

impl Taking {
    /// Reads the sitting (tracked); the default when the page is at another stage.
    fn read<T: Default>(self, f: impl FnOnce(&Sitting) -> T) -> T {
        self.stage().sitting().map(f).unwrap_or_default()
    }

    /// Changes the sitting, if the page is at it.
    fn change(self, f: impl FnOnce(&mut Sitting)) {
        if let Some(s) = self.stage_mut().sitting_mut() {
            f(s);
        }
    }

    /// The stage, tracked. One function for every reader: a closure given to `with` would
    /// get its own copy of the locking code in the wasm.
    #[inline(never)]
    fn stage(self) -> impl std::ops::Deref<Target = Stage> {
        self.0.read()
    }

    /// The stage, to change; readers are told when the guard is dropped.
    #[inline(never)]
    fn stage_mut(&self) -> impl std::ops::DerefMut<Target = Stage> + '_ {
        self.0.write()
    }
}

/// The practice exam page.
#[component]
pub fn ExamPage() -> impl IntoView {
    crate::document::set_title("Practice exam");
    crate::document::set_description(
        "A practice exam drawn from every module: 10, 20 or 40 questions, timed or not.",
    );
    let progress = use_progress_mut();
    let keep_seed = use_keep_seed();
    let saved = use_saved_exam();
    let stage = RwSignal::new(Stage::Setup);
    let screen = Memo::new(move |_| stage.read().screen());
    // What the learner must know about an exam kept from before (one sentence), and what
    // the clock says, for screen readers.
    let notice = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let heading = NodeRef::<leptos::html::H2>::new();

    let focus_heading = move || {
        request_animation_frame(move || {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        });
    };
    let load = move || load_lessons(stage, notice, saved, focus_heading);
    // After a submission (by the learner or the clock): the answers go into the record.
    let record = move || {
        let result = stage
            .read_untracked()
            .result()
            .map(|r| (r.recalls(), r.timed));
        if let Some((recalls, timed)) = result {
            keep_seed();
            progress.write().record_exam(&recalls, timed, now());
            saved.clear();
            focus_heading();
        }
    };

    if crate::platform::IN_BROWSER {
        match saved.load() {
            Some(Ok(resumed)) => {
                stage.set(resumed);
                load();
            }
            Some(Err(why)) => notice.set(why.message().into()),
            None => {}
        }
    }
    // Every change is kept at once.
    Effect::new(move |_| {
        if let Some(s) = stage.read().sitting() {
            saved.save(s);
        }
    });
    run_clock(stage, status, record);

    let start = move |length: usize, timed: bool| {
        let mut rng = Rng::new(now() ^ (web_random() << 20));
        notice.set(String::new());
        stage.set(Stage::start(&COURSE, length, timed, &mut rng));
        load();
    };
    let retry = move || {
        stage.write().retry();
        load();
    };
    let submit = move || {
        let submitted = stage.write().ask_to_submit(&COURSE);
        if submitted {
            record();
        }
    };

    view! {
        <article class="exam">
            <h1 tabindex="-1">"Practice exam"</h1>
            {move || { let n = notice.get(); (!n.is_empty()).then(|| view! { <p class="exam-notice" role="status">{n}</p> }) }}
            {move || match screen.get() {
                Screen::Setup => view! { <ExamSetup start/> }.into_any(),
                Screen::Loading => view! { <p class="exam-loading" role="status">"Loading the questions…"</p> }.into_any(),
                Screen::Failed => view! { <ExamLoadFailed stage retry/> }.into_any(),
                Screen::Sitting => view! { <ExamSitting taking=Taking(stage) heading focus=focus_heading submit/> }.into_any(),
                Screen::Done => view! { <ExamResultView stage heading focus=focus_heading/> }.into_any(),
            }}
            <p class="visually-hidden" role="status" aria-live="polite">{move || status.get()}</p>
        </article>
    }
}

/// Loads the lessons the exam's questions come from, then the exam begins (or goes on); a
/// failure is shown with a retry. The learner is told what a changed course cost them.
fn load_lessons(
    stage: RwSignal<Stage>,
    notice: RwSignal<String>,
    saved: SavedExam,
    focus: impl Fn() + 'static,
) {
    let lessons = stage.read_untracked().lessons_to_load(&COURSE);
    leptos::task::spawn_local(async move {
        let mut loaded = Vec::with_capacity(lessons.len());
        for info in lessons {
            match crate::lesson_store::load(info).await {
                Ok(lesson) => loaded.push(lesson),
                Err(e) => {
                    if let Some(mut s) = stage.try_write() {
                        s.failed(e);
                    }
                    return;
                }
            }
        }
        // The learner may have left the page meanwhile: then there is nothing to do.
        let Some((told, screen)) = stage
            .try_write()
            .map(|mut s| (s.loaded(&loaded, &COURSE, now()), s.screen()))
        else {
            return;
        };
        if let Some(told) = told {
            notice.set(told);
        }
        if screen == Screen::Setup {
            saved.clear();
        }
        focus();
    });
}

/// The countdown: a tick a second moves the clock of a timed exam; at zero the exam is
/// submitted and `record` keeps it. The last minutes are announced.
fn run_clock(stage: RwSignal<Stage>, status: RwSignal<String>, record: impl Fn() + 'static) {
    if !crate::platform::IN_BROWSER {
        return;
    }
    let handle = set_interval_with_handle(
        move || {
            // Nothing is redrawn when no timed exam is running.
            let tick = stage.write_untracked().tick(now(), &COURSE);
            if tick != Tick::Idle {
                stage.notify();
            }
            match tick {
                Tick::Expired => {
                    status.set("Time is up: the exam was submitted.".into());
                    record();
                }
                Tick::Warning { minutes: 1 } => status.set("1 minute left.".into()),
                Tick::Warning { minutes } => status.set(format!("{minutes} minutes left.")),
                Tick::Idle | Tick::Running => {}
            }
        },
        std::time::Duration::from_secs(1),
    );
    on_cleanup(move || {
        if let Ok(h) = handle {
            h.clear();
        }
    });
}

/// The choice of exam: its length, and whether it is timed.
#[component]
fn ExamSetup(
    /// Starts an exam of this many questions, timed or not.
    start: impl Fn(usize, bool) + Copy + 'static,
) -> impl IntoView {
    let length = RwSignal::new(LENGTHS[1]);
    let timed = RwSignal::new(true);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        start(length.get_untracked(), timed.get_untracked());
    };
    view! {
        <form class="exam-setup" on:submit=on_submit>
            <p>"Questions are drawn at random from every module, in proportion to its size. You see no answers until you submit; "{format!("{PASS_PERCENT}%")}" passes. Your answers also feed your review schedule."</p>
            <fieldset class="exam-option">
                <legend>"Length"</legend>
                {LENGTHS.iter().map(|&n| view! {
                    <label class="exam-choice">
                        <input type="radio" name="exam-length" value=n prop:checked=move || length.get() == n
                            on:change=move |_| length.set(n)/>
                        {format!(" {n} questions")}
                    </label>
                }).collect_view()}
            </fieldset>
            <label class="exam-choice">
                <input type="checkbox" prop:checked=move || timed.get() on:change=move |ev| timed.set(event_target_checked(&ev))/>
                {move || format!(" Timed: {} minutes ({SECONDS_PER_QUESTION} seconds a question)", length.get() as u64 * SECONDS_PER_QUESTION / 60)}
            </label>
            <p><button type="submit" class="button button-primary">"Start the exam"</button></p>
        </form>
    }
}

/// The exam's lessons could not be loaded: why, and a way to try again.
#[component]
fn ExamLoadFailed(stage: RwSignal<Stage>, retry: impl Fn() + Copy + 'static) -> impl IntoView {
    let why = match &*stage.read_untracked() {
        Stage::Loading { failed, .. } => failed.clone().unwrap_or_default(),
        _ => String::new(),
    };
    view! {
        <div class="exam-error" role="alert">
            <p>{format!("The exam's questions could not be loaded ({why}).")}</p>
            <p><button type="button" class="button" on:click=move |_| retry()>"Try again"</button></p>
        </div>
    }
}

/// A random number from the browser (0 when built natively).
fn web_random() -> u64 {
    (crate::platform::random() * 4_294_967_296.0) as u64
}
