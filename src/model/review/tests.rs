use super::session::*;
use super::*;
use crate::model::course::{Choice, Lesson, Question, QuestionKind, Verdict};
use crate::model::exam;
use crate::model::fsrs::next_interval;
use crate::model::progress::Progress;
use crate::model::routes::ReviewScope;

const T: Time = 1_764_080_000_000;

/// Three modules of 10, 6 and 4 questions (`model::course::TEST_COURSE`).
use crate::model::course::TEST_COURSE as COURSE;

/// Question `i` of a lesson: choice 1 of 3 is right.
fn question(slug: &str, i: usize) -> Question {
    let choice = |correct| Choice {
        text: String::new(),
        correct,
        explanation: String::new(),
    };
    Question {
        id: format!("{slug}{i}"),
        kind: QuestionKind::Single,
        prompt: String::new(),
        explanation: String::new(),
        choices: vec![choice(false), choice(true), choice(false)],
        hash: String::new(),
    }
}

fn review(p: &mut Progress, slug: &str, i: usize, right: bool, unsure: bool, at: Time) {
    let answer = [usize::from(right)];
    p.record_review(slug, &question(slug, i), &answer, unsure, at);
}

#[test]
fn a_right_answer_is_scheduled_by_fsrs_and_a_wrong_one_is_due_at_once() {
    let mut p = Progress::new("tpm", "d");
    review(&mut p, "a", 0, true, false, T);
    review(&mut p, "a", 1, true, true, T);
    review(&mut p, "a", 2, false, false, T);
    let items = items(&p, &COURSE);
    assert_eq!(items.len(), 3);
    // First answers: Good gives stability w2 = 2.3065 days, Hard w1 = 1.2931, Again w0 = 0.212.
    let good = &items[0];
    assert_eq!(good.question, "a0");
    assert!((good.memory.stability - 2.3065).abs() < 1e-9);
    assert_eq!(next_interval(good.memory.stability, DESIRED_RETENTION), 2);
    assert_eq!(good.due, T + 2 * DAY);
    let hard = &items[1];
    assert!((hard.memory.stability - 1.2931).abs() < 1e-9);
    // Each answer is a new fact, one millisecond after the one before.
    assert_eq!(hard.due, T + 1 + DAY);
    assert_eq!(hard.unsure, 1);
    let wrong = &items[2];
    assert!((wrong.memory.stability - 0.212).abs() < 1e-9);
    assert_eq!(wrong.due, T + 2);
    assert_eq!(
        (wrong.lapses, wrong.right_once, wrong.right_now),
        (1, false, false)
    );

    assert_eq!(due_count(&items, T + 1), 0);
    assert_eq!(due_count(&items, T + 2), 1);
    assert_eq!(due_count(&items, T + 1 + DAY), 2);
    assert_eq!(due_count(&items, T + 2 * DAY), 3);
    // Least likely remembered first: the wrong one (S 0.2), then Hard (S 1.3), then Good.
    let order: Vec<&str> = due(&items, T + 3 * DAY, 20)
        .iter()
        .map(|i| i.question.as_str())
        .collect();
    assert_eq!(order, ["a2", "a1", "a0"]);
    assert_eq!(due(&items, T + 3 * DAY, 2).len(), 2);
    // Due today (including overdue), tomorrow, the day after.
    assert_eq!(due_by_day(&items, T, 4), [1, 1, 1, 0]);
    assert_eq!(due_by_day(&items, T + DAY, 3), [2, 1, 0]);
}

