//! Reading a record: untrusted input from storage, a file or a link.
//!
//! Only the frame must be right (an object, its version, its course, and the containers
//! `log` or `lessons`); inside it, a value that cannot be true is clamped or dropped, and
//! each change is counted in [`Repairs`] with a sentence the learner is shown. Everything
//! that can be kept is kept. Every count and length is bounded ([`limits`]), and nothing
//! is quadratic in the size of the record, so a 5 MB file opens in well under a second.
//!
//! The format is described in [`super::wire`].

use super::log::{
    latest_edits, Attempt, Decision, Edit, LessonLog, Log, Map, Recall, Recalls, Reset, Set,
    Source, Time,
};
use super::wire::{RECALL_LETTERS, V1_DEVICE};
use crate::model::json::Json;

/// The bounds a record is read within. Each is far beyond what a learner can produce, so
/// only a damaged or forged record meets one.
pub mod limits {
    use super::Time;

    /// The last millisecond of the year 9999. Times past [`TICK_ROOM`] beyond it are clamped
    /// to it, so adding to a time never overflows.
    pub const MAX_TIME: Time = 253_402_300_799_999;
    /// How far past [`MAX_TIME`] a time may be and still be read as written: a record whose
    /// clock stands at the end of time orders each new fact one millisecond after the last
    /// (`Progress::tick`), and reading those back must not count as a repair (each page load
    /// would then set the record aside again). 2^40 facts, far below where adding overflows.
    pub const TICK_ROOM: Time = 1 << 40;
    /// Browsers (devices) in one record; every replacing import adds the file's.
    pub const MAX_DEVICES: usize = 1_000;
    /// Lessons one device has facts of (the course has dozens; former and unknown slugs are kept).
    pub const MAX_LESSONS: usize = 10_000;
    /// Distinct questions one device answered in one lesson.
    pub const MAX_QUESTIONS: usize = 1_000;
    /// The largest choice number an answer may name (a question has a handful of choices).
    pub const MAX_CHOICE: usize = 63;
    /// Decisions one device made in one scenario (a playthrough has a few dozen).
    pub const MAX_DECISIONS: usize = 10_000;
    /// Edits one device kept of one text (a note or an exercise's answer).
    pub const MAX_EDITS: usize = 1_000;
    /// The longest text one edit keeps, in characters; the rest is cut. Far above what the
    /// app lets a learner write in one note or answer.
    pub const MAX_TEXT: usize = 100_000;
    /// Resets and undos in one record.
    pub const MAX_RESETS: usize = 1_000;
    /// Attempts a version-1 record may claim for one question (each becomes a fact).
    pub const MAX_V1_ATTEMPTS: u64 = 100;
    /// Answers the made-up attempts of a whole version-1 record may hold; past it, each
    /// question keeps one attempt.
    pub const MAX_V1_ANSWERS: u64 = 200_000;
}

use limits::*;

/// What reading changed because it could not be true, told to the learner.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Repairs {
    /// How many values were clamped or dropped.
    pub count: usize,
    /// The first few, as sentences (a forged record may hold millions).
    pub examples: Vec<String>,
}

/// How many repairs are described one by one.
const EXAMPLES: usize = 5;

impl Repairs {
    /// Counts one change at `place` ("lesson \"a\"", "the record"); the first few are kept
    /// as sentences. `value` is what a value was set to, if it was.
    fn add(&mut self, place: &str, what: &str, value: Option<u64>) {
        self.count += 1;
        if self.examples.len() < EXAMPLES {
            let mut sentence = format!("{place}: {what}");
            if let Some(v) = value {
                sentence.push_str(&format!(" {v}"));
            }
            self.examples.push(sentence);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// One paragraph for the learner: how many values changed, and the first few.
    pub fn summary(&self) -> String {
        let mut out = match self.count {
            0 => return String::new(),
            1 => "1 value that cannot be true was changed: ".to_string(),
            n => format!("{n} values that cannot be true were changed: "),
        };
        out.push_str(&self.examples.join("; "));
        let more = self.count - self.examples.len();
        if more > 0 {
            out.push_str(&format!("; and {more} more"));
        }
        out.push('.');
        out
    }
}

/// Reading fails only when the frame is wrong, with a sentence that says what was not as expected.
type Read<T> = Result<T, String>;

/// A member that may be missing (then `None`).
fn member<'a>(v: &'a Json, key: &str) -> Option<&'a Json> {
    v.get(key).filter(|m| **m != Json::Null)
}

