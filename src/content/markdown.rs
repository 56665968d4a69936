//! Markdown to HTML, with the course's extensions: callouts, glossary terms, lesson links,
//! the key-takeaways box and the quiz block.

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{
    html, Alignment, BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser,
    Tag, TagEnd,
};

use crate::model::routes::Route;

/// The heading text that opens the key-takeaways box.
pub const TAKEAWAYS_HEADING: &str = "Key takeaways";

/// The one place where Markdown options are chosen.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_GFM
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// What rendering needs to know about the rest of the course.
pub struct Context<'a> {
    /// Glossary term ids and their entries.
    pub glossary: &'a BTreeMap<String, super::Term>,
    /// Every lesson slug, to check links.
    pub lessons: &'a BTreeSet<String>,
    /// Figures by file name (`critical-path.svg`): checked SVG markup, ready to inline
    /// (empty for a file that was refused).
    pub figures: &'a BTreeMap<String, String>,
    /// Templates by name (`raid-log`): their Markdown text.
    pub templates: &'a BTreeMap<String, String>,
}

/// A problem found while rendering, at a byte offset of the rendered text.
#[derive(Debug)]
pub struct Problem {
    pub offset: usize,
    pub message: String,
}

/// A lesson body rendered to HTML, with what the build learned on the way.
#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    /// The body as plain text, for word counts and search.
    pub text: String,
    /// Section headings: (id, text).
    pub headings: Vec<(String, String)>,
    /// The text of each section, in order; the first (anchor "") is what comes before any heading.
    pub sections: Vec<(String, String)>,
    /// Glossary term ids used.
    pub terms: BTreeSet<String>,
    /// Lesson slugs linked to.
    pub links: BTreeSet<String>,
    pub has_takeaways: bool,
    pub has_callout: bool,
    /// The quiz block: its byte offset and text.
    pub quiz: Option<(usize, String)>,
}

