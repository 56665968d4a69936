//! The bundles: the whole app, which Trunk writes into the shell, and the lesson and search
//! bundles, which Trunk builds beside it (`data-type="worker"` links, so they are neither
//! loaded nor given hashed names). Here those two get content-hashed names; each lesson page's
//! shell loads the lesson bundle instead of the whole app, and names the search bundle's start
//! script, which the lesson bundle adds to the page on first use.

use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

/// The lesson bundle's binary, as Cargo and Trunk name it.
pub const LESSON_BIN: &str = "tpm-lesson";
/// The practice bundle's binary (the scenario and exercise pages, the notebook, the exam).
pub const PRACTICE_BIN: &str = "tpm-practice";
/// The search bundle's binary.
pub const SEARCH_BIN: &str = "tpm-search";
/// The handoff bundle's binary (continue on another device).
pub const HANDOFF_BIN: &str = "tpm-handoff";
/// The progress bundle's binary (the Progress page).
pub const PROGRESS_BIN: &str = "tpm-progress";
/// The notes bundle's binary (a lesson's notes panel).
pub const NOTES_BIN: &str = "tpm-notes";
/// The shell bundle's binary (a lesson page's header, outline, shortcuts and footer).
pub const SHELL_BIN: &str = "tpm-shell";
/// The whole app's binary.
pub const APP_BIN: &str = "tpm-course";

/// The start scripts of the bundles a page loads on first use.
pub struct Starts {
    pub search: String,
    pub notes: String,
    pub shell: String,
}

/// One bundle's two files, by name in the built site.
#[derive(Debug)]
pub struct Bundle {
    pub js: String,
    pub wasm: String,
}

/// The whole app's files, as Trunk named them in the shell.
pub fn app_bundle(shell: &str) -> Result<Bundle, String> {
    let prefix = format!("{APP_BIN}-");
    let wasm_at = shell
        .find("_bg.wasm")
        .ok_or("the shell loads no wasm: is index.html's rust link missing?")?;
    let start = shell[..wasm_at]
        .rfind(&prefix)
        .ok_or("the shell's wasm is not the whole app's")?;
    let base = &shell[start..wasm_at];
    Ok(Bundle {
        js: format!("{base}.js"),
        wasm: format!("{base}_bg.wasm"),
    })
}

/// Renames a worker-built bundle's files to content-hashed names (so a host may cache them
/// for ever, as Trunk's own) and returns those names.
pub fn hash_bundle(out: &Path, bin: &str) -> Result<Bundle, String> {
    let js = out.join(format!("{bin}.js"));
    let wasm = out.join(format!("{bin}_bg.wasm"));
    let bytes = std::fs::read(&wasm).map_err(|e| {
        format!(
            "{}: {e} (index.html must build this bundle: data-bin=\"{bin}\")",
            wasm.display()
        )
    })?;
    let digest = Sha256::digest(&bytes);
    let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let named = Bundle {
        js: format!("{bin}-{hash}.js"),
        wasm: format!("{bin}-{hash}_bg.wasm"),
    };
    std::fs::rename(&js, out.join(&named.js)).map_err(|e| format!("{}: {e}", js.display()))?;
    std::fs::rename(&wasm, out.join(&named.wasm))
        .map_err(|e| format!("{}: {e}", wasm.display()))?;
    Ok(named)
}

/// Writes the start script of a bundle a lesson page loads on first use (`bin`: search or
/// notes) and returns its name; `failed` is the event it dispatches when the code cannot be
/// fetched. The lesson bundle adds it to the page with `?attempt=N`, which the script passes
/// on to the code it imports: a module that failed to load (offline) is remembered by the
/// browser, so a retry needs a new URL.
pub fn write_start(out: &Path, bin: &str, bundle: &Bundle, failed: &str) -> Result<String, String> {
    let script = format!(
        "// The {bin} bundle's start script, written by tpm-site (src/bin/tpm-site/bundles.rs).\n\
         import(\"./{js}\" + new URL(import.meta.url).search)\n\
         \x20 .then((m) => m.default({{ module_or_path: new URL(\"./{wasm}\", import.meta.url) }}))\n\
         \x20 .catch(() => dispatchEvent(new Event(\"{failed}\")));\n",
        js = bundle.js,
        wasm = bundle.wasm,
    );
    // Named by its own content, so a host may cache it for ever like the files it loads.
    let digest = Sha256::digest(script.as_bytes());
    let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let name = format!("{bin}-start-{hash}.js");
    std::fs::write(out.join(&name), script).map_err(|e| format!("{name}: {e}"))?;
    Ok(name)
}

