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
                    <p>{n.message()}</p>
                    <button type="button" class="button" on:click=move |_| notice.set(None)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