/// The reader of one record: where it is (for the sentences) and what it changed.
struct Reader<'r> {
    repairs: &'r mut Repairs,
    /// Where reading is, as the sentences name it: `lesson "a"`, `a reset`, `the record`.
    place: String,
}

impl Reader<'_> {
    /// Counts a change here.
    fn fix(&mut self, what: &str) {
        self.repairs.add(&self.place, what, None);
    }

    /// A time: a whole number of milliseconds from 1970 up to [`MAX_TIME`] (and the ticks
    /// after it, [`TICK_ROOM`]). Other numbers are clamped into that range; anything else is
    /// dropped.
    fn time(&mut self, v: &Json) -> Option<Time> {
        let Some((n, exact)) = v.as_whole() else {
            self.fix("a time that was not a number was dropped");
            return None;
        };
        let t = if n > MAX_TIME + TICK_ROOM {
            MAX_TIME
        } else {
            n
        };
        if !exact || t != n {
            self.repairs.add(
                &self.place,
                "a time that was not whole milliseconds from 1970 to 9999 was set to",
                Some(t),
            );
        }
        Some(t)
    }

    /// The items of a list member: none when it is missing; dropped when it is not a list.
    fn items<'a>(&mut self, v: &'a Json, key: &str) -> &'a [Json] {
        match member(v, key) {
            None => &[],
            Some(m) => m.as_array().unwrap_or_else(|| {
                self.fix("a part that should be a list was dropped");
                &[]
            }),
        }
    }

    /// The items of `list` up to `limit`; the rest is dropped and counted.
    /// `what` names the entries and the limit, as in "devices past the 1,000th were dropped:".
    fn bounded<'a, T>(&mut self, list: &'a [T], limit: usize, what: &str) -> &'a [T] {
        if list.len() > limit {
            let dropped = (list.len() - limit) as u64;
            self.repairs.add(&self.place, what, Some(dropped));
            &list[..limit]
        } else {
            list
        }
    }

    /// `[time, x]`, or `None` (dropped and counted) when it is not one.
    fn pair<'a>(&mut self, v: &'a Json) -> Option<(Time, &'a Json)> {
        match v.as_array() {
            Some([t, x]) => Some((self.time(t)?, x)),
            _ => {
                self.fix("a fact that was not [time, value] was dropped");
                None
            }
        }
    }

    /// A position from 0 to 1, in thousandths; clamped when outside.
    fn position(&mut self, v: &Json) -> Option<u16> {
        if let Some(p) = v.as_thousandths() {
            return Some(p);
        }
        let Some((n, _)) = v.as_whole() else {
            self.fix("a reading position that was not a number was dropped");
            return None;
        };
        let p = if n >= 1 { 1000 } else { 0 };
        self.repairs.add(
            &self.place,
            "a reading position that was not from 0 to 1 was set to",
            Some(u64::from(p / 1000)),
        );
        Some(p)
    }

    /// A quiz score in whole percent; clamped to 0–100.
    fn score(&mut self, v: &Json) -> Option<u32> {
        let Some((n, exact)) = v.as_whole() else {
            self.fix("a score that was not a number was dropped");
            return None;
        };
        let s = n.min(100);
        if !exact || s != n {
            self.repairs.add(
                &self.place,
                "a score that was not a whole percent from 0 to 100 was set to",
                Some(s),
            );
        }
        Some(s as u32)
    }

    /// The question ids of a lesson's `questions` list; an id that is not text keeps its
    /// place (as `None`), so the answers after it still name the right questions.
    fn questions(&mut self, l: &Json) -> Vec<Option<String>> {
        let listed = self.items(l, "questions");
        let listed = self.bounded(
            listed,
            MAX_QUESTIONS,
            "questions past the 1,000th were dropped:",
        );
        let mut out = Vec::with_capacity(listed.len());
        for q in listed {
            let id = q.as_str().map(str::to_string);
            if id.is_none() {
                self.fix("a question id that was not text was dropped");
            }
            out.push(id);
        }
        out
    }

    /// `"0:1 1:0,2"` with the lesson's question list, as (question id, choices) pairs. A part
    /// that names no question, or a choice past [`MAX_CHOICE`], is dropped.
    fn answers(&mut self, text: &str, questions: &[Option<String>]) -> Vec<(String, Vec<usize>)> {
        let mut out = Vec::new();
        for part in text.split_whitespace() {
            let parsed = part.split_once(':').and_then(|(index, choices)| {
                let id = questions.get(index.parse::<usize>().ok()?)?.clone()?;
                let mut picked = Vec::new();
                for c in choices.split(',').filter(|c| !c.is_empty()) {
                    picked.push(c.parse::<usize>().ok().filter(|&c| c <= MAX_CHOICE)?);
                }
                Some((id, picked))
            });
            match parsed {
                Some(answer) => out.push(answer),
                None => self.fix("an answer that names no question or choice was dropped"),
            }
        }
        out
    }

    /// `"0g 2w"` with the lesson's question list, as (question id, recall) pairs; a part that
    /// cannot be read is dropped.
    fn recalls(&mut self, text: &str, questions: &[Option<String>]) -> Vec<(String, Recall)> {
        let mut out = Vec::new();
        for part in text.split_whitespace() {
            let parsed = part.char_indices().last().and_then(|(at, letter)| {
                let recall = recall_of(letter)?;
                let id = questions.get(part[..at].parse::<usize>().ok()?)?.clone()?;
                Some((id, recall))
            });
            match parsed {
                Some(r) => out.push(r),
                None => self.fix("a graded answer that cannot be read was dropped"),
            }
        }
        out
    }

    /// One submitted quiz, with its grades as a quiz recall when they match its answers.
    fn attempt(
        &mut self,
        a: &Json,
        questions: &[Option<String>],
    ) -> Option<(Attempt, Option<Recalls>)> {
        let (at, score, answers, grades) = match a.as_array() {
            Some([at, score, answers]) => (at, score, answers, None),
            Some([at, score, answers, grades]) => (at, score, answers, Some(grades)),
            _ => {
                self.fix("an attempt that was not [time, score, answers] was dropped");
                return None;
            }
        };
        let Some(text) = answers.as_str() else {
            self.fix("an attempt whose answers were not text was dropped");
            return None;
        };
        let (at, score) = (self.time(at)?, self.score(score)?);
        let answers = self.answers(text, questions);
        let graded = grades.map(|g| {
            let letters: Option<Vec<Recall>> =
                g.as_str().and_then(|g| g.chars().map(recall_of).collect());
            match letters.filter(|l| l.len() == answers.len()) {
                Some(letters) => Some(Recalls {
                    at,
                    source: Source::Quiz,
                    answers: answers
                        .iter()
                        .map(|(id, _)| id.clone())
                        .zip(letters)
                        .collect(),
                }),
                None => {
                    self.fix("the grades of an attempt did not match its answers and were dropped");
                    None
                }
            }
        });
        Some((Attempt { at, score, answers }, graded.flatten()))
    }

    /// Graded answers from a review or an exam (or a quiz's, written apart from it).
    fn recall(&mut self, r: &Json, questions: &[Option<String>]) -> Option<Recalls> {
        let Some([at, source, answers]) = r.as_array() else {
            self.fix("graded answers that were not [time, source, answers] were dropped");
            return None;
        };
        let source = match source.as_str() {
            Some("q") => Source::Quiz,
            Some("r") => Source::Review,
            Some("e") => Source::Exam,
            Some("t") => Source::TimedExam,
            Some("s") => Source::Scenario,
            Some("x") => Source::Exercise,
            _ => {
                self.fix(
                    "graded answers from a source that is not q, r, e, t, s or x were dropped",
                );
                return None;
            }
        };
        let Some(text) = answers.as_str() else {
            self.fix("graded answers that were not text were dropped");
            return None;
        };
        let at = self.time(at)?;
        Some(Recalls {
            at,
            source,
            answers: self.recalls(text, questions),
        })
    }

    /// One device's facts of one lesson (version 2 and 3).
    fn lesson(&mut self, l: &Json) -> LessonLog {
        let mut out = LessonLog {
            opened: member(l, "opened").and_then(|t| self.time(t)),
            ..LessonLog::default()
        };
        if let Some(p) = member(l, "position") {
            out.position = self.pair(p).and_then(|(t, x)| Some((t, self.position(x)?)));
        }
        let mut ends = Vec::new();
        for t in self.items(l, "ends") {
            ends.extend(self.time(t));
        }
        out.ends = Set::from_vec(ends);
        let mut marks = Vec::new();
        for m in self.items(l, "marks") {
            let Some((t, done)) = self.pair(m) else {
                continue;
            };
            match done.as_bool() {
                Some(done) => marks.push((t, done)),
                None => self.fix("a completion mark that was not true or false was dropped"),
            }
        }
        out.marks = Set::from_vec(marks);
        let questions = self.questions(l);
        let mut attempts = Vec::new();
        let mut recalls = Vec::new();
        for a in self.items(l, "attempts") {
            if let Some((attempt, graded)) = self.attempt(a, &questions) {
                attempts.push(attempt);
                recalls.extend(graded);
            }
        }
        for r in self.items(l, "recalls") {
            recalls.extend(self.recall(r, &questions));
        }
        out.attempts = Set::from_vec(attempts);
        out.recalls = Set::from_vec(recalls);
        self.decisions(l, &mut out);
        self.edits(l, &mut out);
        let mut bookmarks = Vec::new();
        for m in self.items(l, "bookmarks") {
            let Some((t, on)) = self.pair(m) else {
                continue;
            };
            match on.as_bool() {
                Some(on) => bookmarks.push((t, on)),
                None => self.fix("a bookmark that was not true or false was dropped"),
            }
        }
        out.bookmarks = Set::from_vec(bookmarks);
        let Some(hashes) = member(l, "hashes") else {
            return out;
        };
        let Some(hashes) = hashes.as_object() else {
            self.fix("question hashes that were not an object were dropped");
            return out;
        };
        let mut kept = Vec::with_capacity(hashes.len());
        for (id, h) in self.bounded(
            hashes,
            MAX_QUESTIONS,
            "question hashes past the 1,000th were dropped:",
        ) {
            let Some((t, hash)) = self.pair(h) else {
                continue;
            };
            match hash.as_str() {
                Some(hash) => kept.push((id.clone(), (t, hash.to_string()))),
                None => self.fix("a question hash that was not text was dropped"),
            }
        }
        // A key written twice keeps its later hash, as a merge would.
        out.hashes = Map::from_vec(kept, |ours, theirs| {
            if theirs > *ours {
                *ours = theirs;
            }
        });
        out
    }

    /// A scenario's decisions (version 4): `[playthrough, time, point, choice]`.
    fn decisions(&mut self, l: &Json, out: &mut LessonLog) {
        let listed = self.items(l, "decisions");
        let listed = self.bounded(
            listed,
            MAX_DECISIONS,
            "decisions past the 10,000th were dropped:",
        );
        let mut kept = Vec::with_capacity(listed.len());
        for d in listed {
            let Some([play, at, point, choice]) = d.as_array() else {
                self.fix("a decision that was not [playthrough, time, point, choice] was dropped");
                continue;
            };
            let choice = choice.as_u64().filter(|&c| c <= MAX_CHOICE as u64);
            let (Some(point), Some(choice)) = (point.as_str(), choice) else {
                self.fix("a decision without a point or a choice number was dropped");
                continue;
            };
            let (Some(play), Some(at)) = (self.time(play), self.time(at)) else {
                continue;
            };
            kept.push(Decision {
                play,
                at,
                point: point.to_string(),
                choice: choice as u32,
            });
        }
        out.decisions = Set::from_vec(kept);
    }

    /// The versions of a written text (version 4): `[id, saved, text]` or
    /// followed by `device, id, saved` for each edit it continued. A text past [`MAX_TEXT`] characters is cut.
    fn edits(&mut self, l: &Json, out: &mut LessonLog) {
        let listed = self.items(l, "edits");
        let listed = self.bounded(listed, MAX_EDITS, "edits past the 1,000th were dropped:");
        let mut kept = Vec::with_capacity(listed.len());
        for e in listed {
            let Some([id, saved, text, rest @ ..]) = e.as_array().filter(|a| a.len() % 3 == 0)
            else {
                self.fix("an edit that was not [id, saved, text, …] was dropped");
                continue;
            };
            let Some(text) = text.as_str() else {
                self.fix("an edit whose text was not text was dropped");
                continue;
            };
            let (Some(id), Some(saved)) = (self.time(id), self.time(saved)) else {
                continue;
            };
            let mut parents = Vec::new();
            for parent in rest.chunks(3).take(MAX_DEVICES) {
                match (
                    parent[0].as_str(),
                    self.time(&parent[1]),
                    self.time(&parent[2]),
                ) {
                    (Some(device), Some(of), Some(seen)) => {
                        parents.push((device.to_string(), of, seen))
                    }
                    _ => self.fix("an edit's earlier edit that could not be read was left out"),
                }
            }
            crate::model::sort::sort_unique(&mut parents);
            let text = match text.char_indices().nth(MAX_TEXT) {
                Some((cut, _)) => {
                    self.repairs.add(
                        &self.place,
                        "a text past the longest kept was cut to characters:",
                        Some(MAX_TEXT as u64),
                    );
                    &text[..cut]
                }
                None => text,
            };
            kept.push(Edit {
                id,
                saved,
                parents,
                text: text.to_string(),
            });
        }
        out.edits = Set::from_vec(kept);
        latest_edits(&mut out.edits);
    }

    /// The resets and undos of a record.
    fn resets(&mut self, record: &Json, log: &mut Log) {
        self.place = "a reset".into();
        let listed = self.items(record, "resets");
        let listed = self.bounded(listed, MAX_RESETS, "resets past the 1,000th were dropped:");
        let mut resets = Vec::with_capacity(listed.len());
        for r in listed {
            let mut lessons: Vec<String> = self
                .items(r, "lessons")
                .iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect();
            crate::model::sort::sort_unique(&mut lessons);
            let mut seen = Vec::new();
            if let Some(s) = member(r, "seen").and_then(Json::as_object) {
                for (d, t) in self.bounded(s, MAX_DEVICES, "devices past the 1,000th were dropped:")
                {
                    seen.extend(self.time(t).map(|t| (d.clone(), t)));
                }
            }
            let at = member(r, "at").and_then(|t| self.time(t));
            let (Some(at), Some(by)) = (at, member(r, "by").and_then(Json::as_str)) else {
                self.fix("a reset without a time or a device was dropped");
                continue;
            };
            resets.push(Reset {
                at,
                by: by.to_string(),
                lessons,
                seen: Map::from_vec(seen, |ours, theirs| *ours = (*ours).max(theirs)),
            });
        }
        log.resets = Set::from_vec(resets);
        let listed = self.items(record, "undone");
        let listed = self.bounded(
            listed,
            MAX_RESETS,
            "undone resets past the 1,000th were dropped:",
        );
        let mut undone = Vec::with_capacity(listed.len());
        for u in listed {
            match u.as_array() {
                Some([by, at]) => {
                    if let (Some(by), Some(at)) = (by.as_str(), self.time(at)) {
                        undone.push((by.to_string(), at));
                    }
                }
                _ => self.fix("an undone reset that was not [device, time] was dropped"),
            }
        }
        log.undone = Set::from_vec(undone);
    }

    /// The learner's seed for the order of choices.
    fn seed(&mut self, record: &Json) -> Option<u32> {
        let seed = member(record, "seed")?;
        let s = seed.as_u64().filter(|&s| s <= u64::from(u32::MAX));
        if s.is_none() {
            self.place = "the record".into();
            self.fix(
                "a seed for the order of choices past 4294967295 was dropped (a new one is drawn)",
            );
        }
        s.map(|s| s as u32)
    }
}

