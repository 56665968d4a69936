use super::log::QuestionProgress;
use super::*;
use crate::model::course::{Choice, QuestionKind};

fn quiz() -> Quiz {
    let choice = |correct| Choice {
        text: "x".into(),
        correct,
        explanation: String::new(),
    };
    Quiz {
        title: "Q".into(),
        questions: vec![
            Question {
                id: "q1".into(),
                kind: QuestionKind::Single,
                prompt: "p".into(),
                explanation: String::new(),
                choices: vec![choice(false), choice(true)],
                hash: "h1".into(),
            },
            Question {
                id: "q2".into(),
                kind: QuestionKind::Multiple,
                prompt: "p2".into(),
                explanation: String::new(),
                choices: vec![choice(true), choice(true), choice(false)],
                hash: "h2".into(),
            },
        ],
    }
}

const T: Time = 1_764_080_000_000;

#[test]
fn round_trip_keeps_everything() {
    let mut p = Progress::new("tpm", "dev1");
    p.visit("intro", T);
    p.set_position("intro", 0.4567, T + 1);
    p.record_quiz("intro", &quiz(), &[vec![1], vec![0]], &[], T + 2);
    p.set_completed("other", true, T + 3);
    p.record_review("intro", &quiz().questions[1], &[0, 1], true, T + 4);
    p.record_exam(&[("other", "q9".into(), Recall::Wrong)], true, T + 5);
    p.draw_seed(77);
    p.draw_seed(78);
    let encoded = p.encode();
    let decoded = Progress::decode(&encoded, "tpm").unwrap();
    assert_eq!(decoded, p);
    assert_eq!(decoded.lesson("intro").unwrap().position, Some(0.457));
    assert_eq!(decoded.last_lesson.as_deref(), Some("intro"));
    assert_eq!(
        encoded,
        r#"{"version":4,"course":"tpm","device":"dev1","log":{"dev1":{"intro":{"opened":1764080000000,"position":[1764080000001,0.457],"ends":[1764080000002],"marks":[[1764080000002,true]],"questions":["q1","q2"],"attempts":[[1764080000002,75,"0:1 1:0","gw"]],"recalls":[[1764080000004,"r","1h"]],"hashes":{"q1":[1764080000002,"h1"],"q2":[1764080000002,"h2"]}},"other":{"marks":[[1764080000003,true]],"questions":["q9"],"recalls":[[1764080000005,"t","0w"]]}}},"seed":77}"#
    );
}

#[test]
fn quiz_records_answers_attempts_and_best_score() {
    let mut p = Progress::new("tpm", "d");
    let q = quiz();
    let first = p.record_quiz("intro", &q, &[vec![1], vec![0, 1]], &[], T);
    assert_eq!(first.score, 100);
    let second = p.record_quiz("intro", &q, &[vec![0], vec![0, 1]], &[], T + 10);
    assert_eq!(second.score, 50);
    let lesson = p.lesson("intro").unwrap();
    assert_eq!(lesson.best_score, Some(100));
    assert!(lesson.completed);
    let stored = p.answer("intro", &q.questions[0]).unwrap();
    assert_eq!(
        stored,
        StoredAnswer {
            answer: vec![0],
            attempts: 2,
            stale: false
        }
    );
}

#[test]
fn a_changed_question_makes_its_answer_stale() {
    let mut p = Progress::new("tpm", "d");
    let mut q = quiz();
    p.record_quiz("intro", &q, &[vec![1], vec![0]], &[], T);
    q.questions[0].hash = "changed".into();
    assert!(p.answer("intro", &q.questions[0]).unwrap().stale);
    assert!(!p.answer("intro", &q.questions[1]).unwrap().stale);
    // Answering the changed question again makes it current.
    p.record_quiz("intro", &q, &[vec![0], vec![0]], &[], T + 1);
    assert!(!p.answer("intro", &q.questions[0]).unwrap().stale);
}

