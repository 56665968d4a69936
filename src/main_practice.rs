//! The practice bundle's browser entry point: the decision scenarios' and written exercises'
//! pages load this binary instead of the whole app (`tpm-site` writes it into those pages), so
//! their code is fetched only when one is opened.

fn main() {
    tpm_course::start_practice();
}
