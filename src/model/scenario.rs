//! Decision scenarios: a situation, decision points with choices, each choice's consequence
//! and where it leads, and endings with a debrief. One choice at every point is the expert's;
//! following them from the start is the expert's path, and every point off it is a what-if.
//!
//! The build checks a scenario's shape with [`Scenario::problems`] (the content parser turns
//! each problem into `file:line`); the player will walk the same graph.

use serde::{Deserialize, Serialize};

use super::course::{Choice, Lesson, Question, QuestionKind, Quiz};
use super::progress::{scenario_key, Recall};

/// The fewest decision points a scenario may have.
pub const MIN_POINTS: usize = 6;
/// The fewest and most choices at one decision point.
pub const CHOICES: std::ops::RangeInclusive<usize> = 2..=4;

/// A branching decision scenario, as written by the build into `scenarios/<slug>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub slug: String,
    /// The situation the learner starts in, as HTML.
    pub intro: String,
    /// The id of the first decision point.
    pub start: String,
    pub points: Vec<Point>,
    pub endings: Vec<Ending>,
}

/// One decision: what the learner faces and what they may do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub id: String,
    /// What has happened and what must be decided now, as HTML.
    pub situation: String,
    /// The lessons this decision exercises (slugs), to reread from the debrief.
    pub lessons: Vec<String>,
    pub choices: Vec<ScenarioChoice>,
}

/// A choice at a decision point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioChoice {
    /// What the learner would do, as inline HTML.
    pub text: String,
    /// What happens when they do, as HTML: shown after the choice, and in the debrief.
    pub consequence: String,
    /// The id of the decision point or ending it leads to.
    pub next: String,
    /// Whether this is the expert's choice here (exactly one per point).
    pub expert: bool,
}

/// Where a playthrough ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ending {
    pub id: String,
    pub title: String,
    /// What this ending means, as HTML.
    pub debrief: String,
}

/// Where a choice leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// To the decision point at this index.
    Point(usize),
    /// To the ending at this index.
    Ending(usize),
}

/// What a problem in a scenario is about, for the parser to find its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The scenario as a whole (its `start`, its list of points or endings).
    Scenario,
    /// A decision point, by index.
    Point(usize),
    /// A choice: its point's index and its own.
    Choice(usize, usize),
    /// An ending, by index.
    Ending(usize),
}

/// A mistake in a scenario's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: Place,
    pub message: String,
}

impl Scenario {
    /// Where an id leads: a decision point or an ending.
    pub fn step(&self, id: &str) -> Option<Step> {
        self.points
            .iter()
            .position(|p| p.id == id)
            .map(Step::Point)
            .or_else(|| {
                self.endings
                    .iter()
                    .position(|e| e.id == id)
                    .map(Step::Ending)
            })
    }

    /// The expert's path: from the start, each point with the index of its expert choice,
    /// and the ending it reaches. `None` if the path is broken (an unknown id, a point
    /// without exactly one expert choice, or a point it reaches twice).
    pub fn expert_path(&self) -> Option<(Vec<(usize, usize)>, usize)> {
        let mut path = Vec::new();
        let mut at = self.step(&self.start)?;
        loop {
            match at {
                Step::Ending(e) => return Some((path, e)),
                Step::Point(p) => {
                    if path.iter().any(|&(q, _)| q == p) {
                        return None;
                    }
                    let mut experts = self.points[p].choices.iter().enumerate();
                    let (c, choice) = experts.find(|(_, c)| c.expert)?;
                    if experts.any(|(_, c)| c.expert) {
                        return None;
                    }
                    path.push((p, c));
                    at = self.step(&choice.next)?;
                }
            }
        }
    }

