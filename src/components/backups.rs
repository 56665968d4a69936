//! Backups of progress kept in this browser: listed with their date and size, to download,
//! merge back (when this version can read them) or delete after a confirmation.

use leptos::prelude::*;

use crate::model::progress::Time;
use crate::state::progress::{backups, delete_backup, use_progress_mut};
use crate::storage::{Backup, BEFORE_IMPORT_KEY};

/// The backups section of the Progress page; what it did is told in the page's `status`.
#[component]
pub fn Backups(status: RwSignal<String>) -> impl IntoView {
    let progress = use_progress_mut();
    // Read again after any change of progress (a replace keeps one) and after a deletion.
    let deleted = RwSignal::new(0u32);
    let list = Memo::new(move |_| {
        progress.track();
        deleted.track();
        backups()
    });
    // The key whose deletion waits for a confirmation.
    let confirming: RwSignal<Option<String>> = RwSignal::new(None);

    let row = move |backup: Backup| {
        let key = backup.key.clone();
        let label = match backup.saved_at {
            _ if key == BEFORE_IMPORT_KEY => "Your progress before your last “Replace”".to_string(),
            Some(t) => format!("Set aside on {}", date_text(t)),
            None => "Set aside by an older version of the course (date not recorded)".to_string(),
        };
        let size = match backup.raw.len() {
            n if n < 1000 => format!("{n} bytes"),
            // Whole numbers only: formatting a float would add its code to the wasm.
            n => format!("{}.{} KB", n / 1000, n % 1000 / 100),
        };
        let file = format!(
            "tpm-course-backup-{}.json",
            backup.saved_at.map_or("undated".into(), |t| t.to_string())
        );
        let readable = backup.readable.clone();
        let what = match &readable {
            Some(p) => {
                let (done, total) = p.completed_count(&crate::outline::COURSE);
                format!("Progress in this course: {done} of {total} lessons completed.")
            }
            None => {
                "This version of the course cannot read it; keep the file in case a newer one can."
                    .to_string()
            }
        };
        let href = data_url(&backup.raw);
        let delete_key = key.clone();
        let confirm_key = key.clone();
        view! {
            <li class="backup" data-key=key.clone()>
                <p class="backup-title"><strong>{label}</strong>" · "{size}</p>
                <p>{what}</p>
                <div class="button-row">
                    <a class="button" href=href download=file>"Download"</a>
                    {readable.map(|theirs| view! {
                        <button type="button" class="button" on:click=move |_| {
                            progress.update(|p| {
                                p.merge(&theirs);
                            });
                            status.set("The backup was merged into your progress. You can delete it if you no longer need it.".into());
                        }>"Merge into your progress"</button>
                    })}
                    {move || if confirming.get().as_deref() == Some(confirm_key.as_str()) {
                        let key = delete_key.clone();
                        view! {
                            <div class="confirm" role="group" aria-label="Confirm deletion">
                                <p>"Delete this backup? This cannot be undone."</p>
                                <div class="button-row">
                                    <button type="button" class="button button-danger" on:click=move |_| {
                                        delete_backup(&key);
                                        confirming.set(None);
                                        deleted.update(|n| *n += 1);
                                        status.set("The backup was deleted.".into());
                                    }>"Delete it"</button>
                                    <button type="button" class="button" on:click=move |_| confirming.set(None)>"Cancel"</button>
                                </div>
                            </div>
                        }.into_any()
                    } else {
                        let key = delete_key.clone();
                        view! {
                            <button type="button" class="button" on:click=move |_| confirming.set(Some(key.clone()))>"Delete…"</button>
                        }.into_any()
                    }}
                </div>
            </li>
        }
    };

    view! {
        <section aria-labelledby="backups-title" class="backups">
            <h2 id="backups-title">"Backups"</h2>
            {move || {
                let items = list.get();
                if items.is_empty() {
                    view! { <p>"No backups: nothing has been set aside in this browser."</p> }.into_any()
                } else {
                    view! {
                        <p>"When saved progress cannot be read, or before a “Replace”, the course keeps a copy here instead of throwing it away."</p>
                        <ul class="backup-list" role="list">{items.into_iter().map(row).collect_view()}</ul>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// A date and time in the learner's own format.
fn date_text(t: Time) -> String {
    #[cfg(target_arch = "wasm32")]
    return String::from(
        web_sys::js_sys::Date::new(&(t as f64).into())
            .to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED),
    );
    #[cfg(not(target_arch = "wasm32"))]
    t.to_string()
}

/// A `data:` URL holding JSON text, for a download link.
pub fn data_url(json: &str) -> String {
    let mut out = String::with_capacity(json.len() * 3 / 2 + 40);
    out.push_str("data:application/json;charset=utf-8,");
    for b in json.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
