//! The record's mergeable core: an append-only log of what the learner did, grouped by the
//! browser ("device") that did it, and the rules that derive today's state from it.
//!
//! Every part of a [`Log`] is a set of facts or a register that keeps its latest value, so
//! merging two logs ([`Log::merge`]) is a union: the order of merges does not matter
//! (commutative, associative) and merging the same log twice changes nothing (idempotent).
//! Forgetting progress is itself a fact: a [`Reset`] hides the facts it covers without
//! deleting them, so another tab's copy cannot bring them back, and undoing a reset is one
//! more fact ([`Log::undone`]).

pub use crate::model::collections::{Map, Set};

/// Milliseconds since the Unix epoch. Events of one device are strictly increasing.
pub type Time = u64;

/// A reset is known by who made it and when.
pub type ResetId = (String, Time);

/// What every device did, and every reset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Log {
    /// Per device id, per lesson slug.
    pub devices: Map<Map<LessonLog>>,
    pub resets: Set<Reset>,
    /// Resets the learner undid.
    pub undone: Set<ResetId>,
    /// The learner's seed for the order of choices: the smallest any device drew, so every
    /// device agrees after a merge (version 3).
    pub seed: Option<u32>,
}

/// What one device recorded in one lesson.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LessonLog {
    /// When the lesson was last opened (a register: the latest value wins).
    pub opened: Option<Time>,
    /// How far down the lesson the reader was, in thousandths, and when (a register).
    pub position: Option<(Time, u16)>,
    /// Each time the reader reached the end of the lesson text.
    pub ends: Set<Time>,
    /// Each time the lesson was marked complete (`true`) or not complete (`false`).
    pub marks: Set<(Time, bool)>,
    /// Every submitted quiz.
    pub attempts: Set<Attempt>,
    /// Per question id, the question's hash when last answered (a register).
    pub hashes: Map<(Time, String)>,
    /// Every answer that review scheduling counts: from quizzes, reviews and exams (version 3),
    /// and from scenarios and exercises (version 4).
    pub recalls: Set<Recalls>,
    /// A scenario's decisions, under its key ([`scenario_key`]; version 4).
    pub decisions: Set<Decision>,
    /// The versions of a text the learner writes: a lesson's note, an exercise's answer
    /// (version 4). One per `id`, the latest save ([`Edit`]).
    pub edits: Set<Edit>,
    /// Each time the lesson was bookmarked (`true`) or the bookmark removed (version 4).
    pub bookmarks: Set<(Time, bool)>,
}

/// The key of a scenario's facts in a device's log: beside the lessons' slugs, which cannot
/// hold a `:`.
pub fn scenario_key(slug: &str) -> String {
    format!("scenario:{slug}")
}

/// The scenario a key of the log names, if it is a scenario's ([`scenario_key`]).
pub fn scenario_slug(key: &str) -> Option<&str> {
    key.strip_prefix("scenario:")
}

/// The key of an exercise's facts in a device's log.
pub fn exercise_key(slug: &str) -> String {
    format!("exercise:{slug}")
}

/// The exercise a key of the log names, if it is an exercise's ([`exercise_key`]).
pub fn exercise_slug(key: &str) -> Option<&str> {
    key.strip_prefix("exercise:")
}

/// One decision in a playthrough of a scenario: the playthrough (known by the time it
/// started), when it was made, the decision point's id and the index of the choice taken.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Decision {
    pub play: Time,
    pub at: Time,
    pub point: String,
    pub choice: u32,
}

/// One version of a text the learner writes. Typing keeps saving the same edit (its `id`,
/// when this device began it, stays; `saved` moves on), so the record does not grow with
/// every keystroke; a merge keeps each edit's latest save. `parents` are the edits it continued,
/// each as (device, id, the save it saw): none for a first edit, one usually, several when it
/// resolved a conflict. An edit is continued only as far as the save another edit saw: a later
/// save of it (typing went on in its tab) is a head again. Two heads are two edits neither of
/// which saw the other (a conflict the learner resolves).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edit {
    pub id: Time,
    pub saved: Time,
    pub parents: Vec<(String, Time, Time)>,
    pub text: String,
}

/// Keeps each edit's latest save only (edits sort by id, then save time).
pub fn latest_edits(edits: &mut Set<Edit>) {
    if edits.windows(2).all(|w| w[0].id != w[1].id) {
        return;
    }
    let mut kept: Vec<Edit> = Vec::with_capacity(edits.len());
    for e in edits.iter() {
        match kept.last_mut() {
            Some(last) if last.id == e.id => *last = e.clone(),
            _ => kept.push(e.clone()),
        }
    }
    *edits = Set::from_vec(kept);
}

