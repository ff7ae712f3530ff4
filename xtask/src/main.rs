//! `cargo xtask <task>`: the project's build automation, in plain Rust (see the alias in
//! `.cargo/config.toml`). `setup` installs what the build needs; `dist`, `test` and `bench`
//! run it first, saying in one line each what they find or install.

mod bench;
mod dist;
mod engine;
mod extract;
mod facts;
mod oembed;
mod options;
mod peer;
mod prerender;
mod serve;
mod setup;
mod sizes;
mod stories;
mod structured_data;
mod test;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use options::Spec;

/// Every task: what it accepts, what it does (for the usage text), and how to run it.
type Task = (
    &'static Spec,
    &'static [&'static str],
    fn(&[String]) -> Result<(), String>,
);

const TASKS: [Task; 9] = [
    (
        &setup::SPEC,
        &[
            "install what is missing: the wasm32 target, wasm-bindgen-cli, wasm-opt",
            "and terser (npm), Chromium and ChromeDriver (Debian), brotli",
        ],
        setup::task,
    ),
    (
        &DIST,
        &[
            "set up tools, build dist/ (one-file page, embed bundle, iframe page and",
            "its oEmbed, demo); --base-url: the address dist/ will be served at, for",
            "the oEmbed's absolute URLs; --sheets DIR: also every sheet in DIR as a",
            "story (page, frame page, oEmbed) in dist/stories/; with --serve, serve",
            "dist/ on 127.0.0.1 (default port 8000)",
        ],
        dist_task,
    ),
    (
        &SERVE,
        &["serve the existing dist/ on 127.0.0.1"],
        serve_task,
    ),
    (
        &bench::SPEC,
        &[
            "build release, then time the baseline page, dist/index.html and",
            "the demo in headless Chromium; writes target/bench/report.md;",
            "--check: fail unless the budgets of issue 6 are met",
        ],
        bench::run_bench,
    ),
    (
        &sizes::SPEC,
        &[
            "compare dist/ (gzip -9 bytes per file) with sizes.json, or",
            "rewrite sizes.json from dist/",
        ],
        sizes::task,
    ),
    (
        &test::SPEC,
        &[
            "set up, then fmt, clippy, native tests, facts checks, dist,",
            "sizes, browser tests (headless Chromium), end-to-end tests",
        ],
        test::run_all,
    ),
    (
        &facts::VERIFY,
        &["check the facts file; with --sources, every quote against its source"],
        facts::verify_task,
    ),
    (
        &extract::SPEC,
        &[
            "draft a sheet from articles (plain text or Markdown), every item",
            "a proposal for an editor; --bench: time it on 100 KB of text",
        ],
        extract::task,
    ),
    (
        &facts::SCHEMA,
        &["write (or with --check, check) the sheet's JSON Schema"],
        facts::schema_task,
    ),
];

/// The usage text, from the tasks' own declarations.
fn usage() -> String {
    let width = TASKS
        .iter()
        .map(|(spec, _, _)| spec.synopsis().len())
        .max()
        .unwrap_or(0);
    let mut text = String::from("usage: cargo xtask <task> [options]\n\ntasks:\n");
    for (spec, about, _) in TASKS {
        let mut first = spec.synopsis();
        for line in about {
            text.push_str(&format!("  {first:<width$}  {line}\n"));
            first = String::new();
        }
    }
    text
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((task, rest)) = args.split_first() else {
        eprint!("{}", usage());
        return ExitCode::FAILURE;
    };
    let result = match TASKS.iter().find(|(spec, _, _)| spec.task == task) {
        Some((_, _, run_task)) => run_task(rest),
        None if matches!(task.as_str(), "help" | "-h" | "--help") => {
            print!("{}", usage());
            Ok(())
        }
        None => Err(format!("unknown task `{task}`\n{}", usage())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask {task}: error: {message}");
            ExitCode::FAILURE
        }
    }
}

const DIST: Spec = Spec {
    task: "dist",
    flags: &["--serve"],
    valued: &[
        ("--port", "N"),
        ("--base-url", "URL"),
        ("--provider-name", "NAME"),
        ("--sheets", "DIR"),
    ],
    operand: None,
};

fn dist_task(args: &[String]) -> Result<(), String> {
    let opts = DIST.parse(args)?;
    let serve_after = opts.flag("--serve");
    let port = port(&opts)?;
    let publishing =
        oembed::Publishing::new(opts.value("--base-url"), opts.value("--provider-name"))?;
    let tools = setup::build_tools()?;
    // The widget parses the sheet it embeds without re-checking it: check it before shipping.
    // The verbatim check runs where the sources' texts sit beside the repo; a newsroom
    // developer without them still builds (`test`, which CI runs, insists on them).
    facts::verify(None, facts::Sources::IfPresent(&seeds()))?;
    // Every story's sheet is checked before anything is built: a broken one fails the build
    // with its file named, and no story is written.
    let stories = match opts.value("--sheets") {
        Some(dir) => Some(stories::read(Path::new(dir), facts::now())?),
        None => None,
    };
    let dist = dist::build_for(&tools, &publishing)?;
    if let Some(stories) = stories {
        stories::write(&dist, stories, &publishing, dist::frame_page)?;
    }
    dist::print_usage(&dist, serve_after);
    if serve_after {
        serve::run(&dist, port)?;
    }
    Ok(())
}

const SERVE: Spec = Spec {
    task: "serve",
    flags: &[],
    valued: &[("--port", "N")],
    operand: None,
};

fn serve_task(args: &[String]) -> Result<(), String> {
    let port = port(&SERVE.parse(args)?)?;
    let dist = root().join("dist");
    if !dist.join("index.html").is_file() {
        return Err("dist/ is not built: run `cargo xtask dist --serve`".into());
    }
    serve::run(&dist, port)
}

fn port(opts: &options::Options) -> Result<u16, String> {
    Ok(opts
        .parsed("--port", "a port number")?
        .unwrap_or(serve::DEFAULT_PORT))
}

/// The full texts of the seed story's sources, in the `shared/` folder beside the clone.
pub fn seeds() -> PathBuf {
    root().join("../shared/seeds")
}

/// The workspace root: the parent of this crate's directory.
pub fn root() -> PathBuf {
    // xtask sits one folder below the workspace root, so it always has a parent.
    let xtask = Path::new(env!("CARGO_MANIFEST_DIR"));
    xtask.parent().unwrap_or(xtask).to_path_buf()
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