/// Renders a lesson body.
pub fn render_body(src: &str, cx: &Context, problems: &mut Vec<Problem>) -> Rendered {
    let events: Vec<(Event, std::ops::Range<usize>)> =
        Parser::new_ext(src, options()).into_offset_iter().collect();
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut r = Rendered::default();
    let mut heading_ids: BTreeSet<String> = BTreeSet::new();
    let mut in_takeaways = false;
    let mut callouts: Vec<bool> = Vec::new();
    // Closing HTML for open links: None for a plain link.
    let mut links: Vec<Option<String>> = Vec::new();
    let mut term_count = 0usize;
    // The open table's column alignments, whether its head is open, and the cell's column.
    let mut table: (Vec<Alignment>, bool, usize) = (Vec::new(), false, 0);
    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        match event {
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => {
                let end = events[i..]
                    .iter()
                    .position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(_))))
                    .map_or(events.len(), |p| i + p);
                let text = plain_text(&events[i + 1..end]);
                if *level == HeadingLevel::H1 {
                    problems.push(Problem {
                        offset: range.start,
                        message: "a lesson body has no `#` heading: the title comes from the front matter; use `##` for sections".into(),
                    });
                }
                let mut anchor = id
                    .as_ref()
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| slugify(&text));
                let base = anchor.clone();
                let mut n = 2;
                while !heading_ids.insert(anchor.clone()) {
                    anchor = format!("{base}-{n}");
                    n += 1;
                }
                if *level <= HeadingLevel::H2 && in_takeaways {
                    out.push(Event::Html("</aside>\n".into()));
                    in_takeaways = false;
                }
                if *level == HeadingLevel::H2 && text.trim().eq_ignore_ascii_case(TAKEAWAYS_HEADING)
                {
                    if r.has_takeaways {
                        problems.push(Problem {
                            offset: range.start,
                            message: format!("a lesson has one \"## {TAKEAWAYS_HEADING}\" section; this is a second"),
                        });
                    }
                    r.has_takeaways = true;
                    in_takeaways = true;
                    out.push(Event::Html(
                        format!("<aside class=\"takeaways\" aria-labelledby=\"{anchor}\">\n")
                            .into(),
                    ));
                }
                r.headings.push((anchor.clone(), text.clone()));
                r.sections.push((anchor.clone(), String::new()));
                r.text.push_str(&text);
                r.text.push('\n');
                out.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(anchor.into()),
                    classes: classes.clone(),
                    attrs: Vec::new(),
                }));
                i += 1;
                continue;
            }
            Event::Start(Tag::BlockQuote(kind)) => {
                callouts.push(kind.is_some());
                if let Some(kind) = kind {
                    r.has_callout = true;
                    let (class, title) = callout_name(*kind);
                    out.push(Event::Html(
                        format!(
                            "<aside class=\"callout callout-{class}\" aria-label=\"{title}\"><p class=\"callout-title\" aria-hidden=\"true\">{title}</p>\n"
                        )
                        .into(),
                    ));
                } else {
                    out.push(event.clone());
                }
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                if callouts.pop() == Some(true) {
                    out.push(Event::Html("</aside>\n".into()));
                } else {
                    out.push(event.clone());
                }
            }
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                if let Some(term) = dest_url.strip_prefix("term:") {
                    term_count += 1;
                    match cx.glossary.get(term) {
                        Some(entry) => {
                            r.terms.insert(term.to_string());
                            let pid = format!("term-{term}-{term_count}");
                            out.push(Event::Html(format!(
                                "<span class=\"term\"><button type=\"button\" class=\"term-button\" aria-expanded=\"false\" aria-controls=\"{pid}\" aria-describedby=\"{pid}\">"
                            ).into()));
                            links.push(Some(format!(
                                "</button><span class=\"term-popover\" id=\"{pid}\" role=\"note\"><span class=\"term-popover-title\">{}</span> {} <a class=\"term-popover-more\" href=\"{}#{term}\">Glossary</a></span></span>",
                                escape(&entry.term),
                                entry.definition_html,
                                Route::Glossary.path(),
                            )));
                        }
                        None => {
                            problems.push(Problem {
                                offset: range.start,
                                message: format!("glossary term \"{term}\" is not defined; add a [[term]] with id = \"{term}\" to a file in content/glossary/"),
                            });
                            links.push(Some(String::new()));
                        }
                    }
                } else if let Some(target) = lesson_link(dest_url) {
                    let (slug, anchor) = target;
                    if !cx.lessons.contains(slug) {
                        problems.push(Problem {
                            offset: range.start,
                            message: format!("link to lesson \"{slug}\", which does not exist; link to content/lessons/<slug>.md of a lesson in course.toml"),
                        });
                    }
                    r.links.insert(slug.to_string());
                    let href = match anchor {
                        Some(a) => format!("{}#{a}", Route::Lesson(&slug).path()),
                        None => Route::Lesson(&slug).path(),
                    };
                    out.push(Event::Start(Tag::Link {
                        link_type: pulldown_cmark::LinkType::Inline,
                        dest_url: href.into(),
                        title: title.clone(),
                        id: CowStr::Borrowed(""),
                    }));
                    links.push(None);
                } else {
                    out.push(event.clone());
                    links.push(None);
                }
            }
            Event::End(TagEnd::Link) => match links.pop().flatten() {
                Some(close) => out.push(Event::Html(close.into())),
                None => out.push(event.clone()),
            },
            // A figure: a paragraph holding only `![alt](figures/name.svg "caption")`.
            Event::Start(Tag::Paragraph)
                if matches!(
                    events.get(i + 1),
                    Some((Event::Start(Tag::Image { .. }), _))
                ) =>
            {
                let end = events[i..]
                    .iter()
                    .position(|(e, _)| matches!(e, Event::End(TagEnd::Image)))
                    .map_or(events.len(), |p| i + p);
                let alone = matches!(
                    events.get(end + 1),
                    Some((Event::End(TagEnd::Paragraph), _))
                );
                if !alone {
                    problems.push(Problem {
                        offset: range.start,
                        message: "a figure stands alone in its paragraph: put ![alt text](figures/name.svg) on lines of its own".into(),
                    });
                    i += 1;
                    continue;
                }
                if let (
                    Event::Start(Tag::Image {
                        dest_url, title, ..
                    }),
                    at,
                ) = &events[i + 1]
                {
                    let alt = plain_text(&events[i + 2..end]);
                    match figure(dest_url, title, &alt, cx) {
                        Ok(html) => out.push(Event::Html(html.into())),
                        Err(message) => problems.push(Problem {
                            offset: at.start,
                            message,
                        }),
                    }
                }
                i = end + 2;
                continue;
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) if &**lang == "template" => {
                let end = events[i..]
                    .iter()
                    .position(|(e, _)| matches!(e, Event::End(TagEnd::CodeBlock)))
                    .map_or(events.len(), |p| i + p);
                let name = plain_text(&events[i + 1..end]).trim().to_string();
                match cx.templates.get(&name) {
                    Some(text) => out.push(Event::Html(template(&name, text).into())),
                    None => problems.push(Problem {
                        offset: range.start,
                        message: format!(
                            "template \"{name}\" does not exist; add content/templates/{name}.md, or name one of: {}",
                            cx.templates.keys().cloned().collect::<Vec<_>>().join(", ")
                        ),
                    }),
                }
                i = end + 1;
                continue;
            }
            // Wide tables scroll inside a box that the keyboard can reach. Column alignment
            // becomes a class: pulldown-cmark would write an inline `style`, which the
            // content security policy blocks.
            Event::Start(Tag::Table(alignments)) => {
                out.push(Event::Html(
                    "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">".into(),
                ));
                table = (alignments.clone(), false, 0);
                out.push(Event::Start(Tag::Table(Vec::new())));
            }
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                table.1 = matches!(event, Event::Start(Tag::TableHead));
                table.2 = 0;
                out.push(event.clone());
            }
            Event::Start(Tag::TableCell) => {
                let class = match table.0.get(table.2) {
                    Some(Alignment::Left) => "align-left",
                    Some(Alignment::Center) => "align-center",
                    Some(Alignment::Right) => "align-right",
                    _ => "",
                };
                if class.is_empty() {
                    out.push(event.clone());
                } else {
                    let cell = if table.1 { "th" } else { "td" };
                    out.push(Event::Html(format!("<{cell} class=\"{class}\">").into()));
                }
                table.2 += 1;
            }
            Event::End(TagEnd::Table) => {
                out.push(event.clone());
                out.push(Event::Html("</div>".into()));
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) if &**lang == "quiz" => {
                let end = events[i..]
                    .iter()
                    .position(|(e, _)| matches!(e, Event::End(TagEnd::CodeBlock)))
                    .map_or(events.len(), |p| i + p);
                let texts = &events[i + 1..end];
                let (start, stop) = match (texts.first(), texts.last()) {
                    (Some(first), Some(last)) => (first.1.start, last.1.end),
                    _ => (range.start, range.start),
                };
                if r.quiz.is_some() {
                    problems.push(Problem {
                        offset: range.start,
                        message: "a lesson has one ```quiz block; this is a second".into(),
                    });
                } else {
                    r.quiz = Some((start, src[start..stop].to_string()));
                }
                i = end + 1;
                continue;
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                problems.push(Problem {
                    offset: range.start,
                    message: "raw HTML is not allowed in lessons; write it in Markdown".into(),
                });
            }
            Event::Start(Tag::Image { .. }) => {
                problems.push(Problem {
                    offset: range.start,
                    message: "a figure stands alone in its paragraph: put ![alt text](figures/name.svg) on lines of its own".into(),
                });
            }
            Event::Text(t) | Event::Code(t) => {
                r.text.push_str(t);
                section_text(&mut r).push_str(t);
                out.push(event.clone());
            }
            Event::SoftBreak | Event::HardBreak => {
                r.text.push(' ');
                section_text(&mut r).push(' ');
                out.push(event.clone());
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                r.text.push('\n');
                section_text(&mut r).push('\n');
                out.push(event.clone());
            }
            _ => out.push(event.clone()),
        }
        i += 1;
    }
    if in_takeaways {
        out.push(Event::Html("</aside>\n".into()));
    }
    html::push_html(&mut r.html, out.into_iter());
    r
}