    /// Every mistake in the scenario's shape, in the order of the file: ids used twice, a
    /// choice that leads nowhere, a point with too few or too many choices or not exactly
    /// one expert choice, an empty consequence, a point the start cannot reach, a point from
    /// which no ending can be reached, an ending nothing leads to, no endings, fewer than
    /// [`MIN_POINTS`] points, and an expert's path that does not reach an ending.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut say = |place: Place, message: String| problems.push(Problem { place, message });
        let start = self.step(&self.start);
        if start.is_none() {
            say(
                Place::Scenario,
                format!(
                    "start is \"{}\", which is no decision point of this scenario",
                    self.start
                ),
            );
        }
        if self.points.len() < MIN_POINTS {
            say(
                Place::Scenario,
                format!(
                    "it has {} decision point(s); a scenario needs at least {MIN_POINTS}",
                    self.points.len()
                ),
            );
        }
        if self.endings.is_empty() {
            say(
                Place::Scenario,
                "it has no ending; add an [[ending]] table".into(),
            );
        }
        let ids = self
            .points
            .iter()
            .map(|p| &p.id)
            .chain(self.endings.iter().map(|e| &e.id));
        let mut seen = std::collections::BTreeSet::new();
        for (i, id) in ids.enumerate() {
            let place = if i < self.points.len() {
                Place::Point(i)
            } else {
                Place::Ending(i - self.points.len())
            };
            if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                say(
                    place.clone(),
                    format!("id \"{id}\": an id is lowercase letters, digits and hyphens"),
                );
            }
            if !seen.insert(id) {
                say(
                    place,
                    format!("id \"{id}\" is used twice; every point and ending needs its own"),
                );
            }
        }

        // Which steps each point leads to, for the reachability checks below.
        let mut edges: Vec<Vec<Step>> = Vec::new();
        for (p, point) in self.points.iter().enumerate() {
            let n = point.choices.len();
            if !CHOICES.contains(&n) {
                say(
                    Place::Point(p),
                    format!(
                        "point \"{}\" has {n} choice(s); a decision has {} to {}",
                        point.id,
                        CHOICES.start(),
                        CHOICES.end()
                    ),
                );
            }
            let experts = point.choices.iter().filter(|c| c.expert).count();
            if experts != 1 {
                say(
                    Place::Point(p),
                    format!(
                        "point \"{}\" has {experts} expert choices; mark exactly one with expert = true",
                        point.id
                    ),
                );
            }
            let mut to = Vec::new();
            for (c, choice) in point.choices.iter().enumerate() {
                if is_blank(&choice.consequence) {
                    say(
                        Place::Choice(p, c),
                        format!(
                            "point \"{}\", choice {}: it has no consequence; say what happens",
                            point.id,
                            c + 1
                        ),
                    );
                }
                match self.step(&choice.next) {
                    Some(step) => to.push(step),
                    None => say(
                        Place::Choice(p, c),
                        format!(
                            "point \"{}\", choice {}: next is \"{}\", which is no point or ending of this scenario",
                            point.id,
                            c + 1,
                            choice.next
                        ),
                    ),
                }
            }
            edges.push(to);
        }

        // Forward from the start: what a learner can reach.
        let mut reached_point = vec![false; self.points.len()];
        let mut reached_ending = vec![false; self.endings.len()];
        let mut stack: Vec<Step> = start.into_iter().collect();
        while let Some(step) = stack.pop() {
            match step {
                Step::Ending(e) => reached_ending[e] = true,
                Step::Point(p) if !reached_point[p] => {
                    reached_point[p] = true;
                    stack.extend(edges[p].iter().copied());
                }
                Step::Point(_) => {}
            }
        }
        // Backward from the endings: from which points an ending can still be reached.
        let mut can_end = vec![false; self.points.len()];
        let mut changed = true;
        while changed {
            changed = false;
            for (p, to) in edges.iter().enumerate() {
                if !can_end[p]
                    && to.iter().any(|s| match *s {
                        Step::Ending(_) => true,
                        Step::Point(q) => can_end[q],
                    })
                {
                    can_end[p] = true;
                    changed = true;
                }
            }
        }
        for (p, point) in self.points.iter().enumerate() {
            if start.is_some() && !reached_point[p] {
                say(
                    Place::Point(p),
                    format!(
                        "point \"{}\" cannot be reached from the start; lead a choice to it or remove it",
                        point.id
                    ),
                );
            } else if !can_end[p] {
                say(
                    Place::Point(p),
                    format!(
                        "point \"{}\" leads only into a loop: no ending can be reached from it",
                        point.id
                    ),
                );
            }
        }
        for (e, ending) in self.endings.iter().enumerate() {
            if start.is_some() && !reached_ending[e] {
                say(
                    Place::Ending(e),
                    format!(
                        "ending \"{}\" cannot be reached; lead a choice to it or remove it",
                        ending.id
                    ),
                );
            }
        }
        // The expert's path, once every point has its one expert choice and every id leads
        // somewhere (otherwise the messages above already say what to fix).
        if start.is_some()
            && self
                .points
                .iter()
                .all(|p| p.choices.iter().filter(|c| c.expert).count() == 1)
            && self
                .points
                .iter()
                .flat_map(|p| &p.choices)
                .all(|c| self.step(&c.next).is_some())
            && self.expert_path().is_none()
        {
            say(
                Place::Scenario,
                "the expert's path (expert = true from the start) comes back to a point it has passed, so it never reaches an ending".into(),
            );
        }
        problems
    }
}

