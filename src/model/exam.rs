//! The practice exam: drawing questions from every module, the exam being taken (answers by
//! question id, the clock, the question on screen), the form kept in storage and how it is
//! resumed, scoring, and the history of past exams.
//!
//! The exam page holds one [`Stage`] and renders it; every decision is a method here.

use super::course::{Course, Lesson, LessonInfo, Question, Verdict};
use super::json::{write_str, Json};
use super::progress::{Progress, Recall, Source, Time};
use super::review::Rng;
use super::sort::ranked;

/// The lengths a learner can choose.
pub const LENGTHS: [usize; 3] = [10, 20, 40];
/// Time allowed per question in a timed exam.
pub const SECONDS_PER_QUESTION: u64 = 75;
/// The score that passes, in percent.
pub const PASS_PERCENT: u32 = 70;
/// The most questions a kept exam may hold: the app never writes more, so a record with more
/// is damaged (and reading it must stay cheap).
pub const MAX_QUESTIONS: usize = 100;

/// A kept exam longer than this is damaged: 100 questions take about 6 KB.
const MAX_SAVED_BYTES: usize = 64 * 1024;
/// The longest slug, question id or hash a kept exam may carry.
const MAX_TEXT: usize = 200;
/// A question's place in its quiz, in the form kept before question ids, is below this.
const MAX_POSITION: u64 = 1000;
/// The most choices one kept answer may name.
const MAX_CHOSEN: usize = 32;
/// The time left at which a timed exam warns, in milliseconds, longest first.
const WARNINGS: [u64; 2] = [300_000, 60_000];
/// The version of the kept form written by [`Sitting::encode`]; the form without a version
/// kept questions by position.
const SAVED_VERSION: u64 = 2;

/// One drawn question: a lesson and the question's place in its quiz (the outline knows how
/// many questions a lesson has, not their ids: those come with the lesson's data).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Drawn {
    pub slug: String,
    pub index: usize,
}

/// Where the exam page is: choosing an exam, loading its questions, taking it, or its result.
#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    Setup,
    /// The exam's lessons are loading; `failed` says why the last try did not work.
    Loading {
        plan: Plan,
        failed: Option<String>,
    },
    Sitting(Sitting),
    Done(ExamResult),
}

/// Which stage the page is at, for the views that change only when it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Setup,
    Loading,
    /// Loading failed: the page offers to try again.
    Failed,
    Sitting,
    Done,
}

/// What a tick of the clock did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tick {
    /// No timed exam is running: nothing changed.
    Idle,
    Running,
    /// The time left has just fallen to this many minutes.
    Warning {
        minutes: u64,
    },
    /// The time ran out: the exam was submitted.
    Expired,
}

/// An exam whose lessons are not loaded yet: drawn just now (by position in the outline), or
/// kept in storage (by question id).
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    timed: bool,
    left: u64,
    current: usize,
    questions: Vec<Planned>,
}

/// Why a kept exam cannot be resumed; the learner is told in one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unresumable {
    /// It cannot be read (or holds more than an exam can).
    Damaged,
    /// A newer version of the course wrote it: it is left for that version.
    Newer,
    /// An earlier version kept its answers by position, so they cannot be matched to today's
    /// questions without guessing.
    ByPosition,
}

/// An exam being taken: its questions with the learner's answers, the clock and the question
/// on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Sitting {
    timed: bool,
    /// Time left in milliseconds (timed exams) when the clock last moved, at `since`.
    left: u64,
    since: Time,
    current: usize,
    /// Set when the learner asked to submit with questions unanswered: the next ask submits.
    confirming: bool,
    questions: Vec<ExamQuestion>,
}

/// One question of an exam and what the learner did with it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamQuestion {
    /// The lesson it comes from.
    pub slug: &'static str,
    pub question: Question,
    /// The chosen choices (authored indices, ascending); empty when unanswered.
    pub answer: Vec<usize>,
    pub unsure: bool,
    pub flagged: bool,
}

/// A submitted exam: every question with its answer, and the score.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamResult {
    pub timed: bool,
    pub questions: Vec<ExamQuestion>,
    pub score: ExamScore,
}

