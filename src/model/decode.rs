//! From a JSON tree to the model types, reporting every problem at once with its place:
//! wrong types, missing, unknown and duplicate fields, unknown names.
//!
//! The format is the one `sheet.rs` documents through its serde attributes (which also
//! generate `sheet.schema.json`); `tests/model.rs` round-trips the built-in sheet through
//! serde's serialiser and this decoder to keep the two in step.

use super::json::{Json, Kind, Member};
use super::locate::Path;
use super::sheet::*;
use super::text::number_text;

/// A problem in the shape of the sheet, at a byte offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShapeError {
    pub at: usize,
    pub path: String,
    pub message: String,
    pub hint: String,
}

const HINT_SCHEMA: &str = "Check the field's name and type against sheet.schema.json (editors with JSON Schema support show this while typing).";

/// Decodes a whole sheet, or lists every shape problem found.
pub fn sheet(json: &Json) -> Result<Sheet, Vec<ShapeError>> {
    let mut d = Decoder { errors: Vec::new() };
    match d.sheet(json, &Path::root()) {
        Some(sheet) if d.errors.is_empty() => Ok(sheet),
        _ => Err(d.errors),
    }
}

/// All of the fields, or none: one place drops a partly read object, rather than one early
/// return per field, each with its own drops.
macro_rules! all {
    ($($field:ident),+) => {
        match ($($field),+) {
            ($(Some($field)),+) => Some(($($field),+)),
            _ => None,
        }
    };
}

type Read<T> = fn(&mut Decoder, &Json, &Path) -> Option<T>;

struct Decoder {
    errors: Vec<ShapeError>,
}

/// An object whose field names have been checked.
struct Object<'j> {
    at: usize,
    path: Path,
    members: &'j [Member],
}

impl<'j> Object<'j> {
    fn get(&self, name: &str) -> Option<&'j Json> {
        self.members
            .iter()
            .find(|m| m.key == name)
            .map(|m| &m.value)
    }
}

impl Decoder {
    fn fail<T>(&mut self, at: usize, path: String, message: String, hint: String) -> Option<T> {
        self.errors.push(ShapeError {
            at,
            path,
            message,
            hint,
        });
        None
    }

    fn wrong_type<T>(&mut self, value: &Json, path: &Path, expected: &str) -> Option<T> {
        let found = match &value.kind {
            Kind::String(s) => format!("the string {s:?}"),
            Kind::Number(n) => format!("the number {}", number_text(*n)),
            other => other.noun().to_string(),
        };
        self.fail(
            value.at,
            path.to_string(),
            format!("expected {expected}, found {found}"),
            HINT_SCHEMA.into(),
        )
    }

