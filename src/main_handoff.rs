//! The handoff bundle's browser entry point: the page to continue on another device, which
//! loads it instead of the whole app (its deflate and QR code stay out of the other bundles).

fn main() {
    tpm_course::start_handoff();
}
