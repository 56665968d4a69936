//! A small JSON reader and writer for the progress record, so the browser build needs no
//! serde code for it (every serde-derived type costs the wasm its own decoder).
//!
//! It also reads the lesson data, the glossary and the search index in the browser, so serde
//! is not in the wasm at all. Whole numbers are kept as numbers, any other number as its
//! text; the data only holds whole numbers and positions with three decimals, read by
//! [`Json::as_u64`] and [`Json::as_thousandths`].

/// A parsed JSON value. Objects keep their keys in order, duplicates included.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A whole number from 0 up.
    Integer(u64),
    /// Any other number, as written.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// Parses JSON text; the error names the line and column, as a reader would count them.
    pub fn parse(text: &str) -> Result<Json, String> {
        let mut p = Parser {
            s: text.as_bytes(),
            i: 0,
            depth: 0,
        };
        let value = p.value()?;
        p.space();
        if p.i < p.s.len() {
            return Err(p.error("trailing characters"));
        }
        Ok(value)
    }

    /// A member of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Integer(n) => Some(*n),
            _ => None,
        }
    }

    /// Any number as a whole number from 0 up, as near as it can be, and whether that is
    /// exact: negative numbers read as 0, fractions are cut, numbers past `u64::MAX` stop there.
    /// (No float parsing: that would add several KB to the wasm for values that are wrong.)
    pub fn as_whole(&self) -> Option<(u64, bool)> {
        match self {
            Json::Integer(n) => Some((*n, true)),
            Json::Number(text) => Some((whole_of(text), false)),
            _ => None,
        }
    }

    /// A number from 0 to 1 in thousandths, rounded (`0.4567` is 457).
    pub fn as_thousandths(&self) -> Option<u16> {
        let n = match self {
            Json::Integer(0) => return Some(0),
            Json::Integer(_) => return Some(1000),
            Json::Number(n) => n,
            _ => return None,
        };
        let (whole, fraction) = n.split_once('.').unwrap_or((n, ""));
        if n.contains(['e', 'E', '-']) || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // Only digits: a failed parse is a number past u64, which is past 1 anyway.
        let whole: u64 = whole.parse().unwrap_or(u64::MAX);
        let digits: Vec<u64> = fraction
            .bytes()
            .map(|b| u64::from(b - b'0'))
            .chain([0, 0, 0, 0])
            .take(4)
            .collect();
        let value = whole.saturating_mul(1000).saturating_add(
            digits[0] * 100 + digits[1] * 10 + digits[2] + u64::from(digits[3] >= 5),
        );
        Some(value.min(1000) as u16)
    }

    /// A member that must be text.
    pub fn text(&self, key: &str) -> Result<String, String> {
        self.get(key)
            .and_then(Json::as_str)
            .map(str::to_string)
            .ok_or_else(|| format!("\"{key}\" is missing or not text"))
    }

    /// A member that must be a list, each item read by `item`.
    pub fn list<T>(
        &self,
        key: &str,
        item: impl Fn(&Json) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        let items = self
            .get(key)
            .and_then(Json::as_array)
            .ok_or_else(|| format!("\"{key}\" is missing or not a list"))?;
        // A loop, not `collect::<Result<…>>()`: the same work with less code in the wasm.
        let mut out = Vec::with_capacity(items.len());
        for i in items {
            out.push(item(i)?);
        }
        Ok(out)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(o) => Some(o),
            _ => None,
        }
    }
}

