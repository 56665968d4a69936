//! Every content mistake the build catches, with its exact message.

use super::*;

const COURSE: &str = r#"id = "t"
title = "T"
description = "D"

[[module]]
slug = "m"
title = "M"
lessons = ["a", "b"]
"#;

const GLOSSARY: &str = r#"[[term]]
id = "critical-path"
term = "critical path"
definition = "The longest chain of dependent work."
"#;

const QUIZ: &str = r#"```quiz
title = "Q"

[[question]]
id = "q1"
kind = "single"
prompt = "Which?"
explanation = "Because."

[[question.choice]]
text = "This"
correct = true
explanation = "Yes."

[[question.choice]]
text = "That"
explanation = "No."
```
"#;

fn lesson(title: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\nsubtitle = \"S\"\nminutes = 3\n+++\n\n{body}")
}

/// The files of a small valid course, with `edit` applied.
fn course_with(edit: impl FnOnce(&mut Files)) -> Files {
    let mut files = Files::new();
    files.insert("content/course.toml".into(), COURSE.into());
    files.insert("content/glossary/planning.toml".into(), GLOSSARY.into());
    files.insert(
        "content/lessons/a.md".into(),
        lesson(
            "A",
            &format!("Intro with the [critical path](term:critical-path).\n\n## Key takeaways\n\n- One.\n\n{QUIZ}"),
        ),
    );
    files.insert(
        "content/lessons/b.md".into(),
        lesson("B", "See [lesson A](a.md#key-takeaways).\n"),
    );
    edit(&mut files);
    files
}

/// Parses `files` and asserts the exact list of error messages.
fn check(files: Files, expected: &[&str]) {
    let errors: Vec<String> = match parse(&files) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    };
    assert_eq!(errors, expected);
}

fn replace(files: &mut Files, path: &str, from: &str, to: &str) {
    let text = files.get_mut(path).unwrap();
    assert!(text.contains(from), "{path} has no {from:?}");
    *text = text.replacen(from, to, 1);
}

#[test]
fn a_valid_course_parses_and_renders() {
    let site = parse(&course_with(|_| {})).unwrap();
    let a = &site.lessons["a"];
    assert_eq!(a.title, "A");
    assert!(a.has_takeaways);
    assert!(a.terms.contains("critical-path"));
    assert!(a.lesson.html.contains("class=\"term-button\""));
    assert!(a
        .lesson
        .html
        .contains("The longest chain of dependent work."));
    assert!(a
        .lesson
        .html
        .contains("<aside class=\"takeaways\" aria-labelledby=\"key-takeaways\">"));
    let quiz = a.lesson.quiz.as_ref().unwrap();
    assert_eq!(quiz.questions[0].choices.len(), 2);
    assert!(
        !a.lesson.html.contains("quiz"),
        "the quiz block is not in the body"
    );
    let b = &site.lessons["b"];
    assert!(b
        .lesson
        .html
        .contains("<a href=\"lessons/a/#key-takeaways\">lesson A</a>"));
    assert!(site.outline_rust().contains("slug: \"b\""));
    assert!(site.lesson_file("a").starts_with("lessons/a."));
}

#[test]
fn callouts_become_asides() {
    let site = parse(&course_with(|f| {
        replace(
            f,
            "content/lessons/b.md",
            "See",
            "> [!WARNING]\n> Careful.\n\nSee",
        );
    }))
    .unwrap();
    let html = &site.lessons["b"].lesson.html;
    assert!(html.contains("<aside class=\"callout callout-warning\" aria-label=\"Warning\">"));
    assert!(site.lessons["b"].has_callout);
}

#[test]
fn table_column_alignment_is_a_class_not_a_style() {
    let site = parse(&course_with(|f| {
        replace(
            f,
            "content/lessons/b.md",
            "See",
            "| Risk | Owner | Score |\n| :--- | --- | ---: |\n| Slip | Ana | 12 |\n\nSee",
        );
    }))
    .unwrap();
    let html = &site.lessons["b"].lesson.html;
    assert!(
        html.contains("<thead><tr><th class=\"align-left\">Risk</th><th>Owner</th><th class=\"align-right\">Score</th></tr></thead>"),
        "{html}"
    );
    assert!(
        html.contains("<tr><td class=\"align-left\">Slip</td><td>Ana</td><td class=\"align-right\">12</td></tr>"),
        "{html}"
    );
    // The content security policy blocks inline styles.
    assert!(!html.contains("style="), "{html}");
}

#[test]
fn a_listed_lesson_without_a_file() {
    check(
        course_with(|f| {
            f.remove("content/lessons/b.md");
        }),
        &["content/course.toml:8: lesson \"b\" has no file; create content/lessons/b.md or remove it from the list"],
    );
}

#[test]
fn a_lesson_file_not_in_the_course() {
    check(
        course_with(|f| {
            f.insert("content/lessons/stray.md".into(), lesson("S", "Text.\n"));
        }),
        &["content/lessons/stray.md:1: lesson \"stray\" is not in content/course.toml; add it to a module's lessons, or delete the file"],
    );
}

#[test]
fn a_lesson_listed_twice() {
    check(
        course_with(|f| {
            replace(
                f,
                "content/course.toml",
                "[\"a\", \"b\"]",
                "[\"a\",\n  \"b\",\n  \"a\"]",
            );
        }),
        &["content/course.toml:10: lesson \"a\" is listed twice (first at line 8)"],
    );
}

#[test]
fn a_lesson_slug_that_is_not_a_slug() {
    check(
        course_with(|f| {
            replace(f, "content/course.toml", "\"b\"]", "\"B_2\"]");
            let b = f.remove("content/lessons/b.md").unwrap();
            f.insert("content/lessons/B_2.md".into(), b);
        }),
        &["content/course.toml:8: lesson \"B_2\": a slug is lowercase letters, digits and hyphens"],
    );
}

/// Adds `former_slugs = <list>` to a lesson's front matter, as line 5 of its file.
fn with_former_slugs(f: &mut Files, path: &str, list: &str) {
    replace(
        f,
        path,
        "minutes = 3\n",
        &format!("minutes = 3\nformer_slugs = {list}\n"),
    );
}

#[test]
fn former_slugs_are_in_the_outline() {
    let site = parse(&course_with(|f| {
        with_former_slugs(f, "content/lessons/b.md", "[\"old-b\", \"older-b\"]");
    }))
    .unwrap();
    assert_eq!(site.lessons["b"].former_slugs, ["old-b", "older-b"]);
    let outline = site.outline_rust();
    assert!(
        outline.contains("former: &[\"old-b\", \"older-b\"] }"),
        "{outline}"
    );
    assert!(outline.contains("slug: \"a\", ") && outline.contains("former: &[] }"));
}

#[test]
fn a_former_slug_that_is_a_current_slug() {
    check(
        course_with(|f| with_former_slugs(f, "content/lessons/b.md", "[\"a\", \"b\"]")),
        &[
            "content/lessons/b.md:5: front matter: former slug \"a\" is the slug of content/lessons/a.md; a URL leads to one lesson, so remove it from former_slugs",
            "content/lessons/b.md:5: front matter: former slug \"b\" is the slug of content/lessons/b.md; a URL leads to one lesson, so remove it from former_slugs",
        ],
    );
}

#[test]
fn a_former_slug_claimed_twice() {
    check(
        course_with(|f| {
            with_former_slugs(f, "content/lessons/a.md", "[\"old\"]");
            with_former_slugs(f, "content/lessons/b.md", "[\n  \"older\",\n  \"old\",\n]");
        }),
        &["content/lessons/b.md:7: front matter: former slug \"old\" is already claimed at content/lessons/a.md:5; a URL leads to one lesson, so keep it in one lesson's former_slugs"],
    );
}

#[test]
fn a_former_slug_that_is_not_a_slug() {
    check(
        course_with(|f| with_former_slugs(f, "content/lessons/b.md", "[\"Old Name\", \"\"]")),
        &[
            "content/lessons/b.md:5: front matter: former slug \"Old Name\": a slug is lowercase letters, digits and hyphens",
            "content/lessons/b.md:5: front matter: former slug \"\": a slug is lowercase letters, digits and hyphens",
        ],
    );
}

#[test]
fn a_question_id_used_twice() {
    check(
        course_with(|f| {
            replace(f, "content/lessons/b.md", "See", &format!("See\n\n{QUIZ}\n"));
            replace(f, "content/lessons/b.md", "Which?", "Which one?");
        }),
        &["content/lessons/b.md:13: question id \"q1\" is already used at content/lessons/a.md:17; ids are unique across the course"],
    );
}

#[test]
fn a_question_with_no_correct_choice() {
    check(
        course_with(|f| replace(f, "content/lessons/a.md", "correct = true\n", "")),
        &["content/lessons/a.md:17: question \"q1\": no choice is correct; mark one with correct = true"],
    );
}

#[test]
fn a_single_choice_question_with_several_correct() {
    check(
        course_with(|f| {
            replace(f, "content/lessons/a.md", "text = \"That\"\n", "text = \"That\"\ncorrect = true\n")
        }),
        &["content/lessons/a.md:17: question \"q1\": it is single choice but 2 choices are correct; mark one, or use kind = \"multiple\""],
    );
}

#[test]
fn a_question_with_one_choice() {
    let one_choice = course_with(|f| {
        let text = f.get_mut("content/lessons/a.md").unwrap();
        let cut = text.find("\n[[question.choice]]\ntext = \"That\"").unwrap();
        let end = text.find("```\n").unwrap();
        text.replace_range(cut..end, "\n");
    });
    check(
        one_choice,
        &["content/lessons/a.md:17: question \"q1\": it has 1 choice(s); a question needs at least two"],
    );
}

