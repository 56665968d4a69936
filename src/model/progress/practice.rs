//! The record's facts of practice beyond quizzes (version 4): a scenario's playthroughs, the
//! texts a learner writes (a lesson's note, an exercise's answer) and bookmarks. Each is a
//! set of facts like the rest of the log, so two tabs, an import or an older copy merge
//! without losing anything.

use super::log::{scenario_key, Decision, Edit, Recall, Recalls, Source, Time};
use super::Progress;
use crate::model::scenario::Taken;

/// The longest note or exercise answer, in characters.
pub const TEXT_LIMIT: usize = 20_000;
/// How many characters a learner's notes and answers may hold in all: with the rest of the
/// record and its backup, well inside the 5 MB a browser keeps for a site.
pub const TEXTS_LIMIT: usize = 1_000_000;

/// One playthrough of a scenario: when it started, and the decisions taken, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Play {
    pub id: Time,
    pub taken: Vec<Taken>,
}

/// One version of a text that no later edit continued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub device: String,
    pub id: Time,
    pub saved: Time,
    pub text: String,
}

impl Head {
    /// How an edit that continues this one names it: device, id and the save it saw.
    pub fn name(&self) -> (String, Time, Time) {
        (self.device.clone(), self.id, self.saved)
    }
}

/// A written text as the record holds it now: one head, or several in conflict (two edits
/// neither of which saw the other), latest save first. Empty if never written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub heads: Vec<Head>,
}

impl Text {
    /// The text when there is no conflict ("" if never written).
    pub fn current(&self) -> Option<&str> {
        match self.heads.as_slice() {
            [] => Some(""),
            [one] => Some(&one.text),
            _ => None,
        }
    }

    /// The edits a new edit that saw every head continues.
    pub fn names(&self) -> Vec<(String, Time, Time)> {
        self.heads.iter().map(Head::name).collect()
    }
}

impl Progress {
    /// Every playthrough of a scenario, oldest first. Within one playthrough, the first
    /// decision at a point counts (two tabs deciding at once: the earlier one).
    pub fn plays(&self, scenario: &str) -> Vec<Play> {
        let mut plays: Vec<Play> = Vec::new();
        for d in self.log.decisions(&scenario_key(scenario)) {
            if plays.last().is_none_or(|p| p.id != d.play) {
                plays.push(Play {
                    id: d.play,
                    taken: Vec::new(),
                });
            }
            let play = plays.last_mut().expect("pushed above");
            if play.taken.iter().all(|t| t.point != d.point) {
                play.taken.push(Taken {
                    point: d.point.clone(),
                    choice: d.choice as usize,
                });
            }
        }
        plays
    }

    /// Records a decision in a scenario's playthrough `play`, or in a new playthrough (known
    /// by this decision's time) when `play` is `None`; with `recall`, the decision is also a
    /// graded answer for review ([`crate::model::scenario::Scenario::recall`]). Returns the
    /// playthrough.
    pub fn decide(
        &mut self,
        scenario: &str,
        play: Option<Time>,
        decision: &Taken,
        recall: Option<Recall>,
        now: Time,
    ) -> Time {
        let at = self.tick(now);
        let play = play.unwrap_or(at);
        let key = scenario_key(scenario);
        let log = self.fact(&key);
        log.decisions.insert(Decision {
            play,
            at,
            point: decision.point.clone(),
            choice: decision.choice.min(u32::MAX as usize) as u32,
        });
        if let Some(recall) = recall {
            log.recalls.insert(Recalls {
                at,
                source: Source::Scenario,
                answers: vec![(decision.point.clone(), recall)],
            });
        }
        play
    }

    /// A written text under `key` (a lesson's slug for its note, [`super::exercise_key`] for
    /// an exercise's answer).
    pub fn text(&self, key: &str) -> Text {
        let edits = self.log.edits(key);
        let continued: Vec<(&str, Time, Time)> = edits
            .iter()
            .flat_map(|(_, e)| {
                e.parents
                    .iter()
                    .map(|(d, id, seen)| (d.as_str(), *id, *seen))
            })
            .collect();
        let seen = |d: &str, e: &Edit| {
            continued
                .iter()
                .any(|c| c.0 == d && c.1 == e.id && c.2 >= e.saved)
        };
        let mut heads: Vec<Head> = edits
            .iter()
            .filter(|(d, e)| !seen(d, e))
            .map(|(d, e)| Head {
                device: d.to_string(),
                id: e.id,
                saved: e.saved,
                text: e.text.clone(),
            })
            .collect();
        heads.reverse();
        Text { heads }
    }

    /// Saves a text the learner is writing under `key`. `editing` is the edit this page has
    /// been saving into, if any: while it is still a head, it is updated in place, so typing
    /// does not add a fact per keystroke. Otherwise a new edit continues `base`, the edits the
    /// page's text was based on (the heads it showed, or its own last edit). The text is cut
    /// at [`TEXT_LIMIT`] characters. Returns the edit saved into, as an edit that continues it
    /// would name it (device, id, save).
    pub fn write(
        &mut self,
        key: &str,
        editing: Option<Time>,
        base: &[(String, Time, Time)],
        text: &str,
        now: Time,
    ) -> (String, Time, Time) {
        let text = match text.char_indices().nth(TEXT_LIMIT) {
            Some((cut, _)) => &text[..cut],
            None => text,
        };
        let device = self.device.clone();
        let own_head = editing.filter(|&id| {
            self.text(key)
                .heads
                .iter()
                .any(|h| h.device == device && h.id == id)
        });
        let saved = self.tick(now);
        let edits = &mut self.fact(key).edits;
        let edit = match own_head.and_then(|id| edits.iter().find(|e| e.id == id).cloned()) {
            Some(old) => {
                edits.remove(&old);
                Edit {
                    saved,
                    text: text.to_string(),
                    ..old
                }
            }
            None => {
                let mut parents = base.to_vec();
                crate::model::sort::sort_unique(&mut parents);
                Edit {
                    id: saved,
                    saved,
                    parents,
                    text: text.to_string(),
                }
            }
        };
        let name = (device, edit.id, edit.saved);
        edits.insert(edit);
        name
    }

    /// How many characters every note and answer holds now (the heads of every text).
    pub fn texts_size(&self) -> usize {
        let keys = self.log.slugs();
        keys.iter()
            .map(|k| {
                self.text(k)
                    .heads
                    .iter()
                    .map(|h| h.text.chars().count())
                    .sum::<usize>()
            })
            .sum()
    }

    /// Whether a lesson is bookmarked.
    pub fn bookmarked(&self, slug: &str) -> bool {
        self.log.bookmarked(slug)
    }

    /// Bookmarks a lesson, or removes its bookmark.
    pub fn set_bookmark(&mut self, slug: &str, on: bool, now: Time) {
        let at = self.tick(now);
        self.fact(slug).bookmarks.insert((at, on));
    }
}

#[cfg(test)]
#[path = "practice_tests.rs"]
mod tests;
