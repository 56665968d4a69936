//! Playthroughs, written texts and bookmarks in the record: stored, merged, reset and read
//! back with nothing lost.

use super::*;
use crate::model::progress::{DecodeError, Progress};

const T: Time = 1_764_080_000_000;

fn taken(point: &str, choice: usize) -> Taken {
    Taken {
        point: point.into(),
        choice,
    }
}

/// Two tabs of one browser: the same device, each with its own copy of the record.
fn two_tabs() -> (Progress, Progress) {
    let p = Progress::new("tpm", "dev1");
    (p.clone(), p)
}

#[test]
fn decisions_bookmarks_and_edits_are_written_as_version_4_and_read_back() {
    let mut p = Progress::new("tpm", "dev1");
    let play = p.decide("vault", None, &taken("first", 1), Some(Recall::Wrong), T);
    p.decide("vault", Some(play), &taken("second", 0), None, T + 1);
    let note = p.write("intro", None, &[], "Ask \"why\" first", T + 2).1;
    p.write("intro", Some(note), &[], "Ask \"why\" first.", T + 3);
    p.set_bookmark("intro", true, T + 4);
    let encoded = p.encode();
    assert_eq!(
        encoded,
        r#"{"version":4,"course":"tpm","device":"dev1","log":{"dev1":{"intro":{"edits":[[1764080000002,1764080000003,"Ask \"why\" first."]],"bookmarks":[[1764080000004,true]]},"scenario:vault":{"questions":["first"],"recalls":[[1764080000000,"s","0w"]],"decisions":[[1764080000000,1764080000000,"first",1],[1764080000000,1764080000001,"second",0]]}}}}"#
    );
    let (read, repairs) = Progress::read(&encoded, "tpm").unwrap();
    assert!(repairs.is_empty());
    assert_eq!(read, p);
    assert_eq!(
        read.plays("vault"),
        vec![Play {
            id: T,
            taken: vec![taken("first", 1), taken("second", 0)]
        }]
    );
    assert!(read.bookmarked("intro"));
    assert_eq!(read.text("intro").current(), Some("Ask \"why\" first."));
    // The scenario's decision is a graded answer for review, under the scenario's key.
    let history = read.log().history("scenario:vault");
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].0, "first");
    assert_eq!(history[0].1[0].source, Source::Scenario);
    // A scenario's facts are not a lesson: nothing to complete, not the lesson opened last.
    assert_eq!(read.lessons().len(), 0);
    assert_eq!(read.last_lesson, None);
}