/// A figure's HTML: its SVG inline (so it follows the theme and never shifts the page), named
/// by its alt text, with the title as a caption.
fn figure(url: &str, title: &str, alt: &str, cx: &Context) -> Result<String, String> {
    let name = url.strip_prefix("figures/").unwrap_or(url);
    let Some(svg) = cx.figures.get(name).filter(|_| url.starts_with("figures/")) else {
        return Err(format!(
            "figure \"{url}\" does not exist; figures are SVG files in content/figures/, written as ![alt text](figures/name.svg)"
        ));
    };
    if svg.is_empty() {
        // The file itself was refused, with its own error.
        return Ok(String::new());
    }
    if alt.trim().is_empty() {
        return Err(format!(
            "figure \"{url}\" has no alt text; say what it shows: ![what the figure shows](figures/{name})"
        ));
    }
    let labelled = svg.replacen(
        "<svg",
        &format!(
            "<svg class=\"figure-svg\" role=\"img\" aria-label=\"{}\" focusable=\"false\"",
            escape(alt.trim())
        ),
        1,
    );
    let caption = if title.trim().is_empty() {
        String::new()
    } else {
        format!("<figcaption>{}</figcaption>", escape(title.trim()))
    };
    Ok(format!(
        "<figure class=\"figure\">{labelled}{caption}</figure>\n"
    ))
}

