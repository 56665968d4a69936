//! `make bench`'s baseline for the size each of the device link's crates adds to the wasm
//! (bench/crate-sizes.mjs): the project's allocator and a string made with `format!`, as the
//! bundles have them. Built for wasm32 like a bundle; the other `crate-size-*` examples add one
//! crate's use on top, and the difference of their brotli sizes is that crate's share.

extern crate tpm_course;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn probe(input: &[u8]) -> String {
    format!("{}:{}", input.len(), String::from_utf8_lossy(input))
}

fn main() {}