#[test]
fn an_unknown_question_kind() {
    check(
        course_with(|f| replace(f, "content/lessons/a.md", "kind = \"single\"", "kind = \"several\"")),
        &["content/lessons/a.md:17: question \"q1\": kind is \"several\"; use \"single\" or \"multiple\""],
    );
}

#[test]
fn a_choice_without_explanation() {
    check(
        course_with(|f| {
            replace(
                f,
                "content/lessons/a.md",
                "explanation = \"No.\"",
                "explanation = \"\"",
            )
        }),
        &["content/lessons/a.md:28: question \"q1\": every choice needs an explanation"],
    );
}

#[test]
fn malformed_front_matter() {
    check(
        course_with(|f| {
            replace(
                f,
                "content/lessons/a.md",
                "minutes = 3",
                "minutes = \"three\"",
            )
        }),
        &["content/lessons/a.md:4: front matter: invalid type: string \"three\", expected u32"],
    );
    check(
        course_with(|f| replace(f, "content/lessons/a.md", "subtitle = \"S\"\n", "")),
        &["content/lessons/a.md:2: front matter: missing field `subtitle`"],
    );
    check(
        course_with(|f| {
            f.insert("content/lessons/b.md".into(), "No front matter.\n".into());
        }),
        &["content/lessons/b.md:1: a lesson starts with front matter between +++ lines: title, subtitle and minutes"],
    );
}

