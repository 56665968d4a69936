//! The learner's progress: what is stored, how it is read back, and the rules that change it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::course::{Course, LessonInfo, Module, Question, Quiz, QuizGrade, Verdict};

/// The schema version written into every stored record.
pub const SCHEMA_VERSION: u32 = 1;

/// The learner's progress through one course: the record kept in localStorage.
///
/// Keyed by lesson slug and question id, so reordering the course keeps it, and a
/// lesson removed from the course keeps its entry untouched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    /// The course id this record belongs to.
    pub course: String,
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
    /// The slug of the lesson opened last, for "Resume".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_lesson: Option<String>,
}

/// Progress in one lesson.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LessonProgress {
    #[serde(default)]
    pub completed: bool,
    /// The learner scrolled to the end of the lesson text.
    #[serde(default)]
    pub reached_end: bool,
    /// The best quiz score, in whole percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best_score: Option<u32>,
    /// How far down the lesson the learner was, from 0 to 1, for "Resume".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<f64>,
    #[serde(default)]
    pub questions: BTreeMap<String, QuestionProgress>,
}

/// The learner's last answer to one question.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuestionProgress {
    /// Indices of the chosen choices.
    pub answer: Vec<usize>,
    pub attempts: u32,
    /// The question's hash when it was answered: another hash means the question changed.
    #[serde(default)]
    pub hash: String,
}

/// The largest progress file an import accepts: real progress is a few kilobytes.
pub const IMPORT_LIMIT: usize = 1_000_000;

/// Why a progress file cannot be imported.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    TooLarge(usize),
    Unreadable(DecodeError),
}

/// What an import would change, so the learner can choose before anything is written.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    /// Lessons of this course completed now.
    pub completed_now: usize,
    /// Lessons of this course completed in the file.
    pub completed_in_file: usize,
    /// Lessons completed after a merge.
    pub completed_after_merge: usize,
    /// Lessons in the file that this course does not have (kept, never deleted).
    pub unknown_lessons: usize,
}

/// Where a learner stands in a lesson, as the outline shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonState {
    NotStarted,
    InProgress,
    QuizPassed,
    Completed,
}

/// A stored answer as it should be shown: stale answers belong to an older question.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredAnswer {
    pub answer: Vec<usize>,
    pub attempts: u32,
    pub stale: bool,
}

/// Why stored progress could not be read. The raw text is always kept aside by the caller.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// Not JSON at all.
    NotJson(String),
    /// JSON, but not a progress record.
    WrongShape(String),
    /// Written by a newer version of the app.
    FutureVersion(u32),
    /// Progress of another course.
    OtherCourse(String),
}

impl Progress {
    pub fn new(course: &str) -> Self {
        Progress {
            version: SCHEMA_VERSION,
            course: course.to_string(),
            lessons: BTreeMap::new(),
            last_lesson: None,
        }
    }

    /// Reads a stored or exported record, checking its version and course.
    pub fn decode(raw: &str, course: &str) -> Result<Progress, DecodeError> {
        #[derive(Deserialize)]
        struct Header {
            version: Option<u64>,
            course: Option<String>,
        }
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(raw) {
            return Err(DecodeError::NotJson(e.to_string()));
        }
        if !raw.trim_start().starts_with('{') {
            return Err(DecodeError::WrongShape(
                "it is JSON, but not an object".into(),
            ));
        }
        let header: Header =
            serde_json::from_str(raw).map_err(|e| DecodeError::WrongShape(e.to_string()))?;
        let version = header
            .version
            .ok_or_else(|| DecodeError::WrongShape("it has no \"version\"".into()))?;
        if version > SCHEMA_VERSION as u64 {
            return Err(DecodeError::FutureVersion(
                version.min(u32::MAX as u64) as u32
            ));
        }
        if version == 0 {
            return Err(DecodeError::WrongShape(
                "\"version\" 0 does not exist".into(),
            ));
        }
        match header.course {
            Some(c) if c == course => {}
            Some(c) => return Err(DecodeError::OtherCourse(c)),
            None => return Err(DecodeError::WrongShape("it has no \"course\"".into())),
        }
        serde_json::from_str(raw).map_err(|e| DecodeError::WrongShape(e.to_string()))
    }

    /// Reads an exported progress file, with a size limit and the same checks as stored data.
    pub fn import(raw: &str, course: &str) -> Result<Progress, ImportError> {
        if raw.len() > IMPORT_LIMIT {
            return Err(ImportError::TooLarge(raw.len()));
        }
        Progress::decode(raw, course).map_err(ImportError::Unreadable)
    }

