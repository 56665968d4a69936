//! The review session: the questions that are due (or, with `?lesson=<slug>`, one lesson's
//! questions whatever their schedule), one at a time, with feedback after each answer.
//! Missed questions come back later in the same session. Number keys choose, Enter checks
//! and goes on.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::question::QuestionView;
use crate::model::course::{LessonInfo, Question, Verdict};
use crate::model::progress::verdict_label;
use crate::model::review::{self, DAY, SESSION_SIZE};
use crate::model::routes::PRACTISE_PARAM;
use crate::outline::COURSE;
use crate::paths;
use crate::state::learning::{use_clock, use_items, use_keep_seed};
use crate::state::progress::{now, use_progress_mut};

/// A missed question comes back at most this many times in one session.
const RETRIES: usize = 2;

/// One question of the session.
#[derive(Clone)]
struct Step {
    slug: &'static str,
    question: Question,
}

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Loading,
    /// Nothing to review.
    Empty,
    Asking,
    Done,
}

/// The lesson named in the URL's `?lesson=`, if the course has it.
fn practised_lesson() -> Option<&'static LessonInfo> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let search = window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    let slug = params.get(PRACTISE_PARAM)?;
    COURSE.find_lesson(&slug).map(|r| r.lesson)
}

/// "in 3 days", "in 5 hours", "now": how long until `due`.
fn until(due: u64, now: u64) -> String {
    let wait = due.saturating_sub(now);
    let hours = wait.div_ceil(3_600_000);
    let days = wait.div_ceil(DAY);
    match (hours, days) {
        (0, _) => "now".to_string(),
        (1, _) => "in an hour".to_string(),
        (h, _) if h < 24 => format!("in {h} hours"),
        (_, 1) => "tomorrow".to_string(),
        (_, d) => format!("in {d} days"),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The review page.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let practised = practised_lesson();
    match practised {
        Some(l) => crate::document::set_title(&format!("Practise: {}", l.title)),
        None => crate::document::set_title("Review"),
    }
    crate::document::set_description(
        "Review the questions that are due: spaced retrieval practice, scheduled with FSRS.",
    );
    let progress = use_progress_mut();
    let keep_seed = use_keep_seed();
    let items = use_items();
    let clock = use_clock();
    let phase = RwSignal::new(Phase::Loading);
    let steps: RwSignal<Vec<Step>> = RwSignal::new(Vec::new());
    let position = RwSignal::new(0usize);
    let chosen = RwSignal::new(Vec::<usize>::new());
    let unsure = RwSignal::new(false);
    let checked = RwSignal::new(false);
    // Per question id: answered right the first time in this session?
    let first_answers: RwSignal<Vec<(String, bool)>> = RwSignal::new(Vec::new());
    let status = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let heading = NodeRef::<leptos::html::H2>::new();
    let next_button = NodeRef::<leptos::html::Button>::new();

    // The session's questions, chosen once when the page opens: answering does not reorder them.
    if cfg!(target_arch = "wasm32") {
        let wanted: Vec<(&'static LessonInfo, Option<String>)> = match practised {
            Some(l) => vec![(l, None)],
            None => review::due(&items.read_untracked(), now(), SESSION_SIZE)
                .into_iter()
                .filter_map(|i| {
                    COURSE
                        .find_lesson(&i.slug)
                        .map(|r| (r.lesson, Some(i.question.clone())))
                })
                .collect(),
        };
        leptos::task::spawn_local(async move {
            let mut out = Vec::new();
            for (info, id) in wanted {
                match crate::lesson_store::load(info).await {
                    Ok(lesson) => {
                        let questions = lesson.quiz.map(|q| q.questions).unwrap_or_default();
                        out.extend(
                            questions
                                .into_iter()
                                .filter(|q| id.as_ref().is_none_or(|id| *id == q.id))
                                .map(|question| Step {
                                    slug: info.slug,
                                    question,
                                }),
                        );
                    }
                    Err(e) => error.set(Some(e)),
                }
            }
            let found = !out.is_empty();
            steps.set(out);
            phase.set(if found { Phase::Asking } else { Phase::Empty });
        });
    }

    let focus_heading = move || {
        request_animation_frame(move || {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        });
    };

    let check = move || {
        let answer = chosen.get_untracked();
        if answer.is_empty() {
            status.set("Choose an answer first.".into());
            return;
        }
        let step = steps
            .read_untracked()
            .get(position.get_untracked())
            .cloned();
        let Some(step) = step else {
            return;
        };
        keep_seed();
        let sure = !unsure.get_untracked();
        let grade =
            progress
                .write()
                .record_review(step.slug, &step.question, &answer, !sure, now());
        let right = grade.verdict == Verdict::Correct;
        let first = !first_answers
            .read_untracked()
            .iter()
            .any(|(id, _)| *id == step.question.id);
        if first {
            first_answers
                .write()
                .push((step.question.id.clone(), right));
        }
        let mut said = format!("{}.", verdict_label(grade.verdict));
        if !right {
            // Missed: it comes back later in this session.
            let seen = steps
                .read_untracked()
                .iter()
                .filter(|x| x.question.id == step.question.id)
                .count();
            if seen <= RETRIES {
                steps.write().push(step.clone());
                said.push_str(" This question comes back later in this session.");
            }
        }
        said.push_str(" The explanations are below.");
        status.set(said);
        checked.set(true);
        request_animation_frame(move || {
            if let Some(b) = next_button.get_untracked() {
                let _ = b.focus();
            }
        });
    };

    let next = move || {
        let last = position.get_untracked() + 1 >= steps.read_untracked().len();
        chosen.set(Vec::new());
        unsure.set(false);
        checked.set(false);
        status.set(String::new());
        if last {
            phase.set(Phase::Done);
        } else {
            *position.write() += 1;
        }
        focus_heading();
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if checked.get_untracked() {
            next();
        } else {
            check();
        }
    };

    // Number keys choose the n-th choice shown, while a question waits for an answer.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if phase.get_untracked() != Phase::Asking
            || checked.get_untracked()
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
        {
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

    let title = match practised {
        Some(l) => format!("Practise: {}", l.title),
        None => "Review".to_string(),
    };

    let asking = move || {
        // Redrawn for each question; a missed one added to the end changes only the count.
        let k = position.get();
        let step = steps.read_untracked().get(k).cloned()?;
        let total = move || steps.read().len();
        Some(view! {
            <form class="review-form" on:submit=on_submit novalidate>
                <h2 class="review-count" tabindex="-1" node_ref=heading>{move || format!("Question {} of {}", k + 1, total())}</h2>
                <p class="review-lesson">"From "<a href=paths::lesson(step.slug)>{COURSE.find_lesson(step.slug).map(|r| r.lesson.title)}</a></p>
                <QuestionView question=step.question number=String::new()
                    chosen=chosen unsure=unsure graded=checked/>
                <div class="review-actions">
                    {move || if checked.get() {
                        let last = position.get() + 1 >= steps.read().len();
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
        })
    };

    let summary = move || {
        let answers = first_answers.get();
        let right = answers.iter().filter(|a| a.1).count();
        let n = answers.len();
        let t = clock.get().max(now());
        let (due_now, next_due) = {
            let items = items.read();
            let next = items.iter().filter(|i| i.due > t).map(|i| i.due).min();
            (review::due_count(&items, t), next)
        };
        let next = match (due_now, next_due) {
            (0, Some(d)) => format!(
                "Nothing else is due now; the next question is due {}.",
                until(d, t)
            ),
            (0, None) => "Nothing else is due.".to_string(),
            (k, _) => format!("{} still due.", plural(k, "question is", "questions are")),
        };
        view! {
            <section class="review-summary" aria-labelledby="review-summary-title">
                <h2 id="review-summary-title" tabindex="-1" node_ref=heading>"Session complete"</h2>
                <p>{format!("You answered {}: {right} right the first time.", plural(n, "question", "questions"))}</p>
                <p>{next}</p>
                <p class="review-links">
                    <a class="button button-primary" href=paths::home()>"Back to the course"</a>
                    <a class="button" href=paths::progress()>"See your progress"</a>
                </p>
            </section>
        }
    };

    let empty = move || {
        let t = clock.get().max(now());
        let (count, next_due) = {
            let items = items.read();
            (
                items.len(),
                items.iter().filter(|i| i.due > t).map(|i| i.due).min(),
            )
        };
        let text = match (count, next_due) {
            (0, _) => "Nothing to review yet. Every question you answer in a lesson's quiz comes back here when it is time to recall it.".to_string(),
            (n, Some(d)) => format!(
                "Nothing is due. You have {} in review; the next is due {}.",
                plural(n, "question", "questions"),
                until(d, t)
            ),
            (n, None) => format!("Nothing is due. You have {} in review.", plural(n, "question", "questions")),
        };
        view! {
            <p class="review-empty">{text}</p>
            <p class="review-links">
                <a class="button button-primary" href=paths::exam()>"Take a practice exam"</a>
                <a class="button" href=paths::home()>"Back to the course"</a>
            </p>
        }
    };

    view! {
        <article class="review">
            <h1 tabindex="-1">{title}</h1>
            {move || error.get().map(|e| view! {
                <p class="review-error" role="alert">{format!("Some questions could not be loaded: {e}")}</p>
            })}
            {move || match phase.get() {
                Phase::Loading => view! { <p class="review-loading">"Loading the questions…"</p> }.into_any(),
                Phase::Empty => empty().into_any(),
                Phase::Asking => asking().into_any(),
                Phase::Done => summary().into_any(),
            }}
            <p class="visually-hidden" role="status" aria-live="polite">{move || status.get()}</p>
        </article>
    }
}
