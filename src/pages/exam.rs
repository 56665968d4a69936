//! The practice exam: choose a length and whether it is timed; answer one question per
//! screen with a question map and flags; no feedback until it is submitted (or the time runs
//! out). The exam in progress is kept in storage at every change, so a reload or a closed tab
//! loses nothing; time runs only while the exam is open.

use leptos::prelude::*;

use crate::components::question::QuestionView;
use crate::model::course::Question;
use crate::model::exam::{
    self, Drawn, Exam, ExamScore, LENGTHS, PASS_PERCENT, SECONDS_PER_QUESTION,
};
use crate::model::review::Rng;
use crate::outline::COURSE;
use crate::paths;
use crate::state::learning::{use_keep_seed, use_saved_exam};
use crate::state::progress::{now, use_progress_mut};

/// An exam on screen: what storage keeps, as signals, and its questions once loaded.
#[derive(Clone, Copy)]
struct Sitting {
    drawn: StoredValue<Vec<Drawn>>,
    timed: bool,
    questions: RwSignal<Vec<Question>>,
    answers: StoredValue<Vec<RwSignal<Vec<usize>>>>,
    unsure: StoredValue<Vec<RwSignal<bool>>>,
    flagged: StoredValue<Vec<RwSignal<bool>>>,
    current: RwSignal<usize>,
    left: RwSignal<u64>,
}

impl Sitting {
    fn new(exam: Exam) -> Sitting {
        Sitting {
            timed: exam.timed,
            questions: RwSignal::new(Vec::new()),
            answers: StoredValue::new(exam.answers.into_iter().map(RwSignal::new).collect()),
            unsure: StoredValue::new(exam.unsure.into_iter().map(RwSignal::new).collect()),
            flagged: StoredValue::new(exam.flagged.into_iter().map(RwSignal::new).collect()),
            current: RwSignal::new(exam.current),
            left: RwSignal::new(exam.left),
            drawn: StoredValue::new(exam.questions),
        }
    }

    fn len(&self) -> usize {
        self.drawn.read_value().len()
    }

    /// The exam as storage keeps it; tracks every signal when called in an effect.
    fn exam(&self) -> Exam {
        let get =
            |v: StoredValue<Vec<RwSignal<bool>>>| v.read_value().iter().map(|s| s.get()).collect();
        Exam {
            questions: self.drawn.get_value(),
            timed: self.timed,
            answers: self.answers.read_value().iter().map(|s| s.get()).collect(),
            unsure: get(self.unsure),
            flagged: get(self.flagged),
            left: self.left.get(),
            current: self.current.get(),
        }
    }

    fn answered(&self, i: usize) -> bool {
        !self.answers.read_value()[i].read().is_empty()
    }

    /// Loads the lessons the questions come from.
    fn load(self) {
        leptos::task::spawn_local(async move {
            let mut out = Vec::with_capacity(self.len());
            for d in self.drawn.get_value() {
                let Some(r) = COURSE.find_lesson(&d.slug) else {
                    return;
                };
                let Ok(lesson) = crate::lesson_store::load(r.lesson).await else {
                    return;
                };
                match lesson
                    .quiz
                    .and_then(|q| q.questions.into_iter().nth(d.index))
                {
                    Some(q) => out.push(q),
                    None => return,
                }
            }
            self.questions.set(out);
        });
    }
}

/// A submitted exam, for its result.
#[derive(Clone)]
struct Finished {
    drawn: Vec<Drawn>,
    timed: bool,
    questions: Vec<Question>,
    answers: Vec<Vec<usize>>,
    score: ExamScore,
}

/// "12:05": minutes and seconds.
fn clock_text(ms: u64) -> String {
    let s = ms.div_ceil(1000);
    format!("{}:{:02}", s / 60, s % 60)
}