/// Where a learner stands in a scenario ([`Scenario::standing`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Standing {
    /// Playthroughs that reached an ending.
    pub finished: usize,
    /// Of the latest finished playthrough: decisions as the expert's, of all decisions.
    pub agreement: Option<(usize, usize)>,
    /// The ending the latest finished playthrough reached, by index.
    pub ending: Option<usize>,
    /// Decisions made so far in the latest playthrough, if it is unfinished.
    pub in_progress: Option<usize>,
}

/// One decision a learner made: the point's id and the index of the choice taken. A record
/// keeps these, so a playthrough can be replayed against the scenario as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub point: String,
    pub choice: usize,
}

/// Where a playthrough stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// Waiting for a decision at this point.
    At(usize),
    /// Finished at this ending.
    Ended(usize),
}

/// A saved playthrough that no longer fits the scenario (a content edit removed or moved a
/// point, or removed a choice): the player restarts it with a notice and keeps the old one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    /// How many of the saved decisions still fit, from the start.
    pub fitting: usize,
}

/// One row of a debrief: a decision made, beside the expert's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DebriefRow {
    /// The point, by index.
    pub point: usize,
    /// The choice the learner made, by index.
    pub chosen: usize,
    /// The expert's choice at that point, by index.
    pub expert: usize,
    /// Whether the point is off the expert's path: a what-if, which the story did not take.
    pub what_if: bool,
}

impl DebriefRow {
    /// Whether the learner chose as the expert did here.
    pub fn agreed(&self) -> bool {
        self.chosen == self.expert
    }
}

/// What a finished (or unfinished) playthrough shows at its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debrief {
    pub rows: Vec<DebriefRow>,
    /// The ending reached, if the playthrough is finished.
    pub ending: Option<usize>,
}

impl Debrief {
    /// Decisions that agreed with the expert's, of all decisions made.
    pub fn agreement(&self) -> (usize, usize) {
        let agreed = self.rows.iter().filter(|r| r.agreed()).count();
        (agreed, self.rows.len())
    }

    /// The points where the learner left the expert's choice: each becomes a review item.
    pub fn missed(&self) -> impl Iterator<Item = usize> + '_ {
        self.rows.iter().filter(|r| !r.agreed()).map(|r| r.point)
    }
}

