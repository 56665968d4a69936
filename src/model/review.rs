//! Learning from the record: review items scheduled with FSRS, what is due, mastery per
//! module, the weakest questions, and the order of a question's choices; [`session`] is the
//! review session that asks the due items.
//!
//! Every question the learner has answered is an item. Its history is every visible answer
//! from quizzes, reviews and exams ([`Log::history`]); replaying it through [`fsrs`] gives its
//! memory state and the day it is due. A wrong answer makes an item due at once (a
//! relearning step of zero: it comes back in the next review session); a right one schedules
//! it at the interval FSRS gives for a retention of 0.9.

pub mod session;

use super::course::{Course, Module};
use super::fsrs::{self, Memory, Rating, DEFAULT_WEIGHTS, DESIRED_RETENTION};
use super::progress::{Event, Progress, Recall, Source, Time};
use super::sort::ranked;

/// A day in milliseconds.
pub const DAY: Time = 86_400_000;
/// How many items one review session takes by default.
pub const SESSION_SIZE: usize = 20;
/// A right answer in a review or exam at least this long after the first answer shows a
/// question is mastered.
pub const MASTERED_AFTER: Time = 7 * DAY;

/// One question the learner has answered, or one decision of a scenario the learner missed,
/// with its memory state.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The lesson's slug, or a scenario's key (`scenario:<slug>`, [`scenario_key`]).
    pub slug: String,
    /// For a scenario's decision, the module the scenario exercises (empty for a capstone);
    /// a lesson's question belongs to its lesson's module.
    pub module: Option<&'static str>,
    pub question: String,
    pub memory: Memory,
    /// The first and the latest answer.
    pub first: Time,
    pub last: Time,
    /// When it should be reviewed next.
    pub due: Time,
    pub answers: u32,
    /// Answers that were wrong.
    pub lapses: u32,
    /// Answers marked "I wasn't sure".
    pub unsure: u32,
    /// Whether the latest answer was right.
    pub right_now: bool,
    pub right_once: bool,
    /// Right in a review or an exam at least [`MASTERED_AFTER`] after the first answer.
    pub recalled_later: bool,
}

/// The rating FSRS gets for an answer: wrong is Again, right but unsure is Hard, right is Good.
pub fn rating(recall: Recall) -> Rating {
    match recall {
        Recall::Wrong | Recall::WrongUnsure => Rating::Again,
        Recall::RightUnsure => Rating::Hard,
        Recall::Right => Rating::Good,
    }
}

/// Elapsed days between two times, as the scheduler counts them.
fn days(from: Time, to: Time) -> f64 {
    to.saturating_sub(from) as f64 / DAY as f64
}

/// An item from its history (oldest first, never empty).
pub fn item(slug: &str, question: &str, history: &[Event]) -> Item {
    let mut memory: Option<Memory> = None;
    let mut last = history[0].at;
    let first = last;
    let (mut lapses, mut unsure, mut right_once, mut recalled_later) = (0, 0, false, false);
    for e in history {
        memory = Some(fsrs::review(
            memory,
            days(last, e.at),
            rating(e.recall),
            &DEFAULT_WEIGHTS,
        ));
        last = e.at;
        let right = e.recall.right();
        lapses += u32::from(!right);
        unsure += u32::from(e.recall.unsure());
        right_once |= right;
        recalled_later |=
            right && e.source != Source::Quiz && e.at >= first.saturating_add(MASTERED_AFTER);
    }
    let memory = memory.expect("a history has an answer");
    let right_now = history[history.len() - 1].recall.right();
    let due = if right_now {
        last + Time::from(fsrs::next_interval(memory.stability, DESIRED_RETENTION)) * DAY
    } else {
        last
    };
    Item {
        slug: slug.to_string(),
        module: None,
        question: question.to_string(),
        memory,
        first,
        last,
        due,
        answers: history.len() as u32,
        lapses,
        unsure,
        right_now,
        right_once,
        recalled_later,
    }
}

