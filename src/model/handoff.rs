//! Progress carried to another device in links, with no server: the record travels in the
//! URL's fragment (`#…`, which a browser never sends to any server), made compact, deflated
//! and cut into parts small enough for a QR code each. The parts wait in a holding area apart
//! from the record until all have arrived; then the learner sees what they hold and confirms,
//! and the record merges as an imported file does.
//!
//! The compact form is lossless, so the merge laws hold: the record's JSON with every time
//! (a number of 12 or more digits) written as its difference from the time before it, in base
//! 36 after a `~`. Deflating and the QR codes are `crate::link`'s (they need crates the build
//! script does not have); this module gets and gives the deflated bytes.
//!
//! A part is `tpm1.<transfer>.<part>.<parts>.<check>.<data>`: `tpm1` the format and its
//! version, `transfer` the FNV-1a checksum of all the deflated bytes (which names the transfer
//! and checks it once whole), `part` from 1 to `parts`, `check` this part's own checksum (of its place and bytes) and
//! `data` its share of the bytes in base64url.

use std::collections::BTreeMap;
use std::fmt;

use crate::model::course::Course;
use crate::model::progress::{exercise_key, scenario_key, Progress};

/// What starts every part, with the format's version.
pub const PREFIX: &str = "tpm";
/// The format's version; a part of a later one is refused with a clear message.
pub const VERSION: u32 = 1;
/// The bytes of data one part carries, so its whole link (the address before it, about 60
/// characters, and its own 30) stays near 1,200 bytes: a QR code of version 25 at level L or
/// lower, which phones read reliably from a screen.
pub const PART_BYTES: usize = 840;
/// The most parts a transfer may have (about 70 KB deflated: far beyond a finished course's
/// record); more is not a link this course made.
pub const MAX_PARTS: usize = 80;
/// The most bytes a transfer may inflate to, as for an imported file.
pub const MAX_INFLATED: usize = 5 * 1024 * 1024;

/// Why a link cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Not a part of a progress link at all.
    NotALink,
    /// A part or the whole is not what was sent (cut short, changed).
    Damaged,
    /// Made by a later version of the course.
    Newer(u32),
    /// Its progress belongs to another course.
    Foreign,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NotALink => write!(f, "This is not a link to continue this course's progress: nothing was changed."),
            LinkError::Damaged => write!(f, "This link is damaged: part of it is missing or changed (a link cut short when it was copied, for example). Nothing was changed; make a new link on the other device."),
            LinkError::Newer(_) => write!(f, "This link was made by a newer version of the course. Nothing was changed: reload this page to get the newer version, then open the link again."),
            LinkError::Foreign => write!(f, "This link holds progress of another course. Nothing was changed."),
        }
    }
}

