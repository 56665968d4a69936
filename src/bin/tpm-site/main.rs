//! The post-build step: writes each lesson's data file and one HTML page per route into the built site.
//!
//! Trunk runs it from a `post_build` hook with the staging folder as its argument.
//! Every route of `model::routes` gets a real `index.html` whose body is the app's own
//! components rendered for a new learner, so any static host serves deep links and reloads
//! without rewrite rules, and the first paint is exactly what the app then shows. A renamed
//! lesson's former URL gets a small page that leads to the current one (`redirects.rs`).

mod bundles;
mod csp;
mod icons;
mod offline;
mod redirects;
mod styles;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tpm_course::content::{self, markdown::escape, Site};
use tpm_course::model::course::Lesson;
use tpm_course::model::routes::{
    self, Bundle, Route, EXERCISE_DATA_ID, GLOSSARY_DATA_ID, LESSON_DATA_ID, SCENARIO_DATA_ID,
};
use tpm_course::outline::{COURSE, EXERCISES, SCENARIOS};
use tpm_course::{lesson_store, paths, render_page};

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
    let shell = styles::merge(&shell, out)?;
    // Lesson pages load the lesson bundle; every other page the whole app.
    let app = bundles::app_bundle(&shell)?;
    let lesson_bundle = bundles::hash_bundle(out, bundles::LESSON_BIN)?;
    let search_bundle = bundles::hash_bundle(out, bundles::SEARCH_BIN)?;
    let notes_bundle = bundles::hash_bundle(out, bundles::NOTES_BIN)?;
    let shell_bundle = bundles::hash_bundle(out, bundles::SHELL_BIN)?;
    let starts = bundles::Starts {
        search: bundles::write_start(
            out,
            bundles::SEARCH_BIN,
            &search_bundle,
            tpm_course::components::lazy_search::FAILED_EVENT,
        )?,
        notes: bundles::write_start(
            out,
            bundles::NOTES_BIN,
            &notes_bundle,
            tpm_course::components::lazy_notes::FAILED_EVENT,
        )?,
        shell: bundles::write_start(
            out,
            bundles::SHELL_BIN,
            &shell_bundle,
            tpm_course::components::lazy_shell::FAILED_EVENT,
        )?,
    };
    let lesson_shell = bundles::start_after_paint(
        &bundles::bundle_shell(&shell, out, &app, &lesson_bundle, &starts)?,
        &lesson_bundle,
    )?;
    let practice_bundle = bundles::hash_bundle(out, bundles::PRACTICE_BIN)?;
    let practice_shell = bundles::bundle_shell(&shell, out, &app, &practice_bundle, &starts)?;
    let handoff_bundle = bundles::hash_bundle(out, bundles::HANDOFF_BIN)?;
    let handoff_shell = bundles::bundle_shell(&shell, out, &app, &handoff_bundle, &starts)?;
    let progress_bundle = bundles::hash_bundle(out, bundles::PROGRESS_BIN)?;
    let progress_shell = bundles::bundle_shell(&shell, out, &app, &progress_bundle, &starts)?;
    let write = |path: PathBuf, text: &str| -> Result<(), String> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    // Every page's first paint is the app itself, rendered here for a new learner.
    let public_url = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    paths::set_base(&public_url);
    let routes = routes::all(&COURSE, SCENARIOS, EXERCISES);
    for route in &routes {
        let mut head = String::new();
        if *route == Route::Glossary {
            let (file, json) = site.glossary_data();
            write(out.join(file), &json)?;
            lesson_store::insert_glossary(site.glossary_terms());
            head = inline_data(GLOSSARY_DATA_ID, &json);
        }
        if let Route::Lesson(slug) = route {
            let (file, json) = site.lesson_data(slug);
            write(out.join(file), &json)?;
            let lesson: Lesson = serde_json::from_str(&json)
                .map_err(|e| format!("lesson {slug}: its data does not read back: {e}"))?;
            // The page carries its quiz for the lesson bundle, not its body: the body is
            // already in the page, and the lesson bundle keeps it as it is.
            let quiz_only = Lesson {
                html: String::new(),
                ..lesson.clone()
            };
            let inline =
                serde_json::to_string(&quiz_only).map_err(|e| format!("lesson {slug}: {e}"))?;
            lesson_store::insert(lesson);
            head = inline_data(LESSON_DATA_ID, &inline);
        }
        if let Route::Scenario(slug) = route {
            let (file, json) = site.scenario_data(slug);
            write(out.join(file), &json)?;
            let scenario = tpm_course::model::scenario::Scenario::from_json(&json)
                .map_err(|e| format!("scenario {slug}: its data does not read back: {e}"))?;
            lesson_store::insert_scenario(scenario);
            head = inline_data(SCENARIO_DATA_ID, &json);
        }
        if let Route::Exercise(slug) = route {
            let (file, json) = site.exercise_data(slug);
            write(out.join(file), &json)?;
            let exercise = tpm_course::model::exercise::Exercise::from_json(&json)
                .map_err(|e| format!("exercise {slug}: its data does not read back: {e}"))?;
            lesson_store::insert_exercise(exercise);
            head = inline_data(EXERCISE_DATA_ID, &json);
        }
        // The path relative to the base, as the router reads it in the browser: under a
        // sub-path too, the first paint is the page's own, not "not found".
        let rendered = render_page(&format!("/{}", route.path()));
        let shell = match route.bundle() {
            Bundle::WholeApp => &shell,
            Bundle::Lesson => &lesson_shell,
            Bundle::Practice => &practice_shell,
            Bundle::Handoff => &handoff_shell,
            Bundle::Progress => &progress_shell,
        };
        let html = page(shell, &rendered.title, &rendered.description, &head).replacen(
            "<body>",
            &format!("<body>{}", rendered.html),
            1,
        );
        write(out.join(route.file()), &html)?;
    }
    // A renamed lesson's former URL leads to its current one (before the service worker, so
    // it precaches these pages too and an old bookmark works offline).
    let stylesheet = redirects::stylesheet(&shell).ok_or("the shell links no stylesheet")?;
    let redirects = redirects::pages(&COURSE, stylesheet);
    for (file, html) in &redirects {
        write(out.join(file), html)?;
    }
    let (file, json) = site.search_index();
    write(out.join(file), &json)?;
    for (name, text) in &site.templates {
        write(
            out.join(routes::TEMPLATES_DIR).join(format!("{name}.md")),
            text,
        )?;
    }
    for (name, svg) in &site.figure_files {
        write(out.join(content::links::FIGURES_DIR).join(name), svg)?;
    }
    icons::write_icons(Path::new("assets/icon.png"), out)?;
    write(out.join("manifest.webmanifest"), &offline::manifest(site))?;
    // Every page gets its policy from its own final bytes, before the service worker hashes them.
    csp::apply_to_site(out)?;
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
    Ok(routes.len() + redirects.len())
}

/// Data a page carries for the app, so its first visit needs no second request.
fn inline_data(id: &str, json: &str) -> String {
    format!(
        "<script type=\"application/json\" id=\"{id}\">{}</script>",
        json.replace("</", "<\\/")
    )
}

/// The app shell with its title and description set for one route.
fn page(shell: &str, title: &str, description: &str, extra_head: &str) -> String {
    let mut html = replace_between(shell, "<title>", "</title>", &escape(title));
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
