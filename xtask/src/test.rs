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
/// time, the tests that passed only when run again, and what each failing test said.
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
    let mut flaky = Vec::new();
    for &engine in engines {
        println!("\n--> end-to-end tests in {}", engine.name());
        let started = Instant::now();
        let counts = run_counting(
            &mut engine_command(tools, engine, geckodriver, &args),
            engine,
        )?;
        // A browser test that fails once runs once more, alone; it passes only if that run
        // passes, and is then named as flaky below and in the summary. A test failing twice
        // fails the step, and a run that failed without naming a test is not retried.
        let mut failures_left = counts.failed;
        let mut retried_ok = Vec::new();
        if !counts.ok && !counts.failed_tests.is_empty() {
            for name in &counts.failed_tests {
                println!("\n--> {} once more, alone: {name}", engine.name());
                // Cargo names each test binary on stderr, so the test is found by its name.
                let mut again = args.clone();
                again.retain(|a| *a != "--show-output");
                again.extend(["--exact", name.as_str(), "--show-output"]);
                let rerun = run_counting(
                    &mut engine_command(tools, engine, geckodriver, &again),
                    engine,
                )?;
                if rerun.ok && rerun.passed == 1 {
                    retried_ok.push(name.clone());
                    failures_left -= 1;
                }
            }
        }
        let ok = counts.ok
            || (counts.failed == counts.failed_tests.len()
                && !retried_ok.is_empty()
                && retried_ok.len() == counts.failed_tests.len());
        let line = format!(
            "{:<9} {:>3} passed ({} of them Chromium-only, skipped), {} failed{}, {:.1} s",
            engine.name(),
            counts.passed + retried_ok.len(),
            counts.skipped,
            failures_left,
            if retried_ok.is_empty() {
                String::new()
            } else {
                format!(
                    " ({} passed only when run again: {})",
                    retried_ok.len(),
                    retried_ok.join(", ")
                )
            },
            started.elapsed().as_secs_f64()
        );
        if !ok {
            failed.push(engine.name());
        }
        for block in &counts.failures {
            let report = (engine.name(), block.clone());
            if retried_ok
                .iter()
                .any(|name| block.starts_with(&format!("---- {name} stdout")))
            {
                flaky.push(report);
            } else {
                failure_reports.push(report);
            }
        }
        summary.push(line);
    }
    println!("\nend-to-end tests per engine:");
    for line in &summary {
        println!("  {line}");
    }
    for (engine, block) in &flaky {
        println!(
            "\nflaky in {engine} (failed, then passed alone):\n{}",
            block.trim_end()
        );
    }
    for (engine, block) in &failure_reports {
        println!("\nfailed in {engine}:\n{}", block.trim_end());
    }
    // Last, one line per test with what it said first: the very end of a log.
    for (engine, block) in &flaky {
        println!("flaky in {engine}: {}", FailureBlocks::headline(block));
    }
    let lines: Vec<String> = failure_reports
        .iter()
        .map(|(engine, block)| format!("\n  {engine}: {}", FailureBlocks::headline(block)))
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "failures in {}{}",
            failed.join(", "),
            lines.concat()
        ))
    }
}

/// `cargo <args>` for the end-to-end tests in `engine`: WebKitGTK has no headless mode, so its
/// run has one virtual X display (`xvfb-run`, with the screen `WEBKIT_SCREEN`) that every
/// test's MiniBrowser window shares.
fn engine_command(
    tools: &Tools,
    engine: Engine,
    geckodriver: Option<&PathBuf>,
    args: &[&str],
) -> Command {
    let mut cmd = if engine == Engine::Webkit {
        let mut xvfb = Command::new(XVFB_RUN);
        xvfb.args(["-a", "-s", WEBKIT_SCREEN, "cargo"])
            .args(args)
            .env("PATH", &tools.path);
        xvfb
    } else {
        cargo(tools, args)
    };
    // A backtrace says nothing a test's own report does not, and pushes it out of a log's tail.
    cmd.env("FACTSHEET_ENGINE", engine.name())
        .env("RUST_BACKTRACE", "0");
    if let Some(path) = geckodriver {
        cmd.env("GECKODRIVER", path);
    }
    cmd
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
    /// The name of each failed test.
    failed_tests: Vec<String>,
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
    counts.failed_tests = failures.failed;
    Ok(counts)
}