    /// What merging or replacing with `other` would do.
    pub fn preview_import(&self, other: &Progress, course: &'static Course) -> ImportPreview {
        let mut merged = self.clone();
        merged.merge(other);
        let known: std::collections::BTreeSet<&str> =
            course.lessons().map(|r| r.lesson.slug).collect();
        ImportPreview {
            completed_now: self.completed_count(course).0,
            completed_in_file: other.completed_count(course).0,
            completed_after_merge: merged.completed_count(course).0,
            unknown_lessons: other
                .lessons
                .keys()
                .filter(|s| !known.contains(s.as_str()))
                .count(),
        }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("progress always serialises")
    }

    pub fn lesson(&self, slug: &str) -> Option<&LessonProgress> {
        self.lessons.get(slug)
    }

    fn lesson_mut(&mut self, slug: &str) -> &mut LessonProgress {
        self.lessons.entry(slug.to_string()).or_default()
    }

    /// Notes that the learner opened a lesson.
    pub fn visit(&mut self, slug: &str) {
        self.last_lesson = Some(slug.to_string());
        self.lesson_mut(slug);
    }

    /// Remembers how far down a lesson the learner is.
    pub fn set_position(&mut self, slug: &str, position: f64) {
        let position = (position.clamp(0.0, 1.0) * 1000.0).round() / 1000.0;
        self.lesson_mut(slug).position = Some(position);
    }

    /// The learner reached the end of the lesson text; completes it if the quiz is answered.
    pub fn reach_end(&mut self, slug: &str, has_quiz: bool) {
        let lesson = self.lesson_mut(slug);
        if !lesson.reached_end {
            lesson.reached_end = true;
            if !has_quiz || lesson.best_score.is_some() {
                lesson.completed = true;
            }
        }
    }

    /// Records a submitted quiz and returns its grade.
    ///
    /// The completion rule: a lesson is complete once its end was reached and its
    /// quiz was submitted. The quiz sits at the end, so submitting it counts as both.
    pub fn record_quiz(&mut self, slug: &str, quiz: &Quiz, answers: &[Vec<usize>]) -> QuizGrade {
        let grade = quiz.grade(answers);
        let lesson = self.lesson_mut(slug);
        for (question, answer) in quiz.questions.iter().zip(answers) {
            let entry = lesson.questions.entry(question.id.clone()).or_default();
            entry.answer = answer.clone();
            entry.attempts += 1;
            entry.hash = question.hash.clone();
        }
        lesson.best_score = Some(lesson.best_score.unwrap_or(0).max(grade.score));
        lesson.reached_end = true;
        lesson.completed = true;
        grade
    }

    /// The stored answer to a question, marked stale if the question changed since.
    pub fn answer(&self, slug: &str, question: &Question) -> Option<StoredAnswer> {
        let stored = self.lesson(slug)?.questions.get(&question.id)?;
        Some(StoredAnswer {
            answer: stored.answer.clone(),
            attempts: stored.attempts,
            stale: stored.hash != question.hash,
        })
    }

    /// Marks a lesson complete or not, by the learner's own choice.
    pub fn set_completed(&mut self, slug: &str, completed: bool) {
        self.lesson_mut(slug).completed = completed;
    }

    pub fn is_completed(&self, slug: &str) -> bool {
        self.lesson(slug).is_some_and(|l| l.completed)
    }

    /// The state the outline shows for a lesson.
    pub fn state(&self, lesson: &LessonInfo) -> LessonState {
        match self.lesson(lesson.slug) {
            None => LessonState::NotStarted,
            Some(l) if l.completed => LessonState::Completed,
            Some(l) if l.best_score == Some(100) => LessonState::QuizPassed,
            Some(_) => LessonState::InProgress,
        }
    }

    /// Completed lessons of the current course, out of all its lessons.
    pub fn completed_count(&self, course: &'static Course) -> (usize, usize) {
        let done = course
            .lessons()
            .filter(|r| self.is_completed(r.lesson.slug))
            .count();
        (done, course.lesson_count())
    }

    /// Forgets one lesson's progress, returning what was there for an undo.
    pub fn reset_lesson(&mut self, slug: &str) -> Option<LessonProgress> {
        self.lessons.remove(slug)
    }

    /// Forgets progress in every lesson of one module.
    pub fn reset_module(&mut self, module: &Module) {
        for lesson in module.lessons {
            self.lessons.remove(lesson.slug);
        }
    }

    /// Forgets progress in every lesson of the course; lessons the course no longer has are kept.
    pub fn reset_course(&mut self, course: &'static Course) {
        for r in course.lessons() {
            self.lessons.remove(r.lesson.slug);
        }
        self.last_lesson = None;
    }

