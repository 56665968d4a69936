use super::*;
use crate::model::course::{Choice, QuestionKind, Quiz};

const T: Time = 1_764_080_000_000;
const DAY: Time = 86_400_000;

/// Three modules of 10, 6 and 4 questions (`model::course::TEST_COURSE`).
use crate::model::course::TEST_COURSE as COURSE;

/// Question `i` of a lesson, with id and hash named after it: in lesson "d" a multiple-select
/// question whose choices 0 and 2 of 3 are right, elsewhere one answer, choice 1 of 3.
fn question(slug: &str, i: usize) -> Question {
    let multiple = slug == "d";
    let choice = |c: usize| Choice {
        text: String::new(),
        correct: if multiple { c != 1 } else { c == 1 },
        explanation: String::new(),
    };
    Question {
        id: format!("{slug}{i}"),
        kind: if multiple {
            QuestionKind::Multiple
        } else {
            QuestionKind::Single
        },
        prompt: String::new(),
        explanation: String::new(),
        choices: (0..3).map(choice).collect(),
        hash: format!("h{slug}{i}"),
    }
}

fn lesson(slug: &str, questions: Vec<Question>) -> Lesson {
    Lesson {
        slug: slug.into(),
        html: String::new(),
        quiz: Some(Quiz {
            title: String::new(),
            questions,
        }),
    }
}

/// Every lesson's data, as the outline describes it.
fn lessons() -> Vec<Lesson> {
    COURSE
        .lessons()
        .map(|r| {
            let n = r.lesson.question_count as usize;
            lesson(
                r.lesson.slug,
                (0..n).map(|i| question(r.lesson.slug, i)).collect(),
            )
        })
        .collect()
}

fn drawn(questions: &[(&str, usize)]) -> Vec<Drawn> {
    questions
        .iter()
        .map(|&(slug, index)| Drawn {
            slug: slug.into(),
            index,
        })
        .collect()
}

/// An exam of these questions, loaded at `T`.
fn begun(questions: &[(&str, usize)], timed: bool) -> Stage {
    let mut stage = Stage::Loading {
        plan: Plan::new(drawn(questions), timed),
        failed: None,
    };
    assert_eq!(stage.loaded(&lessons(), &COURSE, T), None);
    stage
}

fn ids(stage: &Stage) -> Vec<&str> {
    let s = stage.sitting().expect("an exam being taken");
    s.questions()
        .iter()
        .map(|q| q.question.id.as_str())
        .collect()
}

fn slugs(infos: &[&LessonInfo]) -> Vec<&'static str> {
    infos.iter().map(|l| l.slug).collect()
}

/// An exam kept by the first test: five questions answered in every way, on the third.
const KEPT: &str = r#"{"version":2,"timed":true,"left":370000,"current":2,"questions":[["a","a0","ha0","1",false,false],["c","c1","hc1","0",false,true],["e","e3","he3","",false,false],["b","b2","hb2","1",true,false],["d","d1","hd1","0,2",false,false]]}"#;

#[test]
fn a_fixed_seed_draws_the_same_exam_and_its_lessons_load_once_each() {
    let mut stage = Stage::start(&COURSE, 10, true, &mut Rng::new(7));
    assert_eq!(stage.screen(), Screen::Loading);
    let Stage::Loading { plan, .. } = &stage else {
        unreachable!()
    };
    let drawn: Vec<(&str, usize)> = plan
        .questions
        .iter()
        .map(|q| match q.key {
            Key::Position(i) => (q.slug.as_str(), i),
            Key::Id(_) => unreachable!("a new draw is by position"),
        })
        .collect();
    assert_eq!(drawn, DRAWN_FROM_SEVEN);
    assert_eq!(
        slugs(&stage.lessons_to_load(&COURSE)),
        LESSONS_FROM_SEVEN,
        "each lesson once, in the exam's order"
    );
    assert_eq!(stage.loaded(&lessons(), &COURSE, T), None);
    let s = stage.sitting().unwrap();
    assert_eq!((s.len(), s.current(), s.left()), (10, 0, 750_000));
    let expected: Vec<String> = DRAWN_FROM_SEVEN
        .iter()
        .map(|(slug, i)| format!("{slug}{i}"))
        .collect();
    assert_eq!(ids(&stage), expected);
    // Nothing to load once the exam is being taken; a course without questions stays put.
    assert!(stage.lessons_to_load(&COURSE).is_empty());
    static EMPTY: Course = Course {
        id: "tpm",
        title: "T",
        description: "",
        modules: &[],
    };
    assert_eq!(
        Stage::start(&EMPTY, 10, true, &mut Rng::new(7)),
        Stage::Setup
    );
}

