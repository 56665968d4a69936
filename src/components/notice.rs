//! The storage notice: tells the learner when progress cannot be saved or was recovered.

use leptos::prelude::*;

use crate::components::backups::point_download_at;
use crate::model::progress::Progress;
use crate::model::routes::Route;
use crate::pages::progress::EXPORT_FILE;
use crate::state::progress::{use_progress, use_storage_notice};

/// A dismissible banner about stored progress; shows nothing when all is well.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let notice = use_storage_notice();
    let progress = use_progress();
    let path = crate::router::use_path();
    // The link to the Progress page, except on that page.
    let elsewhere = move || path.with(|p| Route::parse(p) != Route::Progress);
    move || {
        notice.get().map(|n| {
            view! {
                <div class="storage-notice" role="alert">
                    <p>
                        {n.message()}
                        {(n.points_to_progress_page() && elsewhere()).then(|| view! {
                            " "<a href=crate::paths::route(Route::Progress)>"Open the Progress page"</a>
                        })}
                    </p>
                    {n.offers_download().then(|| view! {
                        // The record as this tab holds it when the learner clicks.
                        <a class="button" href="#" download=EXPORT_FILE
                            on:click=move |ev| point_download_at(&ev, &progress.with_untracked(Progress::encode))>
                            "Download your progress"
                        </a>
                    })}
                    <button type="button" class="button" on:click=move |_| notice.set(None)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
