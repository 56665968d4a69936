//! Continue on another device (`/continue/`): the learner's record as links and QR codes to
//! open on another device, and, on that device, the parts that arrive (in the address's
//! fragment, or pasted), held apart from the record until all are there, a preview of what
//! merging adds, and the merge on confirmation. No server: the fragment never leaves the
//! browser. The format is `model::handoff`'s; deflating and the codes are `crate::link`'s.

use leptos::prelude::*;

use crate::components::safety::ios_without_home_screen;
use crate::link::{fragments_for, inflate, qr};
use crate::model::handoff::{record, Added, Holding, Holdings, LinkError};
use crate::model::progress::Progress;
use crate::outline::{COURSE, EXERCISES, SCENARIOS};
use crate::paths;
use crate::state::incoming::Incoming;
use crate::state::progress::use_progress_mut;

/// What a record holds, for the preview.
fn holdings(p: &Progress) -> Holdings {
    let scenarios: Vec<&str> = SCENARIOS.iter().map(|s| s.slug).collect();
    let exercises: Vec<&str> = EXERCISES.iter().map(|e| e.slug).collect();
    Holdings::of(p, &COURSE, &scenarios, &exercises)
}

/// The full address of a part's link.
fn link_of(fragment: &str) -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{}#{fragment}", paths::continue_page())
}

/// Copies `text` and says how it went in `status`.
fn copy(text: String, status: RwSignal<String>, done: &'static str) {
    let promise = window().navigator().clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        status.set(match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => done.into(),
            Err(_) => "Could not copy: select the link's text instead.".into(),
        });
    });
}

/// What taking a part says.
fn said(result: Result<Added, LinkError>) -> Option<(bool, String)> {
    match result {
        Ok(Added::Part) => None,
        Ok(Added::Again) => Some((false, "You had already opened this part.".into())),
        Ok(Added::Replaced) => Some((
            false,
            "This part belongs to a new link: the parts of the earlier link were set aside.".into(),
        )),
        Err(e) => Some((true, e.to_string())),
    }
}

/// Takes the part in the address's fragment, if any, and removes the fragment.
fn take_from_address(incoming: Incoming, message: RwSignal<Option<(bool, String)>>) {
    let location = window().location();
    let Ok(hash) = location.hash() else {
        return;
    };
    if hash.len() <= 1 {
        return;
    }
    message.set(said(incoming.take(&hash)));
    let clean = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
    }
}

/// The page at `/continue/`.
#[component]
pub fn ContinuePage() -> impl IntoView {
    crate::document::set_title("Continue on another device");
    let incoming = Incoming::open();
    let message = RwSignal::new(None::<(bool, String)>);
    // A part in the address (opening a link, or a link pasted into the address bar of this
    // page): taken into the holding area, then the fragment leaves the address bar and this
    // history entry.
    if crate::platform::IN_BROWSER {
        take_from_address(incoming, message);
        let listener = window_event_listener(leptos::ev::hashchange, move |_| {
            take_from_address(incoming, message)
        });
        on_cleanup(move || listener.remove());
    }
    view! {
        <section class="handoff" aria-labelledby="handoff-title">
            <h1 id="handoff-title" tabindex="-1">"Continue on another device"</h1>
            <p class="scenarios-intro">
                "Your progress travels in a link, with no account and no server: everything you have done here (lessons, answers and their review history, notes, scenarios, exercises) goes in the part of the link after “#”, which a browser never sends to any server. "
                "On the other device it merges with what is there, as an imported file does; nothing is lost on either side."
            </p>
            {move || message.get().map(|(error, text)| view! {
                <p class="scenario-notice" role=if error { "alert" } else { "status" }>{text}</p>
            })}
            <Receive incoming message/>
            <Send/>
            <Paste incoming message/>
        </section>
    }
}

