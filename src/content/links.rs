//! Relative links in content files: where each one leads on the built site, or what is wrong
//! with it and how to fix it.
//!
//! A link is written as a path relative to the file it is in, as a Markdown viewer would read
//! it: `other.md`, `./other.md`, `../lessons/other.md`, `../templates/name.md`,
//! `../figures/name.svg`, each with or without `#section`, and `#section` alone for a section
//! of the same lesson. It leads to a lesson, a template or a figure of the course, and its
//! section to a heading that the lesson renders; anything else is a content error. Links with
//! a scheme (`https:`, `mailto:`) are left as they are.

use pulldown_cmark::{Event, LinkType, Parser, Tag};

use super::markdown::{options, Context};
use super::CONTENT_DIR;
use crate::model::routes::{Route, TEMPLATES_DIR};

/// The folder of the built site that holds the figures links lead to: `figures/<name>.svg`.
pub const FIGURES_DIR: &str = "figures";

/// A relative link, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub target: Target,
    /// The section it names (`#section`), if any; only a lesson has sections.
    pub anchor: Option<String>,
}

/// What a relative link leads to.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A lesson, by slug.
    Lesson(String),
    /// A template, by name (`raid-log`): its Markdown file, for download.
    Template(String),
    /// A figure, by file name (`risk-matrix.svg`): the SVG file.
    Figure(String),
}

/// A link to a lesson's section, checked once every lesson's headings are known.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionLink {
    /// The link as written.
    pub dest: String,
    /// The lesson it leads to.
    pub slug: String,
    /// The heading id it names.
    pub anchor: String,
}

/// The links of one template: the problems found (byte offset, message) and the links to
/// lessons' sections, by byte offset, for [`check_section`].
#[derive(Debug, Default)]
pub struct TemplateLinks {
    pub problems: Vec<(usize, String)>,
    pub sections: Vec<(usize, SectionLink)>,
}

impl Resolved {
    /// The href on the built site, relative to the site's base (the pages' `<base href>`), so
    /// that it works at the root of a host and under a sub-path alike.
    pub fn href(&self) -> String {
        match &self.target {
            Target::Lesson(slug) => match &self.anchor {
                Some(anchor) => format!("{}#{anchor}", Route::Lesson(slug).path()),
                None => Route::Lesson(slug).path(),
            },
            Target::Template(name) => format!("{TEMPLATES_DIR}/{name}.md"),
            Target::Figure(name) => format!("{FIGURES_DIR}/{name}"),
        }
    }
}

/// Where the link `dest`, written in the content file `from` (`content/lessons/b.md`), leads.
/// `Ok(None)` is a link with a scheme (`https:`, `mailto:`) or to another host, left as it is.
/// The section of a lesson is not checked here: see [`check_section`].
pub fn resolve(from: &str, dest: &str, cx: &Context) -> Result<Option<Resolved>, String> {
    if !is_relative(dest) {
        return Ok(None);
    }
    let written = format!("link to \"{dest}\"");
    let dir = from.rsplit_once('/').map_or("", |(dir, _)| dir);
    let (path, anchor) = match dest.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor).filter(|a| !a.is_empty())),
        None => (dest, None),
    };
    if dest.is_empty() {
        return Err(format!("a link with no target; link to {}", example(dir)));
    }
    if path.starts_with('/') {
        return Err(format!(
            "{written} starts with \"/\", which breaks when the site is served under a sub-path; link to the file, relative to this one: {}",
            example(dir)
        ));
    }
    let Some(joined) = join(if path.is_empty() { from } else { dir }, path) else {
        return Err(format!(
            "{written} leaves {CONTENT_DIR}/; link to {}",
            example(dir)
        ));
    };
    let target = target(&joined, cx).ok_or_else(|| {
        let fix = match closest_file(&joined, cx) {
            Some(file) => format!("did you mean \"{}\"?", relative(dir, &file)),
            None => format!("link to {}", example(dir)),
        };
        format!("{written}: no lesson, template or figure of the course is at {joined}; {fix}")
    })?;
    match (&target, &anchor) {
        (Target::Template(_), Some(anchor)) => Err(format!(
            "{written}: a template is a file to download, with no sections to link to; remove \"#{anchor}\", or link to a lesson's section"
        )),
        (Target::Figure(_), Some(anchor)) => Err(format!(
            "{written}: a figure is an image, with no sections to link to; remove \"#{anchor}\""
        )),
        _ => Ok(Some(Resolved {
            target,
            anchor: anchor.map(str::to_string),
        })),
    }
}

/// Whether a link is relative to its file: it has no scheme (`https:`, `mailto:`, `term:`)
/// and does not name another host (`//host/…`).
pub fn is_relative(dest: &str) -> bool {
    let scheme = dest.split_once(':').is_some_and(|(s, _)| is_scheme(s));
    !scheme && !dest.starts_with("//")
}

/// Checks a link to a lesson's section against the ids of that lesson's headings; the
/// message names the closest ids. `same_lesson` is true for a `#section` link in the lesson
/// itself.
pub fn check_section(link: &SectionLink, ids: &[&str], same_lesson: bool) -> Result<(), String> {
    if ids.contains(&link.anchor.as_str()) {
        return Ok(());
    }
    let whose = if same_lesson {
        "this lesson".to_string()
    } else {
        format!("{CONTENT_DIR}/lessons/{}.md", link.slug)
    };
    let fix = if ids.is_empty() {
        format!(
            "it has no headings: link to the lesson without \"#{}\"",
            link.anchor
        )
    } else {
        let mut by_distance: Vec<(usize, usize, &str)> = ids
            .iter()
            .enumerate()
            .map(|(order, id)| (distance(&link.anchor, id), order, *id))
            .collect();
        by_distance.sort();
        let closest: Vec<String> = by_distance
            .iter()
            .take(3)
            .map(|(_, _, id)| format!("\"#{id}\""))
            .collect();
        format!(
            "use one of its headings, closest first: {}",
            closest.join(", ")
        )
    };
    Err(format!(
        "link to \"{}\": {whose} has no heading with id \"{}\"; {fix}",
        link.dest, link.anchor
    ))
}

