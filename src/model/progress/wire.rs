//! The stored and exported form of the record: readable JSON, compact where it repeats.
//!
//! Version 2 (written now):
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
//! Version 1 (round 1) kept only the latest state; [`from_v1`] turns it into facts.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::log::{Attempt, LessonLog, Log, Reset, Time};

#[derive(Serialize, Deserialize)]
pub(super) struct WireV2 {
    pub version: u32,
    pub course: String,
    #[serde(default)]
    pub device: String,
    #[serde(default)]
    pub log: BTreeMap<String, BTreeMap<String, WireLesson>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resets: Vec<WireReset>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undone: Vec<(String, Time)>,
}

#[derive(Default, Serialize, Deserialize)]
pub(super) struct WireLesson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    opened: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    position: Option<(Time, f64)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    ends: Vec<Time>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    marks: Vec<(Time, bool)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    questions: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    attempts: Vec<(Time, u32, String)>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    hashes: BTreeMap<String, (Time, String)>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct WireReset {
    at: Time,
    by: String,
    lessons: Vec<String>,
    seen: BTreeMap<String, Time>,
}

/// Version 1's record, read only to migrate it.
#[derive(Deserialize)]
pub(super) struct WireV1 {
    #[serde(default)]
    lessons: BTreeMap<String, V1Lesson>,
    #[serde(default)]
    last_lesson: Option<String>,
}

#[derive(Default, Deserialize)]
struct V1Lesson {
    #[serde(default)]
    completed: bool,
    #[serde(default)]
    reached_end: bool,
    #[serde(default)]
    best_score: Option<u32>,
    #[serde(default)]
    position: Option<f64>,
    #[serde(default)]
    questions: BTreeMap<String, V1Question>,
}

#[derive(Deserialize)]
struct V1Question {
    answer: Vec<usize>,
    attempts: u32,
    #[serde(default)]
    hash: String,
}

/// The device id under which a version-1 record's facts are kept. Its times are small
/// numbers (version 1 kept no times), so anything done since counts as later.
pub const V1_DEVICE: &str = "v1";

fn permille(fraction: f64) -> u16 {
    (fraction.clamp(0.0, 1.0) * 1000.0).round() as u16
}

pub(super) fn encode(log: &Log, version: u32, course: &str, device: &str) -> String {
    let wire = WireV2 {
        version,
        course: course.to_string(),
        device: device.to_string(),
        log: log
            .devices
            .iter()
            .map(|(d, lessons)| (d.clone(), lessons.iter().map(|(s, l)| (s.clone(), lesson_to_wire(l))).collect()))
            .collect(),
        resets: log
            .resets
            .iter()
            .map(|r| WireReset { at: r.at, by: r.by.clone(), lessons: r.lessons.clone(), seen: r.seen.clone() })
            .collect(),
        undone: log.undone.iter().cloned().collect(),
    };
    serde_json::to_string(&wire).expect("progress always serialises")
}

fn lesson_to_wire(l: &LessonLog) -> WireLesson {
    let mut questions: Vec<String> = Vec::new();
    let mut attempts = Vec::with_capacity(l.attempts.len());
    for a in &l.attempts {
        let mut text = String::new();
        for (id, answer) in &a.answers {
            let index = match questions.iter().position(|q| q == id) {
                Some(i) => i,
                None => {
                    questions.push(id.clone());
                    questions.len() - 1
                }
            };
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&index.to_string());
            text.push(':');
            let choices: Vec<String> = answer.iter().map(usize::to_string).collect();
            text.push_str(&choices.join(","));
        }
        attempts.push((a.at, a.score, text));
    }
    WireLesson {
        opened: l.opened,
        position: l.position.map(|(t, p)| (t, f64::from(p) / 1000.0)),
        ends: l.ends.iter().copied().collect(),
        marks: l.marks.iter().copied().collect(),
        questions,
        attempts,
        hashes: l.hashes.clone(),
    }
}

pub(super) fn log_from_wire(wire: WireV2) -> Result<Log, String> {
    let mut log = Log::default();
    for (device, lessons) in wire.log {
        let ours = log.devices.entry(device.clone()).or_default();
        for (slug, l) in lessons {
            let mut attempts = std::collections::BTreeSet::new();
            for (at, score, text) in l.attempts {
                let answers = parse_answers(&text, &l.questions)
                    .ok_or_else(|| format!("the answers \"{text}\" in lesson \"{slug}\" cannot be read"))?;
                attempts.insert(Attempt { at, score, answers });
            }
            ours.insert(
                slug,
                LessonLog {
                    opened: l.opened,
                    position: l.position.map(|(t, p)| (t, permille(p))),
                    ends: l.ends.into_iter().collect(),
                    marks: l.marks.into_iter().collect(),
                    attempts,
                    hashes: l.hashes,
                },
            );
        }
    }
    for r in wire.resets {
        let mut lessons = r.lessons;
        lessons.sort();
        lessons.dedup();
        log.resets.insert(Reset { at: r.at, by: r.by, lessons, seen: r.seen });
    }
    log.undone = wire.undone.into_iter().collect();
    Ok(log)
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
                choices.split(',').map(|c| c.parse().ok()).collect::<Option<Vec<usize>>>()?
            };
            Some((id, choices))
        })
        .collect()
}

/// A version-1 record as facts, with nothing lost: completion, the end reached, the best
/// score, each question's last answer, attempts and hash, the reading position and the
/// lesson opened last. Version 1 kept no times, so the facts get small made-up ones in a
/// fixed order (attempts first, then the completion as it was), under [`V1_DEVICE`].
pub(super) fn from_v1(v1: WireV1) -> Log {
    let mut log = Log::default();
    let lessons = log.devices.entry(V1_DEVICE.to_string()).or_default();
    for (slug, l) in v1.lessons {
        let mut out = LessonLog { opened: Some(0), ..LessonLog::default() };
        // Question k with n attempts appears in the last n of the made-up attempts, so
        // every count comes back and the last attempt holds every last answer.
        let rounds = l.questions.values().map(|q| q.attempts).max().unwrap_or(0).max(u32::from(l.best_score.is_some()));
        for round in 0..rounds {
            let answers = l
                .questions
                .iter()
                .filter(|(_, q)| q.attempts >= rounds - round)
                .map(|(id, q)| (id.clone(), q.answer.clone()))
                .collect();
            let score = if round + 1 == rounds { l.best_score.unwrap_or(0) } else { 0 };
            out.attempts.insert(Attempt { at: Time::from(round) + 1, score, answers });
        }
        let after = Time::from(rounds) + 1;
        for (id, q) in &l.questions {
            out.hashes.insert(id.clone(), (after, q.hash.clone()));
        }
        if l.reached_end {
            out.ends.insert(after);
        }
        if l.completed || !out.attempts.is_empty() {
            out.marks.insert((after, l.completed));
        }
        out.position = l.position.map(|p| (after, permille(p)));
        lessons.insert(slug, out);
    }
    if let Some(last) = v1.last_lesson {
        lessons.entry(last).or_default().opened = Some(u64::from(u32::MAX));
    }
    log
}