/// The FNV-1a 32-bit checksum.
pub fn checksum(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(*b)).wrapping_mul(0x0100_0193)
    })
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Bytes in base64url without padding.
pub fn to_base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Base64url without padding back to bytes; `None` for anything else, including a last
/// character with bits the bytes do not use.
pub fn from_base64(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = B64.iter().position(|b| b == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    // Only the one way of writing these bytes: a changed last character whose bits would be
    // dropped is a change too.
    (to_base64(&out) == text).then_some(out)
}

/// The record's JSON with each time written as `~` and its difference from the time before
/// it, in base 36 (`-` first when it is earlier). Strings are left as they are.
pub fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut previous: i128 = 0;
    let mut chars = json.char_indices().peekable();
    let mut in_string = false;
    while let Some((i, c)) = chars.next() {
        if in_string {
            out.push(c);
            if c == '\\' {
                if let Some((_, e)) = chars.next() {
                    out.push(e);
                }
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if c == '"' {
            in_string = true;
            out.push(c);
            continue;
        }
        if c.is_ascii_digit()
            && !json[..i].ends_with(|p: char| p.is_ascii_alphanumeric() || p == '.' || p == '-')
        {
            let end = json[i..]
                .find(|d: char| !d.is_ascii_digit())
                .map_or(json.len(), |e| i + e);
            let digits = &json[i..end];
            let follows = json[end..].chars().next();
            let whole = !matches!(follows, Some('.' | 'e' | 'E'));
            if digits.len() >= 12 && digits.len() <= 30 && whole && !digits.starts_with('0') {
                if let Ok(n) = digits.parse::<i128>() {
                    out.push('~');
                    let delta = n - previous;
                    if delta < 0 {
                        out.push('-');
                    }
                    out.push_str(&base36(delta.unsigned_abs()));
                    previous = n;
                    for _ in 1..digits.len() {
                        chars.next();
                    }
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

fn base36(mut n: u128) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The compact form back to the record's JSON; `None` if it is not one.
pub fn expand(compact: &str) -> Option<String> {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut previous: i128 = 0;
    let mut chars = compact.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if c == '\\' {
                out.push(chars.next()?);
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '~' => {
                let negative = chars.next_if_eq(&'-').is_some();
                let mut n: i128 = 0;
                let mut any = false;
                while let Some(d) = chars.peek().and_then(|d| d.to_digit(36)) {
                    n = n.checked_mul(36)?.checked_add(i128::from(d))?;
                    chars.next();
                    any = true;
                }
                if !any {
                    return None;
                }
                previous = if negative {
                    previous.checked_sub(n)?
                } else {
                    previous.checked_add(n)?
                };
                out.push_str(&previous.to_string());
            }
            c => out.push(c),
        }
    }
    Some(out)
}

/// A part's own checksum: over its place in the transfer and its bytes, so a changed part
/// number is caught like changed data.
fn part_check(transfer: u32, index: usize, total: usize, bytes: &[u8]) -> u32 {
    let mut all = format!("{transfer:08x}.{index}.{total}.").into_bytes();
    all.extend_from_slice(bytes);
    checksum(&all)
}

/// One part as a fragment.
fn fragment(transfer: u32, index: usize, total: usize, bytes: &[u8]) -> String {
    format!(
        "{PREFIX}{VERSION}.{transfer:08x}.{index}.{total}.{:08x}.{}",
        part_check(transfer, index, total, bytes),
        to_base64(bytes)
    )
}

/// The links' fragments (without `#`) for a transfer of `deflated` bytes.
pub fn parts(deflated: &[u8]) -> Vec<String> {
    let transfer = checksum(deflated);
    let chunks: Vec<&[u8]> = if deflated.is_empty() {
        vec![&[]]
    } else {
        deflated.chunks(PART_BYTES).collect()
    };
    let total = chunks.len();
    chunks
        .iter()
        .enumerate()
        .map(|(i, chunk)| fragment(transfer, i + 1, total, chunk))
        .collect()
}

/// One part of a transfer, as read from a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub transfer: u32,
    /// From 1.
    pub index: usize,
    pub total: usize,
    pub bytes: Vec<u8>,
}

/// Reads a part from a link's fragment (with or without `#`) or from a whole pasted link.
pub fn parse(link: &str) -> Result<Part, LinkError> {
    let link = link.trim();
    let fragment = match link.find('#') {
        Some(at) => &link[at + 1..],
        None => link,
    };
    let rest = fragment.strip_prefix(PREFIX).ok_or(LinkError::NotALink)?;
    let (version, rest) = rest.split_once('.').ok_or(LinkError::NotALink)?;
    let version: u32 = version.parse().map_err(|_| LinkError::NotALink)?;
    if version > VERSION {
        return Err(LinkError::Newer(version));
    }
    if version != VERSION {
        return Err(LinkError::NotALink);
    }
    let fields: Vec<&str> = rest.splitn(5, '.').collect();
    let [transfer, index, total, check, data] = fields.as_slice() else {
        return Err(LinkError::Damaged);
    };
    let hex = |s: &str| {
        (s.len() == 8)
            .then(|| u32::from_str_radix(s, 16).ok())
            .flatten()
    };
    let (Some(transfer), Some(check)) = (hex(transfer), hex(check)) else {
        return Err(LinkError::Damaged);
    };
    let index: usize = index.parse().map_err(|_| LinkError::Damaged)?;
    let total: usize = total.parse().map_err(|_| LinkError::Damaged)?;
    if index == 0 || index > total || total > MAX_PARTS {
        return Err(LinkError::Damaged);
    }
    let bytes = from_base64(data).ok_or(LinkError::Damaged)?;
    if part_check(transfer, index, total, &bytes) != check || bytes.len() > PART_BYTES {
        return Err(LinkError::Damaged);
    }
    Ok(Part {
        transfer,
        index,
        total,
        bytes,
    })
}

/// The parts of one transfer that have arrived: kept apart from the record (in storage, as
/// [`Holding::encode`]) until every part is there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Holding {
    pub transfer: u32,
    pub total: usize,
    pub parts: BTreeMap<usize, Vec<u8>>,
}

/// What adding a part did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// A part of the transfer under way (or its first).
    Part,
    /// The part was already there.
    Again,
    /// A part of another transfer: the parts of the earlier one were set aside for it.
    Replaced,
}

impl Holding {
    /// Adds a part.
    pub fn add(&mut self, part: Part) -> Added {
        let added = if self.parts.is_empty() {
            Added::Part
        } else if part.transfer != self.transfer || part.total != self.total {
            self.parts.clear();
            Added::Replaced
        } else if self.parts.contains_key(&part.index) {
            Added::Again
        } else {
            Added::Part
        };
        self.transfer = part.transfer;
        self.total = part.total;
        self.parts.insert(part.index, part.bytes);
        added
    }

    /// The parts still to come, by number.
    pub fn missing(&self) -> Vec<usize> {
        (1..=self.total)
            .filter(|i| !self.parts.contains_key(i))
            .collect()
    }

    /// The deflated bytes, once every part is there and they are what was sent.
    pub fn whole(&self) -> Option<Result<Vec<u8>, LinkError>> {
        if self.parts.is_empty() || !self.missing().is_empty() {
            return None;
        }
        let bytes: Vec<u8> = self.parts.values().flatten().copied().collect();
        Some(if checksum(&bytes) == self.transfer {
            Ok(bytes)
        } else {
            Err(LinkError::Damaged)
        })
    }

    /// The holding area as text for storage: its parts as fragments, one a line.
    pub fn encode(&self) -> String {
        self.parts
            .iter()
            .map(|(i, bytes)| fragment(self.transfer, *i, self.total, bytes))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The holding area from storage; anything unreadable in it is left out.
    pub fn decode(text: &str) -> Holding {
        let mut h = Holding::default();
        for part in text.lines().filter_map(|l| parse(l).ok()) {
            h.add(part);
        }
        h
    }
}

/// Reads the record a transfer carries, once inflated: refused if it is another course's.
pub fn record(inflated: &[u8], course: &str) -> Result<Progress, LinkError> {
    let compact = std::str::from_utf8(inflated).map_err(|_| LinkError::Damaged)?;
    let json = expand(compact).ok_or(LinkError::Damaged)?;
    match Progress::import(&json, course) {
        Ok((p, _)) => Ok(p),
        Err(crate::model::progress::ImportError::Unreadable(
            crate::model::progress::DecodeError::FutureVersion(v),
        )) => Err(LinkError::Newer(v)),
        Err(crate::model::progress::ImportError::Unreadable(
            crate::model::progress::DecodeError::OtherCourse(_),
        )) => Err(LinkError::Foreign),
        Err(_) => Err(LinkError::Damaged),
    }
}

/// What a record holds, in the learner's words: for the preview before a merge.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Holdings {
    pub completed: usize,
    /// Every graded answer: quizzes, reviews, exams, decisions, self-graded exercises.
    pub answers: usize,
    pub notes: usize,
    pub bookmarks: usize,
    pub exercise_answers: usize,
    pub decisions: usize,
}

impl Holdings {
    pub fn of(
        p: &Progress,
        course: &'static Course,
        scenarios: &[&str],
        exercises: &[&str],
    ) -> Holdings {
        let log = p.log();
        let mut h = Holdings {
            completed: p.completed_count(course).0,
            ..Holdings::default()
        };
        for slug in log.slugs() {
            h.answers += log
                .history(slug)
                .iter()
                .map(|(_, e)| e.len())
                .sum::<usize>();
        }
        let written = |key: &str| p.text(key).heads.iter().any(|t| !t.text.trim().is_empty());
        for lesson in course.modules.iter().flat_map(|m| m.lessons) {
            h.notes += usize::from(written(lesson.slug));
            h.bookmarks += usize::from(p.bookmarked(lesson.slug));
        }
        h.exercise_answers = exercises
            .iter()
            .filter(|e| written(&exercise_key(e)))
            .count();
        h.decisions = scenarios
            .iter()
            .map(|s| log.decisions(&scenario_key(s)).len())
            .sum();
        h
    }
}

#[cfg(test)]
#[path = "handoff_tests.rs"]
mod tests;
