//! One stylesheet instead of one per component: fewer render-blocking requests on a phone.
//!
//! The sources stay split by component in `style/`; Trunk copies each with a content hash.
//! This joins them, in the order `index.html` lists them, into one hashed file and puts a
//! single `<link>` in their place.

use std::path::Path;

use tpm_course::content::fnv_hex;

/// Merges the shell's stylesheet links into one file in `out`; returns the new shell.
pub fn merge(shell: &str, out: &Path) -> Result<String, String> {
    let links = stylesheet_links(shell);
    let Some(first) = links.first() else {
        return Ok(shell.to_string());
    };
    let mut css = String::new();
    for link in &links {
        let path = out.join(file_name(&link.href));
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("stylesheet {}: {e}", path.display()))?;
        css.push_str(&text);
        css.push('\n');
    }
    let name = format!("style-{}.css", &fnv_hex(css.as_bytes())[..10]);
    std::fs::write(out.join(&name), &css).map_err(|e| format!("{name}: {e}"))?;
    for link in &links {
        let _ = std::fs::remove_file(out.join(file_name(&link.href)));
    }
    let prefix = &first.href[..first.href.len() - file_name(&first.href).len()];
    let mut html = String::with_capacity(shell.len());
    let mut rest = shell;
    for (i, link) in links.iter().enumerate() {
        let at = rest
            .find(&link.tag)
            .expect("the tag was found in this text");
        html.push_str(&rest[..at]);
        if i == 0 {
            html.push_str(&format!(
                "<link rel=\"stylesheet\" href=\"{prefix}{name}\">"
            ));
        }
        rest = &rest[at + link.tag.len()..];
    }
    html.push_str(rest);
    Ok(html)
}

/// The file name at the end of an `href`.
fn file_name(href: &str) -> &str {
    href.rsplit('/').next().unwrap_or_default()
}

/// A `<link rel="stylesheet">` tag as written, and its `href`.
struct Link {
    tag: String,
    href: String,
}

fn stylesheet_links(html: &str) -> Vec<Link> {
    let mut links = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<link") {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + len + 1];
        if tag.contains("rel=\"stylesheet\"") {
            if let Some(href) = attribute(tag, "href") {
                links.push(Link {
                    tag: tag.to_string(),
                    href,
                });
            }
        }
        rest = &rest[start + len + 1..];
    }
    links
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(tag[start..start + len].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_links_in_order_into_one() {
        let dir = std::env::temp_dir().join(format!("tpm-styles-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a-1.css"), "a{}").unwrap();
        std::fs::write(dir.join("b-2.css"), "b{}").unwrap();
        let shell = "<head><link rel=\"stylesheet\" href=\"/tpm/a-1.css\" integrity=\"x\"/>\n<link rel=\"stylesheet\" href=\"/tpm/b-2.css\"/><link rel=\"manifest\" href=\"m\"></head>";
        let html = merge(shell, &dir).unwrap();
        let name = format!("style-{}.css", &fnv_hex(b"a{}\nb{}\n")[..10]);
        assert_eq!(
            html,
            format!("<head><link rel=\"stylesheet\" href=\"/tpm/{name}\">\n<link rel=\"manifest\" href=\"m\"></head>")
        );
        assert_eq!(
            std::fs::read_to_string(dir.join(&name)).unwrap(),
            "a{}\nb{}\n"
        );
        assert!(!dir.join("a-1.css").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
