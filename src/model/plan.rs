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

/// Study sessions to put in a calendar: on which days (0 for Monday to 6 for Sunday), when
/// (local time, hours and minutes) and for how long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sessions {
    pub days: Vec<u32>,
    pub hour: u32,
    pub minute: u32,
    pub minutes: u32,
}

const BYDAY: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// The sessions as an iCalendar file (RFC 5545): one event that recurs weekly on the chosen
/// days (`RRULE`), at a floating local time (the learner's clock wherever they are), with an
/// alert ten minutes before (`VALARM`), linking to `review_url` (absolute, with the site's
/// sub-path). It starts on the first chosen day from `today` (a local day number); `stamp`
/// is now, in UTC. `None` without a day.
pub fn ics(
    s: &Sessions,
    course: &str,
    review_url: &str,
    today: i64,
    stamp: Time,
) -> Option<String> {
    let mut days: Vec<u32> = s.days.iter().copied().filter(|d| *d < 7).collect();
    days.sort_unstable();
    days.dedup();
    if days.is_empty() {
        return None;
    }
    let first = (0..7)
        .map(|k| today + k)
        .find(|d| days.contains(&calendar::date(*d).weekday))?;
    let start = calendar::date(first);
    let now = calendar::date(calendar::day_number(stamp, 0));
    let seconds = (stamp / 1000) % 86_400;
    let byday: Vec<&str> = days.iter().map(|d| BYDAY[*d as usize]).collect();
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//tpm-course//Study plan//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:study-plan-{stamp}@tpm-course"),
        format!(
            "DTSTAMP:{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            now.year,
            now.month,
            now.day,
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        ),
        format!(
            "DTSTART:{:04}{:02}{:02}T{:02}{:02}00",
            start.year,
            start.month,
            start.day,
            s.hour.min(23),
            s.minute.min(59)
        ),
        format!("DURATION:PT{}M", s.minutes.clamp(5, 480)),
        format!("RRULE:FREQ=WEEKLY;BYDAY={}", byday.join(",")),
        format!("SUMMARY:{}", text(&format!("Study: {course}"))),
        format!(
            "DESCRIPTION:{}",
            text(&format!("Review what is due, then read on: {review_url}"))
        ),
        format!("URL:{review_url}"),
        "BEGIN:VALARM".into(),
        "ACTION:DISPLAY".into(),
        format!("DESCRIPTION:{}", text(&format!("Study: {course}"))),
        "TRIGGER:-PT10M".into(),
        "END:VALARM".into(),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ];
    Some(lines.iter().map(|l| fold(l)).collect())
}

/// An iCalendar TEXT value: backslashes, semicolons, commas and line breaks escaped.
fn text(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// A content line folded at 75 octets (a break and a space, never inside a character), with
/// its CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
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
    fn study_sessions_as_an_icalendar_file() {
        let s = Sessions {
            days: vec![3, 0, 3, 9],
            hour: 7,
            minute: 30,
            minutes: 30,
        };
        // Today is Tuesday, November 25, 2025: the first session is Thursday the 27th.
        let file = ics(
            &s,
            "TPM, the course",
            "https://x.test/tpm/review/",
            20_417,
            T,
        )
        .unwrap();
        assert_eq!(
            file,
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tpm-course//Study plan//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n\
             BEGIN:VEVENT\r\nUID:study-plan-1764080000000@tpm-course\r\nDTSTAMP:20251125T141320Z\r\n\
             DTSTART:20251127T073000\r\nDURATION:PT30M\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH\r\n\
             SUMMARY:Study: TPM\\, the course\r\n\
             DESCRIPTION:Review what is due\\, then read on: https://x.test/tpm/review/\r\n\
             URL:https://x.test/tpm/review/\r\n\
             BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Study: TPM\\, the course\r\nTRIGGER:-PT10M\r\nEND:VALARM\r\n\
             END:VEVENT\r\nEND:VCALENDAR\r\n"
        );
        // A day already chosen is today's: it starts today.
        let monday = ics(
            &Sessions {
                days: vec![1],
                ..s.clone()
            },
            "T",
            "u",
            20_417,
            T,
        )
        .unwrap();
        assert!(monday.contains("DTSTART:20251125T073000"));
        assert_eq!(
            ics(
                &Sessions {
                    days: vec![],
                    ..s.clone()
                },
                "T",
                "u",
                20_417,
                T
            ),
            None
        );
        // Long lines fold at 75 octets, never inside a character.
        let long = ics(&s, &"é".repeat(60), "u", 20_417, T).unwrap();
        for line in long.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        assert!(long.contains("\r\n "));
        let unfolded = long.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:Study: {}\r\n", "é".repeat(60))));
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