impl Scenario {
    /// Replays saved decisions from the start: where the playthrough stands now, or why the
    /// saved decisions no longer fit (a decision at a point the path does not reach, a choice
    /// the point no longer has, or a decision after an ending).
    pub fn position(&self, taken: &[Taken]) -> Result<Position, Stale> {
        let mut at = match self.step(&self.start) {
            Some(Step::Point(p)) => Position::At(p),
            Some(Step::Ending(e)) => Position::Ended(e),
            None => return Err(Stale { fitting: 0 }),
        };
        for (i, t) in taken.iter().enumerate() {
            let Position::At(p) = at else {
                return Err(Stale { fitting: i });
            };
            let point = &self.points[p];
            let Some(choice) = point.choices.get(t.choice).filter(|_| point.id == t.point) else {
                return Err(Stale { fitting: i });
            };
            at = match self.step(&choice.next) {
                Some(Step::Point(q)) => Position::At(q),
                Some(Step::Ending(e)) => Position::Ended(e),
                None => return Err(Stale { fitting: i }),
            };
        }
        Ok(at)
    }

    /// Makes a decision at the current point: the decision to save, and where it leads.
    /// `None` if the playthrough has ended or `choice` is not one of the point's.
    pub fn choose(&self, taken: &[Taken], choice: usize) -> Option<(Taken, Position)> {
        let Ok(Position::At(p)) = self.position(taken) else {
            return None;
        };
        let next = &self.points[p].choices.get(choice)?.next;
        let to = match self.step(next)? {
            Step::Point(q) => Position::At(q),
            Step::Ending(e) => Position::Ended(e),
        };
        let decision = Taken {
            point: self.points[p].id.clone(),
            choice,
        };
        Some((decision, to))
    }

    /// The debrief of saved decisions that fit (see [`Scenario::position`]): each decision
    /// beside the expert's, marked as a what-if when its point is off the expert's path.
    pub fn debrief(&self, taken: &[Taken]) -> Result<Debrief, Stale> {
        let at = self.position(taken)?;
        let on_path: Vec<usize> = self
            .expert_path()
            .map(|(path, _)| path.into_iter().map(|(p, _)| p).collect())
            .unwrap_or_default();
        let rows = taken
            .iter()
            .map(|t| {
                let point = self
                    .points
                    .iter()
                    .position(|p| p.id == t.point)
                    .unwrap_or(0);
                DebriefRow {
                    point,
                    chosen: t.choice,
                    expert: self.points[point]
                        .choices
                        .iter()
                        .position(|c| c.expert)
                        .unwrap_or(0),
                    what_if: !on_path.contains(&point),
                }
            })
            .collect();
        let ending = match at {
            Position::Ended(e) => Some(e),
            Position::At(_) => None,
        };
        Ok(Debrief { rows, ending })
    }
}

impl Scenario {
    /// Where a learner stands, from every playthrough (oldest first): how many reached an
    /// ending, the agreement with the expert's path and the ending of the latest that did,
    /// and the decisions made in the latest one if it is unfinished. A playthrough that no
    /// longer fits the scenario (a content edit) counts as neither.
    pub fn standing(&self, plays: &[&[Taken]]) -> Standing {
        let mut out = Standing::default();
        for (i, taken) in plays.iter().enumerate() {
            let Ok(debrief) = self.debrief(taken) else {
                continue;
            };
            match debrief.ending {
                Some(ending) => {
                    out.finished += 1;
                    out.agreement = Some(debrief.agreement());
                    out.ending = Some(ending);
                }
                None if i + 1 == plays.len() => out.in_progress = Some(taken.len()),
                None => {}
            }
        }
        out
    }

    /// What a decision gives review: a choice other than the expert's is a wrong answer (the
    /// point becomes a review item, asked with its choices); the expert's choice counts, as a
    /// right answer, only at a point the learner already has in review (missed before), so a
    /// judgment the learner got right the first time adds no item.
    pub fn recall(&self, point: usize, choice: usize, in_review: bool) -> Option<Recall> {
        let expert = self.points.get(point)?.choices.get(choice)?.expert;
        match (expert, in_review) {
            (false, _) => Some(Recall::Wrong),
            (true, true) => Some(Recall::Right),
            (true, false) => None,
        }
    }

