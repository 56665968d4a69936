//! The review page: the questions that are due (or, at `review/?lesson=<slug>`, one lesson's
//! questions whatever their schedule), one at a time, with feedback after each answer.
//! The session itself (its order, grades, a missed question asked again) is
//! [`ReviewSession`]; this page loads the lessons it needs and renders it. Number keys
//! choose, Enter checks and goes on.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::question::QuestionView;
use crate::model::course::{ExerciseInfo, LessonInfo, ScenarioInfo};
use crate::model::review::session::{
    after_text, empty_text, Check, Plan, ReviewSession, Stage, Step, Summary,
};
use crate::model::routes::ReviewScope;
use crate::outline::{COURSE, EXERCISES, SCENARIOS};
use crate::paths;
use crate::state::learning::{use_clock, use_items, use_keep_seed};
use crate::state::progress::{now, use_progress_mut};

/// The review page: the due items, or one lesson's questions.
#[component]
pub fn ReviewPage(
    /// The lesson to practice, from `review/?lesson=<slug>`; a slug the course does not
    /// have opens the full review.
    lesson: Option<String>,
) -> impl IntoView {
    let lesson: Option<&'static LessonInfo> = lesson
        .and_then(|slug| COURSE.find_lesson(&slug))
        .map(|r| r.lesson);
    let title = lesson.map_or_else(
        || "Review".to_string(),
        |l| format!("Practice: {}", l.title),
    );
    crate::document::set_title(&title);
    crate::document::set_description(
        "Review the questions that are due: spaced retrieval practice, scheduled with FSRS.",
    );
    let session = RwSignal::new(None::<ReviewSession>);
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    // The session's questions are chosen once, when the page opens: answering reorders nothing.
    if crate::platform::IN_BROWSER {
        let scope = lesson.map_or(ReviewScope::All, |l| ReviewScope::Lesson(l.slug));
        let plan = Plan::new(scope, &use_items().read_untracked(), now());
        start(plan, session, error);
    }
    // Only a change of stage (the next question is one) draws another part of the page; a
    // check redraws within it. (The session is read through guards, not `with` closures:
    // each closure would add its own copy of the signal's code to the wasm.)
    let stage = Memo::new(move |_| session.read().as_ref().map(ReviewSession::stage));

    view! {
        <article class="review">
            <h1 tabindex="-1">{title}</h1>
            {move || error.get().map(|e| view! {
                <p class="review-error" role="alert">{format!("Some questions could not be loaded: {e}")}</p>
            })}
            {move || match stage.get() {
                None => view! { <p class="review-loading">"Loading the questions…"</p> }.into_any(),
                Some(Stage::Empty) => view! { <ReviewEmpty/> }.into_any(),
                // Redrawn for each question; a missed one added to the end changes only the count.
                Some(Stage::Asking(position)) => {
                    let step = session.read_untracked().as_ref().and_then(|s| s.current().cloned());
                    step.map(|step| if ExerciseInfo::of_key(EXERCISES, &step.slug).is_some() {
                        view! { <ReviewRecall session=session status=status step=step position=position/> }.into_any()
                    } else {
                        view! { <ReviewQuestion session=session status=status step=step position=position/> }.into_any()
                    }).into_any()
                }
                Some(Stage::Finished) => {
                    let summary = session.read_untracked().as_ref().map(ReviewSession::summary);
                    view! { <ReviewSummary summary=summary.unwrap_or_default()/> }.into_any()
                }
            }}
            <p class="visually-hidden" role="status" aria-live="polite">{move || status.get()}</p>
        </article>
    }
}

/// The scenario a review item's key names, if it is one.
fn scenario_of(key: &str) -> Option<&'static ScenarioInfo> {
    ScenarioInfo::of_key(SCENARIOS, key)
}

/// Loads the lessons `plan` needs, then starts the session (seeded by the clock). A lesson
/// that cannot be loaded is reported, and its questions left out.
fn start(plan: Plan, session: RwSignal<Option<ReviewSession>>, error: RwSignal<Option<String>>) {
    leptos::task::spawn_local(async move {
        let mut lessons = Vec::new();
        for slug in plan.lessons() {
            // A written exercise is asked as recall, graded against its rubric.
            if let Some(info) = ExerciseInfo::of_key(EXERCISES, slug) {
                match crate::lesson_store::load_exercise(info).await {
                    Ok(exercise) => lessons.push(exercise.as_lesson(info.title)),
                    Err(e) => error.set(Some(e)),
                }
                continue;
            }
            // A scenario's missed decisions are asked as its "quiz".
            if let Some(info) = scenario_of(slug) {
                match crate::lesson_store::load_scenario(info).await {
                    Ok(scenario) => lessons.push(scenario.as_lesson(info.title)),
                    Err(e) => error.set(Some(e)),
                }
                continue;
            }
            let Some(found) = COURSE.find_lesson(slug) else {
                continue;
            };
            match crate::lesson_store::load(found.lesson).await {
                Ok(lesson) => lessons.push(lesson),
                Err(e) => error.set(Some(e)),
            }
        }
        session.set(Some(plan.start(&lessons, now())));
    });
}

