//! Set-up: finds each tool the build needs, installs it when missing, and says in one line
//! what it did. Installs come only from package registries (rustup, crates.io, npm, Debian):
//! nothing is downloaded from GitHub. `cargo xtask setup` installs everything any task needs;
//! `dist`, `test` and `bench` call the parts they need, so a fresh clone needs no set-up step.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::options::Spec;
use crate::{probe, root, run};

pub use crate::engine::Engine;

const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Debian's binaryen (wasm-opt 108) cannot read what Rust 1.95 emits (`table.fill`); the npm
/// build of version 132 can, and needs only node.
const BINARYEN_NPM: &str = "binaryen@132";
const BINARYEN_VERSION: &str = "version 132";
/// Shrinks the wasm-bindgen glue (54 KB to 23 KB raw, 9.0 to 6.8 KB gzip).
const TERSER_NPM: &str = "terser@5.51.2";
const TERSER_VERSION: &str = "terser 5.51.2";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
pub const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
/// The browser WebKitWebDriver starts (Debian's `webkit2gtk-driver` depends on it).
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
/// WebKitGTK has no headless mode: its window goes to a virtual X display.
pub const XVFB_RUN: &str = "/usr/bin/xvfb-run";
/// Gives a WebKit test's window the X display's keyboard focus, which no window manager
/// gives it there (`focus_the_window` in the tests' `support/browser.rs`).
pub const XDOTOOL: &str = "/usr/bin/xdotool";
/// Firefox's WebDriver server, from crates.io (Debian has none), pinned.
const GECKODRIVER_VERSION: &str = "0.37.1";

/// The tools the build runs, as found or installed by [`build_tools`].
pub struct Tools {
    pub wasm_bindgen: PathBuf,
    pub wasm_opt: PathBuf,
    pub terser: PathBuf,
    /// `PATH` with the directory of the matching wasm-bindgen CLI first, so that cargo's
    /// wasm32 runner (`wasm-bindgen-test-runner`) is the same version as the crate.
    pub path: OsString,
}

pub const SPEC: Spec = Spec {
    task: "setup",
    flags: &[],
    valued: &[],
    operand: None,
};

/// `cargo xtask setup`: everything any task needs, then one line saying what was installed
/// (nothing, on a machine that has it all).
pub fn task(args: &[String]) -> Result<(), String> {
    SPEC.parse(args)?;
    let mut installed = Installed::default();
    build_tools_noting(&mut installed)?;
    // One apt run for the browser tests' and the benchmark's packages.
    debian_tools(
        &[BROWSER, FIREFOX_TOOLS, WEBKIT_TOOLS, BROTLI].concat(),
        &mut installed,
    )?;
    geckodriver_noting(&mut installed)?;
    if installed.0.is_empty() {
        println!("setup: nothing is missing");
    } else {
        println!("setup: installed {}", installed.0.join(", "));
    }
    Ok(())
}

/// What one set-up run installed (as opposed to found).
#[derive(Default)]
struct Installed(Vec<String>);

/// Everything `dist` needs: the wasm target, wasm-bindgen-cli at the crate's version, wasm-opt
/// and terser.
pub fn build_tools() -> Result<Tools, String> {
    build_tools_noting(&mut Installed::default())
}

fn build_tools_noting(installed: &mut Installed) -> Result<Tools, String> {
    wasm_target(installed)?;
    let wasm_bindgen = wasm_bindgen_cli(installed)?;
    let wasm_opt = npm_tool("wasm-opt", BINARYEN_NPM, BINARYEN_VERSION, installed)?;
    let terser = npm_tool("terser", TERSER_NPM, TERSER_VERSION, installed)?;
    let bin_dir = wasm_bindgen.parent().unwrap_or(Path::new("")).to_path_buf();
    let path = env::join_paths(
        std::iter::once(bin_dir).chain(env::split_paths(&env::var_os("PATH").unwrap_or_default())),
    )
    .map_err(|e| format!("cannot build PATH: {e}"))?;
    Ok(Tools {
        wasm_bindgen,
        wasm_opt,
        terser,
        path,
    })
}

