//! The stored and exported form of the record: readable JSON, compact where it repeats.
//!
//! Version 4 (written now) is version 3 with the facts of scenarios, exercises and notes. A
//! scenario's and an exercise's facts sit beside the lessons', under `"scenario:<slug>"` and
//! `"exercise:<slug>"`:
//!
//! ```json
//! "scenario:the-vault-slips": {"decisions": [[1764080000000, 1764080000000, "red-or-amber", 1]],
//!   "questions": ["red-or-amber"], "recalls": [[1764080000000, "s", "0w"]]},
//! "exercise:weekly-status": {"edits": [[1764080000000, 1764080090000, "My answer"]],
//!   "questions": ["weekly-status"], "recalls": [[1764080100000, "x", "0h"]]},
//! "escalation": {"bookmarks": [[1764080000000, true]],
//!   "edits": [[1764080000000, 1764080005000, "Second thoughts", "k3x9q2", 1764070000000, 1764070009000]]}
//! ```
//!
//! A decision is `[playthrough, time, point, choice]` (a playthrough is known by the time it
//! started); an edit is `[id, saved, text]`, followed by `device, id, saved` for each edit it
//! continued (the save of it that it saw). Recalls from a scenario are `s`, from an exercise `x`. Version 3
//! builds refuse version 4 as newer and leave it alone.
//!
//! Version 3 is version 2 with two more parts: each lesson's `recalls` (graded
//! answers for review scheduling) and the learner's `seed`. Version 2 builds refuse it as
//! newer and leave it alone, rather than write back a record without them.
//!
//! Version 2:
//!
//! ```json
//! {"version": 2, "course": "tpm", "device": "k3x9q2",
//!  "log": {"k3x9q2": {"what-do-technical-program-managers-do": {
//!     "opened": 1764080000000, "position": [1764080000500, 0.457],
//!     "ends": [1764080090000], "marks": [[1764080090000, true]],
//!     "questions": ["tpm-primary-deliverable", "tpm-why-role-exists"],
//!     "attempts": [[1764080090000, 50, "0:0 1:2"]],
//!     "hashes": {"tpm-primary-deliverable": [1764080090000, "5c1f0e2d9a7b3c44"]}}}},
//!  "resets": [{"at": 1764090000000, "by": "k3x9q2", "lessons": ["…"], "seen": {"k3x9q2": 1764080090000}}],
//!  "undone": [["k3x9q2", 1764090000000]]}
//! ```
//!
//! An attempt's answers name questions by their place in the lesson's `questions` list:
//! `"0:0 1:2,3"` is choice 0 for the first question, choices 2 and 3 for the second.
//! A quiz's grades follow its answers as a fourth element, one letter per answer
//! (`[1764080090000, 50, "0:0 1:2", "wg"]`). Other recalls name questions the same way:
//! `[1764080090000, "r", "0g 1h"]` is a review (`q` quiz, `r` review,
//! `e` exam, `t` timed exam) that got the first question right (`g`), the second right but
//! unsure (`h`); `w` is wrong, `u` wrong and unsure. `"seed": 2654435769` sits beside `log`.
//! Version 1 (round 1) kept only the latest state; reading turns it into facts ([`super::read`]).

use super::log::{Attempt, LessonLog, Log, Recall, Recalls, Source, Time};
use crate::model::json::{write_str, write_thousandths};

/// The device id under which a version-1 record's facts are kept. Its times are small
/// numbers (version 1 kept no times), so anything done since counts as later.
pub const V1_DEVICE: &str = "v1";

