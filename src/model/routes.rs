//! The site's routes: one table for the router, the links the build writes into lessons,
//! the app's URLs (`paths.rs`) and the pages the build renders (`tpm-site`).
//!
//! Paths here are relative to the site's base (`""` is the home page), because the site may
//! be hosted under a sub-path; `paths.rs` adds the base in the browser.

use crate::model::course::{Course, ExerciseInfo, ScenarioInfo};

/// The bundles of wasm the site is built as (binaries over the one library; see ARCHITECTURE.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// `tpm-course`: the home page, the review and the glossary, and the build's first paints.
    WholeApp,
    /// `tpm-lesson`: a lesson's page, its article kept as the build rendered it.
    Lesson,
    /// `tpm-practice`: the decision scenarios, the written exercises, the notebook and the
    /// practice exam.
    Practice,
    /// `tpm-handoff`: continue on another device (deflate and QR codes).
    Handoff,
    /// `tpm-progress`: the Progress page (insights, the weekly goal, files, resets, backups).
    Progress,
}

/// The first path segment of every lesson page: `lessons/<slug>/`.
pub const LESSONS_SEGMENT: &str = "lessons";
/// The glossary page's segment: `glossary/`.
pub const GLOSSARY_SEGMENT: &str = "glossary";
/// The progress page's segment: `progress/`.
pub const PROGRESS_SEGMENT: &str = "progress";
/// The review session's segment: `review/` (`review/?lesson=<slug>` practices one lesson).
pub const REVIEW_SEGMENT: &str = "review";
/// The practice exam's segment: `exam/`.
pub const EXAM_SEGMENT: &str = "exam";
/// The decision scenarios' segment: `scenarios/` lists them, `scenarios/<slug>/` plays one.
pub const SCENARIOS_SEGMENT: &str = "scenarios";
/// The written exercises' segment: `exercises/` lists them, `exercises/<slug>/` is one.
pub const EXERCISES_SEGMENT: &str = "exercises";
/// The device link's page: `continue/` (a link's part follows in the fragment).
pub const CONTINUE_SEGMENT: &str = "continue";
/// The notebook's segment: `notebook/`.
pub const NOTEBOOK_SEGMENT: &str = "notebook";
/// The query parameter that names the lesson to practice on the review page.
pub const LESSON_PARAM: &str = "lesson";
/// The folder of downloadable templates: `templates/<name>.md`.
pub const TEMPLATES_DIR: &str = "templates";
/// The file a static host serves for a path it does not have.
pub const NOT_FOUND_FILE: &str = "404.html";

/// The id of the static first paint that the app replaces when it starts.
pub const PRERENDER_ID: &str = "prerender";
/// The id of the inline lesson data a lesson page carries, so its first visit needs no fetch.
pub const LESSON_DATA_ID: &str = "lesson-data";
/// The id of the inline scenario data a scenario's page carries.
pub const SCENARIO_DATA_ID: &str = "scenario-data";
/// The id of the inline exercise data an exercise's page carries.
pub const EXERCISE_DATA_ID: &str = "exercise-data";
/// The id of the inline glossary data the glossary page carries.
pub const GLOSSARY_DATA_ID: &str = "glossary-data";

