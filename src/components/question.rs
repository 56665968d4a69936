//! One question: its prompt, its choices in the learner's order, "I wasn't sure", and once
//! graded, what was right and why. The lesson quiz, the review session and the practice exam
//! all show questions with this component.

use leptos::prelude::*;

use crate::model::course::{Question, QuestionKind, Verdict};
use crate::model::progress::verdict_label;
use crate::model::review::choice_order;
use crate::state::learning::use_seed;

/// A question as a fieldset. `chosen` holds authored choice indices, whatever order they are
/// shown in; `graded` shows the feedback and locks the inputs.
#[component]
pub fn QuestionView(
    question: Question,
    /// "Question 2 of 5", shown above the prompt.
    number: String,
    chosen: RwSignal<Vec<usize>>,
    unsure: RwSignal<bool>,
    /// Whether to show what was right (the exam shows it only after submission).
    graded: RwSignal<bool>,
    /// Where the position in the form is kept for focusing: `data-question`.
    #[prop(default = 0)]
    index: usize,
) -> impl IntoView {
    let seed = use_seed();
    let multiple = question.kind == QuestionKind::Multiple;
    let input_type = if multiple { "checkbox" } else { "radio" };
    let name = question.id.clone();
    let order = {
        let id = question.id.clone();
        let n = question.choices.len();
        Memo::new(move |_| choice_order(seed.get(), &id, n))
    };
    let correct = question.correct_choices();
    let verdict = {
        let q = question.clone();
        Memo::new(move |_| graded.get().then(|| q.grade(&chosen.get()).verdict))
    };
    let explanation = question.explanation.clone();
    let fieldset_id = format!("question-{}", question.id);
    let unsure_id = format!("{}-unsure", question.id);
    let id = StoredValue::new(question.id.clone());
    let name = StoredValue::new(name);
    let choices = StoredValue::new(question.choices.clone());
    view! {
        <fieldset class="question" id=fieldset_id data-question=index
            data-verdict=move || verdict.get().map(verdict_class)>
            <legend class="question-prompt">
                <span class="question-number">{number}</span>
                <span inner_html=question.prompt.clone()></span>
            </legend>
            <p class="question-hint">{if multiple { "Select all that apply." } else { "Choose one answer." }}</p>
            <ul class="choices" role="list">
                {move || order.get().into_iter().map(|ci| {
                    let choice = choices.read_value()[ci].clone();
                    let input_id = format!("{}-{ci}", id.read_value());
                    let is_correct = correct.contains(&ci);
                    let checked = move || chosen.read().contains(&ci);
                    let on_change = move |ev: leptos::ev::Event| {
                        let on = event_target_checked(&ev);
                        let mut s = chosen.write();
                        if !multiple {
                            s.clear();
                        }
                        s.retain(|&c| c != ci);
                        if on {
                            s.push(ci);
                            crate::model::sort::sort(&mut s);
                        }
                    };
                    let result = move || graded.get().then(|| match (is_correct, checked()) {
                        (true, true) => "correct",
                        (false, true) => "incorrect",
                        (true, false) => "missed",
                        (false, false) => "other",
                    });
                    let explanation = choice.explanation.clone();
                    view! {
                        <li class="choice" data-result=result data-choice=ci>
                            <input type=input_type id=input_id.clone() name=name.get_value() value=ci
                                prop:checked=checked
                                disabled=move || graded.get()
                                on:change=on_change/>
                            <label for=input_id inner_html=choice.text></label>
                            {move || result().map(|r| {
                                let mark = match r {
                                    "correct" => "✓ Your choice: correct.",
                                    "incorrect" => "✗ Your choice: not correct.",
                                    "missed" => "✓ A correct choice you did not select.",
                                    _ => "Not a correct choice.",
                                };
                                view! {
                                    <p class="choice-explanation">
                                        <strong class="choice-mark">{mark}</strong>" "
                                        <span inner_html=explanation.clone()></span>
                                    </p>
                                }
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <label class="unsure" hidden=move || chosen.read().is_empty() && !unsure.get()>
                <input type="checkbox" id=unsure_id prop:checked=move || unsure.get()
                    disabled=move || graded.get()
                    on:change=move |ev| unsure.set(event_target_checked(&ev))/>
                " I wasn't sure"
            </label>
            {move || verdict.get().map(|v| view! {
                <div class="question-feedback">
                    <p><strong>{verdict_label(v)}". "</strong><span inner_html=explanation.clone()></span></p>
                </div>
            })}
        </fieldset>
    }
}

pub fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Correct => "correct",
        Verdict::Partial => "partial",
        Verdict::Incorrect => "incorrect",
    }
}