#[test]
fn a_malformed_quiz() {
    check(
        course_with(|f| {
            replace(
                f,
                "content/lessons/a.md",
                "prompt = \"Which?\"",
                "prompt = Which?",
            )
        }),
        &["content/lessons/a.md:19: quiz: string values must be quoted, expected literal string"],
    );
    check(
        course_with(|f| replace(f, "content/lessons/a.md", "prompt = \"Which?\"\n", "")),
        &["content/lessons/a.md:16: quiz: missing field `prompt`"],
    );
}

#[test]
fn a_glossary_term_that_is_not_defined() {
    check(
        course_with(|f| replace(f, "content/lessons/b.md", "See", "The [slack](term:slack).\n\nSee")),
        &["content/lessons/b.md:7: glossary term \"slack\" is not defined; add a [[term]] with id = \"slack\" to a file in content/glossary/"],
    );
}

/// `b.md`'s body with its link (line 7) replaced by `link`, in a course that also has a
/// template and a figure.
fn with_link(link: &str) -> Files {
    course_with(|f| {
        f.insert(
            "content/templates/raid-log.md".into(),
            "# RAID log\n".into(),
        );
        f.insert("content/figures/chain.svg".into(), FIGURE.into());
        replace(
            f,
            "content/lessons/b.md",
            "(a.md#key-takeaways)",
            &format!("({link})"),
        );
    })
}

/// The href that `link`, written in `b.md`, renders to.
fn href_of(link: &str) -> String {
    let site = parse(&with_link(link)).unwrap();
    let html = &site.lessons["b"].lesson.html;
    let start = html.find("<a href=\"").expect("a link") + "<a href=\"".len();
    html[start..start + html[start..].find('"').unwrap()].to_string()
}

#[test]
fn links_render_relative_to_the_base() {
    for (link, href) in [
        ("a.md", "lessons/a/"),
        ("a.md#key-takeaways", "lessons/a/#key-takeaways"),
        ("./a.md#key-takeaways", "lessons/a/#key-takeaways"),
        ("../lessons/a.md#key-takeaways", "lessons/a/#key-takeaways"),
        ("../templates/raid-log.md", "templates/raid-log.md"),
        ("../figures/chain.svg", "figures/chain.svg"),
        ("https://example.org/a.md", "https://example.org/a.md"),
        ("mailto:pmo@example.org", "mailto:pmo@example.org"),
    ] {
        assert_eq!(href_of(link), href, "{link}");
    }
}

#[test]
fn a_section_of_the_same_lesson_is_a_link_to_the_lesson() {
    let site = parse(&course_with(|f| {
        replace(
            f,
            "content/lessons/a.md",
            "Intro with",
            "Intro ([the summary](#key-takeaways)) with",
        );
    }))
    .unwrap();
    let html = &site.lessons["a"].lesson.html;
    // A bare `#section` would lead to the home page under `<base href>`.
    assert!(
        html.contains("<a href=\"lessons/a/#key-takeaways\">the summary</a>"),
        "{html}"
    );
}

#[test]
fn a_linked_figure_is_a_file_of_the_site_and_a_shown_one_is_not() {
    let site = parse(&with_link("../figures/chain.svg")).unwrap();
    assert_eq!(site.figure_files.keys().collect::<Vec<_>>(), ["chain.svg"]);
    assert_eq!(site.figure_files["chain.svg"], FIGURE.trim());
    let shown = parse(&with_figure(FIGURE, "![A chain](figures/chain.svg)")).unwrap();
    assert!(shown.figure_files.is_empty());
}

#[test]
fn a_link_to_a_missing_file() {
    check(
        with_link("aa.md#key-takeaways"),
        &["content/lessons/b.md:7: link to \"aa.md#key-takeaways\": no lesson, template or figure of the course is at content/lessons/aa.md; did you mean \"a.md\"?"],
    );
    check(
        with_link("zz.md"),
        &["content/lessons/b.md:7: link to \"zz.md\": no lesson, template or figure of the course is at content/lessons/zz.md; link to a lesson (\"other.md\"), a template (\"../templates/name.md\") or a figure (\"../figures/name.svg\")"],
    );
}

#[test]
fn a_link_to_a_missing_section_of_another_lesson() {
    check(
        with_link("a.md#takeaways"),
        &["content/lessons/b.md:7: link to \"a.md#takeaways\": content/lessons/a.md has no heading with id \"takeaways\"; use one of its headings, closest first: \"#key-takeaways\""],
    );
}

#[test]
fn a_link_to_a_missing_section_of_the_same_lesson() {
    check(
        course_with(|f| {
            replace(
                f,
                "content/lessons/a.md",
                "## Key takeaways",
                "## Scope\n\nSee [the risks](#risk).\n\n## Risks\n\n## Risks\n\n## Key takeaways",
            )
        }),
        // The two "Risks" headings have the ids `risks` and `risks-2`.
        &["content/lessons/a.md:11: link to \"#risk\": this lesson has no heading with id \"risk\"; use one of its headings, closest first: \"#risks\", \"#risks-2\", \"#scope\""],
    );
}

