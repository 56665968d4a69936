//! What the learner knows, on the Progress page: mastery per module and the reviews due over
//! the next two weeks (charts in inline SVG, each with a table or a sentence as its text),
//! the weakest questions and lessons, past practice exams, and a one-page course summary to
//! print.
//!
//! The parts that change with progress are written as HTML text by the plain functions below
//! and set with `inner_html`: typed views for every row, bar and step cost about 16 KB of
//! brotli'd wasm, the text about a quarter of that. Every text from outside the code is
//! escaped ([`escape`]); question prompts are HTML the build wrote. Charts take their colors
//! from CSS classes (`style/insights.css`), never from `style=`: the content security policy
//! allows no inline styles.

use std::fmt::Write;

use leptos::prelude::*;

use crate::model::calendar::{self, Date};
use crate::model::exam::{self, PastExam};
use crate::model::html::escape;
use crate::model::progress::Time;
use crate::model::review::{self, Item, Mastery};
use crate::outline::COURSE;
use crate::paths;
use crate::state::learning::{use_clock, use_items};
use crate::state::preferences::use_preferences;
use crate::state::progress::use_progress;

/// How many days the chart of reviews due covers, today first.
const DUE_DAYS: usize = 14;
/// How many of the weakest questions and lessons are listed.
const WEAKEST: usize = 5;
/// The class on `<html>` while the course summary prints; `style/insights.css` then prints the
/// summary alone.
const PRINTING: &str = "printing-summary";
/// The mastery chart: the height of a module's row and the width of a level's step.
const ROW: usize = 30;
const STEP: usize = 50;
/// The chart of reviews due: the baseline, the tallest bar and the width of a day.
const BASE: u32 = 110;
const TALLEST: u32 = 90;
const SLOT: usize = 22;

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
            out.push_str(&mastery_html(&masteries(all)));
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
            out.push_str(&weakest_html(all, now, |slug, id| {
                prompt(slug, id, loaded, &mut asked)
            }));
            out.push_str("<section class=\"insights\" aria-labelledby=\"exams-title\"><h2 id=\"exams-title\">Practice exams</h2>");
            let exams = progress.with(|p| exam::history(p, &COURSE));
            out.push_str(&exams_html(&exams, |at| local_date(at).long(), &paths::exam()));
            out.push_str("</section>");
            out
        })
    };
    let sheet = move || {
        let (done, total) = progress.with(|p| p.completed_count(&COURSE));
        let date = local_date(clock.get()).long();
        let all = items.with(|i| masteries(i));
        name.with(|name| sheet_html(name, &date, done, total, &all))
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

/// Every module's mastery, in course order.
fn masteries(items: &[Item]) -> Vec<Mastery> {
    COURSE
        .modules
        .iter()
        .map(|m| review::mastery(m, items))
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

/// Each module's level as a row of four steps (hidden from screen readers), and a table that
/// says the same.
fn mastery_html(all: &[Mastery]) -> String {
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 320 {}\" aria-hidden=\"true\" focusable=\"false\">",
        all.len() * ROW
    );
    let mut rows = String::new();
    for (i, (m, module)) in all.iter().zip(COURSE.modules).enumerate() {
        let y = i * ROW;
        let (class, label) = (m.level.class(), m.level.label());
        let _ = write!(
            svg,
            "<g class=\"{class}\"><text class=\"chart-label\" x=\"0\" y=\"{}\">{}</text>",
            y + 20,
            i + 1
        );
        for s in 1..5 {
            let reached = if s <= m.level as usize {
                " reached"
            } else {
                ""
            };
            let _ = write!(
                svg,
                "<rect class=\"step{reached}\" x=\"{}\" y=\"{}\" width=\"46\" height=\"18\" rx=\"3\"/>",
                20 + (s - 1) * STEP,
                y + 6
            );
        }
        let _ = write!(
            svg,
            "<text class=\"chart-value\" x=\"224\" y=\"{}\">{label}</text></g>",
            y + 20
        );
        let _ = write!(
            rows,
            "<tr><th scope=\"row\">{}. {}</th><td><span class=\"mastery\" data-level=\"{class}\">{label}</span></td><td>{} of {}</td></tr>",
            i + 1,
            escape(module.title),
            m.right_now,
            m.questions
        );
    }
    format!(
        "{svg}</svg><table class=\"insights-table\"><caption>Each module's level, and its questions right on their latest answer</caption><thead><tr><th scope=\"col\">Module</th><th scope=\"col\">Level</th><th scope=\"col\">Right now</th></tr></thead><tbody>{rows}</tbody></table>"
    )
}

/// A bar a day for the reviews due (hidden from screen readers), today first on day number
/// `today`, and a sentence that says the same.
fn due_html(counts: &[u32], today: i64, review: &str) -> String {
    let most = counts.iter().copied().max().unwrap_or(0).max(1);
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 320 150\" aria-hidden=\"true\" focusable=\"false\"><line class=\"chart-axis\" x1=\"0\" y1=\"{BASE}\" x2=\"320\" y2=\"{BASE}\"/>"
    );
    for (d, &n) in counts.iter().enumerate() {
        let x = 15 + d * SLOT;
        let h = if n == 0 {
            0
        } else {
            (n * TALLEST / most).max(2)
        };
        let date = calendar::date(today + d as i64);
        let _ = write!(
            svg,
            "<g{}><rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"16\" height=\"{h}\"/>",
            if d == 0 { " class=\"today\"" } else { "" },
            x - 8,
            BASE - h
        );
        if n > 0 {
            let _ = write!(
                svg,
                "<text class=\"chart-value\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{n}</text>",
                BASE - h - 4
            );
        }
        let _ = write!(
            svg,
            "<text class=\"chart-label\" x=\"{x}\" y=\"128\" text-anchor=\"middle\">{}</text><text class=\"chart-label\" x=\"{x}\" y=\"145\" text-anchor=\"middle\">{}</text></g>",
            &date.weekday_name()[..2],
            date.day
        );
    }
    format!(
        "{svg}</svg><p class=\"due-words\">{}</p><p><a href=\"{}\">Review what is due</a></p>",
        due_words(counts, today),
        escape(review)
    )
}

