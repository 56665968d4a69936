//! A review session: which questions it asks and in what order, the grade of each answer, a
//! missed question asked again later, and what the learner got right the first time. The
//! review page loads the lessons a [`Plan`] names and renders the [`ReviewSession`] it starts.

use super::{due, due_count, Item, Rng, DAY, SESSION_SIZE};
use crate::model::course::{Lesson, Question, Verdict};
use crate::model::progress::{verdict_label, Progress, Recall, Source, Time};
use crate::model::routes::ReviewScope;

/// A missed question comes back at most this many times in one session.
pub const RETRIES: usize = 2;

/// What a session will ask, known before its lessons are loaded: the due items (each one
/// question of a lesson), or every question of one lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Per question asked, in order: its lesson and its id; an id of `None` asks every
    /// question of the lesson.
    asks: Vec<(String, Option<String>)>,
    /// One lesson's practice comes in a shuffled order, so that its answers are recalled and
    /// not remembered by their place in the quiz just taken.
    shuffle: bool,
}

/// A review session in progress (or over).
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewSession {
    /// The questions in the order they are asked; a missed one is added again at the end.
    queue: Vec<Step>,
    /// The index in `queue` of the question asked now; `queue.len()` once the session is over.
    position: usize,
    /// Whether the question asked now has been checked.
    checked: bool,
    /// Per question, in the order first asked: whether it was right the first time.
    first: Vec<(String, bool)>,
}

/// One question of a session and the lesson it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub slug: String,
    pub question: Question,
}

/// Where a session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Nothing to ask: nothing is due, or the lesson has no questions.
    Empty,
    /// Asking the question at this index of the session, from 0.
    Asking(usize),
    Finished,
}

/// What checking an answer found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// No choice was made, or no question waits for an answer: nothing was recorded.
    NoAnswer,
    /// The answer was graded and recorded. `again`: it was missed and comes back later in
    /// this session.
    Graded { verdict: Verdict, again: bool },
}

/// The end of a session in numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Distinct questions asked.
    pub answered: usize,
    pub right_first_time: usize,
}

impl Plan {
    /// The plan for `scope` at `now`: at most [`SESSION_SIZE`] due items, least likely
    /// remembered first (see [`due`]), or every question of the lesson.
    pub fn new(scope: ReviewScope, items: &[Item], now: Time) -> Plan {
        match scope {
            ReviewScope::All => Plan {
                asks: due(items, now, SESSION_SIZE)
                    .into_iter()
                    .map(|i| (i.slug.clone(), Some(i.question.clone())))
                    .collect(),
                shuffle: false,
            },
            ReviewScope::Lesson(slug) => Plan {
                asks: vec![(slug.to_string(), None)],
                shuffle: true,
            },
        }
    }

    /// The lessons to load, each once, in the order first needed.
    pub fn lessons(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for (slug, _) in &self.asks {
            if !out.contains(&slug.as_str()) {
                out.push(slug);
            }
        }
        out
    }

    /// Starts the session with the lessons loaded. A question whose lesson did not load, or
    /// that its lesson no longer has, is left out. `seed` orders one lesson's practice.
    pub fn start(self, lessons: &[Lesson], seed: u64) -> ReviewSession {
        let mut queue = Vec::new();
        for (slug, id) in &self.asks {
            let questions = lessons
                .iter()
                .filter(|l| l.slug == *slug)
                .filter_map(|l| l.quiz.as_ref())
                .flat_map(|q| &q.questions)
                .filter(|q| id.as_ref().is_none_or(|id| *id == q.id));
            queue.extend(questions.map(|question| Step {
                slug: slug.clone(),
                question: question.clone(),
            }));
        }
        if self.shuffle {
            Rng::new(seed).shuffle(&mut queue);
        }
        ReviewSession {
            queue,
            position: 0,
            checked: false,
            first: Vec::new(),
        }
    }
}

impl ReviewSession {
    /// Where the session stands.
    pub fn stage(&self) -> Stage {
        if self.queue.is_empty() {
            Stage::Empty
        } else if self.position < self.queue.len() {
            Stage::Asking(self.position)
        } else {
            Stage::Finished
        }
    }

    /// The question asked now; `None` once the session is over.
    pub fn current(&self) -> Option<&Step> {
        self.queue.get(self.position)
    }

    /// How many questions the session asks, counting each time a missed one comes back.
    pub fn total(&self) -> usize {
        self.queue.len()
    }

    /// Whether the question asked now is the last (so far: missing it adds one more).
    pub fn is_last(&self) -> bool {
        self.position + 1 >= self.queue.len()
    }

    /// Whether the question asked now has been checked.
    pub fn is_checked(&self) -> bool {
        self.checked
    }

