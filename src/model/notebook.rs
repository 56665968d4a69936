//! The notebook: every note, bookmark, exercise answer and scenario result, grouped by module
//! and lesson in course order; searched by words; exported as one Markdown file. And a note's
//! own small format: what the learner typed, with the passages quoted from a lesson as
//! Markdown block quotes that end with a link to the lesson's heading.
//!
//! A note is the learner's text, never HTML: the notebook page renders [`blocks`] as text,
//! so a record from anywhere cannot put markup on the page.

use crate::model::course::{Course, ExerciseInfo};
use crate::model::insights::ScenarioLine;
use crate::model::progress::{exercise_key, Progress};
use crate::model::scenario::Standing;

/// The longest passage a quote keeps, in characters; a longer selection is cut with "…".
pub const QUOTE_LIMIT: usize = 1_200;

/// What an entry of the notebook is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Lesson,
    Exercise,
    Scenario,
}

/// One lesson's, exercise's or scenario's part of the notebook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub slug: &'static str,
    pub title: &'static str,
    pub bookmarked: bool,
    /// What the learner wrote: the note or answer, or each version of a conflict (two places
    /// changed it without seeing each other's change).
    pub texts: Vec<String>,
    /// A scenario's result, in one sentence.
    pub result: Option<String>,
}

/// A module's entries (or the capstone's, which spans the course).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub title: &'static str,
    pub entries: Vec<Entry>,
}

/// The whole notebook.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notebook {
    pub groups: Vec<Group>,
}

/// A scenario as the notebook lists it: its result, if played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Played {
    pub slug: &'static str,
    pub title: &'static str,
    /// Its module's slug; a capstone's names no module of the course.
    pub module: &'static str,
    /// See [`scenario_result`].
    pub result: Option<String>,
}

/// The title of the group of scenarios that belong to no module.
pub const CAPSTONE: &str = "Capstone";

/// A scenario's result for the notebook: agreement and ending of the latest finished
/// playthrough, or how far the one under way is; `None` if never played or still loading.
pub fn scenario_result(line: &ScenarioLine) -> Option<String> {
    match line.standing {
        Some(Standing {
            agreement: Some((agreed, all)),
            ..
        }) => {
            let ending = line
                .ending
                .as_deref()
                .map_or(String::new(), |e| format!(", ending “{e}”"));
            Some(format!(
                "Chose as the expert did at {agreed} of {all} decisions{ending}."
            ))
        }
        Some(Standing {
            in_progress: Some(n),
            ..
        }) => Some(format!(
            "Under way: {n} decision{} made.",
            if n == 1 { "" } else { "s" }
        )),
        _ => None,
    }
}

impl Notebook {
    /// Gathers the notebook from the record: lessons with a note or a bookmark, exercises with
    /// an answer, scenarios with a result.
    pub fn new(
        course: &'static Course,
        exercises: &'static [ExerciseInfo],
        scenarios: &[Played],
        p: &Progress,
    ) -> Notebook {
        let texts = |key: &str| -> Vec<String> {
            p.text(key)
                .heads
                .into_iter()
                .map(|h| h.text)
                .filter(|t| !t.trim().is_empty())
                .collect()
        };
        let mut groups: Vec<Group> =
            course
                .modules
                .iter()
                .map(|m| {
                    let mut entries: Vec<Entry> = m
                        .lessons
                        .iter()
                        .map(|l| Entry {
                            kind: Kind::Lesson,
                            slug: l.slug,
                            title: l.title,
                            bookmarked: p.bookmarked(l.slug),
                            texts: texts(l.slug),
                            result: None,
                        })
                        .collect();
                    entries.extend(exercises.iter().filter(|e| e.module == m.slug).map(|e| {
                        Entry {
                            kind: Kind::Exercise,
                            slug: e.slug,
                            title: e.title,
                            bookmarked: false,
                            texts: texts(&exercise_key(e.slug)),
                            result: None,
                        }
                    }));
                    entries.extend(
                        scenarios
                            .iter()
                            .filter(|s| s.module == m.slug)
                            .map(scenario_entry),
                    );
                    Group {
                        title: m.title,
                        entries,
                    }
                })
                .collect();
        let known = |module: &str| course.modules.iter().any(|m| m.slug == module);
        groups.push(Group {
            title: CAPSTONE,
            entries: scenarios
                .iter()
                .filter(|s| !known(s.module))
                .map(scenario_entry)
                .collect(),
        });
        for g in &mut groups {
            g.entries
                .retain(|e| e.bookmarked || !e.texts.is_empty() || e.result.is_some());
        }
        groups.retain(|g| !g.entries.is_empty());
        Notebook { groups }
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// How many notes, answers, bookmarks and scenario results it holds.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for e in self.groups.iter().flat_map(|g| &g.entries) {
            match e.kind {
                Kind::Lesson if !e.texts.is_empty() => c.notes += 1,
                Kind::Exercise => c.answers += 1,
                Kind::Scenario => c.scenarios += 1,
                Kind::Lesson => {}
            }
            c.bookmarks += usize::from(e.bookmarked);
        }
        c
    }

    /// The entries whose title, text or result holds every word of `query` (any case, in any
    /// order); the whole notebook for a blank query.
    pub fn search(&self, query: &str) -> Notebook {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return self.clone();
        }
        let groups = self
            .groups
            .iter()
            .filter_map(|g| {
                let entries: Vec<Entry> = g
                    .entries
                    .iter()
                    .filter(|e| {
                        let mut hay = e.title.to_lowercase();
                        for t in e.texts.iter().chain(e.result.iter()) {
                            hay.push('\n');
                            hay.push_str(&t.to_lowercase());
                        }
                        words.iter().all(|w| hay.contains(w.as_str()))
                    })
                    .cloned()
                    .collect();
                (!entries.is_empty()).then_some(Group {
                    title: g.title,
                    entries,
                })
            })
            .collect();
        Notebook { groups }
    }

    /// The notebook as one Markdown file: a heading per module and per lesson, exercise or
    /// scenario with a link to it, the notes as written with their quotes' links made
    /// absolute. `link` gives an entry's absolute URL; `date` is the day it is exported.
    pub fn markdown(
        &self,
        course_title: &str,
        date: &str,
        link: impl Fn(Kind, &str) -> String,
    ) -> String {
        let mut out = format!("# My notebook: {course_title}\n\nExported on {date}.\n");
        if self.is_empty() {
            out.push_str("\nNo notes, bookmarks, answers or scenarios yet.\n");
        }
        for g in &self.groups {
            out.push_str(&format!("\n## {}\n", g.title));
            for e in &g.entries {
                let url = link(e.kind, e.slug);
                let label = match e.kind {
                    Kind::Lesson => "",
                    Kind::Exercise => "Exercise: ",
                    Kind::Scenario => "Scenario: ",
                };
                out.push_str(&format!("\n### {label}[{}]({url})\n", e.title));
                if e.bookmarked {
                    out.push_str("\nBookmarked.\n");
                }
                if let Some(r) = &e.result {
                    out.push_str(&format!("\n{r}\n"));
                }
                let many = e.texts.len() > 1;
                if many {
                    out.push_str("\nChanged in two places that did not see each other's change; both versions:\n");
                }
                for (i, t) in e.texts.iter().enumerate() {
                    if many {
                        out.push_str(&format!("\n**Version {}**\n", i + 1));
                    }
                    out.push('\n');
                    out.push_str(&absolute_links(t.trim_end(), &url));
                    out.push('\n');
                }
            }
        }
        out
    }
}

