//! The exam being taken: the question on screen, the clock, moving between questions, the
//! map of all of them, and submitting.

use leptos::html::H2;
use leptos::prelude::*;

use super::Taking;
use crate::components::question::QuestionView;
use crate::model::exam::{self, Sitting};

/// The exam form: one question at a time, with everything around it.
#[component]
pub(super) fn ExamSitting(
    taking: Taking,
    /// The heading that says which question is on screen; it takes focus when that changes.
    heading: NodeRef<H2>,
    /// Moves focus to the heading (on the next frame).
    focus: impl Fn() + Copy + 'static,
    /// Asks to submit (the first ask with questions unanswered only asks to confirm).
    submit: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let n = taking.0.read_untracked().sitting().map_or(0, Sitting::len);
    let current = Memo::new(move |_| taking.read(Sitting::current));
    let go = move |i: usize| {
        taking.change(|s| s.go(i));
        focus();
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit();
    };
    view! {
        <form class="exam-sitting" on:submit=on_submit novalidate>
            <div class="exam-bar">
                <h2 tabindex="-1" node_ref=heading>{move || format!("Question {} of {n}", current.get() + 1)}</h2>
                <ExamTimer taking/>
            </div>
            <ExamQuestionStep taking current/>
            <ExamNav taking current n focus/>
            <ExamMap taking current n go/>
            <p class="exam-answered">{move || format!("{} of {n} answered", n - taking.read(Sitting::unanswered))}</p>
            <ExamSubmit taking/>
        </form>
    }
}

/// Time left, for a timed exam.
#[component]
fn ExamTimer(taking: Taking) -> impl IntoView {
    taking.read(Sitting::timed).then(|| {
        view! {
            <p class="exam-timer" role="timer" aria-live="off">
                "Time left: "<strong>{move || exam::clock(taking.read(Sitting::left))}</strong>
            </p>
        }
    })
}

/// The question on screen. Its answer and "I wasn't sure" go into the exam at every change.
#[component]
fn ExamQuestionStep(taking: Taking, current: Memo<usize>) -> impl IntoView {
    move || {
        let i = current.get();
        let (question, answer, unsure) = {
            let stage = taking.0.read_untracked();
            let q = stage.sitting()?.question(i)?;
            (q.question.clone(), q.answer.clone(), q.unsure)
        };
        let chosen = RwSignal::new(answer);
        let unsure = RwSignal::new(unsure);
        // The question's inputs change these two signals first; their change events then
        // reach this wrapper.
        let keep = move |_| {
            taking.change(|s| s.answer(i, &chosen.read_untracked(), unsure.get_untracked()));
        };
        Some(view! {
            <div class="exam-question" on:change=keep>
                <QuestionView question number=String::new() chosen unsure
                    graded=RwSignal::new(false) index=i/>
            </div>
        })
    }
}

/// Previous, next, and the flag of the question on screen.
#[component]
fn ExamNav(
    taking: Taking,
    current: Memo<usize>,
    n: usize,
    focus: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let step = move |to: fn(&mut Sitting)| {
        taking.change(to);
        focus();
    };
    let flagged = move || taking.read(|s| s.flagged(s.current()));
    view! {
        <div class="exam-nav">
            <button type="button" class="button" disabled=move || current.get() == 0
                on:click=move |_| step(Sitting::previous)>"Previous"</button>
            <button type="button" class="button exam-flag" aria-pressed=move || flagged().to_string()
                on:click=move |_| taking.change(|s| s.toggle_flag(s.current()))>
                {move || if flagged() { "Flagged for review" } else { "Flag for review" }}
            </button>
            <button type="button" class="button" disabled=move || { current.get() + 1 >= n }
                on:click=move |_| step(Sitting::next)>"Next"</button>
        </div>
    }
}

/// Every question as a button: answered or not, flagged or not, and which is on screen.
#[component]
fn ExamMap(
    taking: Taking,
    current: Memo<usize>,
    n: usize,
    go: impl Fn(usize) + Copy + 'static,
) -> impl IntoView {
    let item = move |i: usize| {
        let answered = move || taking.read(|s| s.answered(i));
        let flagged = move || taking.read(|s| s.flagged(i));
        let label = move || {
            let mut l = format!("Question {}", i + 1);
            l.push_str(if answered() {
                ", answered"
            } else {
                ", not answered"
            });
            if flagged() {
                l.push_str(", flagged");
            }
            l
        };
        view! {
            <li>
                <button type="button" class="exam-map-item"
                    data-answered=move || answered().then_some("yes")
                    data-flagged=move || flagged().then_some("yes")
                    aria-current=move || (current.get() == i).then_some("step")
                    aria-label=label on:click=move |_| go(i)>
                    {i + 1}
                </button>
            </li>
        }
    };
    view! {
        <nav class="exam-map" aria-label="Questions">
            <ol role="list">{(0..n).map(item).collect_view()}</ol>
        </nav>
    }
}

/// The submit button, and the question it asks first when some are unanswered.
#[component]
fn ExamSubmit(taking: Taking) -> impl IntoView {
    // How many unanswered questions the learner is asked about; 0 when not asking.
    let asking = Memo::new(move |_| taking.read(Sitting::confirming));
    view! {
        {move || match asking.get() {
            0 => None,
            k => Some(view! {
                <p class="exam-confirm" role="alert">
                    {if k == 1 { "1 question is".to_string() } else { format!("{k} questions are") }}
                    " not answered yet: they count as wrong. Submit anyway, or go back to them."
                </p>
            }),
        }}
        <p class="exam-submit">
            <button type="submit" class="button button-primary">
                {move || if asking.get() > 0 { "Submit anyway" } else { "Submit the exam" }}
            </button>
        </p>
    }
}
