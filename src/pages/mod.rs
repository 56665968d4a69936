//! One page per route (see `model::routes`). Pages import from `state`, `components` and
//! `model`, never from `app.rs` or from one another.

pub mod exam;
pub mod exercise;
pub mod glossary;
pub mod handoff;
pub mod home;
pub mod lesson;
pub mod notebook;
pub mod progress;
pub mod review;
pub mod scenario;