/// A grade's letter as written (see [`super::wire`]).
fn recall_of(letter: char) -> Option<Recall> {
    RECALL_LETTERS
        .iter()
        .find(|(_, c)| *c == letter)
        .map(|r| r.0)
}

/// Where a lesson's facts are, as the sentences name it; a long slug is cut.
fn lesson_place(slug: &str) -> String {
    let cut = slug
        .char_indices()
        .nth(40)
        .map_or(slug, |(at, _)| &slug[..at]);
    format!("lesson \"{cut}\"")
}

/// The record's container of facts (`log`, or `lessons` in version 1): missing is empty, and
/// anything but an object is a record that cannot be read at all.
fn frame<'a>(record: &'a Json, key: &str) -> Read<&'a [(String, Json)]> {
    match member(record, key) {
        None => Ok(&[]),
        Some(l) => l
            .as_object()
            .ok_or_else(|| format!("\"{key}\" is not an object")),
    }
}

/// A version-2 or version-3 record's log.
pub(super) fn log_from_json(record: &Json, repairs: &mut Repairs) -> Read<Log> {
    let mut r = Reader {
        repairs,
        place: "the record".into(),
    };
    let mut log = Log::default();
    let devices = frame(record, "log")?;
    let devices = r.bounded(
        devices,
        MAX_DEVICES,
        "devices past the 1,000th were dropped:",
    );
    let mut by_device = Vec::with_capacity(devices.len());
    for (device, lessons) in devices {
        let Some(lessons) = lessons.as_object() else {
            r.fix("a device's facts that were not an object were dropped");
            continue;
        };
        let lessons = r.bounded(
            lessons,
            MAX_LESSONS,
            "lessons past the 10,000th were dropped:",
        );
        let mut read = Vec::with_capacity(lessons.len());
        for (slug, l) in lessons {
            r.place = lesson_place(slug);
            if l.as_object().is_none() {
                r.fix("its facts were not an object and were dropped");
                continue;
            }
            read.push((slug.clone(), r.lesson(l)));
        }
        r.place = "the record".into();
        let lessons = Map::from_vec(read, |ours: &mut LessonLog, theirs| {
            ours.merge(&theirs);
        });
        by_device.push((device.clone(), lessons));
    }
    log.devices = Map::from_vec(by_device, |ours: &mut Map<LessonLog>, theirs| {
        for (slug, l) in &theirs {
            ours.entry_or_default(slug).merge(l);
        }
    });
    r.resets(record, &mut log);
    log.seed = r.seed(record);
    Ok(log)
}

