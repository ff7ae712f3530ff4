//! `cargo xtask` as a user meets it: the arguments every task accepts and refuses, and
//! `verify` refusing to pass when the folder it was told to check quotes against is missing.
//! Each case fails while parsing or checking, before any tool is set up or anything built.

// A test says what broke by failing loudly: unwrap, expect and panic! are allowed here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

struct Outcome {
    ok: bool,
    stdout: String,
    stderr: String,
}

fn xtask(args: &[&str]) -> Outcome {
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
        .args(args)
        .output()
        .expect("the xtask binary runs");
    Outcome {
        ok: out.status.success(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `args`, which must fail with exactly `message` as its one line of error output.
fn fails_with(args: &[&str], message: &str) {
    let out = xtask(args);
    assert!(!out.ok, "{args:?} passed: {}{}", out.stdout, out.stderr);
    assert_eq!(out.stderr.trim_end(), message, "{args:?}");
}

/// A path under the system's temporary folder that does not exist.
fn missing_folder() -> String {
    let dir = std::env::temp_dir().join(format!("xtask-no-sources-{}", std::process::id()));
    assert!(!dir.exists());
    dir.display().to_string()
}

#[test]
fn verify_fails_when_the_sources_folder_is_missing_and_names_it() {
    let dir = missing_folder();
    let out = xtask(&["verify", "--sources", &dir]);
    assert!(!out.ok, "verify passed: {}{}", out.stdout, out.stderr);
    let error = out.stderr.trim_end();
    assert!(!error.contains('\n'), "one line: {error}");
    assert!(
        error.starts_with(&format!(
            "xtask verify: error: sources folder {dir} not found"
        )),
        "{error}"
    );
    assert!(error.contains("put them there"), "says what to do: {error}");
    assert!(
        !out.stdout.contains("verbatim check NOT run"),
        "{}",
        out.stdout
    );
}

#[test]
fn verify_without_sources_checks_the_rules_and_says_the_quotes_were_not() {
    let out = xtask(&["verify"]);
    assert!(out.ok, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("every rule passes")
            && out
                .stdout
                .contains("verbatim check NOT run: no --sources DIR given"),
        "{}",
        out.stdout
    );
}

#[test]
fn every_task_names_an_unknown_option_with_its_usage() {
    for (task, usage) in [
        ("setup", "setup"),
        (
            "dist",
            "dist [--serve] [--port N] [--base-url URL] [--provider-name NAME] [--sheets DIR]",
        ),
        ("serve", "serve [--port N]"),
        ("bench", "bench [--check] [--runs N]"),
        ("sizes", "sizes [--update]"),
        ("test", "test [--engines LIST]"),
        ("verify", "verify [SHEET] [--sources DIR]"),
        ("schema", "schema [--check]"),
    ] {
        fails_with(
            &[task, "--frobnicate"],
            &format!(
                "xtask {task}: error: unknown option `--frobnicate` (usage: cargo xtask {usage})"
            ),
        );
    }
}

#[test]
fn every_option_that_takes_a_value_says_when_it_has_none() {
    for (task, option, usage) in [
        (
            "dist",
            "--port",
            "dist [--serve] [--port N] [--base-url URL] [--provider-name NAME] [--sheets DIR]",
        ),
        (
            "dist",
            "--base-url",
            "dist [--serve] [--port N] [--base-url URL] [--provider-name NAME] [--sheets DIR]",
        ),
        ("serve", "--port", "serve [--port N]"),
        ("bench", "--runs", "bench [--check] [--runs N]"),
        ("verify", "--sources", "verify [SHEET] [--sources DIR]"),
        ("test", "--engines", "test [--engines LIST]"),
    ] {
        fails_with(
            &[task, option],
            &format!("xtask {task}: error: `{option}` needs a value (usage: cargo xtask {usage})"),
        );
    }
}

#[test]
fn an_unknown_engine_is_refused_before_any_build() {
    fails_with(
        &["test", "--engines", "chromium,safari"],
        "xtask test: error: unknown engine `safari` in --engines: use chromium, firefox and webkit, separated by commas",
    );
}

#[test]
fn arguments_a_task_does_not_take_are_refused() {
    fails_with(
        &["test", "now"],
        "xtask test: error: unexpected argument `now` (usage: cargo xtask test [--engines LIST])",
    );
    fails_with(
        &["verify", "a.json", "b.json"],
        "xtask verify: error: unexpected argument `b.json` (usage: cargo xtask verify [SHEET] [--sources DIR])",
    );
}

#[test]
fn values_that_do_not_read_say_what_was_expected() {
    fails_with(
        &["serve", "--port", "eighty"],
        "xtask serve: error: `--port eighty` is not a port number",
    );
    fails_with(
        &["dist", "--port=99999"],
        "xtask dist: error: `--port 99999` is not a port number",
    );
    fails_with(
        &["dist", "--base-url", "example.org/factsheet"],
        "xtask dist: error: `--base-url example.org/factsheet` is not an absolute http(s) URL (https://example.org/factsheet/)",
    );
    fails_with(
        &["bench", "--runs", "0"],
        "xtask bench: error: `--runs 0` is not a positive number",
    );
}

#[test]
fn the_usage_lists_every_task_with_its_options() {
    let out = xtask(&["help"]);
    assert!(out.ok, "{}", out.stderr);
    for synopsis in [
        "setup ",
        "dist [--serve] [--port N] [--base-url URL] [--provider-name NAME] [--sheets DIR] ",
        "serve [--port N] ",
        "bench [--check] [--runs N] ",
        "sizes [--update] ",
        "test ",
        "verify [SHEET] [--sources DIR] ",
        "schema [--check] ",
    ] {
        assert!(
            out.stdout
                .lines()
                .any(|l| l.starts_with(&format!("  {synopsis}"))),
            "{synopsis:?} not in\n{}",
            out.stdout
        );
    }
}

/// `extract` as an editor meets it: a file that is not an article is one line naming it; a
/// draft is written, and `verify` refuses it for its proposals, one problem per item, until
/// they are removed.
#[test]
fn extract_names_a_bad_file_and_its_draft_is_refused_until_reviewed() {
    let dir = std::env::temp_dir().join(format!("xtask-extract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let binary = dir.join("photo.txt");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0]).unwrap();
    fails_with(
        &["extract", binary.to_str().unwrap()],
        "xtask extract: error: photo.txt: is binary, not text (a NUL byte at offset 4); give the article as plain text or Markdown",
    );
    let corpus =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/factsheet-extract/tests/corpus");
    let article = corpus.join("wire.txt");
    let draft = dir.join("draft.json");
    let out = xtask(&[
        "extract",
        article.to_str().unwrap(),
        "--out",
        draft.to_str().unwrap(),
    ]);
    assert!(out.ok, "{}", out.stderr);
    let out = xtask(&[
        "verify",
        draft.to_str().unwrap(),
        "--sources",
        corpus.to_str().unwrap(),
    ]);
    assert!(!out.ok);
    let sheet: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&draft).unwrap()).unwrap();
    let items = ["sources", "parties", "figures", "claims", "conflicts"]
        .iter()
        .map(|k| sheet[k].as_array().map_or(0, Vec::len))
        .sum::<usize>()
        + 1;
    assert!(
        out.stderr.contains(&format!("{items} problem(s)")),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.matches("is still a proposal").count(), items);
    // Accepted as it is, it passes every rule and the verbatim check.
    let mut accepted = sheet.clone();
    accepted["story"]
        .as_object_mut()
        .unwrap()
        .remove("proposal");
    for k in ["sources", "parties", "figures", "claims", "conflicts"] {
        for item in accepted[k].as_array_mut().unwrap() {
            item.as_object_mut().unwrap().remove("proposal");
        }
    }
    std::fs::write(&draft, serde_json::to_string_pretty(&accepted).unwrap()).unwrap();
    let out = xtask(&[
        "verify",
        draft.to_str().unwrap(),
        "--sources",
        corpus.to_str().unwrap(),
    ]);
    assert!(out.ok, "{}{}", out.stdout, out.stderr);
    std::fs::remove_dir_all(&dir).unwrap();
}