/// Answers given at one moment, one per question, graded: a quiz submission, one review
/// step, or the questions of one lesson in a submitted exam.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Recalls {
    pub at: Time,
    pub source: Source,
    pub answers: Vec<(String, Recall)>,
}

/// Where an answer was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Quiz,
    Review,
    Exam,
    TimedExam,
    /// A decision in a scenario (version 4).
    Scenario,
    /// A written exercise, graded by the learner against its model answer (version 4).
    Exercise,
}

/// One graded answer, with the learner's own "I wasn't sure".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Recall {
    Wrong,
    WrongUnsure,
    RightUnsure,
    Right,
}

impl Recall {
    pub fn new(right: bool, unsure: bool) -> Recall {
        match (right, unsure) {
            (false, false) => Recall::Wrong,
            (false, true) => Recall::WrongUnsure,
            (true, true) => Recall::RightUnsure,
            (true, false) => Recall::Right,
        }
    }

    pub fn right(self) -> bool {
        matches!(self, Recall::RightUnsure | Recall::Right)
    }

    pub fn unsure(self) -> bool {
        matches!(self, Recall::WrongUnsure | Recall::RightUnsure)
    }
}

/// One answer to one question, as the scheduler reads the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Event<'a> {
    pub at: Time,
    pub device: &'a str,
    pub source: Source,
    pub recall: Recall,
}

/// One submitted quiz: when, its score in whole percent, and the chosen choices per question.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Attempt {
    pub at: Time,
    pub score: u32,
    pub answers: Vec<(String, Vec<usize>)>,
}

/// Forgets progress in some lessons: hides every fact of those lessons that a device recorded
/// up to the time `seen` gives for it. Facts recorded later, or elsewhere meanwhile, stay.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Reset {
    pub at: Time,
    pub by: String,
    /// The lesson slugs it covers, sorted.
    pub lessons: Vec<String>,
    /// Per device, the latest of its facts this reset covers.
    pub seen: Map<Time>,
}

impl Reset {
    pub fn id(&self) -> ResetId {
        (self.by.clone(), self.at)
    }
}

/// The state of one lesson, derived from every device's facts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LessonProgress {
    pub completed: bool,
    /// The learner scrolled to the end of the lesson text.
    pub reached_end: bool,
    /// The best quiz score, in whole percent.
    pub best_score: Option<u32>,
    /// How far down the lesson the learner was, from 0 to 1, for "Resume".
    pub position: Option<f64>,
    /// When the lesson was last opened.
    pub opened: Option<Time>,
    pub questions: Map<QuestionProgress>,
}

/// The learner's last answer to one question.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuestionProgress {
    /// Indices of the chosen choices.
    pub answer: Vec<usize>,
    /// Every submission that answered it.
    pub attempts: u32,
    /// The question's hash when it was answered: another hash means the question changed.
    pub hash: String,
}

impl LessonLog {
    /// Adds what `other` holds; returns whether anything changed.
    pub fn merge(&mut self, other: &LessonLog) -> bool {
        let mut changed = other.opened > self.opened || other.position > self.position;
        self.opened = self.opened.max(other.opened);
        self.position = self.position.max(other.position);
        changed |= self.ends.union(&other.ends);
        changed |= self.marks.union(&other.marks);
        changed |= self.attempts.union(&other.attempts);
        changed |= self.recalls.union(&other.recalls);
        changed |= self.decisions.union(&other.decisions);
        changed |= self.bookmarks.union(&other.bookmarks);
        let edits = self.edits.clone();
        if self.edits.union(&other.edits) {
            // An older save of an edit this log has changes nothing.
            latest_edits(&mut self.edits);
            changed |= self.edits != edits;
        }
        for (id, theirs) in &other.hashes {
            match self.hashes.get_mut(id) {
                Some(ours) if *theirs > *ours => *ours = theirs.clone(),
                Some(_) => continue,
                None => self.hashes.insert(id.clone(), theirs.clone()),
            }
            changed = true;
        }
        changed
    }

    /// The latest time of any fact here.
    pub fn latest(&self) -> Option<Time> {
        [
            self.opened,
            self.position.map(|p| p.0),
            self.ends.last().copied(),
            self.marks.last().map(|m| m.0),
            self.attempts.iter().map(|a| a.at).max(),
            self.hashes.values().map(|h| h.0).max(),
            self.recalls.last().map(|r| r.at),
            self.decisions.iter().map(|d| d.at).max(),
            self.edits.iter().map(|e| e.saved).max(),
            self.bookmarks.last().map(|b| b.0),
        ]
        .into_iter()
        .flatten()
        .max()
    }
}

