//! The course outline and glossary, generated from `content/` by `build.rs`: data below the
//! views, which read it; it imports only the model's types.

use crate::model::course::{Course, ExerciseInfo, LessonInfo, Module, ScenarioInfo};

include!(concat!(env!("OUT_DIR"), "/course.rs"));