/// An exam's score: overall and per module (in course order, modules with questions only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamScore {
    pub right: u32,
    pub total: u32,
    /// Per module index: (right, total).
    pub modules: Vec<(usize, u32, u32)>,
}

/// One submitted exam, as the record keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastExam {
    pub at: Time,
    pub timed: bool,
    pub score: ExamScore,
}

/// A question of a [`Plan`]: its lesson, which question, and what was kept of the answer.
#[derive(Debug, Clone, PartialEq)]
struct Planned {
    slug: String,
    key: Key,
    /// The question's hash when it was answered: an answer to another version is not kept.
    hash: String,
    answer: Vec<usize>,
    unsure: bool,
    flagged: bool,
}

/// How a planned question is found in its lesson's quiz.
#[derive(Debug, Clone, PartialEq)]
enum Key {
    /// Its place in the quiz: a new draw, or an unanswered exam kept by an earlier version.
    Position(usize),
    Id(String),
}

/// `length` questions from the course, at random, without repeats, each module giving a
/// share in proportion to its questions (largest remainders settle the rounding), in a
/// random order. Fewer when the course has fewer questions.
pub fn draw(course: &'static Course, length: usize, rng: &mut Rng) -> Vec<Drawn> {
    let sizes: Vec<usize> = course
        .modules
        .iter()
        .map(|m| m.lessons.iter().map(|l| l.question_count as usize).sum())
        .collect();
    let total: usize = sizes.iter().sum();
    let length = length.min(total);
    if length == 0 {
        return Vec::new();
    }
    // Whole shares first, then one more to the largest remainders (earlier modules on ties).
    let mut shares: Vec<usize> = sizes.iter().map(|s| s * length / total).collect();
    let largest_first = ranked(sizes.iter().map(|s| (total - s * length % total) as u64));
    let short = length - shares.iter().sum::<usize>();
    for &m in largest_first.iter().take(short) {
        shares[m] += 1;
    }
    let mut out = Vec::with_capacity(length);
    for (module, share) in course.modules.iter().zip(shares) {
        let mut pool: Vec<Drawn> = module
            .lessons
            .iter()
            .flat_map(|l| {
                (0..l.question_count as usize).map(|index| Drawn {
                    slug: l.slug.to_string(),
                    index,
                })
            })
            .collect();
        rng.shuffle(&mut pool);
        out.extend(pool.into_iter().take(share));
    }
    rng.shuffle(&mut out);
    out
}

impl Stage {
    /// A new exam of `length` questions drawn with `rng`; its lessons load next. A course with
    /// no questions stays at the setup.
    pub fn start(course: &'static Course, length: usize, timed: bool, rng: &mut Rng) -> Stage {
        let drawn = draw(course, length, rng);
        if drawn.is_empty() {
            return Stage::Setup;
        }
        Stage::Loading {
            plan: Plan::new(drawn, timed),
            failed: None,
        }
    }

    /// The exam kept in storage, to load again.
    pub fn resume(raw: &str) -> Result<Stage, Unresumable> {
        Plan::decode(raw).map(|plan| Stage::Loading { plan, failed: None })
    }

    pub fn screen(&self) -> Screen {
        match self {
            Stage::Setup => Screen::Setup,
            Stage::Loading { failed: None, .. } => Screen::Loading,
            Stage::Loading { .. } => Screen::Failed,
            Stage::Sitting(_) => Screen::Sitting,
            Stage::Done(_) => Screen::Done,
        }
    }