#[test]
fn a_history_replays_through_fsrs_across_quiz_review_and_exam() {
    let mut p = Progress::new("tpm", "d");
    let quiz = crate::model::course::Quiz {
        title: String::new(),
        questions: vec![question("a", 0), question("a", 1)],
    };
    // A quiz: a0 right, a1 wrong and unsure.
    p.record_quiz("a", &quiz, &[vec![1], vec![0]], &[false, true], T);
    review(&mut p, "a", 1, true, false, T + DAY / 2);
    p.record_exam(&[("a", "a0".into(), Recall::Right)], true, T + 3 * DAY);
    let items = items(&p, &COURSE);
    let a0 = &items[0];
    let expected = fsrs::replay(
        &[(0.0, Rating::Good), (3.0, Rating::Good)],
        &DEFAULT_WEIGHTS,
    );
    assert_eq!(Some(a0.memory), expected);
    assert_eq!(a0.answers, 2);
    let a1 = &items[1];
    let expected = fsrs::replay(
        &[(0.0, Rating::Again), (0.5, Rating::Good)],
        &DEFAULT_WEIGHTS,
    );
    assert_eq!(Some(a1.memory), expected);
    assert_eq!((a1.lapses, a1.unsure, a1.right_now), (1, 1, true));
    // Exam history: one timed exam, one of one right, in module 1.
    let past = exam::history(&p, &COURSE);
    assert_eq!(past.len(), 1);
    assert!(past[0].timed);
    assert_eq!(past[0].score.modules, [(0, 1, 1)]);
}

#[test]
fn quizzes_from_before_version_3_count_by_their_score() {
    // A version-2 record: two attempts, no graded answers.
    let raw = r#"{"version":2,"course":"tpm","device":"d","log":{"d":{"a":{"questions":["a0","a1"],"attempts":[[1764080000000,50,"0:1 1:0"],[1764166400000,100,"0:1 1:1"]]}}}}"#;
    let p = Progress::decode(raw, "tpm").unwrap();
    let items = items(&p, &COURSE);
    assert_eq!(items.len(), 2);
    for i in &items {
        assert_eq!((i.answers, i.lapses, i.right_now), (2, 1, true));
    }
}

#[test]
fn a_reset_hides_what_the_scheduler_sees() {
    let mut p = Progress::new("tpm", "d");
    review(&mut p, "a", 0, true, false, T);
    review(&mut p, "c", 0, true, false, T);
    p.reset_lesson("a", T + 1);
    let items = items(&p, &COURSE);
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].slug, "c");
}

#[test]
fn mastery_climbs_by_the_written_rules() {
    let module = &COURSE.modules[1]; // lessons c (2 questions) and d (4): 6 questions.
    let mut p = Progress::new("tpm", "d");
    let level = |p: &Progress| mastery(module, &items(p, &COURSE)).level;
    assert_eq!(level(&p), Level::NotStarted);
    review(&mut p, "c", 0, false, false, T);
    assert_eq!(level(&p), Level::Attempted);
    // 4 of 6 right once (67%): still Attempted; 5 of 6 (83%): Familiar.
    for i in 0..2 {
        review(&mut p, "c", i, true, false, T + 1);
    }
    review(&mut p, "d", 0, true, false, T + 1);
    review(&mut p, "d", 1, true, false, T + 1);
    assert_eq!(mastery(module, &items(&p, &COURSE)).right_once, 4);
    assert_eq!(level(&p), Level::Attempted);
    review(&mut p, "d", 2, true, false, T + 1);
    assert_eq!(level(&p), Level::Familiar);
    // Every question right on its latest answer: Proficient.
    review(&mut p, "d", 3, true, false, T + 2);
    assert_eq!(level(&p), Level::Proficient);
    // A wrong latest answer drops it back to Familiar.
    review(&mut p, "d", 3, false, false, T + 3);
    assert_eq!(level(&p), Level::Familiar);
    // Recalled right a week after first learning, all six: Mastered; six days is not enough.
    review(&mut p, "d", 3, true, false, T + 6 * DAY);
    for (slug, i) in [("c", 0), ("c", 1), ("d", 0), ("d", 1), ("d", 2)] {
        review(&mut p, slug, i, true, false, T + 7 * DAY + 10);
    }
    assert_eq!(level(&p), Level::Proficient);
    review(&mut p, "d", 3, true, false, T + 8 * DAY);
    let m = mastery(module, &items(&p, &COURSE));
    assert_eq!(
        (
            m.level,
            m.questions,
            m.answered,
            m.right_now,
            m.recalled_later
        ),
        (Level::Mastered, 6, 6, 6, 6)
    );
    // A week later in a lesson quiz does not count as a review.
    let mut q = Progress::new("tpm", "d");
    let quiz = crate::model::course::Quiz {
        title: String::new(),
        questions: vec![question("e", 0)],
    };
    q.record_quiz("e", &quiz, &[vec![1]], &[], T);
    q.record_quiz("e", &quiz, &[vec![1]], &[], T + 8 * DAY);
    assert!(!items(&q, &COURSE)[0].recalled_later);
}

