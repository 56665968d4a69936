//! tpm-course: a course on technical program management that runs in the browser.

pub mod model;

#[cfg(not(target_arch = "wasm32"))]
pub mod content;

/// The course outline, generated from `content/` by `build.rs`.
pub mod outline {
    use crate::model::course::{Course, LessonInfo, Module};
    include!(concat!(env!("OUT_DIR"), "/course.rs"));
}
