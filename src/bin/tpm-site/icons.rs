//! App icons: the one source image, `assets/icon.png`, scaled to every size the site links.

use std::path::Path;

/// Icon files written into the site, with their sizes in pixels.
pub const ICONS: &[(&str, u32)] = &[
    ("icons/icon-512.png", 512),
    ("icons/icon-192.png", 192),
    ("icons/apple-touch-icon.png", 180),
    ("icons/favicon-32.png", 32),
];

/// Writes every icon of [`ICONS`] into `out`, scaled from `source`.
pub fn write_icons(source: &Path, out: &Path) -> Result<(), String> {
    let file = std::fs::File::open(source).map_err(|e| format!("{}: {e}", source.display()))?;
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder
        .read_info()
        .map_err(|e| format!("{}: {e}", source.display()))?;
    let mut buf = vec![0; reader.output_buffer_size().unwrap_or(0)];
    let info = reader
        .next_frame(&mut buf)
        .map_err(|e| format!("{}: {e}", source.display()))?;
    let channels = info.color_type.samples();
    if info.width != info.height || !(3..=4).contains(&channels) {
        return Err(format!(
            "{}: the icon must be a square RGB or RGBA image",
            source.display()
        ));
    }
    let rgba: Vec<u8> = buf[..info.buffer_size()]
        .chunks(channels)
        .flat_map(|p| [p[0], p[1], p[2], if channels == 4 { p[3] } else { 255 }])
        .collect();
    for (name, size) in ICONS {
        let pixels = scale(&rgba, info.width, *size);
        let path = out.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).map_err(|e| e.to_string())?;
        let file = std::fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), *size, *size);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::High);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer
            .write_image_data(&pixels)
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Scales a square RGBA image by averaging the source pixels each target pixel covers.
fn scale(rgba: &[u8], from: u32, to: u32) -> Vec<u8> {
    let (from, to) = (from as usize, to as usize);
    let mut out = Vec::with_capacity(to * to * 4);
    for ty in 0..to {
        let (y0, y1) = (
            ty * from / to,
            ((ty + 1) * from / to).max(ty * from / to + 1),
        );
        for tx in 0..to {
            let (x0, x1) = (
                tx * from / to,
                ((tx + 1) * from / to).max(tx * from / to + 1),
            );
            let mut sum = [0u64; 4];
            for y in y0..y1 {
                for x in x0..x1 {
                    let i = (y * from + x) * 4;
                    for c in 0..4 {
                        sum[c] += rgba[i + c] as u64;
                    }
                }
            }
            let n = ((y1 - y0) * (x1 - x0)) as u64;
            out.extend(sum.iter().map(|s| (s / n) as u8));
        }
    }
    out
}
