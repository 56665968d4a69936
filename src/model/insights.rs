//! What the Progress page shows of the learner's knowledge, written as HTML text: mastery per
//! module and the reviews due over the next two weeks (charts in inline SVG, each with a table
//! or a sentence as its text), the weakest questions and lessons, past practice exams, and a
//! one-page course summary to print. Plain functions of the model's values, tested natively;
//! `components::insights` wires them to the page.
//!
//! Text, not typed views: typed views for every row, bar and step cost about 16 KB of brotli'd
//! wasm, the text about a quarter of that. Every text from outside the code is escaped
//! ([`escape`]); question prompts are HTML the build wrote. Charts take their colors from CSS
//! classes (`style/insights.css`), never from `style=`: the content security policy allows no
//! inline styles.

use std::fmt::Write;

use super::calendar;
use super::course::{Course, ExerciseInfo};
use super::exam::PastExam;
use super::html::escape;
use super::progress::{exercise_key, Progress, Recall, Time};
use super::review::{self, Item, Mastery};
use super::scenario::Standing;

/// How many days the chart of reviews due covers, today first.
pub const DUE_DAYS: usize = 14;
/// How many of the weakest questions and lessons are listed.
const WEAKEST: usize = 5;
/// The mastery chart: the height of a module's row and the width of a level's step.
const ROW: usize = 30;
const STEP: usize = 50;
/// The chart of reviews due: the baseline, the tallest bar and the width of a day.
const BASE: u32 = 110;
const TALLEST: u32 = 90;
const SLOT: usize = 22;

/// Every module's mastery, in course order.
pub fn masteries(items: &[Item], course: &Course) -> Vec<Mastery> {
    course
        .modules
        .iter()
        .map(|m| review::mastery(m, items))
        .collect()
}

