//! Your progress: what you have learned (`components::insights`), then export it to a file, import it back (merge or replace), or reset it with an undo.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::components::backups::{point_download_at, Backups};
use crate::components::insights::Insights;
use crate::components::safety::{IosHint, PersistenceStatus};
use crate::components::weekly_goal::WeeklyGoal;
use crate::model::progress::{
    ImportError, ImportPreview, Progress, Repairs, ResetScope, Undo, IMPORT_LIMIT,
};
use crate::outline::COURSE;
use crate::state::progress::{keep_before_import, now, use_progress_mut};

/// The name of an exported progress file.
pub const EXPORT_FILE: &str = "tpm-course-progress.json";

/// A file read and checked, waiting for the learner to choose merge or replace.
#[derive(Clone)]
struct PendingImport {
    progress: Progress,
    preview: ImportPreview,
    /// What reading the file changed because it could not be true.
    repairs: Repairs,
}

/// What the last change on the page was, to take it back: the undo and its name.
type LastChange = RwSignal<Option<(Undo, &'static str)>>;

/// The progress page.
#[component]
pub fn ProgressPage() -> impl IntoView {
    crate::document::set_title("Your progress");
    crate::document::set_description(
        "What you have learned: mastery per module, reviews due, your weakest questions, practice exams and a summary to print. Export, import or reset your progress.",
    );
    let progress = use_progress_mut();
    let status = RwSignal::new(String::new());
    let undo: LastChange = RwSignal::new(None);
    let summary = move || {
        let (done, total) = progress.with(|p| p.completed_count(&COURSE));
        format!("You have completed {done} of {total} lessons.")
    };
    let export = move |ev: leptos::ev::MouseEvent| {
        point_download_at(&ev, &progress.with_untracked(Progress::encode))
    };

    view! {
        <article class="progress-page">
            <h1 tabindex="-1">"Your progress"</h1>
            <p>{summary}</p>
            <p>"Progress is kept only in this browser. Export it to keep a copy or to move it to another device."</p>

            <Insights/>
            <WeeklyGoal/>

            <section aria-labelledby="safety-title">
                <h2 id="safety-title">"Keeping it safe"</h2>
                <IosHint/>
                <PersistenceStatus/>
            </section>

            <Backups status=status/>

            <section aria-labelledby="export-title">
                <h2 id="export-title">"Export"</h2>
                <a class="button" href="#" download=EXPORT_FILE on:click=export>"Download your progress (JSON)"</a>
                <p>"Or move it without a file: "<a href=crate::paths::continue_page()>"continue on another device"</a>" with a link or QR codes."</p>
            </section>

            <ImportSection status undo/>
            <ResetSection status undo/>

            <p class="progress-status" role="status" aria-live="polite">{move || status.get()}</p>
            {move || undo.get().map(|(taken_back, what)| view! {
                <button type="button" class="button" on:click=move |_| {
                    progress.update(|p| p.undo(&taken_back, now()));
                    undo.set(None);
                    status.set(format!("The {what} was undone."));
                }>{format!("Undo the {what}")}</button>
            })}
        </article>
    }
}

/// Import: a file chosen or dropped is read and checked, then previewed, then merged or
/// replaces progress; either can be undone.
#[component]
fn ImportSection(status: RwSignal<String>, undo: LastChange) -> impl IntoView {
    let progress = use_progress_mut();
    let pending: RwSignal<Option<PendingImport>> = RwSignal::new(None);
    let take_file = move |file: web_sys::File| {
        status.set(String::new());
        // A file too large to be progress is refused before it is read into memory.
        let size = file.size() as usize;
        if size > IMPORT_LIMIT {
            pending.set(None);
            status.set(ImportError::TooLarge(size).to_string());
            return;
        }
        leptos::task::spawn_local(async move {
            let Ok(text) = JsFuture::from(file.text()).await else {
                status.set("The file could not be read.".into());
                return;
            };
            match Progress::import(&text.as_string().unwrap_or_default(), COURSE.id) {
                Ok((theirs, repairs)) => {
                    let preview = progress.with_untracked(|p| p.preview_import(&theirs, &COURSE));
                    pending.set(Some(PendingImport {
                        progress: theirs,
                        preview,
                        repairs,
                    }));
                }
                Err(e) => {
                    pending.set(None);
                    status.set(e.to_string());
                }
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            take_file(file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            take_file(file);
        }
    };
    view! {
        <section aria-labelledby="import-title">
            <h2 id="import-title">"Import"</h2>
            <div class="drop-zone" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <label class="button" for="import-file">"Choose a progress file"</label>
                <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json" on:change=on_pick/>
                <p>"or drop it here."</p>
            </div>
            {move || pending.get().map(|p| view! { <ImportPreviewView pending=p choose=pending status undo/> })}
        </section>
    }
}

/// What an import would do, and the choice: merge, replace or cancel.
#[component]
fn ImportPreviewView(
    pending: PendingImport,
    choose: RwSignal<Option<PendingImport>>,
    status: RwSignal<String>,
    undo: LastChange,
) -> impl IntoView {
    let progress = use_progress_mut();
    let apply = move |replace: bool| {
        let Some(import) = choose.get_untracked() else {
            return;
        };
        let before = progress.get_untracked();
        let taken_back = if replace {
            // The current progress is also kept in storage, to download from the backups.
            keep_before_import(&before);
            let u = progress.try_update(|p| p.replace_with(&import.progress, &COURSE, now()));
            status.set("Your progress was replaced by the file's. The previous progress is kept: use Undo to restore it.".into());
            u
        } else {
            progress.update(|p| {
                p.merge(&import.progress);
            });
            status.set("The file's progress was merged with yours.".into());
            Some(Undo::Restore(Box::new(before)))
        };
        undo.set(taken_back.map(|u| (u, if replace { "replace" } else { "merge" })));
        choose.set(None);
    };
    let p = pending.preview;
    view! {
        <div class="import-preview" role="group" aria-labelledby="import-preview-title">
            <h3 id="import-preview-title">"Before you import"</h3>
            <ul>
                <li>{format!("You have completed {} lessons; the file has {} completed.", p.completed_now, p.completed_in_file)}</li>
                <li>{format!("Merge keeps the best of both: {} lessons completed, best scores and most attempts kept.", p.completed_after_merge)}</li>
                <li>{format!("Replace makes it exactly the file's: {} lessons completed. Your current progress is kept so you can undo.", p.completed_in_file)}</li>
                {(p.unknown_lessons > 0).then(|| view! {
                    <li>{format!("The file has {} lessons this course no longer has; their data is kept.", p.unknown_lessons)}</li>
                })}
                {(!pending.repairs.is_empty()).then(|| view! {
                    <li class="import-repairs">{pending.repairs.summary()}</li>
                })}
            </ul>
            <div class="button-row">
                <button type="button" class="button button-primary" on:click=move |_| apply(false)>"Merge"</button>
                <button type="button" class="button" on:click=move |_| apply(true)>"Replace"</button>
                <button type="button" class="button" on:click=move |_| choose.set(None)>"Cancel"</button>
            </div>
        </div>
    }
}

/// Reset: the whole course, a module or a lesson, confirmed first, with an undo.
#[component]
fn ResetSection(status: RwSignal<String>, undo: LastChange) -> impl IntoView {
    let progress = use_progress_mut();
    let confirm_reset = RwSignal::new(false);
    let scope = RwSignal::new(ResetScope::Course);
    let reset = move |_| {
        let target = scope.get_untracked();
        let taken_back = progress.try_update(|p| p.reset_scope(target, &COURSE, now()));
        confirm_reset.set(false);
        undo.set(taken_back.map(|u| (u, "reset")));
        status.set(format!("Your progress in {} was reset.", target.name()));
    };
    view! {
        <section aria-labelledby="reset-title">
            <h2 id="reset-title">"Reset"</h2>
            <label class="reset-scope">
                "What to reset "
                <select class="preference-select" on:change=move |ev| { scope.set(ResetScope::parse(&event_target_value(&ev), &COURSE)); confirm_reset.set(false); }
                    prop:value=move || scope.get().value()>
                    <option value="">"The whole course"</option>
                    {COURSE.modules.iter().enumerate().map(|(i, m)| view! {
                        <optgroup label=format!("Module {}: {}", i + 1, m.title)>
                            <option value=ResetScope::Module(m).value()>{format!("All of module {}: {}", i + 1, m.title)}</option>
                            {m.lessons.iter().map(|l| view! {
                                <option value=ResetScope::Lesson(l).value()>{format!("Lesson: {}", l.title)}</option>
                            }).collect_view()}
                        </optgroup>
                    }).collect_view()}
                </select>
            </label>
            {move || {
                let whole = scope.get() == ResetScope::Course;
                if confirm_reset.get() {
                    view! {
                        <div class="confirm" role="group" aria-label="Confirm reset">
                            <p>{format!("Reset your progress in {}? You can undo it right after.", scope.get().name())}</p>
                            <div class="button-row">
                                <button type="button" class="button button-danger" on:click=reset>
                                    {if whole { "Reset all progress" } else { "Reset it" }}
                                </button>
                                <button type="button" class="button" on:click=move |_| confirm_reset.set(false)>"Cancel"</button>
                            </div>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="button" on:click=move |_| confirm_reset.set(true)>
                            {if whole { "Reset the course…" } else { "Reset…" }}
                        </button>
                    }.into_any()
                }
            }}
        </section>
    }
}
