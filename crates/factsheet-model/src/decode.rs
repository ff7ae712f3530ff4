//! From a JSON tree to the model types, reporting every problem at once with its place:
//! wrong types, missing, unknown and duplicate fields, unknown names.
//!
//! What each type looks like in the file is not written here: [`crate::describe::described!`]
//! derives every type's [`Decode`] from its declaration in `sheet.rs`, with the pieces below.
//! `tests/model.rs` round-trips a sheet using every variant and optional field through
//! serde's serialiser and this decoder to keep the two in step.

use crate::json::{Json, Kind, Member};
use crate::path::Path;
use crate::problem::Problem;
use crate::sheet::Sheet;
use crate::text::{number_text, NumberText};

const HINT_SCHEMA: &str = "Check the field's name and type against sheet.schema.json (editors with JSON Schema support show this while typing).";

/// Decodes a whole sheet, or lists every shape problem found.
pub fn sheet(json: &Json, numbers: &dyn NumberText) -> Result<Sheet, Vec<Problem>> {
    let mut d = Decoder {
        numbers,
        problems: Vec::new(),
    };
    match Sheet::decode(&mut d, json, &Path::root()) {
        Some(sheet) if d.problems.is_empty() => Ok(sheet),
        _ => Err(d.problems),
    }
}

/// A type that can be read from a JSON value. `None` means a problem was recorded.
pub trait Decode: Sized {
    fn decode(d: &mut Decoder, value: &Json, path: &Path) -> Option<Self>;
}

/// Collects problems while values are read.
pub struct Decoder<'n> {
    numbers: &'n dyn NumberText,
    problems: Vec<Problem>,
}

/// An object whose field names have been checked.
pub struct Object<'j> {
    at: usize,
    path: Path,
    members: &'j [Member],
}

impl<'j> Object<'j> {
    pub fn get(&self, name: &str) -> Option<&'j Json> {
        self.members
            .iter()
            .find(|m| m.key == name)
            .map(|m| &m.value)
    }
}

impl Decoder<'_> {
    fn fail<T>(&mut self, at: usize, path: Path, message: String, hint: String) -> Option<T> {
        self.problems.push(Problem::at(at, path, message, hint));
        None
    }

    fn wrong_type<T>(&mut self, value: &Json, path: &Path, expected: &str) -> Option<T> {
        let found = match &value.kind {
            Kind::String(s) => format!("the string {s:?}"),
            Kind::Number(n) => format!("the number {}", number_text(*n, self.numbers)),
            other => other.noun().to_string(),
        };
        self.fail(
            value.at,
            path.clone(),
            format!("expected {expected}, found {found}"),
            HINT_SCHEMA.into(),
        )
    }

    fn missing<T>(&mut self, at: usize, path: &Path, name: &str) -> Option<T> {
        self.fail(
            at,
            path.clone(),
            format!("missing field `{name}`"),
            format!("Add `{name}` to this object. {HINT_SCHEMA}"),
        )
    }

    /// Checks that `value` is an object with only `fields`, each at most once.
    pub fn object<'j>(
        &mut self,
        value: &'j Json,
        path: &Path,
        fields: &[&str],
    ) -> Option<Object<'j>> {
        let Kind::Object(members) = &value.kind else {
            return self.wrong_type(value, path, "an object");
        };
        for (i, member) in members.iter().enumerate() {
            let key = member.key.as_str();
            if members[..i].iter().any(|m| m.key == key) {
                self.fail::<()>(
                    member.key_at,
                    path.key(key.to_string()),
                    format!("duplicate field `{key}`"),
                    "Keep one of the two; the file must say each thing once.".into(),
                );
            } else if !fields.contains(&key) {
                let hint = match closest(key, fields) {
                    Some(near) => format!("Did you mean `{near}`? {HINT_SCHEMA}"),
                    None => HINT_SCHEMA.into(),
                };
                self.fail::<()>(
                    member.key_at,
                    path.key(key.to_string()),
                    format!("unknown field `{key}`, expected one of {}", listed(fields)),
                    hint,
                );
            }
        }
        // Unknown and duplicate fields are recorded; the known ones are still read, so that
        // one misspelt key does not hide the problems next to it.
        Some(Object {
            at: value.at,
            path: path.clone(),
            members,
        })
    }

    /// The value of field `name`, reported missing when it is not there.
    fn present<'j>(&mut self, object: &Object<'j>, name: &'static str) -> Option<(&'j Json, Path)> {
        match object.get(name) {
            Some(value) => Some((value, object.path.key(name))),
            None => self.missing(object.at, &object.path, name),
        }
    }

    /// A field that must be there, read with `read`.
    pub fn required_with<T>(
        &mut self,
        object: &Object,
        name: &'static str,
        read: impl FnOnce(&mut Self, &Json, &Path) -> Option<T>,
    ) -> Option<T> {
        let (value, path) = self.present(object, name)?;
        read(self, value, &path)
    }

    pub fn required<T: Decode>(&mut self, object: &Object, name: &'static str) -> Option<T> {
        let (value, path) = self.present(object, name)?;
        T::decode(self, value, &path)
    }

    /// A field that may be left out: then it is empty (`None`, no items).
    pub fn defaulted<T: Decode + Default>(
        &mut self,
        object: &Object,
        name: &'static str,
    ) -> Option<T> {
        match object.get(name) {
            Some(value) => T::decode(self, value, &object.path.key(name)),
            None => Some(T::default()),
        }
    }

    /// One of a fixed set of names.
    pub fn name<T: Copy>(&mut self, value: &Json, path: &Path, names: &[(&str, T)]) -> Option<T> {
        let Kind::String(s) = &value.kind else {
            return self.wrong_type(value, path, "a string");
        };
        match names.iter().find(|(n, _)| n == s) {
            Some((_, v)) => Some(*v),
            None => {
                let keys: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
                self.unknown_name(value.at, path, s, &keys)
            }
        }
    }

    fn unknown_name<T>(
        &mut self,
        at: usize,
        path: &Path,
        typed: &str,
        names: &[&str],
    ) -> Option<T> {
        let hint = match closest(typed, names) {
            Some(near) => format!("Did you mean `{near}`?"),
            None => "Use one of the names listed.".into(),
        };
        self.fail(
            at,
            path.clone(),
            format!("unknown value `{typed}`, expected one of {}", listed(names)),
            hint,
        )
    }

    /// The `tag` of an internally tagged object (one of `kinds`), then the object checked
    /// against that kind's fields.
    pub fn tagged<'j>(
        &mut self,
        value: &'j Json,
        path: &Path,
        tag: &'static str,
        kinds: &[(&str, &'static [&'static str])],
    ) -> Option<(&'j str, Object<'j>)> {
        let Kind::Object(members) = &value.kind else {
            return self.wrong_type(value, path, "an object");
        };
        let Some(found) = members.iter().find(|m| m.key == tag) else {
            return self.missing(value.at, path, tag);
        };
        let fields = self.name(&found.value, &path.key(tag), kinds)?;
        let Kind::String(kind) = &found.value.kind else {
            return None;
        };
        let mut all = vec![tag];
        all.extend_from_slice(fields);
        Some((kind, self.object(value, path, &all)?))
    }

    /// An object with exactly one of `names` as its key, naming a variant.
    pub fn one_key<'j>(
        &mut self,
        value: &'j Json,
        path: &Path,
        names: &[&str],
        hint: &str,
    ) -> Option<Object<'j>> {
        let o = self.object(value, path, names)?;
        if o.members.len() != 1 {
            let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            return self.fail(
                o.at,
                path.clone(),
                format!("expected exactly one of {}", quoted.join(" or ")),
                hint.into(),
            );
        }
        Some(o)
    }
}

