//! `test`: the whole check, in the order that fails fastest. Stops at the first failing step
//! and names it. On success the output ends with cargo's test summary of the last step.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::options::Spec;
use crate::setup::{self, Engine, Tools, CHROMEDRIVER, XVFB_RUN};
use crate::{command_line, dist, facts, root, run, seeds, sizes, stories};

/// A named step of the pipeline.
type Step<'a> = (&'static str, Box<dyn Fn() -> Result<(), String> + 'a>);

pub const SPEC: Spec = Spec {
    task: "test",
    flags: &[],
    valued: &[("--engines", "LIST")],
    operand: None,
};

/// The engines the end-to-end step runs in unless `--engines` names others: all three, so
/// that the command gating every change (and CI) holds the card to what Safari's and
/// Firefox's readers get, not Chromium's alone (issue 13).
const DEFAULT_ENGINES: &str = "chromium,firefox,webkit";

pub fn run_all(args: &[String]) -> Result<(), String> {
    let opts = SPEC.parse(args)?;
    let wanted = Engine::list(opts.value("--engines").unwrap_or(DEFAULT_ENGINES))?;
    let seeds = seeds();
    // Without the sources' texts the facts step cannot pass: say so before minutes of builds.
    facts::Sources::Required(&seeds).check()?;
    let tools = setup::build_tools()?;
    setup::browser()?;
    let (engines, geckodriver) = setup::engines(&wanted)?;

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
                        // The extractor is for a browser editor too: it builds for wasm32.
                        "-p",
                        "factsheet-extract",
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
            // After the sizes: a story is the end-to-end tests' fixture, not what ships.
            "stories (dist --sheets tests/fixtures: the fixture sheet as a story)",
            Box::new(|| {
                let stories = stories::read(&root().join("tests/fixtures"), facts::now())?;
                stories::write(
                    &root().join("dist"),
                    stories,
                    &Default::default(),
                    dist::frame_page,
                )
            }),
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
            "end-to-end tests (WebDriver, one engine after another)",
            Box::new(|| end_to_end(&tools, &e2e_targets, &engines, geckodriver.as_ref())),
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

/// The end-to-end suite once per engine, on one build, then per engine its pass count and
/// time. WebKitGTK has no headless mode, so its run has one virtual X display (`xvfb-run`,
/// with the screen `WEBKIT_SCREEN`)
/// that every test's MiniBrowser window shares.
fn end_to_end(
    tools: &Tools,
    targets: &[String],
    engines: &[Engine],
    geckodriver: Option<&PathBuf>,
) -> Result<(), String> {
    // Every target runs even after one fails, so an engine's count covers the whole suite.
    let mut args = vec!["test", "-p", "factsheet", "--no-fail-fast"];
    for target in targets {
        args.extend(["--test", target.as_str()]);
    }
    run(cargo(tools, &args).arg("--no-run"))?;
    // Shown, so that each Chromium-only test's "skipped in <engine>" line reaches the count.
    args.extend(["--", "--ignored", "--show-output"]);
    let mut summary = Vec::new();
    let mut failed = Vec::new();
    let mut failure_reports = Vec::new();
    for &engine in engines {
        println!("\n--> end-to-end tests in {}", engine.name());
        let started = Instant::now();
        let mut cmd = if engine == Engine::Webkit {
            let mut xvfb = Command::new(XVFB_RUN);
            xvfb.args(["-a", "-s", WEBKIT_SCREEN, "cargo"])
                .args(&args)
                .env("PATH", &tools.path);
            xvfb
        } else {
            cargo(tools, &args)
        };
        cmd.env("FACTSHEET_ENGINE", engine.name());
        if let Some(path) = geckodriver {
            cmd.env("GECKODRIVER", path);
        }
        let counts = run_counting(&mut cmd, engine)?;
        let line = format!(
            "{:<9} {:>3} passed ({} of them Chromium-only, skipped), {} failed, {:.1} s",
            engine.name(),
            counts.passed,
            counts.skipped,
            counts.failed,
            started.elapsed().as_secs_f64()
        );
        if !counts.ok {
            failed.push(engine.name());
        }
        failure_reports.extend(counts.failures.into_iter().map(|b| (engine.name(), b)));
        summary.push(line);
    }
    println!("\nend-to-end tests per engine:");
    for line in &summary {
        println!("  {line}");
    }
    for (engine, block) in &failure_reports {
        println!("\nfailed in {engine}:\n{}", block.trim_end());
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("failures in {}", failed.join(", ")))
    }
}

