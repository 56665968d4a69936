//! The notes bundle's browser entry point: a lesson page loads it when the learner reaches for
//! the notes panel (`components::lazy_notes`), and it mounts the live panel into the page.

fn main() {
    tpm_course::start_notes();
}
