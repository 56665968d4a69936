//! Written exercises: the list (`/exercises/`) and one exercise (`/exercises/:slug/`): the
//! task and its material, the learner's answer (saved as it is typed, kept in the record),
//! then the model answer and the rubric to grade the answer against. A faded sequence's
//! worked example is read, not written. The rules are `model::exercise`'s; the record's part
//! is `Progress::text`, `write` and the exercise's recalls.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::not_found::NotFound;
use crate::components::rich_text::RichText;
use crate::components::text_editor::{Draft, TextEditor};
use crate::lesson_store;
use crate::model::course::ExerciseInfo;
use crate::model::exercise::{grade_text, self_grade, Exercise, Step};
use crate::model::progress::{exercise_key, Progress, Recall, Source};
use crate::outline::{COURSE, EXERCISES};
use crate::paths;
use crate::state::progress::{now, use_progress, use_progress_mut};

/// The exercise's step in its faded sequence, if it is one.
fn step_of(info: &ExerciseInfo) -> Option<Step> {
    Step::NAMES
        .iter()
        .map(|(s, _)| *s)
        .find(|s| s.number() == info.step as usize)
}

/// The latest self-grade of an exercise, if any.
fn last_grade(p: &Progress, info: &ExerciseInfo) -> Option<Recall> {
    let key = exercise_key(info.slug);
    let history = p.log().history(&key);
    history
        .iter()
        .find(|(id, _)| *id == info.slug)
        .and_then(|(_, events)| events.last())
        .map(|e| e.recall)
}

/// Where a learner stands in one exercise, as the list shows it.
fn standing(p: &Progress, info: &ExerciseInfo) -> String {
    if step_of(info) == Some(Step::Worked) {
        return "A worked example to read".into();
    }
    match last_grade(p, info) {
        Some(Recall::Right) => "Graded: Good".into(),
        Some(Recall::RightUnsure) => "Graded: Hard".into(),
        Some(_) => "Graded: Again".into(),
        None if p.text(&exercise_key(info.slug)).heads.is_empty() => "Not started".into(),
        None => "Answer written, not graded".into(),
    }
}

fn module_title(info: &ExerciseInfo) -> &'static str {
    COURSE
        .modules
        .iter()
        .find(|m| m.slug == info.module)
        .map_or("", |m| m.title)
}

/// The page at `/exercises/`.
#[component]
pub fn ExercisesPage() -> impl IntoView {
    crate::document::set_title("Written exercises");
    let progress = use_progress();
    view! {
        <section class="scenarios" aria-labelledby="exercises-title">
            <h1 id="exercises-title" tabindex="-1">"Written exercises"</h1>
            <p class="scenarios-intro">
                "Write what a TPM writes: a status report, a charter's goals, a risk register, a go/no-go. "
                "Then compare your answer with a model answer and grade it against its key ideas; what you miss comes back in your review. "
                "Some come as a sequence: a worked example, then one half done, then the whole task."
            </p>
            {COURSE.modules.iter().filter(|m| EXERCISES.iter().any(|e| e.module == m.slug)).map(|m| view! {
                <h2 class="exercise-module" id=format!("exercises-{}", m.slug)>{m.title}</h2>
                <ul class="scenario-list">
                    {EXERCISES.iter().filter(|e| e.module == m.slug).map(|info| view! {
                        <li class="scenario-card">
                            {step_of(info).map(|s| view! {
                                <p class="scenario-module">{format!("Step {} of 3: {}", s.number(), s.label())}</p>
                            })}
                            <h3><a href=paths::exercise(info.slug)>{info.title}</a></h3>
                            <p>{info.subtitle}</p>
                            <p class="scenario-meta">
                                {format!("About {} min · ", info.minutes)}
                                {move || progress.with(|p| standing(p, info))}
                            </p>
                        </li>
                    }).collect_view()}
                </ul>
            }).collect_view()}
        </section>
    }
}

