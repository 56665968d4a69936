//! A lesson's quiz: choose, submit, see what was right and why, try again.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::question::QuestionView;
use crate::model::course::{Quiz, QuizGrade, Verdict};
use crate::model::progress::QuizRestore;
use crate::paths;
use crate::state::learning::use_keep_seed;
use crate::state::preferences::use_preferences;
use crate::state::progress::{now, use_progress_mut};

/// The quiz at the end of a lesson. The last submission is restored if its questions are unchanged.
#[component]
pub fn QuizView(
    /// The lesson the quiz belongs to.
    slug: &'static str,
    /// The quiz itself.
    quiz: Quiz,
) -> impl IntoView {
    let progress = use_progress_mut();
    let keep_seed = use_keep_seed();
    let print_answers = use_preferences().print_answers;
    let count = quiz.questions.len();
    let QuizRestore {
        answers,
        attempts,
        stale,
    } = progress.with_untracked(|p| p.quiz_restore(slug, &quiz));
    let restorable = answers.is_some();
    let initial = answers.unwrap_or_else(|| vec![Vec::new(); count]);
    let graded: RwSignal<Option<QuizGrade>> =
        RwSignal::new(restorable.then(|| quiz.grade(&initial)));
    // One signal per question, so choosing in one question redraws only that one.
    let selections: Vec<RwSignal<Vec<usize>>> = initial.into_iter().map(RwSignal::new).collect();
    let unsure: Vec<RwSignal<bool>> = (0..count).map(|_| RwSignal::new(false)).collect();
    let selections = StoredValue::new(selections);
    let unsure = StoredValue::new(unsure);
    // Whether the answers are graded (and locked), for each question.
    let locked = RwSignal::new(restorable);
    let status = RwSignal::new(String::new());
    let quiz = StoredValue::new(quiz);
    let form_ref = NodeRef::<leptos::html::Form>::new();

    let focus_input = move |question: usize| focus_question(form_ref, question);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let answers: Vec<Vec<usize>> =
            selections.with_value(|s| s.iter().map(|a| a.get_untracked()).collect());
        let unsure: Vec<bool> =
            unsure.with_value(|s| s.iter().map(|u| u.get_untracked()).collect());
        if let Some(missing) = answers.iter().position(Vec::is_empty) {
            status.set(format!(
                "Answer question {} before you submit.",
                missing + 1
            ));
            focus_input(missing);
            return;
        }
        keep_seed();
        let grade = quiz.with_value(|quiz| {
            progress
                .try_update(|p| p.record_quiz(slug, quiz, &answers, &unsure, now()))
                .unwrap_or_else(|| quiz.grade(&answers))
        });
        let right = grade
            .grades
            .iter()
            .filter(|g| g.verdict == Verdict::Correct)
            .count();
        status.set(format!(
            "You scored {}%: {right} of {count} questions right. Explanations are shown below each question.",
            grade.score
        ));
        graded.set(Some(grade));
        locked.set(true);
    };

    let retry = move |_| {
        graded.set(None);
        locked.set(false);
        selections.with_value(|s| s.iter().for_each(|a| a.set(Vec::new())));
        unsure.with_value(|s| s.iter().for_each(|u| u.set(false)));
        status.set("Your answers are cleared. Try again.".into());
        focus_input(0);
    };

    let title = quiz.with_value(|q| q.title.clone());
    view! {
        <section class="quiz" aria-labelledby="quiz-title"
            data-print-answers=move || if print_answers.get() { "on" } else { "off" }>
            <h2 id="quiz-title" class="quiz-title">"Quiz: " {title}</h2>
            {(stale).then(|| view! {
                <p class="quiz-stale">"This quiz has changed since you last answered it, so your old answers are not shown."</p>
            })}
            {(restorable && attempts > 0).then(|| view! {
                <p class="quiz-restored">{format!("Your last answers are shown ({} attempt{}).", attempts, if attempts == 1 { "" } else { "s" })}</p>
            })}
            <form class="quiz-form" node_ref=form_ref on:submit=on_submit novalidate>
                {quiz.with_value(|q| q.questions.clone()).into_iter().enumerate().map(|(qi, question)| {
                    view! {
                        <QuestionView question=question number=format!("Question {} of {count}", qi + 1)
                            chosen=selections.with_value(|s| s[qi]) unsure=unsure.with_value(|s| s[qi])
                            graded=locked index=qi/>
                    }
                }).collect_view()}
                <p class="quiz-status" role="status" aria-live="polite">{move || status.get()}</p>
                <div class="quiz-actions">
                    {move || match graded.get() {
                        None => view! { <button type="submit" class="button button-primary">"Submit answers"</button> }.into_any(),
                        Some(g) => view! {
                            <p class="quiz-score">{format!("Score: {}%", g.score)}</p>
                            <button type="button" class="button" on:click=retry>"Try again"</button>
                            <a class="button" href=paths::practice(slug)>"Practice this lesson"</a>
                        }.into_any(),
                    }}
                </div>
            </form>
            {quiz.with_value(|q| view! { <AnswerKey quiz=q.clone()/> })}
        </section>
    }
}

/// Moves focus to a question's first choice on the next frame, once a retry has re-enabled
/// the inputs.
fn focus_question(form_ref: NodeRef<leptos::html::Form>, question: usize) {
    request_animation_frame(move || {
        let Some(form) = form_ref.get_untracked() else {
            return;
        };
        let selector = format!("[data-question=\"{question}\"] input");
        if let Some(input) = form
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = input.focus();
        }
    });
}

/// The answers and their explanations, printed with the lesson when the learner asks for it.
#[component]
fn AnswerKey(quiz: Quiz) -> impl IntoView {
    let print_answers = use_preferences().print_answers;
    let toggle_print = move |ev: leptos::ev::Event| print_answers.set(event_target_checked(&ev));
    let answers = quiz
        .questions
        .iter()
        .enumerate()
        .map(|(i, question)| {
            let correct: Vec<&str> = question
                .choices
                .iter()
                .filter(|c| c.correct)
                .map(|c| c.text.as_str())
                .collect();
            view! {
                <li>
                    <p><strong>{format!("Question {}: ", i + 1)}</strong><span inner_html=correct.join("; ")></span></p>
                    <p inner_html=question.explanation.clone()></p>
                </li>
            }
        })
        .collect_view();
    view! {
        <label class="print-option">
            <input type="checkbox" prop:checked=move || print_answers.get() on:change=toggle_print/>
            " Include the answers when printing this lesson"
        </label>
        <section class="answer-key" aria-label="Answer key">
            <h3>"Answer key"</h3>
            <ol>{answers}</ol>
        </section>
    }
}