/// The questions and lessons least likely remembered at `now`, each linked to its lesson, with
/// each question's prompt (HTML, from `prompt(lesson, question id)`); nothing before the first
/// answer.
fn weakest_html<'a>(
    all: &'a [Item],
    now: Time,
    mut prompt: impl FnMut(&'a str, &str) -> String,
) -> String {
    if all.is_empty() {
        return String::new();
    }
    let mut out = String::from("<section class=\"insights\" aria-labelledby=\"weakest-title\"><h2 id=\"weakest-title\">Where you are weakest</h2><h3 id=\"weakest-questions\">Questions</h3><ol class=\"weakest\" aria-labelledby=\"weakest-questions\">");
    for i in review::weakest(all, now, WEAKEST) {
        let r = percent(review::recall_now(i, now));
        let prompt = prompt(&i.slug, &i.question);
        let _ = write!(
            out,
            "<li><div class=\"weak-prompt\">{prompt}</div><p class=\"weak-meta\"><a href=\"{}#question-{}\">{}</a> · recall now {r}%, {} · {}{}</p></li>",
            escape(&paths::lesson(&i.slug)),
            escape(&i.question),
            escape(title(&i.slug)),
            recall_words(r),
            missed(i.lapses),
            match i.unsure {
                0 => String::new(),
                1 => " · once not sure".to_string(),
                n => format!(" · {n} times not sure"),
            }
        );
    }
    out.push_str("</ol><h3 id=\"weakest-lessons\">Lessons</h3><ol class=\"weakest\" aria-labelledby=\"weakest-lessons\">");
    for (slug, recall) in review::weakest_lessons(all, now, WEAKEST) {
        let r = percent(recall);
        let _ = write!(
            out,
            "<li><a href=\"{}\">{}</a> · recall now {r}% on average, {}</li>",
            escape(&paths::lesson(slug)),
            escape(title(slug)),
            recall_words(r)
        );
    }
    out.push_str("</ol></section>");
    out
}

/// Every past exam, newest first: when (`date` words a time), how long, timed or not, the
/// score, and the score per module.
fn exams_html(exams: &[PastExam], date: impl Fn(Time) -> String, start: &str) -> String {
    if exams.is_empty() {
        return format!(
            "<p>No practice exams yet. <a href=\"{}\">Take a practice exam</a></p>",
            escape(start)
        );
    }
    let mut out = String::from("<ol class=\"past-exams\">");
    for e in exams {
        let passed = e.score.passed();
        let modules: Vec<String> = e
            .score
            .modules
            .iter()
            .map(|(m, right, total)| format!("module {} {right}/{total}", m + 1))
            .collect();
        let _ = write!(
            out,
            "<li class=\"past-exam\"><p><strong>{}</strong> · {} questions · {}</p><p><span class=\"past-exam-score{}\">{}% · {}</span></p><p class=\"past-exam-modules\">By module: {}</p></li>",
            date(e.at),
            e.score.total,
            if e.timed { "timed" } else { "untimed" },
            if passed { " passed" } else { "" },
            e.score.percent(),
            if passed { "passed" } else { "not passed" },
            modules.join(", ")
        );
    }
    let _ = write!(
        out,
        "</ol><p><a href=\"{}\">Take another practice exam</a></p>",
        escape(start)
    );
    out
}

