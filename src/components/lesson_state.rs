//! How a lesson's state shows in lists: a name for styles and tests, and an icon.

use crate::model::progress::LessonState;

/// The state's name, as the `data-state` attribute that styles and tests read.
pub fn state_class(state: LessonState) -> &'static str {
    match state {
        LessonState::NotStarted => "not-started",
        LessonState::InProgress => "in-progress",
        LessonState::QuizPassed => "quiz-passed",
        LessonState::Completed => "completed",
    }
}

/// The icon of a lesson state; screen readers get [`LessonState::label`] instead.
pub fn state_icon(state: LessonState) -> &'static str {
    match state {
        LessonState::NotStarted => "○",
        LessonState::InProgress => "◐",
        LessonState::QuizPassed => "★",
        LessonState::Completed => "✓",
    }
}
