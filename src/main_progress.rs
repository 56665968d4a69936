//! The progress bundle's browser entry point: the Progress page, which loads it instead of the
//! whole app (its insights, weekly goal and calendar, files, resets and backups stay out of the
//! other bundles).

fn main() {
    tpm_course::start_progress();
}