    /// Checks that `value` is an object with only `fields`, each at most once.
    fn object<'j>(
        &mut self,
        value: &'j Json,
        path: &Path,
        fields: &[&'static str],
    ) -> Option<Object<'j>> {
        let Kind::Object(members) = &value.kind else {
            return self.wrong_type(value, path, "an object");
        };
        for (i, member) in members.iter().enumerate() {
            let key = member.key.as_str();
            if members[..i].iter().any(|m| m.key == key) {
                self.fail::<()>(
                    member.key_at,
                    child(path, key),
                    format!("duplicate field `{key}`"),
                    "Keep one of the two; the file must say each thing once.".into(),
                );
            } else if !fields.contains(&key) {
                let listed: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
                let hint = match closest(key, fields) {
                    Some(near) => format!("Did you mean `{near}`? {HINT_SCHEMA}"),
                    None => HINT_SCHEMA.into(),
                };
                self.fail::<()>(
                    member.key_at,
                    child(path, key),
                    format!(
                        "unknown field `{key}`, expected one of {}",
                        listed.join(", ")
                    ),
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

    fn required<T>(&mut self, object: &Object, name: &'static str, read: Read<T>) -> Option<T> {
        match object.get(name) {
            Some(value) => read(self, value, &object.path.key(name)),
            None => self.fail(
                object.at,
                object.path.to_string(),
                format!("missing field `{name}`"),
                format!("Add `{name}` to this object. {HINT_SCHEMA}"),
            ),
        }
    }

    /// A field that may be left out or be `null`.
    fn optional<T>(
        &mut self,
        object: &Object,
        name: &'static str,
        read: Read<T>,
    ) -> Option<Option<T>> {
        match object.get(name) {
            None
            | Some(Json {
                kind: Kind::Null, ..
            }) => Some(None),
            Some(value) => read(self, value, &object.path.key(name)).map(Some),
        }
    }

    /// A list that may be left out (empty).
    fn listed<T>(&mut self, object: &Object, name: &'static str, read: Read<T>) -> Option<Vec<T>> {
        match object.get(name) {
            None => Some(Vec::new()),
            Some(value) => self.list(value, &object.path.key(name), read),
        }
    }

    fn list<T>(&mut self, value: &Json, path: &Path, read: Read<T>) -> Option<Vec<T>> {
        let Kind::Array(items) = &value.kind else {
            return self.wrong_type(value, path, "a list");
        };
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match read(self, item, &path.index(i)) {
                Some(v) => out.push(v),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn string(&mut self, value: &Json, path: &Path) -> Option<String> {
        match &value.kind {
            Kind::String(s) => Some(s.clone()),
            _ => self.wrong_type(value, path, "a string"),
        }
    }

    fn strings(&mut self, value: &Json, path: &Path) -> Option<Vec<String>> {
        self.list(value, path, Self::string)
    }

    fn number(&mut self, value: &Json, path: &Path) -> Option<f64> {
        match value.kind {
            Kind::Number(n) => Some(n),
            _ => self.wrong_type(value, path, "a number"),
        }
    }

    /// One of a fixed set of names.
    fn name<T: Copy>(&mut self, value: &Json, path: &Path, names: &[(&str, T)]) -> Option<T> {
        let Kind::String(s) = &value.kind else {
            return self.wrong_type(value, path, "a string");
        };
        if let Some((_, v)) = names.iter().find(|(n, _)| n == s) {
            return Some(*v);
        }
        let keys: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
        let listed: Vec<String> = keys.iter().map(|n| format!("`{n}`")).collect();
        let hint = match closest(s, &keys) {
            Some(near) => format!("Did you mean `{near}`?"),
            None => "Use one of the names listed.".into(),
        };
        self.fail(
            value.at,
            path.to_string(),
            format!("unknown value `{s}`, expected one of {}", listed.join(", ")),
            hint,
        )
    }

    fn sheet(&mut self, value: &Json, path: &Path) -> Option<Sheet> {
        let o = self.object(
            value,
            path,
            &[
                "$schema",
                "story",
                "sources",
                "parties",
                "figures",
                "claims",
                "conflicts",
            ],
        )?;
        let schema = self.optional(&o, "$schema", Self::string);
        let story = self.required(&o, "story", Self::story);
        let sources = self.required(&o, "sources", |d, v, p| d.list(v, p, Self::source));
        let parties = self.required(&o, "parties", |d, v, p| d.list(v, p, Self::party));
        let figures = self.listed(&o, "figures", Self::figure);
        let claims = self.listed(&o, "claims", Self::claim);
        let conflicts = self.listed(&o, "conflicts", Self::conflict);
        let (schema, story, sources, parties, figures, claims, conflicts) =
            all!(schema, story, sources, parties, figures, claims, conflicts)?;
        Some(Sheet {
            schema,
            story,
            sources,
            parties,
            figures,
            claims,
            conflicts,
        })
    }

    fn story(&mut self, value: &Json, path: &Path) -> Option<Story> {
        let o = self.object(value, path, &["headline", "summary", "place", "dates"])?;
        let headline = self.required(&o, "headline", Self::string);
        let summary = self.required(&o, "summary", Self::string);
        let place = self.required(&o, "place", Self::string);
        let dates = self.required(&o, "dates", Self::period);
        let (headline, summary, place, dates) = all!(headline, summary, place, dates)?;
        Some(Story {
            headline,
            summary,
            place,
            dates,
        })
    }

    fn period(&mut self, value: &Json, path: &Path) -> Option<Period> {
        let o = self.object(value, path, &["from", "to"])?;
        let from = self.required(&o, "from", Self::string);
        let to = self.required(&o, "to", Self::string);
        let (from, to) = all!(from, to)?;
        Some(Period { from, to })
    }

    fn source(&mut self, value: &Json, path: &Path) -> Option<Source> {
        let o = self.object(
            value,
            path,
            &[
                "id",
                "outlet",
                "short_name",
                "title",
                "dated",
                "url",
                "byline",
                "archive_file",
            ],
        )?;
        let id = self.required(&o, "id", Self::string);
        let outlet = self.required(&o, "outlet", Self::string);
        let short_name = self.optional(&o, "short_name", Self::string);
        let title = self.required(&o, "title", Self::string);
        let dated = self.required(&o, "dated", Self::dated);
        let url = self.optional(&o, "url", Self::string);
        let byline = self.optional(&o, "byline", Self::string);
        let archive_file = self.required(&o, "archive_file", Self::string);
        let (id, outlet, short_name, title, dated, url, byline, archive_file) = all!(
            id,
            outlet,
            short_name,
            title,
            dated,
            url,
            byline,
            archive_file
        )?;
        Some(Source {
            id,
            outlet,
            short_name,
            title,
            dated,
            url,
            byline,
            archive_file,
        })
    }

    /// `{"stated": {…}}` or `{"not_stated": {…}}`: exactly one of the two.
    fn dated(&mut self, value: &Json, path: &Path) -> Option<Dated> {
        let o = self.object(value, path, &["stated", "not_stated"])?;
        if o.members.len() != 1 {
            return self.fail(
                o.at,
                path.to_string(),
                "expected exactly one of `stated` or `not_stated`".into(),
                "A date line is either stated (with `kind`, `as_written` and `at`) or not stated."
                    .into(),
            );
        }
        if o.get("stated").is_some() {
            self.required(&o, "stated", Self::stated_date)
                .map(Dated::Stated)
        } else {
            self.required(&o, "not_stated", |d, v, p| {
                let o = d.object(v, p, &["note"])?;
                let note = d.optional(&o, "note", Self::string)?;
                Some(Dated::NotStated { note })
            })
        }
    }

    fn stated_date(&mut self, value: &Json, path: &Path) -> Option<StatedDate> {
        let o = self.object(value, path, &["kind", "as_written", "at"])?;
        let kind = self.required(&o, "kind", |d, v, p| {
            d.name(
                v,
                p,
                &[
                    ("published", DateKind::Published),
                    ("updated", DateKind::Updated),
                ],
            )
        });
        let as_written = self.required(&o, "as_written", Self::string);
        let at = self.required(&o, "at", Self::string);
        let (kind, as_written, at) = all!(kind, as_written, at)?;
        Some(StatedDate {
            kind,
            as_written,
            at,
        })
    }

    fn party(&mut self, value: &Json, path: &Path) -> Option<Party> {
        let o = self.object(value, path, &["id", "name", "kind", "aliases", "part_of"])?;
        let id = self.required(&o, "id", Self::string);
        let name = self.required(&o, "name", Self::string);
        let kind = self.required(&o, "kind", |d, v, p| {
            d.name(
                v,
                p,
                &[
                    ("government", PartyKind::Government),
                    ("leader", PartyKind::Leader),
                    ("intelligence_agency", PartyKind::IntelligenceAgency),
                    ("lawmaker", PartyKind::Lawmaker),
                    ("news_agency", PartyKind::NewsAgency),
                    ("news_outlet", PartyKind::NewsOutlet),
                    ("military", PartyKind::Military),
                    ("person", PartyKind::Person),
                    ("organisation", PartyKind::Organisation),
                ],
            )
        });
        let aliases = self.listed(&o, "aliases", Self::string);
        let part_of = self.optional(&o, "part_of", Self::string);
        let (id, name, kind, aliases, part_of) = all!(id, name, kind, aliases, part_of)?;
        Some(Party {
            id,
            name,
            kind,
            aliases,
            part_of,
        })
    }

    fn figure(&mut self, value: &Json, path: &Path) -> Option<Figure> {
        let o = self.object(
            value,
            path,
            &[
                "id",
                "label",
                "value",
                "unit",
                "claimants",
                "as_of",
                "citations",
                "status",
            ],
        )?;
        let id = self.required(&o, "id", Self::string);
        let label = self.required(&o, "label", Self::string);
        let figure_value = self.required(&o, "value", Self::value);
        let unit = self.required(&o, "unit", Self::string);
        let claimants = self.required(&o, "claimants", Self::strings);
        let as_of = self.required(&o, "as_of", Self::as_of);
        let citations = self.required(&o, "citations", |d, v, p| d.list(v, p, Self::citation));
        let status = self.required(&o, "status", Self::status);
        let (id, label, figure_value, unit, claimants, as_of, citations, status) = all!(
            id,
            label,
            figure_value,
            unit,
            claimants,
            as_of,
            citations,
            status
        )?;
        Some(Figure {
            id,
            label,
            value: figure_value,
            unit,
            claimants,
            as_of,
            citations,
            status,
        })
    }

    /// The `kind` of an internally tagged object, then the object checked against that kind's
    /// fields.
    fn tagged<'j>(
        &mut self,
        value: &'j Json,
        path: &Path,
        kinds: &[(&'static str, &[&'static str])],
    ) -> Option<(usize, Object<'j>)> {
        let Kind::Object(members) = &value.kind else {
            return self.wrong_type(value, path, "an object");
        };
        let Some(tag) = members.iter().find(|m| m.key == "kind") else {
            return self.fail(
                value.at,
                path.to_string(),
                "missing field `kind`".into(),
                format!("Add `kind` to this object. {HINT_SCHEMA}"),
            );
        };
        let names: Vec<(&str, usize)> = kinds.iter().enumerate().map(|(i, k)| (k.0, i)).collect();
        let which = self.name(&tag.value, &path.key("kind"), &names)?;
        let mut fields = vec!["kind"];
        fields.extend_from_slice(kinds[which].1);
        Some((which, self.object(value, path, &fields)?))
    }

    fn value(&mut self, value: &Json, path: &Path) -> Option<Value> {
        let (which, o) = self.tagged(
            value,
            path,
            &[
                ("exact", &["number", "written"]),
                ("approximate", &["number", "written"]),
                ("range", &["min", "max", "written"]),
                ("vague", &["written", "reading"]),
            ],
        )?;
        let written = self.required(&o, "written", Self::string);
        Some(match which {
            0 | 1 => {
                let number = self.required(&o, "number", Self::number)?;
                let written = written?;
                if which == 0 {
                    Value::Exact { number, written }
                } else {
                    Value::Approximate { number, written }
                }
            }
            2 => {
                let min = self.required(&o, "min", Self::number);
                let max = self.required(&o, "max", Self::number);
                let (min, max, written) = all!(min, max, written)?;
                Value::Range { min, max, written }
            }
            _ => {
                let reading = self.optional(&o, "reading", Self::reading);
                let (written, reading) = all!(written, reading)?;
                Value::Vague { written, reading }
            }
        })
    }

    fn reading(&mut self, value: &Json, path: &Path) -> Option<Reading> {
        let o = self.object(value, path, &["min", "max", "basis"])?;
        let min = self.required(&o, "min", Self::number);
        let max = self.required(&o, "max", Self::number);
        let basis = self.required(&o, "basis", Self::string);
        let (min, max, basis) = all!(min, max, basis)?;
        Some(Reading { min, max, basis })
    }

    fn as_of(&mut self, value: &Json, path: &Path) -> Option<AsOf> {
        let (which, o) = self.tagged(
            value,
            path,
            &[
                ("exact", &["as_written", "date", "basis"]),
                ("approximate", &["as_written", "period", "basis"]),
                (
                    "relative",
                    &["as_written", "resolved", "utc_offset", "basis"],
                ),
                ("not_stated", &[]),
            ],
        )?;
        Some(match which {
            0 => {
                let as_written = self.required(&o, "as_written", Self::string);
                let date = self.required(&o, "date", Self::string);
                let basis = self.optional(&o, "basis", Self::string);
                let (as_written, date, basis) = all!(as_written, date, basis)?;
                AsOf::Exact {
                    as_written,
                    date,
                    basis,
                }
            }
            1 => {
                let as_written = self.required(&o, "as_written", Self::string);
                let period = self.required(&o, "period", Self::string);
                let basis = self.optional(&o, "basis", Self::string);
                let (as_written, period, basis) = all!(as_written, period, basis)?;
                AsOf::Approximate {
                    as_written,
                    period,
                    basis,
                }
            }
            2 => {
                let as_written = self.required(&o, "as_written", Self::string);
                let resolved = self.optional(&o, "resolved", Self::string);
                let utc_offset = self.optional(&o, "utc_offset", Self::string);
                let basis = self.required(&o, "basis", Self::string);
                {
                    let (as_written, resolved, utc_offset, basis) =
                        all!(as_written, resolved, utc_offset, basis)?;
                    AsOf::Relative {
                        as_written,
                        resolved,
                        utc_offset,
                        basis,
                    }
                }
            }
            _ => AsOf::NotStated,
        })
    }

    fn claim(&mut self, value: &Json, path: &Path) -> Option<Claim> {
        let o = self.object(
            value,
            path,
            &[
                "id",
                "kind",
                "summary",
                "claimants",
                "about",
                "silent_parties",
                "citations",
                "status",
            ],
        )?;
        let id = self.required(&o, "id", Self::string);
        let kind = self.required(&o, "kind", |d, v, p| {
            d.name(
                v,
                p,
                &[
                    ("quote", ClaimKind::Quote),
                    ("statement", ClaimKind::Statement),
                    ("reported_order", ClaimKind::ReportedOrder),
                    ("could_not_verify", ClaimKind::CouldNotVerify),
                    ("not_acknowledged", ClaimKind::NotAcknowledged),
                ],
            )
        });
        let summary = self.required(&o, "summary", Self::string);
        let claimants = self.required(&o, "claimants", Self::strings);
        let about = self.listed(&o, "about", Self::string);
        let silent_parties = self.listed(&o, "silent_parties", Self::string);
        let citations = self.required(&o, "citations", |d, v, p| d.list(v, p, Self::citation));
        let status = self.required(&o, "status", Self::status);
        let (id, kind, summary, claimants, about, silent_parties, citations, status) = all!(
            id,
            kind,
            summary,
            claimants,
            about,
            silent_parties,
            citations,
            status
        )?;
        Some(Claim {
            id,
            kind,
            summary,
            claimants,
            about,
            silent_parties,
            citations,
            status,
        })
    }

    fn citation(&mut self, value: &Json, path: &Path) -> Option<Citation> {
        let o = self.object(value, path, &["source", "quote", "via", "qualifier"])?;
        let source = self.required(&o, "source", Self::string);
        let quote = self.required(&o, "quote", Self::string);
        let via = self.optional(&o, "via", Self::string);
        let qualifier = self.optional(&o, "qualifier", Self::string);
        let (source, quote, via, qualifier) = all!(source, quote, via, qualifier)?;
        Some(Citation {
            source,
            quote,
            via,
            qualifier,
        })
    }

    fn conflict(&mut self, value: &Json, path: &Path) -> Option<Conflict> {
        let o = self.object(value, path, &["id", "title", "items", "explanation"])?;
        let id = self.required(&o, "id", Self::string);
        let title = self.required(&o, "title", Self::string);
        let items = self.required(&o, "items", Self::strings);
        let explanation = self.required(&o, "explanation", Self::string);
        let (id, title, items, explanation) = all!(id, title, items, explanation)?;
        Some(Conflict {
            id,
            title,
            items,
            explanation,
        })
    }

    fn status(&mut self, value: &Json, path: &Path) -> Option<Status> {
        let names: Vec<(&str, Status)> = Status::ALL.iter().map(|s| (s.key(), *s)).collect();
        self.name(value, path, &names)
    }
}

/// The path of a member whose key is whatever the file says.
fn child(path: &Path, key: &str) -> String {
    if path.0.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
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
    use crate::model::json::parse;

    fn errors(text: &str) -> Vec<(String, String)> {
        sheet(&parse(text).unwrap())
            .unwrap_err()
            .into_iter()
            .map(|e| (e.path, e.message))
            .collect()
    }

    #[test]
    fn every_shape_problem_is_listed_at_once() {
        let found = errors(r#"{"story": 1, "sources": [], "parties": [{"id": 2}], "extra": true}"#);
        assert_eq!(
            found,
            vec![
                ("extra".into(), "unknown field `extra`, expected one of `$schema`, `story`, `sources`, `parties`, `figures`, `claims`, `conflicts`".into()),
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