impl Decode for String {
    fn decode(d: &mut Decoder, value: &Json, path: &Path) -> Option<Self> {
        match &value.kind {
            Kind::String(s) => Some(s.clone()),
            _ => d.wrong_type(value, path, "a string"),
        }
    }
}

impl Decode for f64 {
    fn decode(d: &mut Decoder, value: &Json, path: &Path) -> Option<Self> {
        match value.kind {
            Kind::Number(n) => Some(n),
            _ => d.wrong_type(value, path, "a number"),
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(d: &mut Decoder, value: &Json, path: &Path) -> Option<Self> {
        let Kind::Array(items) = &value.kind else {
            return d.wrong_type(value, path, "a list");
        };
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match T::decode(d, item, &path.index(i)) {
                Some(v) => out.push(v),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }
}

/// `null` is the same as leaving the field out.
impl<T: Decode> Decode for Option<T> {
    fn decode(d: &mut Decoder, value: &Json, path: &Path) -> Option<Self> {
        match value.kind {
            Kind::Null => Some(None),
            _ => T::decode(d, value, path).map(Some),
        }
    }
}

/// "`a`, `b`, `c`", for messages that list what is allowed.
fn listed(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    quoted.join(", ")
}

/// The allowed name nearest to a misspelt one, if it is close enough to be a typo.
fn closest<'a>(typed: &str, names: &[&'a str]) -> Option<&'a str> {
    names
        .iter()
        .map(|name| (edit_distance(typed, name), *name))
        .filter(|(distance, name)| *distance <= 2.min(name.len() / 2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

/// Levenshtein distance over characters, with one row of memory.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;
    use crate::text::RustNumberText;

    fn errors(text: &str) -> Vec<(String, String)> {
        sheet(&parse(text).unwrap(), &RustNumberText)
            .unwrap_err()
            .into_iter()
            .map(|e| (e.path.to_string(), e.message))
            .collect()
    }

    #[test]
    fn every_shape_problem_is_listed_at_once() {
        let found = errors(r#"{"story": 1, "sources": [], "parties": [{"id": 2}], "extra": true}"#);
        assert_eq!(
            found,
            vec![
                ("extra".into(), "unknown field `extra`, expected one of `$schema`, `story`, `sources`, `parties`, `figures`, `claims`, `conflicts`, `credits`".into()),
                ("story".into(), "expected an object, found the number 1".into()),
                ("parties[0].id".into(), "expected a string, found the number 2".into()),
                ("parties[0]".into(), "missing field `name`".into()),
                ("parties[0]".into(), "missing field `kind`".into()),
            ]
        );
    }

    #[test]
    fn typos_get_a_suggestion() {
        assert_eq!(closest("units", &["id", "unit", "label"]), Some("unit"));
        assert_eq!(closest("confirmed", &["contested", "corroborated"]), None);
        assert_eq!(
            closest("single-origin", &["single_origin"]),
            Some("single_origin")
        );
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