    /// Keeps the best of both records: completion, best scores, most attempts.
    ///
    /// For each question the answer with more attempts wins; on a tie, this record's.
    pub fn merge(&mut self, other: &Progress) {
        for (slug, theirs) in &other.lessons {
            let ours = self.lesson_mut(slug);
            ours.completed |= theirs.completed;
            ours.reached_end |= theirs.reached_end;
            ours.best_score = match (ours.best_score, theirs.best_score) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            ours.position = match (ours.position, theirs.position) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            for (id, q) in &theirs.questions {
                match ours.questions.get(id) {
                    Some(mine) if mine.attempts >= q.attempts => {}
                    _ => {
                        ours.questions.insert(id.clone(), q.clone());
                    }
                }
            }
        }
        if self.last_lesson.is_none() {
            self.last_lesson = other.last_lesson.clone();
        }
    }
}

impl LessonState {
    /// The words a screen reader hears for this state.
    pub fn label(self) -> &'static str {
        match self {
            LessonState::NotStarted => "not started",
            LessonState::InProgress => "in progress",
            LessonState::QuizPassed => "quiz passed",
            LessonState::Completed => "completed",
        }
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::NotJson(e) => write!(f, "it is not valid JSON ({e})"),
            DecodeError::WrongShape(e) => write!(f, "it is not a progress record: {e}"),
            DecodeError::FutureVersion(v) => write!(
                f,
                "it was written by a newer version of this course (format {v}, this one reads {SCHEMA_VERSION})"
            ),
            DecodeError::OtherCourse(c) => {
                write!(f, "it belongs to another course (\"{c}\")")
            }
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge(n) => write!(
                f,
                "The file is too large to be progress ({} KB; the limit is {} KB).",
                n / 1000,
                IMPORT_LIMIT / 1000
            ),
            ImportError::Unreadable(e) => write!(f, "This file cannot be imported: {e}."),
        }
    }
}

