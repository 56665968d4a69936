//! The learner's progress: what is stored, how it is read back and merged, and the rules that
//! change it.
//!
//! The record (version 2 on) is a log of facts that merges without picking a winner: see
//! [`log`] for the facts and the merge, [`wire`] for the JSON. What the pages show
//! (completed, best score, last answers) is derived from the log and kept beside it.

pub mod log;
mod practice;
pub mod read;
mod scope;
mod wire;

pub use log::{
    exercise_key, exercise_slug, scenario_key, scenario_slug, Event, LessonProgress, Recall,
    Recalls, ResetId, Source, Time,
};
use log::{Attempt, Log, Map, Reset};
pub use practice::{Head, Play, Text, TEXTS_LIMIT, TEXT_LIMIT};
pub use read::Repairs;
pub use scope::ResetScope;

use super::course::{Course, LessonInfo, Module, Question, Quiz, QuizGrade, Verdict};
use super::json::Json;

/// The schema version written into every stored record.
pub const SCHEMA_VERSION: u32 = 4;

/// The learner's progress through one course: the record kept in localStorage.
///
/// Keyed by lesson slug and question id, so reordering the course keeps it, and a
/// lesson removed from the course keeps its facts untouched.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// The course id this record belongs to.
    pub course: String,
    /// This browser's id: the facts it records are filed under it.
    pub device: String,
    log: Log,
    /// Derived from `log`: each lesson with a visible fact.
    lessons: Map<LessonProgress>,
    /// Derived from `log`: the lesson opened last, for "Resume".
    pub last_lesson: Option<String>,
    /// The time of the latest fact: new facts are always later, even if the clock went back.
    clock: Time,
}

/// The largest progress file an import accepts: a year of daily study is under 1 MB.
pub const IMPORT_LIMIT: usize = 5_000_000;

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

/// How to take back the last change on the Progress page.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// Undo a reset: the reset is marked undone, in every tab and every later merge.
    Reset(ResetId),
    /// Undo a replacing import: its reset is undone and the imported facts are hidden.
    Replace { reset: ResetId, suffix: String },
    /// Undo a merge: go back to the record as it was (this tab only).
    Restore(Box<Progress>),
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

