//! The notebook gathered from a record, searched, exported; quotes added to a note and read
//! back as blocks.

use super::*;
use crate::model::course::TEST_COURSE;
use crate::model::progress::Time;

const T: Time = 1_764_080_000_000;

static EXERCISES: [ExerciseInfo; 2] = [
    ExerciseInfo {
        slug: "write-a",
        title: "Write A",
        subtitle: "",
        minutes: 10,
        module: "m1",
        lessons: &["a"],
        sequence: "",
        step: 0,
        data: "",
    },
    ExerciseInfo {
        slug: "write-c",
        title: "Write C",
        subtitle: "",
        minutes: 10,
        module: "m2",
        lessons: &["c"],
        sequence: "",
        step: 0,
        data: "",
    },
];

fn played() -> Vec<Played> {
    vec![
        Played {
            slug: "vault",
            title: "The Vault",
            module: "m2",
            result: Some("Chose as the expert did at 5 of 6 decisions, ending “Shipped”.".into()),
        },
        Played {
            slug: "never",
            title: "Never Played",
            module: "m1",
            result: None,
        },
        Played {
            slug: "capstone",
            title: "Run It",
            module: "",
            result: Some("Under way: 2 decisions made.".into()),
        },
    ]
}

fn record() -> Progress {
    let mut p = Progress::new("tpm", "dev1");
    p.write(
        "b",
        None,
        &[],
        "Escalate early.\n\n> A quoted line\n> — [Why](#why)\n\n",
        T,
    );
    p.set_bookmark("c", true, T + 1);
    p.set_bookmark("d", true, T + 2);
    p.set_bookmark("d", false, T + 3);
    p.write(&exercise_key("write-c"), None, &[], "Status: amber.", T + 4);
    // An answer begun and emptied again is not in the notebook.
    let empty = p.write(&exercise_key("write-a"), None, &[], "x", T + 5).1;
    p.write(&exercise_key("write-a"), Some(empty), &[], "  ", T + 6);
    p
}

