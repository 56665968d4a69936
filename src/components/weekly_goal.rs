//! The weekly goal: set on the Progress page (`WeeklyGoal`), this week's standing there and on
//! the home page (`ThisWeek`), and study sessions as a calendar file (`StudyCalendar`). The
//! rules are `model::plan`'s; no streaks, a missed week is shown plainly.

use leptos::prelude::*;

use crate::components::backups::point_download_as;
use crate::components::insights::local_day;
use crate::model::plan::{
    ics, past_week_text, this_week_text, weeks, Goal, Sessions, Week, MAX_GOAL,
};
use crate::outline::COURSE;
use crate::paths;
use crate::state::learning::use_clock;
use crate::state::preferences::use_preferences;
use crate::state::progress::{now, use_progress};

/// This week and the `past` weeks before it, for the goal set (none without one).
fn standing(past: usize) -> impl Fn() -> Option<(Goal, Vec<Week>)> + Copy {
    let goal = use_preferences().weekly_goal;
    let progress = use_progress();
    let clock = use_clock();
    move || {
        let g = goal.get()?;
        let today = local_day(clock.get());
        Some((g, progress.with(|p| weeks(p, g, today, past, local_day))))
    }
}

/// The Progress page's section: the goal, set or changed or removed, and the last weeks.
#[component]
pub fn WeeklyGoal() -> impl IntoView {
    let goal = use_preferences().weekly_goal;
    let initial = goal.get_untracked();
    let count = RwSignal::new(initial.map_or(3, Goal::target).to_string());
    let reviews = RwSignal::new(matches!(initial, Some(Goal::Reviews(_))));
    let status = RwSignal::new(String::new());
    let weeks = standing(3);
    let set = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = count
            .get_untracked()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=MAX_GOAL).contains(n));
        let Some(n) = n else {
            status.set(format!(
                "A weekly goal is a whole number from 1 to {MAX_GOAL}."
            ));
            return;
        };
        let g = if reviews.get_untracked() {
            Goal::Reviews(n)
        } else {
            Goal::Lessons(n)
        };
        goal.set(Some(g));
        status.set(format!("Your goal: {n} {} a week.", g.unit(n)));
    };
    let remove = move |_| {
        goal.set(None);
        status.set("Goal removed.".into());
    };
    view! {
        <section id="goal" aria-labelledby="goal-title">
            <h2 id="goal-title">"Weekly goal"</h2>
            <p>"Set a goal for each week, from Monday: lessons read, or questions reviewed. A missed week is just a missed week; the next one starts afresh."</p>
            <form class="goal-form" novalidate on:submit=set>
                <p class="goal-fields">
                    <label for="goal-count">"Each week"</label>
                    <input id="goal-count" type="number" inputmode="numeric" min="1" max=MAX_GOAL.to_string()
                        prop:value=move || count.get() on:input=move |ev| count.set(event_target_value(&ev))/>
                    <label class="visually-hidden" for="goal-kind">"What counts"</label>
                    <select id="goal-kind" on:change=move |ev| reviews.set(event_target_value(&ev) == "reviews")>
                        <option value="lessons" selected=move || !reviews.get()>"lessons read"</option>
                        <option value="reviews" selected=move || reviews.get()>"questions reviewed"</option>
                    </select>
                </p>
                <p class="button-row">
                    <button type="submit" class="button button-primary">
                        {move || if goal.get().is_some() { "Change the goal" } else { "Set the goal" }}
                    </button>
                    {move || goal.get().is_some().then(|| view! {
                        <button type="button" class="button" on:click=remove>"Remove the goal"</button>
                    })}
                </p>
            </form>
            <p class="goal-status" role="status">{move || status.get()}</p>
            {move || weeks().map(|(g, w)| view! {
                <p class="goal-this-week">{this_week_text(g, &w[0])}</p>
                <ul class="goal-weeks" aria-label="The weeks before">
                    {w[1..].iter().map(|w| view! { <li>{past_week_text(w)}</li> }).collect_view()}
                </ul>
            })}
            <p class="insights-note">"The goal is kept in this browser; what counts toward it is your progress, so work on another device counts once it is merged here."</p>
            <StudyCalendar/>
        </section>
    }
}

/// The home page's line: this week against the goal, with a link to change it.
#[component]
pub fn ThisWeek() -> impl IntoView {
    let weeks = standing(0);
    view! {
        {move || weeks().map(|(g, w)| view! {
            <p class="goal-home">{this_week_text(g, &w[0])}" "<a href=format!("{}#goal", paths::progress())>"Weekly goal"</a></p>
        })}
    }
}

/// Study sessions as a calendar file: the days, the local time and the length the learner
/// picks, recurring weekly with an alert, linking to the review page.
#[component]
pub fn StudyCalendar() -> impl IntoView {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let days = RwSignal::new(vec![0u32, 2, 4]);
    let time = RwSignal::new("18:30".to_string());
    let minutes = RwSignal::new(30u32);
    let status = RwSignal::new(String::new());
    let download = move |ev: leptos::ev::MouseEvent| {
        let (hour, minute) = time
            .get_untracked()
            .split_once(':')
            .and_then(|(h, m)| Some((h.parse().ok()?, m.parse().ok()?)))
            .unwrap_or((18, 30));
        let sessions = Sessions {
            days: days.get_untracked(),
            hour,
            minute,
            minutes: minutes.get_untracked(),
        };
        let origin = window().location().origin().unwrap_or_default();
        let url = format!("{origin}{}", paths::review());
        let at = now();
        match ics(&sessions, COURSE.title, &url, local_day(at), at) {
            Some(file) => {
                point_download_as(&ev, &file, "text/calendar;charset=utf-8");
                status.set("The calendar file is downloaded: open it to add the sessions to your calendar.".into());
            }
            None => {
                ev.prevent_default();
                status.set("Choose at least one day.".into());
            }
        }
    };
    view! {
        <section aria-labelledby="calendar-title">
            <h3 id="calendar-title">"Study sessions in your calendar"</h3>
            <p>"A web page cannot remind you by itself. Your calendar can: choose days and a time, and add the sessions with an alert ten minutes before, each linking to your review."</p>
            <fieldset class="calendar-days">
                <legend>"Days"</legend>
                {DAYS.iter().enumerate().map(|(d, name)| {
                    let d = d as u32;
                    view! {
                        <label class="exercise-unit">
                            <input type="checkbox" prop:checked=move || days.with(|v| v.contains(&d))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    days.update(|v| { v.retain(|x| *x != d); if on { v.push(d); } });
                                }/>
                            {*name}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <p class="goal-fields">
                <label for="calendar-time">"At"</label>
                <input id="calendar-time" type="time" prop:value=move || time.get() on:input=move |ev| time.set(event_target_value(&ev))/>
                <label for="calendar-length">"for"</label>
                <select id="calendar-length" on:change=move |ev| minutes.set(event_target_value(&ev).parse().unwrap_or(30))>
                    {[15u32, 30, 45, 60].into_iter().map(|m| view! {
                        <option value=m.to_string() selected=m == 30>{format!("{m} minutes")}</option>
                    }).collect_view()}
                </select>
            </p>
            <p><a class="button" href="#" download="study-plan.ics" on:click=download>"Download the calendar file (.ics)"</a></p>
            <p role="status">{move || status.get()}</p>
        </section>
    }
}