    /// A decision point as a review question: its situation as the prompt, one right answer
    /// (the expert's choice), and each choice's consequence as its explanation.
    pub fn question(&self, point: usize) -> Option<Question> {
        let p = self.points.get(point)?;
        Some(Question {
            id: p.id.clone(),
            kind: QuestionKind::Single,
            prompt: p.situation.clone(),
            explanation: String::new(),
            choices: p
                .choices
                .iter()
                .map(|c| Choice {
                    text: c.text.clone(),
                    correct: c.expert,
                    explanation: c.consequence.clone(),
                })
                .collect(),
            hash: String::new(),
        })
    }

    /// The scenario's decision points as a lesson's quiz, under the scenario's key in the
    /// record ([`scenario_key`]), so a review session asks them as it asks questions.
    pub fn as_lesson(&self, title: &str) -> Lesson {
        Lesson {
            slug: scenario_key(&self.slug),
            html: String::new(),
            quiz: Some(Quiz {
                title: title.to_string(),
                questions: (0..self.points.len())
                    .filter_map(|p| self.question(p))
                    .collect(),
            }),
        }
    }

    /// Reads a scenario's data file (as `tpm-site` writes it with serde).
    pub fn from_json(text: &str) -> Result<Scenario, String> {
        use super::json::Json;
        let v = Json::parse(text)?;
        let choice = |c: &Json| {
            Ok(ScenarioChoice {
                text: c.text("text")?,
                consequence: c.text("consequence")?,
                next: c.text("next")?,
                expert: c
                    .get("expert")
                    .and_then(Json::as_bool)
                    .ok_or("a choice's \"expert\" is not true or false")?,
            })
        };
        let point = |p: &Json| {
            Ok(Point {
                id: p.text("id")?,
                situation: p.text("situation")?,
                lessons: p.list("lessons", |l| {
                    l.as_str()
                        .map(str::to_string)
                        .ok_or_else(|| "a lesson is not text".to_string())
                })?,
                choices: p.list("choices", choice)?,
            })
        };
        let ending = |e: &Json| {
            Ok(Ending {
                id: e.text("id")?,
                title: e.text("title")?,
                debrief: e.text("debrief")?,
            })
        };
        Ok(Scenario {
            slug: v.text("slug")?,
            intro: v.text("intro")?,
            start: v.text("start")?,
            points: v.list("points", point)?,
            endings: v.list("endings", ending)?,
        })
    }
}

