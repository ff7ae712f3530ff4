//! Facts checks: `verify` runs every validation rule on a sheet, plus the verbatim check
//! against a folder of source texts; `schema` writes or checks the committed JSON Schema.

use std::path::Path;

use factsheet::model::date::Moment;
use factsheet::model::load::{diagnose, load};
use factsheet::model::validate::check_quotes;
use factsheet::model::Diagnostic;

use crate::options::Spec;
use crate::root;

const SHEET: &str = "assets/sheet.json";
const SCHEMA_FILE: &str = "assets/sheet.schema.json";

/// Now, for rejecting dates in the future.
pub fn now() -> Option<Moment> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Some(Moment((secs / 60) as i64))
}

pub const VERIFY: Spec = Spec {
    task: "verify",
    flags: &[],
    valued: &[("--sources", "DIR")],
    operand: Some("SHEET"),
};

/// `cargo xtask verify [SHEET] [--sources DIR]`: checks a sheet (default the built-in one)
/// and, with `--sources`, that every quote appears verbatim in its source's full text.
pub fn verify_task(args: &[String]) -> Result<(), String> {
    let opts = VERIFY.parse(args)?;
    let sources = match opts.value("--sources") {
        Some(dir) => Sources::Required(Path::new(dir)),
        None => Sources::NotGiven,
    };
    verify(opts.operand().map(Path::new), sources)
}

/// Where the verbatim check finds the sources' full texts, and what a missing folder means.
pub enum Sources<'a> {
    /// No folder: the rules are checked, and the output says the quotes were not.
    NotGiven,
    /// The quotes must be checked: a missing folder is an error, not a skipped check.
    Required(&'a Path),
    /// Checked when the folder exists, else said to be skipped (a build without `shared/`).
    IfPresent(&'a Path),
}

impl Sources<'_> {
    /// Fails when the quotes must be checked and the folder is missing; callers that run
    /// long steps before the check call this first.
    pub fn check(&self) -> Result<(), String> {
        match self {
            Sources::Required(dir) if !dir.is_dir() => Err(format!(
                "sources folder {} not found: the quotes cannot be checked without the sources' full texts; put them there (this repository's are in shared/seeds, with shared/ beside the clone)",
                dir.display()
            )),
            _ => Ok(()),
        }
    }
}

/// Checks the sheet at `sheet` (default the built-in one) by every rule, then its quotes
/// against `sources`.
pub fn verify(sheet: Option<&Path>, sources: Sources) -> Result<(), String> {
    let path = sheet.map_or_else(|| root().join(SHEET), Path::to_path_buf);
    let shown = path
        .strip_prefix(root())
        .unwrap_or(&path)
        .display()
        .to_string();
    let bytes = std::fs::read(&path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    let sheet = load(&shown, &bytes, now()).map_err(|problems| {
        format!(
            "{shown}: {} problem(s):\n{}",
            problems.len(),
            listed(&problems)
        )
    })?;
    println!(
        "verify: {shown}: every rule passes ({} figures, {} claims, {} conflicts)",
        sheet.figures.len(),
        sheet.claims.len(),
        sheet.conflicts.len()
    );
    sources.check()?;
    let dir = match sources {
        Sources::NotGiven => {
            println!("verify: verbatim check NOT run: no --sources DIR given (the folder of the sources' full texts)");
            return Ok(());
        }
        Sources::IfPresent(dir) if !dir.is_dir() => {
            println!(
                "verify: verbatim check NOT run: {} does not exist",
                dir.display()
            );
            return Ok(());
        }
        Sources::Required(dir) | Sources::IfPresent(dir) => dir,
    };
    let problems = check_quotes(&sheet, &|name| {
        std::fs::read_to_string(dir.join(name))
            .map_err(|e| format!("{}: {e}", dir.join(name).display()))
    });
    if !problems.is_empty() {
        let json = String::from_utf8_lossy(&bytes);
        return Err(format!(
            "{shown}: quotes not found in their sources:\n{}",
            listed(&diagnose(&shown, &json, problems))
        ));
    }
    let quotes: usize = sheet.story.summary.citations.len()
        + sheet
            .figures
            .iter()
            .map(|f| f.citations.len())
            .sum::<usize>()
        + sheet
            .claims
            .iter()
            .map(|c| c.citations.len())
            .sum::<usize>();
    println!(
        "verify: all {quotes} quotes appear verbatim in their sources under {}",
        dir.display()
    );
    Ok(())
}

/// Problems one per entry, each with its place and hint.
pub fn listed(problems: &[Diagnostic]) -> String {
    let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    list.join("\n")
}

pub const SCHEMA: Spec = Spec {
    task: "schema",
    flags: &["--check"],
    valued: &[],
    operand: None,
};

/// `cargo xtask schema [--check]`.
pub fn schema_task(args: &[String]) -> Result<(), String> {
    schema(SCHEMA.parse(args)?.flag("--check"))
}

/// Writes `assets/sheet.schema.json` from the model, or when `check`ing fails when the
/// committed one is stale.
pub fn schema(check: bool) -> Result<(), String> {
    let schema = schemars::schema_for!(factsheet::model::Sheet);
    let text = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())? + "\n";
    let path = root().join(SCHEMA_FILE);
    if check {
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != text {
            return Err(format!("{SCHEMA_FILE} is stale: the model changed. Run `cargo xtask schema` and commit the result."));
        }
        println!("schema: {SCHEMA_FILE} matches the model");
    } else {
        std::fs::write(&path, text).map_err(|e| format!("{SCHEMA_FILE}: {e}"))?;
        println!("schema: wrote {SCHEMA_FILE}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_required_sources_folder_that_is_missing_fails_the_check() {
        let missing = std::env::temp_dir().join(format!("xtask-no-seeds-{}", std::process::id()));
        assert!(!missing.exists());
        let error = verify(None, Sources::Required(&missing)).unwrap_err();
        assert!(
            error.starts_with(&format!("sources folder {} not found", missing.display())),
            "{error}"
        );
        // `dist` without shared/ beside the clone: the rules pass, the build goes on.
        assert_eq!(verify(None, Sources::IfPresent(&missing)), Ok(()));
        assert_eq!(verify(None, Sources::NotGiven), Ok(()));
    }
}
