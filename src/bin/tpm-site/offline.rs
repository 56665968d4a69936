//! Installable and offline: the web app manifest and the service worker with its precache list.

use std::path::{Path, PathBuf};

use tpm_course::content::{fnv_hex, Site};

use crate::icons::ICONS;

/// The theme color of the manifest and the browser's toolbar (the accent of `style/base.css`).
pub const THEME_COLOR: &str = "#1f5fbf";

/// The web app manifest, relative to the site root so it works under any base path.
pub fn manifest(site: &Site) -> String {
    let icons: Vec<String> = ICONS
        .iter()
        .filter(|(_, size)| *size >= 192)
        .map(|(file, size)| {
            format!(
                "{{\"src\":\"{file}\",\"sizes\":\"{size}x{size}\",\"type\":\"image/png\",\"purpose\":\"any maskable\"}}"
            )
        })
        .collect();
    format!(
        "{{\"name\":{},\"short_name\":\"TPM course\",\"description\":{},\"start_url\":\"./\",\"scope\":\"./\",\"display\":\"standalone\",\"background_color\":\"#ffffff\",\"theme_color\":\"{THEME_COLOR}\",\"icons\":[{}]}}\n",
        serde_json::to_string(&site.title).unwrap(),
        serde_json::to_string(&site.description).unwrap(),
        icons.join(",")
    )
}

/// The service worker: the template with every file of the site and its content hash.
pub fn service_worker(template: &str, out: &Path) -> Result<String, String> {
    let mut files = Vec::new();
    collect(out, out, &mut files)?;
    files.sort();
    let mut list = Vec::new();
    for (path, file) in &files {
        let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        list.push(format!("[{:?},\"{}\"]", path, &fnv_hex(&bytes)[..12]));
    }
    let list = format!("[\n  {}\n]", list.join(",\n  "));
    let version = &fnv_hex(list.as_bytes())[..12];
    Ok(template
        .replace("__VERSION__", version)
        .replace("__FILES__", &list))
}

/// Every file under `dir` but the service worker itself, by path relative to `root`.
fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect(root, &path, files)?;
        } else {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if rel != "sw.js" {
                files.push((rel, path));
            }
        }
    }
    Ok(())
}
