//! A small JSON reader that remembers where every value starts, so that each problem in a
//! facts file can name its line, column and path.
//!
//! Hand-written rather than serde_json because the widget parses `data-src` sheets in the
//! browser: serde_json's generic code, with a path-tracking wrapper for located errors, was
//! about a quarter of the wasm (issue 6). This reader is one non-generic function per kind of
//! value. It is strict JSON (RFC 8259): no comments, no trailing commas, no NaN.

mod scalar;

use crate::path::{Path, Step};
use crate::problem::Problem;

/// A sheet is a few levels deep; deeper nesting is a mistake or an attack, and bounding it
/// bounds the recursion.
pub const MAX_DEPTH: usize = 128;

/// A value and the byte offset where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Json {
    pub at: usize,
    pub kind: Kind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Members in file order, duplicates kept (the decoder reports them with their place).
    Object(Vec<Member>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_at: usize,
    pub value: Json,
}

impl Kind {
    /// What an editor would call this kind of value, for "expected …, found …" messages.
    pub fn noun(&self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool(_) => "true or false",
            Kind::Number(_) => "a number",
            Kind::String(_) => "a string",
            Kind::Array(_) => "a list",
            Kind::Object(_) => "an object",
        }
    }
}

const HINT_SYNTAX: &str =
    "Check for a missing or extra comma, quote, colon or bracket just before this point.";
const HINT_EOF: &str =
    "The file ends too early: it may be cut off, or a bracket or quote is not closed.";

