//! The device link's deflating and QR codes (see `model::handoff`, which owns the format):
//! pure Rust, native-tested with the model's tests, and carried only by the practice bundle,
//! whose page makes and takes the links.

use crate::model::handoff::{compact, parts, LinkError, MAX_INFLATED};
use crate::model::progress::Progress;

/// The fragments of the links that carry a record: its compact form, deflated, in parts.
pub fn fragments_for(p: &Progress) -> Vec<String> {
    parts(&deflate(compact(&p.encode()).as_bytes()))
}

/// Raw deflate (RFC 1951), as `CompressionStream("deflate-raw")` would write it.
pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 9)
}

/// A whole transfer inflated; more than [`MAX_INFLATED`] bytes is not a record we made.
pub fn inflate(bytes: &[u8]) -> Result<Vec<u8>, LinkError> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, MAX_INFLATED)
        .map_err(|_| LinkError::Damaged)
}

/// A QR code of `text` (error correction level L, as much room for data as possible; a
/// screen shows it sharply) as its width in modules and an SVG path of its dark modules, one
/// unit each, without the quiet zone around it.
pub fn qr(text: &str) -> Option<(usize, String)> {
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::L).ok()?;
    let width = code.width();
    let dark = code.to_colors();
    let mut d = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if dark[y * width + x] != qrcode::Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && dark[y * width + x] == qrcode::Color::Dark {
                x += 1;
            }
            d.push_str(&format!("M{start} {y}h{}v1h-{}z", x - start, x - start));
        }
    }
    Some((width, d))
}