pub fn target_dir() -> PathBuf {
    env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

fn wasm_target(installed: &mut Installed) -> Result<(), String> {
    let targets = probe(Command::new("rustup").args(["target", "list", "--installed"]));
    match targets {
        Some(list) if list.lines().any(|l| l.trim() == WASM_TARGET) => {
            println!("setup: Rust target {WASM_TARGET}: installed");
            Ok(())
        }
        Some(_) => {
            println!("setup: adding the Rust target {WASM_TARGET} (rustup)");
            run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
            installed.0.push(format!("the Rust target {WASM_TARGET}"));
            Ok(())
        }
        None => {
            // No rustup: accept a toolchain that ships the target in its sysroot.
            let sysroot =
                probe(Command::new("rustc").args(["--print", "sysroot"])).unwrap_or_default();
            if Path::new(&sysroot)
                .join("lib/rustlib")
                .join(WASM_TARGET)
                .is_dir()
            {
                println!("setup: Rust target {WASM_TARGET}: in the sysroot");
                Ok(())
            } else {
                Err(format!(
                    "the Rust target {WASM_TARGET} is missing and rustup is not installed: \
                     install Rust with rustup, then run `rustup target add {WASM_TARGET}`"
                ))
            }
        }
    }
}

/// The CLI must be exactly the version of the `wasm-bindgen` crate in `Cargo.lock`.
fn wasm_bindgen_cli(installed: &mut Installed) -> Result<PathBuf, String> {
    let version = locked_wasm_bindgen()?;
    if let Some(found) = find_wasm_bindgen(&version) {
        println!(
            "setup: wasm-bindgen-cli {version}: installed ({})",
            found.display()
        );
        return Ok(found);
    }
    println!(
        "setup: installing wasm-bindgen-cli {version} from crates.io (cargo install; about 12 minutes on 2 cores)"
    );
    // Not `--locked`: the lock file published with 0.2.130 pins a crate version that the
    // registry no longer has, and resolution then fails.
    run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &version]))?;
    let found = find_wasm_bindgen(&version).ok_or_else(|| {
        format!("wasm-bindgen {version} is still not found after `cargo install`: is ~/.cargo/bin on PATH?")
    })?;
    installed.0.push(format!("wasm-bindgen-cli {version}"));
    Ok(found)
}

fn locked_wasm_bindgen() -> Result<String, String> {
    let lock_path = root().join("Cargo.lock");
    if !lock_path.is_file() {
        println!("setup: writing Cargo.lock (cargo generate-lockfile)");
        run(Command::new("cargo").arg("generate-lockfile"))?;
    }
    let lock = fs::read_to_string(&lock_path)
        .map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    locked_version(&lock, "wasm-bindgen").ok_or_else(|| {
        "Cargo.lock has no `wasm-bindgen` package: is the widget crate's dependency gone?".into()
    })
}