pub(super) fn encode(log: &Log, version: u32, course: &str, device: &str) -> String {
    let mut out = String::with_capacity(256);
    out.push_str(&format!("{{\"version\":{version},\"course\":"));
    write_str(&mut out, course);
    out.push_str(",\"device\":");
    write_str(&mut out, device);
    out.push_str(",\"log\":{");
    for (i, (d, lessons)) in log.devices.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(&mut out, d);
        out.push_str(":{");
        for (j, (slug, l)) in lessons.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            write_str(&mut out, slug);
            out.push(':');
            write_lesson(&mut out, l);
        }
        out.push('}');
    }
    out.push('}');
    if !log.resets.is_empty() {
        out.push_str(",\"resets\":[");
        for (i, r) in log.resets.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&format!("{{\"at\":{},\"by\":", r.at));
            write_str(&mut out, &r.by);
            out.push_str(",\"lessons\":[");
            for (j, slug) in r.lessons.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                write_str(&mut out, slug);
            }
            out.push_str("],\"seen\":{");
            for (j, (d, t)) in r.seen.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                write_str(&mut out, d);
                out.push_str(&format!(":{t}"));
            }
            out.push_str("}}");
        }
        out.push(']');
    }
    if let Some(seed) = log.seed {
        out.push_str(&format!(",\"seed\":{seed}"));
    }
    if !log.undone.is_empty() {
        out.push_str(",\"undone\":[");
        for (i, (by, at)) in log.undone.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('[');
            write_str(&mut out, by);
            out.push_str(&format!(",{at}]"));
        }
        out.push(']');
    }
    out.push('}');
    out
}

