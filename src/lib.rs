//! tpm-course: a course on technical program management that runs in the browser.

pub mod model;

#[cfg(not(target_arch = "wasm32"))]
pub mod content;
