//! What the learner knows, on the Progress page: mastery per module and the reviews due over
//! the next two weeks (charts in inline SVG, each with a table or a sentence as its text),
//! the weakest questions and lessons, past practice exams, and a one-page course summary to
//! print.
//!
//! The parts that change with progress are HTML text written by `model::insights` and set
//! with `inner_html`; this component wires them to the learner's progress and the clock.

use std::fmt::Write;

use leptos::prelude::*;

use crate::model::calendar::{self, Date};
use crate::model::course::ScenarioInfo;
use crate::model::exam;
use crate::model::html::escape;
use crate::model::insights::{
    due_html, exams_html, masteries, mastery_html, practice_html, practice_sheet_html, sheet_html,
    weakest_html, ExerciseCounts, ScenarioLine, DUE_DAYS,
};
use crate::model::progress::Time;
use crate::model::review;
use crate::outline::{COURSE, EXERCISES, SCENARIOS};
use crate::paths;
use crate::state::learning::{use_clock, use_items};
use crate::state::preferences::use_preferences;
use crate::state::progress::use_progress;

/// The class on `<html>` while the course summary prints; `style/insights.css` then prints the
/// summary alone.
const PRINTING: &str = "printing-summary";

/// Mastery, reviews due, weak spots, past exams and the printable summary, as sections of
/// the Progress page.
#[component]
pub fn Insights() -> impl IntoView {
    let items = use_items();
    let clock = use_clock();
    let progress = use_progress();
    let name = use_preferences().learner_name;
    // Bumped when a lesson's data arrives, so its prompts show.
    let loaded = RwSignal::new(0u32);
    let after = window_event_listener_untyped("afterprint", |_| {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_1(PRINTING);
        }
    });
    on_cleanup(move || after.remove());
    let print = move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1(PRINTING);
        }
        let _ = window().print();
    };

    // One text for every part that changes with progress: one effect, one update. It is set
    // again only when it changes (a new answer, a day or a percent moving on, prompts loaded).
    let body = move || {
        let now = clock.get();
        items.with(|all| {
            let mut out = String::new();
            if all.is_empty() {
                let first = COURSE
                    .first_lesson()
                    .map_or_else(paths::home, |r| paths::lesson(r.lesson.slug));
                let _ = write!(
                    out,
                    "<p class=\"insights-empty\">You have not answered any quiz questions yet. Every lesson ends with a quiz: <a href=\"{}\">start with the first lesson</a>. What you know, what to review and where you are weakest will show here.</p>",
                    escape(&first)
                );
            }
            out.push_str("<section class=\"insights\" aria-labelledby=\"mastery-title\"><h2 id=\"mastery-title\">Mastery by module</h2><p class=\"insights-note\">From Not started, through Attempted, Familiar and Proficient, to Mastered: questions answered right after a week away.</p>");
            out.push_str(&mastery_html(&masteries(all, &COURSE), &COURSE));
            out.push_str("</section><section class=\"insights\" aria-labelledby=\"due-title\"><h2 id=\"due-title\">Reviews due in the next two weeks</h2>");
            if all.is_empty() {
                out.push_str("<p>Nothing to review yet: every question you answer comes back here on the day it is due.</p>");
            } else {
                let today = local_day(now);
                let start = calendar::day_start(today, offset(now));
                let counts = review::due_by_day(all, start, DUE_DAYS);
                out.push_str(&due_html(&counts, today, &paths::review()));
            }
            out.push_str("</section>");
            loaded.track();
            let mut asked: Vec<&str> = Vec::new();
            out.push_str(&weakest_html(all, now, lesson, |slug, id| {
                prompt(slug, id, loaded, &mut asked)
            }));
            out.push_str("<section class=\"insights\" aria-labelledby=\"exams-title\"><h2 id=\"exams-title\">Practice exams</h2>");
            let exams = progress.with(|p| exam::history(p, &COURSE));
            out.push_str(&exams_html(&exams, |at| local_date(at).long(), &paths::exam()));
            out.push_str("</section>");
            let lines = progress.with(|p| scenario_lines(p, loaded));
            let exercises = progress.with(|p| ExerciseCounts::of(p, EXERCISES));
            out.push_str(&practice_html(&lines, exercises, &paths::scenarios(), &paths::exercises()));
            out
        })
    };
    let sheet = move || {
        let (done, total) = progress.with(|p| p.completed_count(&COURSE));
        let date = local_date(clock.get()).long();
        let all = items.with(|i| masteries(i, &COURSE));
        let lines = progress.with(|p| scenario_lines(p, loaded));
        let exercises = progress.with(|p| ExerciseCounts::of(p, EXERCISES));
        let mut sheet = name.with(|name| sheet_html(name, &date, (done, total), &all, &COURSE));
        sheet.push_str(&practice_sheet_html(&lines, exercises));
        sheet
    };

    view! {
        <div class="insights-body" inner_html=body></div>
        <section class="insights" aria-labelledby="summary-title">
            <h2 id="summary-title">"Course summary"</h2>
            <p>"One page to print or save as a PDF: your name, the date, each module's level and the lessons you have completed."</p>
            <label class="summary-name" for="learner-name">"Your name on the summary"</label>
            <input id="learner-name" class="summary-name-input" type="text" autocomplete="name"
                maxlength="80" aria-describedby="learner-name-note"
                prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            <p id="learner-name-note" class="insights-note">"Kept only in this browser."</p>
            <button type="button" class="button" on:click=print>"Print summary"</button>
            <div class="summary-sheet" inner_html=sheet></div>
        </section>
    }
}