#[test]
fn weakest_items_and_lessons_come_first() {
    let mut p = Progress::new("tpm", "d");
    review(&mut p, "a", 0, true, false, T);
    review(&mut p, "b", 0, false, false, T);
    review(&mut p, "b", 1, true, true, T);
    let items = items(&p, &COURSE);
    let weak: Vec<&str> = weakest(&items, T + DAY, 2)
        .iter()
        .map(|i| i.question.as_str())
        .collect();
    assert_eq!(weak, ["b0", "b1"]);
    let lessons = weakest_lessons(&items, T + DAY, 5);
    assert_eq!(lessons.len(), 2);
    assert_eq!(lessons[0].0, "b");
    assert!((lessons[1].1 - fsrs::retrievability(2.3065, 1.0)).abs() < 1e-12);
}

#[test]
fn choices_are_shuffled_per_learner_and_question_and_stable() {
    assert_eq!(
        choice_order(7, "tpm-primary-deliverable", 4),
        choice_order(7, "tpm-primary-deliverable", 4)
    );
    // Pinned: a change to the generator reorders every learner's choices.
    assert_eq!(choice_order(7, "tpm-primary-deliverable", 4), PINNED_ORDER);
    for n in 1..7 {
        let mut order = choice_order(3, "q", n);
        order.sort_unstable();
        assert_eq!(order, (0..n).collect::<Vec<_>>(), "a permutation of {n}");
    }
    // Across learners, the authored first choice lands in each of 4 places about as often.
    let mut places = [0u32; 4];
    for seed in 0..4000 {
        let order = choice_order(seed, "q", 4);
        places[order.iter().position(|&c| c == 0).unwrap()] += 1;
    }
    assert!(
        places.iter().all(|&n| (850..1150).contains(&n)),
        "{places:?}"
    );
    // Across questions, one learner's orders differ.
    let orders: Vec<Vec<usize>> = (0..20)
        .map(|i| choice_order(1, &format!("q{i}"), 4))
        .collect();
    assert!(orders.iter().any(|o| *o != orders[0]));
}

const PINNED_ORDER: [usize; 4] = [2, 3, 1, 0];

#[test]
fn an_exam_draws_in_proportion_without_repeats() {
    let mut rng = Rng::new(42);
    for length in exam::LENGTHS {
        let drawn = exam::draw(&COURSE, length, &mut rng);
        let expected = length.min(20);
        assert_eq!(drawn.len(), expected);
        let mut sorted = drawn.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), expected, "no repeats");
        let per_module = |lessons: &[&str]| {
            drawn
                .iter()
                .filter(|d| lessons.contains(&d.slug.as_str()))
                .count()
        };
        let shares = [
            per_module(&["a", "b"]),
            per_module(&["c", "d"]),
            per_module(&["e"]),
        ];
        match length {
            // 10 of 20 questions: 10·10/20 = 5, 10·6/20 = 3, 10·4/20 = 2.
            10 => assert_eq!(shares, [5, 3, 2]),
            _ => assert_eq!(shares, [10, 6, 4]),
        }
        assert!(
            drawn
                .iter()
                .all(|d| d.index
                    < COURSE.find_lesson(&d.slug).unwrap().lesson.question_count as usize)
        );
    }
    // Largest remainders: 7 of 20 is 3.5, 2.1 and 1.4: the half goes to module 1.
    let drawn = exam::draw(&COURSE, 7, &mut rng);
    let m1 = drawn
        .iter()
        .filter(|d| d.slug == "a" || d.slug == "b")
        .count();
    let m2 = drawn
        .iter()
        .filter(|d| d.slug == "c" || d.slug == "d")
        .count();
    assert_eq!((m1, m2, drawn.len() - m1 - m2), (4, 2, 1));
}

