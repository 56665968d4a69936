//! Text made safe for HTML: one function, used by the build (Markdown, redirect pages) and
//! by the browser (the Progress page's insights, written as markup).

/// Escapes text for HTML: `&`, `<`, `>` and `"`.
pub fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            _ => s.push(c),
        }
    }
    s
}
