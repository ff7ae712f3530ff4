//! Facts checks: `verify` runs every validation rule on a sheet, plus the verbatim check
//! against a folder of source texts; `schema` writes or checks the committed JSON Schema.

use std::path::{Path, PathBuf};

use factsheet::model::date::Moment;
use factsheet::model::load::{diagnose, load};
use factsheet::model::validate::check_quotes;
use factsheet::model::Diagnostic;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the repo")
        .to_path_buf()
}

const SHEET: &str = "assets/sheet.json";
const SCHEMA: &str = "assets/sheet.schema.json";

/// Now, for rejecting dates in the future.
fn now() -> Option<Moment> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Some(Moment((secs / 60) as i64))
}

/// `cargo xtask verify [SHEET] [--sources DIR]`: checks a sheet (default the built-in one)
/// and, with `--sources`, that every quote appears verbatim in its source's full text.
pub fn verify(args: &[String]) -> Result<(), String> {
    let mut sheet_path: Option<PathBuf> = None;
    let mut sources: Option<PathBuf> = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--sources" => {
                let dir = rest
                    .next()
                    .ok_or("--sources needs a folder: --sources DIR")?;
                sources = Some(PathBuf::from(dir));
            }
            flag if flag.starts_with('-') => {
                return Err(format!(
                    "unknown option {flag}; usage: cargo xtask verify [SHEET] [--sources DIR]"
                ))
            }
            path => sheet_path = Some(PathBuf::from(path)),
        }
    }
    let path = sheet_path.unwrap_or_else(|| repo_root().join(SHEET));
    let shown = path
        .strip_prefix(repo_root())
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
    let Some(dir) = sources else {
        println!("verify: verbatim check NOT run: no --sources DIR given (the folder of the sources' full texts)");
        return Ok(());
    };
    if !dir.is_dir() {
        println!(
            "verify: verbatim check NOT run: {} does not exist",
            dir.display()
        );
        return Ok(());
    }
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
    let quotes: usize = sheet
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

/// `cargo xtask schema [--check]`: writes `assets/sheet.schema.json` from the model, or with
/// `--check` fails when the committed one is stale.
pub fn schema(args: &[String]) -> Result<(), String> {
    let check = match args {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => return Err("usage: cargo xtask schema [--check]".into()),
    };
    let schema = schemars::schema_for!(factsheet::model::Sheet);
    let text = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())? + "\n";
    let path = repo_root().join(SCHEMA);
    if check {
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != text {
            return Err(format!("{SCHEMA} is stale: the model changed. Run `cargo xtask schema` and commit the result."));
        }
        println!("schema: {SCHEMA} matches the model");
    } else {
        std::fs::write(&path, text).map_err(|e| format!("{SCHEMA}: {e}"))?;
        println!("schema: wrote {SCHEMA}");
    }
    Ok(())
}