/// A version-1 record as facts, with nothing lost: completion, the end reached, the best
/// score, each question's last answer, attempts and hash, the reading position and the
/// lesson opened last. Version 1 kept no times, so the facts get small made-up ones in a
/// fixed order (attempts first, then the completion as it was), under [`V1_DEVICE`].
pub(super) fn from_v1(record: &Json, repairs: &mut Repairs) -> Read<Log> {
    let mut r = Reader {
        repairs,
        place: "the record".into(),
    };
    let mut log = Log::default();
    let listed = frame(record, "lessons")?;
    let listed = r.bounded(
        listed,
        MAX_LESSONS,
        "lessons past the 10,000th were dropped:",
    );
    let mut lessons = Vec::with_capacity(listed.len());
    let mut budget = MAX_V1_ANSWERS;
    for (slug, l) in listed {
        r.place = lesson_place(slug);
        if l.as_object().is_none() {
            r.fix("its facts were not an object and were dropped");
            continue;
        }
        let mut flag = |key: &str| match member(l, key) {
            None => false,
            Some(b) => b.as_bool().unwrap_or_else(|| {
                r.fix("a flag that was not true or false was read as false");
                false
            }),
        };
        let completed = flag("completed");
        let reached_end = flag("reached_end");
        let best_score = member(l, "best_score").and_then(|s| r.score(s));
        let position = member(l, "position").and_then(|p| r.position(p));
        // Per question: its last answer, attempts and hash.
        let mut questions: Vec<(String, Vec<usize>, u32, String)> = Vec::new();
        let qs = match member(l, "questions") {
            None => &[][..],
            Some(qs) => qs.as_object().unwrap_or_else(|| {
                r.fix("questions that were not an object were dropped");
                &[]
            }),
        };
        for (id, q) in r.bounded(
            qs,
            MAX_QUESTIONS,
            "questions past the 1,000th were dropped:",
        ) {
            let mut answer = Vec::new();
            for c in r.items(q, "answer") {
                match c.as_u64().filter(|&c| c <= MAX_CHOICE as u64) {
                    Some(c) => answer.push(c as usize),
                    None => r.fix("a choice that was not a choice number was dropped"),
                }
            }
            let Some((attempts, _)) = member(q, "attempts").and_then(Json::as_whole) else {
                r.fix("a question without a number of attempts was dropped");
                continue;
            };
            let kept = attempts.min(MAX_V1_ATTEMPTS).min(budget.max(1));
            budget = budget.saturating_sub(kept);
            if kept != attempts {
                r.repairs.add(
                    &r.place,
                    "a question's number of attempts past the limit was set to",
                    Some(kept),
                );
            }
            let hash = member(q, "hash")
                .and_then(Json::as_str)
                .unwrap_or("")
                .to_string();
            questions.push((id.clone(), answer, kept as u32, hash));
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
        let mut attempts = Vec::with_capacity(rounds as usize);
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
            attempts.push(Attempt {
                at: Time::from(round) + 1,
                score,
                answers,
            });
        }
        out.attempts = Set::from_vec(attempts);
        let after = Time::from(rounds) + 1;
        out.hashes = Map::from_vec(
            questions
                .iter()
                .map(|q| (q.0.clone(), (after, q.3.clone())))
                .collect(),
            |ours, theirs| *ours = theirs,
        );
        if reached_end {
            out.ends.insert(after);
        }
        if completed || !out.attempts.is_empty() {
            out.marks.insert((after, completed));
        }
        out.position = position.map(|p| (after, p));
        lessons.push((slug.clone(), out));
    }
    let mut lessons = Map::from_vec(lessons, |ours: &mut LessonLog, theirs| {
        ours.merge(&theirs);
    });
    if let Some(last) = member(record, "last_lesson") {
        match last.as_str() {
            Some(last) => lessons.entry_or_default(last).opened = Some(u64::from(u32::MAX)),
            None => {
                r.place = "the record".into();
                r.fix("a last lesson that was not text was dropped");
            }
        }
    }
    log.devices.insert(V1_DEVICE.to_string(), lessons);
    Ok(log)
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod tests;