#[test]
fn a_section_link_to_a_lesson_without_headings() {
    check(
        course_with(|f| {
            replace(f, "content/lessons/a.md", "Intro with", "Intro ([B](b.md#start)) with")
        }),
        &["content/lessons/a.md:7: link to \"b.md#start\": content/lessons/b.md has no heading with id \"start\"; it has no headings: link to the lesson without \"#start\""],
    );
}

#[test]
fn a_lessons_link_written_from_the_lessons_folder() {
    check(
        with_link("../lessons/aa.md"),
        &["content/lessons/b.md:7: link to \"../lessons/aa.md\": no lesson, template or figure of the course is at content/lessons/aa.md; did you mean \"a.md\"?"],
    );
    check(
        with_link("../lessons/a.md#key"),
        &["content/lessons/b.md:7: link to \"../lessons/a.md#key\": content/lessons/a.md has no heading with id \"key\"; use one of its headings, closest first: \"#key-takeaways\""],
    );
}

#[test]
fn a_templates_link() {
    check(
        with_link("../templates/raid-logs.md"),
        &["content/lessons/b.md:7: link to \"../templates/raid-logs.md\": no lesson, template or figure of the course is at content/templates/raid-logs.md; did you mean \"../templates/raid-log.md\"?"],
    );
    check(
        with_link("../templates/raid-log.md#owners"),
        &["content/lessons/b.md:7: link to \"../templates/raid-log.md#owners\": a template is a file to download, with no sections to link to; remove \"#owners\", or link to a lesson's section"],
    );
}

#[test]
fn a_figure_link() {
    // Images are written from content/ (`figures/x.svg`), links from their own file.
    check(
        with_link("figures/chain.svg"),
        &["content/lessons/b.md:7: link to \"figures/chain.svg\": no lesson, template or figure of the course is at content/lessons/figures/chain.svg; did you mean \"../figures/chain.svg\"?"],
    );
    check(
        with_link("../figures/chain.svg#top"),
        &["content/lessons/b.md:7: link to \"../figures/chain.svg#top\": a figure is an image, with no sections to link to; remove \"#top\""],
    );
}

#[test]
fn a_link_that_leaves_content() {
    check(
        with_link("../../README.md"),
        &["content/lessons/b.md:7: link to \"../../README.md\" leaves content/; link to a lesson (\"other.md\"), a template (\"../templates/name.md\") or a figure (\"../figures/name.svg\")"],
    );
    check(
        with_link("../glossary/planning.toml"),
        &["content/lessons/b.md:7: link to \"../glossary/planning.toml\": no lesson, template or figure of the course is at content/glossary/planning.toml; link to a lesson (\"other.md\"), a template (\"../templates/name.md\") or a figure (\"../figures/name.svg\")"],
    );
}

#[test]
fn an_absolute_or_empty_link() {
    check(
        with_link("/lessons/a/"),
        &["content/lessons/b.md:7: link to \"/lessons/a/\" starts with \"/\", which breaks when the site is served under a sub-path; link to the file, relative to this one: a lesson (\"other.md\"), a template (\"../templates/name.md\") or a figure (\"../figures/name.svg\")"],
    );
    check(
        with_link(""),
        &["content/lessons/b.md:7: a link with no target; link to a lesson (\"other.md\"), a template (\"../templates/name.md\") or a figure (\"../figures/name.svg\")"],
    );
}

#[test]
fn links_in_a_template_are_checked_from_its_folder() {
    check(
        course_with(|f| {
            f.insert(
                "content/templates/raid-log.md".into(),
                "# RAID log\n\nSee [A](../lessons/a.md#key-takeaways), [the log](raid-log.md)\nand [A](../lessons/a.md#risks) or [B](b.md).\n".into(),
            );
        }),
        &[
            "content/templates/raid-log.md:4: link to \"b.md\": no lesson, template or figure of the course is at content/templates/b.md; did you mean \"../lessons/b.md\"?",
            "content/templates/raid-log.md:4: link to \"../lessons/a.md#risks\": content/lessons/a.md has no heading with id \"risks\"; use one of its headings, closest first: \"#key-takeaways\"",
        ],
    );
}

#[test]
fn every_broken_link_is_reported_at_once() {
    check(
        course_with(|f| {
            replace(f, "content/lessons/a.md", "Intro with", "Intro ([x](x.md), [y](#y)) with");
            replace(f, "content/lessons/b.md", "a.md#key-takeaways", "a.md#nope");
        }),
        &[
            "content/lessons/a.md:7: link to \"x.md\": no lesson, template or figure of the course is at content/lessons/x.md; did you mean \"a.md\"?",
            "content/lessons/a.md:7: link to \"#y\": this lesson has no heading with id \"y\"; use one of its headings, closest first: \"#key-takeaways\"",
            "content/lessons/b.md:7: link to \"a.md#nope\": content/lessons/a.md has no heading with id \"nope\"; use one of its headings, closest first: \"#key-takeaways\"",
        ],
    );
}

#[test]
fn links_in_quiz_text_are_refused() {
    check(
        course_with(|f| replace(f, "content/lessons/a.md", "prompt = \"Which?\"", "prompt = \"Which [part](../figures/x.svg)?\"")),
        &["content/lessons/a.md:17: question \"q1\": glossary terms and links to lessons, templates or figures belong in the lesson body, not in quiz or glossary text"],
    );
}

