//! What is wrong with a sheet, and where: a [`Problem`] names its place by path (and by byte
//! offset where the tree has no value for it: a syntax error, a misspelt key); a
//! [`Diagnostic`] is a problem placed at a line and column of a file, ready to print.

use std::fmt;

use crate::json::Json;
use crate::path::Path;

/// One thing wrong with a sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: Path,
    /// Byte offset of the problem when the path alone does not place it; otherwise the
    /// value at `path` in the parsed tree is the place.
    pub at: Option<usize>,
    pub message: String,
    pub hint: String,
}

impl Problem {
    pub fn new(path: Path, message: String, hint: String) -> Problem {
        Problem {
            path,
            at: None,
            message,
            hint,
        }
    }

    pub fn at(offset: usize, path: Path, message: String, hint: String) -> Problem {
        Problem {
            at: Some(offset),
            ..Problem::new(path, message, hint)
        }
    }

    /// Places the problem in `bytes`, the file's text, using `tree` (when it parsed) for
    /// problems named by path alone; without a tree they go to the file's start.
    pub fn placed(self, file: &str, bytes: &[u8], tree: Option<&Json>) -> Diagnostic {
        let offset = self
            .at
            .or_else(|| tree.map(|t| self.path.offset_in(t)))
            .unwrap_or(0);
        let at = position_of(bytes, offset);
        Diagnostic {
            file: file.into(),
            line: at.line,
            column: at.column,
            path: self.path.to_string(),
            message: self.message,
            hint: self.hint,
        }
    }
}

/// A problem placed in a file, ready to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The problem's [`Path`] as printed, e.g. `figures[3].citations[0].quote`.
    pub path: String,
    pub message: String,
    pub hint: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}\n    hint: {}",
            self.file, self.line, self.column, self.path, self.message, self.hint
        )
    }
}

/// 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The line and column of a byte offset (the end of the text counts as a place too). Bytes
/// that are not UTF-8 count as one character each, so the place of an encoding error can be
/// named too.
pub fn position_of(bytes: &[u8], offset: usize) -> Position {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    Position { line, column }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn place(json: &str, path: Path) -> Position {
        let tree = parse(json).unwrap();
        position_of(json.as_bytes(), path.offset_in(&tree))
    }

    #[test]
    fn finds_nested_values_by_path() {
        let json = "{\n  \"a\": [\n    {\"b\": 1},\n    {\"b\": \"x\"}\n  ]\n}";
        let path = Path::root().key("a").index(1).key("b");
        assert_eq!(path.to_string(), "a[1].b");
        assert_eq!(
            place(json, path),
            Position {
                line: 4,
                column: 11
            }
        );
    }

    #[test]
    fn a_missing_key_points_at_its_parent() {
        let json = "{\"a\": {\"c\": 1}}";
        let path = Path::root().key("a").key("b");
        assert_eq!(place(json, path), Position { line: 1, column: 7 });
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(
            position_of("{\"é\": x".as_bytes(), 7),
            Position { line: 1, column: 7 }
        );
    }
}
