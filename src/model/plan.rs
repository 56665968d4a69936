//! A study plan: a weekly goal (lessons read, or questions reviewed), and each week's standing
//! against it. Weeks start on Monday, in the learner's time zone. No streaks: a missed week is
//! shown as it was, and the next week starts afresh.
//!
//! The goal is a preference of this browser (`tpm-course.weekly-goal`); what counts toward it
//! comes from the record, so work done on another device counts once the records merge.

use crate::model::calendar::{self, Date};
use crate::model::progress::{Progress, Source, Time};

/// What a week's goal counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goal {
    /// Lessons read to their end or marked complete (each lesson once a week).
    Lessons(u32),
    /// Answers given in reviews and practice exams (a lesson's own quiz is not a review).
    Reviews(u32),
}

/// The largest goal a week can have.
pub const MAX_GOAL: u32 = 500;

impl Goal {
    /// As stored: `lessons:3`, `reviews:20`.
    pub fn encode(self) -> String {
        match self {
            Goal::Lessons(n) => format!("lessons:{n}"),
            Goal::Reviews(n) => format!("reviews:{n}"),
        }
    }

    /// From storage; `None` for anything else (a goal of 0, or over [`MAX_GOAL`], too).
    pub fn decode(text: &str) -> Option<Goal> {
        let (kind, n) = text.trim().split_once(':')?;
        let n: u32 = n.parse().ok().filter(|n| (1..=MAX_GOAL).contains(n))?;
        match kind {
            "lessons" => Some(Goal::Lessons(n)),
            "reviews" => Some(Goal::Reviews(n)),
            _ => None,
        }
    }

    /// How many a week asks for.
    pub fn target(self) -> u32 {
        match self {
            Goal::Lessons(n) | Goal::Reviews(n) => n,
        }
    }

    /// "lessons read" or "questions reviewed", for `n` of them.
    pub fn unit(self, n: u32) -> &'static str {
        match (self, n == 1) {
            (Goal::Lessons(_), true) => "lesson read",
            (Goal::Lessons(_), false) => "lessons read",
            (Goal::Reviews(_), true) => "question reviewed",
            (Goal::Reviews(_), false) => "questions reviewed",
        }
    }
}

/// One week against the goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Week {
    /// Its Monday.
    pub monday: Date,
    pub done: u32,
    pub target: u32,
}

impl Week {
    pub fn met(&self) -> bool {
        self.done >= self.target
    }
}

/// The local Monday (as a day number) of the week a day falls in.
pub fn monday_of(day: i64) -> i64 {
    day - i64::from(calendar::date(day).weekday)
}

/// This week and the `past` weeks before it, newest first: what counted in each. `day_of`
/// gives a time's local day number (the learner's time zone).
pub fn weeks(
    p: &Progress,
    goal: Goal,
    today: i64,
    past: usize,
    day_of: impl Fn(Time) -> i64,
) -> Vec<Week> {
    let this = monday_of(today);
    let mut counts = vec![0u32; past + 1];
    let index = |t: Time| -> Option<usize> {
        let back = (this - monday_of(day_of(t))) / 7;
        (back >= 0 && (back as usize) <= past).then_some(back as usize)
    };
    match goal {
        Goal::Lessons(_) => {
            // Each lesson once a week, however often it was finished in it.
            let mut seen: Vec<(usize, &str)> = p
                .log()
                .finished_times()
                .into_iter()
                .filter_map(|(slug, t)| Some((index(t)?, slug)))
                .collect();
            seen.sort_unstable();
            seen.dedup();
            for (w, _) in seen {
                counts[w] += 1;
            }
        }
        Goal::Reviews(_) => {
            for slug in p.log().slugs() {
                for (_, events) in p.log().history(slug) {
                    for e in events {
                        let reviewed =
                            matches!(e.source, Source::Review | Source::Exam | Source::TimedExam);
                        if let Some(w) = index(e.at).filter(|_| reviewed) {
                            counts[w] += 1;
                        }
                    }
                }
            }
        }
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(w, done)| Week {
            monday: calendar::date(this - 7 * w as i64),
            done,
            target: goal.target(),
        })
        .collect()
}

/// This week's standing in words: "2 of 3 lessons read this week." and, once met, "Goal met."
pub fn this_week_text(goal: Goal, week: &Week) -> String {
    let mut out = format!(
        "This week: {} of {} {}.",
        week.done,
        week.target,
        goal.unit(week.target)
    );
    if week.met() {
        out.push_str(" Goal met.");
    }
    out
}