#[test]
fn raw_html_and_title_headings_are_refused() {
    check(
        course_with(|f| replace(f, "content/lessons/b.md", "See", "# Title\n\n<div>x</div>\n\nSee")),
        &[
            "content/lessons/b.md:7: a lesson body has no `#` heading: the title comes from the front matter; use `##` for sections",
            "content/lessons/b.md:9: raw HTML is not allowed in lessons; write it in Markdown",
        ],
    );
}

#[test]
fn errors_in_course_toml_name_their_line() {
    check(
        course_with(|f| replace(f, "content/course.toml", "title = \"M\"\n", "title = \"M\"\nicon = \"red\"\n")),
        &["content/course.toml:8: unknown field `icon`, expected one of `slug`, `title`, `lessons`"],
    );
}

#[test]
fn the_same_question_twice_is_refused() {
    check(
        course_with(|f| {
            replace(
                f,
                "content/lessons/b.md",
                "See",
                &format!("See\n\n{QUIZ}\n"),
            );
            replace(f, "content/lessons/b.md", "id = \"q1\"", "id = \"q2\"");
        }),
        &["content/lessons/b.md:13: question \"q2\" asks the same as content/lessons/a.md:17"],
    );
}

#[test]
fn a_term_defined_in_two_glossary_files() {
    check(
        course_with(|f| {
            f.insert("content/glossary/more.toml".into(), GLOSSARY.into());
        }),
        &["content/glossary/planning.toml:2: term \"critical-path\" is already defined in content/glossary/more.toml"],
    );
}

/// Stored answers are keyed by these hashes: if they changed, every learner's answers would
/// turn stale. Values computed independently (FNV-1a, 64 bits).
#[test]
fn content_hashes_are_pinned() {
    assert_eq!(fnv_hex(b""), "cbf29ce484222325");
    assert_eq!(fnv_hex(b"tpm-course"), "985aa743ce131066");
    let site = parse(&course_with(|_| {})).unwrap();
    let question = &site.lessons["a"].lesson.quiz.as_ref().unwrap().questions[0];
    // FNV-1a of "Which?" \u{1f} "This" "1" \u{1f} "That" "0", first 8 hex digits.
    assert_eq!(question.hash, "70eb7e11");
}

const FIGURE: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 200\"><title>A chain</title><rect class=\"fig-soft\" width=\"10\" height=\"10\"/></svg>\n";

fn with_figure(svg: &str, markdown: &str) -> Files {
    course_with(|f| {
        f.insert("content/figures/chain.svg".into(), svg.into());
        replace(
            f,
            "content/lessons/b.md",
            "See",
            &format!("{markdown}\n\nSee"),
        );
    })
}

#[test]
fn a_figure_is_inlined_with_its_alt_text_and_caption() {
    let site = parse(&with_figure(
        FIGURE,
        "![A chain of three tasks](figures/chain.svg \"The chain\")",
    ))
    .unwrap();
    let html = &site.lessons["b"].lesson.html;
    assert!(html.contains("<figure class=\"figure\"><svg class=\"figure-svg\" role=\"img\" aria-label=\"A chain of three tasks\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 200\"><title>A chain</title>"), "{html}");
    assert!(
        html.contains("</svg><figcaption>The chain</figcaption></figure>"),
        "{html}"
    );
    assert!(!html.contains("<p><figure"), "{html}");
}

#[test]
fn a_figure_without_alt_text_is_refused() {
    check(
        with_figure(FIGURE, "![](figures/chain.svg)"),
        &["content/lessons/b.md:7: figure \"figures/chain.svg\" has no alt text; say what it shows: ![what the figure shows](figures/chain.svg)"],
    );
}

#[test]
fn a_missing_figure_is_refused() {
    check(
        with_figure(FIGURE, "![A chain](figures/chains.svg)"),
        &["content/lessons/b.md:7: figure \"figures/chains.svg\" does not exist; figures are SVG files in content/figures/, written as ![alt text](figures/name.svg)"],
    );
}

#[test]
fn a_figure_inside_a_sentence_is_refused() {
    check(
        with_figure(FIGURE, "As ![a chain](figures/chain.svg) shows."),
        &["content/lessons/b.md:7: a figure stands alone in its paragraph: put ![alt text](figures/name.svg) on lines of its own"],
    );
}

#[test]
fn unsafe_or_unsized_svg_is_refused() {
    check(
        with_figure(
            "<svg viewBox=\"0 0 1 1\">\n<script>alert(1)</script></svg>",
            "![A](figures/chain.svg)",
        ),
        &["content/figures/chain.svg:2: a figure may not contain a script"],
    );
    check(
        with_figure(
            "<svg viewBox=\"0 0 1 1\"><rect onclick=\"x()\"/></svg>",
            "![A](figures/chain.svg)",
        ),
        &["content/figures/chain.svg:1: a figure may not contain an event handler (onclick=)"],
    );
    check(
        with_figure(
            "<svg viewBox=\"0 0 1 1\">\n<text font-style=\"italic\">a</text>\n<rect\n  style=\"fill:red\"/></svg>",
            "![A](figures/chain.svg)",
        ),
        &["content/figures/chain.svg:4: a figure may not contain a style attribute (use the fig-* classes, or attributes such as fill= and stroke-width=)"],
    );
    check(
        with_figure("<svg width=\"10\"><rect/></svg>", "![A](figures/chain.svg)"),
        &["content/figures/chain.svg:1: the <svg> element needs a viewBox, so the figure scales to the page without shifting it"],
    );
}