impl Log {
    /// Adds everything `other` holds, and returns whether anything changed. A union:
    /// commutative, associative and idempotent.
    pub fn merge(&mut self, other: &Log) -> bool {
        let mut changed = false;
        for (device, lessons) in &other.devices {
            let ours = self.devices.entry_or_default(device);
            for (slug, log) in lessons {
                changed |= ours.entry_or_default(slug).merge(log);
            }
        }
        changed |= self.resets.union(&other.resets);
        changed |= self.undone.union(&other.undone);
        let seed = match (self.seed, other.seed) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        changed |= seed != self.seed;
        self.seed = seed;
        changed
    }

    /// The latest time anything here happened.
    pub fn latest(&self) -> Time {
        let facts = self
            .devices
            .values()
            .flat_map(|l| l.values())
            .filter_map(LessonLog::latest);
        let resets = self.resets.iter().map(|r| r.at);
        facts.chain(resets).max().unwrap_or(0)
    }

    /// Per device, the latest time of its facts: what a reset made now would cover.
    pub fn seen(&self) -> Map<Time> {
        // (Filled by inserts: collecting into a map would add a sort to the wasm.)
        let mut seen = Map::default();
        for (d, lessons) in &self.devices {
            if let Some(t) = lessons.values().filter_map(LessonLog::latest).max() {
                seen.insert(d.clone(), t);
            }
        }
        seen
    }

    /// The one device's record of a lesson, created if missing.
    pub fn lesson_mut(&mut self, device: &str, slug: &str) -> &mut LessonLog {
        self.devices.entry_or_default(device).entry_or_default(slug)
    }

    /// For one lesson, per device, the latest time a live reset hides, sorted by device.
    /// (Small lists rather than maps here and below: each map type adds its own code to the
    /// wasm; gathered and sorted once, so a forged record with many resets stays quick.)
    fn hidden_until(&self, slug: &str) -> Vec<(&str, Time)> {
        let mut seen: Vec<(&str, Time)> = Vec::new();
        for reset in &self.resets {
            if reset
                .lessons
                .binary_search_by(|s| s.as_str().cmp(slug))
                .is_err()
                || self.undone.contains(&reset.id())
            {
                continue;
            }
            seen.extend(reset.seen.iter().map(|(d, t)| (d.as_str(), *t)));
        }
        let mut until: Vec<(&str, Time)> = Vec::new();
        for i in crate::model::sort::ranked_by(&seen, |(d, _)| *d) {
            let (device, t) = seen[i];
            match until.last_mut() {
                Some(last) if last.0 == device => last.1 = last.1.max(t),
                _ => until.push((device, t)),
            }
        }
        until
    }

    /// The latest time the live resets hide of `device`'s facts, if any.
    fn limit(hidden: &[(&str, Time)], device: &str) -> Option<Time> {
        hidden
            .binary_search_by(|(d, _)| (*d).cmp(device))
            .ok()
            .map(|i| hidden[i].1)
    }

    /// When each lesson was read to its end or marked complete, by any device (what a reset
    /// hides left out): `(slug, time)`, in no particular order.
    pub fn finished_times(&self) -> Vec<(&str, Time)> {
        let mut out = Vec::new();
        for slug in self.slugs() {
            let hidden = self.hidden_until(slug);
            for (device, lessons) in &self.devices {
                let Some(log) = lessons.get(slug) else {
                    continue;
                };
                let limit = Log::limit(&hidden, device);
                let live = |t: &Time| limit.is_none_or(|l| *t > l);
                out.extend(log.ends.iter().filter(|t| live(t)).map(|t| (slug, *t)));
                out.extend(
                    log.marks
                        .iter()
                        .filter(|(t, on)| *on && live(t))
                        .map(|(t, _)| (slug, *t)),
                );
            }
        }
        out
    }

    /// Every lesson slug with a fact from any device, sorted.
    pub fn slugs(&self) -> Vec<&str> {
        let mut slugs: Vec<&str> = self
            .devices
            .values()
            .flat_map(|l| l.keys().map(String::as_str))
            .collect();
        crate::model::sort::sort_unique(&mut slugs);
        slugs
    }