#[test]
fn completion_needs_the_end_and_the_quiz() {
    let mut p = Progress::new("tpm", "d");
    p.reach_end("a", true, T);
    assert!(!p.is_completed("a"));
    assert_eq!(p.lesson("a").unwrap().reached_end, true);
    p.reach_end("b", false, T);
    assert!(p.is_completed("b"));
    p.set_completed("b", false, T);
    assert!(!p.is_completed("b"));
}

#[test]
fn a_clock_that_goes_back_still_orders_new_facts_last() {
    let mut p = Progress::new("tpm", "d");
    p.set_completed("a", true, T);
    p.set_completed("a", false, T - 60_000);
    assert!(
        !p.is_completed("a"),
        "the later action wins although the clock went back"
    );
    let undo = p.reset_lesson("a", T - 120_000);
    assert_eq!(p.lesson("a"), None);
    p.visit("a", 5);
    assert!(
        p.lesson("a").is_some(),
        "a fact after the reset is visible whatever the clock said"
    );
    assert_eq!(undo, Undo::Reset(("d".into(), T + 2)));
}

fn check_decode(raw: &str, expected: DecodeError) {
    assert_eq!(Progress::decode(raw, "tpm"), Err(expected), "input {raw}");
}

#[test]
fn corrupt_foreign_and_future_records_are_refused() {
    assert!(matches!(
        Progress::decode("{not json", "tpm"),
        Err(DecodeError::NotJson(_))
    ));
    check_decode(
        "[1, 2]",
        DecodeError::WrongShape("it is JSON, but not an object".into()),
    );
    check_decode(
        r#"{"course": "tpm"}"#,
        DecodeError::WrongShape("it has no \"version\"".into()),
    );
    check_decode(
        r#"{"version": 99, "course": "tpm"}"#,
        DecodeError::FutureVersion(99),
    );
    check_decode(
        r#"{"version": 5, "course": "tpm"}"#,
        DecodeError::FutureVersion(5),
    );
    check_decode(
        r#"{"version": 1, "course": "cooking"}"#,
        DecodeError::OtherCourse("cooking".into()),
    );
    assert!(matches!(
        Progress::decode(r#"{"version": 1, "course": "tpm", "lessons": 3}"#, "tpm"),
        Err(DecodeError::WrongShape(_))
    ));
    assert_eq!(
        DecodeError::FutureVersion(5).to_string(),
        "it was written by a newer version of this course (format 5, this one reads 4)"
    );
}

#[test]
fn unknown_fields_and_missing_optional_ones_are_tolerated() {
    let p = Progress::decode(
        r#"{"version": 1, "course": "tpm", "theme": "dark", "lessons": {"a": {"completed": true}}}"#,
        "tpm",
    )
    .unwrap();
    assert!(p.is_completed("a"));
    let p = Progress::decode(r#"{"version": 2, "course": "tpm", "future": 1, "log": {"d": {"a": {"marks": [[3, true]], "new": 2}}}}"#, "tpm").unwrap();
    assert!(p.is_completed("a"));
}

#[test]
fn imports_are_validated_with_a_message_each() {
    let check = |raw: &str, expected: &str| {
        let err = Progress::import(raw, "tpm").unwrap_err();
        assert_eq!(err.to_string(), expected, "input {raw:.40}");
    };
    check(
        r#"{"version": 5, "course": "tpm"}"#,
        "This file cannot be imported: it was written by a newer version of this course (format 5, this one reads 4).",
    );
    check(
        r#"{"version": 1, "course": "cooking"}"#,
        "This file cannot be imported: it belongs to another course (\"cooking\").",
    );
    check(
        &format!("{{\"pad\": \"{}\"}}", "x".repeat(IMPORT_LIMIT)),
        "The file is too large to be progress (5000 KB; the limit is 5000 KB).",
    );
    check(
        "hello",
        "This file cannot be imported: it is not valid JSON (expected value at line 1 column 1).",
    );
    check(
        r#"{"version": 1, "course": "tpm", "lessons": []}"#,
        "This file cannot be imported: it is not a progress record: \"lessons\" is not an object.",
    );
    let good = Progress::new("tpm", "d").encode();
    assert_eq!(
        Progress::import(&good, "tpm").unwrap(),
        (Progress::new("tpm", "d"), Repairs::default())
    );
}

static COURSE: Course = Course {
    id: "tpm",
    title: "T",
    description: "",
    modules: &[
        Module {
            slug: "m1",
            title: "M1",
            lessons: &[LessonInfo::for_test("a", 0)],
        },
        Module {
            slug: "m2",
            title: "M2",
            lessons: &[LessonInfo::for_test("b", 0)],
        },
    ],
};

#[test]
fn resets_touch_only_what_they_name_and_never_removed_lessons() {
    let mut p = Progress::new("tpm", "d");
    for slug in ["a", "b", "removed-lesson"] {
        p.set_completed(slug, true, T);
    }
    p.reset_module(&COURSE.modules[0], T);
    assert!(!p.is_completed("a"));
    assert!(p.is_completed("b"));
    p.reset_course(&COURSE, T);
    assert!(!p.is_completed("b"));
    assert!(
        p.is_completed("removed-lesson"),
        "data of a removed lesson is kept"
    );
    assert_eq!(p.completed_count(&COURSE), (0, 2));
}

#[test]
fn a_reset_holds_against_another_tabs_older_copy_and_its_undo_travels_too() {
    let q = quiz();
    let mut tab_a = Progress::new("tpm", "d");
    tab_a.record_quiz("a", &q, &[vec![1], vec![0, 1]], &[], T);
    let mut tab_b = tab_a.clone();
    let undo = tab_a.reset_course(&COURSE, T + 10);
    // Tab B still holds the quiz and finishes lesson b meanwhile.
    tab_b.set_completed("b", true, T + 11);
    tab_a.merge(&tab_b);
    tab_b.merge(&tab_a);
    assert_eq!(tab_a, tab_b);
    assert_eq!(
        tab_a.lesson("a"),
        None,
        "the reset is not undone by the older copy"
    );
    assert!(
        tab_a.is_completed("b"),
        "what tab B did after the reset is kept"
    );
    tab_a.undo(&undo, T + 20);
    tab_b.merge(&tab_a);
    assert_eq!(
        tab_b.lesson("a").unwrap().best_score,
        Some(100),
        "the undo reaches the other tab"
    );
}

#[test]
fn replace_makes_it_the_files_and_undo_brings_back_what_was_there() {
    let q = quiz();
    let mut ours = Progress::new("tpm", "here");
    ours.record_quiz("a", &q, &[vec![1], vec![0, 1]], &[], T);
    let mut file = Progress::new("tpm", "there");
    file.set_completed("b", true, T + 5);
    let before = ours.clone();
    let undo = ours.replace_with(&file, &COURSE, T + 10);
    assert_eq!(ours.lesson("a"), None);
    assert!(ours.is_completed("b"));
    // A file from this very browser, older than now, also replaces (its facts are re-filed).
    let mut again = ours.clone();
    again.replace_with(&before, &COURSE, T + 12);
    assert_eq!(again.lesson("a").unwrap().best_score, Some(100));
    assert!(!again.is_completed("b"));
    ours.undo(&undo, T + 20);
    assert_eq!(ours.lesson("a").unwrap().best_score, Some(100));
    assert!(!ours.is_completed("b"));
    assert_eq!(ours.lessons(), before.lessons());
}

#[test]
fn merge_keeps_the_best_of_both() {
    let q = quiz();
    let mut ours = Progress::new("tpm", "d1");
    ours.record_quiz("a", &q, &[vec![0], vec![0]], &[], T);
    let mut theirs = Progress::new("tpm", "d2");
    theirs.record_quiz("a", &q, &[vec![1], vec![0, 1]], &[], T + 1);
    theirs.record_quiz("a", &q, &[vec![1], vec![0, 1]], &[], T + 2);
    theirs.set_completed("b", true, T + 3);
    theirs.visit("b", T + 4);
    ours.merge(&theirs);
    let a = ours.lesson("a").unwrap();
    assert_eq!(a.best_score, Some(100));
    assert_eq!(
        a.questions["q1"],
        QuestionProgress {
            answer: vec![1],
            attempts: 3,
            hash: "h1".into()
        }
    );
    assert!(ours.is_completed("b"));
    assert_eq!(ours.last_lesson.as_deref(), Some("b"));
    assert_eq!(ours.device, "d1");
}

#[test]
fn a_former_slug_carries_its_progress_to_the_new_one() {
    let q = quiz();
    let mut p = Progress::new("tpm", "d");
    p.record_quiz("old-name", &q, &[vec![1], vec![0, 1]], &[], T);
    p.set_completed("new-name", false, T + 1);
    p.rename_lessons([("old-name", "new-name"), ("never-used", "a")]);
    assert_eq!(p.lesson("old-name"), None);
    let l = p.lesson("new-name").unwrap();
    assert_eq!(
        (l.best_score, l.completed, l.questions["q1"].attempts),
        (Some(100), false, 1)
    );
}

// ---- Merge is a union: checked on generated records. ----

/// A small deterministic generator (xorshift), so failures repeat.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A record made by random actions of one of three devices, sometimes after merging
/// another generated record, so records share facts and resets as real ones do.
fn generated(rng: &mut Rng, depth: u32) -> Progress {
    let q = quiz();
    let devices = ["d1", "d2", "d3"];
    let slugs = ["a", "b", "c"];
    let mut p = Progress::new("tpm", devices[rng.below(3) as usize]);
    let mut now = T + rng.below(50);
    let mut undos = Vec::new();
    for _ in 0..rng.below(12) {
        now += rng.below(5);
        let slug = slugs[rng.below(3) as usize];
        match rng.below(12) {
            0 => p.visit(slug, now),
            1 => p.set_position(slug, rng.below(1001) as f64 / 1000.0, now),
            2 => p.reach_end(slug, rng.below(2) == 0, now),
            3 => {
                let answers = [vec![rng.below(2) as usize], vec![rng.below(3) as usize]];
                p.record_quiz(slug, &q, &answers, &[], now);
            }
            4 => p.set_completed(slug, rng.below(2) == 0, now),
            9 => {
                let question = &q.questions[rng.below(2) as usize];
                let answer = [rng.below(3) as usize];
                p.record_review(slug, question, &answer, rng.below(2) == 0, now);
            }
            10 => {
                let recall = Recall::new(rng.below(2) == 0, rng.below(2) == 0);
                let answers = [
                    (slug, "q1".to_string(), recall),
                    ("c", "q2".to_string(), recall),
                ];
                p.record_exam(&answers, rng.below(2) == 0, now);
            }
            11 => p.draw_seed(rng.below(1000) as u32),
            5 => undos.push(p.reset_lesson(slug, now)),
            6 => {
                if let Some(u) = undos.pop() {
                    p.undo(&u, now);
                }
            }
            7 if depth < 2 => {
                let other = generated(rng, depth + 1);
                p.merge(&other);
            }
            _ => undos.push(p.reset_course(&COURSE, now)),
        }
    }
    p
}

fn merged(a: &Progress, b: &Progress) -> Progress {
    let mut m = a.clone();
    m.merge(b);
    m
}

#[test]
fn merge_is_commutative_associative_and_idempotent_on_generated_records() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut nonempty = 0;
    for case in 0..400 {
        let (a, b, c) = (
            generated(&mut rng, 0),
            generated(&mut rng, 0),
            generated(&mut rng, 0),
        );
        nonempty += usize::from(!a.log.devices.is_empty());
        // Compared without the device id, which is the merging tab's own.
        let same = |x: &Progress, y: &Progress| {
            assert_eq!(x.log, y.log, "case {case}: logs differ");
            assert_eq!(x.lessons, y.lessons, "case {case}: derived state differs");
            assert_eq!(x.last_lesson, y.last_lesson, "case {case}");
        };
        // What each action updated in step agrees with deriving from the log afresh.
        for x in [&a, &b, &c] {
            let mut fresh = x.clone();
            fresh.rederive();
            same(&fresh, x);
        }
        same(&merged(&a, &b), &merged(&b, &a));
        same(&merged(&merged(&a, &b), &c), &merged(&a, &merged(&b, &c)));
        same(&merged(&a, &a), &a);
        same(&merged(&merged(&a, &b), &b), &merged(&a, &b));
        // Nothing visible in either is lost unless a reset in the other hides it.
        let m = merged(&a, &b);
        for (slug, l) in a.lessons() {
            if b.log.resets.is_empty()
                && l.completed
                && !b.lessons().get(slug).is_some_and(|x| x.opened > l.opened)
            {
                assert!(m.lesson(slug).is_some(), "case {case}: lesson {slug} lost");
            }
        }
        // Encoding keeps every fact.
        let decoded = Progress::decode(&m.encode(), "tpm").unwrap();
        same(&decoded, &m);
    }
    assert!(
        nonempty > 300,
        "the generator makes real records ({nonempty} of 400)"
    );
}

#[test]
fn a_year_of_answering_every_question_every_day_stays_under_a_megabyte() {
    // A course the size of edition 2 (39 lessons of 4 or 5 questions), ids as long as the
    // real ones (about 25 characters), every quiz submitted once a day for 365 days, each day
    // opening, scrolling and finishing every lesson too.
    let lessons: Vec<(String, Quiz)> = (0..39)
        .map(|l| {
            let mut q = quiz();
            q.questions = (0..if l < 25 { 5 } else { 4 })
                .map(|i| Question {
                    id: format!("lesson-{l:02}-question-number-{i}"),
                    ..quiz().questions[i % 2].clone()
                })
                .collect();
            (format!("lesson-slug-of-typical-length-{l:02}"), q)
        })
        .collect();
    let mut p = Progress::new("tpm", "k3x9q2");
    let day = 86_400_000;
    for d in 0..365u64 {
        for (i, (slug, quiz)) in lessons.iter().enumerate() {
            let now = T + d * day + i as u64 * 60_000;
            p.visit(slug, now);
            p.set_position(slug, 0.5 + (d % 7) as f64 / 100.0, now + 1);
            let answers: Vec<Vec<usize>> = quiz
                .questions
                .iter()
                .map(|q| {
                    if q.kind == QuestionKind::Multiple {
                        vec![0, 1]
                    } else {
                        vec![(d % 2) as usize]
                    }
                })
                .collect();
            p.record_quiz(slug, quiz, &answers, &[], now + 2);
        }
    }
    let size = p.encode().len();
    println!("one-year record: {size} bytes");
    assert!(size < 1_000_000, "the one-year record is {size} bytes");
    assert!(
        size > 500_000,
        "the record really holds a year ({size} bytes)"
    );
    let l = p.lesson("lesson-slug-of-typical-length-00").unwrap();
    assert_eq!(l.questions["lesson-00-question-number-0"].attempts, 365);
    // Every question of every lesson was answered every day, and reads back so.
    let read = Progress::decode(&p.encode(), "tpm").unwrap();
    for (slug, quiz) in &lessons {
        let derived = read.lesson(slug).unwrap();
        assert_eq!(derived.questions.len(), quiz.questions.len(), "{slug}");
        assert!(
            derived.questions.values().all(|q| q.attempts == 365),
            "{slug}"
        );
        assert!(derived.completed && derived.reached_end, "{slug}");
    }
}

// ---- Version 1 records, as the round-2 build wrote them, migrate with nothing lost. ----

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/progress-v1/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Checks every field of every lesson of a version-1 record against its migration.
fn check_migration(name: &str) -> Progress {
    let raw = fixture(name);
    let v1: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let p = Progress::decode(&raw, "tpm-course").unwrap_or_else(|e| panic!("{name}: {e}"));
    let lessons = v1["lessons"].as_object().unwrap();
    assert_eq!(
        p.lessons().len(),
        lessons.len(),
        "{name}: every lesson is kept"
    );
    for (slug, l) in lessons {
        let m = p
            .lesson(slug)
            .unwrap_or_else(|| panic!("{name}: {slug} lost"));
        assert_eq!(
            m.completed,
            l["completed"].as_bool().unwrap(),
            "{name} {slug} completed"
        );
        assert_eq!(
            m.reached_end,
            l["reached_end"].as_bool().unwrap(),
            "{name} {slug} reached_end"
        );
        assert_eq!(
            m.best_score,
            l["best_score"].as_u64().map(|s| s as u32),
            "{name} {slug} best_score"
        );
        assert_eq!(m.position, l["position"].as_f64(), "{name} {slug} position");
        let questions = l["questions"].as_object().unwrap();
        assert_eq!(
            m.questions.len(),
            questions.len(),
            "{name} {slug} questions"
        );
        for (id, q) in questions {
            let mq = &m.questions[id];
            let answer: Vec<usize> = q["answer"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_u64().unwrap() as usize)
                .collect();
            assert_eq!(mq.answer, answer, "{name} {slug} {id} answer");
            assert_eq!(
                u64::from(mq.attempts),
                q["attempts"].as_u64().unwrap(),
                "{name} {slug} {id} attempts"
            );
            assert_eq!(
                mq.hash,
                q["hash"].as_str().unwrap(),
                "{name} {slug} {id} hash"
            );
        }
    }
    assert_eq!(
        p.last_lesson.as_deref(),
        v1["last_lesson"].as_str(),
        "{name}: last lesson"
    );
    // Once written as version 2 and read back, it is the same.
    assert_eq!(
        Progress::decode(&p.encode(), "tpm-course")
            .unwrap()
            .lessons(),
        p.lessons(),
        "{name}"
    );
    p
}

#[test]
fn version_1_records_migrate_with_nothing_lost() {
    let fresh = check_migration("fresh");
    assert_eq!(fresh.lessons().len(), 1);
    let mid = check_migration("mid-course");
    assert_eq!(mid.lessons().values().filter(|l| l.completed).count(), 3);
    let complete = check_migration("complete");
    assert_eq!(
        complete.lessons().values().filter(|l| l.completed).count(),
        39
    );
    let odd = check_migration("stale-and-unknown");
    assert!(
        odd.lesson("retired-lesson").unwrap().completed,
        "a lesson the course no longer has is kept"
    );
    let first = odd.lesson("what-do-technical-program-managers-do").unwrap();
    assert!(first
        .questions
        .values()
        .any(|q| q.hash == "00000000deadbeef" && q.attempts == 3));
    // The same version-1 record migrated in two tabs merges into itself.
    let mut twice = mid.clone();
    twice.merge(&check_migration("mid-course"));
    assert_eq!(twice.lessons(), mid.lessons());
    // And what the learner does next counts as later than anything migrated.
    let mut next = mid.clone();
    next.device = "new".into();
    let slug = next.last_lesson.clone().unwrap();
    next.set_completed(&slug, true, T);
    next.visit("closing-a-program", T + 1);
    assert_eq!(next.last_lesson.as_deref(), Some("closing-a-program"));
}

#[test]
fn a_quiz_opens_with_its_last_answers_only_while_every_question_is_unchanged() {
    let mut p = Progress::new("tpm", "d");
    let q = quiz();
    assert_eq!(
        p.quiz_restore("a", &q),
        QuizRestore {
            answers: None,
            attempts: 0,
            stale: false
        }
    );
    p.record_quiz("a", &q, &[vec![1], vec![0, 2]], &[], T);
    p.record_quiz("a", &q, &[vec![0], vec![0, 1]], &[], T + 1);
    assert_eq!(
        p.quiz_restore("a", &q),
        QuizRestore {
            answers: Some(vec![vec![0], vec![0, 1]]),
            attempts: 2,
            stale: false
        }
    );
    let mut edited = quiz();
    edited.questions[1].hash = "h2-rewritten".into();
    assert_eq!(
        p.quiz_restore("a", &edited),
        QuizRestore {
            answers: None,
            attempts: 2,
            stale: true
        }
    );
}
