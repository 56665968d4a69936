//! Reading untrusted records: each value that cannot be true is clamped or dropped with a
//! sentence, everything else is kept, and no count in a record can make reading slow.

use super::limits::*;
use crate::model::progress::{DecodeError, Progress, Repairs};

/// Reads a version-3 record whose log is `log` (JSON text), and returns it with what changed.
fn read_log(log: &str) -> (Progress, Repairs) {
    let raw = format!(r#"{{"version": 3, "course": "tpm", "device": "d", "log": {log}}}"#);
    Progress::read(&raw, "tpm").unwrap_or_else(|e| panic!("{e:?} for {raw}"))
}

/// The repairs' sentences for one lesson "a" of device "d" with these members.
fn repairs_of(lesson: &str) -> Vec<String> {
    read_log(&format!(r#"{{"d": {{"a": {{{lesson}}}}}}}"#))
        .1
        .examples
}

#[test]
fn values_that_cannot_be_true_are_changed_with_a_sentence_each() {
    let check = |lesson: &str, expected: &str| {
        assert_eq!(
            repairs_of(lesson),
            vec![format!("lesson \"a\": {expected}")],
            "{lesson}"
        );
    };
    let dropped_answer = "an answer that names no question or choice was dropped";
    check(
        r#""questions": ["q1"], "attempts": [[5, 100, "3:1"]]"#,
        dropped_answer,
    );
    check(
        r#""questions": ["q1"], "attempts": [[5, 100, "0:64"]]"#,
        dropped_answer,
    );
    check(
        r#""questions": ["q1"], "recalls": [[5, "r", "0x"]]"#,
        "a graded answer that cannot be read was dropped",
    );
    check(
        r#""questions": ["q1"], "recalls": [[5, "z", "0g"]]"#,
        "graded answers from a source that is not q, r, e, t, s or x were dropped",
    );
    check(
        r#""questions": ["q1"], "attempts": [[5, 100, "0:1", "gg"]]"#,
        "the grades of an attempt did not match its answers and were dropped",
    );
    let clamped = "a time that was not whole milliseconds from 1970 to 9999 was set to";
    check(
        r#""opened": 18446744073709551615"#,
        &format!("{clamped} 253402300799999"),
    );
    check(r#""opened": -1"#, &format!("{clamped} 0"));
    check(
        r#""opened": 1.7644e12"#,
        &format!("{clamped} 1764400000000"),
    );
    check(
        r#""opened": "yesterday""#,
        "a time that was not a number was dropped",
    );
    check(
        r#""position": [5, -0.5]"#,
        "a reading position that was not from 0 to 1 was set to 0",
    );
    check(
        r#""questions": ["q1"], "attempts": [[5, 250, "0:1"]]"#,
        "a score that was not a whole percent from 0 to 100 was set to 100",
    );
    check(
        r#""marks": [[5, "yes"]]"#,
        "a completion mark that was not true or false was dropped",
    );
    check(r#""ends": 7"#, "a part that should be a list was dropped");
}

#[test]
fn what_can_be_kept_is_kept_beside_what_is_dropped() {
    let (p, repairs) = read_log(
        r#"{"d": {"a": {"questions": ["q1", 7, "q3"], "attempts": [[5, 100, "0:1 1:0 2:2"]],
            "marks": [[6, true], [7, "no"]], "ends": [6, "x"]}, "b": 3}}"#,
    );
    assert_eq!(repairs.count, 5);
    assert_eq!(
        repairs.summary(),
        "5 values that cannot be true were changed: \
         lesson \"a\": a time that was not a number was dropped; \
         lesson \"a\": a completion mark that was not true or false was dropped; \
         lesson \"a\": a question id that was not text was dropped; \
         lesson \"a\": an answer that names no question or choice was dropped; \
         lesson \"b\": its facts were not an object and were dropped."
    );
    let a = p.lesson("a").unwrap();
    assert!(a.completed);
    assert!(a.reached_end);
    assert_eq!(a.best_score, Some(100));
    let answered: Vec<(&str, &Vec<usize>)> = a
        .questions
        .iter()
        .map(|(id, q)| (id.as_str(), &q.answer))
        .collect();
    assert_eq!(answered, vec![("q1", &vec![1]), ("q3", &vec![2])]);
    assert!(p.lesson("b").is_none());
}

#[test]
fn a_summary_names_the_first_five_and_counts_the_rest() {
    let ends: Vec<String> = (0..8).map(|i| format!("\"t{i}\"")).collect();
    let (_, repairs) = read_log(&format!(
        r#"{{"d": {{"a": {{"ends": [{}]}}}}}}"#,
        ends.join(",")
    ));
    assert_eq!(repairs.count, 8);
    let one = "lesson \"a\": a time that was not a number was dropped";
    assert_eq!(
        repairs.summary(),
        format!(
            "8 values that cannot be true were changed: {}; and 3 more.",
            [one; 5].join("; ")
        )
    );
    assert_eq!(Repairs::default().summary(), "");
}

#[test]
fn the_frame_must_still_be_right() {
    for (raw, expected) in [
        (
            r#"{"version": 3, "course": "tpm", "log": []}"#,
            "\"log\" is not an object",
        ),
        (
            r#"{"version": 1, "course": "tpm", "lessons": 3}"#,
            "\"lessons\" is not an object",
        ),
    ] {
        assert_eq!(
            Progress::read(raw, "tpm"),
            Err(DecodeError::WrongShape(expected.into()))
        );
    }
}

#[test]
fn a_version_1_record_cannot_claim_billions_of_attempts() {
    let raw = r#"{"version": 1, "course": "tpm", "lessons": {"a": {"best_score": 100,
        "questions": {"q1": {"answer": [1, 99], "attempts": 4294967295, "hash": "h"}}}}}"#;
    let (p, repairs) = Progress::read(raw, "tpm").unwrap();
    assert_eq!(
        repairs.examples,
        vec![
            "lesson \"a\": a choice that was not a choice number was dropped".to_string(),
            format!("lesson \"a\": a question's number of attempts past the limit was set to {MAX_V1_ATTEMPTS}"),
        ]
    );
    let q = &p.lesson("a").unwrap().questions.get("q1").unwrap();
    assert_eq!(q.attempts, MAX_V1_ATTEMPTS as u32);
    assert_eq!(q.answer, vec![1]);
}