/// Whether HTML shows no text (the build renders an empty consequence as nothing or as
/// empty tags).
fn is_blank(html: &str) -> bool {
    let mut in_tag = false;
    !html.chars().any(|c| match c {
        '<' => {
            in_tag = true;
            false
        }
        '>' => {
            in_tag = false;
            false
        }
        c => !in_tag && !c.is_whitespace(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A choice leading to `next`.
    fn choice(next: &str, expert: bool) -> ScenarioChoice {
        ScenarioChoice {
            text: format!("to {next}"),
            consequence: "<p>It happens.</p>".into(),
            next: next.into(),
            expert,
        }
    }

    fn point(id: &str, choices: Vec<ScenarioChoice>) -> Point {
        Point {
            id: id.into(),
            situation: "<p>Now what?</p>".into(),
            lessons: vec![],
            choices,
        }
    }

    fn ending(id: &str) -> Ending {
        Ending {
            id: id.into(),
            title: id.into(),
            debrief: "<p>So.</p>".into(),
        }
    }

    /// Six points in a line, the expert's choice going on and the other ending at once;
    /// the last point's expert choice reaches the good ending.
    fn line() -> Scenario {
        let mut points = Vec::new();
        for i in 1..=6 {
            let next = if i == 6 {
                "good".to_string()
            } else {
                format!("p{}", i + 1)
            };
            points.push(point(
                &format!("p{i}"),
                vec![choice(&next, true), choice("bad", false)],
            ));
        }
        Scenario {
            slug: "s".into(),
            intro: "<p>Hi.</p>".into(),
            start: "p1".into(),
            points,
            endings: vec![ending("good"), ending("bad")],
        }
    }

    fn messages(s: &Scenario) -> Vec<(Place, String)> {
        s.problems()
            .into_iter()
            .map(|p| (p.place, p.message))
            .collect()
    }

    #[test]
    fn a_well_formed_scenario_has_no_problems_and_its_expert_path() {
        let s = line();
        assert_eq!(messages(&s), vec![]);
        assert_eq!(
            s.expert_path(),
            Some((vec![(0, 0), (1, 0), (2, 0), (3, 0), (4, 0), (5, 0)], 0))
        );
        assert_eq!(s.step("p3"), Some(Step::Point(2)));
        assert_eq!(s.step("bad"), Some(Step::Ending(1)));
        assert_eq!(s.step("nowhere"), None);
    }

    #[test]
    fn an_unknown_target_and_an_unknown_start_are_named() {
        let mut s = line();
        s.points[2].choices[1].next = "nowhere".into();
        assert_eq!(
            messages(&s),
            vec![(
                Place::Choice(2, 1),
                "point \"p3\", choice 2: next is \"nowhere\", which is no point or ending of this scenario".into()
            )]
        );
        let mut s = line();
        s.start = "p0".into();
        assert_eq!(
            messages(&s)[0],
            (
                Place::Scenario,
                "start is \"p0\", which is no decision point of this scenario".into()
            )
        );
    }

    #[test]
    fn unreachable_points_and_endings_are_named() {
        let mut s = line();
        // p1 now skips p2: p2 is unreachable, and so is nothing else.
        s.points[0].choices[0].next = "p3".into();
        s.endings.push(ending("lonely"));
        assert_eq!(
            messages(&s),
            vec![
                (
                    Place::Point(1),
                    "point \"p2\" cannot be reached from the start; lead a choice to it or remove it".into()
                ),
                (
                    Place::Ending(2),
                    "ending \"lonely\" cannot be reached; lead a choice to it or remove it".into()
                ),
            ]
        );
    }

    #[test]
    fn a_loop_with_no_way_out_is_named_for_each_point_in_it() {
        let mut s = line();
        // p4 and p5 lead only to each other.
        s.points[3].choices = vec![choice("p5", true), choice("p5", false)];
        s.points[4].choices = vec![choice("p4", true), choice("p4", false)];
        assert_eq!(
            messages(&s),
            vec![
                (
                    Place::Point(3),
                    "point \"p4\" leads only into a loop: no ending can be reached from it".into()
                ),
                (
                    Place::Point(4),
                    "point \"p5\" leads only into a loop: no ending can be reached from it".into()
                ),
                (
                    Place::Point(5),
                    "point \"p6\" cannot be reached from the start; lead a choice to it or remove it".into()
                ),
                (
                    Place::Ending(0),
                    "ending \"good\" cannot be reached; lead a choice to it or remove it".into()
                ),
                (
                    Place::Scenario,
                    "the expert's path (expert = true from the start) comes back to a point it has passed, so it never reaches an ending".into()
                ),
            ]
        );
        assert_eq!(s.expert_path(), None);
    }

    #[test]
    fn a_loop_with_a_way_out_is_allowed_but_not_on_the_experts_path() {
        let mut s = line();
        // A what-if: p3's other choice goes back to p2, from where the path goes on.
        s.points[2].choices[1].next = "p2".into();
        assert_eq!(messages(&s), vec![]);
        // The expert going back is a path that never ends.
        s.points[2].choices[0].expert = false;
        s.points[2].choices[1].expert = true;
        assert_eq!(
            messages(&s),
            vec![(
                Place::Scenario,
                "the expert's path (expert = true from the start) comes back to a point it has passed, so it never reaches an ending".into()
            )]
        );
    }

    #[test]
    fn choices_experts_consequences_endings_and_size_are_checked() {
        let mut s = line();
        s.points[0].choices.push(choice("bad", true));
        s.points[1].choices = vec![choice("p3", true)];
        s.points[2].choices[0].expert = false;
        s.points[3].choices[1].consequence = "  ".into();
        s.points[4].choices = vec![
            choice("p6", true),
            choice("bad", false),
            choice("bad", false),
            choice("bad", false),
            choice("bad", false),
        ];
        assert_eq!(
            messages(&s),
            vec![
                (
                    Place::Point(0),
                    "point \"p1\" has 2 expert choices; mark exactly one with expert = true".into()
                ),
                (
                    Place::Point(1),
                    "point \"p2\" has 1 choice(s); a decision has 2 to 4".into()
                ),
                (
                    Place::Point(2),
                    "point \"p3\" has 0 expert choices; mark exactly one with expert = true".into()
                ),
                (
                    Place::Choice(3, 1),
                    "point \"p4\", choice 2: it has no consequence; say what happens".into()
                ),
                (
                    Place::Point(4),
                    "point \"p5\" has 5 choice(s); a decision has 2 to 4".into()
                ),
            ]
        );
        let small = Scenario {
            points: line().points.into_iter().take(2).collect(),
            endings: vec![],
            ..line()
        };
        let found = messages(&small);
        assert_eq!(
            found[..2],
            [
                (
                    Place::Scenario,
                    "it has 2 decision point(s); a scenario needs at least 6".into()
                ),
                (
                    Place::Scenario,
                    "it has no ending; add an [[ending]] table".into()
                ),
            ]
        );
    }

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut s = line();
        s.points[4].id = "P 5".into();
        s.points[3].choices[0].next = "P 5".into();
        // An ending named like a point: ids lead to the point, so the ending is unreachable.
        s.endings.push(ending("p3"));
        assert_eq!(
            messages(&s),
            vec![
                (
                    Place::Point(4),
                    "id \"P 5\": an id is lowercase letters, digits and hyphens".into()
                ),
                (
                    Place::Ending(2),
                    "id \"p3\" is used twice; every point and ending needs its own".into()
                ),
                (
                    Place::Ending(2),
                    "ending \"p3\" cannot be reached; lead a choice to it or remove it".into()
                ),
            ]
        );
    }

    fn took(point: &str, choice: usize) -> Taken {
        Taken {
            point: point.into(),
            choice,
        }
    }

    #[test]
    fn a_playthrough_moves_one_decision_at_a_time_and_ends() {
        let s = line();
        assert_eq!(s.position(&[]), Ok(Position::At(0)));
        let (first, at) = s.choose(&[], 0).unwrap();
        assert_eq!((first.clone(), at), (took("p1", 0), Position::At(1)));
        let (second, at) = s.choose(std::slice::from_ref(&first), 1).unwrap();
        assert_eq!((second.clone(), at), (took("p2", 1), Position::Ended(1)));
        let done = [first, second];
        assert_eq!(s.position(&done), Ok(Position::Ended(1)));
        // Nothing more to decide once ended; no choice that the point lacks.
        assert_eq!(s.choose(&done, 0), None);
        assert_eq!(s.choose(&[], 2), None);
    }

    #[test]
    fn the_debrief_sets_each_decision_beside_the_experts_and_marks_what_ifs() {
        let mut s = line();
        // A what-if: p3's other choice leads to an extra point off the expert's path.
        s.points[2].choices[1].next = "side".into();
        s.points.push(point(
            "side",
            vec![choice("p4", false), choice("bad", true)],
        ));
        let taken = [
            took("p1", 0),
            took("p2", 0),
            took("p3", 1),
            took("side", 0),
            took("p4", 0),
            took("p5", 0),
            took("p6", 0),
        ];
        let debrief = s.debrief(&taken).unwrap();
        assert_eq!(debrief.ending, Some(0));
        assert_eq!(debrief.agreement(), (5, 7));
        assert_eq!(debrief.missed().collect::<Vec<_>>(), vec![2, 6]);
        assert_eq!(
            debrief.rows[2..4],
            [
                DebriefRow {
                    point: 2,
                    chosen: 1,
                    expert: 0,
                    what_if: false
                },
                DebriefRow {
                    point: 6,
                    chosen: 0,
                    expert: 1,
                    what_if: true
                },
            ]
        );
        // Unfinished: the rows so far, no ending.
        let part = s.debrief(&taken[..2]).unwrap();
        assert_eq!((part.ending, part.agreement()), (None, (2, 2)));
    }

    #[test]
    fn saved_decisions_that_no_longer_fit_are_stale_with_how_many_still_fit() {
        let s = line();
        // A point renamed by a content edit.
        assert_eq!(
            s.position(&[took("p1", 0), took("old", 0)]),
            Err(Stale { fitting: 1 })
        );
        // A choice the point no longer has.
        assert_eq!(s.position(&[took("p1", 3)]), Err(Stale { fitting: 0 }));
        // A decision after the ending.
        assert_eq!(
            s.position(&[took("p1", 1), took("p2", 0)]),
            Err(Stale { fitting: 1 })
        );
        assert_eq!(s.debrief(&[took("p1", 3)]), Err(Stale { fitting: 0 }));
    }

    #[test]
    fn a_missed_decision_is_a_review_item_and_the_experts_choice_counts_only_once_in_review() {
        let s = line();
        // Leaving the expert's choice is a wrong answer; taking it adds nothing, unless the
        // point is already in review, where it is a right answer.
        assert_eq!(s.recall(1, 1, false), Some(Recall::Wrong));
        assert_eq!(s.recall(1, 1, true), Some(Recall::Wrong));
        assert_eq!(s.recall(1, 0, false), None);
        assert_eq!(s.recall(1, 0, true), Some(Recall::Right));
        assert_eq!(s.recall(9, 0, true), None);
        assert_eq!(s.recall(1, 7, true), None);
        // In review, a point is a single-choice question: the situation, the expert's choice
        // right, each consequence as its choice's explanation; under the scenario's key.
        let lesson = s.as_lesson("The line");
        assert_eq!(lesson.slug, "scenario:s");
        let quiz = lesson.quiz.unwrap();
        assert_eq!(quiz.title, "The line");
        assert_eq!(quiz.questions.len(), 6);
        let q = &quiz.questions[1];
        assert_eq!(
            (q.id.as_str(), q.prompt.as_str()),
            ("p2", "<p>Now what?</p>")
        );
        assert_eq!(q.kind, QuestionKind::Single);
        assert_eq!(
            q.choices
                .iter()
                .map(|c| (c.text.as_str(), c.correct))
                .collect::<Vec<_>>(),
            vec![("to p3", true), ("to bad", false)]
        );
        assert_eq!(q.choices[1].explanation, "<p>It happens.</p>");
        assert_eq!(
            q.grade(&[0]).verdict,
            crate::model::course::Verdict::Correct
        );
    }

    #[test]
    fn the_data_file_reads_back_as_written() {
        let s = line();
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(Scenario::from_json(&json), Ok(s));
        assert_eq!(
            Scenario::from_json(
                r#"{"slug":"s","intro":"","start":"p1","points":[{"id":"p1","situation":"","lessons":[],"choices":[{"text":"","consequence":"","next":"e"}]}],"endings":[]}"#
            ),
            Err("a choice's \"expert\" is not true or false".to_string())
        );
    }

    #[test]
    fn the_standing_is_the_latest_finished_playthroughs_agreement_and_the_one_under_way() {
        let s = line();
        let expert: Vec<Taken> = (1..=6).map(|i| took(&format!("p{i}"), 0)).collect();
        let early_out = vec![took("p1", 0), took("p2", 1)];
        let under_way = vec![took("p1", 0)];
        let stale = vec![took("gone", 0)];
        assert_eq!(s.standing(&[]), Standing::default());
        assert_eq!(
            s.standing(&[&expert, &early_out, &under_way]),
            Standing {
                finished: 2,
                agreement: Some((1, 2)),
                ending: Some(1),
                in_progress: Some(1)
            }
        );
        assert_eq!(
            s.standing(&[&early_out, &expert, &stale]),
            Standing {
                finished: 2,
                agreement: Some((6, 6)),
                ending: Some(0),
                in_progress: None
            }
        );
    }
}
