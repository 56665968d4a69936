//! The stored and exported form of the record: readable JSON, compact where it repeats.
//!
//! Version 3 (written now) is version 2 with two more parts: each lesson's `recalls` (graded
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
//! Version 1 (round 1) kept only the latest state; [`from_v1`] turns it into facts.

use super::log::{Attempt, LessonLog, Log, Map, Recall, Recalls, Reset, Source, Time};
use crate::model::json::{write_str, write_thousandths, Json};

/// Reading fails with a sentence that says what was not as expected.
type Read<T> = Result<T, String>;

fn object<'a>(v: &'a Json, what: &str) -> Read<&'a [(String, Json)]> {
    v.as_object()
        .ok_or_else(|| format!("{what} is not an object"))
}

fn array<'a>(v: &'a Json, what: &str) -> Read<&'a [Json]> {
    v.as_array().ok_or_else(|| format!("{what} is not a list"))
}

fn time(v: &Json, what: &str) -> Read<Time> {
    v.as_u64().ok_or_else(|| format!("{what} is not a time"))
}

fn text<'a>(v: &'a Json, what: &str) -> Read<&'a str> {
    v.as_str().ok_or_else(|| format!("{what} is not text"))
}

/// A member that may be missing (then `None`).
fn member<'a>(v: &'a Json, key: &str) -> Option<&'a Json> {
    v.get(key).filter(|m| **m != Json::Null)
}

/// The items of a list member; none when it is missing.
fn items<'a>(v: &'a Json, key: &str, what: &str) -> Read<&'a [Json]> {
    member(v, key).map_or(Ok(&[][..]), |m| array(m, &format!("{what} \"{key}\"")))
}

