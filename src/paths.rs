//! URLs of the site's pages, all under the base path the site was built for.
//!
//! The build writes `<base href="/sub/">` into every page; the router and every
//! link use the same base, so the site works at the root of a host or under a sub-path.
//! The pages themselves are named once, in [`crate::model::routes`].

use std::sync::OnceLock;

use crate::model::routes::{ReviewScope, Route};

/// The history state of a link that resumes a lesson: it opens at the learner's saved place.
/// (The reading position itself is kept in each history entry's state as a fraction of the
/// page, so back and forward return to where the learner was.)
pub const RESUME_STATE: &str = "resume";

static BASE: OnceLock<String> = OnceLock::new();

/// The base path without its trailing slash: `""` at the root of a host, `"/tpm"` under a sub-path.
///
/// In the browser it comes from the page's `<base>`; when the build renders pages natively,
/// from [`set_base`], called before the first render.
pub fn base() -> &'static str {
    BASE.get_or_init(|| {
        let uri = crate::platform::base_uri();
        if uri.is_empty() {
            String::new()
        } else {
            base_path(&uri)
        }
    })
}

/// Sets the base path for pages rendered at build time, such as `"/tpm/"` or `"/"`.
/// Only the first call counts: one build renders for one base.
pub fn set_base(public_url: &str) {
    let _ = BASE.set(public_url.trim_end_matches('/').to_string());
}

/// The path of a base URI, without its trailing slash.
pub fn base_path(uri: &str) -> String {
    let after_scheme = uri.split_once("://").map_or(uri, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    // A base URI names a folder; drop a file name if there is one.
    let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    folder.trim_end_matches('/').to_string()
}

/// The absolute address of a route under the base.
pub fn route(route: Route) -> String {
    format!("{}/{}", base(), route.href())
}

pub fn home() -> String {
    route(Route::Home)
}

pub fn lesson(slug: &str) -> String {
    route(Route::Lesson(slug))
}

pub fn glossary() -> String {
    route(Route::Glossary)
}

pub fn progress() -> String {
    route(Route::Progress)
}

/// The full review: the questions that are due.
pub fn review() -> String {
    route(Route::Review(ReviewScope::All))
}

/// The review page practicing one lesson's questions.
pub fn practice(slug: &str) -> String {
    route(Route::Review(ReviewScope::Lesson(slug)))
}

pub fn exam() -> String {
    route(Route::Exam)
}

pub fn scenarios() -> String {
    route(Route::Scenarios)
}

pub fn scenario(slug: &str) -> String {
    route(Route::Scenario(slug))
}

pub fn exercises() -> String {
    route(Route::Exercises)
}

pub fn exercise(slug: &str) -> String {
    route(Route::Exercise(slug))
}

pub fn notebook() -> String {
    route(Route::Notebook)
}

pub fn continue_page() -> String {
    route(Route::Continue)
}

/// A file of the built site, such as a lesson's data.
pub fn asset(file: &str) -> String {
    format!("{}/{file}", base())
}

#[cfg(test)]
mod tests {
    use super::base_path;

    #[test]
    fn base_paths() {
        assert_eq!(base_path("http://127.0.0.1:8080/"), "");
        assert_eq!(base_path("https://example.org/tpm/"), "/tpm");
        assert_eq!(
            base_path("https://example.org/tpm/lessons/x/index.html"),
            "/tpm/lessons/x"
        );
        assert_eq!(base_path("https://example.org"), "");
    }
}