/// A verdict's word, for feedback and screen readers.
pub fn verdict_label(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Correct => "Correct",
        Verdict::Partial => "Partly right",
        Verdict::Incorrect => "Not quite",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::course::{Choice, QuestionKind};

    fn quiz() -> Quiz {
        let choice = |correct| Choice {
            text: "x".into(),
            correct,
            explanation: String::new(),
        };
        Quiz {
            title: "Q".into(),
            questions: vec![
                Question {
                    id: "q1".into(),
                    kind: QuestionKind::Single,
                    prompt: "p".into(),
                    explanation: String::new(),
                    choices: vec![choice(false), choice(true)],
                    hash: "h1".into(),
                },
                Question {
                    id: "q2".into(),
                    kind: QuestionKind::Multiple,
                    prompt: "p2".into(),
                    explanation: String::new(),
                    choices: vec![choice(true), choice(true), choice(false)],
                    hash: "h2".into(),
                },
            ],
        }
    }

    #[test]
    fn round_trip_keeps_everything() {
        let mut p = Progress::new("tpm");
        p.visit("intro");
        p.set_position("intro", 0.4567);
        p.record_quiz("intro", &quiz(), &[vec![1], vec![0]]);
        p.set_completed("other", true);
        let decoded = Progress::decode(&p.encode(), "tpm").unwrap();
        assert_eq!(decoded, p);
        assert_eq!(decoded.lesson("intro").unwrap().position, Some(0.457));
        assert_eq!(decoded.last_lesson.as_deref(), Some("intro"));
    }

    #[test]
    fn quiz_records_answers_attempts_and_best_score() {
        let mut p = Progress::new("tpm");
        let q = quiz();
        let first = p.record_quiz("intro", &q, &[vec![1], vec![0, 1]]);
        assert_eq!(first.score, 100);
        let second = p.record_quiz("intro", &q, &[vec![0], vec![0, 1]]);
        assert_eq!(second.score, 50);
        let lesson = p.lesson("intro").unwrap();
        assert_eq!(lesson.best_score, Some(100));
        assert!(lesson.completed);
        let stored = p.answer("intro", &q.questions[0]).unwrap();
        assert_eq!(stored.answer, vec![0]);
        assert_eq!(stored.attempts, 2);
        assert!(!stored.stale);
    }

    #[test]
    fn a_changed_question_makes_its_answer_stale() {
        let mut p = Progress::new("tpm");
        let mut q = quiz();
        p.record_quiz("intro", &q, &[vec![1], vec![0]]);
        q.questions[0].hash = "changed".into();
        assert!(p.answer("intro", &q.questions[0]).unwrap().stale);
        assert!(!p.answer("intro", &q.questions[1]).unwrap().stale);
    }

    #[test]
    fn completion_needs_the_end_and_the_quiz() {
        let mut p = Progress::new("tpm");
        p.reach_end("a", true);
        assert!(!p.is_completed("a"));
        p.reach_end("b", false);
        assert!(p.is_completed("b"));
        p.set_completed("b", false);
        assert!(!p.is_completed("b"));
    }

    fn check_decode(raw: &str, expected: DecodeError) {
        assert_eq!(Progress::decode(raw, "tpm"), Err(expected), "input {raw}");
    }

    #[test]
    fn corrupt_foreign_and_future_records_are_refused() {
        assert!(matches!(
            Progress::decode("{not json", "tpm"),
            Err(DecodeError::NotJson(_))
        ));
        check_decode(
            "[1, 2]",
            DecodeError::WrongShape("it is JSON, but not an object".into()),
        );
        check_decode(
            r#"{"course": "tpm"}"#,
            DecodeError::WrongShape("it has no \"version\"".into()),
        );
        check_decode(
            r#"{"version": 99, "course": "tpm"}"#,
            DecodeError::FutureVersion(99),
        );
        check_decode(
            r#"{"version": 1, "course": "cooking"}"#,
            DecodeError::OtherCourse("cooking".into()),
        );
        assert!(matches!(
            Progress::decode(r#"{"version": 1, "course": "tpm", "lessons": 3}"#, "tpm"),
            Err(DecodeError::WrongShape(_))
        ));
        assert_eq!(
            DecodeError::FutureVersion(2).to_string(),
            "it was written by a newer version of this course (format 2, this one reads 1)"
        );
    }

    #[test]
    fn unknown_fields_and_missing_optional_ones_are_tolerated() {
        let p = Progress::decode(
            r#"{"version": 1, "course": "tpm", "theme": "dark", "lessons": {"a": {"completed": true}}}"#,
            "tpm",
        )
        .unwrap();
        assert!(p.is_completed("a"));
    }

    #[test]
    fn imports_are_validated_with_a_message_each() {
        let check = |raw: &str, expected: &str| {
            let err = Progress::import(raw, "tpm").unwrap_err();
            assert_eq!(err.to_string(), expected, "input {raw:.40}");
        };
        check(
            r#"{"version": 2, "course": "tpm"}"#,
            "This file cannot be imported: it was written by a newer version of this course (format 2, this one reads 1).",
        );
        check(
            r#"{"version": 1, "course": "cooking"}"#,
            "This file cannot be imported: it belongs to another course (\"cooking\").",
        );
        check(
            &format!("{{\"pad\": \"{}\"}}", "x".repeat(IMPORT_LIMIT)),
            "The file is too large to be progress (1000 KB; the limit is 1000 KB).",
        );
        check(
            "hello",
            "This file cannot be imported: it is not valid JSON (expected value at line 1 column 1).",
        );
        check(
            r#"{"version": 1, "course": "tpm", "lessons": []}"#,
            "This file cannot be imported: it is not a progress record: invalid type: sequence, expected a map at line 1 column 43.",
        );
        let good = Progress::new("tpm").encode();
        assert_eq!(
            Progress::import(&good, "tpm").unwrap(),
            Progress::new("tpm")
        );
    }

    static COURSE: Course = Course {
        id: "tpm",
        title: "T",
        description: "",
        modules: &[
            Module {
                slug: "m1",
                title: "M1",
                lessons: &[LessonInfo {
                    slug: "a",
                    title: "A",
                    subtitle: "",
                    minutes: 1,
                    question_count: 0,
                    data: "",
                    former: &[],
                }],
            },
            Module {
                slug: "m2",
                title: "M2",
                lessons: &[LessonInfo {
                    slug: "b",
                    title: "B",
                    subtitle: "",
                    minutes: 1,
                    question_count: 0,
                    data: "",
                    former: &[],
                }],
            },
        ],
    };

    #[test]
    fn resets_touch_only_what_they_name_and_never_removed_lessons() {
        let mut p = Progress::new("tpm");
        for slug in ["a", "b", "removed-lesson"] {
            p.set_completed(slug, true);
        }
        p.reset_module(&COURSE.modules[0]);
        assert!(!p.is_completed("a"));
        assert!(p.is_completed("b"));
        p.reset_course(&COURSE);
        assert!(!p.is_completed("b"));
        assert!(
            p.is_completed("removed-lesson"),
            "data of a removed lesson is kept"
        );
        assert_eq!(p.completed_count(&COURSE), (0, 2));
    }

    #[test]
    fn merge_keeps_the_best_of_both() {
        let q = quiz();
        let mut ours = Progress::new("tpm");
        ours.record_quiz("a", &q, &[vec![0], vec![0]]);
        let mut theirs = Progress::new("tpm");
        theirs.record_quiz("a", &q, &[vec![1], vec![0, 1]]);
        theirs.record_quiz("a", &q, &[vec![1], vec![0, 1]]);
        theirs.set_completed("b", true);
        theirs.last_lesson = Some("b".into());
        ours.merge(&theirs);
        let a = ours.lesson("a").unwrap();
        assert_eq!(a.best_score, Some(100));
        assert_eq!(a.questions["q1"].attempts, 2);
        assert_eq!(a.questions["q1"].answer, vec![1]);
        assert!(ours.is_completed("b"));
        assert_eq!(ours.last_lesson.as_deref(), Some("b"));
    }
}
