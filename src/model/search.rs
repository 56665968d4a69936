//! Full-text search: an inverted index built at build time, and the query that ranks it.
//!
//! Words are folded (lowercase, accents removed) the same way at build time and at query
//! time. Every query word must match the start of some word of a result ("depend" finds
//! "dependency"); a match in a lesson title outweighs one in a heading, which outweighs
//! one in the body.

use serde::{Deserialize, Serialize};

use super::json::Json;

/// How much a word counts, by where it appears.
pub const TITLE_WEIGHT: u32 = 20;
pub const HEADING_WEIGHT: u32 = 6;
pub const BODY_WEIGHT: u32 = 1;

/// How many characters of a result's text are kept for its snippet.
pub const SNIPPET_SOURCE: usize = 600;

/// What a search result points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    /// A section of a lesson.
    Section,
    /// A glossary term.
    Term,
    /// A quiz question.
    Question,
}

/// One searchable thing, as it is stored in the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    pub kind: DocKind,
    /// The lesson slug; for a glossary term, the term's id.
    pub target: String,
    /// The element id to land on: a section's heading, the quiz, or empty for the top.
    pub anchor: String,
    /// What the result is called: the section heading, the term, or the question.
    pub title: String,
    /// Text for the snippet, cut to [`SNIPPET_SOURCE`] characters.
    pub text: String,
}

/// A document as the build describes it, before indexing.
pub struct DocInput {
    pub doc: Doc,
    /// The lesson (or glossary) title: words here rank highest.
    pub lesson_title: String,
    /// The full text, indexed in its entirety even though only a part is kept.
    pub body: String,
}

/// The index: sorted folded words, each with the documents it appears in and a weight.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SearchIndex {
    pub docs: Vec<Doc>,
    /// Folded words, sorted, each once.
    pub words: Vec<String>,
    /// For each word: flat pairs of (doc index, weight).
    pub postings: Vec<Vec<u32>>,
}

impl SearchIndex {
    /// Reads the search index file (as `tpm-site` writes it with serde).
    pub fn from_json(text: &str) -> Result<SearchIndex, String> {
        let v = Json::parse(text)?;
        let doc = |d: &Json| {
            let kind = match d.get("kind").and_then(Json::as_str) {
                Some("section") => DocKind::Section,
                Some("term") => DocKind::Term,
                Some("question") => DocKind::Question,
                _ => return Err("a document's \"kind\" is unknown".to_string()),
            };
            Ok(Doc {
                kind,
                target: d.text("target")?,
                anchor: d.text("anchor")?,
                title: d.text("title")?,
                text: d.text("text")?,
            })
        };
        let word = |w: &Json| {
            w.as_str()
                .map(str::to_string)
                .ok_or_else(|| "a word is not text".to_string())
        };
        let posting = |p: &Json| {
            let numbers = p.as_array().ok_or("a posting is not a list")?;
            numbers
                .iter()
                .map(|n| {
                    n.as_u64()
                        .map(|n| n as u32)
                        .ok_or_else(|| "a posting holds something else than numbers".to_string())
                })
                .collect()
        };
        Ok(SearchIndex {
            docs: v.list("docs", doc)?,
            words: v.list("words", word)?,
            postings: v.list("postings", posting)?,
        })
    }
}

/// A ranked result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub doc: usize,
    pub score: u32,
}

/// A piece of a snippet: text, highlighted or not.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub text: String,
    pub highlight: bool,
}

impl SearchIndex {
    /// Builds the index from every document of the course.
    pub fn build(inputs: Vec<DocInput>) -> SearchIndex {
        let mut weights: std::collections::BTreeMap<String, std::collections::BTreeMap<u32, u32>> =
            Default::default();
        let mut docs = Vec::with_capacity(inputs.len());
        for (i, input) in inputs.into_iter().enumerate() {
            let i = i as u32;
            let mut add = |text: &str, weight: u32| {
                for word in words(text) {
                    let entry = weights.entry(word).or_default().entry(i).or_insert(0);
                    // Repeats count, but a body cannot outweigh a title by repetition alone.
                    *entry = (*entry + weight).min(TITLE_WEIGHT * 2);
                }
            };
            add(&input.lesson_title, TITLE_WEIGHT);
            add(&input.doc.title, HEADING_WEIGHT);
            add(&input.body, BODY_WEIGHT);
            let mut doc = input.doc;
            doc.text = cut(&input.body, SNIPPET_SOURCE);
            docs.push(doc);
        }
        let mut index = SearchIndex {
            docs,
            ..Default::default()
        };
        for (word, postings) in weights {
            index.words.push(word);
            index
                .postings
                .push(postings.into_iter().flat_map(|(d, w)| [d, w]).collect());
        }
        index
    }