/// A template's HTML: its title, a download link, a copy button and the text itself.
fn template(name: &str, text: &str) -> String {
    let title = text
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .unwrap_or(name)
        .trim();
    format!(
        "<section class=\"template\" aria-labelledby=\"template-{name}\">\
<p class=\"template-title\" id=\"template-{name}\"><span class=\"template-kind\">Template</span> {title}</p>\
<p class=\"template-actions\"><a class=\"button\" href=\"{dir}/{name}.md\" download=\"{name}.md\">Download (Markdown)</a> \
<button type=\"button\" class=\"button template-copy\">Copy</button> <span class=\"template-status\" role=\"status\"></span></p>\
<details class=\"template-preview\"><summary>Show the template</summary><pre tabindex=\"0\"><code>{body}</code></pre></details></section>\n",
        title = escape(title),
        dir = crate::model::routes::TEMPLATES_DIR,
        body = escape(text),
    )
}

/// Checks a figure's SVG for what may be inlined into a page: one `<svg>` root with a
/// `viewBox`, and no scripts, event handlers, styles, embedded documents or outside references.
pub fn check_svg(text: &str) -> Result<String, (usize, String)> {
    let svg = text.trim();
    if !svg.starts_with("<svg") || !svg.ends_with("</svg>") {
        return Err((
            1,
            "a figure is one <svg> element: start the file with <svg and end it with </svg>".into(),
        ));
    }
    let root_end = svg.find('>').unwrap_or(svg.len());
    if !svg[..root_end].contains("viewBox=\"") {
        return Err((1, "the <svg> element needs a viewBox, so the figure scales to the page without shifting it".into()));
    }
    let lower = svg.to_ascii_lowercase();
    for (needle, what) in [
        ("<script", "a script"),
        ("<foreignobject", "a foreignObject"),
        ("<style", "a <style> element (use the fig-* classes)"),
        ("<image", "an <image>"),
        ("href=\"http", "an outside link"),
        ("url(http", "an outside reference"),
    ] {
        if let Some(at) = lower.find(needle) {
            return Err((
                line_at(text, at),
                format!("a figure may not contain {what}"),
            ));
        }
    }
    let bytes = lower.as_bytes();
    // An inline style is blocked by the content security policy; `font-style=` is fine.
    for (at, _) in lower.match_indices("style=") {
        if at > 0 && bytes[at - 1].is_ascii_whitespace() {
            return Err((
                line_at(text, at),
                "a figure may not contain a style attribute (use the fig-* classes, or attributes such as fill= and stroke-width=)".into(),
            ));
        }
    }
    for (at, _) in lower.match_indices(" on") {
        let name: String = lower[at + 3..]
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        if !name.is_empty() && bytes.get(at + 3 + name.len()) == Some(&b'=') {
            return Err((
                line_at(text, at),
                format!("a figure may not contain an event handler (on{name}=)"),
            ));
        }
    }
    Ok(svg.to_string())
}

