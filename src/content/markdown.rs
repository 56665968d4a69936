//! Markdown to HTML, with the course's extensions: callouts, glossary terms, lesson links,
//! the key-takeaways box and the quiz block.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use pulldown_cmark::{
    html, Alignment, BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options,
    Parser, Tag, TagEnd,
};

use super::links::{self, SectionLink, Target};

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
    /// Links to lessons' sections, by byte offset: checked once every lesson's headings are known.
    pub section_links: Vec<(usize, SectionLink)>,
    /// Figures linked to (`[text](../figures/name.svg)`), which the built site must hold as files.
    pub figure_links: BTreeSet<String>,
    pub has_takeaways: bool,
    pub has_callout: bool,
    /// The quiz block: its byte offset and text.
    pub quiz: Option<(usize, String)>,
}

/// Renders the body of the lesson at `path` (`content/lessons/<slug>.md`), whose links are
/// relative to it.
pub fn render_body(path: &str, src: &str, cx: &Context, problems: &mut Vec<Problem>) -> Rendered {
    let events: Vec<(Event, Range<usize>)> =
        Parser::new_ext(src, options()).into_offset_iter().collect();
    let mut body = Body::new(path, src, cx, events.len());
    let mut i = 0;
    while i < events.len() {
        i = body.event(&events, i);
    }
    body.finish(problems)
}

/// Parser events with the byte range of the source each one came from.
type Events<'s> = [(Event<'s>, Range<usize>)];

/// One lesson body being rendered: the events written so far, what is open, what was learned.
struct Body<'s, 'c> {
    /// The lesson's file, which its links are relative to.
    path: &'c str,
    src: &'s str,
    cx: &'c Context<'c>,
    out: Vec<Event<'s>>,
    r: Rendered,
    problems: Vec<Problem>,
    /// The heading ids given so far, so that each is unique.
    heading_ids: BTreeSet<String>,
    /// Whether the key-takeaways box is open.
    in_takeaways: bool,
    /// For each open blockquote, whether it is a callout.
    callouts: Vec<bool>,
    /// The closing HTML of each open link: None for a plain link.
    links: Vec<Option<String>>,
    /// Glossary terms seen so far, so that each popover gets its own id.
    term_count: usize,
    table: Table,
}

/// The open table.
#[derive(Default)]
struct Table {
    alignments: Vec<Alignment>,
    in_head: bool,
    /// The column of the next cell.
    column: usize,
}

impl<'s, 'c> Body<'s, 'c> {
    fn new(path: &'c str, src: &'s str, cx: &'c Context<'c>, capacity: usize) -> Self {
        Body {
            path,
            src,
            cx,
            out: Vec::with_capacity(capacity),
            r: Rendered::default(),
            problems: Vec::new(),
            heading_ids: BTreeSet::new(),
            in_takeaways: false,
            callouts: Vec::new(),
            links: Vec::new(),
            term_count: 0,
            table: Table::default(),
        }
    }