/// Seed 7's draw: 5, 3 and 2 questions from the three modules, in a random order.
const DRAWN_FROM_SEVEN: [(&str, usize); 10] = [
    ("e", 1),
    ("c", 1),
    ("e", 3),
    ("a", 2),
    ("d", 1),
    ("b", 3),
    ("a", 1),
    ("b", 1),
    ("c", 0),
    ("a", 3),
];
const LESSONS_FROM_SEVEN: [&str; 5] = ["e", "c", "a", "d", "b"];

#[test]
fn answers_are_kept_by_question_id_and_resumed_with_the_clock_where_it_was() {
    let mut stage = begun(&[("a", 0), ("c", 1), ("e", 3), ("b", 2), ("d", 1)], true);
    let s = stage.sitting_mut().unwrap();
    assert_eq!(s.left(), 5 * 75_000);
    s.answer(0, &[1], false);
    s.answer(1, &[0], false);
    // A choice the question does not have is left out; the rest is kept in order.
    s.answer(3, &[7, 1], true);
    s.answer(4, &[2, 0], false);
    s.toggle_flag(1);
    s.go(2);
    assert_eq!(s.tick(T + 5_000), Tick::Running);
    assert_eq!(
        (s.unanswered(), s.answered(3), s.flagged(1)),
        (1, true, true)
    );
    assert_eq!(s.encode(), KEPT);

    // A day later: the same exam, its clock where it stopped, starting again now.
    let mut resumed = Stage::resume(KEPT).unwrap();
    assert_eq!(
        slugs(&resumed.lessons_to_load(&COURSE)),
        ["a", "c", "e", "b", "d"]
    );
    assert_eq!(resumed.loaded(&lessons(), &COURSE, T + DAY), None);
    let mut expected = stage.sitting().unwrap().clone();
    expected.since = T + DAY;
    assert_eq!(resumed, Stage::Sitting(expected));
    let r = resumed.sitting_mut().unwrap();
    assert_eq!(r.tick(T + DAY + 1_000), Tick::Running);
    assert_eq!(r.left(), 369_000);
}

#[test]
fn submitting_with_questions_unanswered_asks_first_then_scores_per_module() {
    let mut stage = Stage::resume(KEPT).unwrap();
    stage.loaded(&lessons(), &COURSE, T);
    assert!(!stage.ask_to_submit(&COURSE));
    assert_eq!(stage.sitting().unwrap().confirming(), 1);
    // Going to another question takes the question back.
    stage.sitting_mut().unwrap().go(2);
    assert_eq!(stage.sitting().unwrap().confirming(), 0);
    assert!(!stage.ask_to_submit(&COURSE));
    // Answering the last one while asked: nothing left to confirm.
    let s = stage.sitting_mut().unwrap();
    s.answer(2, &[0], false);
    assert_eq!(s.confirming(), 0);
    s.answer(2, &[], false);
    assert_eq!(s.confirming(), 1);
    assert!(stage.ask_to_submit(&COURSE));
    assert_eq!(stage.screen(), Screen::Done);

    let result = stage.result().unwrap();
    // a0 right, c1 wrong, e3 unanswered (wrong), b2 right but unsure, d1 both right choices.
    let score = &result.score;
    assert_eq!(
        (score.right, score.total, score.percent(), score.passed()),
        (3, 5, 60, false)
    );
    assert_eq!(score.modules, [(0, 2, 2), (1, 1, 2), (2, 0, 1)]);
    assert_eq!(result.missed(), 2);
    assert_eq!(
        result.recalls(),
        [
            ("a", "a0".to_string(), Recall::Right),
            ("c", "c1".to_string(), Recall::Wrong),
            ("e", "e3".to_string(), Recall::Wrong),
            ("b", "b2".to_string(), Recall::RightUnsure),
            ("d", "d1".to_string(), Recall::Right),
        ]
    );
    // Kept in the record, the exam is in the history with the same score.
    let mut p = Progress::new("tpm", "d");
    p.record_exam(&result.recalls(), result.timed, T);
    let past = history(&p, &COURSE);
    assert_eq!(past.len(), 1);
    assert_eq!(past[0].score, *score);
    assert!(past[0].timed);

    // The ones missed, as a new exam: unanswered, unflagged, timed for two questions.
    stage.retake(T + DAY);
    let s = stage.sitting().unwrap();
    assert_eq!(ids(&stage), ["c1", "e3"]);
    assert_eq!(
        (s.left(), s.current(), s.since, s.unanswered()),
        (150_000, 0, T + DAY, 2)
    );
    assert!(!s.flagged(0));
}