/// One device's facts of one lesson; empty parts are left out.
fn write_lesson<'a>(out: &mut String, l: &'a LessonLog) {
    let mut parts: Vec<String> = Vec::new();
    if let Some(t) = l.opened {
        parts.push(format!("\"opened\":{t}"));
    }
    if let Some((t, p)) = l.position {
        let mut part = format!("\"position\":[{t},");
        write_thousandths(&mut part, p);
        part.push(']');
        parts.push(part);
    }
    if !l.ends.is_empty() {
        let ends: Vec<String> = l.ends.iter().map(Time::to_string).collect();
        parts.push(format!("\"ends\":[{}]", ends.join(",")));
    }
    if !l.marks.is_empty() {
        let marks: Vec<String> = l
            .marks
            .iter()
            .map(|(t, done)| format!("[{t},{done}]"))
            .collect();
        parts.push(format!("\"marks\":[{}]", marks.join(",")));
    }
    if !l.attempts.is_empty() || !l.recalls.is_empty() {
        // Questions are named by their place in this list, in order of first appearance
        // (attempts, then recalls), found by a binary search of the sorted ids.
        let named: Vec<&'a str> = l
            .attempts
            .iter()
            .flat_map(|a| a.answers.iter().map(|q| q.0.as_str()))
            .chain(
                l.recalls
                    .iter()
                    .flat_map(|r| r.answers.iter().map(|q| q.0.as_str())),
            )
            .collect();
        let questions: Vec<&'a str> = crate::model::sort::groups(&named, |q| *q)
            .into_iter()
            .map(|g| named[g[0]])
            .collect();
        let sorted = crate::model::sort::ranked_by(&questions, |q| *q);
        let index = |id: &str| -> usize {
            sorted
                .binary_search_by(|&i| questions[i].cmp(id))
                .map_or(0, |k| sorted[k])
        };
        // The quiz recalls of an attempt's time, by index (recalls sort by time, then source).
        let quiz_recalls = |at: Time| {
            let from = l
                .recalls
                .partition_point(|r| (r.at, r.source) < (at, Source::Quiz));
            (from..l.recalls.len())
                .take_while(move |&i| l.recalls[i].at == at && l.recalls[i].source == Source::Quiz)
        };
        // The recalls written as an attempt's grades; every other one is written on its own
        // (two quiz recalls of one time that both fit an attempt: one is its grades, the other
        // stays a recall).
        let mut as_grades = vec![false; l.recalls.len()];
        let mut attempts = Vec::with_capacity(l.attempts.len());
        for a in &l.attempts {
            let answers: Vec<String> = a
                .answers
                .iter()
                .map(|(id, choices)| {
                    let choices: Vec<String> = choices.iter().map(usize::to_string).collect();
                    format!("{}:{}", index(id), choices.join(","))
                })
                .collect();
            // The quiz's grades, one letter per answer, when recorded with it (version 3).
            let grades =
                quiz_recalls(a.at).find(|&i| !as_grades[i] && graded_in_order(&l.recalls[i], a));
            match grades {
                Some(i) => {
                    as_grades[i] = true;
                    let r = &l.recalls[i];
                    let letters: String =
                        r.answers.iter().map(|(_, g)| recall_letter(*g)).collect();
                    attempts.push(format!(
                        "[{},{},\"{}\",\"{letters}\"]",
                        a.at,
                        a.score,
                        answers.join(" ")
                    ));
                }
                None => attempts.push(format!("[{},{},\"{}\"]", a.at, a.score, answers.join(" "))),
            }
        }
        let mut recalls = Vec::with_capacity(l.recalls.len());
        for (r, _) in l.recalls.iter().zip(&as_grades).filter(|(_, g)| !**g) {
            let answers: Vec<String> = r
                .answers
                .iter()
                .map(|(id, recall)| format!("{}{}", index(id), recall_letter(*recall)))
                .collect();
            recalls.push(format!(
                "[{},\"{}\",\"{}\"]",
                r.at,
                source_letter(r.source),
                answers.join(" ")
            ));
        }
        let mut part = String::from("\"questions\":[");
        for (i, q) in questions.iter().enumerate() {
            if i > 0 {
                part.push(',');
            }
            write_str(&mut part, q);
        }
        part.push(']');
        if !attempts.is_empty() {
            part.push_str(&format!(",\"attempts\":[{}]", attempts.join(",")));
        }
        if !recalls.is_empty() {
            part.push_str(&format!(",\"recalls\":[{}]", recalls.join(",")));
        }
        parts.push(part);
    }
    if !l.hashes.is_empty() {
        let mut part = String::from("\"hashes\":{");
        for (i, (id, (t, hash))) in l.hashes.iter().enumerate() {
            if i > 0 {
                part.push(',');
            }
            write_str(&mut part, id);
            part.push_str(&format!(":[{t},"));
            write_str(&mut part, hash);
            part.push(']');
        }
        part.push('}');
        parts.push(part);
    }
    if !l.decisions.is_empty() {
        let mut part = String::from("\"decisions\":[");
        for (i, d) in l.decisions.iter().enumerate() {
            if i > 0 {
                part.push(',');
            }
            part.push_str(&format!("[{},{},", d.play, d.at));
            write_str(&mut part, &d.point);
            part.push_str(&format!(",{}]", d.choice));
        }
        part.push(']');
        parts.push(part);
    }
    if !l.edits.is_empty() {
        let mut part = String::from("\"edits\":[");
        for (i, e) in l.edits.iter().enumerate() {
            if i > 0 {
                part.push(',');
            }
            part.push_str(&format!("[{},{},", e.id, e.saved));
            write_str(&mut part, &e.text);
            for (device, id, seen) in &e.parents {
                part.push(',');
                write_str(&mut part, device);
                part.push_str(&format!(",{id},{seen}"));
            }
            part.push(']');
        }
        part.push(']');
        parts.push(part);
    }
    if !l.bookmarks.is_empty() {
        let marks: Vec<String> = l
            .bookmarks
            .iter()
            .map(|(t, on)| format!("[{t},{on}]"))
            .collect();
        parts.push(format!("\"bookmarks\":[{}]", marks.join(",")));
    }
    out.push('{');
    out.push_str(&parts.join(","));
    out.push('}');
}

/// Whether a quiz's recalls grade exactly the attempt's questions, in its order, so they can
/// be written as the attempt's fourth element.
fn graded_in_order(r: &Recalls, a: &Attempt) -> bool {
    r.answers.len() == a.answers.len() && r.answers.iter().zip(&a.answers).all(|(g, x)| g.0 == x.0)
}

fn source_letter(source: Source) -> char {
    match source {
        Source::Quiz => 'q',
        Source::Review => 'r',
        Source::Exam => 'e',
        Source::TimedExam => 't',
        Source::Scenario => 's',
        Source::Exercise => 'x',
    }
}

/// Wrong, wrong and unsure, right but unsure ("hard"), right ("good").
pub(super) const RECALL_LETTERS: [(Recall, char); 4] = [
    (Recall::Wrong, 'w'),
    (Recall::WrongUnsure, 'u'),
    (Recall::RightUnsure, 'h'),
    (Recall::Right, 'g'),
];

fn recall_letter(recall: Recall) -> char {
    RECALL_LETTERS
        .iter()
        .find(|(r, _)| *r == recall)
        .map_or('w', |(_, c)| *c)
}
