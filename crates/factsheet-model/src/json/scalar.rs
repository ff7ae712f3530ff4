//! Strings, escapes and numbers: the values that are read character by character.

use super::{Kind, Problem, Reader, HINT_EOF};

impl Reader<'_> {
    pub(super) fn string(&mut self) -> Result<String, Problem> {
        let open = self.at;
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // Only ASCII bytes stop the loop, so both ends are character boundaries.
            out.push_str(&self.text[start..self.at]);
            match self.peek() {
                None => {
                    return Err(self.error_at(
                        open,
                        "the file ends inside this string: its closing quote is missing",
                        HINT_EOF,
                    ))
                }
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => out.push(self.escape()?),
                Some(b) => {
                    return Err(self.error(
                        format!("a control character (U+{b:04X}) inside a string"),
                        "Write a line break as \\n and a tab as \\t; other control characters do not belong in a sheet.",
                    ))
                }
            }
        }
    }

    /// Reads an escape after its backslash; `\u` pairs of surrogates make one character.
    fn escape(&mut self) -> Result<char, Problem> {
        let start = self.at;
        self.at += 1;
        let simple = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                let high = self.hex4(start)?;
                let code = if (0xD800..0xDC00).contains(&high) {
                    if !self.text[self.at..].starts_with("\\u") {
                        return Err(self.lone_surrogate(start));
                    }
                    self.at += 2;
                    let low = self.hex4(start)?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(self.lone_surrogate(start));
                    }
                    0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    high
                };
                return char::from_u32(code).ok_or_else(|| self.lone_surrogate(start));
            }
            _ => {
                return Err(self.error_at(
                    start,
                    "an unknown escape in a string",
                    "JSON escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \\\\.",
                ))
            }
        };
        self.at += 1;
        Ok(simple)
    }

    fn hex4(&mut self, escape_at: usize) -> Result<u32, Problem> {
        let digits = self.text.get(self.at..self.at + 4).unwrap_or("");
        match u32::from_str_radix(digits, 16) {
            Ok(code) if digits.bytes().all(|b| b.is_ascii_hexdigit()) => {
                self.at += 4;
                Ok(code)
            }
            _ => Err(self.error_at(
                escape_at,
                "a \\u escape needs four hexadecimal digits",
                "Write the character itself, or \\u followed by four digits 0-9, a-f.",
            )),
        }
    }

    fn lone_surrogate(&self, escape_at: usize) -> Problem {
        self.error_at(
            escape_at,
            "a \\u escape names half of a character (a lone surrogate)",
            "Write the character itself rather than its UTF-16 halves.",
        )
    }

    pub(super) fn number(&mut self) -> Result<Kind, Problem> {
        let start = self.at;
        let digits = |reader: &mut Self| {
            let from = reader.at;
            while matches!(reader.peek(), Some(b'0'..=b'9')) {
                reader.at += 1;
            }
            reader.at - from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let int_at = self.at;
        let int_digits = digits(self);
        let mut valid = int_digits > 0 && !(int_digits > 1 && self.text.as_bytes()[int_at] == b'0');
        if self.peek() == Some(b'.') {
            self.at += 1;
            valid &= digits(self) > 0;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            valid &= digits(self) > 0;
        }
        let written = &self.text[start..self.at];
        if !valid {
            return Err(self.error_at(
                start,
                format!("{written} is not a JSON number"),
                "JSON numbers are written like 12, -3.5 or 1e6: no leading zeros, no + sign, digits after a point.",
            ));
        }
        match written.parse::<f64>() {
            Ok(number) if number.is_finite() => Ok(Kind::Number(number)),
            _ => Err(self.error_at(
                start,
                "number out of range: it is too large for a JSON number",
                "Check the exponent or the digits.",
            )),
        }
    }
}