#[test]
fn a_partial_answer_to_a_multiple_select_question_is_wrong() {
    let mut stage = begun(&[("d", 0), ("d", 1)], false);
    let s = stage.sitting_mut().unwrap();
    s.answer(0, &[0], false);
    s.answer(1, &[0, 1, 2], false);
    assert!(stage.ask_to_submit(&COURSE));
    assert_eq!(stage.result().unwrap().score.right, 0);
    // With nothing missed there is nothing to retake.
    let mut stage = begun(&[("a", 0)], false);
    stage.sitting_mut().unwrap().answer(0, &[1], false);
    stage.submit(&COURSE);
    stage.retake(T);
    assert_eq!(stage.screen(), Screen::Done);
}

#[test]
fn a_timed_exam_expires_at_its_exact_millisecond() {
    let mut stage = begun(&[("a", 0), ("b", 0)], true);
    assert_eq!(stage.sitting().unwrap().left(), 150_000);
    assert_eq!(stage.tick(T + 1_000, &COURSE), Tick::Running);
    assert_eq!(stage.sitting().unwrap().left(), 149_000);
    // A clock that goes back costs nothing.
    assert_eq!(stage.tick(T - 5_000, &COURSE), Tick::Running);
    assert_eq!(stage.sitting().unwrap().left(), 149_000);
    // Ticks from T - 5 s now: one minute left at T + 84 s.
    assert_eq!(stage.tick(T + 83_999, &COURSE), Tick::Running);
    assert_eq!(
        stage.tick(T + 84_000, &COURSE),
        Tick::Warning { minutes: 1 }
    );
    assert_eq!(stage.tick(T + 143_999, &COURSE), Tick::Running);
    assert_eq!(stage.sitting().unwrap().left(), 1);
    assert_eq!(stage.tick(T + 144_000, &COURSE), Tick::Expired);
    assert_eq!(stage.screen(), Screen::Done);
    assert_eq!(stage.result().unwrap().score.total, 2);
    assert_eq!(stage.tick(T + 145_000, &COURSE), Tick::Idle);

    // Five questions: 6:15; the five-minute warning, then a jump past the one-minute mark
    // warns of the nearer one only.
    let mut stage = begun(&[("a", 0), ("a", 1), ("a", 2), ("a", 3), ("a", 4)], true);
    assert_eq!(stage.tick(T + 74_999, &COURSE), Tick::Running);
    assert_eq!(
        stage.tick(T + 75_000, &COURSE),
        Tick::Warning { minutes: 5 }
    );
    assert_eq!(stage.tick(T + 75_001, &COURSE), Tick::Running);
    let mut jump = begun(&[("a", 0), ("a", 1), ("a", 2), ("a", 3), ("a", 4)], true);
    assert_eq!(
        jump.tick(T + 330_000, &COURSE),
        Tick::Warning { minutes: 1 }
    );

    // An untimed exam has no clock.
    let mut untimed = begun(&[("a", 0)], false);
    assert_eq!(untimed.sitting().unwrap().left(), 0);
    assert_eq!(untimed.tick(T + DAY, &COURSE), Tick::Idle);
    assert_eq!(untimed.screen(), Screen::Sitting);
}

#[test]
fn moving_between_questions_stays_within_the_exam() {
    let mut stage = begun(&[("a", 0), ("b", 0), ("c", 0)], false);
    let s = stage.sitting_mut().unwrap();
    s.previous();
    assert_eq!(s.current(), 0);
    s.next();
    s.next();
    s.next();
    assert_eq!(s.current(), 2);
    s.go(usize::MAX);
    assert_eq!(s.current(), 2);
    s.go(1);
    s.previous();
    assert_eq!(s.current(), 0);
    // Out of range does nothing.
    s.answer(9, &[1], true);
    s.toggle_flag(9);
    assert_eq!(
        (s.unanswered(), s.answered(9), s.flagged(9)),
        (3, false, false)
    );
}

