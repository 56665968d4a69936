//! URLs of the site's pages, all under the base path the site was built for.
//!
//! The build writes `<base href="/sub/">` into every page; the router and every
//! link use the same base, so the site works at the root of a host or under a sub-path.

use std::sync::OnceLock;

/// The base path without its trailing slash: `""` at the root of a host, `"/tpm"` under a sub-path.
pub fn base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let uri = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_default();
        base_path(&uri)
    })
}

/// The path of a base URI, without its trailing slash.
pub fn base_path(uri: &str) -> String {
    let after_scheme = uri.split_once("://").map_or(uri, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    // A base URI names a folder; drop a file name if there is one.
    let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    folder.trim_end_matches('/').to_string()
}

pub fn home() -> String {
    format!("{}/", base())
}

pub fn lesson(slug: &str) -> String {
    format!("{}/lessons/{slug}/", base())
}

pub fn glossary() -> String {
    format!("{}/glossary/", base())
}

pub fn progress() -> String {
    format!("{}/progress/", base())
}

/// A file of the built site, such as a lesson's data.
pub fn asset(file: &str) -> String {
    format!("{}/{file}", base())
}

#[cfg(test)]
mod tests {
    use super::base_path;

    #[test]
    fn base_paths() {
        assert_eq!(base_path("http://127.0.0.1:8080/"), "");
        assert_eq!(base_path("https://example.org/tpm/"), "/tpm");
        assert_eq!(
            base_path("https://example.org/tpm/lessons/x/index.html"),
            "/tpm/lessons/x"
        );
        assert_eq!(base_path("https://example.org"), "");
    }
}