/// Every item of the lessons the course has (answers to lessons it no longer has are kept in
/// the record but not reviewed), in course order.
pub fn items(progress: &Progress, course: &'static Course) -> Vec<Item> {
    let log = progress.log();
    let mut out = Vec::new();
    for r in course.lessons() {
        for (question, history) in log.history(r.lesson.slug) {
            out.push(item(r.lesson.slug, question, &history));
        }
    }
    out
}

/// The items of practice beyond quizzes, each under its key in the record with the module it
/// exercises (the outline's `PRACTICE_KEYS`): a scenario's missed decisions (`scenario:<slug>`,
/// one item per decision point) and a written exercise's self-grades (`exercise:<slug>`, one
/// item). In the order given.
pub fn practice_items(progress: &Progress, keys: &[(&str, &'static str)]) -> Vec<Item> {
    let log = progress.log();
    let mut out = Vec::new();
    for (key, module) in keys {
        for (id, history) in log.history(key) {
            let mut it = item(key, id, &history);
            it.module = Some(module);
            out.push(it);
        }
    }
    out
}

/// The probability the learner recalls an item now: by FSRS's forgetting curve, and 0 while
/// the latest answer is wrong (just missed, it is not remembered, however recent).
pub fn recall_now(item: &Item, now: Time) -> f64 {
    if !item.right_now {
        return 0.0;
    }
    fsrs::retrievability(item.memory.stability, days(item.last, now))
}

/// A probability as a key that sorts like it (to a billionth).
fn key(p: f64) -> u64 {
    (p.clamp(0.0, 1.0) * 1e9) as u64
}

/// The items due now, least likely remembered first (the most overdue of equally likely
/// ones first), at most `limit`.
pub fn due(items: &[Item], now: Time, limit: usize) -> Vec<&Item> {
    let due: Vec<&Item> = items.iter().filter(|i| i.due <= now).collect();
    // Less likely first; on a tie, the earlier due date (a smaller time).
    let keys = due
        .iter()
        .map(|i| key(recall_now(i, now)) << 20 | (i.due / DAY).min(0xFFFFF));
    ranked(keys)
        .into_iter()
        .take(limit)
        .map(|k| due[k])
        .collect()
}

/// How many items are due now.
pub fn due_count(items: &[Item], now: Time) -> usize {
    items.iter().filter(|i| i.due <= now).count()
}

/// Items due on each of the next `days` days, today first (today includes everything
/// overdue). `today` is the start of the learner's day, in the same clock as `now`.
pub fn due_by_day(items: &[Item], today: Time, days: usize) -> Vec<u32> {
    let mut out = vec![0; days];
    for i in items {
        let day = (i.due.saturating_sub(today) / DAY) as usize;
        if let Some(n) = out.get_mut(day) {
            *n += 1;
        }
    }
    out
}

/// "Review · 7 due": the entry to the review session, on the home page and in the header.
pub fn review_label(due: usize) -> String {
    if due == 0 {
        "Review".to_string()
    } else {
        format!("Review · {due} due")
    }
}

/// How well a module is known, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    NotStarted,
    Attempted,
    Familiar,
    Proficient,
    Mastered,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::NotStarted,
        Level::Attempted,
        Level::Familiar,
        Level::Proficient,
        Level::Mastered,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Level::NotStarted => "Not started",
            Level::Attempted => "Attempted",
            Level::Familiar => "Familiar",
            Level::Proficient => "Proficient",
            Level::Mastered => "Mastered",
        }
    }

    /// The class name the outline and charts style it by.
    pub fn class(self) -> &'static str {
        match self {
            Level::NotStarted => "not-started",
            Level::Attempted => "attempted",
            Level::Familiar => "familiar",
            Level::Proficient => "proficient",
            Level::Mastered => "mastered",
        }
    }
}

/// A module's mastery and the counts it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mastery {
    pub level: Level,
    /// Questions in the module's quizzes.
    pub questions: u32,
    pub answered: u32,
    pub right_once: u32,
    /// Right on the latest answer.
    pub right_now: u32,
    pub recalled_later: u32,
}