#[test]
fn the_answers_stamp_moves_with_answers_resets_and_undos_only() {
    let mut p = Progress::new("tpm", "d");
    let stamp = |p: &Progress| p.log().answers_stamp();
    assert_eq!(stamp(&p), (0, 0, 0, 0));
    review(&mut p, "a", 0, true, false, T);
    assert_eq!(stamp(&p), (1, T, 0, 0));
    p.visit("a", T + 10);
    p.set_position("a", 0.5, T + 11);
    assert_eq!(stamp(&p), (1, T, 0, 0));
    let undo = p.reset_lesson("a", T + 12);
    assert_eq!(stamp(&p), (1, T, 1, 0));
    p.undo(&undo, T + 13);
    assert_eq!(stamp(&p), (1, T, 1, 1));
}

/// A lesson's data with questions `0..n` (as `question` makes them).
fn loaded(slug: &str, n: usize) -> Lesson {
    Lesson {
        slug: slug.to_string(),
        html: String::new(),
        quiz: Some(crate::model::course::Quiz {
            title: String::new(),
            questions: (0..n).map(|i| question(slug, i)).collect(),
        }),
    }
}

/// The ids of the questions a session asks, in order.
fn queue(session: &ReviewSession) -> Vec<String> {
    let mut s = session.clone();
    let mut out = Vec::new();
    while let Some(step) = s.current() {
        out.push(step.question.id.clone());
        // Walk on without recording: a right answer to a scratch record.
        let right = [step.question.correct_choices()[0]];
        s.check(&mut Progress::new("tpm", "scratch"), &right, false, T);
        s.next();
    }
    out
}

/// A record where, three days after `T`, four items are due: a2 (wrong), a1 (right but
/// unsure), a0 (right, three days ago) and b0 (right, two days ago).
fn four_due() -> Progress {
    let mut p = Progress::new("tpm", "d");
    review(&mut p, "a", 0, true, false, T);
    review(&mut p, "a", 1, true, true, T);
    review(&mut p, "a", 2, false, false, T);
    review(&mut p, "b", 0, true, false, T + DAY);
    p
}

#[test]
fn a_session_asks_the_due_items_least_likely_remembered_first() {
    let p = four_due();
    let now = T + 3 * DAY;
    let plan = Plan::new(ReviewScope::All, &items(&p, &COURSE), now);
    assert_eq!(plan.lessons(), ["a", "b"]);
    let session = plan.clone().start(&[loaded("a", 5), loaded("b", 5)], 1);
    assert_eq!((session.stage(), session.total()), (Stage::Asking(0), 4));
    assert_eq!(queue(&session), ["a2", "a1", "a0", "b0"]);
    // The seed orders only one lesson's practice.
    assert_eq!(
        plan.clone().start(&[loaded("a", 5), loaded("b", 5)], 2),
        session
    );
    // A lesson that did not load, or a question its lesson no longer has, is left out.
    assert_eq!(
        queue(&plan.clone().start(&[loaded("a", 2)], 1)),
        ["a1", "a0"]
    );
    assert_eq!(plan.start(&[], 1).stage(), Stage::Empty);
    // A day earlier only a2 and a1 were due (a0 from T + 2 days, b0 from T + 3 days).
    let plan = Plan::new(ReviewScope::All, &items(&p, &COURSE), T + DAY + 1);
    assert_eq!(plan.lessons(), ["a"]);
    assert_eq!(queue(&plan.start(&[loaded("a", 5)], 1)), ["a2", "a1"]);
    // Nothing answered, nothing due.
    let plan = Plan::new(ReviewScope::All, &[], now);
    assert_eq!(plan.lessons(), Vec::<&str>::new());
    assert_eq!(plan.start(&[], 1).stage(), Stage::Empty);
}