    /// The lessons to load before the exam can go on (none unless it is loading).
    pub fn lessons_to_load(&self, course: &'static Course) -> Vec<&'static LessonInfo> {
        match self {
            Stage::Loading { plan, .. } => plan.lessons(course),
            _ => Vec::new(),
        }
    }

    /// The lessons came: the exam begins, or goes on, at `now`. Returns what the learner must
    /// be told when the course changed since the exam was kept. An exam none of whose
    /// questions is left goes back to the setup.
    pub fn loaded(
        &mut self,
        lessons: &[Lesson],
        course: &'static Course,
        now: Time,
    ) -> Option<String> {
        let Stage::Loading { plan, .. } = self else {
            return None;
        };
        let (sitting, notice) = plan.resolve(lessons, course, now);
        if sitting.questions.is_empty() {
            *self = Stage::Setup;
            return Some(
                "None of this exam's questions is in the course any more, so it was closed.".into(),
            );
        }
        *self = Stage::Sitting(sitting);
        notice
    }

    /// Loading failed; `error` says why, for the learner.
    pub fn failed(&mut self, error: String) {
        if let Stage::Loading { failed, .. } = self {
            *failed = Some(error);
        }
    }

    /// The learner asked to try loading again.
    pub fn retry(&mut self) {
        if let Stage::Loading { failed, .. } = self {
            *failed = None;
        }
    }

    pub fn sitting(&self) -> Option<&Sitting> {
        match self {
            Stage::Sitting(s) => Some(s),
            _ => None,
        }
    }

    pub fn sitting_mut(&mut self) -> Option<&mut Sitting> {
        match self {
            Stage::Sitting(s) => Some(s),
            _ => None,
        }
    }

    pub fn result(&self) -> Option<&ExamResult> {
        match self {
            Stage::Done(r) => Some(r),
            _ => None,
        }
    }

    /// Moves the clock of a timed exam on to `now`; at zero the exam is submitted.
    pub fn tick(&mut self, now: Time, course: &'static Course) -> Tick {
        let tick = match self {
            Stage::Sitting(s) => s.tick(now),
            _ => Tick::Idle,
        };
        if tick == Tick::Expired {
            self.submit(course);
        }
        tick
    }

    /// The learner asked to submit: with questions unanswered the first ask only asks them to
    /// confirm. Returns whether the exam was submitted.
    pub fn ask_to_submit(&mut self, course: &'static Course) -> bool {
        let Stage::Sitting(s) = self else {
            return false;
        };
        if s.unanswered() > 0 && !s.confirming {
            s.confirming = true;
            return false;
        }
        self.submit(course)
    }

    /// Submits the exam being taken: unanswered questions count as wrong.
    pub fn submit(&mut self, course: &'static Course) -> bool {
        match std::mem::replace(self, Stage::Setup) {
            Stage::Sitting(s) => {
                *self = Stage::Done(s.finish(course));
                true
            }
            other => {
                *self = other;
                false
            }
        }
    }

    /// A new exam of the questions the result counts wrong, untouched, starting at `now`.
    pub fn retake(&mut self, now: Time) {
        let Stage::Done(result) = self else {
            return;
        };
        let missed: Vec<ExamQuestion> = result
            .questions
            .iter()
            .filter(|q| !q.right())
            .map(|q| ExamQuestion::new(q.slug, q.question.clone()))
            .collect();
        if !missed.is_empty() {
            *self = Stage::Sitting(Sitting::new(missed, result.timed, now));
        }
    }
}

impl Unresumable {
    /// Whether the kept exam should be left in storage: only a newer version can read it.
    pub fn keep(self) -> bool {
        self == Unresumable::Newer
    }

    /// One sentence for the learner.
    pub fn message(self) -> &'static str {
        match self {
            Unresumable::Damaged => {
                "Your exam in progress could not be read, so it was closed."
            }
            Unresumable::Newer => {
                "Your exam in progress was saved by a newer version of the course: reload to go on with it."
            }
            Unresumable::ByPosition => {
                "Your exam in progress was saved by an earlier version, which cannot tell which question each answer was for, so it was closed."
            }
        }
    }
}

impl Plan {
    /// A new exam of the drawn questions.
    pub fn new(drawn: Vec<Drawn>, timed: bool) -> Plan {
        let left = time_allowed(timed, drawn.len());
        let questions = drawn
            .into_iter()
            .map(|d| Planned {
                slug: d.slug,
                key: Key::Position(d.index),
                hash: String::new(),
                answer: Vec::new(),
                unsure: false,
                flagged: false,
            })
            .collect();
        Plan {
            timed,
            left,
            current: 0,
            questions,
        }
    }

