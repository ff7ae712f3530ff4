//! Paths into a sheet (`figures[3].citations[0].quote`): the one way the reader, the decoder
//! and the validator name a place, and the one way it is printed. A path is placed in the
//! file by walking the parsed tree, whose values remember their byte offsets.

use std::borrow::Cow;
use std::fmt;

use crate::json::{Json, Kind};

/// One step of a path into a sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A member: a field name of the format, or whatever key the file has.
    Key(Cow<'static, str>),
    Index(usize),
    /// Steps left out of a path too deep to print whole.
    Elided,
}

/// A path such as `figures[3].citations[0].quote`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(pub Vec<Step>);

impl Path {
    pub fn root() -> Path {
        Path(Vec::new())
    }

    pub fn key(&self, key: impl Into<Cow<'static, str>>) -> Path {
        self.then(Step::Key(key.into()))
    }

    pub fn index(&self, index: usize) -> Path {
        self.then(Step::Index(index))
    }

    fn then(&self, step: Step) -> Path {
        let mut steps = Vec::with_capacity(self.0.len() + 1);
        steps.extend_from_slice(&self.0);
        steps.push(step);
        Path(steps)
    }

    /// The first `steps` steps, marked as cut short when there were more.
    pub fn shortened(&self, steps: usize) -> Path {
        let mut short = Path(self.0.iter().take(steps).cloned().collect());
        if self.0.len() > steps {
            short.0.push(Step::Elided);
        }
        short
    }

    /// The byte offset of the value at this path in `tree`, or of the deepest value on the
    /// way to it that the tree has (a missing field is placed at its object).
    pub fn offset_in(&self, tree: &Json) -> usize {
        let mut node = tree;
        for step in &self.0 {
            let next = match (step, &node.kind) {
                (Step::Key(key), Kind::Object(members)) => {
                    members.iter().find(|m| m.key == *key).map(|m| &m.value)
                }
                (Step::Index(i), Kind::Array(items)) => items.get(*i),
                _ => None,
            };
            match next {
                Some(child) => node = child,
                None => break,
            }
        }
        node.at
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
                Step::Elided => f.write_str("\u{2026}")?,
            }
        }
        Ok(())
    }
}

/// Paths compare with their printed form, as messages and tests write them.
impl PartialEq<str> for Path {
    fn eq(&self, other: &str) -> bool {
        /// What is left of `other` as the path prints itself against it.
        struct Rest<'a>(&'a str);
        impl fmt::Write for Rest<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.0 = self.0.strip_prefix(s).ok_or(fmt::Error)?;
                Ok(())
            }
        }
        let mut rest = Rest(other);
        fmt::write(&mut rest, format_args!("{self}")).is_ok() && rest.0.is_empty()
    }
}

impl PartialEq<&str> for Path {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shortened_path_says_so() {
        let path = Path::root().index(0).index(0).index(0);
        assert_eq!(path.shortened(2).to_string(), "[0][0]\u{2026}");
        assert_eq!(path.shortened(3), "[0][0][0]");
    }
}