/// Reads one JSON document; only white space may follow it. Why the text is not JSON is a
/// problem at the offending byte (the text's length when it ends too early), with the path of
/// the value being read, e.g. `figures[1].value`.
pub fn parse(text: &str) -> Result<Json, Problem> {
    let mut reader = Reader {
        text,
        at: 0,
        path: Path::root(),
    };
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.at < text.len() {
        return Err(reader.error(
            "more text follows the end of the sheet",
            "The sheet is one object: remove what follows its closing `}`.",
        ));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
    /// Where the reader is, for messages.
    path: Path,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn error_at(&self, at: usize, message: impl Into<String>, hint: &'static str) -> Problem {
        Problem::at(at, self.path.clone(), message.into(), hint.into())
    }

    fn error(&self, message: impl Into<String>, hint: &'static str) -> Problem {
        self.error_at(self.at, message, hint)
    }

    /// At the end of the text: "the file ends inside …"; otherwise `message`.
    fn expected(&self, inside: &str, message: &str) -> Problem {
        if self.at >= self.text.len() {
            self.error(format!("the file ends inside {inside}"), HINT_EOF)
        } else {
            self.error(message, HINT_SYNTAX)
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, Problem> {
        self.skip_space();
        let at = self.at;
        let rest = &self.text[at..];
        let kind = match self.peek() {
            None => return Err(self.error("the file ends where a value should be", HINT_EOF)),
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Kind::String(self.string()?),
            _ if rest.starts_with("true") => self.word(4, Kind::Bool(true)),
            _ if rest.starts_with("false") => self.word(5, Kind::Bool(false)),
            _ if rest.starts_with("null") => self.word(4, Kind::Null),
            _ => {
                if let Some(word) = ["NaN", "Infinity", "-Infinity"]
                    .into_iter()
                    .find(|w| rest.starts_with(w))
                {
                    return Err(self.error(
                        format!("{word} is not a JSON number"),
                        "JSON has no NaN or Infinity: write the number as the source gives it.",
                    ));
                }
                match self.peek() {
                    Some(b'-' | b'0'..=b'9') => self.number()?,
                    _ => return Err(self.error(
                        "expected a value: an object, list, string, number, true, false or null",
                        "Strings need double quotes; check for a stray character or a missing value here.",
                    )),
                }
            }
        };
        Ok(Json { at, kind })
    }

    fn word(&mut self, len: usize, kind: Kind) -> Kind {
        self.at += len;
        kind
    }

    fn enter(&self, depth: usize) -> Result<(), Problem> {
        if depth >= MAX_DEPTH {
            // The full path would run 128 steps deep: the first few say where.
            return Err(Problem::at(
                self.at,
                self.path.shortened(8),
                format!("the JSON is nested more than {MAX_DEPTH} levels deep"),
                "A sheet is a few levels deep: remove the nested value, or close the brackets opened here."
                    .into(),
            ));
        }
        Ok(())
    }

    fn object(&mut self, depth: usize) -> Result<Kind, Problem> {
        let mut members = Vec::new();
        if self.open(depth, b'}')? {
            return Ok(Kind::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.expected(
                    "an object: a `}` is missing",
                    "expected a key in double quotes",
                ));
            }
            let key_at = self.at;
            let key = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(
                    self.expected("an object: a `}` is missing", "expected `:` after the key")
                );
            }
            self.at += 1;
            self.path.0.push(Step::Key(key.clone().into()));
            let value = self.value(depth + 1)?;
            self.path.0.pop();
            members.push(Member { key, key_at, value });
            let inside = "an object: a `}` is missing";
            if self.closed(b'}', inside, "expected `,` or `}` after the value")? {
                return Ok(Kind::Object(members));
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Kind, Problem> {
        let mut items = Vec::new();
        if self.open(depth, b']')? {
            return Ok(Kind::Array(items));
        }
        loop {
            self.path.0.push(Step::Index(items.len()));
            let item = self.value(depth + 1)?;
            self.path.0.pop();
            items.push(item);
            let inside = "a list: a `]` is missing";
            if self.closed(b']', inside, "expected `,` or `]` after the value")? {
                return Ok(Kind::Array(items));
            }
        }
    }

    /// Steps into an object or list; `true` when it is empty (and stepped over).
    fn open(&mut self, depth: usize, close: u8) -> Result<bool, Problem> {
        self.enter(depth)?;
        self.at += 1;
        self.skip_space();
        let empty = self.peek() == Some(close);
        if empty {
            self.at += 1;
        }
        Ok(empty)
    }

    /// After a member or item: `true` at the closing bracket (stepped over), `false` after a
    /// comma.
    fn closed(&mut self, close: u8, inside: &str, message: &str) -> Result<bool, Problem> {
        self.skip_space();
        match self.peek() {
            Some(b) if b == close => {
                self.at += 1;
                Ok(true)
            }
            Some(b',') => self.comma(close).map(|()| false),
            _ => Err(self.expected(inside, message)),
        }
    }

    /// Steps over a comma; one right before the closing bracket is an error at the comma.
    fn comma(&mut self, close: u8) -> Result<(), Problem> {
        let comma_at = self.at;
        self.at += 1;
        self.skip_space();
        if self.peek() == Some(close) {
            return Err(self.error_at(
                comma_at,
                "trailing comma: JSON allows no comma before a closing bracket",
                "Remove this comma.",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> Problem {
        parse(text).unwrap_err()
    }

    #[test]
    fn reads_values_with_their_offsets() {
        let json = parse("{\"a\": [1, -2.5e1, \"x\\u00e9\\ud83d\\ude00\"], \"b\": null}").unwrap();
        let Kind::Object(members) = &json.kind else {
            panic!("not an object")
        };
        assert_eq!(members[0].key, "a");
        assert_eq!(members[0].key_at, 1);
        let Kind::Array(items) = &members[0].value.kind else {
            panic!("not a list")
        };
        assert_eq!(
            items[0],
            Json {
                at: 7,
                kind: Kind::Number(1.0)
            }
        );
        assert_eq!(items[1].kind, Kind::Number(-25.0));
        assert_eq!(items[2].kind, Kind::String("x\u{e9}\u{1f600}".into()));
        assert_eq!(members[1].value.kind, Kind::Null);
    }

    #[test]
    fn a_trailing_comma_is_reported_at_the_comma_with_its_path() {
        let e = err("{\"a\": {\"b\": [1, 2,\n]}}");
        assert_eq!((e.at, e.path.to_string().as_str()), (Some(17), "a.b"));
        assert!(e.message.starts_with("trailing comma"), "{}", e.message);
    }

    #[test]
    fn malformed_numbers_and_words_are_rejected() {
        assert_eq!(err("[01]").message, "01 is not a JSON number");
        assert_eq!(err("[1.]").message, "1. is not a JSON number");
        assert_eq!(err("[NaN]").message, "NaN is not a JSON number");
        assert_eq!(err("[-Infinity]").message, "-Infinity is not a JSON number");
        assert!(err("[1e999]").message.starts_with("number out of range"));
        assert!(err("[tru]").message.starts_with("expected a value"));
        assert!(err("{\"a\": 1} x").message.starts_with("more text follows"));
    }

    #[test]
    fn bad_strings_are_rejected() {
        assert!(err("[\"a\u{1}\"]")
            .message
            .contains("control character (U+0001)"));
        assert!(err("[\"\\x\"]").message.contains("unknown escape"));
        assert!(err("[\"\\ud800\"]").message.contains("lone surrogate"));
        assert!(err("[\"\\u12\"]")
            .message
            .contains("four hexadecimal digits"));
        assert_eq!(err("{\"a\": \"open").at, Some(6));
    }

    #[test]
    fn the_end_of_the_file_says_what_is_missing() {
        assert_eq!(
            err("{\"a\": [1").message,
            "the file ends inside a list: a `]` is missing"
        );
        assert_eq!(
            err("{\"a\": 1").message,
            "the file ends inside an object: a `}` is missing"
        );
        assert_eq!(err("").message, "the file ends where a value should be");
    }

    #[test]
    fn nesting_is_bounded_without_deep_recursion() {
        let deep = "[".repeat(10_000);
        let e = err(&deep);
        assert!(e.message.contains("nested more than 128"), "{}", e.message);
        assert_eq!(e.at, Some(MAX_DEPTH));
        assert_eq!(e.path, "[0][0][0][0][0][0][0][0]\u{2026}");
    }
}