    /// Reads a kept exam: today's form (by question id), or an earlier one (by position) when
    /// nothing in it belongs to a question (no answer, no "unsure", no flag), since then no
    /// answer can land on another question. Every count and length is bounded.
    pub fn decode(raw: &str) -> Result<Plan, Unresumable> {
        use Unresumable::*;
        if raw.len() > MAX_SAVED_BYTES {
            return Err(Damaged);
        }
        let v = Json::parse(raw).map_err(|_| Damaged)?;
        let by_id = match v.get("version").map(Json::as_u64) {
            None => false,
            Some(Some(SAVED_VERSION)) => true,
            Some(Some(n)) if n > SAVED_VERSION => return Err(Newer),
            Some(_) => return Err(Damaged),
        };
        let mut plan = Plan::decode_head(&v).ok_or(Damaged)?;
        for q in v.get("questions").and_then(Json::as_array).ok_or(Damaged)? {
            let q = Planned::decode(q, by_id).ok_or(Damaged)?;
            if !by_id && (!q.answer.is_empty() || q.unsure || q.flagged) {
                return Err(ByPosition);
            }
            plan.questions.push(q);
        }
        plan.bound().ok_or(Damaged)
    }

    /// The lessons the exam's questions come from, each once, in the exam's order. A lesson
    /// that is gone is not among them: its questions are taken out when the rest load.
    pub fn lessons(&self, course: &'static Course) -> Vec<&'static LessonInfo> {
        let mut out: Vec<&'static LessonInfo> = Vec::new();
        for q in &self.questions {
            if let Some(info) = lesson_info(course, &q.slug) {
                if !out.iter().any(|l| l.slug == info.slug) {
                    out.push(info);
                }
            }
        }
        out
    }

    /// The exam with its questions found in `lessons`, its clock starting at `now`, and a
    /// sentence for the learner when something kept could not be. A question that is gone is
    /// taken out with its answer; an answer to a question that changed is cleared: an answer
    /// never moves to another question.
    fn resolve(
        &self,
        lessons: &[Lesson],
        course: &'static Course,
        now: Time,
    ) -> (Sitting, Option<String>) {
        let (mut removed, mut lost, mut cleared) = (0usize, 0usize, 0usize);
        let mut current = 0;
        let mut out: Vec<ExamQuestion> = Vec::with_capacity(self.questions.len());
        for (i, p) in self.questions.iter().enumerate() {
            let found = lesson_info(course, &p.slug).and_then(|info| {
                let lesson = lessons.iter().find(|l| l.slug == info.slug)?;
                let questions = &lesson.quiz.as_ref()?.questions;
                let question = match &p.key {
                    Key::Position(k) => questions.get(*k),
                    Key::Id(id) => questions.iter().find(|q| q.id == *id),
                }?;
                // The same question twice would share its inputs' ids: keep the first.
                let repeated = out.iter().any(|o| o.question.id == question.id);
                (!repeated).then_some((info.slug, question))
            });
            let Some((slug, question)) = found else {
                removed += 1;
                lost += usize::from(!p.answer.is_empty());
                continue;
            };
            if i < self.current {
                current += 1;
            }
            let mut q = ExamQuestion::new(slug, question.clone());
            q.flagged = p.flagged;
            let fits =
                p.hash == question.hash && p.answer.iter().all(|&c| c < question.choices.len());
            if fits {
                q.answer = p.answer.clone();
                q.unsure = p.unsure;
            } else if !p.answer.is_empty() {
                cleared += 1;
            }
            out.push(q);
        }
        let mut sitting = Sitting::new(out, self.timed, now);
        sitting.left = self.left.min(sitting.left);
        sitting.current = current.min(sitting.questions.len().saturating_sub(1));
        (sitting, changed_notice(removed, lost, cleared))
    }

    /// The members both forms share; the questions come after.
    fn decode_head(v: &Json) -> Option<Plan> {
        let current = v.get("current")?.as_u64()?;
        Some(Plan {
            timed: v.get("timed")?.as_bool()?,
            left: v.get("left")?.as_u64()?,
            current: usize::try_from(current).unwrap_or(usize::MAX),
            questions: Vec::new(),
        })
    }

    /// The plan, if it holds what an exam can: at most [`MAX_QUESTIONS`] questions and no
    /// more time than they allow.
    fn bound(mut self) -> Option<Plan> {
        if self.questions.len() > MAX_QUESTIONS {
            return None;
        }
        self.left = self
            .left
            .min(time_allowed(self.timed, self.questions.len()));
        Some(self)
    }
}

impl Planned {
    /// One kept question: `[slug, id, hash, "0,2", unsure, flagged]` (today's form, in
    /// `{"version":2,"timed":…,"left":…,"current":…,"questions":[…]}`), or before question
    /// ids `[slug, index, "0,2", unsure, flagged]`.
    fn decode(q: &Json, by_id: bool) -> Option<Planned> {
        let (slug, key, hash, marks) = match (by_id, q.as_array()?) {
            (true, [slug, id, hash, marks @ ..]) => {
                (slug, Key::Id(bounded(id)?), bounded(hash)?, marks)
            }
            (false, [slug, index, marks @ ..]) => {
                let index = index.as_u64().filter(|&i| i < MAX_POSITION)?;
                (slug, Key::Position(index as usize), String::new(), marks)
            }
            _ => return None,
        };
        let [answer, unsure, flagged] = marks else {
            return None;
        };
        Some(Planned {
            slug: bounded(slug)?,
            key,
            hash,
            answer: parse_answer(answer.as_str()?)?,
            unsure: unsure.as_bool()?,
            flagged: flagged.as_bool()?,
        })
    }
}

impl Sitting {
    fn new(questions: Vec<ExamQuestion>, timed: bool, now: Time) -> Sitting {
        Sitting {
            timed,
            left: time_allowed(timed, questions.len()),
            since: now,
            current: 0,
            confirming: false,
            questions,
        }
    }

    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    pub fn timed(&self) -> bool {
        self.timed
    }