/// A module's mastery (the rules are in the README, "Mastery"):
/// - Not started: no question of the module answered;
/// - Attempted: at least one answered;
/// - Familiar: at least 70% of its questions answered right at least once;
/// - Proficient: every question right on its latest answer;
/// - Mastered: Proficient, and every question answered right in a review or an exam at
///   least 7 days after it was first answered.
///
/// A question no longer in the course may still have answers in the record; counts are
/// capped at the module's questions. A decision the learner missed in one of the module's
/// scenarios, and an exercise of the module the learner graded, each count as one more
/// question of the module (a decision taken as the expert did the first time is no item,
/// so it asks nothing more).
pub fn mastery(module: &Module, items: &[Item]) -> Mastery {
    let decision = |i: &Item| i.module == Some(module.slug);
    let decisions = items.iter().filter(|i| decision(i)).count() as u32;
    let questions: u32 = module.lessons.iter().map(|l| l.question_count).sum::<u32>() + decisions;
    let of_module = || {
        items
            .iter()
            .filter(move |i| decision(i) || module.lessons.iter().any(|l| l.slug == i.slug))
    };
    let count = |f: fn(&Item) -> bool| (of_module().filter(|i| f(i)).count() as u32).min(questions);
    let answered = count(|_| true);
    let right_once = count(|i| i.right_once);
    let right_now = count(|i| i.right_now);
    let recalled_later = count(|i| i.right_now && i.recalled_later);
    let level = if answered == 0 {
        Level::NotStarted
    } else if right_now == questions && recalled_later == questions {
        Level::Mastered
    } else if right_now == questions {
        Level::Proficient
    } else if right_once * 10 >= questions * 7 {
        Level::Familiar
    } else {
        Level::Attempted
    };
    Mastery {
        level,
        questions,
        answered,
        right_once,
        right_now,
        recalled_later,
    }
}

/// The items least likely remembered now, weakest first, at most `limit`: what to review
/// or reread. Ties go to the item with more wrong answers.
pub fn weakest(items: &[Item], now: Time, limit: usize) -> Vec<&Item> {
    let keys = items
        .iter()
        .map(|i| key(recall_now(i, now)) << 10 | u64::from(1023 - i.lapses.min(1023)));
    ranked(keys)
        .into_iter()
        .take(limit)
        .map(|k| &items[k])
        .collect()
}

/// Per lesson with answers, the average chance of recalling its items now, weakest first.
pub fn weakest_lessons(items: &[Item], now: Time, limit: usize) -> Vec<(&str, f64)> {
    let mut lessons: Vec<(&str, f64, u32)> = Vec::new();
    for i in items {
        let r = recall_now(i, now);
        match lessons.iter_mut().find(|l| l.0 == i.slug) {
            Some(l) => {
                l.1 += r;
                l.2 += 1;
            }
            None => lessons.push((&i.slug, r, 1)),
        }
    }
    let averages: Vec<(&str, f64)> = lessons
        .into_iter()
        .map(|(s, sum, n)| (s, sum / f64::from(n)))
        .collect();
    ranked(averages.iter().map(|l| key(l.1)))
        .into_iter()
        .take(limit)
        .map(|k| averages[k])
        .collect()
}

/// A small, fast generator for shuffles and exam draws (xorshift64*), seeded by the caller.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Never zero: xorshift would stay at zero.
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15 | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// FNV-1a: a stable hash of a question id, to give each question its own order.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The order a learner sees a question's choices in: random per learner (`seed`) and per
/// question, the same on every visit. Each entry is an authored choice's index, so answers
/// are stored as authored.
pub fn choice_order(seed: u32, question: &str, choices: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..choices).collect();
    Rng::new(hash(question) ^ u64::from(seed) << 32).shuffle(&mut order);
    order
}

#[cfg(test)]
mod tests;
