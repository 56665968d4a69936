//! The plain-Rust model: the course and the learner's progress. No Leptos, no browser.

pub mod course;
pub mod progress;
pub mod search;