#[test]
fn an_answer_never_moves_to_another_question_when_the_course_changed() {
    // Since KEPT was saved: a question was put before a0, c1 was removed and b2 rewritten.
    let mut changed = lessons();
    changed[0]
        .quiz
        .as_mut()
        .unwrap()
        .questions
        .insert(0, question("a", 9));
    changed[2].quiz.as_mut().unwrap().questions.truncate(1);
    changed[1].quiz.as_mut().unwrap().questions[2].hash = "new".into();
    let mut stage = Stage::resume(KEPT).unwrap();
    assert_eq!(
        stage.loaded(&changed, &COURSE, T).as_deref(),
        Some("The course changed since this exam was saved: 1 question is no longer in it and was taken out (with your answer to it), and 1 answer was cleared because its question has changed.")
    );
    assert_eq!(ids(&stage), ["a0", "e3", "b2", "d1"]);
    let s = stage.sitting().unwrap();
    let answers: Vec<(&[usize], bool)> = s
        .questions()
        .iter()
        .map(|q| (q.answer.as_slice(), q.unsure))
        .collect();
    assert_eq!(
        answers,
        [
            (&[1][..], false),
            (&[][..], false),
            (&[][..], false),
            (&[0, 2][..], false)
        ]
    );
    // Still on e3; no more time than four questions allow.
    assert_eq!((s.current(), s.left()), (1, 300_000));
}

#[test]
fn what_the_learner_is_told_when_the_course_changed() {
    let check = |removed, lost, cleared, expected: Option<&str>| {
        assert_eq!(changed_notice(removed, lost, cleared).as_deref(), expected);
    };
    check(0, 0, 0, None);
    check(
        2,
        0,
        0,
        Some("The course changed since this exam was saved: 2 questions are no longer in it and were taken out."),
    );
    check(
        3,
        2,
        2,
        Some("The course changed since this exam was saved: 3 questions are no longer in it and were taken out (with 2 of your answers), and 2 answers were cleared because their questions have changed."),
    );
    check(
        0,
        0,
        1,
        Some("The course changed since this exam was saved: 1 answer was cleared because its question has changed."),
    );
}

#[test]
fn an_exam_of_questions_all_gone_goes_back_to_the_setup() {
    let raw = r#"{"version":2,"timed":false,"left":0,"current":0,"questions":[["gone","g0","h","1",false,false]]}"#;
    let mut stage = Stage::resume(raw).unwrap();
    assert!(stage.lessons_to_load(&COURSE).is_empty());
    assert_eq!(
        stage.loaded(&lessons(), &COURSE, T).as_deref(),
        Some("None of this exam's questions is in the course any more, so it was closed.")
    );
    assert_eq!(stage, Stage::Setup);
}

#[test]
fn loading_that_fails_can_be_tried_again() {
    let mut stage = Stage::resume(KEPT).unwrap();
    stage.failed("the lesson could not be loaded: you may be offline".into());
    assert_eq!(stage.screen(), Screen::Failed);
    assert_eq!(stage.lessons_to_load(&COURSE).len(), 5);
    stage.retry();
    assert_eq!(stage.screen(), Screen::Loading);
    assert_eq!(stage.loaded(&lessons(), &COURSE, T), None);
    assert_eq!(stage.screen(), Screen::Sitting);
    // Outside loading, neither means anything.
    stage.failed("late".into());
    stage.retry();
    assert_eq!(stage.screen(), Screen::Sitting);
    assert_eq!(stage.loaded(&[], &COURSE, T), None);
    assert_eq!(stage.screen(), Screen::Sitting);
}

