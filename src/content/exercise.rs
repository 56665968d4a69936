//! Written exercises in `content/exercises/<slug>.md`: front matter, the task in Markdown,
//! then sections under fixed headings: `## Material` (optional), `## Your answer starts`
//! (the part of the answer given, in a sequence's completion step only), `## Model answer`
//! and `## Rubric` (a list of 4–8 idea units). See [`crate::model::exercise`].

use serde::Deserialize;
use toml::Spanned;

use super::links;
use super::markdown::{self, Context};
use super::{check_title_and_minutes, err, line_of, read_front_matter, ContentError};
use crate::model::exercise::{Exercise, Step, RUBRIC};

/// An exercise with what the build knows about it.
#[derive(Debug)]
pub struct ExerciseEntry {
    pub path: String,
    pub title: String,
    pub subtitle: String,
    pub minutes: u32,
    pub module: String,
    pub lessons: Vec<String>,
    /// The faded sequence it belongs to and its step there, if any.
    pub sequence: Option<(String, Step)>,
    /// The line of `sequence` in the front matter, for a sequence's mistakes.
    pub sequence_line: usize,
    pub exercise: Exercise,
    /// Links to lessons' sections, by line, checked once every lesson is rendered.
    pub section_links: Vec<(usize, links::SectionLink)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    subtitle: String,
    minutes: u32,
    module: Spanned<String>,
    lessons: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    sequence: Option<Spanned<String>>,
    #[serde(default)]
    step: Option<Spanned<String>>,
}

/// The sections an exercise may have, in this order.
const MATERIAL: &str = "Material";
const START: &str = "Your answer starts";
const MODEL: &str = "Model answer";
const RUBRIC_HEADING: &str = "Rubric";
const SECTIONS: [&str; 4] = [MATERIAL, START, MODEL, RUBRIC_HEADING];

/// Parses one exercise file; every mistake goes to `errors` with its line.
pub fn parse(
    path: &str,
    slug: &str,
    text: &str,
    cx: &Context,
    modules: &[String],
    errors: &mut Vec<ContentError>,
) -> Option<ExerciseEntry> {
    let (front_offset, front, body_offset) = read_front_matter::<FrontMatter>(
        path,
        text,
        "an exercise starts with front matter between +++ lines: title, subtitle, minutes, module and lessons",
        errors,
    )?;
    check_title_and_minutes(path, &front.title, front.minutes, errors);
    let at = |span: std::ops::Range<usize>| line_of(text, front_offset + span.start);
    let module = front.module.get_ref().clone();
    if !modules.contains(&module) {
        errors.push(err(
            path,
            at(front.module.span()),
            format!("front matter: module \"{module}\" is not in course.toml"),
        ));
    }
    if front.lessons.get_ref().is_empty() {
        errors.push(err(
            path,
            at(front.lessons.span()),
            "front matter: name the lesson(s) it exercises, lessons = [\"slug\"]".into(),
        ));
    }
    for lesson in front.lessons.get_ref() {
        if !cx.lessons.contains(lesson.get_ref()) {
            errors.push(err(
                path,
                at(lesson.span()),
                format!(
                    "front matter: lesson \"{}\" is not in course.toml",
                    lesson.get_ref()
                ),
            ));
        }
    }
    let sequence_line = front.sequence.as_ref().map_or(2, |s| at(s.span()));
    let sequence = match (&front.sequence, &front.step) {
        (None, None) => None,
        (Some(seq), Some(step)) => match Step::parse(step.get_ref()) {
            Some(parsed) => Some((seq.get_ref().clone(), parsed)),
            None => {
                errors.push(err(
                    path,
                    at(step.span()),
                    format!(
                        "front matter: step \"{}\" is not worked, completion or whole",
                        step.get_ref()
                    ),
                ));
                None
            }
        },
        (Some(seq), None) => {
            errors.push(err(
                path,
                at(seq.span()),
                "front matter: a faded sequence needs both sequence and step".into(),
            ));
            None
        }
        (None, Some(step)) => {
            errors.push(err(
                path,
                at(step.span()),
                "front matter: a faded sequence needs both sequence and step".into(),
            ));
            None
        }
    };

    // The body: the task, then `## ` sections with the fixed headings.
    let body = &text[body_offset..];
    let mut starts: Vec<(usize, usize, &str)> = Vec::new(); // (heading at, content at, name)
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("## ") {
            starts.push((at, at + line.len(), name.trim()));
        }
        at += line.len();
    }
    let task_end = starts.first().map_or(body.len(), |s| s.0);
    let mut section_links = Vec::new();
    let mut render = |from: usize, to: usize, errors: &mut Vec<ContentError>| {
        let mut problems = Vec::new();
        let mut r = markdown::render_body(path, &body[from..to], cx, &mut problems);
        for p in problems {
            errors.push(err(
                path,
                line_of(text, body_offset + from + p.offset),
                p.message,
            ));
        }
        section_links.extend(
            std::mem::take(&mut r.section_links)
                .into_iter()
                .map(|(o, link)| (line_of(text, body_offset + from + o), link)),
        );
        r
    };
    let task = render(0, task_end, errors);
    if task.text.trim().is_empty() {
        errors.push(err(
            path,
            line_of(text, body_offset),
            "an exercise starts with its task: what to produce, before the first ## section".into(),
        ));
    }
    let (mut material, mut start, mut model, mut rubric) = (String::new(), None, None, None);
    let mut last = None;
    for (i, &(heading, content, name)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(body.len(), |s| s.0);
        let line = line_of(text, body_offset + heading);
        let Some(place) = SECTIONS.iter().position(|s| *s == name) else {
            errors.push(err(
                path,
                line,
                format!(
                    "\"## {name}\" is not an exercise section; use ## {}",
                    SECTIONS.join(", ## ")
                ),
            ));
            continue;
        };
        if last.is_some_and(|l| place <= l) {
            errors.push(err(
                path,
                line,
                format!(
                    "\"## {name}\" is out of order or repeated; the order is ## {}",
                    SECTIONS.join(", ## ")
                ),
            ));
            continue;
        }
        last = Some(place);
        match SECTIONS[place] {
            MATERIAL => material = render(content, end, errors).html,
            START => start = Some((line, body[content..end].trim().to_string())),
            MODEL => model = Some(render(content, end, errors).html),
            _ => rubric = Some((line, content, end)),
        }
    }
    let end_line = line_of(text, text.len());
    let completion = matches!(sequence, Some((_, Step::Completion)));
    match (&start, completion) {
        (None, true) => errors.push(err(
            path,
            end_line,
            format!("a completion step needs \"## {START}\" with the part of the answer given"),
        )),
        (Some((line, _)), false) => errors.push(err(
            path,
            *line,
            format!("\"## {START}\" belongs only to a sequence's completion step (step = \"completion\")"),
        )),
        _ => {}
    }
    if model.is_none() {
        errors.push(err(
            path,
            end_line,
            format!("an exercise needs \"## {MODEL}\""),
        ));
    }
    let units = match rubric {
        None => {
            errors.push(err(
                path,
                end_line,
                format!("an exercise needs \"## {RUBRIC_HEADING}\", a list of idea units"),
            ));
            Vec::new()
        }
        Some((line, from, to)) => {
            rubric_units(path, text, body_offset, &body[from..to], from, line, errors)
        }
    };
    Some(ExerciseEntry {
        path: path.to_string(),
        title: front.title,
        subtitle: front.subtitle,
        minutes: front.minutes,
        module,
        lessons: front
            .lessons
            .into_inner()
            .into_iter()
            .map(Spanned::into_inner)
            .collect(),
        sequence,
        sequence_line,
        exercise: Exercise {
            slug: slug.to_string(),
            task: task.html,
            material,
            start: start.map(|s| s.1).unwrap_or_default(),
            model: model.unwrap_or_default(),
            rubric: units,
        },
        section_links,
    })
}

