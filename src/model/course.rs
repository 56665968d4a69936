//! The course as the app sees it: the embedded outline, lesson data and quiz grading.

use serde::{Deserialize, Serialize};

use super::json::Json;

/// The course outline, generated from `content/` at build time and embedded in the app.
///
/// It holds what every page needs without a fetch: titles, slugs and order.
/// Lesson bodies and quizzes live in [`Lesson`], loaded one lesson at a time.
#[derive(Debug)]
pub struct Course {
    /// Stable identifier, written into exported progress so files from another course are refused.
    pub id: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub modules: &'static [Module],
}

/// A module: an ordered group of lessons.
#[derive(Debug)]
pub struct Module {
    pub slug: &'static str,
    pub title: &'static str,
    pub lessons: &'static [LessonInfo],
}

/// What the outline knows of a lesson.
#[derive(Debug)]
pub struct LessonInfo {
    pub slug: &'static str,
    pub title: &'static str,
    pub subtitle: &'static str,
    pub minutes: u32,
    /// How many questions the lesson's quiz has; the questions themselves are in its data file.
    pub question_count: u32,
    /// The lesson's data file, relative to the site root, named with a content hash.
    pub data: &'static str,
    /// Slugs the lesson had before it was renamed (front matter `former_slugs`); their URLs
    /// still lead here.
    pub former: &'static [&'static str],
}

/// What the outline knows of a decision scenario (`SCENARIOS` in `outline.rs`, apart from
/// [`Course`] so that only the pages that list or play scenarios carry it).
#[derive(Debug)]
pub struct ScenarioInfo {
    pub slug: &'static str,
    pub title: &'static str,
    pub subtitle: &'static str,
    pub minutes: u32,
    /// The module it belongs to; empty for a capstone that spans the course.
    pub module: &'static str,
    /// How many decision points it has.
    pub points: u32,
    /// The scenario's data file, relative to the site root, named with a content hash.
    pub data: &'static str,
}

/// What the outline knows of a written exercise (`EXERCISES` in `outline.rs`).
#[derive(Debug)]
pub struct ExerciseInfo {
    pub slug: &'static str,
    pub title: &'static str,
    pub subtitle: &'static str,
    pub minutes: u32,
    pub module: &'static str,
    /// The lessons it exercises.
    pub lessons: &'static [&'static str],
    /// The faded sequence it belongs to (empty if none) and its step there, from 1 (a worked
    /// example) to 3 (the whole task); 0 if none.
    pub sequence: &'static str,
    pub step: u32,
    /// The exercise's data file, relative to the site root, named with a content hash.
    pub data: &'static str,
}

impl ExerciseInfo {
    /// The exercise among `all` that a key of the record names (`exercise:<slug>`), if any.
    pub fn of_key(all: &'static [ExerciseInfo], key: &str) -> Option<&'static ExerciseInfo> {
        let slug = super::progress::exercise_slug(key)?;
        all.iter().find(|e| e.slug == slug)
    }
}

impl ScenarioInfo {
    /// The scenario among `all` that a key of the record names (`scenario:<slug>`), if any.
    pub fn of_key(all: &'static [ScenarioInfo], key: &str) -> Option<&'static ScenarioInfo> {
        let slug = super::progress::scenario_slug(key)?;
        all.iter().find(|s| s.slug == slug)
    }
}

/// The model's tests' course: three modules of 10, 6 and 4 questions (lessons "a" to "e");
/// lesson "e" was once called "old-e".
#[cfg(test)]
pub static TEST_COURSE: Course = Course {
    id: "tpm",
    title: "T",
    description: "",
    modules: &[
        Module {
            slug: "m1",
            title: "M1",
            lessons: &[LessonInfo::for_test("a", 5), LessonInfo::for_test("b", 5)],
        },
        Module {
            slug: "m2",
            title: "M2",
            lessons: &[LessonInfo::for_test("c", 2), LessonInfo::for_test("d", 4)],
        },
        Module {
            slug: "m3",
            title: "M3",
            lessons: &[LessonInfo {
                former: &["old-e"],
                ..LessonInfo::for_test("e", 4)
            }],
        },
    ],
};

impl LessonInfo {
    /// A lesson for the model's tests: titled by its slug, with `question_count` questions.
    #[cfg(test)]
    pub const fn for_test(slug: &'static str, question_count: u32) -> Self {
        LessonInfo {
            slug,
            title: slug,
            subtitle: "",
            minutes: 1,
            question_count,
            data: "",
            former: &[],
        }
    }
}

/// A glossary entry, as the build writes it to the glossary's data file (not embedded in the
/// app: the glossary page loads it like a lesson, which keeps the wasm smaller).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GlossaryTerm {
    pub id: String,
    pub term: String,
    /// The definition as HTML.
    pub definition: String,
    /// Slugs of the lessons that use the term, in course order.
    pub lessons: Vec<String>,
}

/// Where a lesson sits in the course.
#[derive(Debug, Clone, Copy)]
pub struct LessonRef {
    pub module: &'static Module,
    pub lesson: &'static LessonInfo,
    /// Position in the whole course, from 0.
    pub index: usize,
    /// Position within its module, from 0.
    pub index_in_module: usize,
}

/// A lesson's body and quiz, as written by the build into `lessons/<slug>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    pub slug: String,
    /// The body rendered to HTML at build time (empty in the copy a lesson's own page carries,
    /// whose body is already in the page).
    pub html: String,
    pub quiz: Option<Quiz>,
}

