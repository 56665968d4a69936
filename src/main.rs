//! The whole app's browser entry point (every page; `index.html`). The lesson bundle's is
//! `src/main_lesson.rs`.

fn main() {
    tpm_course::start();
}
