//! `cargo xtask <task>`: the project's build automation, in plain Rust (see the alias in
//! `.cargo/config.toml`). Each task does its own set-up, saying in one line what it does.

mod bench;
mod claim_review;
mod dist;
mod facts;
mod prerender;
mod serve;
mod setup;
mod sizes;
mod test;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "\
usage: cargo xtask <task> [options]

tasks:
  dist [--serve] [--port N]   set up tools, build dist/ (one-file page, embed bundle, demo);
                              with --serve, serve dist/ on 127.0.0.1 (default port 8000)
  serve [--port N]            serve the existing dist/ on 127.0.0.1
  bench [--check] [--runs N]  build release, then time the baseline page, dist/index.html and
                              the demo in headless Chromium; writes target/bench/report.md;
                              --check: fail unless the budgets of issue 6 are met
  sizes [--update]            compare dist/ (gzip -9 bytes per file) with sizes.json, or
                              rewrite sizes.json from dist/
  test                        set up, then fmt, clippy, native tests, facts checks, dist,
                              sizes, browser tests (headless Chromium), end-to-end tests
  verify [args]               check the facts file against its sources
  schema [args]               write or check the sheet's JSON Schema
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((task, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::FAILURE;
    };
    let result = match task.as_str() {
        "dist" => dist_task(rest),
        "serve" => serve_task(rest),
        "sizes" => sizes::task(rest),
        "bench" => bench::run_bench(rest),
        "test" => test::run_all(rest),
        "verify" => facts::verify(rest),
        "schema" => facts::schema(rest),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown task `{other}`\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask {task}: error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn dist_task(args: &[String]) -> Result<(), String> {
    let opts = Options::parse(args, &["--serve"], &["--port"])?;
    let serve_after = opts.flag("--serve");
    let port = opts.port()?;
    let tools = setup::build_tools()?;
    // The widget parses the sheet it embeds without re-checking it: check it before shipping
    // (the verbatim check runs where the sources' texts sit beside the repo).
    let seeds = root()
        .join("../shared/seeds")
        .to_string_lossy()
        .into_owned();
    facts::verify(&["--sources".into(), seeds])?;
    let dist = dist::build(&tools)?;
    dist::print_usage(&dist, serve_after);
    if serve_after {
        serve::run(&dist, port)?;
    }
    Ok(())
}

fn serve_task(args: &[String]) -> Result<(), String> {
    let opts = Options::parse(args, &[], &["--port"])?;
    let port = opts.port()?;
    let dist = root().join("dist");
    if !dist.join("index.html").is_file() {
        return Err("dist/ is not built: run `cargo xtask dist --serve`".into());
    }
    serve::run(&dist, port)
}

/// The workspace root: the parent of this crate's directory.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits inside the workspace")
        .to_path_buf()
}

/// Runs `cmd` in the workspace root, echoing it first; fails with the command line on a
/// non-zero exit.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let line = command_line(cmd);
    println!("$ {line}");
    let status = cmd
        .current_dir(
            cmd.get_current_dir()
                .map(Path::to_path_buf)
                .unwrap_or_else(root),
        )
        .status()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})"))
    }
}

/// Runs `cmd` quietly and returns its trimmed stdout, or `None` when it cannot start or
/// fails. For probing which tools are present.
pub fn probe(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

pub fn command_line(cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|s| s.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Hand-rolled options: known flags and `--name value` pairs, nothing else.
struct Options {
    flags: Vec<String>,
    values: Vec<(String, String)>,
}

impl Options {
    fn parse(args: &[String], flags: &[&str], valued: &[&str]) -> Result<Self, String> {
        let mut opts = Options {
            flags: Vec::new(),
            values: Vec::new(),
        };
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            if flags.contains(&arg.as_str()) {
                opts.flags.push(arg.clone());
            } else if let Some((name, value)) =
                arg.split_once('=').filter(|(n, _)| valued.contains(n))
            {
                opts.values.push((name.to_string(), value.to_string()));
            } else if valued.contains(&arg.as_str()) {
                let value = it.next().ok_or_else(|| format!("`{arg}` needs a value"))?;
                opts.values.push((arg.clone(), value.clone()));
            } else {
                return Err(format!("unknown option `{arg}`\n{USAGE}"));
            }
        }
        Ok(opts)
    }

    fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }

    fn port(&self) -> Result<u16, String> {
        match self.values.iter().rev().find(|(n, _)| n == "--port") {
            None => Ok(serve::DEFAULT_PORT),
            Some((_, v)) => v
                .parse()
                .map_err(|_| format!("`--port {v}` is not a port number")),
        }
    }
}
