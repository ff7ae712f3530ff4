//! `cargo xtask verify PATH` on the sheets of the bad-sheet catalogue (`tests/catalogue/`,
//! checked in full against the model by `tests/bad_sheets.rs`): the build fails with the same
//! `file:line:column: path: message` lines, each with a hint, and passes the fixture.

// A test says what broke by failing loudly: unwrap, expect and panic! are allowed here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../tests/catalogue/mod.rs"]
mod catalogue;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs `cargo xtask verify ARGS` from the repository's root: (passed, everything it printed).
fn verify(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(root())
        .arg("verify")
        .args(args)
        .output()
        .expect("the xtask binary runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

/// The catalogue's sheets, written once into a fresh folder of their own.
fn written() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("verify-catalogue");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a folder for the catalogue");
        for (name, bytes) in catalogue::files() {
            std::fs::write(dir.join(name), bytes).expect("a catalogue sheet written");
        }
        dir
    })
    .clone()
}

/// How `verify` names a file: relative to the repository's root when inside it.
fn shown(path: &Path) -> String {
    let root = root().canonicalize().expect("the root");
    let path = path.canonicalize().expect("the file");
    path.strip_prefix(&root)
        .unwrap_or(&path)
        .display()
        .to_string()
}

#[test]
fn verify_fails_on_every_catalogue_sheet_with_each_problem_placed_and_hinted() {
    let dir = written();
    let mut errors = Vec::new();
    let cases = catalogue::rule_cases()
        .into_iter()
        .chain(catalogue::byte_cases());
    for case in cases {
        let path = dir.join(case.file_name());
        let file = shown(&path);
        let (ok, text) = verify(&[path.to_str().expect("a UTF-8 path")]);
        if ok {
            errors.push(format!("{}: passed: {text}", case.name));
            continue;
        }
        let count = format!("{file}: {} problem(s)", case.problems.len());
        if !text.contains(&count) {
            errors.push(format!("{}: no {count:?} in {text}", case.name));
        }
        for p in &case.problems {
            let line = format!("{file}:{}:{}: {}: {}", p.line, p.column, p.path, p.message);
            if !text.contains(&line) {
                errors.push(format!("{}: no {line:?} in {text}", case.name));
            }
        }
        let hints = text.matches("\n    hint: ").count();
        if hints != case.problems.len() {
            errors.push(format!("{}: {hints} hint(s) in {text}", case.name));
        }
    }
    assert!(errors.is_empty(), "\n{}", errors.join("\n"));
}

#[test]
fn verify_names_the_fix_of_a_dangling_claimant() {
    let dir = written();
    let (ok, text) = verify(&[dir.join("dangling-claimant.json").to_str().unwrap()]);
    assert!(!ok, "{text}");
    assert!(
        text.contains("hint: Use the id of one of the sheet's parties"),
        "{text}"
    );
}

#[test]
fn verify_with_sources_fails_on_a_quote_not_in_its_source() {
    let dir = written();
    let case = catalogue::quote_case();
    let path = dir.join(case.file_name());
    let (ok, text) = verify(&[
        path.to_str().unwrap(),
        "--sources",
        "tests/fixtures/sources",
    ]);
    assert!(!ok, "{text}");
    assert!(text.contains("quotes not found in their sources"), "{text}");
    let p = &case.problems[0];
    let line = format!(
        "{}:{}:{}: {}: {}",
        shown(&path),
        p.line,
        p.column,
        p.path,
        p.message
    );
    assert!(text.contains(&line), "{line:?} not in {text}");
}

#[test]
fn verify_passes_the_fixture_and_finds_its_quotes_in_its_sources() {
    let (ok, text) = verify(&[
        "tests/fixtures/sheet.json",
        "--sources",
        "tests/fixtures/sources",
    ]);
    assert!(ok, "{text}");
    assert!(!text.contains("NOT run"), "{text}");
}
