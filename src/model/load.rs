//! From bytes to a checked sheet, with every problem located in the file: the one entry point
//! for build time (`xtask`) and run time (sheets loaded by URL).

use std::fmt;

use serde_json::error::Category;

use super::date::Moment;
use super::locate::{locate, Path};
use super::sheet::Sheet;
use super::validate::{check, Problem};

/// Sheets are hand-written pages of facts; anything larger is a mistake or an attack.
pub const MAX_BYTES: usize = 1 << 20;

/// A problem placed in a file, ready to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// JSON path, e.g. `figures[3].citations[0].quote`.
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

fn whole_file(file: &str, message: String, hint: &str) -> Vec<Diagnostic> {
    vec![Diagnostic {
        file: file.into(),
        line: 1,
        column: 1,
        path: Path::root().to_string(),
        message,
        hint: hint.into(),
    }]
}

/// Parses a sheet. On failure, says where and why in terms an editor can act on.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Sheet, Vec<Diagnostic>> {
    if bytes.len() > MAX_BYTES {
        return Err(whole_file(
            file,
            format!(
                "the file is {} bytes; a sheet may be at most {MAX_BYTES}",
                bytes.len()
            ),
            "Check that this is the facts file and not something else; split very large stories.",
        ));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(whole_file(
            file,
            "the file starts with a byte-order mark".into(),
            "Save the file as UTF-8 without BOM.",
        ));
    }
    let json = match std::str::from_utf8(bytes) {
        Ok(json) => json,
        Err(e) => {
            let before = &bytes[..e.valid_up_to()];
            let line = before.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&before[line_start..])
                .chars()
                .count()
                + 1;
            return Err(vec![Diagnostic {
                file: file.into(),
                line,
                column,
                path: Path::root().to_string(),
                message: "the file is not valid UTF-8 here".into(),
                hint: "Save the file as UTF-8; the byte here comes from another encoding.".into(),
            }]);
        }
    };
    let mut de = serde_json::Deserializer::from_str(json);
    let sheet: Sheet = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| vec![json_error(file, json, e.path().to_string(), e.inner())])?;
    de.end()
        .map_err(|e| vec![json_error(file, json, Path::root().to_string(), &e)])?;
    Ok(sheet)
}

/// The words JavaScript writes for numbers JSON cannot hold, when one starts at the error.
fn non_finite_at(json: &str, line: usize, column: usize) -> Option<&'static str> {
    let rest = json
        .split('\n')
        .nth(line.checked_sub(1)?)?
        .get(column.checked_sub(1)?..)?;
    ["NaN", "Infinity", "-Infinity"]
        .into_iter()
        .find(|word| rest.starts_with(word))
}

fn json_error(file: &str, json: &str, path: String, error: &serde_json::Error) -> Diagnostic {
    let non_finite = match error.classify() {
        Category::Syntax => non_finite_at(json, error.line(), error.column()),
        _ => None,
    };
    if let Some(word) = non_finite {
        return Diagnostic {
            file: file.into(),
            line: error.line().max(1),
            column: error.column().max(1),
            path: readable_path(&path),
            message: format!("{word} is not a JSON number"),
            hint: "JSON has no NaN or Infinity: write the number as the source gives it.".into(),
        };
    }
    if error.to_string().starts_with("recursion limit exceeded") {
        // serde's path then runs 128 steps deep: the first few say where.
        return Diagnostic {
            file: file.into(),
            line: error.line().max(1),
            column: error.column().max(1),
            path: shorten(&readable_path(&path), 8),
            message: "recursion limit exceeded: the JSON is nested more than 128 levels deep"
                .into(),
            hint: "A sheet is a few levels deep: remove the nested value, or close the brackets opened here.".into(),
        };
    }
    let out_of_range = error.to_string().starts_with("number out of range");
    let hint = match error.classify() {
        Category::Syntax if out_of_range => "The number is too large for JSON to hold: check the exponent or the digits.",
        Category::Eof => "The file ends too early: it may be cut off, or a bracket or quote is not closed.",
        Category::Syntax => "Check for a missing or extra comma, quote, colon or bracket just before this point.",
        Category::Data => "Check the field's name and type against sheet.schema.json (editors with JSON Schema support show this while typing).",
        Category::Io => "The file could not be read.",
    };
    // serde_json's message ends with " at line L column C"; the location is given apart.
    let message = error.to_string();
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_string();
    Diagnostic {
        file: file.into(),
        line: error.line().max(1),
        column: error.column().max(1),
        path: readable_path(&path),
        message,
        hint: hint.into(),
    }
}

/// The first `steps` steps of a path (keys and indices), then "…" if there were more.
fn shorten(path: &str, steps: usize) -> String {
    let mut seen = 0;
    for (i, ch) in path.char_indices() {
        if i > 0 && (ch == '.' || ch == '[') {
            seen += 1;
            if seen == steps {
                return format!("{}…", &path[..i]);
            }
        }
    }
    path.to_string()
}

/// serde's path with the steps it could not name (`?`, where the syntax broke) left out.
fn readable_path(path: &str) -> String {
    let known: Vec<&str> = path
        .split('.')
        .filter(|step| *step != "?" && !step.is_empty())
        .collect();
    if known.is_empty() {
        Path::root().to_string()
    } else {
        known.join(".")
    }
}

/// Places problems in the file's text.
pub fn diagnose(file: &str, json: &str, problems: Vec<Problem>) -> Vec<Diagnostic> {
    problems
        .into_iter()
        .map(|p| {
            let at = locate(json, &p.path);
            Diagnostic {
                file: file.into(),
                line: at.map_or(1, |a| a.line),
                column: at.map_or(1, |a| a.column),
                path: p.path.to_string(),
                message: p.message,
                hint: p.hint,
            }
        })
        .collect()
}

/// Parses and checks a sheet (every rule but the verbatim check).
pub fn load(file: &str, bytes: &[u8], now: Option<Moment>) -> Result<Sheet, Vec<Diagnostic>> {
    let sheet = parse(file, bytes)?;
    let problems = check(&sheet, now);
    if problems.is_empty() {
        Ok(sheet)
    } else {
        let json = std::str::from_utf8(bytes).unwrap_or_default();
        Err(diagnose(file, json, problems))
    }
}