#[test]
fn an_exam_kept_by_position_resumes_only_when_it_holds_no_answer() {
    // Nothing answered, flagged or unsure: nothing can land on another question. A renamed
    // lesson is found by its former slug.
    let raw = r#"{"timed":true,"left":100000,"current":1,"questions":[["a",4,"",false,false],["old-e",3,"",false,false]]}"#;
    let mut stage = Stage::resume(raw).unwrap();
    assert_eq!(slugs(&stage.lessons_to_load(&COURSE)), ["a", "e"]);
    assert_eq!(stage.loaded(&lessons(), &COURSE, T), None);
    assert_eq!(ids(&stage), ["a4", "e3"]);
    let s = stage.sitting().unwrap();
    assert_eq!((s.current(), s.left(), s.timed()), (1, 100_000, true));
    assert!(s.encode().starts_with(r#"{"version":2,"#));

    // An answer, a flag or "unsure" by position could belong to another question now.
    for marks in [r#""1",false,false"#, r#""",true,false"#, r#""",false,true"#] {
        let raw = format!(
            r#"{{"timed":false,"left":0,"current":0,"questions":[["a",0,"",false,false],["a",1,{marks}]]}}"#
        );
        assert_eq!(Stage::resume(&raw), Err(Unresumable::ByPosition), "{raw}");
    }
    assert!(!Unresumable::ByPosition.keep());
    assert_eq!(
        Unresumable::ByPosition.message(),
        "Your exam in progress was saved by an earlier version, which cannot tell which question each answer was for, so it was closed."
    );
}

#[test]
fn a_kept_exam_is_untrusted_input() {
    let damaged = Err(Unresumable::Damaged);
    let question = |answer: &str| format!(r#"["a","a0","ha0","{answer}",false,false]"#);
    let exam = |questions: &[String]| {
        format!(
            r#"{{"version":2,"timed":true,"left":18446744073709551615,"current":18446744073709551615,"questions":[{}]}}"#,
            questions.join(",")
        )
    };
    for raw in [
        String::new(),
        "null".into(),
        "[]".into(),
        "[".repeat(10_000),
        " ".repeat(MAX_SAVED_BYTES + 1),
        r#"{"version":"2"}"#.into(),
        r#"{"version":1,"timed":true,"left":0,"current":0,"questions":[]}"#.into(),
        exam(&vec![question(""); MAX_QUESTIONS + 1]),
        exam(&[question("99999")]),
        exam(&[question(&vec!["0"; MAX_CHOSEN + 1].join(","))]),
        exam(&[question(",")]),
        exam(&[format!(
            r#"["{}","a0","ha0","",false,false]"#,
            "a".repeat(201)
        )]),
        exam(&[r#"["a","a0","ha0","",false]"#.into()]),
        r#"{"timed":false,"left":0,"current":0,"questions":[["a",1000,"",false,false]]}"#.into(),
        r#"{"timed":false,"left":0,"current":0,"questions":[["a",-1,"",false,false]]}"#.into(),
    ] {
        assert_eq!(Stage::resume(&raw), damaged, "{raw:.80}");
    }
    let newer = r#"{"version":3,"anything":"else"}"#;
    assert_eq!(Stage::resume(newer), Err(Unresumable::Newer));
    assert!(Unresumable::Newer.keep() && !Unresumable::Damaged.keep());

    // The most an exam can hold is read; the time and the place are bounded by it; a repeated
    // question is kept once; a choice the question does not have clears its answer.
    let mut stage = Stage::resume(&exam(&vec![question("1"); MAX_QUESTIONS])).unwrap();
    let notice = stage.loaded(&lessons(), &COURSE, T);
    assert_eq!(
        notice.as_deref(),
        Some("The course changed since this exam was saved: 99 questions are no longer in it and were taken out (with 99 of your answers).")
    );
    let s = stage.sitting().unwrap();
    assert_eq!((s.len(), s.left(), s.current()), (1, 75_000, 0));
    let mut stage = Stage::resume(&exam(&[question("5")])).unwrap();
    assert!(stage.loaded(&lessons(), &COURSE, T).is_some());
    assert_eq!(stage.sitting().unwrap().unanswered(), 1);
}

#[test]
fn percents_never_overflow() {
    assert_eq!(percent(2, 3), 66);
    assert_eq!(percent(0, 0), 0);
    assert_eq!(percent(u32::MAX, u32::MAX), 100);
}

#[test]
fn the_timer_shows_minutes_and_seconds_rounded_up() {
    let check = |ms, expected| assert_eq!(clock(ms), expected);
    check(0, "0:00");
    check(1, "0:01");
    check(60_000, "1:00");
    check(725_001, "12:06");
    check(u64::MAX, "307445734561825:52");
}