/// The version of package `name` in a `Cargo.lock` text (the first one, if several).
pub fn locked_version(lock: &str, name: &str) -> Option<String> {
    lock.split("[[package]]").find_map(|block| {
        let field = |key: &str| {
            block.lines().find_map(|line| {
                let (k, v) = line.split_once('=')?;
                (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
            })
        };
        (field("name")? == name).then(|| field("version")).flatten()
    })
}

/// A `wasm-bindgen` of exactly `version` on `PATH` or in cargo's bin directory, with its
/// test runner beside it.
fn find_wasm_bindgen(version: &str) -> Option<PathBuf> {
    let cargo_bin = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin"));
    let path = env::var_os("PATH").unwrap_or_default();
    let dirs = env::split_paths(&path).chain(cargo_bin);
    let wanted = format!("wasm-bindgen {version}");
    dirs.map(|dir| dir.join("wasm-bindgen"))
        .filter(|exe| exe.is_file() && exe.with_file_name("wasm-bindgen-test-runner").is_file())
        .find(|exe| probe(Command::new(exe).arg("--version")).is_some_and(|v| v == wanted))
}

/// A command-line tool from npm, installed locally under `target/tools/` at an exact version.
fn npm_tool(
    bin: &str,
    package: &str,
    version: &str,
    installed: &mut Installed,
) -> Result<PathBuf, String> {
    let prefix = target_dir().join("tools");
    let exe = prefix.join("node_modules/.bin").join(bin);
    let is_right = |exe: &Path| {
        exe.is_file()
            && probe(Command::new(exe).arg("--version")).is_some_and(|v| v.contains(version))
    };
    if is_right(&exe) {
        println!("setup: {bin} ({version}): installed ({})", exe.display());
        return Ok(exe);
    }
    if probe(Command::new("npm").arg("--version")).is_none()
        || probe(Command::new("node").arg("--version")).is_none()
    {
        return Err(format!(
            "node and npm are needed for {bin} ({package} from npm): install them with \
             `apt-get install -y nodejs npm`"
        ));
    }
    println!(
        "setup: installing {bin} from npm ({package}) into {}",
        prefix.display()
    );
    fs::create_dir_all(&prefix).map_err(|e| format!("cannot create {}: {e}", prefix.display()))?;
    run(Command::new("npm")
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            "--prefix",
        ])
        .arg(&prefix)
        .arg(package))?;
    if is_right(&exe) {
        installed.0.push(format!("{bin} ({package})"));
        Ok(exe)
    } else {
        Err(format!(
            "{} does not report {version} after `npm install`",
            exe.display()
        ))
    }
}

/// Programs from Debian, each as (the program, its package).
type DebianTools<'a> = &'a [(&'a str, &'a str)];