/// The question asked now, as a form: its count and lesson, the question, Check, then the
/// feedback and Next.
#[component]
fn ReviewQuestion(
    /// The session: checked and moved on from here.
    session: RwSignal<Option<ReviewSession>>,
    /// The announcement after each check.
    status: RwSignal<String>,
    /// The question and its lesson.
    step: Step,
    /// Its place in the session, from 0.
    position: usize,
) -> impl IntoView {
    let progress = use_progress_mut();
    let keep_seed = use_keep_seed();
    let chosen = RwSignal::new(Vec::<usize>::new());
    let unsure = RwSignal::new(false);
    let checked = RwSignal::new(false);
    let heading = NodeRef::<leptos::html::H2>::new();
    let next_button = NodeRef::<leptos::html::Button>::new();
    let total = move || session.read().as_ref().map_or(0, ReviewSession::total);
    number_keys(checked);
    if position > 0 {
        // Reached with Next: the count takes the focus, so the learner starts at the top.
        request_animation_frame(move || {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        });
    }

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if checked.get_untracked() {
            status.set(String::new());
            if let Some(s) = session.write().as_mut() {
                s.next();
            }
            return;
        }
        let answer = chosen.get_untracked();
        let sure = !unsure.get_untracked();
        let check = session.write().as_mut().map_or(Check::NoAnswer, |s| {
            s.check(&mut progress.write(), &answer, !sure, now())
        });
        status.set(check.message());
        if check != Check::NoAnswer {
            keep_seed();
            checked.set(true);
            request_animation_frame(move || {
                if let Some(b) = next_button.get_untracked() {
                    let _ = b.focus();
                }
            });
        }
    };

    let (href, title) = match scenario_of(&step.slug) {
        Some(info) => (paths::scenario(info.slug), Some(info.title)),
        None => (
            paths::lesson(&step.slug),
            COURSE.find_lesson(&step.slug).map(|r| r.lesson.title),
        ),
    };
    view! {
        <form class="review-form" on:submit=on_submit novalidate>
            <h2 class="review-count" tabindex="-1" node_ref=heading>{move || format!("Question {} of {}", position + 1, total())}</h2>
            <p class="review-lesson">"From "<a href=href>{title}</a></p>
            <QuestionView question=step.question number=String::new()
                chosen=chosen unsure=unsure graded=checked/>
            <div class="review-actions">
                {move || if checked.get() {
                    // Decided at the check: a missed question was added to the end by then.
                    let last = session.read_untracked().as_ref().is_none_or(ReviewSession::is_last);
                    view! {
                        <button type="submit" class="button button-primary" node_ref=next_button>
                            {if last { "See the summary" } else { "Next question" }}
                        </button>
                    }.into_any()
                } else {
                    view! { <button type="submit" class="button button-primary">"Check"</button> }.into_any()
                }}
            </div>
            <p class="review-keys">"Keys: 1–9 choose, Enter checks and goes on."</p>
        </form>
    }
}

