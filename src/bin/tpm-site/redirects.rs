//! A renamed lesson keeps its old URL: one small page per former slug that sends the reader on.
//!
//! No server rules and no script (the site's content security policy allows none inline):
//! a meta refresh, a canonical link for search engines and a visible link for browsers that
//! do not follow the refresh. Every URL is relative, so the page works under any base path.
//! A `#section` of the old URL is lost on the way; the app, once running, keeps it instead
//! (`router.rs` maps a former slug to the current one).

use tpm_course::content::markdown::escape;
use tpm_course::model::course::Course;
use tpm_course::model::routes::Route;

/// Every redirect page of the course: where it goes in the built site, and its HTML.
/// `stylesheet` is the site's one stylesheet, relative to the site root.
pub fn pages(course: &'static Course, stylesheet: &str) -> Vec<(String, String)> {
    course
        .renames()
        .map(|(former, current)| {
            let title = course
                .find_lesson(current)
                .map_or(current, |l| l.lesson.title);
            (
                Route::Lesson(former).file(),
                page(course.title, title, current, stylesheet),
            )
        })
        .collect()
}

/// The page at `lessons/<former>/`, which leads to `lessons/<current>/` (its sibling folder).
fn page(course_title: &str, title: &str, current: &str, stylesheet: &str) -> String {
    let to = format!("../{current}/");
    let title = escape(title);
    let course_title = escape(course_title);
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} · {course_title}</title>
  <meta name="robots" content="noindex">
  <meta http-equiv="refresh" content="0; url={to}">
  <link rel="canonical" href="{to}">
  <meta name="color-scheme" content="light dark">
  <link rel="icon" type="image/png" sizes="32x32" href="../../icons/favicon-32.png">
  <link rel="stylesheet" href="../../{stylesheet}">
</head>
<body>
  <main id="main">
    <article class="not-found">
      <h1>This lesson moved: <a href="{to}">{title}</a></h1>
    </article>
  </main>
</body>
</html>
"#
    )
}

/// The file name of the stylesheet the (merged) shell links to.
pub fn stylesheet(shell: &str) -> Option<&str> {
    let start = shell.find("<link rel=\"stylesheet\" href=\"")? + 29;
    let href = &shell[start..start + shell[start..].find('"')?];
    href.rsplit('/').next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_leads_to_the_current_lesson_by_relative_urls() {
        let html = page("T & C", "New \"one\"", "new-one", "style-abc.css");
        for part in [
            "<title>New &quot;one&quot; · T &amp; C</title>",
            "<meta http-equiv=\"refresh\" content=\"0; url=../new-one/\">",
            "<link rel=\"canonical\" href=\"../new-one/\">",
            "<link rel=\"stylesheet\" href=\"../../style-abc.css\">",
            "<meta name=\"robots\" content=\"noindex\">",
            "This lesson moved: <a href=\"../new-one/\">New &quot;one&quot;</a>",
        ] {
            assert!(html.contains(part), "{part}\n{html}");
        }
        assert!(!html.contains("<script") && !html.contains("style=\""));
    }

    #[test]
    fn the_stylesheet_is_read_from_the_shell() {
        let shell = "<head><link rel=\"stylesheet\" href=\"/tpm/style-0123.css\"></head>";
        assert_eq!(stylesheet(shell), Some("style-0123.css"));
        assert_eq!(stylesheet("<head></head>"), None);
    }
}