/// The parts that have arrived, and once all are there, the preview and the merge.
#[component]
fn Receive(incoming: Incoming, message: RwSignal<Option<(bool, String)>>) -> impl IntoView {
    let progress = use_progress_mut();
    let whole = Memo::new(move |_| {
        incoming.holding.with(|h| {
            h.whole().map(|w| {
                w.and_then(|b| inflate(&b))
                    .and_then(|b| record(&b, COURSE.id))
            })
        })
    });
    // For a learner in iPhone Safari: the links again, to paste into the Home Screen course.
    let kept = RwSignal::new(String::new());
    let merge = move |_| {
        let Some(Ok(theirs)) = whole.get_untracked() else {
            return;
        };
        kept.set(incoming.holding.with_untracked(|h| {
            Holding::encode(h)
                .lines()
                .map(link_of)
                .collect::<Vec<_>>()
                .join("\n")
        }));
        progress.update(|p| {
            p.merge(&theirs);
        });
        incoming.clear();
        message.set(Some((
            false,
            "Merged: the link's progress is now part of yours on this device.".into(),
        )));
    };
    let set_aside = move |_| {
        incoming.clear();
        message.set(Some((
            false,
            "The link's parts were set aside; your progress did not change.".into(),
        )));
    };
    let copied = RwSignal::new(String::new());
    view! {
        {move || incoming.holding.with(|h| (!h.parts.is_empty() && h.whole().is_none()).then(|| {
            let missing = h.missing();
            let list = missing.iter().map(usize::to_string).collect::<Vec<_>>().join(", ");
            view! {
                <section class="handoff-receive" aria-labelledby="receive-title">
                    <h2 id="receive-title">"Progress arriving"</h2>
                    <p role="status">{format!("Part{} {} of {} still to open: scan {} code{} on the other device, or paste {} link{} below. Nothing changes until every part is here and you confirm.",
                        if missing.len() == 1 { "" } else { "s" }, list, h.total,
                        if missing.len() == 1 { "its" } else { "their" }, if missing.len() == 1 { "" } else { "s" },
                        if missing.len() == 1 { "its" } else { "their" }, if missing.len() == 1 { "" } else { "s" })}</p>
                    <p><button type="button" class="button" on:click=set_aside>"Set these parts aside"</button></p>
                </section>
            }
        }))}
        {move || whole.get().map(|w| match w {
            Err(e) => view! {
                <section class="handoff-receive" aria-labelledby="receive-title">
                    <h2 id="receive-title">"Progress arriving"</h2>
                    <p class="scenario-notice" role="alert">{e.to_string()}</p>
                    <p><button type="button" class="button" on:click=set_aside>"Set these parts aside"</button></p>
                </section>
            }.into_any(),
            Ok(theirs) => {
                let now = progress.with_untracked(holdings);
                let link = holdings(&theirs);
                let after = progress.with_untracked(|p| { let mut m = p.clone(); m.merge(&theirs); holdings(&m) });
                view! {
                    <section class="handoff-receive" aria-labelledby="receive-title">
                        <h2 id="receive-title">"Before you merge"</h2>
                        <p>"Every part of the link is here. This is what it holds, what this device has, and what you will have after merging (a merge keeps everything from both):"</p>
                        <Preview now link after/>
                        <p class="button-row">
                            <button type="button" class="button button-primary" on:click=merge>"Merge into my progress"</button>
                            <button type="button" class="button" on:click=set_aside>"Set aside"</button>
                        </p>
                    </section>
                }.into_any()
            }
        })}
        {move || (!kept.with(String::is_empty) && ios_without_home_screen()).then(|| view! {
            <section class="handoff-ios" aria-labelledby="ios-title">
                <h2 id="ios-title">"On iPhone and iPad"</h2>
                <p>"This link opened in Safari, so the progress is now in Safari's copy of the course. A course added to your Home Screen keeps its progress apart from Safari's. To have it there too: copy the links, open the course from your Home Screen, open “Continue on another device” in its menu, and paste them."</p>
                <p><button type="button" class="button" on:click=move |_| copy(kept.get_untracked(), copied, "Copied: now paste them in the course on your Home Screen.")>"Copy the links"</button></p>
                <p role="status">{move || copied.get()}</p>
            </section>
        })}
    }
}

