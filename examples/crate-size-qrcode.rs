//! `make bench`'s probe of qrcode's share of the wasm: `crate-size-base` plus the device link's
//! QR code as the handoff bundle draws it (`link.rs`: the code and its SVG path).

extern crate tpm_course;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn probe(input: &[u8]) -> String {
    let text = String::from_utf8_lossy(input);
    let (width, path) = tpm_course::link::qr(&text).unwrap_or_default();
    format!("{}:{}:{width}:{path}", input.len(), text)
}

fn main() {}
