//! `cargo xtask verify PATH` on sheets of the bad-sheet catalogue (`tests/catalogue/`,
//! checked in full by `tests/bad_sheets.rs`): the build fails with the same
//! `file:line:column: path: message` lines and a hint.

use std::path::Path;
use std::process::Command;

fn verify(case: &str) -> (bool, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(&root)
        .args(["verify", &format!("tests/catalogue/{case}.json")])
        .output()
        .expect("the xtask binary runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

#[test]
fn verify_fails_on_a_dangling_claimant_with_file_line_column_path_and_hint() {
    let (ok, text) = verify("dangling-claimant");
    assert!(!ok, "{text}");
    assert!(
        text.contains("tests/catalogue/dangling-claimant.json:67:9: figures[0].claimants[0]: refers to party \"ukrain\", which the sheet does not have"),
        "{text}"
    );
    assert!(
        text.contains("hint: Use the id of one of the sheet's parties"),
        "{text}"
    );
}

#[test]
fn verify_lists_every_problem_of_a_sheet_at_once() {
    let (ok, text) = verify("blank-quote");
    assert!(!ok, "{text}");
    assert!(text.contains("2 problem(s)"), "{text}");
    for line in [
        "tests/catalogue/blank-quote.json:105:20: figures[1].citations[0].quote: is empty",
        "tests/catalogue/blank-quote.json:90:20: figures[1].value.written: \"3,800\" appears in none of the figure's quotes",
    ] {
        assert!(text.contains(line), "{line:?} not in {text}");
    }
}

#[test]
fn verify_locates_a_syntax_error() {
    let (ok, text) = verify("nan-count");
    assert!(!ok, "{text}");
    assert!(
        text.contains("tests/catalogue/nan-count.json:62:19: figures[0].value.number: NaN is not a JSON number"),
        "{text}"
    );
}

#[test]
fn verify_passes_the_valid_base_sheet() {
    let (ok, text) = verify("valid");
    assert!(ok, "{text}");
}