/// What this device has, what the link holds and what merging gives.
#[component]
fn Preview(now: Holdings, link: Holdings, after: Holdings) -> impl IntoView {
    let rows = [
        (
            "Lessons completed",
            now.completed,
            link.completed,
            after.completed,
        ),
        (
            "Answers (quizzes, reviews, exams, decisions, exercises)",
            now.answers,
            link.answers,
            after.answers,
        ),
        ("Lessons with notes", now.notes, link.notes, after.notes),
        ("Bookmarks", now.bookmarks, link.bookmarks, after.bookmarks),
        (
            "Exercise answers written",
            now.exercise_answers,
            link.exercise_answers,
            after.exercise_answers,
        ),
        (
            "Scenario decisions",
            now.decisions,
            link.decisions,
            after.decisions,
        ),
    ];
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="What merging adds">
            <table class="handoff-preview">
                <thead><tr><th scope="col">""</th><th scope="col">"This device"</th><th scope="col">"The link"</th><th scope="col">"After merging"</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|(name, a, b, c)| view! {
                        <tr><th scope="row">{name}</th><td>{a}</td><td>{b}</td><td>{c}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The links and their QR codes, one at a time.
#[component]
fn Send() -> impl IntoView {
    let progress = use_progress_mut();
    let links = RwSignal::new(Vec::<String>::new());
    let shown = RwSignal::new(0usize);
    let copied = RwSignal::new(String::new());
    let make = move |_| {
        let made: Vec<String> = progress
            .with_untracked(fragments_for)
            .iter()
            .map(|f| link_of(f))
            .collect();
        links.set(made);
        shown.set(0);
        copied.set(String::new());
    };
    let count = move || links.with(Vec::len);
    view! {
        <section class="handoff-send" aria-labelledby="send-title">
            <h2 id="send-title">"Send your progress to another device"</h2>
            <p>"Make the link here, then on the other device open the camera and point it at the code (or send yourself the link). A long record takes a few codes: scan them one after another, in any order."</p>
            <p class="insights-note">"Your progress and notes leave this device only this way, by the progress file, or on paper: whoever has the link has your record, so send it only to yourself."</p>
            <p><button type="button" class="button button-primary" on:click=make>
                {move || if count() == 0 { "Make the link" } else { "Make it again with my latest progress" }}
            </button></p>
            {move || (count() > 0).then(|| {
                let n = count();
                let k = shown.get();
                let link = links.with(|l| l[k.min(n - 1)].clone());
                let code = qr(&link);
                let copy_one = link.clone();
                view! {
                    <p role="status">{if n == 1 { "Your progress fits in one code.".to_string() } else { format!("Your progress takes {n} codes. Showing code {} of {n}.", k + 1) }}</p>
                    <figure class="handoff-code">
                        {code.map(|(w, d)| view! {
                            <svg class="qr" viewBox=format!("-4 -4 {} {}", w + 8, w + 8) role="img"
                                aria-label=format!("QR code {} of {n}: the link to continue on another device", k + 1) shape-rendering="crispEdges">
                                <rect x="-4" y="-4" width=(w + 8).to_string() height=(w + 8).to_string() fill="#fff"/>
                                <path d=d fill="#000"/>
                            </svg>
                        })}
                        <figcaption>{format!("Code {} of {n}", k + 1)}</figcaption>
                    </figure>
                    {(n > 1).then(|| view! {
                        <p class="button-row">
                            <button type="button" class="button" disabled=k == 0 on:click=move |_| shown.update(|s| *s = s.saturating_sub(1))>"Previous code"</button>
                            <button type="button" class="button" disabled=k + 1 == n on:click=move |_| shown.update(|s| *s += 1)>"Next code"</button>
                        </p>
                    })}
                    <p class="button-row">
                        <button type="button" class="button" on:click=move |_| copy(copy_one.clone(), copied, "Link copied.")>{if n == 1 { "Copy the link".to_string() } else { format!("Copy link {}", k + 1) }}</button>
                        {(n > 1).then(|| view! {
                            <button type="button" class="button" on:click=move |_| copy(links.get_untracked().join("\n"), copied, "All the links copied, one a line.")>"Copy all the links"</button>
                        })}
                    </p>
                    <p role="status">{move || copied.get()}</p>
                    <details class="handoff-text"><summary>{format!("Link {} as text", k + 1)}</summary><p class="handoff-link">{link}</p></details>
                }
            })}
            <p class="insights-note">
                "Scanning does not work, or too many codes? The progress file does the same: download it on the "
                <a href=paths::progress()>"Progress page"</a>" and import it on the other device."
            </p>
        </section>
    }
}

/// Links pasted by hand (one or several): taken as if they had been opened.
#[component]
fn Paste(incoming: Incoming, message: RwSignal<Option<(bool, String)>>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let take = move |_| {
        let pasted = text.get_untracked();
        let mut last = None;
        let mut any = false;
        for link in pasted.split_whitespace() {
            any = true;
            let r = said(incoming.take(link));
            if r.as_ref().is_some_and(|(error, _)| *error) || last.is_none() {
                last = r;
            }
        }
        if !any {
            last = Some((true, LinkError::NotALink.to_string()));
        }
        message.set(last);
        text.set(String::new());
    };
    view! {
        <section class="handoff-paste" aria-labelledby="paste-title">
            <h2 id="paste-title">"Paste a link"</h2>
            <p><label for="handoff-paste">"A link to continue this course (or several, one a line)"</label></p>
            <textarea id="handoff-paste" class="exercise-textarea handoff-paste-box" rows="3" autocomplete="off" spellcheck="false"
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <p><button type="button" class="button" on:click=take>"Use the link"</button></p>
        </section>
    }
}