    /// Renders the event at `i` and returns the index of the next event to render.
    fn event(&mut self, events: &Events<'s>, i: usize) -> usize {
        let (event, range) = &events[i];
        match event {
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => self.heading(events, i, *level, id.as_deref(), classes),
            Event::Start(Tag::BlockQuote(kind)) => self.block_quote(event, *kind),
            Event::End(TagEnd::BlockQuote(_)) => self.block_quote_end(event),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => self.link(event, *link_type, dest_url, title, range.start),
            Event::End(TagEnd::Link) => self.link_end(event),
            Event::Start(Tag::Paragraph)
                if matches!(
                    events.get(i + 1),
                    Some((Event::Start(Tag::Image { .. }), _))
                ) =>
            {
                return self.figure(events, i);
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) if &**lang == "template" => {
                return self.template(events, i);
            }
            Event::Start(Tag::Table(alignments)) => self.table(alignments),
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => self.table_row(event),
            Event::Start(Tag::TableCell) => self.table_cell(event),
            Event::End(TagEnd::Table) => {
                self.out.push(event.clone());
                self.out.push(Event::Html("</div>".into()));
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) if &**lang == "quiz" => {
                return self.quiz(events, i);
            }
            Event::Html(_) | Event::InlineHtml(_) => self.problem(
                range.start,
                "raw HTML is not allowed in lessons; write it in Markdown".into(),
            ),
            Event::Start(Tag::Image { .. }) => self.problem(range.start, FIGURE_ALONE.into()),
            Event::Text(t) | Event::Code(t) => self.text(event, t),
            Event::SoftBreak | Event::HardBreak => self.text(event, " "),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                self.text(event, "\n")
            }
            _ => self.out.push(event.clone()),
        }
        i + 1
    }

    /// The rendered body, once every event is written; its problems join `problems`.
    fn finish(mut self, problems: &mut Vec<Problem>) -> Rendered {
        if self.in_takeaways {
            self.out.push(Event::Html("</aside>\n".into()));
        }
        html::push_html(&mut self.r.html, self.out.into_iter());
        problems.append(&mut self.problems);
        self.r
    }

    fn problem(&mut self, offset: usize, message: String) {
        self.problems.push(Problem { offset, message });
    }

    /// `## Heading` or `## Heading {#id}`: a section with a unique id (from its text unless
    /// given). `## Key takeaways` opens the takeaways box, which the next `##` or `#` closes.
    /// `#` is refused: the title comes from the front matter.
    fn heading(
        &mut self,
        events: &Events<'s>,
        i: usize,
        level: HeadingLevel,
        id: Option<&str>,
        classes: &[CowStr<'s>],
    ) {
        let text =
            plain_text(&events[i + 1..end_of(events, i, |e| matches!(e, TagEnd::Heading(_)))]);
        let at = events[i].1.start;
        if level == HeadingLevel::H1 {
            self.problem(at, "a lesson body has no `#` heading: the title comes from the front matter; use `##` for sections".into());
        }
        let anchor = self.unique_id(id.map_or_else(|| slugify(&text), str::to_string));
        if level <= HeadingLevel::H2 && self.in_takeaways {
            self.out.push(Event::Html("</aside>\n".into()));
            self.in_takeaways = false;
        }
        if level == HeadingLevel::H2 && text.trim().eq_ignore_ascii_case(TAKEAWAYS_HEADING) {
            if self.r.has_takeaways {
                self.problem(
                    at,
                    format!(
                        "a lesson has one \"## {TAKEAWAYS_HEADING}\" section; this is a second"
                    ),
                );
            }
            self.r.has_takeaways = true;
            self.in_takeaways = true;
            self.out.push(Event::Html(
                format!("<aside class=\"takeaways\" aria-labelledby=\"{anchor}\">\n").into(),
            ));
        }
        self.r.headings.push((anchor.clone(), text.clone()));
        self.r.sections.push((anchor.clone(), String::new()));
        self.r.text.push_str(&text);
        self.r.text.push('\n');
        self.out.push(Event::Start(Tag::Heading {
            level,
            id: Some(anchor.into()),
            classes: classes.to_vec(),
            attrs: Vec::new(),
        }));
    }

    /// `id`, or `id-2`, `id-3`… if a heading before has it already.
    fn unique_id(&mut self, id: String) -> String {
        let mut anchor = id.clone();
        let mut n = 2;
        while !self.heading_ids.insert(anchor.clone()) {
            anchor = format!("{id}-{n}");
            n += 1;
        }
        anchor
    }

    /// `> [!NOTE]` (or `TIP`, `IMPORTANT`, `WARNING`, `CAUTION`): a callout box with its title.
    /// A plain `>` stays a blockquote.
    fn block_quote(&mut self, event: &Event<'s>, kind: Option<BlockQuoteKind>) {
        self.callouts.push(kind.is_some());
        let Some(kind) = kind else {
            self.out.push(event.clone());
            return;
        };
        self.r.has_callout = true;
        let (class, title) = callout_name(kind);
        self.out.push(Event::Html(
            format!(
                "<aside class=\"callout callout-{class}\" aria-label=\"{title}\"><p class=\"callout-title\" aria-hidden=\"true\">{title}</p>\n"
            )
            .into(),
        ));
    }

    /// The end of a `>` block: a callout's box closes.
    fn block_quote_end(&mut self, event: &Event<'s>) {
        if self.callouts.pop() == Some(true) {
            self.out.push(Event::Html("</aside>\n".into()));
        } else {
            self.out.push(event.clone());
        }
    }

    /// `[text](term:id)`: a glossary term. `[text](other.md#section)`, `[text](#section)`,
    /// `[text](../templates/name.md)`, `[text](../figures/name.svg)`: a link relative to the
    /// lesson's file, which must lead to a lesson, template or figure of the course and is
    /// rewritten to its URL (see `links`). `[text](https://…)`, `<a@b.org>`: left as they are.
    fn link(
        &mut self,
        event: &Event<'s>,
        link_type: LinkType,
        dest: &str,
        title: &CowStr<'s>,
        at: usize,
    ) {
        if let Some(term) = dest.strip_prefix("term:") {
            return self.term(term, at);
        }
        self.links.push(None);
        let resolved = match link_type {
            LinkType::Email => Ok(None),
            _ => links::resolve(self.path, dest, self.cx),
        };
        let resolved = match resolved {
            Ok(Some(resolved)) => resolved,
            Ok(None) => return self.out.push(event.clone()),
            Err(message) => {
                self.problem(at, message);
                return self.out.push(event.clone());
            }
        };
        match &resolved.target {
            Target::Lesson(slug) => {
                self.r.links.insert(slug.clone());
            }
            Target::Figure(name) => {
                self.r.figure_links.insert(name.clone());
            }
            Target::Template(_) => {}
        }
        if let Some(section) = links::section_link(dest, &resolved) {
            self.r.section_links.push((at, section));
        }
        self.out.push(Event::Start(Tag::Link {
            link_type: LinkType::Inline,
            dest_url: resolved.href().into(),
            title: title.clone(),
            id: CowStr::Borrowed(""),
        }));
    }

    /// `[text](term:id)`: the text becomes a button that opens the term's definition, with a
    /// link to the glossary.
    fn term(&mut self, term: &str, at: usize) {
        self.term_count += 1;
        let Some(entry) = self.cx.glossary.get(term) else {
            self.problem(at, format!("glossary term \"{term}\" is not defined; add a [[term]] with id = \"{term}\" to a file in content/glossary/"));
            self.links.push(Some(String::new()));
            return;
        };
        self.r.terms.insert(term.to_string());
        let pid = format!("term-{term}-{}", self.term_count);
        self.out.push(Event::Html(format!(
            "<span class=\"term\"><button type=\"button\" class=\"term-button\" aria-expanded=\"false\" aria-controls=\"{pid}\" aria-describedby=\"{pid}\">"
        ).into()));
        self.links.push(Some(format!(
            "</button><span class=\"term-popover\" id=\"{pid}\" role=\"note\"><span class=\"term-popover-title\">{}</span> {} <a class=\"term-popover-more\" href=\"{}#{term}\">Glossary</a></span></span>",
            escape(&entry.term),
            entry.definition_html,
            Route::Glossary.path(),
        )));
    }

    /// The end of a `[text](…)`: a term's popover, or the link's `</a>`.
    fn link_end(&mut self, event: &Event<'s>) {
        match self.links.pop().flatten() {
            Some(close) => self.out.push(Event::Html(close.into())),
            None => self.out.push(event.clone()),
        }
    }

    /// A paragraph holding only `![alt](figures/name.svg "caption")`: the figure, inline.
    /// An image with anything else in its paragraph is refused (by `event`, once).
    fn figure(&mut self, events: &Events<'s>, i: usize) -> usize {
        let end = end_of(events, i, |e| matches!(e, TagEnd::Image));
        let alone = matches!(
            events.get(end + 1),
            Some((Event::End(TagEnd::Paragraph), _))
        );
        if !alone {
            // The paragraph goes on as text; its image is refused where it stands.
            self.out.push(events[i].0.clone());
            return i + 1;
        }
        if let (
            Event::Start(Tag::Image {
                dest_url, title, ..
            }),
            at,
        ) = &events[i + 1]
        {
            let alt = plain_text(&events[i + 2..end]);
            match figure(dest_url, title, &alt, self.cx) {
                Ok(html) => self.out.push(Event::Html(html.into())),
                Err(message) => self.problem(at.start, message),
            }
        }
        end + 2
    }

    /// A ```` ```template ```` block naming a file of `content/templates/`: the template with
    /// its download link and copy button.
    fn template(&mut self, events: &Events<'s>, i: usize) -> usize {
        let end = end_of(events, i, |e| matches!(e, TagEnd::CodeBlock));
        let name = plain_text(&events[i + 1..end]).trim().to_string();
        match self.cx.templates.get(&name) {
            Some(text) => self.out.push(Event::Html(template(&name, text).into())),
            None => {
                let names = self
                    .cx
                    .templates
                    .keys()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
                self.problem(
                    events[i].1.start,
                    format!("template \"{name}\" does not exist; add content/templates/{name}.md, or name one of: {names}"),
                );
            }
        }
        end + 1
    }

    /// A ```` ```quiz ```` block: its TOML is kept, with its offset, for the quiz parser; it is
    /// not part of the body's HTML.
    fn quiz(&mut self, events: &Events<'s>, i: usize) -> usize {
        let end = end_of(events, i, |e| matches!(e, TagEnd::CodeBlock));
        let texts = &events[i + 1..end];
        let at = events[i].1.start;
        let (start, stop) = match (texts.first(), texts.last()) {
            (Some(first), Some(last)) => (first.1.start, last.1.end),
            _ => (at, at),
        };
        if self.r.quiz.is_some() {
            self.problem(
                at,
                "a lesson has one ```quiz block; this is a second".into(),
            );
        } else {
            self.r.quiz = Some((start, self.src[start..stop].to_string()));
        }
        end + 1
    }

    /// A `| a | b |` table: it scrolls inside a box that the keyboard can reach. Its column
    /// alignments (`:---`, `:---:`, `---:`) become classes: pulldown-cmark would write an
    /// inline `style`, which the content security policy blocks.
    fn table(&mut self, alignments: &[Alignment]) {
        self.out.push(Event::Html(
            "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">"
                .into(),
        ));
        self.table = Table {
            alignments: alignments.to_vec(),
            ..Table::default()
        };
        self.out.push(Event::Start(Tag::Table(Vec::new())));
    }

    /// A table's head row or body row: its cells count columns from the first.
    fn table_row(&mut self, event: &Event<'s>) {
        self.table.in_head = matches!(event, Event::Start(Tag::TableHead));
        self.table.column = 0;
        self.out.push(event.clone());
    }

    /// A table cell, with its column's alignment class.
    fn table_cell(&mut self, event: &Event<'s>) {
        let class = match self.table.alignments.get(self.table.column) {
            Some(Alignment::Left) => "align-left",
            Some(Alignment::Center) => "align-center",
            Some(Alignment::Right) => "align-right",
            _ => "",
        };
        if class.is_empty() {
            self.out.push(event.clone());
        } else {
            let cell = if self.table.in_head { "th" } else { "td" };
            self.out
                .push(Event::Html(format!("<{cell} class=\"{class}\">").into()));
        }
        self.table.column += 1;
    }

    /// Text, `code`, a line break or the end of a block: written as it is, and `text` joins the
    /// plain text of the body and of the open section.
    fn text(&mut self, event: &Event<'s>, text: &str) {
        self.r.text.push_str(text);
        section_text(&mut self.r).push_str(text);
        self.out.push(event.clone());
    }
}