/// A pair `[time, x]`.
fn pair<'a>(v: &'a Json, what: &str) -> Read<(Time, &'a Json)> {
    match array(v, what)? {
        [t, x] => Ok((time(t, what)?, x)),
        _ => Err(format!("{what} is not a pair")),
    }
}

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
        // Questions are named by their place in this list, in order of first appearance.
        let mut questions: Vec<&'a str> = Vec::new();
        let mut index = |id: &'a str| -> usize {
            match questions.iter().position(|q| *q == id) {
                Some(i) => i,
                None => {
                    questions.push(id);
                    questions.len() - 1
                }
            }
        };
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
            let grades = l
                .recalls
                .iter()
                .find(|r| r.at == a.at && r.source == Source::Quiz && graded_in_order(r, a));
            match grades {
                Some(r) => {
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
        for r in &l.recalls {
            if r.source == Source::Quiz
                && l.attempts
                    .iter()
                    .any(|a| a.at == r.at && graded_in_order(r, a))
            {
                continue;
            }
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
    out.push('{');
    out.push_str(&parts.join(","));
    out.push('}');
}

/// A version-2 record's log.
pub(super) fn log_from_json(record: &Json) -> Read<Log> {
    let mut log = Log::default();
    for (device, lessons) in member(record, "log").map_or(Ok(&[][..]), |l| object(l, "\"log\""))? {
        let ours = log.devices.entry_or_default(device);
        for (slug, l) in object(lessons, &format!("the log of device \"{device}\""))? {
            let what = format!("lesson \"{slug}\"");
            let what = what.as_str();
            let mut out = LessonLog::default();
            out.opened = member(l, "opened").map(|t| time(t, what)).transpose()?;
            out.position = member(l, "position")
                .map(|p| {
                    let (t, x) = pair(p, what)?;
                    Ok::<_, String>((
                        t,
                        x.as_thousandths().ok_or_else(|| {
                            format!("{what} has a position that is not from 0 to 1")
                        })?,
                    ))
                })
                .transpose()?;
            for t in items(l, "ends", what)? {
                out.ends.insert(time(t, what)?);
            }
            for m in items(l, "marks", what)? {
                let (t, done) = pair(m, what)?;
                out.marks.insert((
                    t,
                    done.as_bool()
                        .ok_or_else(|| format!("{what} has a mark that is not true or false"))?,
                ));
            }
            let questions: Vec<String> = items(l, "questions", what)?
                .iter()
                .map(|q| text(q, what).map(str::to_string))
                .collect::<Read<_>>()?;
            for a in items(l, "attempts", what)? {
                let (at, score, answers, grades) = match array(a, what)? {
                    [at, score, answers] => (at, score, answers, None),
                    [at, score, answers, grades] => (at, score, answers, Some(text(grades, what)?)),
                    _ => {
                        return Err(format!(
                            "{what} has an attempt that is not [time, score, answers]"
                        ))
                    }
                };
                let answers = text(answers, what)?;
                let attempt =
                    Attempt {
                        at: time(at, what)?,
                        score: score.as_u64().filter(|&s| s <= 100).ok_or_else(|| {
                            format!("{what} has a score that is not from 0 to 100")
                        })? as u32,
                        answers: parse_answers(answers, &questions).ok_or_else(|| {
                            format!("the answers \"{answers}\" in {what} cannot be read")
                        })?,
                    };
                if let Some(grades) = grades {
                    let letters: Option<Vec<Recall>> = grades
                        .chars()
                        .map(|c| RECALL_LETTERS.iter().find(|(_, l)| *l == c).map(|r| r.0))
                        .collect();
                    let recalls = letters
                        .filter(|l| l.len() == attempt.answers.len())
                        .ok_or_else(|| {
                            format!("the grades \"{grades}\" in {what} do not match its answers")
                        })?;
                    out.recalls.insert(Recalls {
                        at: attempt.at,
                        source: Source::Quiz,
                        answers: attempt
                            .answers
                            .iter()
                            .map(|(id, _)| id.clone())
                            .zip(recalls)
                            .collect(),
                    });
                }
                out.attempts.insert(attempt);
            }
            for r in items(l, "recalls", what)? {
                let [at, source, answers] = array(r, what)? else {
                    return Err(format!(
                        "{what} has recalls that are not [time, source, answers]"
                    ));
                };
                let source = match text(source, what)? {
                    "q" => Source::Quiz,
                    "r" => Source::Review,
                    "e" => Source::Exam,
                    "t" => Source::TimedExam,
                    other => {
                        return Err(format!(
                            "{what} has recalls from \"{other}\", which is not q, r, e or t"
                        ))
                    }
                };
                let answers = text(answers, what)?;
                out.recalls.insert(Recalls {
                    at: time(at, what)?,
                    source,
                    answers: parse_recalls(answers, &questions).ok_or_else(|| {
                        format!("the recalls \"{answers}\" in {what} cannot be read")
                    })?,
                });
            }
            if let Some(hashes) = member(l, "hashes") {
                for (id, h) in object(hashes, what)? {
                    let (t, hash) = pair(h, what)?;
                    out.hashes
                        .insert(id.clone(), (t, text(hash, what)?.to_string()));
                }
            }
            ours.insert(slug.clone(), out);
        }
    }
    for r in items(record, "resets", "the record")? {
        let what = "a reset";
        let mut lessons: Vec<String> = items(r, "lessons", what)?
            .iter()
            .map(|s| text(s, what).map(str::to_string))
            .collect::<Read<_>>()?;
        crate::model::sort::sort_unique(&mut lessons);
        let mut seen = Map::default();
        if let Some(s) = member(r, "seen") {
            for (d, t) in object(s, what)? {
                seen.insert(d.clone(), time(t, what)?);
            }
        }
        let at = time(member(r, "at").unwrap_or(&Json::Null), what)?;
        let by = text(member(r, "by").unwrap_or(&Json::Null), what)?.to_string();
        log.resets.insert(Reset {
            at,
            by,
            lessons,
            seen,
        });
    }
    if let Some(seed) = member(record, "seed") {
        log.seed = Some(
            seed.as_u64()
                .filter(|&s| s <= u64::from(u32::MAX))
                .ok_or("\"seed\" is not a whole number")? as u32,
        );
    }
    for u in items(record, "undone", "the record")? {
        match array(u, "an undone reset")? {
            [by, at] => {
                log.undone.insert((
                    text(by, "an undone reset")?.to_string(),
                    time(at, "an undone reset")?,
                ));
            }
            _ => return Err("an undone reset is not [device, time]".into()),
        }
    }
    Ok(log)
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
    }
}

/// Wrong, wrong and unsure, right but unsure ("hard"), right ("good").
const RECALL_LETTERS: [(Recall, char); 4] = [
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

/// `"0g 2w"` with the lesson's question list, as (question id, recall) pairs.
fn parse_recalls(text: &str, questions: &[String]) -> Option<Vec<(String, Recall)>> {
    text.split_whitespace()
        .map(|part| {
            let letter = part.chars().last()?;
            let recall = RECALL_LETTERS.iter().find(|(_, c)| *c == letter)?.0;
            let index: usize = part[..part.len() - 1].parse().ok()?;
            Some((questions.get(index)?.clone(), recall))
        })
        .collect()
}

/// `"0:1 1:0,2"` with the lesson's question list, as (question id, choices) pairs.
fn parse_answers(text: &str, questions: &[String]) -> Option<Vec<(String, Vec<usize>)>> {
    text.split_whitespace()
        .map(|part| {
            let (index, choices) = part.split_once(':')?;
            let id = questions.get(index.parse::<usize>().ok()?)?.clone();
            let choices = if choices.is_empty() {
                Vec::new()
            } else {
                choices
                    .split(',')
                    .map(|c| c.parse().ok())
                    .collect::<Option<Vec<usize>>>()?
            };
            Some((id, choices))
        })
        .collect()
}

/// A version-1 record as facts, with nothing lost: completion, the end reached, the best
/// score, each question's last answer, attempts and hash, the reading position and the
/// lesson opened last. Version 1 kept no times, so the facts get small made-up ones in a
/// fixed order (attempts first, then the completion as it was), under [`V1_DEVICE`].
pub(super) fn from_v1(record: &Json) -> Read<Log> {
    let mut log = Log::default();
    let lessons = log.devices.entry_or_default(V1_DEVICE);
    let flag = |l: &Json, key: &str, what: &str| -> Read<bool> {
        member(l, key).map_or(Ok(false), |b| {
            b.as_bool()
                .ok_or_else(|| format!("{what}: \"{key}\" is not true or false"))
        })
    };
    for (slug, l) in member(record, "lessons").map_or(Ok(&[][..]), |l| object(l, "\"lessons\""))? {
        let what = format!("lesson \"{slug}\"");
        let what = what.as_str();
        object(l, what)?;
        let completed = flag(l, "completed", what)?;
        let reached_end = flag(l, "reached_end", what)?;
        let best_score = member(l, "best_score")
            .map(|s| {
                s.as_u64()
                    .filter(|&s| s <= 100)
                    .map(|s| s as u32)
                    .ok_or_else(|| format!("{what}: \"best_score\" is not from 0 to 100"))
            })
            .transpose()?;
        let position = member(l, "position")
            .map(|p| {
                p.as_thousandths()
                    .ok_or_else(|| format!("{what}: \"position\" is not from 0 to 1"))
            })
            .transpose()?;
        // Per question: its last answer, attempts and hash.
        let mut questions: Vec<(String, Vec<usize>, u32, String)> = Vec::new();
        if let Some(qs) = member(l, "questions") {
            for (id, q) in object(qs, what)? {
                let answer = items(q, "answer", what)?
                    .iter()
                    .map(|c| {
                        c.as_u64()
                            .map(|c| c as usize)
                            .ok_or_else(|| format!("{what}: an answer is not a choice number"))
                    })
                    .collect::<Read<Vec<usize>>>()?;
                let attempts = member(q, "attempts")
                    .and_then(Json::as_u64)
                    .ok_or_else(|| format!("{what}: question \"{id}\" has no \"attempts\""))?;
                let hash = member(q, "hash")
                    .map_or(Ok(""), |h| text(h, what))?
                    .to_string();
                questions.push((
                    id.clone(),
                    answer,
                    attempts.min(u64::from(u32::MAX)) as u32,
                    hash,
                ));
            }
        }
        let mut out = LessonLog {
            opened: Some(0),
            ..LessonLog::default()
        };
        // Question k with n attempts appears in the last n of the made-up attempts, so
        // every count comes back and the last attempt holds every last answer.
        let rounds = questions
            .iter()
            .map(|q| q.2)
            .max()
            .unwrap_or(0)
            .max(u32::from(best_score.is_some()));
        for round in 0..rounds {
            let answers = questions
                .iter()
                .filter(|q| q.2 >= rounds - round)
                .map(|q| (q.0.clone(), q.1.clone()))
                .collect();
            let score = if round + 1 == rounds {
                best_score.unwrap_or(0)
            } else {
                0
            };
            out.attempts.insert(Attempt {
                at: Time::from(round) + 1,
                score,
                answers,
            });
        }
        let after = Time::from(rounds) + 1;
        for q in &questions {
            out.hashes.insert(q.0.clone(), (after, q.3.clone()));
        }
        if reached_end {
            out.ends.insert(after);
        }
        if completed || !out.attempts.is_empty() {
            out.marks.insert((after, completed));
        }
        out.position = position.map(|p| (after, p));
        lessons.insert(slug.clone(), out);
    }
    if let Some(last) = member(record, "last_lesson") {
        lessons
            .entry_or_default(text(last, "\"last_lesson\"")?)
            .opened = Some(u64::from(u32::MAX));
    }
    Ok(log)
}
