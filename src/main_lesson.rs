//! The lesson bundle's browser entry point: a deep-linked lesson page loads this smaller
//! binary instead of the whole app (`tpm-site` writes it into every lesson page).

fn main() {
    tpm_course::start_lesson();
}