fn line_at(text: &str, offset: usize) -> usize {
    let lead = text.len() - text.trim_start().len();
    text[..(offset + lead).min(text.len())]
        .matches('\n')
        .count()
        + 1
}

/// The text of the section being rendered, starting the untitled first section if needed.
fn section_text(r: &mut Rendered) -> &mut String {
    if r.sections.is_empty() {
        r.sections.push((String::new(), String::new()));
    }
    &mut r.sections.last_mut().expect("just ensured").1
}

/// Renders a short text (a prompt, a choice, an explanation, a definition).
///
/// A single paragraph loses its `<p>`, so the result fits in a label or a legend.
pub fn render_inline(src: &str, problems: &mut Vec<Problem>) -> String {
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(src, options()).into_offset_iter() {
        match &event {
            Event::Html(_) | Event::InlineHtml(_) => problems.push(Problem {
                offset: range.start,
                message: "raw HTML is not allowed; write it in Markdown".into(),
            }),
            Event::Start(Tag::Link { dest_url, .. })
                if dest_url.starts_with("term:") || lesson_link(dest_url).is_some() =>
            {
                problems.push(Problem {
                    offset: range.start,
                    message: "glossary terms and lesson links belong in the lesson body, not in quiz or glossary text".into(),
                })
            }
            Event::Start(Tag::Heading { .. }) | Event::Start(Tag::Image { .. }) => {
                problems.push(Problem {
                    offset: range.start,
                    message: "headings and images are not allowed here".into(),
                })
            }
            _ => {}
        }
        out.push(event);
    }
    let paragraphs = out
        .iter()
        .filter(|e| matches!(e, Event::Start(Tag::Paragraph)))
        .count();
    let only_paragraphs = out.iter().all(|e| {
        !matches!(e, Event::Start(t) if !matches!(t, Tag::Paragraph | Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Strikethrough))
    });
    if paragraphs == 1 && only_paragraphs {
        out.retain(|e| {
            !matches!(
                e,
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
            )
        });
    }
    let mut html = String::new();
    html::push_html(&mut html, out.into_iter());
    html.trim_end().to_string()
}

/// A heading's anchor: lowercase ASCII words joined by hyphens.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("section");
    }
    slug
}

pub use crate::model::html::escape;

/// Strips Markdown and HTML down to text.
pub fn to_text(html_or_md: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html_or_md.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// `other-lesson.md` or `other-lesson.md#section` names a lesson; anything with a scheme does not.
fn lesson_link(dest: &str) -> Option<(&str, Option<&str>)> {
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (dest, None),
    };
    let path = path.strip_prefix("./").unwrap_or(path);
    let slug = path.strip_suffix(".md")?;
    if slug.is_empty() || slug.contains(['/', ':']) {
        return None;
    }
    Some((slug, anchor))
}

fn callout_name(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "Note"),
        BlockQuoteKind::Tip => ("tip", "Tip"),
        BlockQuoteKind::Important => ("important", "Important"),
        BlockQuoteKind::Warning => ("warning", "Warning"),
        BlockQuoteKind::Caution => ("caution", "Caution"),
    }
}

fn plain_text(events: &[(Event, std::ops::Range<usize>)]) -> String {
    let mut s = String::new();
    for (e, _) in events {
        if let Event::Text(t) | Event::Code(t) = e {
            s.push_str(t);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words() {
        assert_eq!(slugify("Why do TPMs exist?"), "why-do-tpms-exist");
        assert_eq!(slugify("  RACI & decision rights "), "raci-decision-rights");
        assert_eq!(slugify("???"), "section");
    }

    #[test]
    fn inline_text_loses_its_paragraph() {
        let mut problems = Vec::new();
        assert_eq!(
            render_inline("Plan the *critical* path.", &mut problems),
            "Plan the <em>critical</em> path."
        );
        assert!(render_inline("One.\n\nTwo.", &mut problems).starts_with("<p>"));
        assert!(problems.is_empty());
    }
}
