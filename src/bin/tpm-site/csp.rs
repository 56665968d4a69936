//! The content security policy: a `<meta http-equiv>` tag in every built page, the same in
//! every page of a build.
//!
//! The site's own files are the only source of scripts, styles, data and the wasm. The
//! inline scripts the pages run (the theme and service worker bootstrap of `index.html`, and
//! the module loader Trunk writes, which on lesson pages starts the lesson bundle) are allowed
//! by their SHA-256, computed here from the exact bytes of the finished pages, so the policy
//! can never drift from the scripts.
//! Inline data (`<script type="application/json">`) never runs, so it needs no hash.

use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256};

/// What the tag starts with; a page that has it already gets it replaced.
const META_START: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"";

/// The policy for a page whose inline scripts have these hashes (`sha256-…` sources).
///
/// `'wasm-unsafe-eval'` lets the page compile the app's wasm and nothing else: it does not
/// allow `eval`. `frame-ancestors` has no effect in a meta tag; hosts that can send headers
/// send the same policy with it (README, "Deploying").
pub fn policy(script_hashes: &[String]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for hash in script_hashes {
        script_src.push_str(&format!(" '{hash}'"));
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; img-src 'self'; \
         connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'"
    )
}

/// The page with its policy in a meta tag right after `<meta charset>` (or right after
/// `<head>`), before any script or stylesheet, so it covers all of them.
#[cfg(test)]
pub fn apply(html: &str) -> Result<String, String> {
    let mut hashes = Vec::new();
    add_hashes(&without_policy(html), &mut hashes);
    apply_with(html, &hashes)
}

/// Adds the hash of each inline script of `html` to `hashes`, once.
fn add_hashes(html: &str, hashes: &mut Vec<String>) {
    for script in inline_scripts(html) {
        let hash = sha256_source(script.as_bytes());
        if !hashes.contains(&hash) {
            hashes.push(hash);
        }
    }
}

/// The page with the policy for these script hashes.
fn apply_with(html: &str, hashes: &[String]) -> Result<String, String> {
    let html = without_policy(html);
    let lower = html.to_ascii_lowercase();
    let at = ["<meta charset", "<head"]
        .iter()
        .find_map(|tag| lower.find(tag))
        .and_then(|start| lower[start..].find('>').map(|end| start + end + 1))
        .ok_or("the page has no <head>")?;
    let meta = format!("\n  {META_START}{}\">", policy(hashes));
    Ok(format!("{}{meta}{}", &html[..at], &html[at..]))
}

/// Sets one policy in every HTML file under `dir`: the pages of every route, and any other
/// HTML a build might leave there. The policy allows the inline scripts of all of them, so
/// every page of a build has the same policy (a lesson page's loader, which starts the lesson
/// bundle, differs from the other pages'), and a host can send any page's as its header.
pub fn apply_to_site(dir: &Path) -> Result<usize, String> {
    let mut pages = Vec::new();
    html_files(dir, &mut pages)?;
    let mut hashes = Vec::new();
    let mut texts = Vec::new();
    for path in &pages {
        let html = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        add_hashes(&without_policy(&html), &mut hashes);
        texts.push(html);
    }
    hashes.sort();
    for (path, html) in pages.iter().zip(&texts) {
        let html = apply_with(html, &hashes).map_err(|e| format!("{}: {e}", path.display()))?;
        std::fs::write(path, html).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(pages.len())
}

/// Every `.html` file under `dir`.
fn html_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            html_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
    Ok(())
}

/// The text of every inline `<script>` the browser would run, exactly as written, in order.
/// Scripts with `src` are files (allowed by `'self'`); data blocks never run.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<script").map(|i| from + i) {
        let Some(open_end) = lower[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let body_end = lower[open_end..]
            .find("</script")
            .map_or(html.len(), |i| open_end + i);
        let attributes = attributes(&html[start + "<script".len()..open_end - 1]);
        let has_src = attributes.iter().any(|(name, _)| name == "src");
        let runs = attributes
            .iter()
            .find(|(name, _)| name == "type")
            .is_none_or(|(_, value)| is_script_type(value));
        if runs && !has_src {
            scripts.push(&html[open_end..body_end]);
        }
        from = body_end;
    }
    scripts
}

/// A CSP hash source for these bytes: `sha256-` and the digest in standard base64.
pub fn sha256_source(bytes: &[u8]) -> String {
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(bytes))
    )
}

/// Whether a `type` attribute makes a script the browser runs (HTML's script types), rather
/// than a data block.
fn is_script_type(value: &str) -> bool {
    let value = value.trim().to_ascii_lowercase();
    matches!(
        value.as_str(),
        "" | "module"
            | "importmap"
            | "speculationrules"
            | "text/javascript"
            | "application/javascript"
            | "text/ecmascript"
            | "application/ecmascript"
            | "application/x-javascript"
            | "text/jscript"
    )
}

/// The attributes of a tag (the text between its name and `>`), names in lower case.
fn attributes(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = text.trim_end_matches('/');
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return found;
        }
        let name_len = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..name_len].to_ascii_lowercase();
        rest = rest[name_len..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (text, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = after[1..].find(q).map_or(after.len(), |i| i + 1);
                    (&after[1..end], after.get(end + 1..).unwrap_or_default())
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_ascii_whitespace())
                        .unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = text.to_string();
            rest = next;
        }
        found.push((name, value));
    }
}

/// The page without a policy tag this step wrote before (so applying twice changes nothing).
fn without_policy(html: &str) -> String {
    let Some(start) = html.find(META_START) else {
        return html.to_string();
    };
    let end = html[start..]
        .find('>')
        .map_or(html.len(), |i| start + i + 1);
    let start = html[..start].trim_end_matches([' ', '\n']).len();
    format!("{}{}", &html[..start], &html[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_standard_base64_sha256() {
        // As `printf "" | openssl dgst -sha256 -binary | base64` prints.
        assert_eq!(
            sha256_source(b""),
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
        assert_eq!(
            sha256_source(b"abc"),
            "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
    }

    #[test]
    fn finds_the_inline_scripts_that_run() {
        let html = "<head><script>\n  a();\n</script>\
            <script type=\"module\">import x from '/x.js';</script>\
            <script src=\"/y.js\"></script>\
            <SCRIPT TYPE='text/javascript'>b()</SCRIPT>\
            <script defer src=y.js>ignored()</script>\
            <script type=\"application/json\" id=\"lesson-data\">{\"a\":1}</script>\
            <script type=module>c()</script></head>";
        assert_eq!(
            inline_scripts(html),
            ["\n  a();\n", "import x from '/x.js';", "b()", "c()"]
        );
    }

    #[test]
    fn the_policy_goes_after_the_charset_with_one_hash_per_script() {
        let html = "<!DOCTYPE html>\n<html>\n<head>\n  <meta charset=\"utf-8\">\n  <script></script><script>abc</script><script></script>\n  <script type=\"application/json\">{}</script>\n</head>\n<body></body></html>";
        let expected_policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' \
            'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' \
            'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='; style-src 'self'; \
            img-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; \
            object-src 'none'; base-uri 'self'; form-action 'self'";
        let applied = apply(html).unwrap();
        assert_eq!(
            applied,
            html.replace(
                "<meta charset=\"utf-8\">",
                &format!("<meta charset=\"utf-8\">\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{expected_policy}\">")
            )
        );
        // Applying again gives the same page.
        assert_eq!(apply(&applied).unwrap(), applied);
        assert_eq!(
            apply("<p>no head</p>").unwrap_err(),
            "the page has no <head>"
        );
    }
}