#[test]
fn the_notebook_holds_notes_bookmarks_answers_and_results_in_course_order() {
    let book = Notebook::new(&TEST_COURSE, &EXERCISES, &played(), &record());
    // Each group's title, and its entries as (kind, slug, bookmarked, texts, has a result).
    type Shape<'a> = Vec<(&'a str, Vec<(Kind, &'a str, bool, usize, bool)>)>;
    let shape: Shape = book
        .groups
        .iter()
        .map(|g| {
            (
                g.title,
                g.entries
                    .iter()
                    .map(|e| {
                        (
                            e.kind,
                            e.slug,
                            e.bookmarked,
                            e.texts.len(),
                            e.result.is_some(),
                        )
                    })
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        vec![
            ("M1", vec![(Kind::Lesson, "b", false, 1, false)]),
            (
                "M2",
                vec![
                    (Kind::Lesson, "c", true, 0, false),
                    (Kind::Exercise, "write-c", false, 1, false),
                    (Kind::Scenario, "vault", false, 0, true),
                ]
            ),
            (CAPSTONE, vec![(Kind::Scenario, "capstone", false, 0, true)]),
        ]
    );
    assert_eq!(
        book.counts(),
        Counts {
            notes: 1,
            answers: 1,
            bookmarks: 1,
            scenarios: 2
        }
    );
    assert!(Notebook::new(&TEST_COURSE, &EXERCISES, &[], &Progress::new("tpm", "d")).is_empty());
}

#[test]
fn search_keeps_the_entries_that_hold_every_word_in_any_case() {
    let book = Notebook::new(&TEST_COURSE, &EXERCISES, &played(), &record());
    let slugs = |q: &str| -> Vec<&str> {
        book.search(q)
            .groups
            .iter()
            .flat_map(|g| g.entries.iter().map(|e| e.slug))
            .collect()
    };
    assert_eq!(slugs("ESCALATE"), vec!["b"]);
    assert_eq!(slugs("quoted escalate"), vec!["b"]);
    assert_eq!(slugs("quoted amber"), Vec::<&str>::new());
    assert_eq!(slugs("amber"), vec!["write-c"]);
    assert_eq!(slugs("shipped"), vec!["vault"]);
    assert_eq!(slugs("write"), vec!["write-c"], "titles count");
    assert_eq!(slugs("  "), vec!["b", "c", "write-c", "vault", "capstone"]);
    assert!(book.search("nothing-like-this").is_empty());
}

#[test]
fn the_markdown_export_has_a_heading_and_link_per_entry_and_absolute_quote_links() {
    let mut p = record();
    // Two tabs wrote lesson c's note without seeing each other: both versions are exported.
    p.write("c", None, &[], "Version from the phone", T + 10);
    let mut other = p.clone();
    let seen = p.text("c").names();
    p.write("c", None, &seen, "Phone again", T + 11);
    other.write("c", None, &seen, "Laptop", T + 12);
    p.merge(&other);
    let book = Notebook::new(&TEST_COURSE, &EXERCISES, &played()[..1], &p);
    let md = book.markdown("TPM", "December 7, 2026", |kind, slug| match kind {
        Kind::Lesson => format!("https://x.test/lessons/{slug}/"),
        Kind::Exercise => format!("https://x.test/exercises/{slug}/"),
        Kind::Scenario => format!("https://x.test/scenarios/{slug}/"),
    });
    assert_eq!(
        md,
        "# My notebook: TPM\n\nExported on December 7, 2026.\n\
         \n## M1\n\
         \n### [b](https://x.test/lessons/b/)\n\
         \nEscalate early.\n\n> A quoted line\n> — [Why](https://x.test/lessons/b/#why)\n\
         \n## M2\n\
         \n### [c](https://x.test/lessons/c/)\n\
         \nBookmarked.\n\
         \nChanged in two places that did not see each other's change; both versions:\n\
         \n**Version 1**\n\nLaptop\n\
         \n**Version 2**\n\nPhone again\n\
         \n### Exercise: [Write C](https://x.test/exercises/write-c/)\n\
         \nStatus: amber.\n\
         \n### Scenario: [The Vault](https://x.test/scenarios/vault/)\n\
         \nChose as the expert did at 5 of 6 decisions, ending “Shipped”.\n"
    );
    let empty = Notebook::default().markdown("TPM", "today", |_, _| String::new());
    assert_eq!(
        empty,
        "# My notebook: TPM\n\nExported on today.\n\nNo notes, bookmarks, answers or scenarios yet.\n"
    );
}

#[test]
fn a_quote_lands_after_the_note_as_a_block_quote_with_its_heading() {
    assert_eq!(
        add_quote(
            "",
            "  Escalate   when\nthe trigger fires. ",
            "When to escalate",
            "when-to-escalate"
        ),
        "> Escalate when the trigger fires.\n> — [When to escalate](#when-to-escalate)\n\n"
    );
    assert_eq!(
        add_quote("My thought\n\n\n", "Text", "Heading [draft]", ""),
        "My thought\n\n> Text\n> — [Heading draft](#)\n\n"
    );
    let long = "é".repeat(QUOTE_LIMIT + 5);
    let quoted = add_quote("", &long, "H", "h");
    assert_eq!(
        quoted,
        format!("> {}…\n> — [H](#h)\n\n", "é".repeat(QUOTE_LIMIT))
    );
}

#[test]
fn a_note_reads_back_as_its_own_words_and_its_quotes() {
    let note = add_quote(
        "First thought,\nsecond line.",
        "Quoted passage",
        "Why",
        "why",
    ) + "After the quote.\n>not a source\n> — [Top](#)\n> — [Bad](#x y)";
    assert_eq!(
        blocks(&note),
        vec![
            Block::Text("First thought,\nsecond line.".into()),
            Block::Quote {
                text: "Quoted passage".into(),
                source: Some(("Why".into(), "why".into()))
            },
            Block::Text("After the quote.".into()),
            Block::Quote {
                text: "not a source\n— [Top](#)\n— [Bad](#x y)".into(),
                source: None
            },
        ]
    );
    assert_eq!(
        blocks("> Only\n> — [Top](#)"),
        vec![Block::Quote {
            text: "Only".into(),
            source: Some(("Top".into(), String::new()))
        }]
    );
    assert_eq!(blocks(""), Vec::<Block>::new());
    assert_eq!(blocks("\n \n"), Vec::<Block>::new());
}
