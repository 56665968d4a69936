//! The first paint before the app starts: a page's content as static HTML.
//!
//! A deep-linked lesson shows its text as soon as the HTML and CSS arrive, instead of after
//! the wasm downloads and starts; without JavaScript it can still be read. The markup
//! mirrors what the app renders (`src/app.rs`, `src/pages/lesson.rs`, `src/pages/home.rs`)
//! with the same classes, so when the app replaces it, in the same frame, nothing moves.

use tpm_course::content::markdown::escape;
use tpm_course::content::{LessonEntry, ModuleEntry, Site};

/// The id of the element the app removes when it starts (`tpm_course::start`).
pub const PRERENDER_ID: &str = "prerender";

/// A lesson page's first paint.
pub fn lesson(site: &Site, module: &ModuleEntry, lesson: &LessonEntry, index: usize) -> String {
    let total = site.lessons.len();
    let main = format!(
        "<article class=\"lesson\" aria-labelledby=\"lesson-title\"><header class=\"lesson-header\">\
<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\"><ol><li><a href=\"./\">Course</a></li><li>{module}</li>\
<li aria-current=\"page\">{title}</li></ol></nav>\
<h1 id=\"lesson-title\" tabindex=\"-1\">{title}</h1><p class=\"lesson-subtitle\">{subtitle}</p>\
<p class=\"lesson-meta\">Lesson {n} of {total} · {minutes} min</p></header>\
<div class=\"lesson-body\">{body}</div></article>",
        module = escape(&module.title),
        title = escape(&lesson.title),
        subtitle = escape(&lesson.subtitle),
        n = index + 1,
        minutes = lesson.minutes,
        body = lesson.lesson.html,
    );
    shell(site, &main)
}

/// The home page's first paint: the course's title and description.
pub fn home(site: &Site, first_lesson: &str) -> String {
    let main = format!(
        "<section class=\"home-hero\" aria-labelledby=\"course-title\">\
<h1 id=\"course-title\" tabindex=\"-1\">{title}</h1><p class=\"home-description\">{description}</p>\
<a class=\"button button-primary home-start\" href=\"lessons/{first_lesson}/\">Start the course</a></section>",
        title = escape(&site.title),
        description = escape(&site.description),
    );
    shell(site, &main)
}

/// The page shell around `main`, as `App` renders it.
fn shell(site: &Site, main: &str) -> String {
    format!(
        "<div id=\"{PRERENDER_ID}\"><a class=\"skip-link\" href=\"#main\">Skip to content</a>\
<header class=\"site-header\">\
<button type=\"button\" class=\"button outline-button\"><span aria-hidden=\"true\">☰ </span>Outline</button>\
<a class=\"site-title\" href=\"./\">{title}</a>\
<nav class=\"site-nav\" aria-label=\"Site\"><a href=\"progress/\">Progress</a><a href=\"glossary/\">Glossary</a>\
<button type=\"button\" class=\"button search-button\"><span aria-hidden=\"true\">⌕ </span>Search</button>\
<select class=\"preference-select\" aria-label=\"Theme\"><option>System theme</option></select>\
<select class=\"preference-select\" aria-label=\"Text size\"><option>Standard text</option></select></nav>\
</header><div class=\"layout\"><nav class=\"outline-sidebar\" aria-label=\"Course outline\"></nav>\
<main id=\"main\" tabindex=\"-1\">{main}</main></div></div>",
        title = escape(&site.title),
    )
}
