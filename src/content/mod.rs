//! Build-time content: reads `content/`, validates it and renders it for the app.
//!
//! Text flows one way: files → [`parse`] (no I/O) → [`Site`] → generated code and data
//! files. [`load`] is the only function here that touches the file system. Every
//! mistake is reported as `path:line: what is wrong`, all of them at once.

pub mod exercise;
pub mod links;
pub mod markdown;
pub mod scenario;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::model::course::{Choice, GlossaryTerm, Lesson, Question, QuestionKind, Quiz};
use crate::model::search::{Doc, DocInput, DocKind, SearchIndex};

/// Where content lives, relative to the project root.
pub const CONTENT_DIR: &str = "content";

/// A mistake in the content, with the file and line it was found at.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentError {
    pub path: String,
    pub line: usize,
    pub message: String,
}

/// The content files, by path relative to the project root (`content/course.toml`, …).
pub type Files = BTreeMap<String, String>;

/// The whole course, validated and rendered.
#[derive(Debug)]
pub struct Site {
    pub id: String,
    pub title: String,
    pub description: String,
    pub modules: Vec<ModuleEntry>,
    /// Lessons by slug.
    pub lessons: BTreeMap<String, LessonEntry>,
    /// Glossary terms by id.
    pub glossary: BTreeMap<String, Term>,
    /// Downloadable templates by name, as Markdown (`content/templates/<name>.md`).
    pub templates: BTreeMap<String, String>,
    /// The figures that links lead to, by file name, as checked SVG: the build writes each
    /// into the site at `figures/<name>` (figures that are only shown are inlined instead).
    pub figure_files: BTreeMap<String, String>,
    /// Decision scenarios by slug (`content/scenarios/<slug>.md`).
    pub scenarios: BTreeMap<String, scenario::ScenarioEntry>,
    /// Written exercises by slug (`content/exercises/<slug>.md`).
    pub exercises: BTreeMap<String, exercise::ExerciseEntry>,
}

/// A module as listed in course.toml.
#[derive(Debug)]
pub struct ModuleEntry {
    pub slug: String,
    pub title: String,
    pub lessons: Vec<String>,
}

/// A lesson with its rendered data and what the build learned about it.
#[derive(Debug)]
pub struct LessonEntry {
    pub path: String,
    pub title: String,
    pub subtitle: String,
    pub minutes: u32,
    /// Slugs the lesson had before (front matter `former_slugs`), whose URLs lead to it.
    pub former_slugs: Vec<String>,
    pub lesson: Lesson,
    /// Plain text of the body, for word counts and search.
    pub text: String,
    pub headings: Vec<(String, String)>,
    /// Each section's anchor and text; the first has anchor "" (the top of the lesson).
    pub sections: Vec<(String, String)>,
    pub terms: BTreeSet<String>,
    pub links: BTreeSet<String>,
    /// Links to lessons' sections, by line, checked once every lesson is rendered.
    pub section_links: Vec<(usize, links::SectionLink)>,
    /// Figures linked to, by file name.
    pub figure_links: BTreeSet<String>,
    pub has_takeaways: bool,
    pub has_callout: bool,
}

