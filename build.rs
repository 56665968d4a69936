//! Parses and validates `content/` once, and embeds the course outline in the app.
//!
//! A content mistake stops the build with `content/<file>:<line>: <what is wrong>`.

use std::path::Path;

#[allow(dead_code, unused_imports)]
#[path = "src/model/mod.rs"]
mod model;

#[allow(dead_code)]
#[path = "src/content/mod.rs"]
mod content;

fn main() {
    // The benchmark builds a generated course from another folder.
    println!("cargo::rerun-if-env-changed=TPM_CONTENT_DIR");
    let dir = std::env::var("TPM_CONTENT_DIR").unwrap_or_else(|_| content::CONTENT_DIR.into());
    println!("cargo::rerun-if-changed={dir}");
    let site = match content::load(Path::new(&dir)) {
        Ok(site) => site,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!(
                "error: content/ has {} mistake(s); the course was not built",
                errors.len()
            );
            std::process::exit(1);
        }
    };
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let path = Path::new(&out).join("course.rs");
    std::fs::write(&path, site.outline_rust()).expect("write the course outline");
}