    /// The state of one lesson; `None` when no fact of it is visible.
    pub fn derive(&self, slug: &str) -> Option<LessonProgress> {
        let hidden = self.hidden_until(slug);
        let mut out = LessonProgress::default();
        let mut any = false;
        let mut mark: Option<(Time, bool)> = None;
        let mut position: Option<(Time, u16)> = None;
        // Every live answer: (question id, (time, device), choices), then grouped by id.
        let mut answers: Vec<(&str, (Time, &str), &Vec<usize>)> = Vec::new();
        // Each device's log of the lesson, with the latest time its live resets hide.
        let mut logs: Vec<(&LessonLog, Option<Time>)> = Vec::new();
        for (device, lessons) in &self.devices {
            let Some(log) = lessons.get(slug) else {
                continue;
            };
            let limit = Log::limit(&hidden, device);
            let live = |t: Time| limit.is_none_or(|l| t > l);
            if let Some(t) = log.opened.filter(|&t| live(t)) {
                any = true;
                out.opened = out.opened.max(Some(t));
            }
            if let Some(p) = log.position.filter(|p| live(p.0)) {
                any = true;
                position = position.max(Some(p));
            }
            if log.ends.iter().any(|&t| live(t)) {
                any = true;
                out.reached_end = true;
            }
            if let Some(&m) = log.marks.iter().rev().find(|m| live(m.0)) {
                any = true;
                mark = mark.max(Some(m));
            }
            for attempt in log.attempts.iter().filter(|a| live(a.at)) {
                any = true;
                out.best_score = out.best_score.max(Some(attempt.score));
                for (id, answer) in &attempt.answers {
                    answers.push((id, (attempt.at, device), answer));
                }
            }
            logs.push((log, limit));
        }
        if !any {
            return None;
        }
        out.completed = mark.is_some_and(|m| m.1);
        out.position = position.map(|p| f64::from(p.1) / 1000.0);
        // Per question: the latest answer, by (time, device) so every merge order agrees, and
        // how many answers there were.
        let mut questions = Vec::new();
        for group in crate::model::sort::groups(&answers, |a| a.0) {
            let id = answers[group[0]].0;
            let latest = group.iter().map(|&i| (answers[i].1, answers[i].2)).max();
            // Its hash as of the latest live fact of any device.
            let hash = logs
                .iter()
                .filter_map(|(log, limit)| {
                    let h = log.hashes.get(id)?;
                    limit.is_none_or(|l| h.0 > l).then_some((h.0, h.1.as_str()))
                })
                .max()
                .map_or("", |h| h.1);
            let progress = QuestionProgress {
                answer: latest.map(|l| l.1.clone()).unwrap_or_default(),
                attempts: group.len() as u32,
                hash: hash.to_string(),
            };
            questions.push((id.to_string(), progress));
        }
        out.questions = Map::from_vec(questions, |_, _| {});
        Some(out)
    }

    /// What review scheduling depends on, in a few numbers: how many quiz attempts and
    /// recalls there are and the latest of them, and how many resets and undos. Only facts
    /// are added, so any change to what [`Log::history`] sees changes this.
    pub fn answers_stamp(&self) -> (usize, Time, usize, usize) {
        let (mut count, mut latest) = (0, 0);
        for log in self.devices.values().flat_map(|l| l.values()) {
            count += log.attempts.len() + log.recalls.len();
            let last = log
                .attempts
                .iter()
                .map(|a| a.at)
                .chain(log.recalls.iter().map(|r| r.at))
                .max();
            latest = latest.max(last.unwrap_or(0));
        }
        (count, latest, self.resets.len(), self.undone.len())
    }