/// What a lesson's quiz shows when it opens: the last answers, if every one still fits its
/// question, and whether any question changed since.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizRestore {
    /// The last answer to each question, in the quiz's order; `None` unless every question
    /// has an answer that is not stale.
    pub answers: Option<Vec<Vec<usize>>>,
    /// The most submissions any of its questions has.
    pub attempts: u32,
    /// Whether a question changed since it was answered (its old answer is not shown).
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
    pub fn new(course: &str, device: &str) -> Self {
        Progress {
            course: course.to_string(),
            device: device.to_string(),
            log: Log::default(),
            lessons: Map::default(),
            last_lesson: None,
            clock: 0,
        }
    }

    fn from_log(course: &str, device: &str, log: Log) -> Self {
        let mut p = Progress::new(course, device);
        p.log = log;
        p.rederive();
        p
    }

    /// Recomputes every lesson's state from the log.
    fn rederive(&mut self) {
        self.lessons.clear();
        for slug in self.log.slugs() {
            if let Some(l) = self.log.derive(slug) {
                self.lessons.insert(slug.to_string(), l);
            }
        }
        self.clock = self.clock.max(self.log.latest());
        self.last_lesson = self
            .lessons
            .iter()
            .filter_map(|(s, l)| Some((l.opened?, s)))
            .max()
            .map(|(_, s)| s.clone());
    }

    /// A lesson's derived state, to update in step with a fact this device just added (the
    /// newest fact of all, so it wins every "latest" rule; the tests check that this agrees
    /// with deriving from the log).
    fn derived(&mut self, slug: &str) -> &mut LessonProgress {
        self.lessons.entry_or_default(slug)
    }

    /// A time for a new fact: `now`, or just after the latest fact if the clock is behind.
    /// Read times stop at [`read::limits::MAX_TIME`], far below where adding one could overflow.
    fn tick(&mut self, now: Time) -> Time {
        self.clock = now.max(self.clock.saturating_add(1));
        self.clock
    }

    fn fact(&mut self, slug: &str) -> &mut log::LessonLog {
        self.log.lesson_mut(&self.device, slug)
    }

    /// Reads a stored or exported record (version 1 to 4), checking its version and course.
    /// `device` is left empty when the record does not name one (version 1).
    pub fn decode(raw: &str, course: &str) -> Result<Progress, DecodeError> {
        Progress::read(raw, course).map(|(p, _)| p)
    }

    /// [`Progress::decode`], and what reading changed because it could not be true (each value
    /// that cannot be true is clamped or dropped; everything else is kept).
    pub fn read(raw: &str, course: &str) -> Result<(Progress, Repairs), DecodeError> {
        let record = Json::parse(raw).map_err(DecodeError::NotJson)?;
        if record.as_object().is_none() {
            return Err(DecodeError::WrongShape(
                "it is JSON, but not an object".into(),
            ));
        }
        let version = match record.get("version") {
            None => return Err(DecodeError::WrongShape("it has no \"version\"".into())),
            Some(v) => v.as_u64().ok_or_else(|| {
                DecodeError::WrongShape("\"version\" is not a whole number".into())
            })?,
        };
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
        match record.get("course").map(Json::as_str) {
            Some(Some(c)) if c == course => {}
            Some(Some(c)) => return Err(DecodeError::OtherCourse(c.to_string())),
            _ => return Err(DecodeError::WrongShape("it has no \"course\"".into())),
        }
        let mut repairs = Repairs::default();
        let (device, log) = if version == 1 {
            (String::new(), read::from_v1(&record, &mut repairs))
        } else {
            let device = record
                .get("device")
                .and_then(Json::as_str)
                .unwrap_or("")
                .to_string();
            (device, read::log_from_json(&record, &mut repairs))
        };
        let log = log.map_err(DecodeError::WrongShape)?;
        Ok((Progress::from_log(course, &device, log), repairs))
    }

    /// Reads an exported progress file, with a size limit and the same checks as stored data.
    pub fn import(raw: &str, course: &str) -> Result<(Progress, Repairs), ImportError> {
        if raw.len() > IMPORT_LIMIT {
            return Err(ImportError::TooLarge(raw.len()));
        }
        Progress::read(raw, course).map_err(ImportError::Unreadable)
    }

    /// The record as stored and exported: version 4 JSON.
    pub fn encode(&self) -> String {
        wire::encode(&self.log, SCHEMA_VERSION, &self.course, &self.device)
    }

    /// What merging or replacing with `other` would do.
    pub fn preview_import(&self, other: &Progress, course: &'static Course) -> ImportPreview {
        let mut merged = self.clone();
        merged.merge(other);
        ImportPreview {
            completed_now: self.completed_count(course).0,
            completed_in_file: other.completed_count(course).0,
            completed_after_merge: merged.completed_count(course).0,
            unknown_lessons: other
                .lessons
                .keys()
                .filter(|s| course.find_lesson(s).is_none())
                .count(),
        }
    }

    /// Adds everything `other` knows (another tab, a file, a backup). Nothing is lost: this is
    /// a union of facts, the same whatever the order, and merging twice changes nothing.
    /// Returns whether anything changed; the state is derived again only then.
    pub fn merge(&mut self, other: &Progress) -> bool {
        let changed = self.log.merge(&other.log);
        if changed {
            self.rederive();
        }
        changed
    }

    /// Whether merging `other` would change anything.
    pub fn would_change(&self, other: &Progress) -> bool {
        self.log.clone().merge(&other.log)
    }

    /// Carries progress kept under a lesson's former slugs to its current slug.
    pub fn rename_lessons<'a>(&mut self, renames: impl IntoIterator<Item = (&'a str, &'a str)>) {
        let mut changed = false;
        for (former, current) in renames {
            if self.log.devices.values().any(|l| l.contains_key(former))
                || self
                    .log
                    .resets
                    .iter()
                    .any(|r| r.lessons.iter().any(|s| s == former))
            {
                self.log.rename(former, current);
                changed = true;
            }
        }
        if changed {
            self.rederive();
        }
    }

    pub fn lesson(&self, slug: &str) -> Option<&LessonProgress> {
        self.lessons.get(slug)
    }

    /// Every lesson with progress, by slug.
    pub fn lessons(&self) -> &Map<LessonProgress> {
        &self.lessons
    }

    /// Notes that the learner opened a lesson.
    pub fn visit(&mut self, slug: &str, now: Time) {
        let t = self.tick(now);
        self.fact(slug).opened = Some(t);
        self.derived(slug).opened = Some(t);
        self.last_lesson = Some(slug.to_string());
    }

    /// Remembers how far down a lesson the learner is.
    pub fn set_position(&mut self, slug: &str, position: f64, now: Time) {
        let value = (position.clamp(0.0, 1.0) * 1000.0).round() as u16;
        if self.lesson(slug).and_then(|l| l.position) == Some(f64::from(value) / 1000.0) {
            return;
        }
        let t = self.tick(now);
        self.fact(slug).position = Some((t, value));
        self.derived(slug).position = Some(f64::from(value) / 1000.0);
    }

    /// The learner reached the end of the lesson text; completes it if the quiz is answered.
    pub fn reach_end(&mut self, slug: &str, has_quiz: bool, now: Time) {
        let lesson = self.lesson(slug).cloned().unwrap_or_default();
        if lesson.reached_end {
            return;
        }
        let t = self.tick(now);
        let completes = !lesson.completed && (!has_quiz || lesson.best_score.is_some());
        let fact = self.fact(slug);
        fact.ends.insert(t);
        if completes {
            fact.marks.insert((t, true));
        }
        let derived = self.derived(slug);
        derived.reached_end = true;
        derived.completed |= completes;
    }

    /// Records a submitted quiz and returns its grade.
    ///
    /// The completion rule: a lesson is complete once its end was reached and its
    /// quiz was submitted. The quiz sits at the end, so submitting it counts as both.
    pub fn record_quiz(
        &mut self,
        slug: &str,
        quiz: &Quiz,
        answers: &[Vec<usize>],
        unsure: &[bool],
        now: Time,
    ) -> QuizGrade {
        let grade = quiz.grade(answers);
        let recalls = Recalls {
            at: 0,
            source: Source::Quiz,
            answers: quiz
                .questions
                .iter()
                .zip(&grade.grades)
                .enumerate()
                .map(|(i, (q, g))| {
                    let right = g.verdict == Verdict::Correct;
                    (
                        q.id.clone(),
                        Recall::new(right, unsure.get(i) == Some(&true)),
                    )
                })
                .collect(),
        };
        let lesson = self.lesson(slug).cloned().unwrap_or_default();
        let t = self.tick(now);
        let fact = self.fact(slug);
        let mut recorded = Vec::with_capacity(answers.len());
        for (question, answer) in quiz.questions.iter().zip(answers) {
            recorded.push((question.id.clone(), answer.clone()));
            if lesson
                .questions
                .get(&question.id)
                .is_none_or(|q| q.hash != question.hash)
            {
                fact.hashes
                    .insert(question.id.clone(), (t, question.hash.clone()));
            }
        }
        fact.attempts.insert(Attempt {
            at: t,
            score: grade.score,
            answers: recorded,
        });
        fact.recalls.insert(Recalls { at: t, ..recalls });
        if !lesson.reached_end {
            fact.ends.insert(t);
        }
        if !lesson.completed {
            fact.marks.insert((t, true));
        }
        let derived = self.derived(slug);
        for (question, answer) in quiz.questions.iter().zip(answers) {
            let q = derived.questions.entry_or_default(&question.id);
            q.answer = answer.clone();
            q.attempts += 1;
            q.hash = question.hash.clone();
        }
        derived.best_score = derived.best_score.max(Some(grade.score));
        derived.reached_end = true;
        derived.completed = true;
        grade
    }

    /// Records one answer given in a review session and returns its grade.
    pub fn record_review(
        &mut self,
        slug: &str,
        question: &Question,
        answer: &[usize],
        unsure: bool,
        now: Time,
    ) -> super::course::Grade {
        let grade = question.grade(answer);
        let recall = Recall::new(grade.verdict == Verdict::Correct, unsure);
        self.record_recalls(
            slug,
            Source::Review,
            vec![(question.id.clone(), recall)],
            now,
        );
        grade
    }

    /// Records graded answers of one lesson's questions (a review step, or part of an exam).
    /// The lesson's state does not change: only scheduling and mastery read recalls.
    pub fn record_recalls(
        &mut self,
        slug: &str,
        source: Source,
        answers: Vec<(String, Recall)>,
        now: Time,
    ) -> Time {
        let at = self.tick(now);
        self.fact(slug).recalls.insert(Recalls {
            at,
            source,
            answers,
        });
        at
    }

    /// Records a submitted exam: per lesson, its questions' graded answers, all at one time
    /// (which names the exam in the history).
    pub fn record_exam(
        &mut self,
        answers: &[(&str, String, Recall)],
        timed: bool,
        now: Time,
    ) -> Time {
        let at = self.tick(now);
        let source = if timed {
            Source::TimedExam
        } else {
            Source::Exam
        };
        let mut slugs: Vec<&str> = answers.iter().map(|a| a.0).collect();
        crate::model::sort::sort_unique(&mut slugs);
        for slug in slugs {
            let of_lesson = answers
                .iter()
                .filter(|a| a.0 == slug)
                .map(|a| (a.1.clone(), a.2))
                .collect();
            self.fact(slug).recalls.insert(Recalls {
                at,
                source,
                answers: of_lesson,
            });
        }
        at
    }

    /// The learner's seed for the order of choices, if one was drawn.
    pub fn seed(&self) -> Option<u32> {
        self.log.seed
    }

    /// Keeps `seed` as the learner's seed unless the record already has one.
    pub fn draw_seed(&mut self, seed: u32) {
        self.log.seed.get_or_insert(seed);
    }

    /// Every lesson's facts, for the scheduler and the exam history.
    pub fn log(&self) -> &Log {
        &self.log
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

    /// What the quiz of a lesson shows when it opens.
    pub fn quiz_restore(&self, slug: &str, quiz: &Quiz) -> QuizRestore {
        let stored: Vec<Option<StoredAnswer>> = quiz
            .questions
            .iter()
            .map(|q| self.answer(slug, q))
            .collect();
        let fresh = |s: &Option<StoredAnswer>| s.as_ref().is_some_and(|a| !a.stale);
        QuizRestore {
            attempts: stored
                .iter()
                .flatten()
                .map(|a| a.attempts)
                .max()
                .unwrap_or(0),
            stale: stored.iter().flatten().any(|a| a.stale),
            answers: stored
                .iter()
                .all(fresh)
                .then(|| stored.into_iter().flatten().map(|a| a.answer).collect()),
        }
    }

    /// Marks a lesson complete or not, by the learner's own choice.
    pub fn set_completed(&mut self, slug: &str, completed: bool, now: Time) {
        if self.is_completed(slug) == completed && self.lesson(slug).is_some() {
            return;
        }
        let t = self.tick(now);
        self.fact(slug).marks.insert((t, completed));
        self.derived(slug).completed = completed;
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

    /// Forgets progress in the given lessons (a fact of its own, so every tab forgets it too).
    fn reset(&mut self, slugs: impl IntoIterator<Item = String>, now: Time) -> ResetId {
        let mut lessons: Vec<String> = slugs.into_iter().collect();
        crate::model::sort::sort_unique(&mut lessons);
        let at = self.tick(now);
        let reset = Reset {
            at,
            by: self.device.clone(),
            lessons,
            seen: self.log.seen(),
        };
        let id = reset.id();
        self.log.resets.insert(reset);
        self.rederive();
        id
    }

    /// Forgets one lesson's progress.
    pub fn reset_lesson(&mut self, slug: &str, now: Time) -> Undo {
        Undo::Reset(self.reset([slug.to_string()], now))
    }

    /// Forgets progress in every lesson of one module.
    pub fn reset_module(&mut self, module: &Module, now: Time) -> Undo {
        Undo::Reset(self.reset(module.lessons.iter().map(|l| l.slug.to_string()), now))
    }

    /// Forgets progress in every lesson of the course; lessons the course no longer has are kept.
    pub fn reset_course(&mut self, course: &'static Course, now: Time) -> Undo {
        Undo::Reset(self.reset(course.lessons().map(|r| r.lesson.slug.to_string()), now))
    }

    /// Makes progress exactly `other`'s: everything here is reset, and `other`'s facts are
    /// added under device ids of their own, so an undo can hide them again.
    pub fn replace_with(&mut self, other: &Progress, course: &'static Course, now: Time) -> Undo {
        let mut slugs: Vec<String> = course
            .lessons()
            .map(|r| r.lesson.slug.to_string())
            .collect();
        slugs.extend(self.log.slugs().into_iter().map(str::to_string));
        let reset = self.reset(slugs, now);
        let suffix = format!("~{}", reset.1);
        self.log.merge(&other.log.with_device_suffix(&suffix));
        self.rederive();
        Undo::Replace { reset, suffix }
    }

    /// Takes back a change made on the Progress page.
    pub fn undo(&mut self, undo: &Undo, now: Time) {
        match undo {
            Undo::Reset(id) => {
                self.log.undone.insert(id.clone());
                self.rederive();
            }
            Undo::Replace { reset, suffix } => {
                self.log.undone.insert(reset.clone());
                let imported: Vec<String> = self
                    .log
                    .devices
                    .keys()
                    .filter(|d| d.ends_with(suffix.as_str()))
                    .cloned()
                    .collect();
                let mut lessons: Vec<String> = imported
                    .iter()
                    .flat_map(|d| self.log.devices[d].keys().cloned())
                    .collect();
                crate::model::sort::sort_unique(&mut lessons);
                let mut seen = self.log.seen();
                seen.retain(|d, _| imported.iter().any(|i| i == d));
                let at = self.tick(now);
                self.log.resets.insert(Reset {
                    at,
                    by: self.device.clone(),
                    lessons,
                    seen,
                });
                self.rederive();
            }
            Undo::Restore(before) => {
                let device = std::mem::take(&mut self.device);
                *self = (**before).clone();
                self.device = device;
            }
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
mod tests;

#[cfg(test)]
mod props;
