//! The search bundle's browser entry point: a lesson page loads it the first time the learner
//! searches (`components::lazy_search`), and it mounts the search dialog into the page.

fn main() {
    tpm_course::start_search();
}