    /// The best results for a query, best first; at most `limit`.
    pub fn query(&self, query: &str, limit: usize) -> Vec<Hit> {
        let tokens = words(query);
        if tokens.is_empty() {
            return Vec::new();
        }
        // Scores per document, dense (a few hundred documents): 0 means "not a match".
        let n = self.docs.len();
        let mut total: Option<Vec<u32>> = None;
        for token in &tokens {
            let mut scores = vec![0u32; n];
            let start = self.words.partition_point(|w| w.as_str() < token.as_str());
            for (w, postings) in self.words[start..]
                .iter()
                .zip(&self.postings[start..])
                .take_while(|(w, _)| w.starts_with(token.as_str()))
            {
                // A whole word is a better match than the start of a longer one.
                let exact = if w == token { 2 } else { 1 };
                for pair in postings.chunks_exact(2) {
                    if let Some(s) = scores.get_mut(pair[0] as usize) {
                        *s = (*s).max(pair[1] * exact);
                    }
                }
            }
            // Every token must match: a document missing one drops out.
            total = Some(match total {
                None => scores,
                Some(mut acc) => {
                    for (a, s) in acc.iter_mut().zip(&scores) {
                        *a = if *a == 0 || *s == 0 { 0 } else { *a + s };
                    }
                    acc
                }
            });
        }
        // Best score first, then the document index (which breaks every tie), through the
        // model's one sort.
        let mut order: Vec<(u64, usize)> = total
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .filter(|&(_, score)| score > 0)
            .map(|(doc, score)| (u64::from(u32::MAX - score), doc))
            .collect();
        crate::model::sort::sort(&mut order);
        order.truncate(limit);
        order
            .into_iter()
            .map(|(key, doc)| Hit {
                doc,
                score: u32::MAX - key as u32,
            })
            .collect()
    }
}

/// The folded words of a text: lowercase, accents removed, split on anything not a letter or digit.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            fold_into(c, &mut word);
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Lowercases a character and removes its accent, for the Latin letters a course is likely to use.
fn fold_into(c: char, out: &mut String) {
    let folded = match c.to_lowercase().next().unwrap_or(c) {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        other => {
            out.push(other);
            return;
        }
    };
    out.push_str(folded);
}

/// A snippet of `text` around the first word matching a query word, with matches highlighted.
pub fn snippet(text: &str, query: &str, width: usize) -> Vec<Segment> {
    let tokens = words(query);
    let matches = |word: &str| {
        let folded = words(word).concat();
        !folded.is_empty() && tokens.iter().any(|t| folded.starts_with(t.as_str()))
    };
    // Split into runs of word characters and runs of the rest, keeping byte positions.
    let mut runs: Vec<(usize, &str, bool)> = Vec::new();
    let mut start = 0;
    let mut in_word = None;
    for (i, c) in text.char_indices() {
        let w = c.is_alphanumeric();
        if in_word != Some(w) {
            if let Some(prev) = in_word {
                runs.push((start, &text[start..i], prev));
            }
            start = i;
            in_word = Some(w);
        }
    }
    if let Some(prev) = in_word {
        runs.push((start, &text[start..], prev));
    }
    let first = runs
        .iter()
        .position(|(_, s, w)| *w && matches(s))
        .unwrap_or(0);
    // Start a little before the first match, at a word boundary.
    let mut from = first;
    let mut before = 0;
    while from > 0 && before + runs[from - 1].1.chars().count() < width / 4 {
        from -= 1;
        before += runs[from].1.chars().count();
    }
    while from < first && !runs[from].2 {
        from += 1;
    }
    let mut segments: Vec<Segment> = Vec::new();
    let mut used = 0;
    if from > 0 {
        segments.push(Segment {
            text: "…".into(),
            highlight: false,
        });
    }
    let mut cut_short = false;
    for (_, s, is_word) in &runs[from..] {
        if used >= width {
            cut_short = true;
            break;
        }
        used += s.chars().count();
        let highlight = *is_word && matches(s);
        match segments.last_mut() {
            Some(last) if !last.highlight && !highlight => last.text.push_str(s),
            _ => segments.push(Segment {
                text: s.to_string(),
                highlight,
            }),
        }
    }
    if cut_short {
        segments.push(Segment {
            text: "…".into(),
            highlight: false,
        });
    }
    segments
}

/// The first `max` characters of a text, cut at a word boundary.
fn cut(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let end = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let end = text[..end].rfind(' ').unwrap_or(end);
    text[..end].to_string()
}

/// Where the search index is, as the dialog tells the learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexState<'a> {
    /// Not fetched yet (it is fetched when the dialog first opens).
    Loading,
    /// It could not be fetched or read: why.
    Failed(&'a str),
    Ready,
}