#[test]
fn a_template_is_shown_with_download_and_copy() {
    let files = course_with(|f| {
        f.insert(
            "content/templates/raid-log.md".into(),
            "# RAID log\n\n| Risk | Owner |\n".into(),
        );
        replace(
            f,
            "content/lessons/b.md",
            "See",
            "```template\nraid-log\n```\n\nSee",
        );
    });
    let site = parse(&files).unwrap();
    let html = &site.lessons["b"].lesson.html;
    assert!(
        html.contains("<span class=\"template-kind\">Template</span> RAID log</p>"),
        "{html}"
    );
    assert!(html.contains("<a class=\"button\" href=\"templates/raid-log.md\" download=\"raid-log.md\">Download (Markdown)</a>"), "{html}");
    assert!(
        html.contains("<code># RAID log\n\n| Risk | Owner |\n</code>"),
        "{html}"
    );
    assert_eq!(
        site.templates["raid-log"],
        "# RAID log\n\n| Risk | Owner |\n"
    );
}

#[test]
fn a_missing_template_is_refused() {
    check(
        course_with(|f| {
            f.insert("content/templates/raid-log.md".into(), "# RAID log\n".into());
            replace(f, "content/lessons/b.md", "See", "```template\nrisk-log\n```\n\nSee");
        }),
        &["content/lessons/b.md:7: template \"risk-log\" does not exist; add content/templates/risk-log.md, or name one of: raid-log"],
    );
}

#[test]
fn a_figure_that_starts_a_sentence_is_refused_once() {
    check(
        with_figure(FIGURE, "![a chain](figures/chain.svg) shows the order."),
        &["content/lessons/b.md:7: a figure stands alone in its paragraph: put ![alt text](figures/name.svg) on lines of its own"],
    );
}

/// A scenario file: six points in a line (each expert choice goes on, the other ends badly),
/// the last point's expert choice reaching the good ending.
fn scenario_file() -> String {
    let mut block = String::from("start = \"p1\"\n");
    for i in 1..=6 {
        let next = if i == 6 {
            "good".to_string()
        } else {
            format!("p{}", i + 1)
        };
        block.push_str(&format!(
            "\n[[point]]\nid = \"p{i}\"\nlessons = [\"a\"]\nsituation = \"\"\"\nThe [critical path](term:critical-path) slips.\n\"\"\"\n\n[[point.choice]]\ntext = \"Go on\"\nconsequence = \"It works.\"\nnext = \"{next}\"\nexpert = true\n\n[[point.choice]]\ntext = \"Stop\"\nconsequence = \"It fails.\"\nnext = \"bad\"\n"
        ));
    }
    block.push_str("\n[[ending]]\nid = \"good\"\ntitle = \"Shipped\"\ndebrief = \"Well done.\"\n\n[[ending]]\nid = \"bad\"\ntitle = \"Stopped\"\ndebrief = \"See [lesson A](../lessons/a.md).\"\n");
    format!("+++\ntitle = \"A slip\"\nsubtitle = \"S\"\nminutes = 5\nmodule = \"m\"\n+++\n\nYou run the program.\n\n```scenario\n{block}```\n")
}

#[test]
fn a_valid_scenario_parses_with_its_markdown_rendered() {
    let site = parse(&course_with(|f| {
        f.insert("content/scenarios/slip.md".into(), scenario_file());
    }))
    .unwrap();
    let entry = &site.scenarios["slip"];
    assert_eq!(entry.title, "A slip");
    assert_eq!(entry.module.as_deref(), Some("m"));
    let s = &entry.scenario;
    assert_eq!(s.intro, "<p>You run the program.</p>\n");
    assert_eq!(s.points.len(), 6);
    assert!(
        s.points[0].situation.contains("class=\"term-button\""),
        "{}",
        s.points[0].situation
    );
    assert_eq!(s.points[0].choices[0].text, "Go on");
    assert_eq!(s.points[0].lessons, vec!["a".to_string()]);
    assert!(
        s.endings[1]
            .debrief
            .contains("<a href=\"lessons/a/\">lesson A</a>"),
        "{}",
        s.endings[1].debrief
    );
    assert_eq!(
        s.expert_path().map(|(path, end)| (path.len(), end)),
        Some((6, 0))
    );
}

#[test]
fn every_scenario_mistake_is_reported_at_its_line() {
    let mut text = scenario_file();
    // Lines: front matter 1-6, the block opens at 10, each point takes 18 lines from its
    // [[point]] (p1 at 13, p2 at 31, p3 at 49); a choice is reported at its text.
    text = text.replacen("module = \"m\"", "module = \"nope\"", 1);
    text = text.replacen("next = \"p3\"", "next = \"p9\"", 1); // p2's expert choice
    text = text.replacen("lessons = [\"a\"]", "lessons = [\"a\", \"zz\"]", 1); // p1
    text = text.replacen("consequence = \"It fails.\"", "consequence = \"\"", 1); // p1
    text = text.replacen(
        "The [critical path](term:critical-path)",
        "The [flux](term:flux)",
        1,
    ); // p1
    check(
        course_with(|f| {
            f.insert("content/scenarios/slip.md".into(), text);
        }),
        &[
            "content/scenarios/slip.md:5: front matter: module \"nope\" is not in course.toml (leave module out for a capstone)",
            "content/scenarios/slip.md:15: point \"p1\": lesson \"zz\" is not in course.toml",
            "content/scenarios/slip.md:17: glossary term \"flux\" is not defined; add a [[term]] with id = \"flux\" to a file in content/glossary/",
            "content/scenarios/slip.md:27: point \"p1\", choice 2: it has no consequence; say what happens",
            "content/scenarios/slip.md:39: point \"p2\", choice 1: next is \"p9\", which is no point or ending of this scenario",
            // Cut off by the broken choice: p3 to p6 and the good ending.
            "content/scenarios/slip.md:50: point \"p3\" cannot be reached from the start; lead a choice to it or remove it",
            "content/scenarios/slip.md:68: point \"p4\" cannot be reached from the start; lead a choice to it or remove it",
            "content/scenarios/slip.md:86: point \"p5\" cannot be reached from the start; lead a choice to it or remove it",
            "content/scenarios/slip.md:104: point \"p6\" cannot be reached from the start; lead a choice to it or remove it",
            "content/scenarios/slip.md:122: ending \"good\" cannot be reached; lead a choice to it or remove it",
        ],
    );
}