/// The whole part of a number written with a sign, a fraction or an exponent, from 0 up.
fn whole_of(text: &str) -> u64 {
    if text.starts_with('-') {
        return 0;
    }
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => {
            let e = &text[i + 1..];
            let big = if e.starts_with('-') { -100 } else { 100 };
            (&text[..i], e.parse::<i32>().unwrap_or(big).clamp(-100, 100))
        }
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut value: u64 = 0;
    let mut shift = exponent;
    for (i, b) in whole.bytes().chain(fraction.bytes()).enumerate() {
        if i >= whole.len() {
            // A fraction digit counts only while the exponent moves it left of the point.
            if shift <= 0 {
                break;
            }
            shift -= 1;
        }
        if b.is_ascii_digit() {
            value = value.saturating_mul(10).saturating_add(u64::from(b - b'0'));
        }
    }
    for _ in 0..shift.max(0) {
        value = value.saturating_mul(10);
    }
    for _ in 0..(-shift).max(0) {
        value /= 10;
    }
    value
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: u32,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> String {
        let before = &self.s[..self.i.min(self.s.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        format!("{what} at line {line} column {column}")
    }

    fn space(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.space();
        let found = self.s.get(self.i) == Some(&b);
        self.i += usize::from(found);
        found
    }

    fn value(&mut self) -> Result<Json, String> {
        self.space();
        self.depth += 1;
        if self.depth > 64 {
            return Err(self.error("nested too deeply"));
        }
        let value = match self.s.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                let mut members = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.space();
                        if self.s.get(self.i) != Some(&b'"') {
                            return Err(self.error("expected a key"));
                        }
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return Err(self.error("expected `:`"));
                        }
                        members.push((key, self.value()?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(self.error("expected `,` or `}`"));
                        }
                    }
                }
                Json::Object(members)
            }
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value()?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(self.error("expected `,` or `]`"));
                        }
                    }
                }
                Json::Array(items)
            }
            Some(b'"') => Json::String(self.string()?),
            Some(b't') if self.s[self.i..].starts_with(b"true") => {
                self.i += 4;
                Json::Bool(true)
            }
            Some(b'f') if self.s[self.i..].starts_with(b"false") => {
                self.i += 5;
                Json::Bool(false)
            }
            Some(b'n') if self.s[self.i..].starts_with(b"null") => {
                self.i += 4;
                Json::Null
            }
            Some(b'-' | b'0'..=b'9') => {
                let start = self.i;
                self.i += 1;
                while self.i < self.s.len()
                    && matches!(
                        self.s[self.i],
                        b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-'
                    )
                {
                    self.i += 1;
                }
                let text = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("");
                if text == "-" || text.ends_with(['.', 'e', 'E', '+', '-']) {
                    return Err(self.error("invalid number"));
                }
                match text.parse() {
                    Ok(n) if text.bytes().all(|b| b.is_ascii_digit()) => Json::Integer(n),
                    _ => Json::Number(text.to_string()),
                }
            }
            _ => return Err(self.error("expected value")),
        };
        self.depth -= 1;
        Ok(value)
    }

    /// A string, starting at its opening quote.
    fn string(&mut self) -> Result<String, String> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let Some(&b) = self.s.get(self.i) else {
                return Err(self.error("unterminated string"));
            };
            self.i += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let Some(&e) = self.s.get(self.i) else {
                        return Err(self.error("unterminated string"));
                    };
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let high = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&high)
                                && self.s[self.i..].starts_with(b"\\u")
                            {
                                self.i += 2;
                                let low = self.hex4()?;
                                0x10000
                                    + ((high - 0xD800) << 10)
                                    + (low.wrapping_sub(0xDC00) & 0x3FF)
                            } else {
                                high
                            };
                            char::from_u32(code).unwrap_or('\u{FFFD}')
                        }
                        _ => return Err(self.error("invalid escape")),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                b if b < 0x20 => return Err(self.error("control character in string")),
                b => out.push(b),
            }
        }
        // The input is a &str and escapes add whole characters, so this is UTF-8.
        String::from_utf8(out).map_err(|_| self.error("invalid UTF-8"))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .s
            .get(self.i..self.i + 4)
            .and_then(|d| std::str::from_utf8(d).ok());
        let value = digits
            .and_then(|d| u32::from_str_radix(d, 16).ok())
            .ok_or_else(|| self.error("invalid \\u escape"))?;
        self.i += 4;
        Ok(value)
    }
}