    /// Per question of one lesson (in the order the log first names them), every visible
    /// answer that scheduling counts, oldest first.
    ///
    /// A quiz submitted before version 3 has no graded answers: each of its questions counts
    /// as right if the score was 100 and as wrong otherwise (the grade of one question was
    /// not kept), so such a question comes up for review soon and gets a real history.
    pub fn history<'a>(&'a self, slug: &str) -> Vec<(&'a str, Vec<Event<'a>>)> {
        use crate::model::sort::ranked_by;
        let hidden = self.hidden_until(slug);
        // Every live answer with its question id, in the order the log names them.
        let mut all: Vec<(&'a str, Event<'a>)> = Vec::new();
        for (device, lessons) in &self.devices {
            let Some(log) = lessons.get(slug) else {
                continue;
            };
            let limit = Log::limit(&hidden, device);
            let live = |t: Time| limit.is_none_or(|l| t > l);
            let event = |at, source, recall| Event {
                at,
                device,
                source,
                recall,
            };
            for r in log.recalls.iter().filter(|r| live(r.at)) {
                for (id, recall) in &r.answers {
                    all.push((id, event(r.at, r.source, *recall)));
                }
            }
            for a in log.attempts.iter().filter(|a| live(a.at)) {
                // Recalls are sorted by time, then source: a binary search finds the quiz's.
                let at = log
                    .recalls
                    .partition_point(|r| (r.at, r.source) < (a.at, Source::Quiz));
                let graded = log
                    .recalls
                    .get(at)
                    .is_some_and(|r| r.at == a.at && r.source == Source::Quiz);
                if !graded {
                    for (id, _) in &a.answers {
                        all.push((
                            id,
                            event(a.at, Source::Quiz, Recall::new(a.score == 100, false)),
                        ));
                    }
                }
            }
        }
        // Grouped by question, in the order questions are first named, each question's
        // answers oldest first (the order of devices settles ties the same way in every tab).
        let mut out = Vec::new();
        for group in crate::model::sort::groups(&all, |e| e.0) {
            let events: Vec<Event<'a>> = group.iter().map(|&i| all[i].1).collect();
            let order = ranked_by(&events, |e| &e.at);
            out.push((
                all[group[0]].0,
                order.into_iter().map(|j| events[j]).collect(),
            ));
        }
        out
    }

    /// A scenario's (or any key's) visible decisions, sorted by playthrough, then time.
    pub fn decisions(&self, key: &str) -> Vec<&Decision> {
        let hidden = self.hidden_until(key);
        let mut out: Vec<&Decision> = Vec::new();
        for (device, logs) in &self.devices {
            let Some(log) = logs.get(key) else {
                continue;
            };
            let limit = Log::limit(&hidden, device);
            out.extend(
                log.decisions
                    .iter()
                    .filter(|d| limit.is_none_or(|l| d.at > l)),
            );
        }
        crate::model::sort::sort(&mut out);
        out
    }

    /// A written text's visible edits (device, edit), oldest save first.
    pub fn edits(&self, key: &str) -> Vec<(&str, &Edit)> {
        let hidden = self.hidden_until(key);
        let mut out: Vec<(&str, &Edit)> = Vec::new();
        for (device, logs) in &self.devices {
            let Some(log) = logs.get(key) else {
                continue;
            };
            let limit = Log::limit(&hidden, device);
            out.extend(
                log.edits
                    .iter()
                    .filter(|e| limit.is_none_or(|l| e.saved > l))
                    .map(|e| (device.as_str(), e)),
            );
        }
        let key = |i: usize| (out[i].1.saved, out[i].0);
        crate::model::sort::order(out.len(), &|a, b| key(a) < key(b))
            .into_iter()
            .map(|i| out[i])
            .collect()
    }

    /// Whether a lesson is bookmarked: its latest visible bookmark fact.
    pub fn bookmarked(&self, key: &str) -> bool {
        let hidden = self.hidden_until(key);
        let mut latest: Option<(Time, bool)> = None;
        for (device, logs) in &self.devices {
            let limit = Log::limit(&hidden, device);
            if let Some(&b) = logs.get(key).and_then(|l| {
                l.bookmarks
                    .iter()
                    .rev()
                    .find(|b| limit.is_none_or(|l| b.0 > l))
            }) {
                latest = latest.max(Some(b));
            }
        }
        latest.is_some_and(|b| b.1)
    }

    /// Renames a lesson everywhere (its slug changed): its facts join the new slug's.
    pub fn rename(&mut self, former: &str, current: &str) {
        for lessons in self.devices.values_mut() {
            if let Some(log) = lessons.remove(former) {
                lessons.entry_or_default(current).merge(&log);
            }
        }
        let renamed: Vec<Reset> = self
            .resets
            .iter()
            .filter(|r| r.lessons.iter().any(|s| s == former))
            .cloned()
            .collect();
        for mut reset in renamed {
            self.resets.remove(&reset);
            for s in reset.lessons.iter_mut().filter(|s| *s == former) {
                *s = current.to_string();
            }
            crate::model::sort::sort_unique(&mut reset.lessons);
            self.resets.insert(reset);
        }
    }

    /// The same log with every device id given a suffix: how a replacing import keeps its
    /// facts apart from this browser's, so one undo can hide exactly them.
    pub fn with_device_suffix(&self, suffix: &str) -> Log {
        let name = |d: &String| format!("{d}{suffix}");
        let mut out = Log::default();
        for (d, l) in &self.devices {
            out.devices.insert(name(d), l.clone());
        }
        for r in &self.resets {
            let mut seen = Map::default();
            for (d, t) in &r.seen {
                seen.insert(name(d), *t);
            }
            out.resets.insert(Reset {
                at: r.at,
                by: name(&r.by),
                lessons: r.lessons.clone(),
                seen,
            });
        }
        for (d, t) in &self.undone {
            out.undone.insert((name(d), *t));
        }
        out.seed = self.seed;
        out
    }
}
