//! A headless browser session through its WebDriver server, in the engine the run asks for
//! (`FACTSHEET_ENGINE`: `chromium`, the default, `firefox` or `webkit`), and running a test's
//! body in one: started, used, and always quit, with the error that stopped the body reported.

use std::future::Future;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value as Json};
use thirtyfour::prelude::*;
use thirtyfour::Capabilities;

use super::{describe_hosts, Outcome, TempDir};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
pub const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
pub const XDOTOOL: &str = "/usr/bin/xdotool";
/// What Chromium needs on this kind of machine (root, no GPU, no network but loopback).
pub const CHROMIUM_FLAGS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];
/// The window most tests use: wide enough for the card's two columns. Written as Chromium's
/// flag; the other engines get the same size through WebDriver's Set Window Rect.
pub const WINDOW: &str = "--window-size=1200,900";

pub use super::engine::Engine;

impl Engine {
    /// The engine of this run: `FACTSHEET_ENGINE`, Chromium when unset.
    pub fn current() -> Engine {
        match std::env::var("FACTSHEET_ENGINE").as_deref() {
            Err(_) | Ok("") => Engine::Chromium,
            Ok(name) => Engine::ALL
                .into_iter()
                .find(|engine| engine.name() == name)
                .unwrap_or_else(|| {
                    panic!("FACTSHEET_ENGINE={name}: expected chromium, firefox or webkit")
                }),
        }
    }
}

/// Whether this run's engine is Chromium; if not, says on the test's output that the check
/// is skipped and why (`reason`: what only Chromium offers).
pub fn chromium_only(reason: &str) -> bool {
    let engine = Engine::current();
    if engine != Engine::Chromium {
        println!("skipped in {}: Chromium only ({reason})", engine.name());
        return false;
    }
    true
}

/// A browser session with its own WebDriver server (and, for Chromium, a fresh profile); all
/// are stopped and removed on drop (call `quit` first to close the session cleanly).
pub struct Browser {
    pub driver: WebDriver,
    pub engine: Engine,
    _process: DriverProcess,
    _profile: TempDir,
}

impl Browser {
    /// Starts a session; `extra_args` are more Chromium flags (a window size, say), of which
    /// the other engines take the window size.
    pub async fn start(extra_args: &[&str]) -> Browser {
        Browser::start_with(extra_args, |_| Ok(())).await
    }

    /// Like `start`, with `configure` changing the capabilities first (see `javascript_off`,
    /// `log_the_console`).
    pub async fn start_with(
        extra_args: &[&str],
        configure: impl FnOnce(&mut Capabilities) -> WebDriverResult<()>,
    ) -> Browser {
        let engine = Engine::current();
        let process = DriverProcess::start(engine);
        let profile = TempDir::new("factsheet-e2e-profile");
        let mut caps = capabilities(engine, extra_args, &profile.0);
        configure(&mut caps).expect("capabilities");
        let driver = WebDriver::new(process.url(), caps)
            .await
            .unwrap_or_else(|e| panic!("a {} session: {e}", engine.name()));
        if engine != Engine::Chromium {
            let size = extra_args.iter().find_map(|a| window_size(a));
            let (width, height) = size.unwrap_or((1200, 900));
            driver
                .set_window_rect(0, 0, width, height)
                .await
                .expect("the window's size");
        }
        if engine == Engine::Webkit {
            pointer_clear_of(&driver, extra_args).await;
        }
        Browser {
            driver,
            engine,
            _process: process,
            _profile: profile,
        }
    }

    pub async fn quit(self) {
        let _ = self.driver.clone().quit().await;
    }
}

/// WebKit's window is a real window on the run's X display, whose pointer rests at the
/// screen's centre. When another window opens or closes over that point (another test's
/// browser), the window under it is told the pointer moved there, and the page gets a real
/// mouse move: a hovered popover closes, or one about to open does not. Such a run fails at
/// random, so it is refused: the display must be wide enough that its centre lies right of
/// this window (`cargo xtask test` makes it so; by hand, see the message).
async fn pointer_clear_of(driver: &WebDriver, extra_args: &[&str]) {
    let (width, height) = extra_args
        .iter()
        .find_map(|a| window_size(a))
        .unwrap_or((1200, 900));
    let screen: [u32; 2] = driver
        .execute("return [screen.width, screen.height];", Vec::new())
        .await
        .and_then(|r| r.convert())
        .expect("the screen's size");
    let [screen_width, screen_height] = screen;
    if screen_width / 2 < width && screen_height / 2 < height {
        panic!(
            "WebKit's X display is {screen_width}x{screen_height}: its pointer, resting at the \
             centre, is inside this {width}x{height} window, and other windows opening and \
             closing there would move the page's mouse at random. Run WebKit under \
             `xvfb-run -a -s \"-screen 0 2600x1200x24\"` (as `cargo xtask test` does)."
        );
    }
}