/// Each scenario with where the learner stands; a played scenario whose data is not in memory
/// yet is fetched once and `loaded` bumped when it arrives.
pub fn scenario_lines(
    p: &crate::model::progress::Progress,
    loaded: RwSignal<u32>,
) -> Vec<ScenarioLine<'static>> {
    loaded.track();
    SCENARIOS
        .iter()
        .map(|info| {
            let plays = p.plays(info.slug);
            let taken: Vec<&[crate::model::scenario::Taken]> =
                plays.iter().map(|play| play.taken.as_slice()).collect();
            let (standing, ending) = match crate::lesson_store::cached_scenario(info.slug) {
                Some(s) => {
                    let standing = s.standing(&taken);
                    let ending = standing.ending.map(|e| s.endings[e].title.clone());
                    (Some(standing), ending)
                }
                None if plays.is_empty() => (Some(Default::default()), None),
                None => {
                    if crate::platform::IN_BROWSER {
                        leptos::task::spawn_local(async move {
                            if crate::lesson_store::load_scenario(info).await.is_ok() {
                                loaded.update(|n| *n += 1);
                            }
                        });
                    }
                    (None, None)
                }
            };
            ScenarioLine {
                title: info.title,
                href: paths::scenario(info.slug),
                standing,
                ending,
            }
        })
        .collect()
}

/// A question's prompt (HTML) if its lesson's data is in memory; otherwise fetches it once
/// (`asked` holds the lessons already asked for) and bumps `loaded` when it arrives.
fn prompt<'a>(slug: &'a str, id: &str, loaded: RwSignal<u32>, asked: &mut Vec<&'a str>) -> String {
    if let Some(lesson) = crate::lesson_store::cached(slug) {
        return lesson
            .quiz
            .into_iter()
            .flat_map(|q| q.questions)
            .find(|q| q.id == id)
            .map(|q| q.prompt)
            .unwrap_or_default();
    }
    if let Some(s) = ScenarioInfo::of_key(SCENARIOS, slug) {
        if let Some(scenario) = crate::lesson_store::cached_scenario(s.slug) {
            let point = scenario.points.iter().find(|p| p.id == id);
            return point.map(|p| p.situation.clone()).unwrap_or_default();
        }
        if !asked.contains(&slug) {
            asked.push(slug);
            leptos::task::spawn_local(async move {
                if crate::lesson_store::load_scenario(s).await.is_ok() {
                    loaded.update(|n| *n += 1);
                }
            });
        }
        return String::new();
    }
    if let Some(r) = COURSE.find_lesson(slug).filter(|_| !asked.contains(&slug)) {
        asked.push(slug);
        leptos::task::spawn_local(async move {
            if crate::lesson_store::load(r.lesson).await.is_ok() {
                loaded.update(|n| *n += 1);
            }
        });
    }
    String::new()
}

/// Minutes to add to local time to get UTC at `at` (JavaScript's `getTimezoneOffset`); none
/// when the page is rendered at build time, where there is no browser.
fn offset(at: Time) -> i64 {
    crate::platform::timezone_offset(at)
}

/// The learner's local day a time falls on.
pub fn local_day(at: Time) -> i64 {
    calendar::day_number(at, offset(at))
}

pub fn local_date(at: Time) -> Date {
    calendar::date(local_day(at))
}

/// A lesson's (or a scenario's) href and title, for the list of weak spots.
fn lesson(slug: &str) -> (String, &'static str) {
    if let Some(s) = ScenarioInfo::of_key(SCENARIOS, slug) {
        return (paths::scenario(s.slug), s.title);
    }
    (
        paths::lesson(slug),
        COURSE.find_lesson(slug).map_or("", |r| r.lesson.title),
    )
}