/// Chromium and ChromeDriver, for the browser and end-to-end tests.
const BROWSER: DebianTools = &[(CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")];
/// `brotli`, for the benchmark's brotli column.
const BROTLI: DebianTools = &[("/usr/bin/brotli", "brotli")];
/// Firefox ESR, for the end-to-end tests in Firefox (with geckodriver from crates.io).
const FIREFOX_TOOLS: DebianTools = &[(FIREFOX, "firefox-esr")];
/// WebKitWebDriver with its MiniBrowser, a virtual X display for its window, and xdotool to
/// give that window the keyboard focus where a test needs it.
const WEBKIT_TOOLS: DebianTools = &[
    (WEBKIT_DRIVER, "webkit2gtk-driver"),
    (MINIBROWSER, "webkit2gtk-driver"),
    (XVFB_RUN, "xvfb"),
    (XDOTOOL, "xdotool"),
];

/// What the end-to-end tests need for each engine, after `browser` (Chromium): each found, or
/// installed (apt when root, geckodriver through `cargo install`). An engine that cannot be had is an error naming the
/// exact commands when `CI=true`; elsewhere it is left out with that message, and the tests
/// run in the others. Returns the engines to run and geckodriver's path when Firefox is one.
pub fn engines(wanted: &[Engine]) -> Result<(Vec<Engine>, Option<PathBuf>), String> {
    let in_ci = env::var("CI").is_ok_and(|v| v == "true");
    let mut ready = Vec::new();
    let mut geckodriver = None;
    let mut installed = Installed::default();
    for &engine in wanted {
        let found = match engine {
            // `browser` has found or installed it already: the browser tests need it too.
            Engine::Chromium => Ok(()),
            Engine::Firefox => debian_tools(FIREFOX_TOOLS, &mut installed)
                .and_then(|()| geckodriver_noting(&mut installed))
                .map(|path| geckodriver = Some(path)),
            Engine::Webkit => debian_tools(WEBKIT_TOOLS, &mut installed),
        };
        match found {
            Ok(()) => ready.push(engine),
            Err(e) if in_ci => {
                return Err(format!("the end-to-end tests need {}: {e}", engine.name()))
            }
            Err(e) => println!(
                "setup: {} is left out of the end-to-end tests (CI=true makes this a failure): {e}",
                engine.name()
            ),
        }
    }
    Ok((ready, geckodriver))
}

/// geckodriver at the pinned version, on `PATH` or in cargo's bin directory, else installed
/// from crates.io.
fn geckodriver_noting(installed: &mut Installed) -> Result<PathBuf, String> {
    let wanted = format!("geckodriver {GECKODRIVER_VERSION}");
    let find = || {
        cargo_bin_and_path("geckodriver").find(|exe| {
            probe(Command::new(exe).arg("--version"))
                .is_some_and(|v| v.lines().next().is_some_and(|l| l.starts_with(&wanted)))
        })
    };
    if let Some(found) = find() {
        println!("setup: {wanted}: installed ({})", found.display());
        return Ok(found);
    }
    println!(
        "setup: installing {wanted} from crates.io (cargo install; about 7 minutes on 2 cores)"
    );
    run(Command::new("cargo").args(["install", "geckodriver", "--version", GECKODRIVER_VERSION]))?;
    let found = find().ok_or_else(|| {
        format!("{wanted} is still not found after `cargo install geckodriver --version {GECKODRIVER_VERSION}`: is ~/.cargo/bin on PATH?")
    })?;
    installed.0.push(wanted);
    Ok(found)
}

/// `program` in each directory of `PATH`, then in cargo's bin directory.
fn cargo_bin_and_path(program: &str) -> impl Iterator<Item = PathBuf> + '_ {
    let cargo_bin = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin"));
    let path = env::var_os("PATH").unwrap_or_default();
    env::split_paths(&path)
        .collect::<Vec<_>>()
        .into_iter()
        .chain(cargo_bin)
        .map(move |dir| dir.join(program))
        .filter(|exe| exe.is_file())
}

/// Chromium and ChromeDriver from Debian, for the browser and end-to-end tests.
pub fn browser() -> Result<(), String> {
    debian_tools(BROWSER, &mut Installed::default())
}

/// Debian's `brotli`, for the benchmark's brotli column.
pub fn brotli() -> Result<(), String> {
    debian_tools(BROTLI, &mut Installed::default())
}

/// Programs from Debian's packages: installed with apt when missing and running as root,
/// otherwise an error naming the exact command.
fn debian_tools(tools: DebianTools, installed: &mut Installed) -> Result<(), String> {
    let missing: Vec<&str> = tools
        .iter()
        .filter(|(exe, _)| !Path::new(exe).is_file())
        .map(|(exe, _)| *exe)
        .collect();
    if missing.is_empty() {
        let version = |exe: &str| {
            // Not every program has `--version` (WebKitWebDriver, xvfb-run): then its path.
            probe(Command::new(exe).arg("--version")).unwrap_or_else(|| exe.to_string())
        };
        let found: Vec<String> = tools.iter().map(|(exe, _)| version(exe)).collect();
        println!("setup: {}: installed", found.join(" / "));
        return Ok(());
    }
    // Only the packages of what is missing: the others are there already.
    let mut packages: Vec<&str> = tools
        .iter()
        .filter(|(exe, _)| !Path::new(exe).is_file())
        .map(|(_, package)| *package)
        .collect();
    // One package can bring several of the programs.
    packages.dedup();
    let command = format!(
        "apt-get update && apt-get install -y {}",
        packages.join(" ")
    );
    if probe(Command::new("id").arg("-u")).as_deref() != Some("0") {
        return Err(format!(
            "{} missing: run `sudo sh -c '{command}'`",
            missing.join(" and ")
        ));
    }
    println!(
        "setup: installing {} from Debian ({command})",
        packages.join(" and ")
    );
    run(Command::new("apt-get")
        .arg("update")
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    run(Command::new("apt-get")
        .args(["install", "-y"])
        .args(&packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    match tools.iter().find(|(exe, _)| !Path::new(exe).is_file()) {
        Some((exe, _)) => Err(format!("{exe} is still missing after `{command}`")),
        None => {
            installed.0.push(packages.join(" and "));
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::locked_version;

    #[test]
    fn reads_the_locked_version_of_one_package() {
        let lock = r#"
version = 4

[[package]]
name = "wasm-bindgen-backend"
version = "0.2.99"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
"#;
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(locked_version(lock, "serde"), None);
    }
}