/// A lesson's quiz.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    pub title: String,
    pub questions: Vec<Question>,
}

/// Whether a question takes one answer or several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    Single,
    Multiple,
}

/// One quiz question. Text fields hold HTML rendered at build time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Unique within the course; progress is keyed by it.
    pub id: String,
    pub kind: QuestionKind,
    pub prompt: String,
    pub explanation: String,
    pub choices: Vec<Choice>,
    /// A hash of the prompt and choices: a stored answer with another hash is stale.
    pub hash: String,
}

/// One choice of a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub text: String,
    pub correct: bool,
    pub explanation: String,
}

impl Lesson {
    /// Reads a lesson's data file (as `tpm-site` writes it with serde).
    pub fn from_json(text: &str) -> Result<Lesson, String> {
        let v = Json::parse(text)?;
        let quiz = match v.get("quiz") {
            None | Some(Json::Null) => None,
            Some(q) => Some(Quiz {
                title: q.text("title")?,
                questions: q.list("questions", Question::from_json)?,
            }),
        };
        Ok(Lesson {
            slug: v.text("slug")?,
            html: v.text("html")?,
            quiz,
        })
    }
}

impl Question {
    fn from_json(v: &Json) -> Result<Question, String> {
        let kind = match v.get("kind").and_then(Json::as_str) {
            Some("single") => QuestionKind::Single,
            Some("multiple") => QuestionKind::Multiple,
            _ => return Err("a question's \"kind\" is not \"single\" or \"multiple\"".into()),
        };
        let choice = |c: &Json| {
            let correct = c
                .get("correct")
                .and_then(Json::as_bool)
                .ok_or("a choice's \"correct\" is not true or false")?;
            Ok(Choice {
                text: c.text("text")?,
                correct,
                explanation: c.text("explanation")?,
            })
        };
        Ok(Question {
            id: v.text("id")?,
            kind,
            prompt: v.text("prompt")?,
            explanation: v.text("explanation")?,
            choices: v.list("choices", choice)?,
            hash: v.text("hash")?,
        })
    }
}

impl GlossaryTerm {
    /// Reads the glossary's data file: a list of terms.
    pub fn list_from_json(text: &str) -> Result<Vec<GlossaryTerm>, String> {
        let v = Json::parse(text)?;
        let terms = v.as_array().ok_or("the glossary is not a list")?;
        terms
            .iter()
            .map(|t| {
                Ok(GlossaryTerm {
                    id: t.text("id")?,
                    term: t.text("term")?,
                    definition: t.text("definition")?,
                    lessons: t.list("lessons", |s| {
                        s.as_str()
                            .map(str::to_string)
                            .ok_or_else(|| "a lesson slug is not text".to_string())
                    })?,
                })
            })
            .collect()
    }
}

/// How well one answer fits a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Exactly the correct choices.
    Correct,
    /// Some correct choices and no wrong one, but not all of them (multiple select only).
    Partial,
    Incorrect,
}

