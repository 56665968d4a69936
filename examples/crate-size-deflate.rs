//! `make bench`'s probe of miniz_oxide's share of the wasm: `crate-size-base` plus the device
//! link's deflate and limited inflate exactly as the handoff bundle calls them (`link.rs`).

extern crate tpm_course;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn probe(input: &[u8]) -> String {
    let packed = tpm_course::link::deflate(input);
    let back = tpm_course::link::inflate(&packed).map_or(0, |b| b.len());
    format!(
        "{}:{}:{}",
        input.len(),
        String::from_utf8_lossy(input),
        packed.len() + back
    )
}

fn main() {}
