//! Decision scenarios in `content/scenarios/<slug>.md`: front matter, the situation in
//! Markdown, then one ```` ```scenario ```` block of TOML with the decision points, their
//! choices and the endings. Text inside the block is Markdown too, with terms, links and
//! figures as in lessons. The shape (targets, reachability, loops, the expert's path) is
//! checked by [`model::scenario`](crate::model::scenario); this file finds each problem's line.

use serde::Deserialize;
use toml::Spanned;

use super::links;
use super::markdown::{self, Context};
use super::{check_title_and_minutes, err, line_of, read_front_matter, toml_error, ContentError};
use crate::model::scenario::{Ending, Place, Point, Scenario, ScenarioChoice};

/// A scenario with what the build knows about it.
#[derive(Debug)]
pub struct ScenarioEntry {
    pub path: String,
    pub title: String,
    pub subtitle: String,
    pub minutes: u32,
    /// The module it belongs to, or `None` for a capstone that spans the course.
    pub module: Option<String>,
    pub scenario: Scenario,
    /// Links to lessons' sections, by line, checked once every lesson is rendered.
    pub section_links: Vec<(usize, links::SectionLink)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    subtitle: String,
    minutes: u32,
    #[serde(default)]
    module: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioToml {
    start: Spanned<String>,
    #[serde(rename = "point", default)]
    points: Vec<PointToml>,
    #[serde(rename = "ending", default)]
    endings: Vec<EndingToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PointToml {
    id: Spanned<String>,
    situation: Spanned<String>,
    #[serde(default)]
    lessons: Vec<Spanned<String>>,
    #[serde(rename = "choice", default)]
    choices: Vec<ChoiceToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChoiceToml {
    text: Spanned<String>,
    consequence: Spanned<String>,
    next: Spanned<String>,
    #[serde(default)]
    expert: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EndingToml {
    id: Spanned<String>,
    title: String,
    debrief: Spanned<String>,
}

/// The fence that opens a scenario's block.
const FENCE: &str = "```scenario";

/// Parses one scenario file; every mistake goes to `errors` with its line.
pub fn parse(
    path: &str,
    slug: &str,
    text: &str,
    cx: &Context,
    modules: &[String],
    errors: &mut Vec<ContentError>,
) -> Option<ScenarioEntry> {
    let (front_offset, front, body_offset) = read_front_matter::<FrontMatter>(
        path,
        text,
        "a scenario starts with front matter between +++ lines: title, subtitle, minutes and module",
        errors,
    )?;
    check_title_and_minutes(path, &front.title, front.minutes, errors);
    if let Some(module) = &front.module {
        if !modules.iter().any(|m| m == module.get_ref()) {
            errors.push(err(
                path,
                line_of(text, front_offset + module.span().start),
                format!(
                    "front matter: module \"{}\" is not in course.toml (leave module out for a capstone)",
                    module.get_ref()
                ),
            ));
        }
    }

    // The situation is the Markdown before the block; the block runs to its closing fence.
    let body = &text[body_offset..];
    let Some(fence) = body
        .match_indices(FENCE)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || body[..i].ends_with('\n'))
    else {
        errors.push(err(
            path,
            line_of(text, text.len()),
            format!("a scenario needs a {FENCE} block with its decision points and endings"),
        ));
        return None;
    };
    let block_start = body[fence..]
        .find('\n')
        .map_or(body.len(), |n| fence + n + 1);
    let block_end = body[block_start..]
        .match_indices("```")
        .map(|(i, _)| block_start + i)
        .find(|&i| body[..i].ends_with('\n'))
        .unwrap_or(body.len());
    let offset = body_offset + block_start;
    let mut problems = Vec::new();
    let intro = markdown::render_body(path, &body[..fence], cx, &mut problems);
    for p in problems {
        errors.push(err(path, line_of(text, body_offset + p.offset), p.message));
    }
    let mut sections: Vec<(usize, links::SectionLink)> = intro
        .section_links
        .into_iter()
        .map(|(o, link)| (line_of(text, body_offset + o), link))
        .collect();
    let intro = intro.html;
    let mut out = Out {
        errors,
        sections: &mut sections,
    };

    let toml_text = &body[block_start..block_end];
    let parsed: ScenarioToml = match toml::from_str(toml_text) {
        Ok(s) => s,
        Err(e) => {
            out.errors
                .push(toml_error(path, text, offset, &e).prefixed("scenario: "));
            return None;
        }
    };
    let line = |span: std::ops::Range<usize>| line_of(text, offset + span.start);

    let mut points = Vec::new();
    for p in &parsed.points {
        if p.lessons.is_empty() {
            out.errors.push(err(
                path,
                line(p.id.span()),
                format!(
                    "point \"{}\": name the lesson(s) it exercises, lessons = [\"slug\"]",
                    p.id.get_ref()
                ),
            ));
        }
        for lesson in &p.lessons {
            if !cx.lessons.contains(lesson.get_ref()) {
                out.errors.push(err(
                    path,
                    line(lesson.span()),
                    format!(
                        "point \"{}\": lesson \"{}\" is not in course.toml",
                        p.id.get_ref(),
                        lesson.get_ref()
                    ),
                ));
            }
        }
        let mut choices = Vec::new();
        for c in &p.choices {
            choices.push(ScenarioChoice {
                text: render_inline_at(path, text, offset, &c.text, out.errors),
                consequence: render_at(path, text, offset, &c.consequence, cx, &mut out),
                next: c.next.get_ref().clone(),
                expert: c.expert,
            });
        }
        points.push(Point {
            id: p.id.get_ref().clone(),
            situation: render_at(path, text, offset, &p.situation, cx, &mut out),
            lessons: p.lessons.iter().map(|l| l.get_ref().clone()).collect(),
            choices,
        });
    }
    let mut endings = Vec::new();
    for e in &parsed.endings {
        endings.push(Ending {
            id: e.id.get_ref().clone(),
            title: e.title.clone(),
            debrief: render_at(path, text, offset, &e.debrief, cx, &mut out),
        });
    }
    let scenario = Scenario {
        slug: slug.to_string(),
        intro,
        start: parsed.start.get_ref().clone(),
        points,
        endings,
    };
    for problem in scenario.problems() {
        let at = match problem.place {
            Place::Scenario => line(parsed.start.span()),
            Place::Point(p) => line(parsed.points[p].id.span()),
            Place::Choice(p, c) => line(parsed.points[p].choices[c].text.span()),
            Place::Ending(e) => line(parsed.endings[e].id.span()),
        };
        out.errors.push(err(path, at, problem.message));
    }
    Some(ScenarioEntry {
        path: path.to_string(),
        title: front.title,
        subtitle: front.subtitle,
        minutes: front.minutes,
        module: front.module.map(Spanned::into_inner),
        scenario,
        section_links: sections,
    })
}

/// Where rendering the block's values reports: mistakes, and links to lessons' sections.
struct Out<'a> {
    errors: &'a mut Vec<ContentError>,
    sections: &'a mut Vec<(usize, links::SectionLink)>,
}

/// Renders a Markdown value of the block; a problem is reported at its line in the file.
fn render_at(
    path: &str,
    file: &str,
    offset: usize,
    src: &Spanned<String>,
    cx: &Context,
    out: &mut Out,
) -> String {
    let mut problems = Vec::new();
    let rendered = markdown::render_body(path, src.get_ref(), cx, &mut problems);
    let at = |o: usize| value_line(file, offset, src, o);
    out.sections.extend(
        rendered
            .section_links
            .into_iter()
            .map(|(o, link)| (at(o), link)),
    );
    for p in problems {
        out.errors.push(err(path, at(p.offset), p.message));
    }
    rendered.html
}

/// Renders a one-line Markdown value (a choice's text) without a paragraph around it.
fn render_inline_at(
    path: &str,
    file: &str,
    offset: usize,
    src: &Spanned<String>,
    errors: &mut Vec<ContentError>,
) -> String {
    let mut problems = Vec::new();
    let html = markdown::render_inline(src.get_ref(), &mut problems);
    for p in problems {
        errors.push(err(
            path,
            value_line(file, offset, src, p.offset),
            p.message,
        ));
    }
    html
}

/// The line of byte `at` inside a TOML string value: the line the string starts on, plus the
/// lines before `at` inside it (a multi-line string's text starts on the line after its
/// opening quotes).
fn value_line(file: &str, offset: usize, src: &Spanned<String>, at: usize) -> usize {
    let start = line_of(file, offset + src.span().start);
    let value = src.get_ref();
    let within = value[..at.min(value.len())].matches('\n').count();
    let first = usize::from(file[offset + src.span().start..].starts_with("\"\"\""));
    start + first + within
}