/// The virtual display of the WebKit run. X's pointer rests at the screen's centre, and a
/// window that opens or closes over it (another test's MiniBrowser, tests run two at a time)
/// makes the window under it see the pointer move there: a real mouse move in that page,
/// which closes a hovered popover or stops one from opening. The screen is wide enough that
/// its centre lies right of every test window (at 0,0, at most 1280 px wide); the tests'
/// `support/browser.rs` refuses a display where it does not.
pub const WEBKIT_SCREEN: &str = "-screen 0 2600x1200x24";

/// What one engine's run of the suite reported.
#[derive(Default)]
struct Counts {
    passed: usize,
    failed: usize,
    skipped: usize,
    ok: bool,
    /// What each failing test printed (its `---- name stdout ----` block), repeated after
    /// the summary: a long run's tail is often all a CI log keeps.
    failures: Vec<String>,
}

/// Runs `cmd`, passing its output through, and adds up cargo's `test result:` lines and the
/// tests' "skipped in <engine>" lines.
fn run_counting(cmd: &mut Command, engine: Engine) -> Result<Counts, String> {
    let line = command_line(cmd);
    println!("$ {line}");
    let mut child = cmd
        .current_dir(root())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    let mut counts = Counts::default();
    let skipped = format!("skipped in {}:", engine.name());
    let mut failures = FailureBlocks::default();
    if let Some(out) = child.stdout.take() {
        for text in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{text}");
            failures.read(&text);
            if let Some(result) = text.strip_prefix("test result: ") {
                counts.passed += number_before(result, " passed");
                counts.failed += number_before(result, " failed");
            }
            if text.starts_with(&skipped) {
                counts.skipped += 1;
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("`{line}` did not finish: {e}"))?;
    counts.ok = status.success();
    counts.failures = failures.blocks;
    Ok(counts)
}

/// Collects, from libtest's output, the blocks between a `failures:` heading and the list of
/// failed names that follows them: one block per failing test, its name and what it printed.
#[derive(Default)]
struct FailureBlocks {
    in_failures: bool,
    blocks: Vec<String>,
}

impl FailureBlocks {
    /// Lines kept per failing test: the panic and its list of problems come first.
    const LINES: usize = 40;
    /// Characters kept per line: a page dump can be one line of kilobytes.
    const WIDTH: usize = 400;

    fn read(&mut self, line: &str) {
        if line == "failures:" {
            // The first heading opens the blocks; the second one heads the list of names.
            self.in_failures = !self.in_failures;
            return;
        }
        if !self.in_failures {
            return;
        }
        if line.starts_with("---- ") && line.ends_with(" stdout ----") {
            self.blocks.push(String::new());
        }
        let Some(block) = self.blocks.last_mut() else {
            return;
        };
        if block.lines().count() < Self::LINES {
            block.extend(line.chars().take(Self::WIDTH));
            block.push('\n');
        }
    }
}

/// In `ok. 12 passed; 0 failed; ...`, the number before `label`.
fn number_before(text: &str, label: &str) -> usize {
    text.split(';')
        .find_map(|part| {
            part.trim()
                .trim_start_matches("ok. ")
                .trim_start_matches("FAILED. ")
                .strip_suffix(label)?
                .parse()
                .ok()
        })
        .unwrap_or(0)
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

#[cfg(test)]
mod tests {
    use super::{number_before, FailureBlocks};

    #[test]
    fn keeps_what_each_failing_test_printed_and_nothing_of_the_passing_ones() {
        let output = "running 3 tests
test a ... ok
test b ... FAILED
test c ... FAILED

successes:

---- a stdout ----
all fine

failures:

---- b stdout ----
thread 'b' panicked at tests/x.rs:1:1:
#late: the card did not show

---- c stdout ----
took 3 s

failures:
    b
    c

test result: FAILED. 1 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out";
        let mut blocks = FailureBlocks::default();
        for line in output.lines() {
            blocks.read(line);
        }
        assert_eq!(blocks.blocks.len(), 2, "{:?}", blocks.blocks);
        assert!(blocks.blocks[0].contains("#late: the card did not show"));
        assert!(blocks.blocks[1].starts_with("---- c stdout ----"));
        assert!(!blocks.blocks.concat().contains("all fine"));
        assert!(!blocks.blocks.concat().contains("    b"));
    }

    #[test]
    fn reads_the_counts_of_a_test_result_line() {
        let ok =
            "ok. 12 passed; 0 failed; 3 ignored; 0 measured; 2 filtered out; finished in 4.84s";
        assert_eq!(number_before(ok, " passed"), 12);
        assert_eq!(number_before(ok, " failed"), 0);
        let failed = "FAILED. 1 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out";
        assert_eq!(number_before(failed, " passed"), 1);
        assert_eq!(number_before(failed, " failed"), 2);
    }
}
