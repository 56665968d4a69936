//! The two bundles: the whole app, which Trunk writes into the shell, and the lesson bundle,
//! which Trunk builds beside it (a `data-type="worker"` link, so it is neither loaded nor
//! given a hashed name). Here the lesson bundle gets a content-hashed name, and each lesson
//! page's shell loads it instead of the whole app.

use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

/// The lesson bundle's binary, as Cargo and Trunk name it.
pub const LESSON_BIN: &str = "tpm-lesson";
/// The whole app's binary.
pub const APP_BIN: &str = "tpm-course";

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

/// Renames the lesson bundle's files to content-hashed names (so a host may cache them for
/// ever, as Trunk's own) and returns those names.
pub fn hash_lesson_bundle(out: &Path) -> Result<Bundle, String> {
    let js = out.join(format!("{LESSON_BIN}.js"));
    let wasm = out.join(format!("{LESSON_BIN}_bg.wasm"));
    let bytes = std::fs::read(&wasm).map_err(|e| {
        format!(
            "{}: {e} (index.html must build the lesson bundle: data-bin=\"{LESSON_BIN}\")",
            wasm.display()
        )
    })?;
    let digest = Sha256::digest(&bytes);
    let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let named = Bundle {
        js: format!("{LESSON_BIN}-{hash}.js"),
        wasm: format!("{LESSON_BIN}-{hash}_bg.wasm"),
    };
    std::fs::rename(&js, out.join(&named.js)).map_err(|e| format!("{}: {e}", js.display()))?;
    std::fs::rename(&wasm, out.join(&named.wasm))
        .map_err(|e| format!("{}: {e}", wasm.display()))?;
    Ok(named)
}

/// The shell of a lesson page: the whole app's preloads and start script load the lesson
/// bundle instead, with the integrity of its own files.
pub fn lesson_shell(
    shell: &str,
    out: &Path,
    app: &Bundle,
    lesson: &Bundle,
) -> Result<String, String> {
    let mut html = shell.to_string();
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

/// The `integrity` value Trunk writes for a file: `sha384-` and the digest in base64.
fn integrity(file: &Path) -> Result<String, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(&bytes))
    ))
}