/// How much a notebook holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub notes: usize,
    pub answers: usize,
    pub bookmarks: usize,
    pub scenarios: usize,
}

fn scenario_entry(s: &Played) -> Entry {
    Entry {
        kind: Kind::Scenario,
        slug: s.slug,
        title: s.title,
        bookmarked: false,
        texts: Vec::new(),
        result: s.result.clone(),
    }
}

/// A note's links to its lesson's headings (`](#id)`) made absolute against the lesson's URL.
fn absolute_links(text: &str, url: &str) -> String {
    text.replace("](#", &format!("]({url}#"))
}

/// A quote for a note: the passage (whitespace made single spaces, cut at [`QUOTE_LIMIT`]) as
/// a block quote, then the heading it is under as a link (`#` alone: the lesson's top).
/// Appended to `note` after a blank line; the note ends ready for the learner's own words.
pub fn add_quote(note: &str, passage: &str, heading: &str, anchor: &str) -> String {
    let mut passage = passage.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some((cut, _)) = passage.char_indices().nth(QUOTE_LIMIT) {
        passage.truncate(cut);
        passage.push('…');
    }
    let heading = heading.split_whitespace().collect::<Vec<_>>().join(" ");
    let heading = heading.replace(['[', ']'], "");
    let mut out = note.trim_end().to_string();
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(&format!("> {passage}\n> — [{heading}](#{anchor})\n\n"));
    out
}

/// A piece of a note as the notebook shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The learner's own words (line breaks kept).
    Text(String),
    /// A quoted passage, and the heading it came from: its title and anchor (`""` for the
    /// lesson's top).
    Quote {
        text: String,
        source: Option<(String, String)>,
    },
}

/// A note split into its own words and its quotes: consecutive lines that start with `>` are
/// one quote, and a last quote line of the form `— [Heading](#anchor)` is its source.
pub fn blocks(note: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut text: Vec<&str> = Vec::new();
    let mut quote: Vec<&str> = Vec::new();
    fn flush_text(out: &mut Vec<Block>, text: &mut Vec<&str>) {
        let joined = text.join("\n");
        let trimmed = joined.trim_matches('\n');
        if !trimmed.trim().is_empty() {
            out.push(Block::Text(trimmed.to_string()));
        }
        text.clear();
    }
    fn flush_quote(out: &mut Vec<Block>, quote: &mut Vec<&str>) {
        if quote.is_empty() {
            return;
        }
        let source = quote.last().and_then(|l| source_of(l));
        if source.is_some() {
            quote.pop();
        }
        out.push(Block::Quote {
            text: quote.join("\n"),
            source,
        });
        quote.clear();
    }
    for line in note.lines() {
        if let Some(q) = line.strip_prefix('>') {
            flush_text(&mut out, &mut text);
            quote.push(q.strip_prefix(' ').unwrap_or(q));
        } else {
            flush_quote(&mut out, &mut quote);
            text.push(line);
        }
    }
    flush_quote(&mut out, &mut quote);
    flush_text(&mut out, &mut text);
    out
}

/// `— [Heading](#anchor)` → (Heading, anchor).
fn source_of(line: &str) -> Option<(String, String)> {
    let rest = line.trim().strip_prefix('—')?.trim_start();
    let rest = rest.strip_prefix('[')?;
    let (title, rest) = rest.split_once("](#")?;
    let anchor = rest.strip_suffix(')')?;
    let ok = anchor
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then(|| (title.to_string(), anchor.to_string()))
}

#[cfg(test)]
#[path = "notebook_tests.rs"]
mod tests;