#[test]
fn a_scenario_without_its_block_or_with_too_few_points_says_so() {
    let short = scenario_file().replacen("next = \"p2\"", "next = \"good\"", 1);
    let cut = short.find("\n[[point]]\nid = \"p2\"").unwrap();
    let end = short.find("\n[[ending]]").unwrap();
    let short = format!("{}{}", &short[..cut], &short[end..]);
    check(
        course_with(|f| {
            f.insert("content/scenarios/short.md".into(), short);
            f.insert(
                "content/scenarios/empty.md".into(),
                "+++\ntitle = \"E\"\nsubtitle = \"S\"\nminutes = 1\n+++\n\nNo block.\n".into(),
            );
            f.insert(
                "content/scenarios/Bad_Name.md".into(),
                "+++\ntitle = \"E\"\nsubtitle = \"S\"\nminutes = 1\n+++\n".into(),
            );
        }),
        &[
            "content/scenarios/Bad_Name.md:1: the file name: a slug is lowercase letters, digits and hyphens",
            "content/scenarios/empty.md:8: a scenario needs a ```scenario block with its decision points and endings",
            "content/scenarios/short.md:11: it has 1 decision point(s); a scenario needs at least 6",
        ],
    );
}

#[test]
fn a_scenario_loop_without_a_way_out_and_a_missing_expert_choice_are_reported() {
    // p5's and p6's choices lead only to each other (p6's expert choice now goes back to p5);
    // p2 has no expert choice; p1 has two. Lines as in the test above (each point's id).
    let text = scenario_file()
        .replacen("next = \"bad\"\n", "next = \"bad\"\nexpert = true\n", 1)
        .replacen("next = \"p3\"\nexpert = true", "next = \"p3\"", 1)
        .replacen("next = \"good\"", "next = \"p5\"", 1);
    let p5 = text.find("id = \"p5\"").unwrap();
    let text = format!(
        "{}{}",
        &text[..p5],
        text[p5..]
            .replacen("next = \"bad\"", "next = \"p6\"", 1)
            .replacen("next = \"bad\"", "next = \"p5\"", 1)
    );
    check(
        course_with(|f| {
            f.insert("content/scenarios/loop.md".into(), text);
        }),
        &[
            "content/scenarios/loop.md:14: point \"p1\" has 2 expert choices; mark exactly one with expert = true",
            "content/scenarios/loop.md:33: point \"p2\" has 0 expert choices; mark exactly one with expert = true",
            "content/scenarios/loop.md:86: point \"p5\" leads only into a loop: no ending can be reached from it",
            "content/scenarios/loop.md:104: point \"p6\" leads only into a loop: no ending can be reached from it",
            "content/scenarios/loop.md:122: ending \"good\" cannot be reached; lead a choice to it or remove it",
        ],
    );
}

#[test]
fn a_link_to_a_missing_section_in_a_scenario_is_reported_at_its_line() {
    // The situation of p2 (its text on line 35) and the second ending's debrief (line 129).
    let text = scenario_file()
        .replacen("See [lesson A](../lessons/a.md).", "See [lesson A](../lessons/a.md#takeaways).", 1)
        .replacen(
            "id = \"p2\"\nlessons = [\"a\"]\nsituation = \"\"\"\nThe",
            "id = \"p2\"\nlessons = [\"a\"]\nsituation = \"\"\"\nRead [the takeaways](../lessons/a.md#key-takeaway). The",
            1,
        );
    check(
        course_with(|f| {
            f.insert("content/scenarios/slip.md".into(), text);
        }),
        &[
            "content/scenarios/slip.md:35: link to \"../lessons/a.md#key-takeaway\": content/lessons/a.md has no heading with id \"key-takeaway\"; use one of its headings, closest first: \"#key-takeaways\"",
            "content/scenarios/slip.md:129: link to \"../lessons/a.md#takeaways\": content/lessons/a.md has no heading with id \"takeaways\"; use one of its headings, closest first: \"#key-takeaways\"",
        ],
    );
}

/// An exercise file: front matter (lines 1-7), the task (9), material (11-13), the model
/// answer (15-17) and a rubric of four units (19-24).
fn exercise_file(front_extra: &str) -> String {
    format!(
        "+++\ntitle = \"Write the status\"\nsubtitle = \"S\"\nminutes = 10\nmodule = \"m\"\nlessons = [\"a\"]\n{front_extra}+++\n\nTurn the notes into a status report for the [critical path](term:critical-path) owners.\n\n## Material\n\n- Vault API: 2 weeks late.\n\n## Model answer\n\n**Status: Red.** The vault API is two weeks late.\n\n## Rubric\n\n- Leads with the *color*\n- Says what changed\n- Names the decision needed\n- Gives a date for the next update\n"
    )
}

