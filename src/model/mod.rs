//! The plain-Rust model: the course, the learner's progress, review scheduling (FSRS),
//! mastery, the practice exam, decision scenarios, written exercises, the notebook, search and
//! the route table.
//! No Leptos, no browser: `build.rs` compiles it with only build dependencies.

pub mod calendar;
pub mod collections;
pub mod course;
pub mod exam;
pub mod exercise;
pub mod fsrs;
pub mod handoff;
pub mod html;
pub mod insights;
pub mod json;
pub mod notebook;
pub mod plan;
pub mod progress;
pub mod review;
pub mod routes;
pub mod scenario;
pub mod search;
pub mod sort;