/// The printed summary: name, date, lessons completed, each module's level and questions right.
fn sheet_html(name: &str, date: &str, done: usize, total: usize, all: &[Mastery]) -> String {
    let mut rows = String::new();
    for (i, (m, module)) in all.iter().zip(COURSE.modules).enumerate() {
        let _ = write!(
            rows,
            "<tr><th scope=\"row\">{}. {}</th><td>{}</td><td>{}% ({} of {})</td></tr>",
            i + 1,
            escape(module.title),
            m.level.label(),
            share(m.right_now, m.questions),
            m.right_now,
            m.questions
        );
    }
    format!(
        "<h3>{}: course summary</h3><dl><dt>Learner</dt><dd class=\"summary-learner\">{}</dd><dt>Date</dt><dd>{date}</dd><dt>Lessons completed</dt><dd>{done} of {total}</dd></dl><table class=\"insights-table\"><caption>Modules</caption><thead><tr><th scope=\"col\">Module</th><th scope=\"col\">Level</th><th scope=\"col\">Questions right</th></tr></thead><tbody>{rows}</tbody></table>",
        escape(COURSE.title),
        escape(name.trim())
    )
}

/// Minutes to add to local time to get UTC at `at` (JavaScript's `getTimezoneOffset`); none
/// when the page is rendered at build time, where there is no browser.
fn offset(at: Time) -> i64 {
    crate::platform::timezone_offset(at)
}

/// The learner's local day a time falls on.
fn local_day(at: Time) -> i64 {
    calendar::day_number(at, offset(at))
}

fn local_date(at: Time) -> Date {
    calendar::date(local_day(at))
}

fn title(slug: &str) -> &'static str {
    COURSE.find_lesson(slug).map_or("", |r| r.lesson.title)
}

/// A chance as a whole percent, rounded.
fn percent(chance: f64) -> u32 {
    (chance * 100.0 + 0.5) as u32
}

/// `part` of `whole` in whole percent, rounded down.
fn share(part: u32, whole: u32) -> u32 {
    (part * 100).checked_div(whole).unwrap_or(0)
}

/// How likely a question is to be recalled, in words.
fn recall_words(percent: u32) -> &'static str {
    match percent {
        90.. => "likely remembered",
        75..=89 => "fading",
        50..=74 => "likely to slip",
        _ => "probably forgotten",
    }
}

fn missed(lapses: u32) -> String {
    match lapses {
        0 => "never missed".into(),
        1 => "missed once".into(),
        n => format!("missed {n} times"),
    }
}

