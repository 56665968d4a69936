//! Text the build rendered from Markdown (a lesson's body, a scenario's situation): glossary
//! terms open and close as popovers and templates copy, by one set of handlers on the
//! container, since the HTML is not made of components.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// HTML from the build, with glossary popovers and template copying working inside it.
#[component]
pub fn RichText(html: String, #[prop(optional)] class: &'static str) -> impl IntoView {
    let class = if class.is_empty() {
        "rich-text".to_string()
    } else {
        format!("rich-text {class}")
    };
    view! {
        <div class=class inner_html=html
            on:click=on_body_click on:keydown=on_body_keydown
            on:focusin=move |ev: leptos::ev::FocusEvent| undismiss(&ev)
            on:mouseover=move |ev: leptos::ev::MouseEvent| undismiss(&ev)></div>
    }
}

/// Opens and closes glossary popovers: the body is HTML from the build, so one handler serves all terms.
pub fn on_body_click(ev: leptos::ev::MouseEvent) {
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    if let Some(copy) = target.closest(".template-copy").ok().flatten() {
        copy_template(&copy);
        return;
    }
    let button = target.closest(".term-button").ok().flatten();
    close_terms(button.as_ref());
    if let Some(button) = button {
        let open = button.get_attribute("aria-expanded").as_deref() == Some("true");
        let _ = button.set_attribute("aria-expanded", if open { "false" } else { "true" });
        if let Some(term) = button.parent_element() {
            let _ = term.class_list().remove_1("dismissed");
        }
    }
}

/// Copies a template's text to the clipboard and says whether it worked.
fn copy_template(button: &web_sys::Element) {
    let Some(section) = button.closest(".template").ok().flatten() else {
        return;
    };
    let text = section
        .query_selector("pre code")
        .ok()
        .flatten()
        .and_then(|c| c.text_content())
        .unwrap_or_default();
    let status = section.query_selector(".template-status").ok().flatten();
    let promise = window().navigator().clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        let message = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => "Copied.",
            Err(_) => "Could not copy: open the template below and select its text.",
        };
        if let Some(status) = status {
            status.set_text_content(Some(message));
        }
    });
}

/// Escape closes every open popover, including one shown by hover or focus.
pub fn on_body_keydown(ev: leptos::ev::KeyboardEvent) {
    if ev.key() == "Escape" {
        close_terms(None);
        if let Some(term) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest(".term").ok().flatten())
        {
            let _ = term.class_list().add_1("dismissed");
        }
    }
}

/// A term that was dismissed with Escape shows again when it is focused or hovered anew.
pub fn undismiss(ev: &web_sys::Event) {
    if let Some(term) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest(".term.dismissed").ok().flatten())
    {
        if ev.type_() == "focusin"
            || !term.contains(
                ev.dyn_ref::<web_sys::MouseEvent>()
                    .and_then(|m| m.related_target())
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .as_ref(),
            )
        {
            let _ = term.class_list().remove_1("dismissed");
        }
    }
}

fn close_terms(except: Option<&web_sys::Element>) {
    let Ok(open) = document().query_selector_all(".term-button[aria-expanded=\"true\"]") else {
        return;
    };
    for i in 0..open.length() {
        if let Some(el) = open
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            if except != Some(&el) {
                let _ = el.set_attribute("aria-expanded", "false");
            }
        }
    }
}