    /// Time left in milliseconds as of the last tick (0 when untimed).
    pub fn left(&self) -> u64 {
        self.left
    }

    /// The question on screen, from 0.
    pub fn current(&self) -> usize {
        self.current
    }

    /// How many unanswered questions the learner is asked to confirm submitting with (0 when
    /// not asking: every question has an answer, or they have not asked to submit).
    pub fn confirming(&self) -> usize {
        if self.confirming {
            self.unanswered()
        } else {
            0
        }
    }

    pub fn questions(&self) -> &[ExamQuestion] {
        &self.questions
    }

    pub fn question(&self, i: usize) -> Option<&ExamQuestion> {
        self.questions.get(i)
    }

    /// Whether question `i` has an answer.
    pub fn answered(&self, i: usize) -> bool {
        self.questions.get(i).is_some_and(|q| !q.answer.is_empty())
    }

    /// Whether question `i` is flagged for review.
    pub fn flagged(&self, i: usize) -> bool {
        self.questions.get(i).is_some_and(|q| q.flagged)
    }

    pub fn unanswered(&self) -> usize {
        self.questions
            .iter()
            .filter(|q| q.answer.is_empty())
            .count()
    }

    /// Shows question `i` (the last one when past the end); a pending "submit anyway" lapses.
    pub fn go(&mut self, i: usize) {
        self.current = i.min(self.questions.len().saturating_sub(1));
        self.confirming = false;
    }

    pub fn next(&mut self) {
        self.go(self.current.saturating_add(1));
    }

    pub fn previous(&mut self) {
        self.go(self.current.saturating_sub(1));
    }

    /// Keeps the learner's answer to question `i`: the chosen choices (authored indices;
    /// any that the question does not have are left out) and "I wasn't sure".
    pub fn answer(&mut self, i: usize, chosen: &[usize], unsure: bool) {
        if let Some(q) = self.questions.get_mut(i) {
            let n = q.question.choices.len();
            q.answer = chosen.iter().copied().filter(|&c| c < n).collect();
            super::sort::sort_unique(&mut q.answer);
            q.unsure = unsure;
        }
    }