/// The page at `/exercises/:slug/`.
#[component]
pub fn ExercisePage(slug: String) -> impl IntoView {
    let Some(info) = EXERCISES.iter().find(|e| e.slug == slug) else {
        return view! { <NotFound/> }.into_any();
    };
    crate::document::set_title(info.title);
    let loaded = RwSignal::new_local(lesson_store::cached_exercise(info.slug).map(Ok));
    let fetch = move || {
        leptos::task::spawn_local(async move {
            loaded.set(Some(lesson_store::load_exercise(info).await))
        })
    };
    if loaded.with_untracked(Option::is_none) {
        fetch();
    }
    let step = step_of(info);
    // The next step of its sequence.
    let next = EXERCISES.iter().find(|e| {
        !info.sequence.is_empty() && e.sequence == info.sequence && e.step == info.step + 1
    });
    view! {
        <article class="scenario exercise" aria-labelledby="exercise-title">
            <header class="scenario-header">
                <p class="breadcrumb"><a href=paths::exercises()>"Written exercises"</a>" · "{module_title(info)}</p>
                <h1 id="exercise-title" tabindex="-1">{info.title}</h1>
                <p class="lesson-subtitle">{info.subtitle}</p>
                <p class="lesson-meta">
                    {step.map(|s| format!("Step {} of 3: {} · ", s.number(), s.label()))}
                    {format!("About {} min · Practices ", info.minutes)}
                    {info.lessons.iter().filter_map(|s| COURSE.find_lesson(s)).enumerate().map(|(k, r)| view! {
                        {(k > 0).then_some(", ")}
                        <a href=paths::lesson(r.lesson.slug)>{r.lesson.title}</a>
                    }).collect_view()}
                </p>
            </header>
            {move || match loaded.get() {
                None => view! { <p class="lesson-loading" role="status">"Loading the exercise…"</p> }.into_any(),
                Some(Err(e)) => view! {
                    <div class="lesson-error" role="alert">
                        <p>{format!("Sorry, {e}.")}</p>
                        <p><button type="button" class="button" on:click=move |_| { loaded.set(None); fetch(); }>"Try again"</button></p>
                    </div>
                }.into_any(),
                Some(Ok(exercise)) => view! {
                    <section class="exercise-task" aria-labelledby="exercise-task">
                        <h2 id="exercise-task">"The task"</h2>
                        <RichText html=exercise.task.clone()/>
                    </section>
                    {(!exercise.material.is_empty()).then(|| view! {
                        <section class="exercise-material" aria-labelledby="exercise-material">
                            <h2 id="exercise-material">"Material"</h2>
                            <RichText html=exercise.material.clone()/>
                        </section>
                    })}
                    {if step == Some(Step::Worked) {
                        view! { <Worked exercise/> }.into_any()
                    } else {
                        view! { <Answer info exercise/> }.into_any()
                    }}
                }.into_any(),
            }}
            {next.map(|n| view! {
                <p class="scenario-actions">
                    <a class="button" href=paths::exercise(n.slug)>{format!("Next: step {} of 3", n.step)}</a>
                </p>
            })}
        </article>
    }
    .into_any()
}

/// A worked example: the answer, and what makes it work.
#[component]
fn Worked(exercise: Arc<Exercise>) -> impl IntoView {
    view! {
        <section class="exercise-model" aria-labelledby="exercise-model">
            <h2 id="exercise-model">"A worked answer"</h2>
            <RichText html=exercise.model.clone()/>
            <h3>"What makes it work"</h3>
            <ul class="exercise-rubric">
                {exercise.rubric.iter().map(|u| view! { <li inner_html=u.clone()></li> }).collect_view()}
            </ul>
        </section>
    }
}

/// The learner's answer, then the model answer and the self-grade.
#[component]
fn Answer(info: &'static ExerciseInfo, exercise: Arc<Exercise>) -> impl IntoView {
    let progress = use_progress_mut();
    let draft = Draft::new(exercise_key(info.slug), &exercise.start);
    let graded_before = progress.with_untracked(|p| last_grade(p, info));
    let revealed = RwSignal::new(graded_before.is_some());
    let ticked = RwSignal::new(vec![false; exercise.rubric.len()]);
    let grade = RwSignal::new(graded_before);
    let status = RwSignal::new(String::new());
    let units = exercise.rubric.len();
    let on_grade = move |_| {
        let covered = ticked.with(|t| t.iter().filter(|x| **x).count());
        let recall = self_grade(covered, units);
        progress.update(|p| {
            p.record_recalls(
                &exercise_key(info.slug),
                Source::Exercise,
                vec![(info.slug.to_string(), recall)],
                now(),
            );
        });
        grade.set(Some(recall));
        status.set(format!(
            "{covered} of {units} ideas. {}",
            grade_text(recall)
        ));
    };

    view! {
        <section class="exercise-answer" aria-labelledby="exercise-answer-label">
            <h2><label id="exercise-answer-label" for="exercise-answer">"Your answer"</label></h2>
            <TextEditor draft id="exercise-answer" rows=14 noun="answer"/>
            {move || (!revealed.get()).then(|| view! {
                <p><button type="button" class="button button-primary" on:click=move |_| revealed.set(true)>"Show the model answer"</button></p>
            })}
        </section>
        {
            let exercise = exercise.clone();
            move || revealed.get().then(|| view! {
                <section class="exercise-model" aria-labelledby="exercise-model">
                    <h2 id="exercise-model">"The model answer"</h2>
                    <RichText html=exercise.model.clone()/>
                </section>
                <fieldset class="exercise-rubric-check">
                    <legend>"Which of these ideas does your answer cover?"</legend>
                    {exercise.rubric.iter().enumerate().map(|(i, unit)| view! {
                        <label class="exercise-unit">
                            <input type="checkbox" on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                ticked.update(|t| t[i] = on);
                            }/>
                            <span inner_html=unit.clone()></span>
                        </label>
                    }).collect_view()}
                    <p><button type="button" class="button button-primary" on:click=on_grade>"Grade my answer"</button></p>
                </fieldset>
            })
        }
        <p class="exercise-grade" role="status" aria-live="polite">{move || status.get()}</p>
        {move || grade.get().filter(|_| status.with(String::is_empty)).map(|g| view! {
            <p class="exercise-grade">{format!("Your last grade: {}", grade_text(g))}</p>
        })}
    }
}
