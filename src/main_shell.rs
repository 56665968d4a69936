//! The lesson page's shell bundle: the header's menu and search, the outline, the keyboard
//! shortcuts and the footer, loaded on a lesson page when the learner first reaches for them
//! (or at once on a wide screen, whose outline shows beside the lesson). See
//! `components::lazy_shell`.

fn main() {
    tpm_course::start_shell();
}