/// A written exercise asked again: recall the answer (in your head or on paper), then open
/// the model answer and tick the ideas you recalled; the grade is the exercise's self-grade.
#[component]
fn ReviewRecall(
    session: RwSignal<Option<ReviewSession>>,
    status: RwSignal<String>,
    step: Step,
    position: usize,
) -> impl IntoView {
    let progress = use_progress_mut();
    let revealed = RwSignal::new(false);
    let checked = RwSignal::new(false);
    let units = step.question.choices.len();
    let ticked = RwSignal::new(vec![false; units]);
    let heading = NodeRef::<leptos::html::H2>::new();
    let total = move || session.read().as_ref().map_or(0, ReviewSession::total);
    if position > 0 {
        request_animation_frame(move || {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        });
    }
    let (href, title) = match ExerciseInfo::of_key(EXERCISES, &step.slug) {
        Some(info) => (paths::exercise(info.slug), info.title),
        None => (paths::exercises(), ""),
    };
    let grade = move |_| {
        let covered = ticked.with(|t| t.iter().filter(|x| **x).count());
        let recall = crate::model::exercise::self_grade(covered, units);
        let check = session.write().as_mut().map(|s| {
            progress.update(|p| {
                s.grade_self(p, recall, now());
            })
        });
        if check.is_some() {
            status.set(format!(
                "{covered} of {units} ideas. {}",
                crate::model::exercise::grade_text(recall)
            ));
            checked.set(true);
        }
    };
    let next = move |_| {
        status.set(String::new());
        if let Some(s) = session.write().as_mut() {
            s.next();
        }
    };
    let question = step.question.clone();
    view! {
        <div class="review-form review-recall">
            <h2 class="review-count" tabindex="-1" node_ref=heading>{move || format!("Question {} of {}", position + 1, total())}</h2>
            <p class="review-lesson">"From the exercise "<a href=href>{title}</a></p>
            <div class="rich-text" inner_html=question.prompt.clone()></div>
            <p>"Recall your answer: say or jot down its key points, then open the model answer and tick the ideas you recalled."</p>
            {move || (!revealed.get()).then(|| view! {
                <p><button type="button" class="button button-primary" on:click=move |_| revealed.set(true)>"Show the model answer"</button></p>
            })}
            {
                let question = question.clone();
                move || revealed.get().then(|| view! {
                    <section class="exercise-model" aria-label="The model answer">
                        <div class="rich-text" inner_html=question.explanation.clone()></div>
                    </section>
                    <fieldset class="exercise-rubric-check" disabled=move || checked.get()>
                        <legend>"Which of these ideas did you recall?"</legend>
                        {question.choices.iter().enumerate().map(|(i, unit)| view! {
                            <label class="exercise-unit">
                                <input type="checkbox" on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    ticked.update(|t| t[i] = on);
                                }/>
                                <span inner_html=unit.text.clone()></span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <div class="review-actions">
                        {move || if checked.get() {
                            let last = session.read_untracked().as_ref().is_none_or(ReviewSession::is_last);
                            view! { <button type="button" class="button button-primary" on:click=next>{if last { "See the summary" } else { "Next question" }}</button> }.into_any()
                        } else {
                            view! { <button type="button" class="button button-primary" on:click=grade>"Grade my recall"</button> }.into_any()
                        }}
                    </div>
                })
            }
            <p class="exercise-grade">{move || status.get()}</p>
        </div>
    }
}

/// Number keys choose the n-th choice shown, while the question waits for its check.
fn number_keys(checked: RwSignal<bool>) {
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if checked.get_untracked() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let Some(n) = ev
            .key()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=9).contains(n))
        else {
            return;
        };
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|i| i.type_() == "text" || i.type_() == "search");
        if typing {
            return;
        }
        let selector = format!(".review-form .choice:nth-child({n}) input");
        if let Ok(Some(el)) = document().query_selector(&selector) {
            if let Ok(input) = el.dyn_into::<web_sys::HtmlElement>() {
                ev.prevent_default();
                input.click();
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || keys.remove());
}

/// The end of the session: how it went, and what is due next.
#[component]
fn ReviewSummary(summary: Summary) -> impl IntoView {
    let items = use_items();
    let clock = use_clock();
    let heading = NodeRef::<leptos::html::H2>::new();
    // Reached with the last Next: the heading takes the focus.
    request_animation_frame(move || {
        if let Some(h) = heading.get_untracked() {
            let _ = h.focus();
        }
    });
    view! {
        <section class="review-summary" aria-labelledby="review-summary-title">
            <h2 id="review-summary-title" tabindex="-1" node_ref=heading>"Session complete"</h2>
            <p>{summary.text()}</p>
            <p>{move || after_text(&items.read(), clock.get().max(now()))}</p>
            <p class="review-links">
                <a class="button button-primary" href=paths::home()>"Back to the course"</a>
                <a class="button" href=paths::progress()>"See your progress"</a>
            </p>
        </section>
    }
}

/// Nothing to ask: why, and where to go instead.
#[component]
fn ReviewEmpty() -> impl IntoView {
    let items = use_items();
    let clock = use_clock();
    view! {
        <p class="review-empty">{move || empty_text(&items.read(), clock.get().max(now()))}</p>
        <p class="review-links">
            <a class="button button-primary" href=paths::exam()>"Take a practice exam"</a>
            <a class="button" href=paths::home()>"Back to the course"</a>
        </p>
    }
}
