//! The device link: the compact form, base64url, parts, the holding area, what a record
//! holds, and how many parts real learners' records need.

use super::*;
use crate::link::{deflate, fragments_for, inflate, qr};
use crate::model::course::{Choice, Question, QuestionKind, Quiz, TEST_COURSE};
use crate::model::progress::Time;
use crate::model::scenario::Taken;

const T: Time = 1_764_080_000_000;

fn inflated(bytes: &[u8]) -> Vec<u8> {
    inflate(bytes).expect("deflated by the test")
}

#[test]
fn checksum_and_base64url_have_their_reference_values() {
    assert_eq!(checksum(b""), 0x811c_9dc5);
    assert_eq!(checksum(b"a"), 0xe40c_292c);
    assert_eq!(checksum(b"foobar"), 0xbf9c_f968);
    assert_eq!(to_base64(b"Man"), "TWFu");
    assert_eq!(to_base64(b"Ma"), "TWE");
    assert_eq!(to_base64(b"M"), "TQ");
    assert_eq!(to_base64(&[0xfb, 0xff]), "-_8");
    assert_eq!(from_base64("TWFu").as_deref(), Some(&b"Man"[..]));
    assert_eq!(from_base64("TWE").as_deref(), Some(&b"Ma"[..]));
    assert_eq!(from_base64("-_8").as_deref(), Some(&[0xfb, 0xff][..]));
    assert_eq!(from_base64(""), Some(vec![]));
    assert_eq!(from_base64("TWFuT"), None, "one character left over");
    assert_eq!(from_base64("TW=u"), None);
    assert_eq!(from_base64("TW+u"), None, "base64url has no '+'");
    assert_eq!(
        from_base64("TWF"),
        None,
        "the last character's unused bits are not zero"
    );
}