    /// Flags question `i` for review, or takes the flag off.
    pub fn toggle_flag(&mut self, i: usize) {
        if let Some(q) = self.questions.get_mut(i) {
            q.flagged = !q.flagged;
        }
    }

    /// Moves the clock on to `now`. The time between two ticks counts; time while the exam is
    /// not open does not, since the clock starts again at `now` when it is resumed.
    pub fn tick(&mut self, now: Time) -> Tick {
        let elapsed = now.saturating_sub(self.since);
        self.since = now;
        if !self.timed {
            return Tick::Idle;
        }
        let before = self.left;
        self.left = before.saturating_sub(elapsed);
        if self.left == 0 {
            return Tick::Expired;
        }
        match WARNINGS
            .iter()
            .filter(|&&w| self.left <= w && before > w)
            .last()
        {
            Some(&w) => Tick::Warning {
                minutes: w / 60_000,
            },
            None => Tick::Running,
        }
    }

    /// The exam as kept in storage (see [`Plan::decode`]).
    pub fn encode(&self) -> String {
        let mut out = format!(
            "{{\"version\":{SAVED_VERSION},\"timed\":{},\"left\":{},\"current\":{},\"questions\":[",
            self.timed, self.left, self.current
        );
        for (i, q) in self.questions.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('[');
            write_str(&mut out, q.slug);
            out.push(',');
            write_str(&mut out, &q.question.id);
            out.push(',');
            write_str(&mut out, &q.question.hash);
            let answer: Vec<String> = q.answer.iter().map(usize::to_string).collect();
            out.push_str(&format!(
                ",\"{}\",{},{}]",
                answer.join(","),
                q.unsure,
                q.flagged
            ));
        }
        out.push_str("]}");
        out
    }

    /// Grades every question: unanswered ones are wrong; a multiple-select question counts
    /// only when exactly right.
    fn finish(self, course: &'static Course) -> ExamResult {
        let score = ExamScore::new(self.questions.iter().map(|q| (q.slug, q.right())), course);
        ExamResult {
            timed: self.timed,
            questions: self.questions,
            score,
        }
    }
}

impl ExamQuestion {
    fn new(slug: &'static str, question: Question) -> ExamQuestion {
        ExamQuestion {
            slug,
            question,
            answer: Vec::new(),
            unsure: false,
            flagged: false,
        }
    }

    /// Whether the answer is exactly right.
    pub fn right(&self) -> bool {
        self.question.grade(&self.answer).verdict == Verdict::Correct
    }
}

impl ExamResult {
    /// How many questions were not answered exactly right.
    pub fn missed(&self) -> usize {
        self.questions.iter().filter(|q| !q.right()).count()
    }

    /// The graded answers to record: (lesson, question id, recall).
    pub fn recalls(&self) -> Vec<(&'static str, String, Recall)> {
        self.questions
            .iter()
            .map(|q| {
                (
                    q.slug,
                    q.question.id.clone(),
                    Recall::new(q.right(), q.unsure),
                )
            })
            .collect()
    }
}

impl ExamScore {
    fn new<'a>(answers: impl Iterator<Item = (&'a str, bool)>, course: &'static Course) -> Self {
        let mut score = ExamScore {
            right: 0,
            total: 0,
            modules: Vec::new(),
        };
        let answers: Vec<(&str, bool)> = answers.collect();
        score.total = u32::try_from(answers.len()).unwrap_or(u32::MAX);
        score.right = u32::try_from(answers.iter().filter(|a| a.1).count()).unwrap_or(u32::MAX);
        // In course order: per module, its answers.
        for (m, module) in course.modules.iter().enumerate() {
            let of_module = answers
                .iter()
                .filter(|a| module.lessons.iter().any(|l| l.slug == a.0));
            let (mut right, mut total) = (0u32, 0u32);
            for a in of_module {
                right = right.saturating_add(u32::from(a.1));
                total = total.saturating_add(1);
            }
            if total > 0 {
                score.modules.push((m, right, total));
            }
        }
        score
    }

    /// Whole percent, rounded down.
    pub fn percent(&self) -> u32 {
        percent(self.right, self.total)
    }

    pub fn passed(&self) -> bool {
        self.percent() >= PASS_PERCENT
    }
}

