//! One page per route.

pub mod glossary;
pub mod home;
pub mod lesson;
pub mod not_found;
pub mod progress;

use crate::outline::COURSE;

/// Sets the document title: the page's name, then the course's.
pub fn set_title(page: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if page.is_empty() {
            doc.set_title(COURSE.title);
        } else {
            doc.set_title(&format!("{page} · {}", COURSE.title));
        }
    }
}