    /// Grades `answer` (authored choice indices) to the question asked now, with the
    /// learner's "I wasn't sure", and records it in `progress` at `now`. A missed question
    /// is asked again at the end of the session, at most [`RETRIES`] times.
    pub fn check(
        &mut self,
        progress: &mut Progress,
        answer: &[usize],
        unsure: bool,
        now: Time,
    ) -> Check {
        let Some(step) = self.queue.get(self.position).filter(|_| !self.checked) else {
            return Check::NoAnswer;
        };
        if answer.is_empty() {
            return Check::NoAnswer;
        }
        let verdict = progress
            .record_review(&step.slug, &step.question, answer, unsure, now)
            .verdict;
        let right = verdict == Verdict::Correct;
        let id = &step.question.id;
        if !self.first.iter().any(|(seen, _)| seen == id) {
            self.first.push((id.clone(), right));
        }
        let asked = self.queue.iter().filter(|s| s.question.id == *id).count();
        let again = !right && asked <= RETRIES;
        if again {
            self.queue.push(step.clone());
        }
        self.checked = true;
        Check::Graded { verdict, again }
    }

    /// Records the learner's own grade of the item asked now (a written exercise, graded
    /// against its rubric) and treats it as a check: a grade that is not right comes back at
    /// the end of the session, as a missed question does.
    pub fn grade_self(&mut self, progress: &mut Progress, recall: Recall, now: Time) -> Check {
        let Some(step) = self.queue.get(self.position).filter(|_| !self.checked) else {
            return Check::NoAnswer;
        };
        progress.record_recalls(
            &step.slug,
            Source::Review,
            vec![(step.question.id.clone(), recall)],
            now,
        );
        let verdict = match recall {
            Recall::Right => Verdict::Correct,
            Recall::RightUnsure => Verdict::Partial,
            Recall::Wrong | Recall::WrongUnsure => Verdict::Incorrect,
        };
        let right = recall.right();
        let id = &step.question.id;
        if !self.first.iter().any(|(seen, _)| seen == id) {
            self.first.push((id.clone(), recall == Recall::Right));
        }
        let asked = self.queue.iter().filter(|s| s.question.id == *id).count();
        let again = !right && asked <= RETRIES;
        if again {
            self.queue.push(step.clone());
        }
        self.checked = true;
        Check::Graded { verdict, again }
    }

    /// Goes on to the next question once the one asked now is checked (after the last, the
    /// session is over). Before a check it does nothing: a question is not skipped.
    pub fn next(&mut self) {
        if self.checked {
            self.checked = false;
            self.position += 1;
        }
    }

    /// How many questions were answered, and how many of them right the first time.
    pub fn summary(&self) -> Summary {
        Summary {
            answered: self.first.len(),
            right_first_time: self.first.iter().filter(|(_, right)| *right).count(),
        }
    }
}

impl Check {
    /// What the page announces after a check.
    pub fn message(self) -> String {
        match self {
            Check::NoAnswer => "Choose an answer first.".to_string(),
            Check::Graded { verdict, again } => format!(
                "{}.{} The explanations are below.",
                verdict_label(verdict),
                if again {
                    " This question comes back later in this session."
                } else {
                    ""
                }
            ),
        }
    }
}

impl Summary {
    /// "You answered 3 questions: 2 right the first time."
    pub fn text(self) -> String {
        format!(
            "You answered {}: {} right the first time.",
            plural(self.answered, "question", "questions"),
            self.right_first_time
        )
    }
}

/// What is due once a session is over: "2 questions are still due.", or when the next is.
pub fn after_text(items: &[Item], now: Time) -> String {
    match (due_count(items, now), next_due(items, now)) {
        (0, Some(d)) => format!(
            "Nothing else is due now; the next question is due {}.",
            until(d, now)
        ),
        (0, None) => "Nothing else is due.".to_string(),
        (n, _) => format!("{} still due.", plural(n, "question is", "questions are")),
    }
}

/// Why a session has nothing to ask: nothing answered yet, or when the next item is due.
pub fn empty_text(items: &[Item], now: Time) -> String {
    match (items.len(), next_due(items, now)) {
        (0, _) => "Nothing to review yet. Every question you answer in a lesson's quiz comes back here when it is time to recall it.".to_string(),
        (n, Some(d)) => format!(
            "Nothing is due. You have {} in review; the next is due {}.",
            plural(n, "question", "questions"),
            until(d, now)
        ),
        (n, None) => format!(
            "Nothing is due. You have {} in review.",
            plural(n, "question", "questions")
        ),
    }
}

/// When the next item not yet due falls due.
fn next_due(items: &[Item], now: Time) -> Option<Time> {
    items.iter().map(|i| i.due).filter(|&d| d > now).min()
}

/// "in 3 days", "in 5 hours", "now": how long until `due`.
pub fn until(due: Time, now: Time) -> String {
    let wait = due.saturating_sub(now);
    match (wait.div_ceil(3_600_000), wait.div_ceil(DAY)) {
        (0, _) => "now".to_string(),
        (1, _) => "in an hour".to_string(),
        (h, _) if h < 24 => format!("in {h} hours"),
        (_, 1) => "tomorrow".to_string(),
        (_, d) => format!("in {d} days"),
    }
}

/// "1 question", "2 questions".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