/// A page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route<'a> {
    Home,
    /// A lesson by slug; whether the course has it is the lesson page's to check.
    Lesson(&'a str),
    Glossary,
    Progress,
    /// The review session: the due items, or one lesson's questions.
    Review(ReviewScope<'a>),
    /// The practice exam.
    Exam,
    /// The list of decision scenarios.
    Scenarios,
    /// One scenario's player, by slug; whether it exists is the page's to check.
    Scenario(&'a str),
    /// The list of written exercises.
    Exercises,
    /// One written exercise, by slug; whether it exists is the page's to check.
    Exercise(&'a str),
    /// Every note, bookmark, answer and scenario result.
    Notebook,
    /// Progress carried to and from another device in links.
    Continue,
    /// Any path the site does not have; written once as `404.html`.
    NotFound,
}

/// What a review session asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewScope<'a> {
    /// The questions that are due: `review/`.
    All,
    /// Every question of one lesson, whatever its schedule: `review/?lesson=<slug>`. Whether
    /// the course has the lesson is the review page's to check.
    Lesson(&'a str),
}

impl<'a> Route<'a> {
    /// The page at an address relative to the site's base (`""`, `"lessons/x/"`,
    /// `"review/?lesson=x"`). A missing trailing slash and a trailing `index.html` are
    /// accepted, as static hosts do. The query counts only on the review page, and a `#section`
    /// names no page.
    pub fn parse(href: &'a str) -> Route<'a> {
        let href = href.split('#').next().unwrap_or_default();
        let (path, query) = href.split_once('?').unwrap_or((href, ""));
        let path = path.trim_start_matches('/');
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let path = path.strip_suffix('/').unwrap_or(path);
        match path.split_once('/') {
            None if path.is_empty() => Route::Home,
            None if path == GLOSSARY_SEGMENT => Route::Glossary,
            None if path == PROGRESS_SEGMENT => Route::Progress,
            None if path == REVIEW_SEGMENT => Route::Review(ReviewScope::parse(query)),
            None if path == EXAM_SEGMENT => Route::Exam,
            None if path == SCENARIOS_SEGMENT => Route::Scenarios,
            None if path == EXERCISES_SEGMENT => Route::Exercises,
            None if path == NOTEBOOK_SEGMENT => Route::Notebook,
            None if path == CONTINUE_SEGMENT => Route::Continue,
            Some((LESSONS_SEGMENT, slug)) if !slug.is_empty() && !slug.contains('/') => {
                Route::Lesson(slug)
            }
            Some((SCENARIOS_SEGMENT, slug)) if !slug.is_empty() && !slug.contains('/') => {
                Route::Scenario(slug)
            }
            Some((EXERCISES_SEGMENT, slug)) if !slug.is_empty() && !slug.contains('/') => {
                Route::Exercise(slug)
            }
            _ => Route::NotFound,
        }
    }

    /// The bundle of wasm the page runs. Each page loads its bundle; only the whole app opens
    /// pages without a reload (its own: the home page, the review and the glossary), and it
    /// leaves links to every other page to the browser, so their code is not in it.
    pub fn bundle(&self) -> Bundle {
        match self {
            Route::Lesson(_) => Bundle::Lesson,
            Route::Scenarios
            | Route::Scenario(_)
            | Route::Exercises
            | Route::Exercise(_)
            | Route::Notebook
            | Route::Exam => Bundle::Practice,
            Route::Continue => Bundle::Handoff,
            Route::Progress => Bundle::Progress,
            Route::Home | Route::Glossary | Route::Review(_) | Route::NotFound => Bundle::WholeApp,
        }
    }

    /// Whether the page runs a bundle other than the whole app: a link to it is a page load.
    pub fn has_own_bundle(&self) -> bool {
        self.bundle() != Bundle::WholeApp
    }

    /// The page's path relative to the site's base: `""`, `"lessons/x/"`, `"glossary/"`.
    pub fn path(&self) -> String {
        match self {
            Route::Home => String::new(),
            Route::Lesson(slug) => format!("{LESSONS_SEGMENT}/{slug}/"),
            Route::Glossary => format!("{GLOSSARY_SEGMENT}/"),
            Route::Progress => format!("{PROGRESS_SEGMENT}/"),
            Route::Review(_) => format!("{REVIEW_SEGMENT}/"),
            Route::Exam => format!("{EXAM_SEGMENT}/"),
            Route::Scenarios => format!("{SCENARIOS_SEGMENT}/"),
            Route::Scenario(slug) => format!("{SCENARIOS_SEGMENT}/{slug}/"),
            Route::Exercises => format!("{EXERCISES_SEGMENT}/"),
            Route::Exercise(slug) => format!("{EXERCISES_SEGMENT}/{slug}/"),
            Route::Notebook => format!("{NOTEBOOK_SEGMENT}/"),
            Route::Continue => format!("{CONTINUE_SEGMENT}/"),
            Route::NotFound => NOT_FOUND_FILE.to_string(),
        }
    }

    /// The page's address relative to the site's base: its path, and for one lesson's review
    /// the query that names the lesson (`"review/?lesson=x"`). Links and the router use it.
    pub fn href(&self) -> String {
        match self {
            Route::Review(ReviewScope::Lesson(slug)) => {
                format!("{REVIEW_SEGMENT}/?{LESSON_PARAM}={slug}")
            }
            route => route.path(),
        }
    }

    /// Where the build writes the page, relative to the built site's folder. Both review
    /// scopes are the one file `review/index.html`: the query is read in the browser.
    pub fn file(&self) -> String {
        match self {
            Route::NotFound => NOT_FOUND_FILE.to_string(),
            route => format!("{}index.html", route.path()),
        }
    }
}

impl<'a> ReviewScope<'a> {
    /// The scope a review page's query names (`"lesson=x"`, without the `?`): one lesson's
    /// review when it names a lesson, else the due items. Slugs need no percent-decoding:
    /// the content parser allows only `a-z`, `0-9` and `-` in them.
    fn parse(query: &'a str) -> ReviewScope<'a> {
        query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(name, slug)| *name == LESSON_PARAM && !slug.is_empty())
            .map_or(ReviewScope::All, |(_, slug)| ReviewScope::Lesson(slug))
    }

    /// The lesson of a one-lesson review.
    pub fn lesson(self) -> Option<&'a str> {
        match self {
            ReviewScope::All => None,
            ReviewScope::Lesson(slug) => Some(slug),
        }
    }
}

/// Every page the site has, in the order the build writes them: the home page last, so
/// that every other page is made while `index.html` is still the bare shell.
pub fn all(
    course: &'static Course,
    scenarios: &'static [ScenarioInfo],
    exercises: &'static [ExerciseInfo],
) -> Vec<Route<'static>> {
    let lessons = course
        .modules
        .iter()
        .flat_map(|m| m.lessons.iter())
        .map(|l| Route::Lesson(l.slug));
    let scenarios = scenarios.iter().map(|s| Route::Scenario(s.slug));
    let exercises = exercises.iter().map(|e| Route::Exercise(e.slug));
    lessons
        .chain(scenarios)
        .chain(exercises)
        .chain([
            Route::Scenarios,
            Route::Exercises,
            Route::Notebook,
            Route::Continue,
            Route::Glossary,
            Route::Progress,
            Route::Review(ReviewScope::All),
            Route::Exam,
            Route::NotFound,
            Route::Home,
        ])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(route: Route, path: &str, file: &str) {
        assert_eq!(route.path(), path);
        assert_eq!(route.file(), file);
    }

    #[test]
    fn paths_and_files() {
        check(Route::Home, "", "index.html");
        check(
            Route::Lesson("risk-management"),
            "lessons/risk-management/",
            "lessons/risk-management/index.html",
        );
        check(Route::Glossary, "glossary/", "glossary/index.html");
        check(Route::Progress, "progress/", "progress/index.html");
        check(
            Route::Review(ReviewScope::All),
            "review/",
            "review/index.html",
        );
        check(
            Route::Review(ReviewScope::Lesson("risk-management")),
            "review/",
            "review/index.html",
        );
        check(Route::Exam, "exam/", "exam/index.html");
        check(Route::Scenarios, "scenarios/", "scenarios/index.html");
        check(
            Route::Scenario("the-vault-slips"),
            "scenarios/the-vault-slips/",
            "scenarios/the-vault-slips/index.html",
        );
        check(
            Route::Exercise("status"),
            "exercises/status/",
            "exercises/status/index.html",
        );
        check(Route::Notebook, "notebook/", "notebook/index.html");
        check(Route::Continue, "continue/", "continue/index.html");
        check(Route::NotFound, "404.html", "404.html");
    }

    #[test]
    fn each_page_runs_one_bundle() {
        use Bundle::*;
        for (route, bundle) in [
            (Route::Home, WholeApp),
            (Route::Glossary, WholeApp),
            (Route::Review(ReviewScope::All), WholeApp),
            (
                Route::Review(ReviewScope::Lesson("risk-management")),
                WholeApp,
            ),
            (Route::NotFound, WholeApp),
            (Route::Lesson("risk-management"), Lesson),
            (Route::Scenarios, Practice),
            (Route::Scenario("the-vault-slips"), Practice),
            (Route::Exercises, Practice),
            (Route::Exercise("status"), Practice),
            (Route::Notebook, Practice),
            (Route::Exam, Practice),
            (Route::Continue, Handoff),
            (Route::Progress, Progress),
        ] {
            assert_eq!(route.bundle(), bundle, "{route:?}");
            assert_eq!(route.has_own_bundle(), bundle != WholeApp, "{route:?}");
        }
    }

    #[test]
    fn hrefs() {
        for (route, href) in [
            (Route::Home, ""),
            (Route::Lesson("risk-management"), "lessons/risk-management/"),
            (Route::Review(ReviewScope::All), "review/"),
            (
                Route::Review(ReviewScope::Lesson("risk-management")),
                "review/?lesson=risk-management",
            ),
            (Route::NotFound, "404.html"),
        ] {
            assert_eq!(route.href(), href);
        }
        assert_eq!(ReviewScope::All.lesson(), None);
        assert_eq!(ReviewScope::Lesson("x").lesson(), Some("x"));
    }

    #[test]
    fn parsing_paths() {
        for (path, route) in [
            ("", Route::Home),
            ("/", Route::Home),
            ("index.html", Route::Home),
            ("lessons/risk-management/", Route::Lesson("risk-management")),
            ("lessons/risk-management", Route::Lesson("risk-management")),
            (
                "lessons/risk-management/index.html",
                Route::Lesson("risk-management"),
            ),
            ("glossary/", Route::Glossary),
            ("glossary", Route::Glossary),
            ("progress/", Route::Progress),
            ("review/", Route::Review(ReviewScope::All)),
            ("review", Route::Review(ReviewScope::All)),
            (
                "review/?lesson=risk-management",
                Route::Review(ReviewScope::Lesson("risk-management")),
            ),
            (
                "review/index.html?lesson=risk-management#top",
                Route::Review(ReviewScope::Lesson("risk-management")),
            ),
            (
                "review/?from=home&lesson=risk-management",
                Route::Review(ReviewScope::Lesson("risk-management")),
            ),
            ("review/?lesson=", Route::Review(ReviewScope::All)),
            ("review/?lessons=x", Route::Review(ReviewScope::All)),
            ("review/#summary", Route::Review(ReviewScope::All)),
            // Only the review page reads the query.
            ("glossary/?lesson=x", Route::Glossary),
            (
                "lessons/risk-management/?lesson=x#risks",
                Route::Lesson("risk-management"),
            ),
            ("exam", Route::Exam),
            ("scenarios", Route::Scenarios),
            ("scenarios/x/", Route::Scenario("x")),
            ("scenarios/x/index.html", Route::Scenario("x")),
            ("scenarios/x/y/", Route::NotFound),
            ("exercises/", Route::Exercises),
            ("exercises/x", Route::Exercise("x")),
            ("notebook", Route::Notebook),
            ("notebook/x/", Route::NotFound),
            ("continue/#tpm1.0.1.1.0.", Route::Continue),
            ("lessons/", Route::NotFound),
            ("lessons/a/b/", Route::NotFound),
            ("nowhere/at/all", Route::NotFound),
            ("404.html", Route::NotFound),
            ("templates/raid-log.md", Route::NotFound),
        ] {
            assert_eq!(Route::parse(path), route, "{path}");
        }
        // Every page's own address reads back as that page.
        for route in [
            Route::Home,
            Route::Lesson("x"),
            Route::Glossary,
            Route::Progress,
            Route::Review(ReviewScope::All),
            Route::Review(ReviewScope::Lesson("x")),
            Route::Exam,
            Route::Scenarios,
            Route::Scenario("x"),
            Route::Exercises,
            Route::Exercise("x"),
            Route::Notebook,
            Route::Continue,
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }
}