#[test]
fn version_3_records_read_as_version_4_and_a_newer_record_is_refused() {
    let p = Progress::decode(
        r#"{"version":3,"course":"tpm","device":"d","log":{"d":{"intro":{"marks":[[5,true]]}}}}"#,
        "tpm",
    )
    .unwrap();
    assert!(p.is_completed("intro"));
    assert!(p.encode().starts_with(r#"{"version":4,"#));
    assert_eq!(
        Progress::decode(r#"{"version":5,"course":"tpm"}"#, "tpm"),
        Err(DecodeError::FutureVersion(5))
    );
}

#[test]
fn playthroughs_restart_keep_history_and_merge_across_tabs() {
    let (mut a, mut b) = two_tabs();
    let first = a.decide("vault", None, &taken("first", 0), None, T);
    a.decide("vault", Some(first), &taken("second", 2), None, T + 10);
    // A restart is a new playthrough; the old one stays in the history.
    let second = a.decide("vault", None, &taken("first", 1), None, T + 20);
    assert_eq!(
        a.plays("vault")
            .iter()
            .map(|p| (p.id, p.taken.len()))
            .collect::<Vec<_>>(),
        vec![(T, 2), (T + 20, 1)]
    );
    // Another tab plays meanwhile: after a merge both keep both playthroughs.
    let other = b.decide("vault", None, &taken("first", 3), None, T + 15);
    b.merge(&a);
    a.merge(&b);
    assert_eq!(a.plays("vault"), b.plays("vault"));
    assert_eq!(
        a.plays("vault").iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![first, other, second]
    );
    // Two tabs deciding at one point of the same playthrough: the earlier decision counts.
    let (mut c, mut d) = (a.clone(), a.clone());
    d.decide("vault", Some(second), &taken("second", 1), None, T + 31);
    c.decide("vault", Some(second), &taken("second", 0), None, T + 30);
    c.merge(&d);
    assert_eq!(
        c.plays("vault").last().unwrap().taken,
        vec![taken("first", 1), taken("second", 0)]
    );
}

#[test]
fn resetting_a_scenario_hides_its_playthroughs_until_undone() {
    let mut p = Progress::new("tpm", "dev1");
    p.decide("vault", None, &taken("first", 0), Some(Recall::Wrong), T);
    let undo = p.reset_lesson("scenario:vault", T + 5);
    assert_eq!(p.plays("vault"), vec![]);
    assert!(p.log().history("scenario:vault").is_empty());
    p.undo(&undo, T + 6);
    assert_eq!(p.plays("vault").len(), 1);
}

#[test]
fn typing_saves_into_one_edit_and_a_later_edit_that_saw_it_replaces_it() {
    let mut p = Progress::new("tpm", "dev1");
    let mut editing = None;
    for (i, text) in ["A", "An", "An idea"].iter().enumerate() {
        editing = Some(p.write("intro", editing, &[], text, T + i as Time).1);
    }
    assert_eq!(p.log().edits("intro").len(), 1, "coalesced into one edit");
    let text = p.text("intro");
    assert_eq!(text.current(), Some("An idea"));
    // Another visit continues the text it was shown: one head again.
    let base = text.names();
    p.write("intro", None, &base, "An idea, refined", T + 100);
    let text = p.text("intro");
    assert_eq!(text.heads.len(), 1);
    assert_eq!(text.current(), Some("An idea, refined"));
    assert_eq!(p.log().edits("intro").len(), 2);
}

#[test]
fn two_edits_that_did_not_see_each_other_are_both_kept_until_resolved() {
    let (mut a, mut b) = two_tabs();
    let first = a.write("intro", None, &[], "Shared start", T);
    b.merge(&a);
    let base = b.text("intro").names();
    assert_eq!(base, vec![first]);
    // Each tab continues the same text without seeing the other's edit.
    a.write("intro", None, &base, "Tab A's version", T + 10);
    b.write("intro", None, &base, "Tab B's version", T + 11);
    a.merge(&b);
    let text = a.text("intro");
    assert_eq!(text.current(), None, "a conflict");
    assert_eq!(
        text.heads
            .iter()
            .map(|h| h.text.as_str())
            .collect::<Vec<_>>(),
        vec!["Tab B's version", "Tab A's version"]
    );
    // Writing with both in view resolves it.
    let both = text.names();
    a.write("intro", None, &both, "Both, merged", T + 20);
    assert_eq!(a.text("intro").current(), Some("Both, merged"));
    // A tab still typing into its old edit after the other continued it does not overwrite:
    // its typing starts a new edit from the edit it was typing in.
    let (mut c, mut d) = two_tabs();
    let mine = c.write("intro", None, &[], "Mine", T);
    d.merge(&c);
    let seen = d.text("intro").names();
    d.write("intro", None, &seen, "Theirs, after mine", T + 5);
    c.merge(&d);
    let own = vec![mine.clone()];
    c.write("intro", Some(mine.1), &own, "Mine, longer", T + 6);
    assert_eq!(c.text("intro").heads.len(), 2);
}

#[test]
fn an_older_save_of_an_edit_does_not_come_back_in_a_merge() {
    let mut p = Progress::new("tpm", "dev1");
    let id = p.write("intro", None, &[], "draft", T).1;
    let older = p.clone();
    p.write("intro", Some(id), &[], "draft, finished", T + 1);
    assert!(!p.merge(&older));
    let mut o = older.clone();
    assert!(o.merge(&p));
    assert_eq!(o.log(), p.log());
    assert_eq!(o.text("intro").current(), Some("draft, finished"));
}

#[test]
fn texts_are_cut_at_the_limit_and_counted() {
    let mut p = Progress::new("tpm", "dev1");
    let long = "é".repeat(TEXT_LIMIT + 10);
    p.write("intro", None, &[], &long, T);
    p.write("exercise:status", None, &[], "abc", T + 1);
    assert_eq!(
        p.text("intro").current().unwrap().chars().count(),
        TEXT_LIMIT
    );
    assert_eq!(p.texts_size(), TEXT_LIMIT + 3);
}

#[test]
fn bookmarks_toggle_and_the_latest_wins_across_tabs() {
    let (mut a, mut b) = two_tabs();
    a.set_bookmark("intro", true, T);
    b.merge(&a);
    b.set_bookmark("intro", false, T + 5);
    a.set_bookmark("other", true, T + 6);
    a.merge(&b);
    assert!(!a.bookmarked("intro"));
    assert!(a.bookmarked("other"));
}

#[test]
fn damaged_version_4_facts_are_repaired_with_a_sentence_each() {
    let check = |lesson: &str, expected: &str| {
        let raw = format!(
            r#"{{"version":4,"course":"tpm","device":"d","log":{{"d":{{"a":{{{lesson}}}}}}}}}"#
        );
        let (_, repairs) = Progress::read(&raw, "tpm").unwrap();
        assert_eq!(
            repairs.examples,
            vec![format!("lesson \"a\": {expected}")],
            "{lesson}"
        );
    };
    check(
        r#""decisions": [[5, 6, "p"]]"#,
        "a decision that was not [playthrough, time, point, choice] was dropped",
    );
    check(
        r#""decisions": [[5, 6, "p", 64]]"#,
        "a decision without a point or a choice number was dropped",
    );
    check(
        r#""edits": [[5, 6]]"#,
        "an edit that was not [id, saved, text, …] was dropped",
    );
    check(
        r#""edits": [[5, 6, 7]]"#,
        "an edit whose text was not text was dropped",
    );
    check(
        r#""edits": [[5, 6, "t", 3, 4, 5]]"#,
        "an edit's earlier edit that could not be read was left out",
    );
    check(
        r#""bookmarks": [[5, "yes"]]"#,
        "a bookmark that was not true or false was dropped",
    );
    let long = "x".repeat(crate::model::progress::read::limits::MAX_TEXT + 1);
    check(
        &format!(r#""edits": [[5, 6, "{long}"]]"#),
        "a text past the longest kept was cut to characters: 100000",
    );
}

#[test]
fn typing_on_after_another_tab_continued_an_earlier_save_is_a_conflict() {
    // Tab A types into its edit; tab B opens the text (seeing A's first save) and continues
    // it; A, unaware, keeps typing into the same edit. B never saw A's later words: both stay.
    let (mut a, mut b) = two_tabs();
    let first = a.write("intro", None, &[], "Shared start", T);
    b.merge(&a);
    let seen = b.text("intro").names();
    a.write(
        "intro",
        Some(first.1),
        &[],
        "Shared start, and A's more",
        T + 5,
    );
    b.write("intro", None, &seen, "B's version", T + 6);
    a.merge(&b);
    let mut texts: Vec<String> = a
        .text("intro")
        .heads
        .iter()
        .map(|h| h.text.clone())
        .collect();
    texts.sort();
    assert_eq!(
        texts,
        vec![
            "B's version".to_string(),
            "Shared start, and A's more".to_string()
        ]
    );
    // Had A stopped typing before B continued it, B's edit would simply replace it.
    let (mut c, mut d) = two_tabs();
    c.write("intro", None, &[], "Shared start", T);
    d.merge(&c);
    let seen = d.text("intro").names();
    d.write("intro", None, &seen, "D's version", T + 6);
    c.merge(&d);
    assert_eq!(c.text("intro").current(), Some("D's version"));
}