/// The sentence under the search field: what to type, what was found, how to choose.
pub fn status(query: &str, index: IndexState, hits: usize) -> String {
    let q = query.trim();
    match index {
        IndexState::Loading if !q.is_empty() => "Loading the search index…".to_string(),
        IndexState::Failed(e) => format!("Search is not available: {e}."),
        _ if q.is_empty() => "Type a word, or the start of one: \"depend\" finds \"dependency\".".into(),
        _ => match hits {
            0 => format!("Nothing found for \"{q}\". Try fewer words, the start of a word, or browse the glossary."),
            1 => "1 result. Use the up and down arrows to choose and Enter to open.".into(),
            n => format!("{n} results. Use the up and down arrows to choose and Enter to open."),
        },
    }
}

/// The result chosen after an arrow key: down goes to the next, up to the previous, both
/// wrapping around. `count` is at least 1.
pub fn step(active: usize, count: usize, down: bool) -> usize {
    if down {
        (active + 1) % count
    } else {
        (active + count - 1) % count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(title: &str, heading: &str, body: &str) -> DocInput {
        DocInput {
            doc: Doc {
                kind: DocKind::Section,
                target: title.to_lowercase(),
                anchor: String::new(),
                title: heading.into(),
                text: String::new(),
            },
            lesson_title: title.into(),
            body: body.into(),
        }
    }

    fn index() -> SearchIndex {
        SearchIndex::build(vec![
            input(
                "Estimation",
                "Ranges",
                "Teams estimate with ranges. Dependencies add risk.",
            ),
            input(
                "Dependencies and the Critical Path",
                "Finding them",
                "Ask every lead.",
            ),
            input(
                "Retrospectives",
                "Formats",
                "A café-style retro; Résumé of the program.",
            ),
        ])
    }

    fn check(query: &str, expected: &[usize]) {
        let hits: Vec<usize> = index().query(query, 10).iter().map(|h| h.doc).collect();
        assert_eq!(hits, expected, "query {query:?}");
    }

    #[test]
    fn a_prefix_finds_the_whole_word() {
        check("depend", &[1, 0]);
        check("estim", &[0]);
    }

    #[test]
    fn matching_ignores_case_and_accents() {
        check("CRITICAL", &[1]);
        check("cafe", &[2]);
        check("résumé", &[2]);
        check("RESUME", &[2]);
    }

    #[test]
    fn a_title_match_beats_a_body_match() {
        let hits = index().query("dependencies", 10);
        assert_eq!(hits[0].doc, 1, "title match first");
        assert!(hits[0].score > hits[1].score);
    }

    #[test]
    fn every_word_must_match() {
        check("ranges risk", &[0]);
        check("ranges lead", &[]);
        check("xyzzy", &[]);
        check("  ", &[]);
    }

    #[test]
    fn snippets_highlight_matches() {
        let segments = snippet(
            "Teams estimate with ranges. Dependencies add risk.",
            "depend",
            120,
        );
        let marked: Vec<&str> = segments
            .iter()
            .filter(|s| s.highlight)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, ["Dependencies"]);
        let all: String = segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(all, "Teams estimate with ranges. Dependencies add risk.");
        let long = "word ".repeat(100) + "target here";
        let cut = snippet(&long, "target", 40);
        assert!(cut.first().unwrap().text.starts_with('…'));
        assert!(cut.iter().any(|s| s.highlight && s.text == "target"));
    }

    #[test]
    fn the_index_keeps_a_short_text_but_indexes_all_of_it() {
        let long = format!("{} needle", "hay ".repeat(400));
        let index = SearchIndex::build(vec![input("T", "H", &long)]);
        assert!(index.docs[0].text.chars().count() <= SNIPPET_SOURCE);
        assert_eq!(index.query("needle", 5).len(), 1);
    }

    #[test]
    fn the_status_says_what_to_do_next() {
        use super::{status, step, IndexState};
        assert_eq!(
            status("", IndexState::Loading, 0),
            "Type a word, or the start of one: \"depend\" finds \"dependency\"."
        );
        assert_eq!(
            status("risk", IndexState::Loading, 0),
            "Loading the search index…"
        );
        assert_eq!(
            status("risk", IndexState::Failed("offline"), 0),
            "Search is not available: offline."
        );
        assert_eq!(status(" zz ", IndexState::Ready, 0), "Nothing found for \"zz\". Try fewer words, the start of a word, or browse the glossary.");
        assert_eq!(
            status("risk", IndexState::Ready, 1),
            "1 result. Use the up and down arrows to choose and Enter to open."
        );
        assert_eq!(
            status("risk", IndexState::Ready, 7),
            "7 results. Use the up and down arrows to choose and Enter to open."
        );
        assert_eq!(
            (
                step(0, 3, true),
                step(2, 3, true),
                step(0, 3, false),
                step(1, 3, false)
            ),
            (1, 0, 2, 0)
        );
    }
}