/// Gives the browser's window the system's keyboard focus, as a reader's window has while
/// they press Tab. Chromium's and Firefox's headless windows count as focused. WebKit's window
/// on the test's X display does not: no window manager focuses it, and X's focus follows the
/// pointer, which rests outside every window (`pointer_clear_of`); unfocused, WebKit keeps
/// `document.hasFocus()` false and matches no `:focus` rule, so nothing shown on focus shows.
/// There the window is found by a title set for the purpose and focused with xdotool; it keeps
/// the focus until it closes (windows opened later by other tests do not take it).
pub async fn focus_the_window(d: &WebDriver) -> Outcome {
    if Engine::current() != Engine::Webkit {
        return Ok(());
    }
    static WINDOWS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let title = format!(
        "factsheet-e2e-{}-{}",
        std::process::id(),
        WINDOWS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let page_title: String = d
        .execute(
            "const was = document.title; document.title = arguments[0]; return was;",
            vec![json!(title)],
        )
        .await?
        .convert()?;
    assert!(
        Path::new(XDOTOOL).is_file(),
        "{XDOTOOL} is missing: {}",
        install_hint(Engine::Webkit)
    );
    // The window's title follows the page's a moment later; then the focus, a moment later.
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut asked = false;
    loop {
        if !asked {
            // The name is a pattern: anchored, `…-1` does not find `…-10`.
            asked = Command::new(XDOTOOL)
                .args(["search", "--name", &format!("{title}$"), "windowfocus"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
        }
        let focused: bool = d
            .execute("return document.hasFocus();", Vec::new())
            .await?
            .convert()?;
        if focused {
            break;
        }
        if Instant::now() > deadline {
            return Err(format!(
                "WebKit's window (title {title:?}) did not get the keyboard focus within 5 s \
                 (xdotool {})",
                if asked {
                    "focused it"
                } else {
                    "found no such window"
                }
            )
            .into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    d.execute("document.title = arguments[0];", vec![json!(page_title)])
        .await?;
    Ok(())
}

/// `--window-size=W,H` read back as numbers.
fn window_size(flag: &str) -> Option<(u32, u32)> {
    let (w, h) = flag.strip_prefix("--window-size=")?.split_once(',')?;
    Some((w.parse().ok()?, h.parse().ok()?))
}

/// The engine's capabilities: its binary, headless (WebKit has no headless mode; its window
/// goes to the X display the test command started), and for Chromium the flags above.
fn capabilities(engine: Engine, extra_args: &[&str], profile: &Path) -> Capabilities {
    let caps = match engine {
        Engine::Chromium => {
            let mut args: Vec<String> = CHROMIUM_FLAGS
                .iter()
                .chain(extra_args)
                .map(|a| a.to_string())
                .collect();
            args.push(format!("--user-data-dir={}", profile.display()));
            json!({
                "browserName": "chrome",
                "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
            })
        }
        Engine::Firefox => json!({
            "browserName": "firefox",
            "moz:firefoxOptions": { "binary": FIREFOX, "args": ["-headless"], "prefs": {} },
        }),
        Engine::Webkit => json!({
            "webkitgtk:browserOptions": { "binary": MINIBROWSER, "args": ["--automation"] },
        }),
    };
    match caps {
        Json::Object(map) => Capabilities::from(map),
        _ => Capabilities::new(),
    }
}

/// Capabilities that turn the page's JavaScript off (WebDriver's own scripts still run), in
/// each engine's own way.
pub fn javascript_off(caps: &mut Capabilities) -> WebDriverResult<()> {
    let (key, field, value) = match Engine::current() {
        Engine::Chromium => (
            "goog:chromeOptions",
            "prefs",
            json!({ "profile.managed_default_content_settings.javascript": 2 }),
        ),
        Engine::Firefox => (
            "moz:firefoxOptions",
            "prefs",
            json!({ "javascript.enabled": false }),
        ),
        Engine::Webkit => (
            "webkitgtk:browserOptions",
            "args",
            json!(["--automation", "--enable-javascript=false"]),
        ),
    };
    let mut options = caps.get(key).cloned().unwrap_or_else(|| json!({}));
    options[field] = value;
    caps.set(key, options)
}

/// Has Chromium keep the console's messages for `policy_violations` to read; the other
/// engines' drivers have no log endpoint, and the page's own events count there instead.
pub fn log_the_console(caps: &mut Capabilities) -> WebDriverResult<()> {
    if Engine::current() == Engine::Chromium {
        caps.set("goog:loggingPrefs", json!({ "browser": "ALL" }))?;
    }
    Ok(())
}

/// Runs `body` in a fresh browser (started with `extra_args`) and fails the test with the
/// error it returns, if any. The browser is quit whatever happens.
pub async fn with_browser<Body, Fut>(extra_args: &[&str], body: Body)
where
    Body: FnOnce(WebDriver) -> Fut,
    Fut: Future<Output = Outcome>,
{
    with_configured_browser(extra_args, |_| Ok(()), body).await;
}

/// `with_browser`, with `configure` changing the capabilities first (see `Browser::start_with`).
pub async fn with_configured_browser<Body, Fut>(
    extra_args: &[&str],
    configure: impl FnOnce(&mut Capabilities) -> WebDriverResult<()>,
    body: Body,
) where
    Body: FnOnce(WebDriver) -> Fut,
    Fut: Future<Output = Outcome>,
{
    if let Err(e) = in_browser(extra_args, configure, body).await {
        panic!("{e}");
    }
}

/// Runs `body` in a fresh browser and quits it whatever happens. An error comes back with
/// what the page held when it stopped.
pub async fn in_browser<Body, Fut>(
    extra_args: &[&str],
    configure: impl FnOnce(&mut Capabilities) -> WebDriverResult<()>,
    body: Body,
) -> Outcome
where
    Body: FnOnce(WebDriver) -> Fut,
    Fut: Future<Output = Outcome>,
{
    let browser = Browser::start_with(extra_args, configure).await;
    let mut outcome = body(browser.driver.clone()).await;
    if let Err(e) = &outcome {
        outcome = Err(format!("{e}\n(the page: {})", describe_hosts(&browser.driver).await).into());
    }
    browser.quit().await;
    outcome
}

/// Opens a blank page and has `source` run before the scripts of every page loaded after it
/// (a probe that records what the page does).
pub async fn before_every_page(d: &WebDriver, source: &str) -> Outcome {
    let cdp = d.cdp();
    d.goto("about:blank").await?;
    cdp.send_raw("Page.enable", serde_json::json!({})).await?;
    cdp.send_raw(
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": source }),
    )
    .await?;
    Ok(())
}

/// The engine's WebDriver server on a free loopback port, stopped on drop.
pub struct DriverProcess {
    child: Child,
    port: u16,
}

impl DriverProcess {
    /// Starts the driver on a free port. A port found free can be taken by another test's
    /// server or driver before the driver binds it, so readiness is the driver's own
    /// `/status` saying `"ready"`, and a driver that could not bind is retried on a new port.
    pub fn start(engine: Engine) -> Self {
        let (driver, needed) = driver_and_browser(engine);
        for path in [&driver, &needed] {
            assert!(
                path.is_file(),
                "{} is missing, so {} cannot run: {}",
                path.display(),
                engine.name(),
                install_hint(engine)
            );
        }
        for _ in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("a free port")
                .port();
            let mut command = Command::new(&driver);
            match engine {
                Engine::Firefox => command
                    .args(["--host", "127.0.0.1", "--port"])
                    .arg(port.to_string()),
                _ => command.arg(format!("--port={port}")),
            };
            let child = command
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("{} starts: {e}", driver.display()));
            let mut process = DriverProcess { child, port };
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(15) {
                if matches!(process.child.try_wait(), Ok(Some(_))) {
                    break; // it exited, most likely because the port was taken
                }
                if driver_ready(port) {
                    return process;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = process.child.kill();
        }
        panic!(
            "{} did not become ready on any of 5 ports",
            driver.display()
        );
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for DriverProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The engine's WebDriver server and its browser. geckodriver comes from crates.io, so it is
/// `GECKODRIVER` (set by `cargo xtask test`), else on `PATH`, else in cargo's bin directory.
fn driver_and_browser(engine: Engine) -> (PathBuf, PathBuf) {
    match engine {
        Engine::Chromium => (CHROMEDRIVER.into(), CHROMIUM.into()),
        Engine::Firefox => (geckodriver(), FIREFOX.into()),
        Engine::Webkit => (WEBKIT_DRIVER.into(), MINIBROWSER.into()),
    }
}

fn geckodriver() -> PathBuf {
    if let Some(path) = std::env::var_os("GECKODRIVER") {
        return path.into();
    }
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin"));
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(cargo_bin)
        .map(|dir| dir.join("geckodriver"))
        .find(|exe| exe.is_file())
        .unwrap_or_else(|| PathBuf::from("geckodriver"))
}

/// The exact command that installs what `engine` needs.
pub fn install_hint(engine: Engine) -> &'static str {
    match engine {
        Engine::Chromium => "run `apt-get install -y chromium chromium-driver`",
        Engine::Firefox => {
            "run `apt-get install -y firefox-esr` and `cargo install geckodriver --version 0.37.1`"
        }
        Engine::Webkit => "run `apt-get install -y webkit2gtk-driver xvfb xdotool`",
    }
}

/// Whether the server on `port` is a WebDriver server ready for a session.
fn driver_ready(port: u16) -> bool {
    use std::io::{Read, Write};
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request =
        format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer.contains("\"ready\":true") || answer.contains("\"ready\": true")
}
