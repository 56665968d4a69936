//! The storage notice: tells the learner when progress cannot be saved or was recovered.

use leptos::prelude::*;

use crate::model::routes::Route;
use crate::state::progress::use_storage_notice;

/// A dismissible banner about stored progress; shows nothing when all is well.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let notice = use_storage_notice();
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
                    <button type="button" class="button" on:click=move |_| notice.set(None)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