/// Appends `text` as a JSON string.
pub fn write_str(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(char::from_digit(c as u32 >> 4, 16).unwrap_or('0'));
                out.push(char::from_digit(c as u32 & 15, 16).unwrap_or('0'));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends thousandths as a number from 0 to 1: 457 is `0.457`, 500 is `0.5`, 1000 is `1`.
pub fn write_thousandths(out: &mut String, value: u16) {
    let value = value.min(1000);
    out.push(if value == 1000 { '1' } else { '0' });
    let mut fraction = value % 1000;
    if value < 1000 && fraction > 0 {
        out.push('.');
        let mut divisor = 100;
        while fraction > 0 {
            out.push(char::from(b'0' + (fraction / divisor) as u8));
            fraction %= divisor;
            divisor /= 10;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_json_allows_and_says_where_it_is_wrong() {
        let v = Json::parse(" {\"a\": [1, 2.5, -3e2, true, false, null], \"b\\u00e9\\n\": \"x\\\"\\ud83d\\ude00\"} ").unwrap();
        assert_eq!(v.get("a").unwrap().as_array().unwrap().len(), 6);
        assert_eq!(v.get("bé\n").unwrap().as_str(), Some("x\"😀"));
        assert_eq!(
            Json::parse("hello"),
            Err("expected value at line 1 column 1".into())
        );
        assert_eq!(
            Json::parse("{\"a\": 1,\n \"b\" 2}"),
            Err("expected `:` at line 2 column 6".into())
        );
        assert_eq!(
            Json::parse("[1, 2"),
            Err("expected `,` or `]` at line 1 column 6".into())
        );
        assert_eq!(
            Json::parse("\"abc"),
            Err("unterminated string at line 1 column 5".into())
        );
        assert_eq!(
            Json::parse("{} x"),
            Err("trailing characters at line 1 column 4".into())
        );
        assert_eq!(
            Json::parse(&"[".repeat(100)),
            Err("nested too deeply at line 1 column 65".into())
        );
    }

    #[test]
    fn numbers_and_strings_round_trip() {
        for (text, thousandths) in [
            ("0", 0),
            ("1", 1000),
            ("0.457", 457),
            ("0.4567", 457),
            ("0.4565", 457),
            ("0.9996", 1000),
            ("0.05", 50),
        ] {
            assert_eq!(
                Json::parse(text).unwrap().as_thousandths(),
                Some(thousandths),
                "{text}"
            );
        }
        for value in [0, 1, 5, 50, 457, 999, 1000] {
            let mut out = String::new();
            write_thousandths(&mut out, value);
            assert_eq!(
                Json::parse(&out).unwrap().as_thousandths(),
                Some(value),
                "{out}"
            );
        }
        let mut out = String::new();
        write_str(&mut out, "a\"b\\c\nd\u{1}é");
        assert_eq!(out, "\"a\\\"b\\\\c\\nd\\u0001é\"");
        assert_eq!(
            Json::parse(&out).unwrap().as_str(),
            Some("a\"b\\c\nd\u{1}é")
        );
        assert_eq!(
            Json::parse("1764080000000").unwrap().as_u64(),
            Some(1_764_080_000_000)
        );
        assert_eq!(Json::parse("-1").unwrap().as_u64(), None);
    }

    #[test]
    fn any_number_reads_as_a_whole_number_and_says_if_it_was_exact() {
        for (text, expected) in [
            ("17", (17, true)),
            ("18446744073709551615", (u64::MAX, true)),
            ("18446744073709551616", (u64::MAX, false)),
            ("99999999999999999999999", (u64::MAX, false)),
            ("-5", (0, false)),
            ("-0.5", (0, false)),
            ("2.9", (2, false)),
            ("1.5e12", (1_500_000_000_000, false)),
            ("1.5E+3", (1500, false)),
            ("123e-2", (1, false)),
            ("1e-999999999999", (0, false)),
            ("1e999999999999", (u64::MAX, false)),
            ("0.0000001", (0, false)),
        ] {
            assert_eq!(
                Json::parse(text).unwrap().as_whole(),
                Some(expected),
                "{text}"
            );
        }
        assert_eq!(Json::parse("\"7\"").unwrap().as_whole(), None);
        assert_eq!(
            Json::parse("99999999999999999999.5")
                .unwrap()
                .as_thousandths(),
            Some(1000)
        );
    }
}
