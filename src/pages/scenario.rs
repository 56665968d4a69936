//! Decision scenarios: the list (`/scenarios/`) and the player (`/scenarios/:slug/`). One
//! decision at a time, its consequence after it; no going back (decisions count), a restart
//! keeps the earlier playthrough; at an ending, the debrief beside the expert's path.
//! The rules are `model::scenario`'s; the record's part is `Progress::plays` and `decide`.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::not_found::NotFound;
use crate::components::rich_text::RichText;
use crate::lesson_store;
use crate::model::course::ScenarioInfo;
use crate::model::progress::{scenario_key, Play, Progress};
use crate::model::scenario::{Debrief, Position, Scenario, Taken};
use crate::outline::{COURSE, SCENARIOS};
use crate::paths;
use crate::state::progress::{now, use_progress, use_progress_mut};

/// Where a learner stands in one scenario, as the list shows it.
fn standing(p: &Progress, info: &ScenarioInfo) -> String {
    let plays = p.plays(info.slug);
    match plays.last() {
        None => "Not started".into(),
        Some(play) => {
            let finished = plays.len();
            match lesson_store::cached_scenario(info.slug).map(|s| s.debrief(&play.taken)) {
                Some(Ok(d)) if d.ending.is_some() => agreement_text(&d),
                _ => format!(
                    "{} decision{} made{}",
                    play.taken.len(),
                    if play.taken.len() == 1 { "" } else { "s" },
                    if finished > 1 { ", played before" } else { "" }
                ),
            }
        }
    }
}

/// "You chose as the expert did at 6 of 9 decisions."
fn agreement_text(d: &Debrief) -> String {
    let (agreed, all) = d.agreement();
    format!("You chose as the expert did at {agreed} of {all} decisions.")
}

/// The module's title, or "Capstone" for a scenario that spans the course.
fn module_title(info: &ScenarioInfo) -> &'static str {
    COURSE
        .modules
        .iter()
        .find(|m| m.slug == info.module)
        .map_or("Capstone: the whole course", |m| m.title)
}

