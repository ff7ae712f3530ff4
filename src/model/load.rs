//! From bytes to a checked sheet, with every problem located in the file: the one entry point
//! for build time (`xtask`) and run time (sheets loaded by URL).

use std::fmt;

use super::date::Moment;
use super::locate::{locate, position_of, Path};
use super::sheet::Sheet;
use super::validate::{check, Problem};
use super::{decode, json};

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
    let tree = json::parse(json).map_err(|e| {
        vec![at_offset(
            file,
            json,
            e.at,
            e.path,
            e.message,
            e.hint.into(),
        )]
    })?;
    decode::sheet(&tree).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| at_offset(file, json, e.at, e.path, e.message, e.hint))
            .collect()
    })
}

fn at_offset(
    file: &str,
    json: &str,
    offset: usize,
    path: String,
    message: String,
    hint: String,
) -> Diagnostic {
    let at = position_of(json, offset);
    Diagnostic {
        file: file.into(),
        line: at.line,
        column: at.column,
        path,
        message,
        hint,
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