/// The shell of a page that runs another bundle than the whole app (a lesson page runs the
/// lesson bundle, a scenario's or exercise's page the practice bundle): the whole app's
/// preloads and start script load `lesson` instead, with the integrity of its own files, and
/// `<meta>`s name the start scripts of the bundles it loads on first use (search, notes, the
/// lesson page's shell).
pub fn bundle_shell(
    shell: &str,
    out: &Path,
    app: &Bundle,
    lesson: &Bundle,
    starts: &Starts,
) -> Result<String, String> {
    let mut html = shell.replacen(
        "</head>",
        &format!(
            "<meta name=\"{}\" content=\"{}\"><meta name=\"{}\" content=\"{}\"><meta name=\"{}\" content=\"{}\"></head>",
            tpm_course::components::lazy_search::SEARCH_BUNDLE_META,
            starts.search,
            tpm_course::components::lazy_notes::NOTES_BUNDLE_META,
            starts.notes,
            tpm_course::components::lazy_shell::SHELL_BUNDLE_META,
            starts.shell,
        ),
        1,
    );
    for (from, to) in [(&app.js, &lesson.js), (&app.wasm, &lesson.wasm)] {
        let old = integrity(&out.join(from))?;
        let new = integrity(&out.join(to))?;
        if !html.contains(&old) || !html.contains(from.as_str()) {
            return Err(format!(
                "the shell does not load {from} as tpm-site expects"
            ));
        }
        html = html.replace(&old, &new).replace(from.as_str(), to);
    }
    Ok(html)
}

/// A lesson page starts its bundle once the page has painted, not while it loads: the page's
/// preloads of the bundle's JS and wasm and its start script's static import become links and a
/// dynamic import that a start function adds after the first frame. The text is on screen
/// before any of the bundle's bytes are asked for (Lighthouse's simulated slow 4G counted the
/// preloads against the largest contentful paint: 1.80 s against 0.90 s without scripts; 0.91 s
/// deferred, at about the same time to interactive, measured at 223efb1). Integrity stays: the
/// links carry it as before.
pub fn start_after_paint(html: &str, bundle: &Bundle) -> Result<String, String> {
    let mut html = html.to_string();
    let mut links = Vec::new();
    for file in [&bundle.js, &bundle.wasm] {
        // Its preload: the `<link>` that names it.
        let (start, end) = html
            .match_indices("<link")
            .filter_map(|(l, _)| Some((l, l + html[l..].find('>')? + 1)))
            .find(|&(l, e)| html[l..e].contains(file.as_str()))
            .ok_or_else(|| format!("the lesson shell does not preload {file}"))?;
        let tag = html[start..end].to_string();
        let attr = |name: &str| {
            let key = format!("{name}=\"");
            tag.find(&key).map(|i| {
                let rest = &tag[i + key.len()..];
                rest[..rest.find('"').unwrap_or(rest.len())].to_string()
            })
        };
        let (Some(rel), Some(href), Some(integrity)) =
            (attr("rel"), attr("href"), attr("integrity"))
        else {
            return Err(format!(
                "the lesson shell's preload of {file} lacks rel, href or integrity"
            ));
        };
        links.push(format!(
            "[{rel:?}, {href:?}, {integrity:?}, {:?}, {:?}]",
            attr("as").unwrap_or_default(),
            attr("type").unwrap_or_default()
        ));
        html.replace_range(start..end, "");
    }
    let open = "<script type=\"module\">";
    let from = html
        .find(open)
        .ok_or("the lesson shell has no start script")?;
    let body_start = from + open.len();
    let body_end = body_start
        + html[body_start..]
            .find("</script>")
            .ok_or("the lesson shell's start script does not end")?;
    let body = html[body_start..body_end].trim().to_string();
    let import_line = body
        .lines()
        .next()
        .filter(|l| l.starts_with("import init, * as bindings from '") && l.ends_with("';"))
        .ok_or("the lesson shell's start script does not import its bundle as tpm-site expects")?;
    let js = &import_line["import init, * as bindings from '".len()..import_line.len() - 2];
    let rest = body[import_line.len()..].trim();
    let script = format!(
        "\n// The bundle starts once the page has painted (src/bin/tpm-site/bundles.rs).\n\
         const start = async () => {{\n\
         \x20 for (const [rel, href, integrity, as, type] of [{links}]) {{\n\
         \x20   const link = document.createElement(\"link\");\n\
         \x20   Object.assign(link, {{ rel, href, integrity, crossOrigin: \"anonymous\" }});\n\
         \x20   if (as) link.as = as;\n\
         \x20   if (type) link.type = type;\n\
         \x20   document.head.append(link);\n\
         \x20 }}\n\
         \x20 const bindings = await import({js:?});\n\
         \x20 const init = bindings.default;\n\
         {rest}\n\
         }};\n\
         requestAnimationFrame(() => setTimeout(start, 0));\n",
        links = links.join(", "),
    );
    html.replace_range(body_start..body_end, &script);
    Ok(html)
}

/// The `integrity` value Trunk writes for a file: `sha384-` and the digest in base64.
fn integrity(file: &Path) -> Result<String, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(&bytes))
    ))
}