/// The chart of reviews due in a sentence: each day with reviews, and the total.
fn due_words(counts: &[u32], today: i64) -> String {
    let total: u32 = counts.iter().sum();
    if total == 0 {
        return format!("Nothing is due in the next {} days.", counts.len());
    }
    let days: Vec<String> = counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(d, n)| match d {
            0 => format!("today {n} (with any overdue)"),
            1 => format!("tomorrow {n}"),
            _ => format!("{} {n}", calendar::date(today + d as i64).short()),
        })
        .collect();
    let rest = if days.len() < counts.len() {
        " None on the other days."
    } else {
        ""
    };
    format!(
        "{total} reviews due in the next {} days: {}.{rest}",
        counts.len(),
        days.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::exam::ExamScore;
    use crate::model::review::Level;

    /// Day 20_417 is Tuesday 25 November 2025.
    const TUESDAY: i64 = 20_417;

    #[test]
    fn the_chart_of_reviews_due_reads_as_a_sentence() {
        let mut counts = vec![0; 14];
        assert_eq!(
            due_words(&counts, TUESDAY),
            "Nothing is due in the next 14 days."
        );
        counts[0] = 39;
        counts[1] = 4;
        counts[11] = 20;
        assert_eq!(
            due_words(&counts, TUESDAY),
            "63 reviews due in the next 14 days: today 39 (with any overdue), tomorrow 4, Sat 6 Dec 20. None on the other days."
        );
        assert_eq!(
            due_words(&[1, 1], TUESDAY),
            "2 reviews due in the next 2 days: today 1 (with any overdue), tomorrow 1."
        );
    }

    #[test]
    fn the_chart_of_reviews_due_scales_to_the_busiest_day() {
        let html = due_html(&[4, 1, 0], TUESDAY, "/review/");
        assert!(html.starts_with("<svg class=\"chart\" viewBox=\"0 0 320 150\" aria-hidden=\"true\" focusable=\"false\"><line class=\"chart-axis\" x1=\"0\" y1=\"110\" x2=\"320\" y2=\"110\"/><g class=\"today\"><rect class=\"bar\" x=\"7\" y=\"20\" width=\"16\" height=\"90\"/><text class=\"chart-value\" x=\"15\" y=\"16\" text-anchor=\"middle\">4</text><text class=\"chart-label\" x=\"15\" y=\"128\" text-anchor=\"middle\">Tu</text><text class=\"chart-label\" x=\"15\" y=\"145\" text-anchor=\"middle\">25</text></g><g><rect class=\"bar\" x=\"29\" y=\"88\" width=\"16\" height=\"22\"/>"), "{html}");
        assert!(html.contains("<g><rect class=\"bar\" x=\"51\" y=\"110\" width=\"16\" height=\"0\"/><text class=\"chart-label\" x=\"59\" y=\"128\" text-anchor=\"middle\">Th</text>"), "{html}");
        assert!(html.ends_with("</svg><p class=\"due-words\">5 reviews due in the next 3 days: today 4 (with any overdue), tomorrow 1. None on the other days.</p><p><a href=\"/review/\">Review what is due</a></p>"), "{html}");
    }

    #[test]
    fn the_mastery_chart_fills_a_step_per_level() {
        let level = |level| Mastery {
            level,
            questions: 4,
            answered: 4,
            right_once: 4,
            right_now: 3,
            recalled_later: 0,
        };
        let all: Vec<Mastery> = COURSE
            .modules
            .iter()
            .enumerate()
            .map(|(i, _)| level(Level::ALL[i % 5]))
            .collect();
        let html = mastery_html(&all);
        let reached: Vec<usize> = html
            .split("<g ")
            .skip(1)
            .map(|g| g.matches("step reached").count())
            .collect();
        assert_eq!(reached[..5], [0, 1, 2, 3, 4]);
        assert!(html.contains("<g class=\"mastered\"><text class=\"chart-label\" x=\"0\" y=\"140\">5</text><rect class=\"step reached\" x=\"20\" y=\"126\" width=\"46\" height=\"18\" rx=\"3\"/>"), "{html}");
        assert!(html.contains(&format!("<tr><th scope=\"row\">2. {}</th><td><span class=\"mastery\" data-level=\"attempted\">Attempted</span></td><td>3 of 4</td></tr>", escape(COURSE.modules[1].title))), "{html}");
    }

    #[test]
    fn past_exams_list_their_scores() {
        let exam = |timed, right, modules| PastExam {
            at: 0,
            timed,
            score: ExamScore {
                right,
                total: 3,
                modules,
            },
        };
        let exams = [
            exam(false, 1, vec![(0, 1, 1), (2, 0, 1), (3, 0, 1)]),
            exam(true, 3, vec![(0, 3, 3)]),
        ];
        assert_eq!(
            exams_html(&exams, |_| "3 December 2026".into(), "/exam/"),
            "<ol class=\"past-exams\"><li class=\"past-exam\"><p><strong>3 December 2026</strong> · 3 questions · untimed</p><p><span class=\"past-exam-score\">33% · not passed</span></p><p class=\"past-exam-modules\">By module: module 1 1/1, module 3 0/1, module 4 0/1</p></li><li class=\"past-exam\"><p><strong>3 December 2026</strong> · 3 questions · timed</p><p><span class=\"past-exam-score passed\">100% · passed</span></p><p class=\"past-exam-modules\">By module: module 1 3/3</p></li></ol><p><a href=\"/exam/\">Take another practice exam</a></p>"
        );
        assert_eq!(
            exams_html(&[], |_| String::new(), "/exam/"),
            "<p>No practice exams yet. <a href=\"/exam/\">Take a practice exam</a></p>"
        );
    }

    #[test]
    fn the_learners_name_is_escaped_on_the_summary() {
        let html = sheet_html(" <b>Ada</b> & \"Co\" ", "5 December 2026", 11, 39, &[]);
        assert!(html.contains("<dd class=\"summary-learner\">&lt;b&gt;Ada&lt;/b&gt; &amp; &quot;Co&quot;</dd><dt>Date</dt><dd>5 December 2026</dd><dt>Lessons completed</dt><dd>11 of 39</dd>"), "{html}");
    }

    #[test]
    fn chances_read_as_whole_percents_and_words() {
        assert_eq!(percent(0.6077), 61);
        assert_eq!(percent(0.995), 100);
        assert_eq!(percent(0.0), 0);
        assert_eq!(recall_words(percent(0.9358)), "likely remembered");
        assert_eq!(recall_words(percent(0.8689)), "fading");
        assert_eq!(recall_words(percent(0.6077)), "likely to slip");
        assert_eq!(recall_words(49), "probably forgotten");
        assert_eq!(share(13, 15), 86);
        assert_eq!(share(0, 0), 0);
        assert_eq!(missed(0), "never missed");
        assert_eq!(missed(1), "missed once");
        assert_eq!(missed(2), "missed 2 times");
    }
}
