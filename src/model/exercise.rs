//! Written exercises: a task with its material, the learner's answer (written in the
//! browser, kept in the record), a model answer, and a rubric of idea units the learner ticks
//! against their answer. The self-grade feeds review: under half of the units is Again, at
//! least half but not all is Hard, all is Good.
//!
//! Some exercises form a faded sequence (a worked example, then one with parts left for the
//! learner, then the whole task): see [`Step`].

use serde::{Deserialize, Serialize};

use super::course::{Choice, Lesson, Question, QuestionKind, Quiz};
use super::progress::{exercise_key, Recall};

/// The fewest and most idea units in a rubric.
pub const RUBRIC: std::ops::RangeInclusive<usize> = 4..=8;

/// An exercise, as written by the build into `exercises/<slug>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exercise {
    pub slug: String,
    /// What to produce, as HTML.
    pub task: String,
    /// What to work from (notes, a brief, a plan), as HTML; empty if the task needs none.
    pub material: String,
    /// The part of the answer given to the learner in a sequence's middle step, as the text
    /// the answer box starts with; empty otherwise.
    pub start: String,
    /// The model answer, as HTML.
    pub model: String,
    /// The idea units a good answer covers, as inline HTML.
    pub rubric: Vec<String>,
}

/// A step of a faded sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A fully worked example: read, nothing to write.
    Worked,
    /// Part of the answer is given; the learner completes it.
    Completion,
    /// The whole task.
    Whole,
}

impl Step {
    /// The step as the front matter and the outline write it.
    pub const NAMES: [(Step, &'static str); 3] = [
        (Step::Worked, "worked"),
        (Step::Completion, "completion"),
        (Step::Whole, "whole"),
    ];

    pub fn parse(name: &str) -> Option<Step> {
        Step::NAMES
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(s, _)| *s)
    }

    /// Its place in the sequence, from 1.
    pub fn number(self) -> usize {
        match self {
            Step::Worked => 1,
            Step::Completion => 2,
            Step::Whole => 3,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Step::Worked => "a worked example",
            Step::Completion => "complete the answer",
            Step::Whole => "the whole task",
        }
    }
}

/// The learner's self-grade: how many of the rubric's `units` their answer covered. Under
/// half is wrong (Again), at least half but not all right but unsure (Hard), all right (Good).
pub fn self_grade(covered: usize, units: usize) -> Recall {
    if units == 0 || covered * 2 < units {
        Recall::Wrong
    } else if covered < units {
        Recall::RightUnsure
    } else {
        Recall::Right
    }
}

/// The grade's name as the learner sees it, and what it means for review.
pub fn grade_text(recall: Recall) -> &'static str {
    match recall {
        Recall::Wrong | Recall::WrongUnsure => {
            "Again: under half of the ideas. It comes back in your next review."
        }
        Recall::RightUnsure => {
            "Hard: at least half of the ideas, not all. It comes back sooner than a Good would."
        }
        Recall::Right => {
            "Good: every idea. It comes back when you are likely to start forgetting it."
        }
    }
}

impl Exercise {
    /// The exercise as a lesson's quiz of one item, under its key in the record
    /// ([`exercise_key`]), so a review session can ask it: the task (with its material) as the
    /// prompt, the model answer as the explanation, and the rubric's idea units as the
    /// "choices" the learner ticks when grading their recall.
    pub fn as_lesson(&self, title: &str) -> Lesson {
        let choices = self
            .rubric
            .iter()
            .map(|u| Choice {
                text: u.clone(),
                correct: true,
                explanation: String::new(),
            })
            .collect();
        Lesson {
            slug: exercise_key(&self.slug),
            html: String::new(),
            quiz: Some(Quiz {
                title: title.to_string(),
                questions: vec![Question {
                    id: self.slug.clone(),
                    kind: QuestionKind::Multiple,
                    prompt: format!("{}{}", self.task, self.material),
                    explanation: self.model.clone(),
                    choices,
                    hash: String::new(),
                }],
            }),
        }
    }

    /// Reads an exercise's data file (as `tpm-site` writes it with serde).
    pub fn from_json(text: &str) -> Result<Exercise, String> {
        let v = super::json::Json::parse(text)?;
        Ok(Exercise {
            slug: v.text("slug")?,
            task: v.text("task")?,
            material: v.text("material")?,
            start: v.text("start")?,
            model: v.text("model")?,
            rubric: v.list("rubric", |u| {
                u.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| "an idea unit is not text".to_string())
            })?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_self_grade_is_again_under_half_hard_from_half_and_good_with_all() {
        let grades: Vec<Recall> = (0..=6).map(|c| self_grade(c, 6)).collect();
        assert_eq!(
            grades,
            vec![
                Recall::Wrong,
                Recall::Wrong,
                Recall::Wrong,
                Recall::RightUnsure,
                Recall::RightUnsure,
                Recall::RightUnsure,
                Recall::Right
            ]
        );
        // An odd number of units: 2 of 5 is under half, 3 of 5 is not.
        assert_eq!(self_grade(2, 5), Recall::Wrong);
        assert_eq!(self_grade(3, 5), Recall::RightUnsure);
        assert_eq!(self_grade(0, 0), Recall::Wrong);
        assert_eq!(self_grade(9, 4), Recall::Right);
    }

    #[test]
    fn steps_read_by_name_and_the_data_file_reads_back() {
        assert_eq!(Step::parse("completion"), Some(Step::Completion));
        assert_eq!(Step::parse("partial"), None);
        assert_eq!(Step::Whole.number(), 3);
        let e = Exercise {
            slug: "x".into(),
            task: "<p>Do it.</p>".into(),
            material: String::new(),
            start: "Status: \"Amber\"".into(),
            model: "<p>Done.</p>".into(),
            rubric: vec!["One".into(), "Two".into()],
        };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(Exercise::from_json(&json), Ok(e));
    }
}
