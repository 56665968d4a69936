//! The storage notice: tells the learner when progress cannot be saved or was recovered.

use leptos::prelude::*;

use crate::state::progress::use_storage_notice;

/// A dismissible banner about stored progress; shows nothing when all is well.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let notice = use_storage_notice();
    move || {
        notice.get().map(|n| {
            view! {
                <div class="storage-notice" role="alert">
                    <p>
                        {n.message()}
                        {(n.points_to_progress_page() && on_other_page()).then(|| view! {
                            " "<a href=crate::paths::route(crate::model::routes::Route::Progress)>"Open the Progress page"</a>
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

/// Whether the reader is anywhere but the Progress page (where the link would lead nowhere).
fn on_other_page() -> bool {
    !matches!(
        crate::model::routes::Route::parse(&crate::router::use_path().get_untracked()),
        crate::model::routes::Route::Progress
    )
}
