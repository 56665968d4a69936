//! The storage notice: tells the learner when progress cannot be saved or was recovered.

use leptos::prelude::*;

use crate::app::ProgressContext;

/// A dismissible banner about stored progress; shows nothing when all is well.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let ProgressContext { notice, .. } = expect_context();
    move || {
        notice.get().map(|n| {
            view! {
                <div class="storage-notice" role="alert">
                    <p>{n.message()}</p>
                    <button type="button" class="button" on:click=move |_| notice.set(None)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
