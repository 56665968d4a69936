//! Backups of progress kept in this browser: listed with their date and size, to download,
//! merge back (when this version can read them) or delete after a confirmation.

use leptos::prelude::*;

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
            Some(t) => format!("Set aside on {}", crate::platform::date_time_text(t)),
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

/// Points the clicked download link at `json`, encoded as the learner clicks: a record of
/// megabytes is written once, on demand, not on every change (the link's `href` is read after
/// its click handlers run).
pub fn point_download_at(ev: &leptos::ev::MouseEvent, json: &str) {
    point_download_as(ev, json, "application/json");
}

/// Points the clicked download link at `text` of the media type `mime`.
pub fn point_download_as(ev: &leptos::ev::MouseEvent, text: &str, mime: &str) {
    use wasm_bindgen::JsCast;
    let Some(a) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    let parts = web_sys::js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let url = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob));
    if let Ok(url) = url {
        let old = a.href();
        if old.starts_with("blob:") {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        a.set_href(&url);
    }
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