/// Each module's level as a row of four steps (hidden from screen readers), and a table that
/// says the same.
pub fn mastery_html(all: &[Mastery], course: &Course) -> String {
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 320 {}\" aria-hidden=\"true\" focusable=\"false\">",
        all.len() * ROW
    );
    let mut rows = String::new();
    for (i, (m, module)) in all.iter().zip(course.modules).enumerate() {
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
pub fn due_html(counts: &[u32], today: i64, review: &str) -> String {
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

/// The questions and lessons least likely remembered at `now`, each linked to its lesson
/// (`lesson` gives a slug's href and title), with each question's prompt (HTML, from
/// `prompt(lesson, question id)`); nothing before the first answer.
pub fn weakest_html<'a>(
    all: &'a [Item],
    now: Time,
    lesson: impl Fn(&str) -> (String, &'static str),
    mut prompt: impl FnMut(&'a str, &str) -> String,
) -> String {
    if all.is_empty() {
        return String::new();
    }
    let mut out = String::from("<section class=\"insights\" aria-labelledby=\"weakest-title\"><h2 id=\"weakest-title\">Where you are weakest</h2><h3 id=\"weakest-questions\">Questions</h3><ol class=\"weakest\" aria-labelledby=\"weakest-questions\">");
    for i in review::weakest(all, now, WEAKEST) {
        let r = percent(review::recall_now(i, now));
        let prompt = prompt(&i.slug, &i.question);
        let (href, title) = lesson(&i.slug);
        let _ = write!(
            out,
            "<li><div class=\"weak-prompt\">{prompt}</div><p class=\"weak-meta\"><a href=\"{}#question-{}\">{}</a> · recall now {r}%, {} · {}{}</p></li>",
            escape(&href),
            escape(&i.question),
            escape(title),
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
        let (href, title) = lesson(slug);
        let _ = write!(
            out,
            "<li><a href=\"{}\">{}</a> · recall now {r}% on average, {}</li>",
            escape(&href),
            escape(title),
            recall_words(r)
        );
    }
    out.push_str("</ol></section>");
    out
}

/// Every past exam, newest first: when (`date` words a time), how long, timed or not, the
/// score, and the score per module.
pub fn exams_html(exams: &[PastExam], date: impl Fn(Time) -> String, start: &str) -> String {
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
pub fn sheet_html(
    name: &str,
    date: &str,
    (done, total): (usize, usize),
    all: &[Mastery],
    course: &Course,
) -> String {
    let mut rows = String::new();
    for (i, (m, module)) in all.iter().zip(course.modules).enumerate() {
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
        escape(course.title),
        escape(name.trim())
    )
}

/// One scenario as the learner's view lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioLine<'a> {
    pub title: &'a str,
    pub href: String,
    /// Where the learner stands, once the scenario's data is in memory; `None` while it loads.
    pub standing: Option<Standing>,
    /// The title of the ending the latest finished playthrough reached.
    pub ending: Option<String>,
}

/// The written exercises in numbers: those to write, those graded, and the latest grades.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExerciseCounts {
    pub total: usize,
    pub graded: usize,
    pub good: usize,
    pub hard: usize,
    pub again: usize,
}

impl ExerciseCounts {
    /// Counts the exercises to write (not the worked examples, `step` 1) and each one's latest
    /// grade, from the exercise page or a review.
    pub fn of(progress: &Progress, exercises: &[ExerciseInfo]) -> ExerciseCounts {
        let mut out = ExerciseCounts::default();
        for e in exercises.iter().filter(|e| e.step != 1) {
            out.total += 1;
            let history = progress.log().history(&exercise_key(e.slug));
            let latest = history.iter().flat_map(|(_, h)| h.last()).max();
            match latest.map(|l| l.recall) {
                None => continue,
                Some(Recall::Right) => out.good += 1,
                Some(Recall::RightUnsure) => out.hard += 1,
                Some(_) => out.again += 1,
            }
            out.graded += 1;
        }
        out
    }
}

/// The scenarios played and the exercises written, for the Progress page.
pub fn practice_html(
    scenarios: &[ScenarioLine],
    exercises: ExerciseCounts,
    scenarios_href: &str,
    exercises_href: &str,
) -> String {
    let mut out = String::from("<section class=\"insights\" aria-labelledby=\"practice-title\"><h2 id=\"practice-title\">Scenarios and exercises</h2>");
    let played: Vec<&ScenarioLine> = scenarios
        .iter()
        .filter(|l| {
            l.standing
                .is_none_or(|s| s.finished > 0 || s.in_progress.is_some())
        })
        .collect();
    if played.is_empty() {
        let _ = write!(
            out,
            "<p>No decision scenario played yet. <a href=\"{}\">Play one</a>: you make a TPM's calls one at a time and see your path beside an expert's.</p>",
            escape(scenarios_href)
        );
    } else {
        let _ = write!(
            out,
            "<p>{} of {} decision scenarios played. Agreement is that of your latest finished playthrough.</p><ul class=\"practice-list\">",
            played.len(),
            scenarios.len()
        );
        for l in played {
            let state = match l.standing {
                None => "loading…".to_string(),
                Some(Standing {
                    agreement: Some((agreed, all)),
                    ..
                }) => {
                    let ending = l
                        .ending
                        .as_deref()
                        .map_or(String::new(), |e| format!(", ending “{}”", escape(e)));
                    format!("chose as the expert did at {agreed} of {all} decisions{ending}")
                }
                Some(s) => format!("under way, {} decisions made", s.in_progress.unwrap_or(0)),
            };
            let _ = write!(
                out,
                "<li><a href=\"{}\">{}</a>: {state}</li>",
                escape(&l.href),
                escape(l.title)
            );
        }
        out.push_str("</ul>");
    }
    let e = exercises;
    if e.graded == 0 {
        let _ = write!(
            out,
            "<p>No written exercise graded yet, of {}. <a href=\"{}\">Write one</a>: then compare with a model answer and grade your own.</p>",
            e.total,
            escape(exercises_href)
        );
    } else {
        let _ = write!(
            out,
            "<p>{} of {} written exercises graded: latest grades {} Good, {} Hard, {} Again. <a href=\"{}\">All exercises</a></p>",
            e.graded,
            e.total,
            e.good,
            e.hard,
            e.again,
            escape(exercises_href)
        );
    }
    out.push_str("</section>");
    out
}

/// The printable summary's rows for practice: scenarios finished with their agreement, and
/// exercises graded.
pub fn practice_sheet_html(scenarios: &[ScenarioLine], exercises: ExerciseCounts) -> String {
    let mut rows = String::new();
    for l in scenarios {
        if let Some(Standing {
            agreement: Some((agreed, all)),
            ..
        }) = l.standing
        {
            let _ = write!(
                rows,
                "<tr><th scope=\"row\">{}</th><td>{agreed} of {all} decisions as the expert</td></tr>",
                escape(l.title)
            );
        }
    }
    let _ = write!(
        rows,
        "<tr><th scope=\"row\">Written exercises</th><td>{} of {} graded ({} Good, {} Hard, {} Again)</td></tr>",
        exercises.graded, exercises.total, exercises.good, exercises.hard, exercises.again
    );
    format!(
        "<table class=\"insights-table\"><caption>Practice</caption><tbody>{rows}</tbody></table>"
    )
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
            _ => format!("{}: {n}", calendar::date(today + d as i64).short()),
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
    use crate::outline::COURSE;

    /// Day 20_417 is Tuesday, November 25, 2025.
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
            "63 reviews due in the next 14 days: today 39 (with any overdue), tomorrow 4, Sat Dec 6: 20. None on the other days."
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
        let html = mastery_html(&all, &COURSE);
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
            exams_html(&exams, |_| "December 3, 2026".into(), "/exam/"),
            "<ol class=\"past-exams\"><li class=\"past-exam\"><p><strong>December 3, 2026</strong> · 3 questions · untimed</p><p><span class=\"past-exam-score\">33% · not passed</span></p><p class=\"past-exam-modules\">By module: module 1 1/1, module 3 0/1, module 4 0/1</p></li><li class=\"past-exam\"><p><strong>December 3, 2026</strong> · 3 questions · timed</p><p><span class=\"past-exam-score passed\">100% · passed</span></p><p class=\"past-exam-modules\">By module: module 1 3/3</p></li></ol><p><a href=\"/exam/\">Take another practice exam</a></p>"
        );
        assert_eq!(
            exams_html(&[], |_| String::new(), "/exam/"),
            "<p>No practice exams yet. <a href=\"/exam/\">Take a practice exam</a></p>"
        );
    }

    #[test]
    fn the_learners_name_is_escaped_on_the_summary() {
        let html = sheet_html(
            " <b>Ada</b> & \"Co\" ",
            "December 5, 2026",
            (11, 39),
            &[],
            &COURSE,
        );
        assert!(html.contains("<dd class=\"summary-learner\">&lt;b&gt;Ada&lt;/b&gt; &amp; &quot;Co&quot;</dd><dt>Date</dt><dd>December 5, 2026</dd><dt>Lessons completed</dt><dd>11 of 39</dd>"), "{html}");
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

    #[test]
    fn scenarios_played_and_exercises_graded_read_as_text_and_as_summary_rows() {
        use crate::model::progress::{Progress, Source};
        static EXERCISES: [ExerciseInfo; 3] = [
            ExerciseInfo {
                slug: "worked",
                title: "W",
                subtitle: "",
                minutes: 5,
                module: "m",
                lessons: &[],
                sequence: "s",
                step: 1,
                data: "",
            },
            ExerciseInfo {
                slug: "status",
                title: "S",
                subtitle: "",
                minutes: 5,
                module: "m",
                lessons: &[],
                sequence: "s",
                step: 2,
                data: "",
            },
            ExerciseInfo {
                slug: "memo",
                title: "M",
                subtitle: "",
                minutes: 5,
                module: "m",
                lessons: &[],
                sequence: "",
                step: 0,
                data: "",
            },
        ];
        let mut p = Progress::new("tpm", "d");
        let none = ExerciseCounts::of(&p, &EXERCISES);
        assert_eq!(
            none,
            ExerciseCounts {
                total: 2,
                ..ExerciseCounts::default()
            }
        );
        p.record_recalls(
            "exercise:status",
            Source::Exercise,
            vec![("status".into(), Recall::Wrong)],
            5,
        );
        // The latest grade counts, also one from a review.
        p.record_recalls(
            "exercise:status",
            Source::Review,
            vec![("status".into(), Recall::RightUnsure)],
            9,
        );
        let counts = ExerciseCounts::of(&p, &EXERCISES);
        assert_eq!(
            counts,
            ExerciseCounts {
                total: 2,
                graded: 1,
                good: 0,
                hard: 1,
                again: 0
            }
        );
        let lines = [
            ScenarioLine {
                title: "The Vault Slips",
                href: "/scenarios/the-vault-slips/".into(),
                standing: Some(Standing {
                    finished: 1,
                    agreement: Some((7, 9)),
                    ending: Some(0),
                    in_progress: None,
                }),
                ending: Some("Replanned in the open".into()),
            },
            ScenarioLine {
                title: "Untouched",
                href: "/scenarios/u/".into(),
                standing: Some(Standing::default()),
                ending: None,
            },
            ScenarioLine {
                title: "Loading",
                href: "/scenarios/l/".into(),
                standing: None,
                ending: None,
            },
        ];
        assert_eq!(
            practice_html(&lines, counts, "/scenarios/", "/exercises/"),
            "<section class=\"insights\" aria-labelledby=\"practice-title\"><h2 id=\"practice-title\">Scenarios and exercises</h2><p>2 of 3 decision scenarios played. Agreement is that of your latest finished playthrough.</p><ul class=\"practice-list\"><li><a href=\"/scenarios/the-vault-slips/\">The Vault Slips</a>: chose as the expert did at 7 of 9 decisions, ending “Replanned in the open”</li><li><a href=\"/scenarios/l/\">Loading</a>: loading…</li></ul><p>1 of 2 written exercises graded: latest grades 0 Good, 1 Hard, 0 Again. <a href=\"/exercises/\">All exercises</a></p></section>"
        );
        assert_eq!(
            practice_sheet_html(&lines, counts),
            "<table class=\"insights-table\"><caption>Practice</caption><tbody><tr><th scope=\"row\">The Vault Slips</th><td>7 of 9 decisions as the expert</td></tr><tr><th scope=\"row\">Written exercises</th><td>1 of 2 graded (0 Good, 1 Hard, 0 Again)</td></tr></tbody></table>"
        );
        assert!(
            practice_html(&lines[1..2], none, "/scenarios/", "/exercises/")
                .contains("No decision scenario played yet. <a href=\"/scenarios/\">Play one</a>")
        );
    }
}
