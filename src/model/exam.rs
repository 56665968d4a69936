//! The practice exam: drawing questions from every module, the exam in progress (kept in
//! storage so a reload loses nothing), scoring, and the history of past exams.

use super::course::{Course, Question, Verdict};
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

/// One drawn question: a lesson and the question's place in its quiz.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Drawn {
    pub slug: String,
    pub index: usize,
}

/// An exam in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Exam {
    pub questions: Vec<Drawn>,
    pub timed: bool,
    /// Per question, the chosen choices (authored indices); empty when unanswered.
    pub answers: Vec<Vec<usize>>,
    pub unsure: Vec<bool>,
    pub flagged: Vec<bool>,
    /// Time left in milliseconds (timed exams); it runs only while the exam is open.
    pub left: u64,
    /// The question on screen.
    pub current: usize,
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

impl Exam {
    pub fn new(questions: Vec<Drawn>, timed: bool) -> Exam {
        let n = questions.len();
        Exam {
            timed,
            answers: vec![Vec::new(); n],
            unsure: vec![false; n],
            flagged: vec![false; n],
            left: if timed {
                n as u64 * SECONDS_PER_QUESTION * 1000
            } else {
                0
            },
            current: 0,
            questions,
        }
    }

    /// How many questions have an answer.
    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| !a.is_empty()).count()
    }

    /// Whether every drawn question is still in the course (a new version may have
    /// removed one since the exam began).
    pub fn fits(&self, course: &'static Course) -> bool {
        self.questions.iter().all(|d| {
            course
                .find_lesson(&d.slug)
                .is_some_and(|r| d.index < r.lesson.question_count as usize)
        })
    }

    /// The exam as kept in storage.
    pub fn encode(&self) -> String {
        let mut out = format!(
            "{{\"timed\":{},\"left\":{},\"current\":{},\"questions\":[",
            self.timed, self.left, self.current
        );
        for (i, d) in self.questions.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('[');
            write_str(&mut out, &d.slug);
            let answer: Vec<String> = self.answers[i].iter().map(usize::to_string).collect();
            out.push_str(&format!(
                ",{},\"{}\",{},{}]",
                d.index,
                answer.join(","),
                self.unsure[i],
                self.flagged[i]
            ));
        }
        out.push_str("]}");
        out
    }

    /// Reads a kept exam; `None` if it cannot be read (then it is dropped).
    pub fn decode(raw: &str) -> Option<Exam> {
        let v = Json::parse(raw).ok()?;
        let mut exam = Exam::new(Vec::new(), v.get("timed")?.as_bool()?);
        exam.left = v.get("left")?.as_u64()?;
        for q in v.get("questions")?.as_array()? {
            let [slug, index, answer, unsure, flagged] = q.as_array()? else {
                return None;
            };
            exam.questions.push(Drawn {
                slug: slug.as_str()?.to_string(),
                index: index.as_u64()? as usize,
            });
            let answer = answer.as_str()?;
            exam.answers.push(if answer.is_empty() {
                Vec::new()
            } else {
                answer
                    .split(',')
                    .map(|c| c.parse().ok())
                    .collect::<Option<_>>()?
            });
            exam.unsure.push(unsure.as_bool()?);
            exam.flagged.push(flagged.as_bool()?);
        }
        exam.current =
            (v.get("current")?.as_u64()? as usize).min(exam.questions.len().saturating_sub(1));
        Some(exam)
    }

    /// Grades the exam; `questions` are the drawn questions, in order. Unanswered questions
    /// are wrong; a multiple-select question counts only when exactly right.
    pub fn score(&self, questions: &[&Question], course: &'static Course) -> ExamScore {
        let right: Vec<bool> = questions
            .iter()
            .zip(&self.answers)
            .map(|(q, a)| q.grade(a).verdict == Verdict::Correct)
            .collect();
        ExamScore::new(
            self.questions
                .iter()
                .zip(right)
                .map(|(d, r)| (d.slug.as_str(), r)),
            course,
        )
    }

    /// The graded answers to record: (lesson, question id, recall).
    pub fn recalls<'a>(&'a self, questions: &[&Question]) -> Vec<(&'a str, String, Recall)> {
        self.questions
            .iter()
            .zip(questions)
            .enumerate()
            .map(|(i, (d, q))| {
                let right = q.grade(&self.answers[i]).verdict == Verdict::Correct;
                (
                    d.slug.as_str(),
                    q.id.clone(),
                    Recall::new(right, self.unsure[i]),
                )
            })
            .collect()
    }
}

/// An exam's score: overall and per module (in course order, modules with questions only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamScore {
    pub right: u32,
    pub total: u32,
    /// Per module index: (right, total).
    pub modules: Vec<(usize, u32, u32)>,
}

impl ExamScore {
    fn new<'a>(answers: impl Iterator<Item = (&'a str, bool)>, course: &'static Course) -> Self {
        let mut score = ExamScore {
            right: 0,
            total: 0,
            modules: Vec::new(),
        };
        let answers: Vec<(&str, bool)> = answers.collect();
        score.total = answers.len() as u32;
        score.right = answers.iter().filter(|a| a.1).count() as u32;
        // In course order: per module, its answers.
        for (m, module) in course.modules.iter().enumerate() {
            let of_module = answers
                .iter()
                .filter(|a| module.lessons.iter().any(|l| l.slug == a.0));
            let (mut right, mut total) = (0, 0);
            for a in of_module {
                right += u32::from(a.1);
                total += 1;
            }
            if total > 0 {
                score.modules.push((m, right, total));
            }
        }
        score
    }

    /// Whole percent, rounded down.
    pub fn percent(&self) -> u32 {
        (self.right * 100).checked_div(self.total).unwrap_or(0)
    }

    pub fn passed(&self) -> bool {
        self.percent() >= PASS_PERCENT
    }
}

/// One submitted exam, as the record keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastExam {
    pub at: Time,
    pub timed: bool,
    pub score: ExamScore,
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
