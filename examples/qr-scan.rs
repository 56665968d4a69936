//! Reads the QR code in a PNG image (a screenshot of the page's code) and prints its text: the
//! browser tests' decoder (tests/e2e/handoff.spec.mjs), with rqrr, as a camera app would.
//! `cargo run --example qr-scan -- code.png`

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: qr-scan <image.png>");
        std::process::exit(2);
    };
    let file = std::fs::File::open(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(2)
        });
    let mut pixels = vec![0; reader.output_buffer_size().unwrap_or(0)];
    let info = reader.next_frame(&mut pixels).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    let (width, height) = (info.width as usize, info.height as usize);
    let step = info.line_size / width.max(1);
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        pixels[y * info.line_size + x * step]
    });
    let grids = image.detect_grids();
    match grids.first().map(|g| g.decode()) {
        Some(Ok((_, text))) => print!("{text}"),
        Some(Err(e)) => {
            eprintln!("{path}: the code does not decode: {e}");
            std::process::exit(1)
        }
        None => {
            eprintln!("{path}: no QR code found");
            std::process::exit(1)
        }
    }
}