#[test]
fn a_session_takes_at_most_twenty_due_items() {
    let mut p = Progress::new("tpm", "d");
    for slug in ["a", "b", "c", "d", "e"] {
        for i in 0..5 {
            review(&mut p, slug, i, false, false, T);
        }
    }
    let plan = Plan::new(ReviewScope::All, &items(&p, &COURSE), T + DAY);
    let lessons: Vec<Lesson> = ["a", "b", "c", "d", "e"]
        .iter()
        .map(|s| loaded(s, 5))
        .collect();
    assert_eq!(plan.start(&lessons, 1).total(), SESSION_SIZE);
}

#[test]
fn a_missed_question_comes_back_at_the_end_at_most_twice() {
    let mut p = four_due();
    let now = T + 3 * DAY;
    let mut session =
        Plan::new(ReviewScope::All, &items(&p, &COURSE), T + DAY + 1).start(&[loaded("a", 5)], 1);
    let wrong = [0];
    let right = [1];

    // No answer: nothing recorded, nothing moves; nor does going on before a check.
    let before = p.clone();
    assert_eq!(session.check(&mut p, &[], false, now), Check::NoAnswer);
    assert_eq!(Check::NoAnswer.message(), "Choose an answer first.");
    session.next();
    assert_eq!(
        (session.stage(), session.is_checked()),
        (Stage::Asking(0), false)
    );
    assert_eq!(p, before);

    // a2, missed: recorded, and asked again at the end.
    assert_eq!(session.current().unwrap().question.id, "a2");
    let missed = session.check(&mut p, &wrong, false, now);
    assert_eq!(
        missed,
        Check::Graded {
            verdict: Verdict::Incorrect,
            again: true
        }
    );
    assert_eq!(
        missed.message(),
        "Not quite. This question comes back later in this session. The explanations are below."
    );
    assert_eq!(session.total(), 3);
    assert!(session.is_checked());
    // Checked once: a second check records nothing.
    assert_eq!(session.check(&mut p, &right, false, now), Check::NoAnswer);
    let a2 = |p: &Progress| {
        let items = items(p, &COURSE);
        let a2 = items.iter().find(|i| i.question == "a2").unwrap().clone();
        (a2.answers, a2.lapses, a2.due)
    };
    // Recorded at `now`: wrong, so due at once.
    assert_eq!(a2(&p), (2, 2, now));

    // a1, right but unsure: not asked again.
    session.next();
    assert_eq!(session.current().unwrap().question.id, "a1");
    let unsure = session.check(&mut p, &right, true, now + 1);
    assert_eq!(
        unsure,
        Check::Graded {
            verdict: Verdict::Correct,
            again: false
        }
    );
    assert_eq!(unsure.message(), "Correct. The explanations are below.");
    assert_eq!((session.total(), session.is_last()), (3, false));

    // a2 again, missed again: once more at the end (the third time it is asked).
    session.next();
    assert_eq!(session.stage(), Stage::Asking(2));
    assert_eq!(session.current().unwrap().question.id, "a2");
    assert!(session.is_last());
    let again = session.check(&mut p, &wrong, false, now + 2);
    assert_eq!(
        again,
        Check::Graded {
            verdict: Verdict::Incorrect,
            again: true
        }
    );
    assert_eq!((session.total(), session.is_last()), (4, false));

    // Missed a third time: it does not come back a fourth.
    session.next();
    let last = session.check(&mut p, &wrong, false, now + 3);
    assert_eq!(
        last,
        Check::Graded {
            verdict: Verdict::Incorrect,
            again: false
        }
    );
    assert_eq!(last.message(), "Not quite. The explanations are below.");
    assert_eq!((session.total(), session.is_last()), (4, true));
    assert_eq!(a2(&p), (4, 4, now + 3));

    session.next();
    assert_eq!(session.stage(), Stage::Finished);
    assert_eq!(session.current(), None);
    assert_eq!(session.check(&mut p, &right, false, now), Check::NoAnswer);
    let summary = session.summary();
    assert_eq!(
        summary,
        Summary {
            answered: 2,
            right_first_time: 1
        }
    );
    assert_eq!(
        summary.text(),
        "You answered 2 questions: 1 right the first time."
    );
    // a2 was missed last, so it is due at once; a0 and b0 were due before the session.
    assert_eq!(
        after_text(&items(&p, &COURSE), now + 4),
        "3 questions are still due."
    );
}

