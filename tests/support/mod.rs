//! Shared plumbing of the end-to-end tests: `dist/` and the sheet it was built from, a
//! headless Chromium session through the local ChromeDriver (`browser.rs`), a served copy of
//! `dist/` with a test's own pages (`site.rs`), finding and checking things inside a card's
//! shadow root (`card.rs`), and reading Content-Security-Policy violations (`policy.rs`).
//! The JavaScript these run in the page lives in `js/`. Each `tests/e2e*.rs` file includes it
//! with `mod support;`.
// Each test file uses a different part.
#![allow(dead_code, unused_imports)]
// Test plumbing fails loudly, as the tests do (clippy.toml allows these only inside tests).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// The same std-only static server as `cargo xtask serve`.
#[path = "../../xtask/src/serve.rs"]
pub mod serve;

// The engines' names, as `cargo xtask test --engines` reads them.
#[allow(dead_code)]
#[path = "../../xtask/src/engine.rs"]
mod engine;

mod browser;
mod card;
mod policy;
mod shots;
mod site;

pub use browser::*;
pub use card::*;
pub use policy::*;
pub use serve::file_url;
pub use shots::*;
pub use site::*;

use std::error::Error;
use std::path::{Path, PathBuf};
use std::time::Duration;

use factsheet::model::Sheet;

pub const RENDER_TIMEOUT: Duration = Duration::from_secs(20);
pub const POPOVER_TIMEOUT: Duration = Duration::from_secs(5);

pub type Outcome = Result<(), Box<dyn Error>>;

/// `dist/`, or a failure that says how to build it.
pub fn dist() -> PathBuf {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").is_file() && dist.join("demo/index.html").is_file(),
        "{} is missing or incomplete: run `cargo xtask dist` first",
        dist.display()
    );
    dist
}

/// Where `dist/` was built from: the story's sheet, whatever story it is. Tests take their
/// numbers, quotes and counts from it rather than typing them again.
pub const BUILTIN_SHEET: &str = "assets/sheet.json";

/// The bytes of `BUILTIN_SHEET`, to serve as a sheet by URL.
pub fn builtin_sheet_bytes() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(BUILTIN_SHEET);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `BUILTIN_SHEET`, read and checked by the one reader the build and the widget use.
pub fn builtin_sheet() -> Sheet {
    factsheet::model::load(BUILTIN_SHEET, &builtin_sheet_bytes(), None)
        .unwrap_or_else(|problems| panic!("{BUILTIN_SHEET} does not load: {problems:#?}"))
}

/// `BUILTIN_SHEET` as a JSON tree, for tests that serve a changed copy of it.
pub fn builtin_sheet_json() -> serde_json::Value {
    serde_json::from_slice(&builtin_sheet_bytes())
        .unwrap_or_else(|e| panic!("{BUILTIN_SHEET} is not JSON: {e}"))
}

/// Cargo's target directory, where screenshots and installed tools go.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// Ok, or one error listing every problem found.
pub fn finish(problems: Vec<String>) -> Outcome {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("\n- {}", problems.join("\n- ")).into())
    }
}

/// Rendered text collapses runs of whitespace; compare quotes the same way.
pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A fresh directory under the system's temp dir, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(prefix: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!("{prefix}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Copies a folder tree, for fixtures written beside a copy of `dist/`.
pub fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