/// A past week in words, plainly: "Week of December 1: 3 of 3, met." or "…: 0 of 3."
pub fn past_week_text(week: &Week) -> String {
    let date = week.monday.long();
    let date = date.rsplit_once(',').map_or(date.as_str(), |(d, _)| d);
    format!(
        "Week of {date}: {} of {}{}",
        week.done,
        week.target,
        if week.met() { ", met." } else { "." }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Time = 1_764_080_000_000; // Tuesday, November 25, 2025, 14:13 UTC
    const DAY: Time = 86_400_000;

    fn utc(t: Time) -> i64 {
        calendar::day_number(t, 0)
    }

    #[test]
    fn goals_read_back_and_nonsense_is_no_goal() {
        for g in [Goal::Lessons(3), Goal::Reviews(20), Goal::Lessons(MAX_GOAL)] {
            assert_eq!(Goal::decode(&g.encode()), Some(g));
        }
        for bad in [
            "",
            "lessons",
            "lessons:0",
            "lessons:-1",
            "reviews:501",
            "minutes:30",
            "lessons:3.5",
        ] {
            assert_eq!(Goal::decode(bad), None, "{bad}");
        }
        assert_eq!(Goal::Lessons(1).unit(1), "lesson read");
        assert_eq!(Goal::Reviews(5).unit(5), "questions reviewed");
    }

    #[test]
    fn weeks_start_on_monday() {
        // Day 20_417 is Tuesday, November 25, 2025; its Monday is the 24th.
        assert_eq!(monday_of(20_417), 20_416);
        assert_eq!(
            calendar::date(monday_of(20_417)).long(),
            "November 24, 2025"
        );
        assert_eq!(monday_of(20_416), 20_416);
        assert_eq!(monday_of(20_422), 20_416, "Sunday the 30th");
        assert_eq!(monday_of(20_423), 20_423, "Monday, December 1");
    }

    #[test]
    fn lessons_count_once_a_week_from_any_device_and_a_missed_week_is_plain() {
        let mut p = Progress::new("tpm", "d1");
        // (A device's facts move forward in time: the oldest first.) Two weeks ago: one
        // lesson. Last week: nothing.
        let week = T + 6 * DAY; // Monday, December 1
        p.reach_end("d", true, week - 14 * DAY);
        // This week (Monday December 1 to Sunday December 7): a read twice, b marked.
        p.reach_end("a", true, week);
        p.reach_end("a", true, week + DAY);
        p.set_completed("b", true, week + 2 * DAY);
        p.set_completed("c", false, week + 2 * DAY);
        // Another device read c this week; the records merged.
        let mut other = Progress::new("tpm", "d2");
        other.reach_end("c", true, week + 3 * DAY);
        p.merge(&other);
        let today = utc(week + 4 * DAY);
        let w = weeks(&p, Goal::Lessons(3), today, 2, utc);
        assert_eq!(
            w.iter()
                .map(|w| (w.monday.long(), w.done, w.met()))
                .collect::<Vec<_>>(),
            vec![
                ("December 1, 2025".to_string(), 3, true),
                ("November 24, 2025".to_string(), 0, false),
                ("November 17, 2025".to_string(), 1, false),
            ]
        );
        assert_eq!(
            this_week_text(Goal::Lessons(3), &w[0]),
            "This week: 3 of 3 lessons read. Goal met."
        );
        assert_eq!(past_week_text(&w[1]), "Week of November 24: 0 of 3.");
        assert_eq!(past_week_text(&w[0]), "Week of December 1: 3 of 3, met.");
        // A reset hides what it reset, here too.
        p.reset_lesson("a", week + 5 * DAY);
        assert_eq!(weeks(&p, Goal::Lessons(3), today, 0, utc)[0].done, 2);
    }

    #[test]
    fn reviews_count_answers_in_reviews_and_exams_not_a_lessons_quiz() {
        use crate::model::course::{Choice, Question, QuestionKind, Quiz};
        let q = Question {
            id: "q1".into(),
            kind: QuestionKind::Single,
            prompt: String::new(),
            explanation: String::new(),
            choices: (0..2)
                .map(|c| Choice {
                    text: String::new(),
                    correct: c == 0,
                    explanation: String::new(),
                })
                .collect(),
            hash: "h".into(),
        };
        let quiz = Quiz {
            title: "Q".into(),
            questions: vec![q.clone()],
        };
        let mut p = Progress::new("tpm", "d1");
        let week = T + 6 * DAY;
        p.record_review("a", &q, &[0], false, week - DAY);
        p.record_quiz("a", &quiz, &[vec![0]], &[], week);
        p.record_review("a", &q, &[0], false, week + DAY);
        p.record_review("a", &q, &[1], true, week + 2 * DAY);
        let w = weeks(&p, Goal::Reviews(5), utc(week + 3 * DAY), 1, utc);
        assert_eq!((w[0].done, w[1].done), (2, 1));
        assert_eq!(
            this_week_text(Goal::Reviews(5), &w[0]),
            "This week: 2 of 5 questions reviewed."
        );
    }
}