/// `right` of `total` in whole percent, rounded down (0 of 0 is 0%).
pub fn percent(right: u32, total: u32) -> u32 {
    (u64::from(right) * 100)
        .checked_div(u64::from(total))
        .map_or(0, |p| p as u32)
}

/// Every submitted exam still visible in the record (a reset of a lesson hides that
/// lesson's part), newest first.
pub fn history(progress: &Progress, course: &'static Course) -> Vec<PastExam> {
    // (time, device) names an exam; its answers are filed per lesson: (lesson, right).
    type Answers<'a> = Vec<(&'a str, bool)>;
    let mut exams: Vec<((Time, &str), bool, Answers)> = Vec::new();
    let log = progress.log();
    for r in course.lessons() {
        for (_, events) in log.history(r.lesson.slug) {
            for e in events {
                let timed = match e.source {
                    Source::Exam => false,
                    Source::TimedExam => true,
                    _ => continue,
                };
                let id = (e.at, e.device);
                let answer = (r.lesson.slug, e.recall.right());
                match exams.iter_mut().find(|x| x.0 == id) {
                    Some(x) => x.2.push(answer),
                    None => exams.push((id, timed, vec![answer])),
                }
            }
        }
    }
    // Newest first.
    ranked(exams.iter().map(|x| u64::MAX - x.0 .0))
        .into_iter()
        .map(|k| {
            let ((at, _), timed, answers) = &exams[k];
            PastExam {
                at: *at,
                timed: *timed,
                score: ExamScore::new(answers.iter().copied(), course),
            }
        })
        .collect()
}

/// Time left as the timer shows it, minutes and seconds, rounded up: "12:05".
pub fn clock(ms: u64) -> String {
    let s = ms.div_ceil(1000);
    format!("{}:{:02}", s / 60, s % 60)
}

/// The time a timed exam of `questions` allows, in milliseconds (0 when untimed).
fn time_allowed(timed: bool, questions: usize) -> u64 {
    if timed {
        (questions as u64).saturating_mul(SECONDS_PER_QUESTION * 1000)
    } else {
        0
    }
}

/// A lesson by its slug or a slug it had before it was renamed.
fn lesson_info(course: &'static Course, slug: &str) -> Option<&'static LessonInfo> {
    let slug = course.renamed(slug).unwrap_or(slug);
    course.find_lesson(slug).map(|r| r.lesson)
}

/// Kept text no longer than [`MAX_TEXT`].
fn bounded(v: &Json) -> Option<String> {
    v.as_str()
        .filter(|s| s.len() <= MAX_TEXT)
        .map(str::to_string)
}

/// A kept answer, "0,2": at most [`MAX_CHOSEN`] choices.
fn parse_answer(text: &str) -> Option<Vec<usize>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    for c in text.split(',') {
        if out.len() == MAX_CHOSEN || c.len() > 3 {
            return None;
        }
        out.push(c.parse().ok()?);
    }
    Some(out)
}

/// What resuming could not keep, in one sentence; `None` when it kept everything.
fn changed_notice(removed: usize, lost: usize, cleared: usize) -> Option<String> {
    let mut parts = Vec::new();
    if removed > 0 {
        let mut part = match removed {
            1 => "1 question is no longer in it and was taken out".to_string(),
            n => format!("{n} questions are no longer in it and were taken out"),
        };
        match (removed, lost) {
            (_, 0) => {}
            (1, _) => part.push_str(" (with your answer to it)"),
            (_, n) => part.push_str(&format!(" (with {n} of your answers)")),
        }
        parts.push(part);
    }
    match cleared {
        0 => {}
        1 => parts.push("1 answer was cleared because its question has changed".to_string()),
        n => parts.push(format!(
            "{n} answers were cleared because their questions have changed"
        )),
    }
    (!parts.is_empty()).then(|| {
        format!(
            "The course changed since this exam was saved: {}.",
            parts.join(", and ")
        )
    })
}

#[cfg(test)]
mod tests;