#[test]
fn one_lessons_practice_asks_all_its_questions_in_a_seeded_order() {
    // Whatever the schedule: nothing of lesson e was ever answered.
    let plan = Plan::new(ReviewScope::Lesson("e"), &items(&four_due(), &COURSE), T);
    assert_eq!(plan.lessons(), ["e"]);
    let lessons = [loaded("a", 5), loaded("e", 4)];
    let session = plan.clone().start(&lessons, 7);
    assert_eq!((session.stage(), session.total()), (Stage::Asking(0), 4));
    // Pinned: the same seed gives the same order; another seed another one.
    assert_eq!(queue(&session), PRACTICE_SEED_7);
    assert_eq!(plan.clone().start(&lessons, 7), session);
    assert_eq!(queue(&plan.clone().start(&lessons, 8)), PRACTICE_SEED_8);
    // A lesson that did not load, or has no quiz, leaves nothing to ask.
    assert_eq!(plan.clone().start(&[], 7).stage(), Stage::Empty);
    let no_quiz = Lesson {
        quiz: None,
        ..loaded("e", 0)
    };
    assert_eq!(plan.start(&[no_quiz], 7).stage(), Stage::Empty);
}

/// Pinned (read from a run): a change to `Rng` or the shuffle reorders every practice.
const PRACTICE_SEED_7: [&str; 4] = ["e2", "e3", "e0", "e1"];
const PRACTICE_SEED_8: [&str; 4] = ["e2", "e1", "e3", "e0"];

#[test]
fn a_session_says_what_is_due_and_when() {
    let check = |due: Time, now: Time, expected: &str| {
        assert_eq!(until(due, now), expected, "{due} at {now}");
    };
    let hour = 3_600_000;
    check(T, T, "now");
    check(T - DAY, T, "now");
    check(T + 1, T, "in an hour");
    check(T + hour, T, "in an hour");
    check(T + hour + 1, T, "in 2 hours");
    check(T + 23 * hour, T, "in 23 hours");
    check(T + 23 * hour + 1, T, "tomorrow");
    check(T + DAY, T, "tomorrow");
    check(T + DAY + 1, T, "in 2 days");
    check(T + 10 * DAY, T, "in 10 days");

    assert_eq!(
        empty_text(&[], T),
        "Nothing to review yet. Every question you answer in a lesson's quiz comes back here when it is time to recall it."
    );
    assert_eq!(after_text(&[], T), "Nothing else is due.");
    let mut p = Progress::new("tpm", "d");
    review(&mut p, "a", 0, true, false, T);
    let one = items(&p, &COURSE);
    // Right at T: due two days later.
    assert_eq!(
        empty_text(&one, T + 1),
        "Nothing is due. You have 1 question in review; the next is due in 2 days."
    );
    assert_eq!(
        after_text(&one, T + 1),
        "Nothing else is due now; the next question is due in 2 days."
    );
    assert_eq!(after_text(&one, T + 2 * DAY), "1 question is still due.");
    // All four due, none later. (A session shows this only when the due items' lessons could
    // not be loaded.)
    assert_eq!(
        empty_text(&items(&four_due(), &COURSE), T + 4 * DAY),
        "Nothing is due. You have 4 questions in review."
    );
    assert_eq!(
        Summary {
            answered: 1,
            right_first_time: 0
        }
        .text(),
        "You answered 1 question: 0 right the first time."
    );
}

