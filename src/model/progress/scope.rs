//! What a reset on the Progress page covers: the whole course, one module or one lesson.

use super::{Progress, Time, Undo};
use crate::model::course::{Course, LessonInfo, Module};

/// What a reset forgets.
#[derive(Debug, Clone, Copy)]
pub enum ResetScope {
    Course,
    Module(&'static Module),
    Lesson(&'static LessonInfo),
}

impl PartialEq for ResetScope {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (ResetScope::Course, ResetScope::Course) => true,
            (ResetScope::Module(a), ResetScope::Module(b)) => a.slug == b.slug,
            (ResetScope::Lesson(a), ResetScope::Lesson(b)) => a.slug == b.slug,
            _ => false,
        }
    }
}

impl ResetScope {
    /// The scope a `<select>` value names (see [`ResetScope::value`]); anything else is the course.
    pub fn parse(value: &str, course: &'static Course) -> ResetScope {
        match value.split_once(':') {
            Some(("module", slug)) => course
                .modules
                .iter()
                .find(|m| m.slug == slug)
                .map_or(ResetScope::Course, ResetScope::Module),
            Some(("lesson", slug)) => course
                .find_lesson(slug)
                .map_or(ResetScope::Course, |r| ResetScope::Lesson(r.lesson)),
            _ => ResetScope::Course,
        }
    }

    /// The value of this scope's `<option>`.
    pub fn value(self) -> String {
        match self {
            ResetScope::Course => String::new(),
            ResetScope::Module(m) => format!("module:{}", m.slug),
            ResetScope::Lesson(l) => format!("lesson:{}", l.slug),
        }
    }

    /// The words for what it covers, as in "Reset your progress in …?".
    pub fn name(self) -> String {
        match self {
            ResetScope::Course => "this course".into(),
            ResetScope::Module(m) => format!("the module \"{}\"", m.title),
            ResetScope::Lesson(l) => format!("the lesson \"{}\"", l.title),
        }
    }
}

impl Progress {
    /// Forgets the progress a scope covers.
    pub fn reset_scope(&mut self, scope: ResetScope, course: &'static Course, now: Time) -> Undo {
        match scope {
            ResetScope::Course => self.reset_course(course, now),
            ResetScope::Module(m) => self.reset_module(m, now),
            ResetScope::Lesson(l) => self.reset_lesson(l.slug, now),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::COURSE;

    #[test]
    fn a_scope_round_trips_through_its_option_value() {
        let module = &COURSE.modules[1];
        let lesson = &module.lessons[0];
        for scope in [
            ResetScope::Course,
            ResetScope::Module(module),
            ResetScope::Lesson(lesson),
        ] {
            assert_eq!(ResetScope::parse(&scope.value(), &COURSE), scope);
        }
        assert_eq!(
            ResetScope::Module(module).value(),
            format!("module:{}", module.slug)
        );
        assert_eq!(
            ResetScope::Lesson(lesson).name(),
            format!("the lesson \"{}\"", lesson.title)
        );
        assert_eq!(ResetScope::Course.name(), "this course");
        for unknown in [
            "module:no-such-module",
            "lesson:no-such-lesson",
            "everything",
            ":",
        ] {
            assert_eq!(
                ResetScope::parse(unknown, &COURSE),
                ResetScope::Course,
                "{unknown}"
            );
        }
    }

    #[test]
    fn a_scope_resets_exactly_what_it_names() {
        let module = &COURSE.modules[0];
        let (inside, outside) = (module.lessons[0].slug, COURSE.modules[1].lessons[0].slug);
        let mut p = Progress::new(COURSE.id, "d");
        p.set_completed(inside, true, 10);
        p.set_completed(outside, true, 11);
        p.reset_scope(ResetScope::Module(module), &COURSE, 12);
        assert!(!p.is_completed(inside));
        assert!(p.is_completed(outside));
        p.reset_scope(
            ResetScope::Lesson(&COURSE.modules[1].lessons[0]),
            &COURSE,
            13,
        );
        assert!(!p.is_completed(outside));
    }
}