/// A glossary entry.
#[derive(Debug)]
pub struct Term {
    pub id: String,
    /// The glossary file that defines it.
    pub path: String,
    pub term: String,
    pub definition_html: String,
    pub definition_text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CourseToml {
    id: String,
    title: String,
    description: String,
    #[serde(rename = "module", default)]
    modules: Vec<ModuleToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModuleToml {
    slug: Spanned<String>,
    title: String,
    lessons: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryToml {
    #[serde(rename = "term", default)]
    terms: Vec<TermToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TermToml {
    id: Spanned<String>,
    term: String,
    definition: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    subtitle: String,
    minutes: u32,
    #[serde(default)]
    former_slugs: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizToml {
    title: String,
    #[serde(rename = "question", default)]
    questions: Vec<QuestionToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionToml {
    id: Spanned<String>,
    kind: Spanned<String>,
    prompt: String,
    explanation: String,
    #[serde(rename = "choice", default)]
    choices: Vec<ChoiceToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChoiceToml {
    text: Spanned<String>,
    #[serde(default)]
    correct: bool,
    explanation: String,
}

/// Reads every content file under `dir` and parses the course.
pub fn load(dir: &Path) -> Result<Site, Vec<ContentError>> {
    let mut files = Files::new();
    let read_error = |path: &Path, e: std::io::Error| {
        vec![ContentError {
            path: path.display().to_string(),
            line: 1,
            message: format!("cannot read: {e}"),
        }]
    };
    let path = dir.join("course.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| read_error(&path, e))?;
    files.insert(format!("{CONTENT_DIR}/course.toml"), text);
    for (folder, extension) in [
        ("glossary", "toml"),
        ("lessons", "md"),
        ("figures", "svg"),
        ("templates", "md"),
        ("scenarios", "md"),
        ("exercises", "md"),
    ] {
        let folder_path = dir.join(folder);
        // Figures, templates, scenarios and exercises are optional; a course need not have any.
        if matches!(folder, "figures" | "templates" | "scenarios" | "exercises")
            && !folder_path.exists()
        {
            continue;
        }
        let entries = std::fs::read_dir(&folder_path).map_err(|e| read_error(&folder_path, e))?;
        for entry in entries {
            let path = entry.map_err(|e| read_error(&folder_path, e))?.path();
            if path.extension().is_some_and(|e| e == extension) {
                let text = std::fs::read_to_string(&path).map_err(|e| read_error(&path, e))?;
                let name = path.file_name().unwrap().to_string_lossy();
                files.insert(format!("{CONTENT_DIR}/{folder}/{name}"), text);
            }
        }
    }
    parse(&files)
}

/// Parses and validates a course from its files. Does no I/O.
pub fn parse(files: &Files) -> Result<Site, Vec<ContentError>> {
    let mut errors = Vec::new();
    let course_path = format!("{CONTENT_DIR}/course.toml");
    let glossary_prefix = format!("{CONTENT_DIR}/glossary/");
    let lesson_prefix = format!("{CONTENT_DIR}/lessons/");

    let course_text = files.get(&course_path).map(String::as_str).unwrap_or("");
    let course: CourseToml = match toml::from_str(course_text) {
        Ok(c) => c,
        Err(e) => return Err(vec![toml_error(&course_path, course_text, 0, &e)]),
    };

    // Lessons listed in course.toml, in order, and the modules holding them.
    let mut listed: BTreeMap<String, usize> = BTreeMap::new();
    let mut modules = Vec::new();
    let mut module_slugs = BTreeMap::new();
    for module in &course.modules {
        let line = line_of(course_text, module.slug.span().start);
        if let Some(first) = module_slugs.insert(module.slug.get_ref().clone(), line) {
            errors.push(err(
                &course_path,
                line,
                format!(
                    "module \"{}\" is listed twice (first at line {first})",
                    module.slug.get_ref()
                ),
            ));
        }
        if module.lessons.is_empty() {
            errors.push(err(
                &course_path,
                line,
                format!("module \"{}\" has no lessons", module.slug.get_ref()),
            ));
        }
        let mut slugs = Vec::new();
        for slug in &module.lessons {
            let line = line_of(course_text, slug.span().start);
            let name = slug.get_ref();
            if !is_slug(name) {
                errors.push(err(
                    &course_path,
                    line,
                    format!("lesson \"{name}\": {SLUG_RULE}"),
                ));
            }
            if let Some(first) = listed.insert(name.clone(), line) {
                errors.push(err(
                    &course_path,
                    line,
                    format!("lesson \"{name}\" is listed twice (first at line {first})"),
                ));
                continue;
            }
            if !files.contains_key(&format!("{lesson_prefix}{name}.md")) {
                errors.push(err(
                    &course_path,
                    line,
                    format!("lesson \"{name}\" has no file; create {lesson_prefix}{name}.md or remove it from the list"),
                ));
            }
            slugs.push(name.clone());
        }
        modules.push(ModuleEntry {
            slug: module.slug.get_ref().clone(),
            title: module.title.clone(),
            lessons: slugs,
        });
    }
    if modules.is_empty() {
        errors.push(err(
            &course_path,
            1,
            "the course has no modules; add a [[module]] table".into(),
        ));
    }
    for path in files.keys() {
        if let Some(name) = path.strip_prefix(&lesson_prefix) {
            let slug = name.trim_end_matches(".md");
            if !listed.contains_key(slug) {
                errors.push(err(
                    path,
                    1,
                    format!("lesson \"{slug}\" is not in content/course.toml; add it to a module's lessons, or delete the file"),
                ));
            }
        }
    }

    let mut glossary = BTreeMap::new();
    for (path, text) in files.range(glossary_prefix.clone()..) {
        if !path.starts_with(&glossary_prefix) {
            break;
        }
        parse_glossary(path, text, &mut glossary, &mut errors);
    }

    let figure_prefix = format!("{CONTENT_DIR}/figures/");
    let mut figures = BTreeMap::new();
    for (path, text) in files.range(figure_prefix.clone()..) {
        let Some(name) = path.strip_prefix(&figure_prefix) else {
            break;
        };
        match markdown::check_svg(text) {
            Ok(svg) => {
                figures.insert(name.to_string(), svg);
            }
            Err((line, message)) => {
                errors.push(err(path, line, message));
                // Known but refused: lessons that show it get no second error.
                figures.insert(name.to_string(), String::new());
            }
        }
    }
    let template_prefix = format!("{CONTENT_DIR}/templates/");
    let mut templates = BTreeMap::new();
    for (path, text) in files.range(template_prefix.clone()..) {
        let Some(name) = path.strip_prefix(&template_prefix) else {
            break;
        };
        if !text.lines().any(|l| l.starts_with("# ")) {
            errors.push(err(
                path,
                1,
                "a template starts with a `# Title` line".into(),
            ));
        }
        templates.insert(name.trim_end_matches(".md").to_string(), text.clone());
    }

    let lesson_slugs: BTreeSet<String> = listed.keys().cloned().collect();
    let cx = markdown::Context {
        glossary: &glossary,
        lessons: &lesson_slugs,
        figures: &figures,
        templates: &templates,
    };
    let mut lessons = BTreeMap::new();
    let mut question_ids: BTreeMap<String, (String, usize)> = BTreeMap::new();
    let mut question_texts: BTreeMap<String, (String, usize)> = BTreeMap::new();
    let mut former_slugs = BTreeMap::new();
    for slug in modules.iter().flat_map(|m| &m.lessons) {
        let path = format!("{lesson_prefix}{slug}.md");
        let Some(text) = files.get(&path) else {
            continue;
        };
        if let Some(entry) = parse_lesson(&path, slug, text, &cx, &mut former_slugs, &mut errors) {
            for q in entry.lesson.quiz.iter().flat_map(|q| &q.questions) {
                let line = question_line(text, &q.id);
                if let Some((p, l)) = question_ids.insert(q.id.clone(), (path.clone(), line)) {
                    errors.push(err(
                        &path,
                        line,
                        format!(
                            "question id \"{}\" is already used at {p}:{l}; ids are unique across the course",
                            q.id
                        ),
                    ));
                }
                if let Some((p, l)) =
                    question_texts.insert(markdown::to_text(&q.prompt), (path.clone(), line))
                {
                    errors.push(err(
                        &path,
                        line,
                        format!("question \"{}\" asks the same as {p}:{l}", q.id),
                    ));
                }
            }
            lessons.insert(slug.clone(), entry);
        }
    }
    check_links(&cx, &lessons, &mut errors);
    let scenario_prefix = format!("{CONTENT_DIR}/scenarios/");
    let module_slugs: Vec<String> = modules.iter().map(|m| m.slug.clone()).collect();
    let mut scenarios = BTreeMap::new();
    for (path, text) in files.range(scenario_prefix.clone()..) {
        let Some(name) = path.strip_prefix(&scenario_prefix) else {
            break;
        };
        let slug = name.trim_end_matches(".md");
        if !is_slug(slug) {
            errors.push(err(path, 1, format!("the file name: {SLUG_RULE}")));
            continue;
        }
        if let Some(entry) = scenario::parse(path, slug, text, &cx, &module_slugs, &mut errors) {
            let sections = entry.section_links.iter().cloned();
            check_sections(&entry.path, None, sections, &lessons, &mut errors);
            scenarios.insert(slug.to_string(), entry);
        }
    }
    let exercise_prefix = format!("{CONTENT_DIR}/exercises/");
    let mut exercises = BTreeMap::new();
    for (path, text) in files.range(exercise_prefix.clone()..) {
        let Some(name) = path.strip_prefix(&exercise_prefix) else {
            break;
        };
        let slug = name.trim_end_matches(".md");
        if !is_slug(slug) {
            errors.push(err(path, 1, format!("the file name: {SLUG_RULE}")));
            continue;
        }
        if let Some(entry) = exercise::parse(path, slug, text, &cx, &module_slugs, &mut errors) {
            let sections = entry.section_links.iter().cloned();
            check_sections(&entry.path, None, sections, &lessons, &mut errors);
            exercises.insert(slug.to_string(), entry);
        }
    }
    exercise::check_sequences(exercises.values(), &mut errors);
    let figure_files = lessons
        .values()
        .flat_map(|l| &l.figure_links)
        .map(|name| (name.clone(), figures[name].clone()))
        .collect();

    if errors.is_empty() {
        Ok(Site {
            id: course.id,
            title: course.title,
            description: course.description,
            modules,
            lessons,
            glossary,
            templates,
            figure_files,
            scenarios,
            exercises,
        })
    } else {
        errors.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        Err(errors)
    }
}

/// Adds the terms of one glossary file, refusing an id defined in another.
fn parse_glossary(
    path: &str,
    text: &str,
    glossary: &mut BTreeMap<String, Term>,
    errors: &mut Vec<ContentError>,
) {
    let table: GlossaryToml = match toml::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            errors.push(toml_error(path, text, 0, &e));
            return;
        }
    };
    for entry in table.terms {
        let offset = entry.id.span().start;
        let id = entry.id.into_inner();
        if let Some(first) = glossary.get(&id) {
            errors.push(err(
                path,
                line_of(text, offset),
                format!("term \"{id}\" is already defined in {}", first.path),
            ));
            continue;
        }
        let mut problems = Vec::new();
        let definition_html = markdown::render_inline(&entry.definition, &mut problems);
        for p in problems {
            errors.push(err(
                path,
                line_of(text, offset),
                format!("term \"{id}\": {}", p.message),
            ));
        }
        glossary.insert(
            id.clone(),
            Term {
                definition_text: markdown::to_text(&definition_html),
                path: path.to_string(),
                id,
                term: entry.term,
                definition_html,
            },
        );
    }
}

/// Parses one lesson file. `former_slugs` holds the former slugs claimed by the lessons
/// parsed before it, each with the file and line that claims it.
fn parse_lesson(
    path: &str,
    slug: &str,
    text: &str,
    cx: &markdown::Context,
    former_slugs: &mut BTreeMap<String, (String, usize)>,
    errors: &mut Vec<ContentError>,
) -> Option<LessonEntry> {
    let (front_offset, front, body_offset) = read_front_matter::<FrontMatter>(
        path,
        text,
        "a lesson starts with front matter between +++ lines: title, subtitle and minutes",
        errors,
    )?;
    check_title_and_minutes(path, &front.title, front.minutes, errors);
    for former in &front.former_slugs {
        let line = line_of(text, front_offset + former.span().start);
        check_former_slug(path, line, former.get_ref(), cx, former_slugs, errors);
    }

    let body = &text[body_offset..];
    let mut problems = Vec::new();
    let rendered = markdown::render_body(path, body, cx, &mut problems);
    for p in problems {
        errors.push(err(path, line_of(text, body_offset + p.offset), p.message));
    }
    let quiz = rendered.quiz.as_ref().and_then(|(offset, quiz_text)| {
        parse_quiz(path, text, body_offset + offset, quiz_text, errors)
    });

    Some(LessonEntry {
        path: path.to_string(),
        title: front.title,
        subtitle: front.subtitle,
        minutes: front.minutes,
        former_slugs: front
            .former_slugs
            .into_iter()
            .map(Spanned::into_inner)
            .collect(),
        lesson: Lesson {
            slug: slug.to_string(),
            html: rendered.html,
            quiz,
        },
        text: rendered.text,
        headings: rendered.headings,
        sections: rendered.sections,
        terms: rendered.terms,
        links: rendered.links,
        section_links: rendered
            .section_links
            .into_iter()
            .map(|(offset, link)| (line_of(text, body_offset + offset), link))
            .collect(),
        figure_links: rendered.figure_links,
        has_takeaways: rendered.has_takeaways,
        has_callout: rendered.has_callout,
    })
}

/// Checks what could not be checked while each lesson rendered: every template's links, and
/// the links to lessons' sections, which need every lesson's headings.
fn check_links(
    cx: &markdown::Context,
    lessons: &BTreeMap<String, LessonEntry>,
    errors: &mut Vec<ContentError>,
) {
    for (name, text) in cx.templates {
        let path = format!("{CONTENT_DIR}/templates/{name}.md");
        let found = links::in_template(&path, text, cx);
        for (offset, message) in found.problems {
            errors.push(err(&path, line_of(text, offset), message));
        }
        let sections = found.sections.into_iter();
        let sections = sections.map(|(offset, link)| (line_of(text, offset), link));
        check_sections(&path, None, sections, lessons, errors);
    }
    for (slug, entry) in lessons {
        let sections = entry.section_links.iter().cloned();
        check_sections(&entry.path, Some(slug), sections, lessons, errors);
    }
}

/// Checks the links to lessons' sections written in the file at `path` (the lesson `slug`, or
/// a template) against the headings those lessons render. A lesson that did not parse has
/// its own errors, so links into it are not checked.
fn check_sections(
    path: &str,
    slug: Option<&String>,
    sections: impl Iterator<Item = (usize, links::SectionLink)>,
    lessons: &BTreeMap<String, LessonEntry>,
    errors: &mut Vec<ContentError>,
) {
    for (line, link) in sections {
        let Some(target) = lessons.get(&link.slug) else {
            continue;
        };
        let ids: Vec<&str> = target.headings.iter().map(|(id, _)| id.as_str()).collect();
        let same_lesson = slug == Some(&link.slug) && link.dest.starts_with('#');
        if let Err(message) = links::check_section(&link, &ids, same_lesson) {
            errors.push(err(path, line, message));
        }
    }
}

/// Refuses a former slug that is no slug, is a lesson's current slug (its URL would lead to
/// two lessons), or is claimed by another lesson already; otherwise claims it.
fn check_former_slug(
    path: &str,
    line: usize,
    former: &str,
    cx: &markdown::Context,
    claimed: &mut BTreeMap<String, (String, usize)>,
    errors: &mut Vec<ContentError>,
) {
    let message = if !is_slug(former) {
        format!("front matter: former slug \"{former}\": {SLUG_RULE}")
    } else if cx.lessons.contains(former) {
        format!(
            "front matter: former slug \"{former}\" is the slug of {CONTENT_DIR}/lessons/{former}.md; a URL leads to one lesson, so remove it from former_slugs"
        )
    } else if let Some((p, l)) = claimed.get(former) {
        format!(
            "front matter: former slug \"{former}\" is already claimed at {p}:{l}; a URL leads to one lesson, so keep it in one lesson's former_slugs"
        )
    } else {
        claimed.insert(former.to_string(), (path.to_string(), line));
        return;
    };
    errors.push(err(path, line, message));
}

fn parse_quiz(
    path: &str,
    file: &str,
    offset: usize,
    text: &str,
    errors: &mut Vec<ContentError>,
) -> Option<Quiz> {
    let quiz: QuizToml = match toml::from_str(text) {
        Ok(q) => q,
        Err(e) => {
            errors.push(toml_error(path, file, offset, &e).prefixed("quiz: "));
            return None;
        }
    };
    if quiz.questions.is_empty() {
        errors.push(err(
            path,
            line_of(file, offset),
            "quiz: it has no questions; add a [[question]] table".into(),
        ));
    }
    let mut questions = Vec::new();
    for q in quiz.questions {
        let line = line_of(file, offset + q.id.span().start);
        let id = q.id.get_ref().clone();
        let problem = |message: String| err(path, line, format!("question \"{id}\": {message}"));
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            errors.push(problem(
                "an id is lowercase letters, digits and hyphens".into(),
            ));
        }
        let kind = match q.kind.get_ref().as_str() {
            "single" => QuestionKind::Single,
            "multiple" => QuestionKind::Multiple,
            other => {
                errors.push(problem(format!(
                    "kind is \"{other}\"; use \"single\" or \"multiple\""
                )));
                continue;
            }
        };
        let correct = q.choices.iter().filter(|c| c.correct).count();
        if q.choices.len() < 2 {
            errors.push(problem(format!(
                "it has {} choice(s); a question needs at least two",
                q.choices.len()
            )));
        }
        if correct == 0 {
            errors.push(problem(
                "no choice is correct; mark one with correct = true".into(),
            ));
        }
        if kind == QuestionKind::Single && correct > 1 {
            errors.push(problem(format!(
                "it is single choice but {correct} choices are correct; mark one, or use kind = \"multiple\""
            )));
        }
        let mut problems = Vec::new();
        let prompt = markdown::render_inline(&q.prompt, &mut problems);
        let explanation = markdown::render_inline(&q.explanation, &mut problems);
        let mut choices = Vec::new();
        for c in &q.choices {
            if c.explanation.trim().is_empty() {
                errors.push(err(
                    path,
                    line_of(file, offset + c.text.span().start),
                    format!("question \"{id}\": every choice needs an explanation"),
                ));
            }
            choices.push(Choice {
                text: markdown::render_inline(c.text.get_ref(), &mut problems),
                correct: c.correct,
                explanation: markdown::render_inline(&c.explanation, &mut problems),
            });
        }
        for p in problems {
            errors.push(problem(p.message));
        }
        let hash = question_hash(&q.prompt, &q.choices);
        questions.push(Question {
            id,
            kind,
            prompt,
            explanation,
            choices,
            hash,
        });
    }
    Some(Quiz {
        title: quiz.title,
        questions,
    })
}

impl Site {
    /// Lessons in course order, with their module.
    pub fn ordered(&self) -> impl Iterator<Item = (&ModuleEntry, &LessonEntry)> {
        self.modules
            .iter()
            .flat_map(move |m| m.lessons.iter().map(move |s| (m, &self.lessons[s])))
    }

    /// A lesson's body and quiz as JSON (the form the app fetches), and the file it goes in,
    /// named with a content hash so it can be cached forever.
    pub fn lesson_data(&self, slug: &str) -> (String, String) {
        let json = serde_json::to_string(&self.lessons[slug].lesson).expect("lessons serialise");
        let file = format!("lessons/{slug}.{}.json", &fnv_hex(json.as_bytes())[..10]);
        (file, json)
    }

    /// The file name of a lesson's data.
    pub fn lesson_file(&self, slug: &str) -> String {
        self.lesson_data(slug).0
    }

    /// A scenario's data file as JSON, and its file name with a content hash.
    pub fn scenario_data(&self, slug: &str) -> (String, String) {
        let json =
            serde_json::to_string(&self.scenarios[slug].scenario).expect("scenarios serialise");
        let file = format!("scenarios/{slug}.{}.json", &fnv_hex(json.as_bytes())[..10]);
        (file, json)
    }

    /// An exercise's data file as JSON, and its file name with a content hash.
    pub fn exercise_data(&self, slug: &str) -> (String, String) {
        let json =
            serde_json::to_string(&self.exercises[slug].exercise).expect("exercises serialise");
        let file = format!("exercises/{slug}.{}.json", &fnv_hex(json.as_bytes())[..10]);
        (file, json)
    }

    /// The exercises in the course's order: by module, then a module's faded sequences (by
    /// name, each step in order), then its other exercises (by slug).
    pub fn ordered_exercises(&self) -> Vec<&exercise::ExerciseEntry> {
        let mut out: Vec<&exercise::ExerciseEntry> = Vec::new();
        for module in &self.modules {
            let mut of_module: Vec<&exercise::ExerciseEntry> = self
                .exercises
                .values()
                .filter(|e| e.module == module.slug)
                .collect();
            of_module.sort_by_key(|e| match &e.sequence {
                Some((seq, step)) => (0, seq.clone(), step.number()),
                None => (1, String::new(), 0),
            });
            out.extend(of_module);
        }
        out
    }

    /// The scenarios in the course's order: each module's after its lessons, in the module's
    /// order (by slug within a module), then the capstones.
    pub fn ordered_scenarios(&self) -> Vec<&scenario::ScenarioEntry> {
        let mut out: Vec<&scenario::ScenarioEntry> = Vec::new();
        for module in &self.modules {
            out.extend(
                self.scenarios
                    .values()
                    .filter(|s| s.module.as_deref() == Some(module.slug.as_str())),
            );
        }
        out.extend(self.scenarios.values().filter(|s| s.module.is_none()));
        out
    }

    /// The search index as JSON, and its file name with a content hash.
    pub fn search_index(&self) -> (String, String) {
        let mut inputs = Vec::new();
        for (_, lesson) in self.ordered() {
            let slug = &lesson.lesson.slug;
            for (anchor, text) in &lesson.sections {
                let heading = lesson
                    .headings
                    .iter()
                    .find(|(id, _)| id == anchor)
                    .map_or(lesson.title.clone(), |(_, h)| h.clone());
                inputs.push(DocInput {
                    doc: Doc {
                        kind: DocKind::Section,
                        target: slug.clone(),
                        anchor: anchor.clone(),
                        title: heading,
                        text: String::new(),
                    },
                    // The lesson's title counts most, once: on the lesson's top section.
                    lesson_title: if anchor.is_empty() {
                        format!("{} {}", lesson.title, lesson.subtitle)
                    } else {
                        String::new()
                    },
                    body: text.clone(),
                });
            }
            for q in lesson.lesson.quiz.iter().flat_map(|q| &q.questions) {
                let mut body = markdown::to_text(&q.prompt);
                for c in &q.choices {
                    body.push(' ');
                    body.push_str(&markdown::to_text(&c.text));
                }
                inputs.push(DocInput {
                    doc: Doc {
                        kind: DocKind::Question,
                        target: slug.clone(),
                        anchor: format!("question-{}", q.id),
                        title: markdown::to_text(&q.prompt),
                        text: String::new(),
                    },
                    lesson_title: String::new(),
                    body,
                });
            }
        }
        for term in self.glossary.values() {
            inputs.push(DocInput {
                doc: Doc {
                    kind: DocKind::Term,
                    target: term.id.clone(),
                    anchor: term.id.clone(),
                    title: term.term.clone(),
                    text: String::new(),
                },
                lesson_title: term.term.clone(),
                body: term.definition_text.clone(),
            });
        }
        let json = serde_json::to_string(&SearchIndex::build(inputs)).expect("index serialises");
        let file = format!("search-index.{}.json", &fnv_hex(json.as_bytes())[..10]);
        (file, json)
    }

    /// The Rust source of the embedded outline: `pub static COURSE: Course = …;`.
    pub fn outline_rust(&self) -> String {
        let mut s = String::new();
        s.push_str("pub static COURSE: Course = Course {\n");
        s.push_str(&format!(
            "    id: {:?},\n    title: {:?},\n    description: {:?},\n    modules: &[\n",
            self.id, self.title, self.description
        ));
        for module in &self.modules {
            s.push_str(&format!(
                "        Module {{ slug: {:?}, title: {:?}, lessons: &[\n",
                module.slug, module.title
            ));
            for slug in &module.lessons {
                let l = &self.lessons[slug];
                let question_count = l.lesson.quiz.as_ref().map_or(0, |q| q.questions.len());
                s.push_str(&format!(
                    "            LessonInfo {{ slug: {:?}, title: {:?}, subtitle: {:?}, minutes: {}, question_count: {}, data: {:?}, former: &{:?} }},\n",
                    slug,
                    l.title,
                    l.subtitle,
                    l.minutes,
                    question_count,
                    self.lesson_file(slug),
                    l.former_slugs,
                ));
            }
            s.push_str("        ] },\n");
        }
        s.push_str("    ],\n};\n");
        s.push_str("pub static SCENARIOS: &[ScenarioInfo] = &[\n");
        for entry in self.ordered_scenarios() {
            let slug = &entry.scenario.slug;
            s.push_str(&format!(
                "    ScenarioInfo {{ slug: {:?}, title: {:?}, subtitle: {:?}, minutes: {}, module: {:?}, points: {}, data: {:?} }},\n",
                slug,
                entry.title,
                entry.subtitle,
                entry.minutes,
                entry.module.as_deref().unwrap_or(""),
                entry.scenario.points.len(),
                self.scenario_data(slug).0,
            ));
        }
        s.push_str("];\n");
        // The keys of the record that review items come from beyond quizzes, with their
        // modules: apart from SCENARIOS and EXERCISES, so the lesson bundle, which counts the
        // items due, carries no titles.
        s.push_str("pub static PRACTICE_KEYS: &[(&str, &str)] = &[\n");
        for entry in self.ordered_scenarios() {
            s.push_str(&format!(
                "    ({:?}, {:?}),\n",
                crate::model::progress::scenario_key(&entry.scenario.slug),
                entry.module.as_deref().unwrap_or("")
            ));
        }
        for entry in self.ordered_exercises() {
            s.push_str(&format!(
                "    ({:?}, {:?}),\n",
                crate::model::progress::exercise_key(&entry.exercise.slug),
                entry.module
            ));
        }
        s.push_str("];\n");
        s.push_str("pub static EXERCISES: &[ExerciseInfo] = &[\n");
        for entry in self.ordered_exercises() {
            let slug = &entry.exercise.slug;
            let (sequence, step) = entry
                .sequence
                .as_ref()
                .map_or(("", 0), |(seq, step)| (seq.as_str(), step.number()));
            s.push_str(&format!(
                "    ExerciseInfo {{ slug: {:?}, title: {:?}, subtitle: {:?}, minutes: {}, module: {:?}, lessons: &{:?}, sequence: {:?}, step: {}, data: {:?} }},\n",
                slug,
                entry.title,
                entry.subtitle,
                entry.minutes,
                entry.module,
                entry.lessons,
                sequence,
                step,
                self.exercise_data(slug).0,
            ));
        }
        s.push_str("];\n");
        s.push_str(&format!(
            "pub static SEARCH_INDEX_FILE: &str = {:?};\n",
            self.search_index().0
        ));
        s.push_str(&format!(
            "pub static GLOSSARY_FILE: &str = {:?};\n",
            self.glossary_data().0
        ));
        s
    }

    /// The glossary in alphabetical order, each term with the lessons that use it.
    pub fn glossary_terms(&self) -> Vec<GlossaryTerm> {
        let mut terms: Vec<&Term> = self.glossary.values().collect();
        terms.sort_by_key(|t| t.term.to_lowercase());
        terms
            .into_iter()
            .map(|t| GlossaryTerm {
                id: t.id.clone(),
                term: t.term.clone(),
                definition: t.definition_html.clone(),
                lessons: self
                    .ordered()
                    .filter(|(_, l)| l.terms.contains(&t.id))
                    .map(|(_, l)| l.lesson.slug.clone())
                    .collect(),
            })
            .collect()
    }

    /// The glossary as JSON, and its file name with a content hash.
    pub fn glossary_data(&self) -> (String, String) {
        let json = serde_json::to_string(&self.glossary_terms()).expect("the glossary serialises");
        let file = format!("glossary.{}.json", &fnv_hex(json.as_bytes())[..10]);
        (file, json)
    }
}

impl ContentError {
    fn prefixed(mut self, prefix: &str) -> Self {
        self.message.insert_str(0, prefix);
        self
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

fn err(path: &str, line: usize, message: String) -> ContentError {
    ContentError {
        path: path.to_string(),
        line,
        message,
    }
}

/// A TOML error at the line it points to; `offset` is where the TOML starts in the file.
fn toml_error(path: &str, file: &str, offset: usize, e: &toml::de::Error) -> ContentError {
    let line = e
        .span()
        .map_or(line_of(file, offset), |s| line_of(file, offset + s.start));
    err(path, line, e.message().trim().to_string())
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Reads the TOML front matter at the top of a lesson or scenario: where it starts, what it
/// says, and where the body starts. `missing` is the message when there is none.
fn read_front_matter<T: serde::de::DeserializeOwned>(
    path: &str,
    text: &str,
    missing: &str,
    errors: &mut Vec<ContentError>,
) -> Option<(usize, T, usize)> {
    let Some((front_offset, front, body_offset)) = split_front_matter(text) else {
        errors.push(err(path, 1, missing.into()));
        return None;
    };
    match toml::from_str(front) {
        Ok(f) => Some((front_offset, f, body_offset)),
        Err(e) => {
            errors.push(toml_error(path, text, front_offset, &e).prefixed("front matter: "));
            None
        }
    }
}

/// The front matter's title and reading time, which every page that has them needs.
fn check_title_and_minutes(path: &str, title: &str, minutes: u32, errors: &mut Vec<ContentError>) {
    if title.trim().is_empty() {
        errors.push(err(path, 2, "front matter: title is empty".into()));
    }
    if minutes == 0 {
        errors.push(err(
            path,
            2,
            "front matter: minutes must be at least 1".into(),
        ));
    }
}

/// Splits `+++\n…\n+++\n` from the start of a lesson: where the front matter starts, the
/// front matter, and where the body starts.
fn split_front_matter(text: &str) -> Option<(usize, &str, usize)> {
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))?;
    let start = text.len() - rest.len();
    let mut pos = start;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Some((start, &text[start..pos], pos + line.len()));
        }
        pos += line.len();
    }
    None
}

/// What [`is_slug`] accepts, for error messages.
const SLUG_RULE: &str = "a slug is lowercase letters, digits and hyphens";

/// Whether a lesson slug (current or former) is usable in a file name and a URL.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The line where a question's id is written, for messages that come after parsing.
fn question_line(text: &str, id: &str) -> usize {
    let needle = format!("\"{id}\"");
    text.find(&needle).map_or(1, |o| line_of(text, o))
}

fn question_hash(prompt: &str, choices: &[ChoiceToml]) -> String {
    let mut data = prompt.trim().to_string();
    for c in choices {
        data.push('\u{1f}');
        data.push_str(c.text.get_ref().trim());
        data.push(if c.correct { '1' } else { '0' });
    }
    fnv_hex(data.as_bytes())[..8].to_string()
}

/// FNV-1a, 64 bits: stable across builds and Rust versions, unlike `DefaultHasher`.
pub fn fnv_hex(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= *b as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests;
