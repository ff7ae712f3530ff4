//! From bytes to a checked sheet, with every problem located in the file: the one entry point
//! for build time (`xtask`) and run time (sheets loaded by URL).
//!
//! `load` and `parse` write non-whole numbers in messages with Rust's formatting; the widget
//! calls `load_with` and `parse_with`, passing the browser's.

use crate::date::Moment;
use crate::decode;
use crate::json::{self, Json};
use crate::path::Path;
use crate::problem::Problem;
use crate::sheet::Sheet;
use crate::text::{NumberText, RustNumberText};
use crate::validate::check;

pub use crate::problem::Diagnostic;

/// Sheets are hand-written pages of facts; anything larger is a mistake or an attack.
pub const MAX_BYTES: usize = 1 << 20;

/// The sheet, or the problems that stop it being read, each placed in the file. The tree is
/// kept to place the validator's problems.
fn read(
    numbers: &dyn NumberText,
    file: &str,
    bytes: &[u8],
) -> Result<(Sheet, Json), Vec<Diagnostic>> {
    let whole_file = |message: String, hint: &str| {
        vec![Problem::at(0, Path::root(), message, hint.into()).placed(file, bytes, None)]
    };
    if bytes.len() > MAX_BYTES {
        return Err(whole_file(
            format!(
                "the file is {} bytes; a sheet may be at most {MAX_BYTES}",
                bytes.len()
            ),
            "Check that this is the facts file and not something else; split very large stories.",
        ));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(whole_file(
            "the file starts with a byte-order mark".into(),
            "Save the file as UTF-8 without BOM.",
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        vec![Problem::at(
            e.valid_up_to(),
            Path::root(),
            "the file is not valid UTF-8 here".into(),
            "Save the file as UTF-8; the byte here comes from another encoding.".into(),
        )
        .placed(file, bytes, None)]
    })?;
    let tree = json::parse(text).map_err(|e| vec![e.placed(file, bytes, None)])?;
    match decode::sheet(&tree, numbers) {
        Ok(sheet) => Ok((sheet, tree)),
        Err(problems) => Err(problems
            .into_iter()
            .map(|p| p.placed(file, bytes, Some(&tree)))
            .collect()),
    }
}

/// Parses a sheet. On failure, says where and why in terms an editor can act on.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Sheet, Vec<Diagnostic>> {
    parse_with(&RustNumberText, file, bytes)
}

/// [`parse`], writing numbers in messages with `numbers`.
pub fn parse_with(
    numbers: &dyn NumberText,
    file: &str,
    bytes: &[u8],
) -> Result<Sheet, Vec<Diagnostic>> {
    read(numbers, file, bytes).map(|(sheet, _)| sheet)
}

/// Places problems found in `json`, the file's text: each at the value its path names, or the
/// deepest one on the way there.
pub fn diagnose(file: &str, json: &str, problems: Vec<Problem>) -> Vec<Diagnostic> {
    let tree = json::parse(json).ok();
    problems
        .into_iter()
        .map(|p| p.placed(file, json.as_bytes(), tree.as_ref()))
        .collect()
}

/// Parses and checks a sheet (every rule but the verbatim check).
pub fn load(file: &str, bytes: &[u8], now: Option<Moment>) -> Result<Sheet, Vec<Diagnostic>> {
    load_with(&RustNumberText, file, bytes, now)
}

/// [`load`], writing numbers in messages with `numbers`.
pub fn load_with(
    numbers: &dyn NumberText,
    file: &str,
    bytes: &[u8],
    now: Option<Moment>,
) -> Result<Sheet, Vec<Diagnostic>> {
    let (sheet, tree) = read(numbers, file, bytes)?;
    let problems = check(&sheet, now, numbers);
    if problems.is_empty() {
        Ok(sheet)
    } else {
        Err(problems
            .into_iter()
            .map(|p| p.placed(file, bytes, Some(&tree)))
            .collect())
    }
}