/// The grade of one question.
#[derive(Debug, Clone, PartialEq)]
pub struct Grade {
    pub verdict: Verdict,
    /// Points between 0 and 1: a multiple-select question gives credit for each right
    /// choice and takes it back for each wrong one.
    pub points: f64,
}

/// The grade of a whole quiz.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizGrade {
    pub grades: Vec<Grade>,
    /// Whole percent, rounded down.
    pub score: u32,
}

impl Course {
    /// Every lesson in course order.
    pub fn lessons(&'static self) -> impl Iterator<Item = LessonRef> {
        self.modules
            .iter()
            .flat_map(|module| {
                module
                    .lessons
                    .iter()
                    .enumerate()
                    .map(move |(i, lesson)| (module, i, lesson))
            })
            .enumerate()
            .map(|(index, (module, index_in_module, lesson))| LessonRef {
                module,
                lesson,
                index,
                index_in_module,
            })
    }

    pub fn lesson_count(&self) -> usize {
        self.modules.iter().map(|m| m.lessons.len()).sum()
    }

    pub fn find_lesson(&'static self, slug: &str) -> Option<LessonRef> {
        self.lessons().find(|r| r.lesson.slug == slug)
    }

    /// Every rename as (former slug, current slug), in course order. The build guarantees that
    /// no former slug is a current one and that no two lessons claim the same former slug.
    pub fn renames(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        let modules: &'static [Module] = self.modules;
        modules
            .iter()
            .flat_map(|m| m.lessons)
            .flat_map(|l| l.former.iter().map(move |former| (*former, l.slug)))
    }

    /// The current slug of the lesson once called `former`, if a lesson was renamed from it.
    pub fn renamed(&self, former: &str) -> Option<&'static str> {
        self.renames()
            .find(|(f, _)| *f == former)
            .map(|(_, current)| current)
    }

    pub fn first_lesson(&'static self) -> Option<LessonRef> {
        self.lessons().next()
    }

    pub fn next_lesson(&'static self, slug: &str) -> Option<LessonRef> {
        let index = self.find_lesson(slug)?.index;
        self.lessons().nth(index + 1)
    }

    pub fn previous_lesson(&'static self, slug: &str) -> Option<LessonRef> {
        let index = self.find_lesson(slug)?.index;
        index.checked_sub(1).and_then(|i| self.lessons().nth(i))
    }
}

impl Question {
    /// Grades a selection of choice indices; indices out of range count as wrong.
    pub fn grade(&self, selected: &[usize]) -> Grade {
        let correct_total = self.choices.iter().filter(|c| c.correct).count().max(1);
        let is_correct = |i: &usize| self.choices.get(*i).is_some_and(|c| c.correct);
        let right = selected.iter().filter(|i| is_correct(i)).count();
        let wrong = selected.len() - right;
        let verdict = if wrong == 0 && right == correct_total {
            Verdict::Correct
        } else if self.kind == QuestionKind::Multiple && wrong == 0 && right > 0 {
            Verdict::Partial
        } else {
            Verdict::Incorrect
        };
        let points = match (self.kind, verdict) {
            (_, Verdict::Correct) => 1.0,
            (QuestionKind::Single, _) => 0.0,
            (QuestionKind::Multiple, _) => {
                (right as f64 - wrong as f64).max(0.0) / correct_total as f64
            }
        };
        Grade { verdict, points }
    }

    /// Indices of the correct choices.
    pub fn correct_choices(&self) -> Vec<usize> {
        (0..self.choices.len())
            .filter(|&i| self.choices[i].correct)
            .collect()
    }
}

impl Quiz {
    /// Grades one selection per question, in question order; a missing one is unanswered.
    pub fn grade(&self, answers: &[Vec<usize>]) -> QuizGrade {
        let grades: Vec<Grade> = self
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| q.grade(answers.get(i).map(Vec::as_slice).unwrap_or(&[])))
            .collect();
        let total: f64 = grades.iter().map(|g| g.points).sum();
        let score = if self.questions.is_empty() {
            100
        } else {
            // A small epsilon keeps 3 × (1/3) from rounding down to 99.
            ((total / self.questions.len() as f64) * 100.0 + 1e-9).floor() as u32
        };
        QuizGrade { grades, score }
    }
}

