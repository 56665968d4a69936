//! A submitted exam: the score and whether it passed, the score per module, what to do next,
//! and every question with the learner's answer, the right one and the explanations.

use leptos::html::H2;
use leptos::prelude::*;

use crate::components::question::QuestionView;
use crate::model::exam::{self, ExamQuestion, ExamResult, ExamScore, Stage, PASS_PERCENT};
use crate::outline::COURSE;
use crate::paths;
use crate::state::progress::now;

/// The result of the exam just submitted.
#[component]
pub(super) fn ExamResultView(
    stage: RwSignal<Stage>,
    /// The result's heading, which takes focus.
    heading: NodeRef<H2>,
    /// Moves focus to the heading (on the next frame).
    focus: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let result = stage.read_untracked().result().cloned();
    let retake = move |_| {
        stage.write().retake(now());
        focus();
    };
    let new_exam = move |_| {
        stage.set(Stage::Setup);
        focus();
    };
    result.map(|result| {
        let missed = result.missed();
        let ExamResult {
            questions, score, ..
        } = result;
        view! {
        <section class="exam-result" aria-labelledby="exam-result-title">
            <h2 id="exam-result-title" tabindex="-1" node_ref=heading>"Your result"</h2>
            <ExamScoreView score/>
            <p class="exam-actions">
                {(missed > 0).then(|| view! {
                    <button type="button" class="button button-primary" on:click=retake>
                        {match missed { 1 => "Retake the one I missed".to_string(), k => format!("Retake the {k} I missed") }}
                    </button>
                })}
                <button type="button" class="button" on:click=new_exam>"New exam"</button>
                <a class="button" href=paths::progress()>"Exam history"</a>
            </p>
            <h3>"Every question"</h3>
            <ExamReview questions/>
        </section>
        }
    })
}

/// The score, whether it passes, and the score per module.
#[component]
fn ExamScoreView(score: ExamScore) -> impl IntoView {
    let verdict = if score.passed() {
        format!("Passed (the pass mark is {PASS_PERCENT}%).")
    } else {
        format!("Not passed: the pass mark is {PASS_PERCENT}%.")
    };
    view! {
        <p class="exam-score" data-passed=score.passed().to_string()>
            <strong>{format!("{} of {} right ({}%)", score.right, score.total, score.percent())}</strong>" "{verdict}
        </p>
        <table class="exam-modules">
            <caption>"Score per module"</caption>
            <thead><tr><th scope="col">"Module"</th><th scope="col">"Right"</th><th scope="col">"Score"</th></tr></thead>
            <tbody>
                {score.modules.iter().map(|&(m, right, total)| view! {
                    <tr>
                        <th scope="row">{COURSE.modules.get(m).map(|m| m.title)}</th>
                        <td>{format!("{right} of {total}")}</td>
                        <td>{format!("{}%", exam::percent(right, total))}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Every question, graded, with the lesson it comes from.
#[component]
fn ExamReview(questions: Vec<ExamQuestion>) -> impl IntoView {
    let count = questions.len();
    view! {
        <div class="exam-review">
            {questions.into_iter().enumerate().map(|(i, q)| {
                let lesson = COURSE.find_lesson(q.slug).map(|r| r.lesson.title);
                view! {
                    <QuestionView question=q.question number=format!("Question {} of {count}", i + 1)
                        chosen=RwSignal::new(q.answer) unsure=RwSignal::new(false) graded=RwSignal::new(true) index=i/>
                    <p class="exam-source">"From "<a href=paths::lesson(q.slug)>{lesson}</a></p>
                }
            }).collect_view()}
        </div>
    }
}
