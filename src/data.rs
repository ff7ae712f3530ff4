//! The sheet built into the widget: `assets/sheet.json`, embedded at compile time.

use crate::model::{parse_with, Diagnostic, Sheet};
use crate::numbers::BrowserNumberText;

/// The facts file as shipped, byte for byte.
pub const BUILTIN_JSON: &str = include_str!("../assets/sheet.json");

/// Parses the built-in sheet. `xtask` validates it before every build, so this fails only
/// on a build that skipped validation.
pub fn builtin() -> Result<Sheet, Vec<Diagnostic>> {
    parse_with(
        &BrowserNumberText,
        "assets/sheet.json",
        BUILTIN_JSON.as_bytes(),
    )
}