#[test]
fn the_compact_form_writes_times_as_differences_and_reads_back_exactly() {
    let json = r#"{"version":4,"seed":2654435769,"log":{"d":{"a":{"opened":1764080000000,"ends":[1764080090000,1764080000000],"position":[1764080000500,0.457],"note":"at 1764080000000 ~5"}}},"n":-1764080000000,"big":123456789012345678901234567890123}"#;
    let compact = compact(json);
    assert_eq!(
        compact,
        r#"{"version":4,"seed":2654435769,"log":{"d":{"a":{"opened":~mienoni8,"ends":[~1xg0,~-1xg0],"position":[~dw,0.457],"note":"at 1764080000000 ~5"}}},"n":-1764080000000,"big":123456789012345678901234567890123}"#
    );
    assert_eq!(expand(&compact).as_deref(), Some(json));
    // Not a compact record: a `~` with no digits, or a difference that overflows.
    assert_eq!(expand("[~]"), None);
    assert_eq!(expand(&format!("[~{}]", "z".repeat(40))), None);
    assert_eq!(expand(r#"["unterminated \"#), None);
}

#[test]
fn a_real_record_survives_compact_deflate_parts_and_the_holding_area() {
    let p = learner(47, 1.0);
    let json = p.encode();
    let deflated = deflate(compact(&json).as_bytes());
    let links = parts(&deflated);
    assert!(
        links.len() > 1,
        "a finished learner needs more than one part"
    );
    // The parts arrive in any order, one of them twice.
    let mut holding = Holding::default();
    let mut order: Vec<&String> = links.iter().rev().collect();
    order.push(&links[0]);
    for (n, link) in order.iter().enumerate() {
        let part = parse(&format!("https://example.test/continue/#{link}")).unwrap();
        let added = holding.add(part);
        assert_eq!(
            added,
            if n < links.len() {
                Added::Part
            } else {
                Added::Again
            }
        );
        // The holding area survives storage.
        holding = Holding::decode(&holding.encode());
    }
    assert_eq!(holding.missing(), Vec::<usize>::new());
    let whole = holding.whole().unwrap().unwrap();
    let read = record(&inflated(&whole), "tpm").unwrap();
    assert_eq!(read, p);
    // It merges as an import does: into a record that already had part of it, nothing lost,
    // and merging it again changes nothing.
    let mut here = learner(20, 0.5);
    here.merge(&read);
    let mut once = here.clone();
    assert!(!once.merge(&read));
    assert_eq!(
        here.completed_count(&TEST_COURSE),
        read.completed_count(&TEST_COURSE)
    );
}

#[test]
fn the_holding_area_waits_for_every_part_and_a_new_transfer_replaces_an_old_one() {
    let one = parts(&[7u8; PART_BYTES * 2 + 5]);
    let other = parts(&[9u8; 10]);
    assert_eq!(one.len(), 3);
    assert_eq!(other.len(), 1);
    let mut h = Holding::default();
    assert_eq!(h.whole(), None);
    assert_eq!(h.add(parse(&one[1]).unwrap()), Added::Part);
    assert_eq!(h.missing(), vec![1, 3]);
    assert_eq!(h.whole(), None);
    assert_eq!(h.add(parse(&other[0]).unwrap()), Added::Replaced);
    assert_eq!(h.missing(), Vec::<usize>::new());
    assert_eq!(h.whole(), Some(Ok(vec![9u8; 10])));
    // An empty transfer is one part with no data.
    assert_eq!(parts(&[]).len(), 1);
    assert_eq!(parse(&parts(&[])[0]).unwrap().bytes, Vec::<u8>::new());
}

#[test]
fn truncated_tampered_foreign_and_future_links_are_refused_with_their_reason() {
    let p = learner(3, 1.0);
    let deflated = deflate(compact(&p.encode()).as_bytes());
    let link = parts(&deflated).remove(0);
    assert!(parse(&link).is_ok());
    // Cut short, as a messaging app may do.
    assert_eq!(parse(&link[..link.len() - 7]), Err(LinkError::Damaged));
    assert_eq!(parse(&link[..20]), Err(LinkError::Damaged));
    // One character changed in the data, or in the part numbers.
    let last = link.len() - 3;
    let swapped = if &link[last..last + 1] == "A" {
        "B"
    } else {
        "A"
    };
    let tampered = format!("{}{swapped}{}", &link[..last], &link[last + 1..]);
    assert_eq!(parse(&tampered), Err(LinkError::Damaged));
    let total = parse(&link).unwrap().total;
    let place = format!(".1.{total}.");
    for other in [
        format!(".2.{total}."),
        format!(".1.{}.", total + 1),
        ".1.99.".into(),
        ".0.1.".into(),
    ] {
        assert_eq!(
            parse(&link.replacen(&place, &other, 1)),
            Err(LinkError::Damaged),
            "{other}"
        );
    }
    // Parts that each look right but are not one transfer.
    let mut h = Holding::default();
    h.add(Part {
        transfer: 1,
        index: 1,
        total: 1,
        bytes: vec![1],
    });
    assert_eq!(h.whole(), Some(Err(LinkError::Damaged)));
    // A later format, something else entirely, another course, a later record.
    assert_eq!(
        parse(&link.replacen("tpm1.", "tpm2.", 1)),
        Err(LinkError::Newer(2))
    );
    assert_eq!(
        parse("https://example.test/lessons/x/#why"),
        Err(LinkError::NotALink)
    );
    assert_eq!(parse(""), Err(LinkError::NotALink));
    assert_eq!(
        record(&inflated(&deflated), "another-course"),
        Err(LinkError::Foreign)
    );
    let future = compact(&p.encode().replacen("\"version\":4", "\"version\":5", 1));
    assert_eq!(record(future.as_bytes(), "tpm"), Err(LinkError::Newer(5)));
    assert_eq!(record(b"{not json", "tpm"), Err(LinkError::Damaged));
    assert_eq!(record(&[0xff, 0xfe], "tpm"), Err(LinkError::Damaged));
    // Every message says that nothing was changed.
    for e in [
        LinkError::NotALink,
        LinkError::Damaged,
        LinkError::Newer(5),
        LinkError::Foreign,
    ] {
        assert!(
            e.to_string().contains("Nothing was changed")
                || e.to_string().contains("nothing was changed"),
            "{e}"
        );
    }
}

#[test]
fn holdings_count_what_a_record_holds() {
    let mut p = Progress::new("tpm", "d");
    p.set_completed("a", true, T);
    p.set_completed("c", true, T + 1);
    p.record_quiz("a", &quiz("a", 2), &[vec![0], vec![1]], &[], T + 2);
    p.write("a", None, &[], "A note", T + 3);
    p.write("b", None, &[], "   ", T + 4);
    p.set_bookmark("d", true, T + 5);
    p.write(&exercise_key("status"), None, &[], "Red.", T + 6);
    let play = p.decide(
        "vault",
        None,
        &Taken {
            point: "one".into(),
            choice: 1,
        },
        None,
        T + 7,
    );
    p.decide(
        "vault",
        Some(play),
        &Taken {
            point: "two".into(),
            choice: 0,
        },
        None,
        T + 8,
    );
    assert_eq!(
        Holdings::of(&p, &TEST_COURSE, &["vault", "other"], &["status", "risk"]),
        Holdings {
            completed: 2,
            answers: 2,
            notes: 1,
            bookmarks: 1,
            exercise_answers: 1,
            decisions: 2
        }
    );
}

/// How many parts a learner's link needs: halfway through the course and finished, with the
/// real course's size (47 lessons, 4-5 questions each), one review of every answered question
/// a week later and another a month later, notes on a third of the lessons read, the
/// scenarios played and exercises written in proportion. `cargo test parts_for -- --nocapture`
/// prints the figures (bench/RESULTS.md has them).
#[test]
fn parts_for_a_learner_halfway_and_finished() {
    let mut figures = Vec::new();
    for (name, share) in [("halfway", 0.5), ("finished", 1.0)] {
        let p = learner(47, share);
        let json = p.encode();
        let small = compact(&json);
        let deflated = deflate(small.as_bytes());
        let n = parts(&deflated).len();
        println!(
            "{name}: JSON {} bytes (deflated alone {}), compact {} bytes, deflated {} bytes, {} link part{}",
            json.len(),
            deflate(json.as_bytes()).len(),
            small.len(),
            deflated.len(),
            n,
            if n == 1 { "" } else { "s" }
        );
        figures.push((json.len(), small.len(), deflated.len(), n));
    }
    // The compact form saves before deflating too, and the parts stay few.
    for (json, small, deflated, _) in &figures {
        assert!(small * 100 < json * 88, "compact {small} of {json}");
        assert!(deflated < small);
        assert!(*deflated * 10 < *json, "deflated {deflated} of {json}");
    }
    assert!(figures[0].3 <= 6 && figures[1].3 <= 12, "{figures:?}");
    assert!(figures[0].3 < figures[1].3);
}

fn quiz(slug: &str, n: usize) -> Quiz {
    Quiz {
        title: "Quiz".into(),
        questions: (0..n)
            .map(|i| Question {
                id: format!("{slug}-question-id-of-length-{i}"),
                kind: QuestionKind::Single,
                prompt: String::new(),
                explanation: String::new(),
                choices: (0..4)
                    .map(|c| Choice {
                        text: String::new(),
                        correct: c == 1,
                        explanation: String::new(),
                    })
                    .collect(),
                hash: format!("{:08x}", i * 7919),
            })
            .collect(),
    }
}

/// A learner through `share` of a course of `lessons` lessons (see the test above).
fn learner(lessons: usize, share: f64) -> Progress {
    let mut p = Progress::new("tpm", "k3x9q2");
    let day: Time = 86_400_000;
    let read = (lessons as f64 * share).round() as usize;
    for l in 0..read {
        let slug = format!("lesson-slug-of-typical-length-{l:02}");
        let q = quiz(&slug, 4 + l % 2);
        let at = T + l as Time * day / 2;
        p.visit(&slug, at);
        p.set_position(&slug, 0.63, at + 240_000);
        p.reach_end(&slug, true, at + 600_000);
        let answers: Vec<Vec<usize>> = (0..q.questions.len()).map(|i| vec![(l + i) % 4]).collect();
        p.record_quiz(&slug, &q, &answers, &[], at + 700_000);
        p.set_completed(&slug, true, at + 710_000);
        for (k, later) in [7 * day, 30 * day].into_iter().enumerate() {
            for question in &q.questions {
                p.record_review(&slug, question, &[k % 4], k == 0, at + later + 1_000);
            }
        }
        if l % 3 == 0 {
            p.write(&slug, None, &[], &format!("My note on lesson {l}: the trigger matters more than the feeling; write the decision down, with who makes it and by when, and check it a week later."), at + 800_000);
        }
        if l % 9 == 0 {
            p.set_bookmark(&slug, true, at + 810_000);
        }
    }
    let scenarios = (8.0 * share).round() as usize;
    for s in 0..scenarios {
        let mut play = None;
        for d in 0..11 {
            let taken = Taken {
                point: format!("decision-point-{d}"),
                choice: d % 3,
            };
            let id = p.decide(
                &format!("scenario-{s}"),
                play,
                &taken,
                None,
                T + (60 + s as Time) * day + d as Time * 90_000,
            );
            play = Some(id);
        }
    }
    let exercises = (29.0 * share / 3.0).round() as usize;
    for e in 0..exercises {
        p.write(&exercise_key(&format!("exercise-{e}")), None, &[], &"Status: Amber. The vault API is a week late; the buffer covers it. Decision needed from Dana by Friday: move the fraud work or accept the risk. ".repeat(3), T + (70 + e as Time) * day);
    }
    p
}

#[test]
fn fragments_for_a_record_carry_it_and_inflating_is_bounded() {
    let p = learner(10, 1.0);
    let mut h = Holding::default();
    for f in fragments_for(&p) {
        h.add(parse(&f).unwrap());
    }
    let whole = h.whole().unwrap().unwrap();
    assert_eq!(record(&inflate(&whole).unwrap(), "tpm").unwrap(), p);
    // A transfer that would inflate past the limit is refused, not unpacked into memory.
    let bomb = deflate(&vec![b' '; MAX_INFLATED + 1]);
    assert!(bomb.len() < 10_000);
    assert_eq!(inflate(&bomb), Err(LinkError::Damaged));
    assert_eq!(inflate(&[0xff, 0x00, 0x13]), Err(LinkError::Damaged));
}

/// Reads a QR code drawn from [`qr`]'s path, the way a camera would see it: scaled, with its
/// quiet zone.
fn scan(width: usize, path: &str) -> String {
    let (scale, quiet) = (4, 4);
    let size = (width + 2 * quiet) * scale;
    let mut dark = vec![false; (width + 2 * quiet) * (width + 2 * quiet)];
    // The path is "M{x} {y}h{n}v1h-{n}z" runs.
    for run in path.split('M').filter(|r| !r.is_empty()) {
        let (x, rest) = run.split_once(' ').unwrap();
        let (y, rest) = rest.split_once('h').unwrap();
        let n: usize = rest.split_once('v').unwrap().0.parse().unwrap();
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        for i in 0..n {
            dark[(y + quiet) * (width + 2 * quiet) + x + quiet + i] = true;
        }
    }
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
        if dark[(y / scale) * (width + 2 * quiet) + x / scale] {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1);
    grids[0].decode().unwrap().1
}

#[test]
fn each_part_is_a_qr_code_phones_read_from_a_screen_and_it_reads_back() {
    for (name, share) in [("halfway", 0.5), ("finished", 1.0)] {
        let fragments = fragments_for(&learner(47, share));
        let longest = fragments.iter().map(String::len).max().unwrap();
        let link = |f: &str| format!("https://learner.github.io/tpm-course/continue/#{f}");
        let mut versions = Vec::new();
        for f in &fragments {
            let (width, path) = qr(&link(f)).unwrap();
            versions.push((width - 17) / 4);
            // Version 25 or lower (17 + 4 × version modules).
            assert!(
                width <= 117,
                "{width} modules for {} characters",
                link(f).len()
            );
            assert_eq!(scan(width, &path), link(f));
        }
        println!(
            "{name}: longest part {longest} characters; {} parts; QR versions {versions:?} at level L",
            fragments.len()
        );
    }
    let (width, path) = qr("A").unwrap();
    assert_eq!(width, 21, "version 1");
    assert!(
        path.starts_with("M0 0h7v1h-7z"),
        "the finder pattern's top row: {path}"
    );
}