#[test]
fn counts_past_the_limits_are_cut_with_a_sentence() {
    let devices: Vec<String> = (0..MAX_DEVICES + 2)
        .map(|i| format!(r#""d{i:04}": {{}}"#))
        .collect();
    let (p, repairs) = read_log(&format!("{{{}}}", devices.join(",")));
    assert_eq!(
        repairs.examples,
        vec!["the record: devices past the 1,000th were dropped: 2".to_string()]
    );
    assert_eq!(p.log().devices.len(), MAX_DEVICES);
}

#[test]
fn a_clock_at_the_end_of_time_does_not_overflow() {
    let (mut p, _) = read_log(r#"{"d": {"a": {"opened": 99999999999999999999}}}"#);
    p.visit("b", 1_764_000_000_000);
    assert_eq!(p.lesson("b").unwrap().opened, Some(MAX_TIME + 1));
    p.visit("c", 1_764_000_000_000);
    assert_eq!(p.lesson("c").unwrap().opened, Some(MAX_TIME + 2));
}

#[test]
fn facts_in_any_order_and_repeated_read_as_one_sorted_set() {
    // Written backwards and twice: read in one sort, not one insert each.
    let n = 200_000u64;
    let ends: Vec<String> = (0..n)
        .rev()
        .chain(0..10)
        .map(|t| (t + 1).to_string())
        .collect();
    let (p, repairs) = read_log(&format!(
        r#"{{"d": {{"a": {{"ends": [{}]}}}}}}"#,
        ends.join(",")
    ));
    assert!(repairs.is_empty());
    let log = p.log().devices.get("d").unwrap().get("a").unwrap();
    assert_eq!(log.ends.len(), n as usize);
    assert_eq!(log.ends.first(), Some(&1));
    assert_eq!(log.ends.last(), Some(&n));
}

#[test]
fn a_key_written_twice_keeps_both_parts() {
    let (p, _) = read_log(
        r#"{"d": {"a": {"marks": [[5, true]]}, "a": {"ends": [6]}}, "d": {"b": {"opened": 7}}}"#,
    );
    let a = p.lesson("a").unwrap();
    assert!(a.completed && a.reached_end);
    assert_eq!(p.lesson("b").unwrap().opened, Some(7));
}

#[test]
fn a_record_written_at_the_end_of_time_reads_back_without_repairs() {
    // The recovery test's case: a clock past year 9999 is clamped once; the facts this device
    // then adds tick past the clamp, and reading the saved record again changes nothing (a
    // second "repair" would set the record aside again on every page load).
    let (mut p, repairs) = read_log(r#"{"d": {"a": {"opened": 99999999999999999999}}}"#);
    assert_eq!(repairs.examples.len(), 1);
    p.visit("a", 1_764_000_000_000);
    p.visit("b", 1_764_000_000_000);
    let (again, repairs) = Progress::read(&p.encode(), "tpm").unwrap();
    assert!(repairs.is_empty(), "{:?}", repairs.examples);
    assert_eq!(again.lesson("a").unwrap().opened, Some(MAX_TIME + 1));
    assert_eq!(again.lesson("b").unwrap().opened, Some(MAX_TIME + 2));
    // Past the room for ticks, a time is still clamped.
    let (_, repairs) = read_log(&format!(
        r#"{{"d": {{"a": {{"opened": {}}}}}}}"#,
        MAX_TIME + TICK_ROOM + 1
    ));
    assert_eq!(repairs.examples.len(), 1);
}