/// The message for an image that is not alone in its paragraph.
const FIGURE_ALONE: &str =
    "a figure stands alone in its paragraph: put ![alt text](figures/name.svg) on lines of its own";

/// The index of the first event from `i` on that ends what `ends` matches (or the end).
fn end_of(events: &Events, i: usize, ends: impl Fn(&TagEnd) -> bool) -> usize {
    events[i..]
        .iter()
        .position(|(e, _)| matches!(e, Event::End(end) if ends(end)))
        .map_or(events.len(), |p| i + p)
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
    let with_label = svg.replacen(
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
        "<figure class=\"figure\">{with_label}{caption}</figure>\n"
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
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) if *link_type != LinkType::Email
                && (dest_url.starts_with("term:") || links::is_relative(dest_url)) =>
            {
                problems.push(Problem {
                    offset: range.start,
                    message: "glossary terms and links to lessons, templates or figures belong in the lesson body, not in quiz or glossary text".into(),
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

fn callout_name(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "Note"),
        BlockQuoteKind::Tip => ("tip", "Tip"),
        BlockQuoteKind::Important => ("important", "Important"),
        BlockQuoteKind::Warning => ("warning", "Warning"),
        BlockQuoteKind::Caution => ("caution", "Caution"),
    }
}

fn plain_text(events: &Events) -> String {
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