/// The rubric's idea units: a `- ` list and nothing else, of [`RUBRIC`] items, each inline
/// Markdown.
fn rubric_units(
    path: &str,
    text: &str,
    body_offset: usize,
    section: &str,
    from: usize,
    heading_line: usize,
    errors: &mut Vec<ContentError>,
) -> Vec<String> {
    let mut units = Vec::new();
    let mut at = from;
    for line in section.split_inclusive('\n') {
        let trimmed = line.trim();
        let line_no = line_of(text, body_offset + at);
        at += line.len();
        if trimmed.is_empty() {
            continue;
        }
        let Some(unit) = trimmed.strip_prefix("- ") else {
            errors.push(err(
                path,
                line_no,
                "the rubric is a list of idea units, each line starting with \"- \"".into(),
            ));
            continue;
        };
        let mut problems = Vec::new();
        units.push(markdown::render_inline(unit, &mut problems));
        for p in problems {
            errors.push(err(path, line_no, p.message));
        }
    }
    if !RUBRIC.contains(&units.len()) {
        errors.push(err(
            path,
            heading_line,
            format!(
                "the rubric has {} idea units; it needs {} to {}",
                units.len(),
                RUBRIC.start(),
                RUBRIC.end()
            ),
        ));
    }
    units
}

/// Checks every faded sequence: exactly one worked, one completion and one whole step, all in
/// one module.
pub fn check_sequences<'a>(
    entries: impl Iterator<Item = &'a ExerciseEntry>,
    errors: &mut Vec<ContentError>,
) {
    let mut by_sequence: std::collections::BTreeMap<&str, Vec<&ExerciseEntry>> =
        std::collections::BTreeMap::new();
    for e in entries {
        if let Some((seq, _)) = &e.sequence {
            by_sequence.entry(seq.as_str()).or_default().push(e);
        }
    }
    for (seq, steps) in by_sequence {
        for (step, name) in Step::NAMES {
            let count = steps
                .iter()
                .filter(|e| e.sequence.as_ref().is_some_and(|s| s.1 == step))
                .count();
            if count != 1 {
                errors.push(err(
                    &steps[0].path,
                    steps[0].sequence_line,
                    format!("sequence \"{seq}\" has {count} {name} steps; it needs exactly one each of worked, completion and whole"),
                ));
            }
        }
        if steps.iter().any(|e| e.module != steps[0].module) {
            errors.push(err(
                &steps[0].path,
                steps[0].sequence_line,
                format!("sequence \"{seq}\": its steps belong to different modules"),
            ));
        }
    }
}
