//! The invariants ARCHITECTURE.md names, checked on the source (in the manner of
//! rust-analyzer's tidy test). Each failure says what to do.

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut out);
    out.sort();
    out
}

/// The path as the messages show it, from the project's root.
fn shown(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The file's lines before its `#[cfg(test)]` module, if any: the code that ships.
fn shipped(text: &str) -> Vec<&str> {
    text.lines()
        .take_while(|l| l.trim() != "#[cfg(test)]")
        .collect()
}

/// Fails with every problem found, one per line, and what to do about them.
fn report(problems: Vec<String>, what_to_do: &str) {
    assert!(
        problems.is_empty(),
        "\n{}\n\n{what_to_do}\n",
        problems.join("\n")
    );
}

#[test]
fn only_the_platform_module_asks_whether_it_runs_in_a_browser() {
    // lib.rs keeps the build-time parts (content parsing, native rendering) out of the wasm,
    // and sets the browser's allocator: the shape of the build, not browser calls.
    let allowed = ["src/platform.rs", "src/lib.rs", "src/main.rs"];
    let mut problems = Vec::new();
    for path in rust_files("src") {
        let name = shown(&path);
        if allowed.contains(&name.as_str()) || name.starts_with("src/bin/") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("a source file");
        for (i, line) in text.lines().enumerate() {
            if line.contains("target_arch") {
                problems.push(format!("{name}:{}: {}", i + 1, line.trim()));
            }
        }
    }
    report(
        problems,
        "Ask `crate::platform::IN_BROWSER`, or add a function to src/platform.rs that does the \
         browser call in the browser and returns a build-time stand-in natively.",
    );
}

#[test]
fn the_model_knows_no_leptos_and_no_browser() {
    let mut problems = Vec::new();
    for path in rust_files("src/model") {
        let text = fs::read_to_string(&path).expect("a source file");
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if ["leptos", "web_sys", "js_sys", "wasm_bindgen"]
                .iter()
                .any(|w| code.contains(w))
            {
                problems.push(format!("{}:{}: {}", shown(&path), i + 1, line.trim()));
            }
        }
    }
    report(
        problems,
        "The model is plain Rust, compiled by build.rs and tested natively: move the browser or \
         view part into src/platform.rs, src/state/ or a component, and pass the model plain values.",
    );
}

/// Each function in `text` that starts at the top level or one indent in, with its first line
/// number and its length in lines (to its closing brace at the same indent).
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let indent = line.len() - line.trim_start().len();
        let t = line.trim_start();
        let is_fn =
            t.starts_with("fn ") || t.starts_with("pub fn ") || t.starts_with("pub(crate) fn ");
        if !is_fn || indent > 4 || t.ends_with(';') {
            continue;
        }
        let name: String = t
            .split("fn ")
            .nth(1)
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let close = format!("{}}}", " ".repeat(indent));
        if let Some(end) = lines[i + 1..].iter().position(|l| *l == close) {
            out.push((name, i + 1, end + 2));
        }
    }
    out
}

#[test]
fn no_component_or_page_function_is_over_120_lines() {
    const LIMIT: usize = 120;
    let mut problems = Vec::new();
    let mut longest = (String::new(), 0);
    for dir in ["src/components", "src/pages"] {
        for path in rust_files(dir) {
            let text = fs::read_to_string(&path).expect("a source file");
            for (name, line, length) in functions(&text) {
                if length > longest.1 {
                    longest = (format!("{}:{line} {name}", shown(&path)), length);
                }
                if length > LIMIT {
                    problems.push(format!(
                        "{}:{line}: `{name}` is {length} lines",
                        shown(&path)
                    ));
                }
            }
        }
    }
    println!(
        "longest function in components and pages: {} ({} lines)",
        longest.0, longest.1
    );
    report(
        problems,
        "Split it by what each part shows (a component per part), and move decisions into the \
         model, where they get native tests.",
    );
}

#[test]
fn decoding_untrusted_input_never_unwraps() {
    // A record, a file, lesson data, a saved exam: what these read comes from outside.
    let decoders = [
        "src/model/json.rs",
        "src/model/progress/read.rs",
        "src/model/progress/wire.rs",
        "src/model/exam.rs",
        "src/model/course.rs",
    ];
    let mut problems = Vec::new();
    for name in decoders {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        for (i, line) in shipped(&text).iter().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for bad in [
                ".unwrap()",
                ".expect(",
                "panic!(",
                "unreachable!(",
                "todo!(",
            ] {
                if code.contains(bad) {
                    problems.push(format!("{name}:{}: {}", i + 1, line.trim()));
                }
            }
        }
    }
    report(
        problems,
        "Input can be anything: return an error that says what was wrong, or drop or clamp the \
         value and count it as a repair (src/model/progress/read.rs); a panic is a dead page.",
    );
}

#[test]
fn the_app_speaks_us_english() {
    // British spellings a writer slips into; `aria-labelledby` is HTML's own name and stays.
    let british = [
        "practise",
        "practising",
        "organis",
        "colour",
        "behaviour",
        "favour",
        "centre",
        "analyse",
        "prioritis",
        "recognis",
        "summaris",
        "judgement",
        "cancelled",
        "modelling",
        "labelled ",
        "labelling",
        "catalogue",
        "artefact",
        "licence",
    ];
    let mut problems = Vec::new();
    let mut files = rust_files("src");
    files.extend(
        ["index.html", "README.md"]
            .iter()
            .map(|f| Path::new(env!("CARGO_MANIFEST_DIR")).join(f)),
    );
    for path in files {
        let text = fs::read_to_string(&path).expect("a source file");
        for (i, line) in text.lines().enumerate() {
            let lower = line.to_lowercase();
            if let Some(word) = british.iter().find(|w| lower.contains(*w)) {
                problems.push(format!(
                    "{}:{}: \"{word}\" in: {}",
                    shown(&path),
                    i + 1,
                    line.trim()
                ));
            }
        }
    }
    report(
        problems,
        "Use US spelling: practice (verb too), organize, color, behavior, favor, center, analyze, \
         prioritize, recognize, summarize, judgment, canceled, modeling, labeled, catalog, license.",
    );
}

#[test]
fn the_function_finder_measures_what_it_should() {
    let text = "fn a() {\n    x();\n}\n\nimpl B {\n    pub fn c(&self) {\n        y();\n        z();\n    }\n}\n";
    assert_eq!(
        functions(text),
        vec![("a".to_string(), 1, 3), ("c".to_string(), 6, 4)]
    );
}
