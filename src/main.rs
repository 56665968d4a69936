//! The browser entry point: it only mounts the app.

fn main() {
    tpm_course::start();
}