/// Resolves every link of a template (`content/templates/<name>.md`). A template is shown as
/// text and downloaded as a file, so its links are not rewritten; they must still lead
/// somewhere, for whoever reads the template beside the course's files.
pub fn in_template(path: &str, text: &str, cx: &Context) -> TemplateLinks {
    let mut found = TemplateLinks::default();
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        let Event::Start(Tag::Link {
            link_type,
            dest_url,
            ..
        }) = event
        else {
            continue;
        };
        if link_type == LinkType::Email {
            continue;
        }
        match resolve(path, &dest_url, cx) {
            Ok(Some(resolved)) => {
                if let Some(link) = section_link(&dest_url, &resolved) {
                    found.sections.push((range.start, link));
                }
            }
            Ok(None) => {}
            Err(message) => found.problems.push((range.start, message)),
        }
    }
    found
}

/// The section a resolved link names, to check once the lessons' headings are known.
pub fn section_link(dest: &str, resolved: &Resolved) -> Option<SectionLink> {
    match (&resolved.target, &resolved.anchor) {
        (Target::Lesson(slug), Some(anchor)) => Some(SectionLink {
            dest: dest.to_string(),
            slug: slug.clone(),
            anchor: anchor.clone(),
        }),
        _ => None,
    }
}

/// `https`, `mailto`, `term`: a letter, then letters, digits, `+`, `-` or `.`.
fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `path` read from the folder `dir`, with `.` and `..` resolved; None if it leaves `content/`.
fn join(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
                // Everything a link may lead to is inside content/.
                if parts.is_empty() {
                    return None;
                }
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// What the path of a content file (`content/lessons/x.md`) is, if it is a lesson, a template
/// or a figure of the course.
fn target(path: &str, cx: &Context) -> Option<Target> {
    let (folder, name) = path
        .strip_prefix(CONTENT_DIR)?
        .strip_prefix('/')?
        .split_once('/')?;
    match folder {
        "lessons" => name
            .strip_suffix(".md")
            .filter(|slug| cx.lessons.contains(*slug))
            .map(|slug| Target::Lesson(slug.to_string())),
        "templates" => name
            .strip_suffix(".md")
            .filter(|n| cx.templates.contains_key(*n))
            .map(|n| Target::Template(n.to_string())),
        "figures" => cx
            .figures
            .contains_key(name)
            .then(|| Target::Figure(name.to_string())),
        _ => None,
    }
}

/// The path of the lesson, template or figure whose file name is closest to that of `path`,
/// if one is close enough to be what was meant.
fn closest_file(path: &str, cx: &Context) -> Option<String> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let lessons = cx.lessons.iter().map(|s| format!("lessons/{s}.md"));
    let templates = cx.templates.keys().map(|n| format!("templates/{n}.md"));
    let figures = cx.figures.keys().map(|n| format!("figures/{n}"));
    lessons
        .chain(templates)
        .chain(figures)
        .map(|file| {
            let file_name = file.rsplit('/').next().unwrap_or(&file);
            (distance(name, file_name), format!("{CONTENT_DIR}/{file}"))
        })
        .filter(|(d, _)| *d <= name.chars().count() / 3)
        .min()
        .map(|(_, file)| file)
}

/// `path` (`content/figures/x.svg`) as a link written in the folder `dir` (`content/lessons`).
fn relative(dir: &str, path: &str) -> String {
    match path.strip_prefix(dir).and_then(|p| p.strip_prefix('/')) {
        Some(name) => name.to_string(),
        None => {
            let inside = path.strip_prefix(CONTENT_DIR).unwrap_or(path);
            format!("..{inside}")
        }
    }
}

/// The kinds of link there are, as written in a file of the folder `dir`.
fn example(dir: &str) -> String {
    format!(
        "a lesson (\"{}\"), a template (\"{}\") or a figure (\"{}\")",
        relative(dir, &format!("{CONTENT_DIR}/lessons/other.md")),
        relative(dir, &format!("{CONTENT_DIR}/templates/name.md")),
        relative(dir, &format!("{CONTENT_DIR}/figures/name.svg")),
    )
}

/// The Levenshtein distance: how many characters to insert, delete or change to turn `a`
/// into `b`.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("escalaton.md", "escalation.md"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn joining_paths() {
        assert_eq!(
            join("content/lessons", "a.md").as_deref(),
            Some("content/lessons/a.md")
        );
        assert_eq!(
            join("content/lessons", "./../figures/x.svg").as_deref(),
            Some("content/figures/x.svg")
        );
        assert_eq!(join("content/lessons", "../../README.md"), None);
        assert_eq!(join("content/lessons", "../../content/lessons/a.md"), None);
    }

    #[test]
    fn what_is_relative() {
        for dest in [
            "a.md",
            "#x",
            "../figures/x.svg",
            "",
            "/lessons/a/",
            "a.md#x:y",
        ] {
            assert!(is_relative(dest), "{dest}");
        }
        for dest in [
            "https://example.org",
            "mailto:a@b.org",
            "term:x",
            "//example.org/a",
        ] {
            assert!(!is_relative(dest), "{dest}");
        }
    }
}
