//! `test`: the whole check, in the order that fails fastest. Stops at the first failing step
//! and names it. On success the output ends with cargo's test summary of the last step.

use std::process::Command;
use std::time::Instant;

use crate::options::Spec;
use crate::setup::{self, Tools, CHROMEDRIVER};
use crate::{dist, facts, root, run, seeds, sizes};

/// A named step of the pipeline.
type Step<'a> = (&'static str, Box<dyn Fn() -> Result<(), String> + 'a>);

pub const SPEC: Spec = Spec {
    task: "test",
    flags: &[],
    valued: &[],
    operand: None,
};

pub fn run_all(args: &[String]) -> Result<(), String> {
    SPEC.parse(args)?;
    let seeds = seeds();
    // Without the sources' texts the facts step cannot pass: say so before minutes of builds.
    facts::Sources::Required(&seeds).check()?;
    let tools = setup::build_tools()?;
    setup::browser()?;

    let browser_targets = test_targets("browser")?;
    let e2e_targets = test_targets("e2e")?;
    let steps: Vec<Step> = vec![
        (
            "format",
            Box::new(|| run(&mut cargo(&tools, &["fmt", "--all", "--check"]))),
        ),
        (
            "clippy (native)",
            Box::new(|| {
                run(&mut cargo(
                    &tools,
                    &[
                        "clippy",
                        "--workspace",
                        "--all-targets",
                        "--",
                        "-D",
                        "warnings",
                    ],
                ))
            }),
        ),
        (
            "clippy (wasm32)",
            Box::new(|| {
                run(&mut cargo(
                    &tools,
                    &[
                        "clippy",
                        "-p",
                        "factsheet",
                        "--target",
                        "wasm32-unknown-unknown",
                        "--all-targets",
                        "--",
                        "-D",
                        "warnings",
                    ],
                ))
            }),
        ),
        // The end-to-end tests are `#[ignore]`d here: they need dist/, built below.
        (
            "native tests",
            Box::new(|| run(&mut cargo(&tools, &["test", "--workspace"]))),
        ),
        (
            "facts verify",
            // CI has the sources' texts: a missing folder fails the run instead of skipping
            // the one check that holds every quote to its source.
            Box::new(|| facts::verify(None, facts::Sources::Required(&seeds))),
        ),
        ("facts schema", Box::new(|| facts::schema(true))),
        ("dist", Box::new(|| dist::build(&tools).map(|_| ()))),
        (
            "sizes (gzip -9 against sizes.json)",
            Box::new(|| sizes::check(&root().join("dist"))),
        ),
        (
            "browser tests (headless Chromium)",
            Box::new(|| {
                let mut args = vec![
                    "test",
                    "-p",
                    "factsheet",
                    "--target",
                    "wasm32-unknown-unknown",
                ];
                for target in &browser_targets {
                    args.extend(["--test", target.as_str()]);
                }
                run(cargo(&tools, &args).env("CHROMEDRIVER", CHROMEDRIVER))
            }),
        ),
        (
            "end-to-end tests (WebDriver)",
            Box::new(|| {
                let mut args = vec!["test", "-p", "factsheet"];
                for target in &e2e_targets {
                    args.extend(["--test", target.as_str()]);
                }
                args.extend(["--", "--ignored"]);
                run(&mut cargo(&tools, &args))
            }),
        ),
    ];

    let total = steps.len();
    for (i, (name, step)) in steps.iter().enumerate() {
        println!("\n==> [{}/{total}] {name}", i + 1);
        let started = Instant::now();
        step().map_err(|e| format!("step `{name}` failed: {e}"))?;
        if i + 1 < total {
            println!("    ok: {name} ({:.1} s)", started.elapsed().as_secs_f64());
        }
    }
    Ok(())
}

/// The test targets named `tests/<prefix>*.rs`: `browser*` run in the browser through
/// wasm-bindgen-test (the native test files compile to nothing useful for wasm32), `e2e*` drive
/// the built `dist/` through WebDriver.
fn test_targets(prefix: &str) -> Result<Vec<String>, String> {
    let dir = root().join("tests");
    let entries =
        std::fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut targets: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".rs").map(str::to_owned))
        .filter(|stem| stem.starts_with(prefix))
        .collect();
    targets.sort();
    if targets.is_empty() {
        return Err(format!("no tests/{prefix}*.rs in {}", dir.display()));
    }
    Ok(targets)
}

/// `cargo <args>` with the matching wasm-bindgen CLI first on `PATH` (the wasm32 runner).
fn cargo(tools: &Tools, args: &[&str]) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.args(args).env("PATH", &tools.path);
    cmd
}