/// Collects, from libtest's output, the blocks between a `failures:` heading and the list of
/// failed names that follows them (one block per failing test, its name and what it printed),
/// and that list of names.
#[derive(Default)]
struct FailureBlocks {
    section: Section,
    blocks: Vec<String>,
    /// The name of every failed test, in the order libtest listed them.
    failed: Vec<String>,
}

/// Where in one test binary's output `FailureBlocks` is.
#[derive(Default, PartialEq)]
enum Section {
    #[default]
    Other,
    /// After the first `failures:`: each failing test's output.
    Outputs,
    /// After the second: the failed tests' names, four spaces in.
    Names,
}

impl FailureBlocks {
    /// Lines kept per failing test: the panic and its list of problems come first.
    const LINES: usize = 40;
    /// Characters kept per line: a page dump can be one line of kilobytes.
    const WIDTH: usize = 400;

    fn read(&mut self, line: &str) {
        if line.starts_with("running ") && line.ends_with(" tests") {
            // The next test binary.
            self.section = Section::Other;
            return;
        }
        if line == "failures:" {
            // The first heading opens the blocks; the second one heads the list of names.
            self.section = match self.section {
                Section::Outputs => Section::Names,
                _ => Section::Outputs,
            };
            return;
        }
        match self.section {
            Section::Other => {}
            Section::Names => match line.strip_prefix("    ") {
                Some(name) if !name.trim().is_empty() => {
                    self.failed.push(name.trim().to_owned());
                }
                _ => self.section = Section::Other,
            },
            Section::Outputs => {
                if line.starts_with("---- ") && line.ends_with(" stdout ----") {
                    self.blocks.push(String::new());
                }
                let Some(block) = self.blocks.last_mut() else {
                    return;
                };
                if is_backtrace(line) {
                    return;
                }
                if block.lines().count() < Self::LINES {
                    block.extend(line.chars().take(Self::WIDTH));
                    block.push('\n');
                }
            }
        }
    }

    /// A failing test's block in one line: its name and the first line of its panic's
    /// message (the line after `panicked at`), or its first line of output.
    fn headline(block: &str) -> String {
        let mut lines = block.lines();
        let name = lines
            .next()
            .unwrap_or_default()
            .trim_start_matches("---- ")
            .trim_end_matches(" stdout ----");
        let rest: Vec<&str> = lines.filter(|l| !l.trim().is_empty()).collect();
        let message = rest
            .iter()
            .position(|l| l.contains(" panicked at "))
            .and_then(|i| rest.get(i + 1))
            .or(rest.first())
            .unwrap_or(&"");
        let message: String = message.chars().take(Self::WIDTH).collect();
        format!("{name}: {message}")
    }
}

/// A frame of a backtrace (`  12: name` or `      at path:line:col`) or its heading.
fn is_backtrace(line: &str) -> bool {
    let t = line.trim_start();
    let frame = t
        .split_once(": ")
        .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let indented = line.len() > t.len();
    (indented && (frame || t.starts_with("at ")))
        || t == "stack backtrace:"
        || t.starts_with("note: run with `RUST_BACKTRACE")
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
    use super::{is_backtrace, number_before, FailureBlocks};

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
        assert_eq!(blocks.failed, ["b", "c"], "the failed tests, to run again");
    }

    #[test]
    fn leaves_out_backtraces_and_ends_with_each_failures_message() {
        let output = "failures:

---- d stdout ----
took 3 s
thread 'd' panicked at tests/support/browser.rs:305:9:
webkit: the demo's iframe did not open its popover
stack backtrace:
   0: std::panicking::begin_panic
             at /rustc/library/std/src/panicking.rs:80:14
   1: e2e::d::{{closure}}
problems:
  1: none here

failures:
    d
";
        let mut blocks = FailureBlocks::default();
        for line in output.lines() {
            blocks.read(line);
        }
        let block = &blocks.blocks[0];
        assert!(
            !block.contains("begin_panic") && !block.contains("at /rustc"),
            "{block}"
        );
        assert!(!block.contains("stack backtrace"), "{block}");
        assert!(block.contains("the demo's iframe"), "{block}");
        assert!(!is_backtrace("problems:") && !is_backtrace("1: not indented"));
        assert_eq!(
            FailureBlocks::headline(block),
            "d: webkit: the demo's iframe did not open its popover"
        );
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
