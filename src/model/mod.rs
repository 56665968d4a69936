//! The plain-Rust model: the course, the learner's progress, search and the route table.
//! No Leptos, no browser: `build.rs` compiles it with only build dependencies.

pub mod course;
pub mod json;
pub mod progress;
pub mod routes;
pub mod search;
