//! The post-build step: writes each lesson's data file and one HTML page per route into the built site.
//!
//! Trunk runs it from a `post_build` hook with the staging folder as its argument.
//! Every route gets a real `index.html`, so any static host serves deep links and reloads
//! without rewrite rules.

mod icons;
mod offline;
mod prerender;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tpm_course::content::{self, markdown::escape, Site};

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: tpm-site <built site folder>");
        return ExitCode::FAILURE;
    };
    let dir = std::env::var("TPM_CONTENT_DIR").unwrap_or_else(|_| content::CONTENT_DIR.into());
    let site = match content::load(Path::new(&dir)) {
        Ok(site) => site,
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            return ExitCode::FAILURE;
        }
    };
    match write_site(&site, &out) {
        Ok(pages) => {
            eprintln!(
                "tpm-site: wrote {pages} pages and {} lesson files",
                site.lessons.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("tpm-site: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write_site(site: &Site, out: &Path) -> Result<usize, String> {
    let shell = std::fs::read_to_string(out.join("index.html"))
        .map_err(|e| format!("cannot read {}/index.html: {e}", out.display()))?;
    let write = |path: PathBuf, text: &str| -> Result<(), String> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let mut pages = 0;
    for (index, (module, lesson)) in site.ordered().enumerate() {
        let slug = &lesson.lesson.slug;
        let (file, json) = site.lesson_data(slug);
        write(out.join(file), &json)?;
        let inline = format!(
            "<script type=\"application/json\" id=\"lesson-data\">{}</script>",
            json.replace("</", "<\\/")
        );
        let page = page(
            &shell,
            &lesson.title,
            &site.title,
            &lesson.subtitle,
            &inline,
        )
        .replacen(
            "<body>",
            &format!("<body>{}", prerender::lesson(site, module, lesson, index)),
            1,
        );
        write(out.join("lessons").join(slug).join("index.html"), &page)?;
        pages += 1;
    }
    for (route, title, description) in [
        ("glossary", "Glossary", "Every term of art the course uses."),
        (
            "progress",
            "Your progress",
            "Your progress through the course.",
        ),
    ] {
        write(
            out.join(route).join("index.html"),
            &page(&shell, title, &site.title, description, ""),
        )?;
        pages += 1;
    }
    write(
        out.join("404.html"),
        &page(&shell, "Page not found", &site.title, &site.description, ""),
    )?;
    // The home page last, so every other page was made from the bare shell.
    let first = site
        .ordered()
        .next()
        .map(|(_, l)| l.lesson.slug.clone())
        .unwrap_or_default();
    write(
        out.join("index.html"),
        &shell.replacen(
            "<body>",
            &format!("<body>{}", prerender::home(site, &first)),
            1,
        ),
    )?;
    let (file, json) = site.search_index();
    write(out.join(file), &json)?;
    icons::write_icons(Path::new("assets/icon.png"), out)?;
    write(out.join("manifest.webmanifest"), &offline::manifest(site))?;
    // The service worker goes last: its list covers every file written before it.
    // `trunk serve` builds are for authors, who want every change at once, so they get none.
    let sw = out.join("sw.js");
    if std::env::var("TRUNK_PROFILE").as_deref() == Ok("debug") {
        let _ = std::fs::remove_file(&sw);
    } else {
        let template =
            std::fs::read_to_string("assets/sw.js").map_err(|e| format!("assets/sw.js: {e}"))?;
        write(sw, &offline::service_worker(&template, out)?)?;
    }
    Ok(pages + 1)
}

/// The app shell with its title and description set for one route.
fn page(shell: &str, title: &str, course: &str, description: &str, extra_head: &str) -> String {
    let mut html = replace_between(
        shell,
        "<title>",
        "</title>",
        &escape(&format!("{title} · {course}")),
    );
    html = replace_between(
        &html,
        "<meta name=\"description\" content=\"",
        "\"",
        &escape(description),
    );
    html.replacen("</head>", &format!("{extra_head}</head>"), 1)
}

fn replace_between(text: &str, start: &str, end: &str, with: &str) -> String {
    let Some(a) = text.find(start).map(|i| i + start.len()) else {
        return text.to_string();
    };
    let Some(b) = text[a..].find(end).map(|i| a + i) else {
        return text.to_string();
    };
    format!("{}{with}{}", &text[..a], &text[b..])
}