impl QuizGrade {
    /// True when every question is fully correct.
    pub fn passed(&self) -> bool {
        self.grades.iter().all(|g| g.verdict == Verdict::Correct)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(correct: bool) -> Choice {
        Choice {
            text: String::new(),
            correct,
            explanation: String::new(),
        }
    }

    fn question(kind: QuestionKind, correct: &[bool]) -> Question {
        Question {
            id: "q".into(),
            kind,
            prompt: String::new(),
            explanation: String::new(),
            choices: correct.iter().map(|&c| choice(c)).collect(),
            hash: String::new(),
        }
    }

    fn check(q: &Question, selected: &[usize], verdict: Verdict, points: f64) {
        let grade = q.grade(selected);
        assert_eq!(grade.verdict, verdict, "selection {selected:?}");
        assert!(
            (grade.points - points).abs() < 1e-9,
            "selection {selected:?}: points {} != {points}",
            grade.points
        );
    }

    #[test]
    fn single_choice_grading() {
        let q = question(QuestionKind::Single, &[false, true, false]);
        check(&q, &[1], Verdict::Correct, 1.0);
        check(&q, &[0], Verdict::Incorrect, 0.0);
        check(&q, &[], Verdict::Incorrect, 0.0);
        check(&q, &[7], Verdict::Incorrect, 0.0);
    }

    #[test]
    fn multiple_select_grading_gives_partial_credit() {
        let q = question(QuestionKind::Multiple, &[true, true, false, true]);
        check(&q, &[0, 1, 3], Verdict::Correct, 1.0);
        check(&q, &[0, 1], Verdict::Partial, 2.0 / 3.0);
        check(&q, &[0, 1, 2], Verdict::Incorrect, 1.0 / 3.0);
        check(&q, &[2], Verdict::Incorrect, 0.0);
        check(&q, &[0, 1, 2, 3], Verdict::Incorrect, 2.0 / 3.0);
    }

    #[test]
    fn quiz_score_is_a_whole_percent() {
        let quiz = Quiz {
            title: "t".into(),
            questions: vec![
                question(QuestionKind::Single, &[true, false]),
                question(QuestionKind::Multiple, &[true, true, true]),
                question(QuestionKind::Single, &[false, true]),
            ],
        };
        let all_right = quiz.grade(&[vec![0], vec![0, 1, 2], vec![1]]);
        assert_eq!(all_right.score, 100);
        assert!(all_right.passed());
        let partly = quiz.grade(&[vec![0], vec![0], vec![0]]);
        assert_eq!(partly.score, 44); // (1 + 1/3 + 0) / 3
        assert!(!partly.passed());
        let unanswered = quiz.grade(&[]);
        assert_eq!(unanswered.score, 0);
    }

    static COURSE: Course = Course {
        id: "c",
        title: "C",
        description: "",
        modules: &[
            Module {
                slug: "m1",
                title: "M1",
                lessons: &[LessonInfo::for_test("a", 0), LessonInfo::for_test("b", 0)],
            },
            Module {
                slug: "m2",
                title: "M2",
                lessons: &[LessonInfo {
                    former: &["old-c", "older-c"],
                    ..LessonInfo::for_test("c", 0)
                }],
            },
        ],
    };

    #[test]
    fn next_and_previous_cross_module_boundaries() {
        assert_eq!(COURSE.next_lesson("b").unwrap().lesson.slug, "c");
        assert_eq!(COURSE.next_lesson("b").unwrap().module.slug, "m2");
        assert!(COURSE.next_lesson("c").is_none());
        assert_eq!(COURSE.previous_lesson("c").unwrap().lesson.slug, "b");
        assert!(COURSE.previous_lesson("a").is_none());
        assert!(COURSE.find_lesson("zzz").is_none());
        assert_eq!(COURSE.find_lesson("c").unwrap().index, 2);
        assert_eq!(COURSE.lesson_count(), 3);
    }

    #[test]
    fn former_slugs_lead_to_the_current_lesson() {
        let renames: Vec<_> = COURSE.renames().collect();
        assert_eq!(renames, [("old-c", "c"), ("older-c", "c")]);
        assert_eq!(COURSE.renamed("older-c"), Some("c"));
        assert_eq!(COURSE.renamed("c"), None);
        assert_eq!(COURSE.renamed("zzz"), None);
    }
}