#[test]
fn a_valid_exercise_parses_with_its_sections_rendered() {
    let site = parse(&course_with(|f| {
        f.insert("content/exercises/status.md".into(), exercise_file(""));
    }))
    .unwrap();
    let entry = &site.exercises["status"];
    assert_eq!(
        (entry.title.as_str(), entry.module.as_str()),
        ("Write the status", "m")
    );
    assert_eq!(entry.lessons, vec!["a".to_string()]);
    assert_eq!(entry.sequence, None);
    let e = &entry.exercise;
    assert!(e.task.contains("class=\"term-button\""), "{}", e.task);
    assert_eq!(
        e.material,
        "<ul>\n<li>Vault API: 2 weeks late.</li>\n</ul>\n"
    );
    assert_eq!(
        e.model,
        "<p><strong>Status: Red.</strong> The vault API is two weeks late.</p>\n"
    );
    assert_eq!(e.start, "");
    assert_eq!(
        e.rubric,
        vec![
            "Leads with the <em>color</em>",
            "Says what changed",
            "Names the decision needed",
            "Gives a date for the next update"
        ]
    );
}

#[test]
fn every_exercise_mistake_is_reported_at_its_line() {
    let mut text = exercise_file("step = \"partial\"\n");
    text = text.replacen("module = \"m\"", "module = \"nope\"", 1);
    text = text.replacen("lessons = [\"a\"]", "lessons = [\"a\", \"zz\"]", 1);
    text = text.replacen("## Material", "## Notes", 1);
    text = text.replacen("- Gives a date for the next update\n", "Gives a date.\n", 1);
    check(
        course_with(|f| {
            f.insert("content/exercises/status.md".into(), text);
        }),
        &[
            "content/exercises/status.md:5: front matter: module \"nope\" is not in course.toml",
            "content/exercises/status.md:6: front matter: lesson \"zz\" is not in course.toml",
            "content/exercises/status.md:7: front matter: a faded sequence needs both sequence and step",
            "content/exercises/status.md:12: \"## Notes\" is not an exercise section; use ## Material, ## Your answer starts, ## Model answer, ## Rubric",
            "content/exercises/status.md:20: the rubric has 3 idea units; it needs 4 to 8",
            "content/exercises/status.md:25: the rubric is a list of idea units, each line starting with \"- \"",
        ],
    );
    // No task, no model answer, no rubric, sections out of order, an unknown step.
    let text = "+++\ntitle = \"T\"\nsubtitle = \"S\"\nminutes = 10\nmodule = \"m\"\nlessons = [\"a\"]\nsequence = \"s\"\nstep = \"middle\"\n+++\n\n## Rubric\n\n- a\n- b\n- c\n- d\n\n## Material\n\nNotes.\n";
    check(
        course_with(|f| {
            f.insert("content/exercises/bare.md".into(), text.into());
        }),
        &[
            "content/exercises/bare.md:8: front matter: step \"middle\" is not worked, completion or whole",
            "content/exercises/bare.md:10: an exercise starts with its task: what to produce, before the first ## section",
            "content/exercises/bare.md:18: \"## Material\" is out of order or repeated; the order is ## Material, ## Your answer starts, ## Model answer, ## Rubric",
            "content/exercises/bare.md:21: an exercise needs \"## Model answer\"",
        ],
    );
}

#[test]
fn a_faded_sequence_has_one_step_of_each_kind_and_only_its_middle_gives_a_start() {
    let step = |name: &str| exercise_file(&format!("sequence = \"status\"\nstep = \"{name}\"\n"));
    let with_start = |name: &str| {
        step(name).replacen(
            "## Model answer",
            "## Your answer starts\n\n**Status:** \n\n## Model answer",
            1,
        )
    };
    let site = parse(&course_with(|f| {
        f.insert("content/exercises/s1.md".into(), step("worked"));
        f.insert("content/exercises/s2.md".into(), with_start("completion"));
        f.insert("content/exercises/s3.md".into(), step("whole"));
    }))
    .unwrap();
    assert_eq!(site.exercises["s2"].exercise.start, "**Status:**");
    assert_eq!(
        site.exercises["s2"].sequence,
        Some((
            "status".to_string(),
            crate::model::exercise::Step::Completion
        ))
    );
    check(
        course_with(|f| {
            f.insert("content/exercises/s1.md".into(), with_start("worked"));
            f.insert("content/exercises/s2.md".into(), step("completion"));
            f.insert("content/exercises/s3.md".into(), step("completion"));
        }),
        &[
            "content/exercises/s1.md:7: sequence \"status\" has 2 completion steps; it needs exactly one each of worked, completion and whole",
            "content/exercises/s1.md:7: sequence \"status\" has 0 whole steps; it needs exactly one each of worked, completion and whole",
            "content/exercises/s1.md:17: \"## Your answer starts\" belongs only to a sequence's completion step (step = \"completion\")",
            "content/exercises/s2.md:27: a completion step needs \"## Your answer starts\" with the part of the answer given",
            "content/exercises/s3.md:27: a completion step needs \"## Your answer starts\" with the part of the answer given",
        ],
    );
}
