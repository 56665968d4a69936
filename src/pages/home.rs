//! The course home: what the course is, how far the learner has come, and where to go next.

use leptos::prelude::*;

use crate::components::lesson_state::{state_class, state_icon};
use crate::components::safety::IosHint;
use crate::components::weekly_goal::ThisWeek;
use crate::model::review::{mastery, review_label};
use crate::outline::{COURSE, EXERCISES, SCENARIOS};
use crate::paths::{self, RESUME_STATE};
use crate::state::learning::{use_due_count, use_items};
use crate::state::progress::use_progress;

/// The course home page.
#[component]
pub fn HomePage() -> impl IntoView {
    crate::document::set_title("");
    let progress = use_progress();
    let resume = move || {
        progress.with(|p| {
            p.last_lesson
                .as_deref()
                .and_then(|slug| COURSE.find_lesson(slug))
        })
    };
    let overall = move || progress.with(|p| p.completed_count(&COURSE));
    let due = use_due_count();
    let items = use_items();

    view! {
        <section class="home-hero" aria-labelledby="course-title">
            <h1 id="course-title" tabindex="-1">{COURSE.title}</h1>
            <p class="home-description">{COURSE.description}</p>
            {move || {
                let (done, total) = overall();
                let percent = if total == 0 { 0 } else { done * 100 / total };
                view! {
                    <div class="progress-summary">
                        <progress class="progress-bar" max="100" value=percent
                            aria-label="Course progress"></progress>
                        <p class="progress-text">
                            {format!("{done} of {total} lessons completed ({percent}%)")}
                        </p>
                    </div>
                }
            }}
            {move || match resume() {
                Some(r) => view! {
                    <a href=paths::lesson(r.lesson.slug) class="button button-primary home-start"
                        data-history-state=RESUME_STATE>
                        "Resume: " {r.lesson.title}
                    </a>
                }.into_any(),
                None => {
                    let first = COURSE.first_lesson().expect("the build refuses an empty course");
                    view! {
                        <a href=paths::lesson(first.lesson.slug) class="button button-primary home-start">
                            "Start the course"
                        </a>
                    }.into_any()
                }
            }}
            <ThisWeek/>
            <p class="home-learning">
                <a href=paths::review() class="button home-review">{move || review_label(due.get())}</a>
                <a href=paths::exam() class="button">"Practice exam"</a>
                <a href=paths::scenarios() class="button">"Decision scenarios"</a>
                <a href=paths::exercises() class="button">"Written exercises"</a>
                <a href=paths::notebook() class="button">"Your notebook"</a>
            </p>
        </section>
        <IosHint/>
        <section class="outline" aria-labelledby="outline-title">
            <h2 id="outline-title">"Course outline"</h2>
            <ol class="outline-modules">
                {COURSE.modules.iter().enumerate().map(|(m, module)| {
                    let level = move || mastery(module, &items.read()).level;
                    let module_progress = move || progress.with(|p| {
                        let done = module.lessons.iter().filter(|l| p.is_completed(l.slug)).count();
                        (done, module.lessons.len())
                    });
                    view! {
                        <li class="outline-module">
                            <h3 class="outline-module-title">
                                <span class="outline-module-number">{format!("Module {}", m + 1)}</span>
                                {module.title}
                            </h3>
                            <p class="outline-module-progress">
                                <progress class="module-bar" max=module.lessons.len()
                                    value=move || module_progress().0 aria-hidden="true"></progress>
                                {move || {
                                    let (done, total) = module_progress();
                                    format!("{done} of {total} lessons completed")
                                }}
                            </p>
                            <p class="outline-module-mastery">
                                "Mastery: "<span class="mastery" data-level=move || level().class()>{move || level().label()}</span>
                            </p>
                            <ol class="outline-lessons">
                                {module.lessons.iter().map(|lesson| {
                                    let state = move || progress.with(|p| p.state(lesson));
                                    view! {
                                        <li class="outline-lesson" data-state=move || state_class(state())>
                                            <span class="outline-lesson-icon" aria-hidden="true">
                                                {move || state_icon(state())}
                                            </span>
                                            <a href=paths::lesson(lesson.slug)>{lesson.title}</a>
                                            <span class="visually-hidden">{move || format!(", {}", state().label())}</span>
                                            <span class="outline-lesson-minutes">{format!("{} min", lesson.minutes)}</span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                            {SCENARIOS.iter().filter(|s| s.module == module.slug).map(|s| view! {
                                <p class="outline-module-practice">
                                    "Scenario: "<a href=paths::scenario(s.slug)>{s.title}</a>
                                    <span class="outline-lesson-minutes">{format!("{} decisions", s.points)}</span>
                                </p>
                            }).collect_view()}
                            {EXERCISES.iter().any(|e| e.module == module.slug).then(|| {
                                let count = EXERCISES.iter().filter(|e| e.module == module.slug && e.step != 1).count();
                                view! {
                                    <p class="outline-module-practice">
                                        "Exercises: "<a href=format!("{}#exercises-{}", paths::exercises(), module.slug)>{format!("{count} to write")}</a>
                                    </p>
                                }
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