/// The test course's practice keys: a scenario of module "m2" and a capstone.
fn keys() -> Vec<(&'static str, &'static str)> {
    vec![("scenario:s", "m2"), ("scenario:cap", "")]
}

#[test]
fn missed_decisions_are_items_of_their_scenarios_module_and_count_toward_its_mastery() {
    use crate::model::progress::Recall;
    use crate::model::scenario::Taken;
    let took = |point: &str| Taken {
        point: point.into(),
        choice: 1,
    };
    let mut p = Progress::new("tpm", "d");
    // Module m2 (lessons c and d, 6 questions) answered right in full.
    for (slug, n) in [("c", 2), ("d", 4)] {
        for i in 0..n {
            review(&mut p, slug, i, true, false, T);
        }
    }
    let before = mastery(&COURSE.modules[1], &items(&p, &COURSE));
    assert_eq!(
        (before.level, before.questions, before.right_now),
        (Level::Proficient, 6, 6)
    );
    // A decision missed in m2's scenario, one taken as the expert did (no item), and one
    // missed in the capstone, which belongs to no module.
    let play = p.decide("s", None, &took("p1"), Some(Recall::Wrong), T + 1);
    p.decide("s", Some(play), &took("p2"), None, T + 2);
    p.decide("cap", None, &took("q1"), Some(Recall::Wrong), T + 3);
    let mut all = items(&p, &COURSE);
    let decisions = practice_items(&p, &keys());
    assert_eq!(
        decisions
            .iter()
            .map(|i| (i.slug.as_str(), i.question.as_str(), i.module, i.right_now))
            .collect::<Vec<_>>(),
        vec![
            ("scenario:s", "p1", Some("m2"), false),
            ("scenario:cap", "q1", Some(""), false)
        ]
    );
    // A missed decision is due at once, like a wrong answer.
    assert_eq!(decisions[0].due, decisions[0].last);
    all.extend(decisions);
    let after = mastery(&COURSE.modules[1], &all);
    assert_eq!(
        (after.level, after.questions, after.right_now),
        (Level::Familiar, 7, 6)
    );
    // Other modules are untouched by the capstone.
    assert_eq!(mastery(&COURSE.modules[0], &all).questions, 10);
    // Reviewed right, the decision is known again and the module proficient again.
    let lesson = crate::model::scenario::Scenario {
        slug: "s".into(),
        intro: String::new(),
        start: "p1".into(),
        points: vec![crate::model::scenario::Point {
            id: "p1".into(),
            situation: String::new(),
            lessons: vec![],
            choices: vec![
                crate::model::scenario::ScenarioChoice {
                    text: String::new(),
                    consequence: String::new(),
                    next: "e".into(),
                    expert: true,
                },
                crate::model::scenario::ScenarioChoice {
                    text: String::new(),
                    consequence: String::new(),
                    next: "e".into(),
                    expert: false,
                },
            ],
        }],
        endings: vec![],
    }
    .as_lesson("S");
    let question = &lesson.quiz.as_ref().unwrap().questions[0];
    p.record_review(&lesson.slug, question, &[0], false, T + 10);
    let mut all = items(&p, &COURSE);
    all.extend(practice_items(&p, &keys()));
    let again = mastery(&COURSE.modules[1], &all);
    assert_eq!(
        (again.level, again.questions, again.right_now),
        (Level::Proficient, 7, 7)
    );
}