/// The page at `/scenarios/`.
#[component]
pub fn ScenariosPage() -> impl IntoView {
    crate::document::set_title("Decision scenarios");
    let progress = use_progress();
    // A finished playthrough's agreement needs its scenario: those the learner played are
    // fetched (small files, only these), and each arrival redraws the standings.
    let arrived = RwSignal::new(0u32);
    for info in SCENARIOS.iter() {
        let played = progress.with_untracked(|p| !p.plays(info.slug).is_empty());
        if played && lesson_store::cached_scenario(info.slug).is_none() {
            leptos::task::spawn_local(async move {
                if lesson_store::load_scenario(info).await.is_ok() {
                    arrived.update(|n| *n += 1);
                }
            });
        }
    }
    view! {
        <section class="scenarios" aria-labelledby="scenarios-title">
            <h1 id="scenarios-title" tabindex="-1">"Decision scenarios"</h1>
            <p class="scenarios-intro">
                "Make the calls a TPM makes, one decision at a time, in the course's company and program. "
                "Each choice has consequences; there is no going back, but you can start again. "
                "At the end, see your path beside an expert's, and the decisions you missed come back in your review."
            </p>
            <ul class="scenario-list">
                {SCENARIOS.iter().map(|info| view! {
                    <li class="scenario-card">
                        <p class="scenario-module">{module_title(info)}</p>
                        <h2><a href=paths::scenario(info.slug)>{info.title}</a></h2>
                        <p>{info.subtitle}</p>
                        <p class="scenario-meta">
                            {format!("{} decisions · about {} min · ", info.points, info.minutes)}
                            {move || { arrived.track(); progress.with(|p| standing(p, info)) }}
                        </p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The page at `/scenarios/:slug/`.
#[component]
pub fn ScenarioPage(slug: String) -> impl IntoView {
    let Some(info) = SCENARIOS.iter().find(|s| s.slug == slug) else {
        return view! { <NotFound/> }.into_any();
    };
    crate::document::set_title(info.title);
    let loaded = RwSignal::new_local(lesson_store::cached_scenario(info.slug).map(Ok));
    let fetch = move || {
        leptos::task::spawn_local(async move {
            loaded.set(Some(lesson_store::load_scenario(info).await))
        })
    };
    if loaded.with_untracked(Option::is_none) {
        fetch();
    }
    view! {
        <article class="scenario" aria-labelledby="scenario-title">
            <header class="scenario-header">
                <p class="breadcrumb"><a href=paths::scenarios()>"Decision scenarios"</a>" · "{module_title(info)}</p>
                <h1 id="scenario-title" tabindex="-1">{info.title}</h1>
                <p class="lesson-subtitle">{info.subtitle}</p>
            </header>
            {move || match loaded.get() {
                None => view! { <p class="lesson-loading" role="status">"Loading the scenario…"</p> }.into_any(),
                Some(Err(e)) => view! {
                    <div class="lesson-error" role="alert">
                        <p>{format!("Sorry, {e}.")}</p>
                        <p><button type="button" class="button" on:click=move |_| { loaded.set(None); fetch(); }>"Try again"</button></p>
                    </div>
                }.into_any(),
                Some(Ok(scenario)) => view! { <Player info scenario/> }.into_any(),
            }}
        </article>
    }
    .into_any()
}

/// What the player shows: a playthrough and where it stands.
#[derive(Clone, PartialEq)]
struct Shown {
    /// The playthrough to continue (`None`: the next decision starts a new one).
    play: Option<Play>,
    position: Position,
    /// The latest playthrough no longer fits the scenario (a content edit): it is kept in the
    /// history and a new one starts.
    stale: bool,
}

/// The player of one scenario.
#[component]
fn Player(info: &'static ScenarioInfo, scenario: Arc<Scenario>) -> impl IntoView {
    let progress = use_progress_mut();
    // Set by "Start again": show a new playthrough until its first decision.
    let fresh = RwSignal::new(false);
    let start = match scenario.position(&[]) {
        Ok(p) => p,
        Err(_) => Position::At(0),
    };
    let shown = {
        let scenario = scenario.clone();
        move || {
            let latest = if fresh.get() {
                None
            } else {
                progress.with(|p| p.plays(info.slug).pop())
            };
            match latest {
                None => Shown {
                    play: None,
                    position: start,
                    stale: false,
                },
                Some(play) => match scenario.position(&play.taken) {
                    Ok(position) => Shown {
                        play: Some(play),
                        position,
                        stale: false,
                    },
                    Err(_) => Shown {
                        play: None,
                        position: start,
                        stale: true,
                    },
                },
            }
        }
    };
    let choose = {
        let scenario = scenario.clone();
        let shown = shown.clone();
        move |choice: usize| {
            let Shown { play, .. } = untrack(&shown);
            let taken: Vec<Taken> = play.as_ref().map(|p| p.taken.clone()).unwrap_or_default();
            let Some((decision, _)) = scenario.choose(&taken, choice) else {
                return;
            };
            let Some(point) = scenario.points.iter().position(|p| p.id == decision.point) else {
                return;
            };
            progress.update(|p| {
                let in_review = p
                    .log()
                    .history(&scenario_key(info.slug))
                    .iter()
                    .any(|(id, _)| *id == decision.point);
                let recall = scenario.recall(point, choice, in_review);
                p.decide(info.slug, play.map(|p| p.id), &decision, recall, now());
            });
            fresh.set(false);
            crate::document::focus_after_frame("scenario-happened");
        }
    };
    let restart = move |_| {
        fresh.set(true);
        crate::document::focus_after_frame("scenario-now");
    };

    view! {
        {move || {
            let Shown { play, position, stale } = shown();
            let scenario = scenario.clone();
            let choose = choose.clone();
            let taken = play.map(|p| p.taken).unwrap_or_default();
            let last = taken.last().and_then(|t| {
                let point = scenario.points.iter().find(|p| p.id == t.point)?;
                Some((point.choices.get(t.choice)?.text.clone(), point.choices.get(t.choice)?.consequence.clone()))
            });
            view! {
                {stale.then(|| view! {
                    <p class="scenario-notice" role="status">
                        "This scenario changed since you last played it, so your playthrough starts again. The earlier one is kept in your history."
                    </p>
                })}
                <details class="scenario-intro" open=taken.is_empty()>
                    <summary>"The situation"</summary>
                    <RichText html=scenario.intro.clone()/>
                </details>
                {last.map(|(text, consequence)| view! {
                    <section class="scenario-consequence" aria-labelledby="scenario-happened">
                        <h2 id="scenario-happened" tabindex="-1">"What happened"</h2>
                        <p class="scenario-you-chose">"You chose: "<span inner_html=text></span></p>
                        <RichText html=consequence/>
                    </section>
                })}
                {match position {
                    Position::At(p) => view! {
                        <DecisionView scenario=scenario.clone() point=p number=taken.len() + 1 choose=choose.clone()/>
                        {(!taken.is_empty()).then(|| view! {
                            <p class="scenario-actions">
                                <button type="button" class="button" on:click=restart>"Start again"</button>
                                " Your decisions so far stay in your history."
                            </p>
                        })}
                    }.into_any(),
                    Position::Ended(e) => view! {
                        <DebriefView info scenario=scenario.clone() taken=taken.clone() ending=e/>
                        <p class="scenario-actions">
                            <button type="button" class="button button-primary" on:click=restart>"Play again"</button>
                            <a class="button" href=paths::scenarios()>"All scenarios"</a>
                        </p>
                    }.into_any(),
                }}
            }
        }}
    }
}

/// One decision point: its situation and its choices, each a button.
#[component]
fn DecisionView(
    scenario: Arc<Scenario>,
    point: usize,
    /// Its place in this playthrough, from 1.
    number: usize,
    choose: impl Fn(usize) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let point = &scenario.points[point];
    view! {
        <section class="scenario-point" aria-labelledby="scenario-now">
            <h2 id="scenario-now" tabindex="-1">{format!("Decision {number}")}</h2>
            <RichText html=point.situation.clone()/>
            <div class="scenario-choices" role="group" aria-labelledby="scenario-now">
                {point.choices.iter().enumerate().map(|(c, choice)| {
                    let choose = choose.clone();
                    view! {
                        <button type="button" class="scenario-choice" on:click=move |_| choose(c)>
                            <span inner_html=choice.text.clone()></span>
                        </button>
                    }
                }).collect_view()}
            </div>
        </section>
    }
}

/// The debrief at an ending: what the ending means, then each decision beside the expert's,
/// with every choice's consequence to open and the lessons to reread.
#[component]
fn DebriefView(
    info: &'static ScenarioInfo,
    scenario: Arc<Scenario>,
    taken: Vec<Taken>,
    ending: usize,
) -> impl IntoView {
    let _ = info;
    let debrief = scenario.debrief(&taken).unwrap_or(Debrief {
        rows: Vec::new(),
        ending: Some(ending),
    });
    let end = &scenario.endings[ending];
    let missed = debrief.missed().count();
    view! {
        <section class="scenario-ending" aria-labelledby="scenario-now">
            <h2 id="scenario-now" tabindex="-1">{format!("Ending: {}", end.title)}</h2>
            <RichText html=end.debrief.clone()/>
            <p class="scenario-agreement"><strong>{agreement_text(&debrief)}</strong>
                {(missed > 0).then(|| view! {
                    " "{format!("The {} where you chose otherwise {} in your ", if missed == 1 { "decision" } else { "decisions" }, if missed == 1 { "is" } else { "are" })}
                    <a href=paths::review()>"review"</a>"."
                })}
            </p>
            <h2>"Your path beside the expert's"</h2>
            <ol class="debrief">
                {debrief.rows.iter().enumerate().map(|(i, row)| {
                    let point = &scenario.points[row.point];
                    let chosen = &point.choices[row.chosen];
                    let expert = &point.choices[row.expert];
                    let agreed = row.agreed();
                    view! {
                        <li class="debrief-row" class:debrief-agreed=agreed>
                            <h3>
                                {format!("Decision {}", i + 1)}
                                {row.what_if.then(|| view! { <span class="debrief-what-if">" · a what-if: the story did not go this way"</span> })}
                            </h3>
                            <p>
                                <span class="debrief-mark">{if agreed { "Same as the expert: " } else { "Your choice: " }}</span>
                                <span inner_html=chosen.text.clone()></span>
                            </p>
                            {(!agreed).then(|| view! {
                                <p><span class="debrief-mark">"The expert's choice: "</span><span inner_html=expert.text.clone()></span></p>
                            })}
                            <details class="debrief-more">
                                <summary>"The situation and every choice's consequence"</summary>
                                <RichText html=point.situation.clone()/>
                                <ul class="debrief-choices">
                                    {point.choices.iter().enumerate().map(|(c, choice)| view! {
                                        <li>
                                            <p>
                                                <strong>{match (c == row.chosen, choice.expert) {
                                                    (true, true) => "Your choice, the expert's: ",
                                                    (true, false) => "Your choice: ",
                                                    (false, true) => "The expert's choice: ",
                                                    (false, false) => "Not taken: ",
                                                }}</strong>
                                                <span inner_html=choice.text.clone()></span>
                                            </p>
                                            <RichText html=choice.consequence.clone()/>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            </details>
                            <p class="debrief-lessons">"Reread: "
                                {point.lessons.iter().filter_map(|slug| COURSE.find_lesson(slug)).enumerate().map(|(k, r)| view! {
                                    {(k > 0).then_some(", ")}
                                    <a href=paths::lesson(r.lesson.slug)>{r.lesson.title}</a>
                                }).collect_view()}
                            </p>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