/// The practice exam page.
#[component]
pub fn ExamPage() -> impl IntoView {
    crate::document::set_title("Practice exam");
    crate::document::set_description(
        "A practice exam drawn from every module: 10, 20 or 40 questions, timed or not.",
    );
    let progress = use_progress_mut();
    let keep_seed = use_keep_seed();
    let saved = use_saved_exam();
    let sitting: RwSignal<Option<Sitting>> = RwSignal::new(None);
    let finished: RwSignal<Option<Finished>> = RwSignal::new(None);
    let length = RwSignal::new(LENGTHS[1]);
    let timed = RwSignal::new(true);
    let confirming = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let heading = NodeRef::<leptos::html::H2>::new();

    // A sitting's signals belong to the page, not to the view that shows them (which is
    // redrawn, and its signals disposed, as soon as the sitting changes).
    let owner = StoredValue::new_local(Owner::current().expect("a component has an owner"));
    let begin = move |exam: Exam| {
        let s = owner.with_value(|o| o.with(|| Sitting::new(exam)));
        s.load();
        sitting.set(Some(s));
        finished.set(None);
        confirming.set(false);
    };
    if cfg!(target_arch = "wasm32") {
        if let Some(exam) = saved.load() {
            begin(exam);
        }
    }
    // Every change is kept at once.
    Effect::new(move |_| {
        if let Some(s) = sitting.get() {
            let exam = s.exam();
            saved.save(&exam);
        }
    });

    let focus_heading = move || {
        request_animation_frame(move || {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        });
    };

    let submit = move || {
        let Some(s) = sitting.get_untracked() else {
            return;
        };
        let questions = s.questions.get_untracked();
        if questions.len() != s.len() {
            return;
        }
        let exam = s.exam();
        let refs: Vec<&Question> = questions.iter().collect();
        let score = exam.score(&refs, &COURSE);
        keep_seed();
        progress
            .write()
            .record_exam(&exam.recalls(&refs), exam.timed, now());
        saved.clear();
        finished.set(Some(Finished {
            drawn: exam.questions.clone(),
            timed: exam.timed,
            questions,
            answers: exam.answers,
            score,
        }));
        sitting.set(None);
        focus_heading();
    };

    // The countdown: time runs only while the exam is open; at zero the exam is submitted.
    let last_tick = StoredValue::new(now());
    let tick = cfg!(target_arch = "wasm32").then(|| {
        set_interval_with_handle(
            move || {
                let t = now();
                let elapsed = t.saturating_sub(last_tick.get_value());
                last_tick.set_value(t);
                let Some(s) = sitting.get_untracked().filter(|s| s.timed) else {
                    return;
                };
                if s.questions.read_untracked().is_empty() {
                    return;
                }
                let left = s.left.get_untracked().saturating_sub(elapsed);
                s.left.set(left);
                if left == 0 {
                    status.set("Time is up: the exam was submitted.".into());
                    submit();
                } else if (60_000..61_000).contains(&left) || (300_000..301_000).contains(&left) {
                    status.set(format!("{} minutes left.", left / 60_000));
                }
            },
            std::time::Duration::from_secs(1),
        )
    });
    on_cleanup(move || {
        if let Some(Ok(t)) = tick {
            t.clear();
        }
    });

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut rng = Rng::new(now() ^ (web_random() << 20));
        let drawn = exam::draw(&COURSE, length.get_untracked(), &mut rng);
        begin(Exam::new(drawn, timed.get_untracked()));
        last_tick.set_value(now());
        focus_heading();
    };

    let setup = move || {
        view! {
            <form class="exam-setup" on:submit=start>
                <p>"Questions are drawn at random from every module, in proportion to its size. You see no answers until you submit; "{format!("{PASS_PERCENT}%")}" passes. Your answers also feed your review schedule."</p>
                <fieldset class="exam-option">
                    <legend>"Length"</legend>
                    {LENGTHS.iter().map(|&n| view! {
                        <label class="exam-choice">
                            <input type="radio" name="exam-length" value=n prop:checked=move || length.get() == n
                                on:change=move |_| length.set(n)/>
                            {format!(" {n} questions")}
                        </label>
                    }).collect_view()}
                </fieldset>
                <label class="exam-choice">
                    <input type="checkbox" prop:checked=move || timed.get() on:change=move |ev| timed.set(event_target_checked(&ev))/>
                    {move || format!(" Timed: {} minutes ({SECONDS_PER_QUESTION} seconds a question)", length.get() as u64 * SECONDS_PER_QUESTION / 60)}
                </label>
                <p><button type="submit" class="button button-primary">"Start the exam"</button></p>
            </form>
        }
    };

    let taking = move |s: Sitting| {
        let n = s.len();
        let unanswered = move || (0..n).filter(|&i| !s.answered(i)).count();
        let go = move |i: usize| {
            s.current.set(i);
            confirming.set(false);
            focus_heading();
        };
        let on_submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if unanswered() > 0 && !confirming.get_untracked() {
                confirming.set(true);
                return;
            }
            submit();
        };
        let question = move || {
            let i = s.current.get();
            let q = s.questions.read().get(i).cloned()?;
            Some(view! {
                <QuestionView question=q number=String::new()
                    chosen=s.answers.read_value()[i] unsure=s.unsure.read_value()[i]
                    graded=RwSignal::new(false) index=i/>
            })
        };
        let flagged = move || s.flagged.read_value()[s.current.get()].get();
        view! {
            <form class="exam-sitting" on:submit=on_submit novalidate>
                <div class="exam-bar">
                    <h2 tabindex="-1" node_ref=heading>{move || format!("Question {} of {n}", s.current.get() + 1)}</h2>
                    {s.timed.then(|| view! {
                        <p class="exam-timer" role="timer" aria-live="off">
                            "Time left: "<strong>{move || clock_text(s.left.get())}</strong>
                        </p>
                    })}
                </div>
                {move || if s.questions.read().is_empty() {
                    view! { <p>"Loading the questions…"</p> }.into_any()
                } else {
                    question().into_any()
                }}
                <div class="exam-nav">
                    <button type="button" class="button" disabled=move || s.current.get() == 0
                        on:click=move |_| go(s.current.get_untracked().saturating_sub(1))>"Previous"</button>
                    <button type="button" class="button exam-flag" aria-pressed=move || flagged().to_string()
                        on:click=move |_| {
                            let flag = s.flagged.read_value()[s.current.get_untracked()];
                            flag.set(!flag.get_untracked());
                        }>
                        {move || if flagged() { "Flagged for review" } else { "Flag for review" }}
                    </button>
                    <button type="button" class="button" disabled=move || { s.current.get() + 1 >= n }
                        on:click=move |_| go((s.current.get_untracked() + 1).min(n - 1))>"Next"</button>
                </div>
                <nav class="exam-map" aria-label="Questions">
                    <ol role="list">
                        {(0..n).map(|i| {
                            let label = move || {
                                let mut l = format!("Question {}", i + 1);
                                l.push_str(if s.answered(i) { ", answered" } else { ", not answered" });
                                if s.flagged.read_value()[i].get() {
                                    l.push_str(", flagged");
                                }
                                l
                            };
                            view! {
                                <li>
                                    <button type="button" class="exam-map-item"
                                        data-answered=move || s.answered(i).then_some("yes")
                                        data-flagged=move || s.flagged.read_value()[i].get().then_some("yes")
                                        aria-current=move || (s.current.get() == i).then_some("step")
                                        aria-label=label on:click=move |_| go(i)>
                                        {i + 1}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </nav>
                <p class="exam-answered">{move || format!("{} of {n} answered", n - unanswered())}</p>
                {move || confirming.get().then(|| view! {
                    <p class="exam-confirm" role="alert">
                        {format!("{} not answered yet: they count as wrong. Submit anyway, or go back to them.", match unanswered() { 1 => "1 question is".to_string(), k => format!("{k} questions are") })}
                    </p>
                })}
                <p class="exam-submit">
                    <button type="submit" class="button button-primary">
                        {move || if confirming.get() { "Submit anyway" } else { "Submit the exam" }}
                    </button>
                </p>
            </form>
        }
    };

    let result = move |f: Finished| {
        let Finished {
            drawn,
            timed,
            questions,
            answers,
            score,
        } = f;
        let percent = score.percent();
        let verdict = if score.passed() {
            format!("Passed (the pass mark is {PASS_PERCENT}%).")
        } else {
            format!("Not passed: the pass mark is {PASS_PERCENT}%.")
        };
        let missed: Vec<Drawn> = drawn
            .iter()
            .zip(&questions)
            .zip(&answers)
            .filter(|((_, q), a)| q.grade(a).verdict != crate::model::course::Verdict::Correct)
            .map(|((d, _), _)| d.clone())
            .collect();
        let retake = {
            let missed = missed.clone();
            move |_| {
                begin(Exam::new(missed.clone(), timed));
                last_tick.set_value(now());
                focus_heading();
            }
        };
        let count = questions.len();
        view! {
            <section class="exam-result" aria-labelledby="exam-result-title">
                <h2 id="exam-result-title" tabindex="-1" node_ref=heading>"Your result"</h2>
                <p class="exam-score" data-passed=score.passed().to_string()>
                    <strong>{format!("{} of {} right ({percent}%)", score.right, score.total)}</strong>" "{verdict}
                </p>
                <table class="exam-modules">
                    <caption>"Score per module"</caption>
                    <thead><tr><th scope="col">"Module"</th><th scope="col">"Right"</th><th scope="col">"Score"</th></tr></thead>
                    <tbody>
                        {score.modules.iter().map(|&(m, right, total)| view! {
                            <tr>
                                <th scope="row">{COURSE.modules.get(m).map(|m| m.title)}</th>
                                <td>{format!("{right} of {total}")}</td>
                                <td>{format!("{}%", right * 100 / total.max(1))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="exam-actions">
                    {(!missed.is_empty()).then(|| view! {
                        <button type="button" class="button button-primary" on:click=retake>
                            {format!("Retake the {} I missed", if missed.len() == 1 { "one".to_string() } else { missed.len().to_string() })}
                        </button>
                    })}
                    <button type="button" class="button" on:click=move |_| { finished.set(None); focus_heading(); }>"New exam"</button>
                    <a class="button" href=paths::progress()>"Exam history"</a>
                </p>
                <h3>"Every question"</h3>
                <div class="exam-review">
                    {questions.into_iter().zip(answers).zip(drawn).enumerate().map(|(i, ((q, a), d))| {
                        let lesson = COURSE.find_lesson(&d.slug).map(|r| r.lesson.title);
                        view! {
                            <QuestionView question=q number=format!("Question {} of {count}", i + 1)
                                chosen=RwSignal::new(a) unsure=RwSignal::new(false) graded=RwSignal::new(true) index=i/>
                            <p class="exam-source">"From "<a href=paths::lesson(&d.slug)>{lesson}</a></p>
                        }
                    }).collect_view()}
                </div>
            </section>
        }
    };

    view! {
        <article class="exam">
            <h1 tabindex="-1">"Practice exam"</h1>
            {move || match (sitting.get(), finished.get()) {
                (Some(s), _) => taking(s).into_any(),
                (None, Some(f)) => result(f).into_any(),
                (None, None) => setup().into_any(),
            }}
            <p class="visually-hidden" role="status" aria-live="polite">{move || status.get()}</p>
        </article>
    }
}

/// A random number from the browser (0 when built natively).
fn web_random() -> u64 {
    #[cfg(target_arch = "wasm32")]
    return (web_sys::js_sys::Math::random() * 4_294_967_296.0) as u64;
    #[cfg(not(target_arch = "wasm32"))]
    0
}
