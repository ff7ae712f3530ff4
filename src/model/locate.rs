//! Finds where a JSON path sits in the text of a facts file, so that every problem can name a
//! line and column an editor can jump to.

use std::fmt;

/// One step of a path into a sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Key(&'static str),
    Index(usize),
}

/// A path such as `figures[3].citations[0].quote`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(pub Vec<Step>);

impl Path {
    pub fn root() -> Path {
        Path(Vec::new())
    }

    pub fn key(&self, key: &'static str) -> Path {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key));
        Path(steps)
    }

    pub fn index(&self, index: usize) -> Path {
        let mut steps = self.0.clone();
        steps.push(Step::Index(index));
        Path(steps)
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(top level)");
        }
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(k) if i == 0 => f.write_str(k)?,
                Step::Key(k) => write!(f, ".{k}")?,
                Step::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Where the value at `path` starts in `json`, or the nearest enclosing value that exists.
pub fn locate(json: &str, path: &Path) -> Option<Position> {
    let mut scanner = Scanner {
        bytes: json.as_bytes(),
        at: 0,
    };
    let mut best = None;
    scanner.value(&path.0, Some(0), 0, &mut best);
    best.map(|offset| position_of(json, offset))
}

/// The line and column of a byte offset (the end of the text counts as a place too).
pub fn position_of(json: &str, offset: usize) -> Position {
    let offset = offset.min(json.len());
    let before = &json[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = json[line_start..offset].chars().count() + 1;
    Position { line, column }
}

/// A forgiving walk over JSON text. It only needs to find offsets in text that [`super::json`] has
/// already accepted, so it gives up quietly on anything odd.
struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

const MAX_DEPTH: usize = 256;

impl<'a> Scanner<'a> {
    fn skip_space(&mut self) {
        while self.at < self.bytes.len() && self.bytes[self.at].is_ascii_whitespace() {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Walks one value at nesting `depth`. `matched` is how many steps of `target` lead here,
    /// or `None` off the path. Records the offset of the deepest value on the path in `best`.
    fn value(
        &mut self,
        target: &[Step],
        matched: Option<usize>,
        depth: usize,
        best: &mut Option<usize>,
    ) -> Option<()> {
        self.skip_space();
        if matched.is_some() {
            *best = Some(self.at);
        }
        if depth > MAX_DEPTH {
            return None;
        }
        let next = matched.and_then(|m| target.get(m));
        let deeper = |hit: bool| if hit { matched.map(|m| m + 1) } else { None };
        match self.peek()? {
            b'{' => {
                self.at += 1;
                loop {
                    self.skip_space();
                    match self.peek()? {
                        b'}' => {
                            self.at += 1;
                            return Some(());
                        }
                        b',' => self.at += 1,
                        b'"' => {
                            let key = self.string()?;
                            self.skip_space();
                            if self.peek()? != b':' {
                                return None;
                            }
                            self.at += 1;
                            let hit = matches!(next, Some(Step::Key(k)) if *k == key);
                            self.value(target, deeper(hit), depth + 1, best)?;
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.at += 1;
                let mut index = 0;
                loop {
                    self.skip_space();
                    match self.peek()? {
                        b']' => {
                            self.at += 1;
                            return Some(());
                        }
                        b',' => {
                            self.at += 1;
                            index += 1;
                        }
                        _ => {
                            let hit = matches!(next, Some(Step::Index(n)) if *n == index);
                            self.value(target, deeper(hit), depth + 1, best)?;
                        }
                    }
                }
            }
            b'"' => self.string().map(|_| ()),
            _ => {
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']') || b.is_ascii_whitespace() {
                        break;
                    }
                    self.at += 1;
                }
                Some(())
            }
        }
    }

    /// Reads a string literal; escapes are kept raw, which is enough to compare plain keys.
    fn string(&mut self) -> Option<&'a str> {
        self.at += 1;
        let start = self.at;
        while let Some(b) = self.peek() {
            match b {
                b'\\' => self.at += 2,
                b'"' => {
                    let bytes: &'a [u8] = self.bytes;
                    let text = std::str::from_utf8(&bytes[start..self.at]).ok()?;
                    self.at += 1;
                    return Some(text);
                }
                _ => self.at += 1,
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_by_path() {
        let json = "{\n  \"a\": [\n    {\"b\": 1},\n    {\"b\": \"x\"}\n  ]\n}";
        let path = Path::root().key("a").index(1).key("b");
        assert_eq!(path.to_string(), "a[1].b");
        assert_eq!(
            locate(json, &path),
            Some(Position {
                line: 4,
                column: 11
            })
        );
    }

    #[test]
    fn a_missing_key_points_at_its_parent() {
        let json = "{\"a\": {\"c\": 1}}";
        let path = Path::root().key("a").key("b");
        assert_eq!(locate(json, &path), Some(Position { line: 1, column: 7 }));
    }
}
