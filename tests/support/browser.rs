//! A headless Chromium session through the local ChromeDriver, and running a test's body in
//! one: started, used, and always quit, with the error that stopped the body reported.

use std::future::Future;
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;
use thirtyfour::ChromeCapabilities;

use super::{describe_hosts, Outcome, TempDir};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
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
/// The window most tests use: wide enough for the card's two columns.
pub const WINDOW: &str = "--window-size=1200,900";

/// A headless Chromium session with its own ChromeDriver and a fresh profile; all three are
/// stopped and removed on drop (call `quit` first to close the session cleanly).
pub struct Browser {
    pub driver: WebDriver,
    _process: ChromeDriver,
    _profile: TempDir,
}

impl Browser {
    /// Starts a session; `extra_args` are more Chromium flags (a window size, say).
    pub async fn start(extra_args: &[&str]) -> Browser {
        Browser::start_with(extra_args, |_| Ok(())).await
    }

    /// Like `start`, with `configure` changing the capabilities first (Chromium preferences,
    /// `goog:loggingPrefs`, ...).
    pub async fn start_with(
        extra_args: &[&str],
        configure: impl FnOnce(&mut ChromeCapabilities) -> WebDriverResult<()>,
    ) -> Browser {
        let process = ChromeDriver::start();
        let profile = TempDir::new("factsheet-e2e-profile");
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(CHROMIUM).expect("binary capability");
        for flag in CHROMIUM_FLAGS.iter().chain(extra_args) {
            caps.add_arg(flag).expect("argument capability");
        }
        caps.add_arg(&format!("--user-data-dir={}", profile.0.display()))
            .expect("argument capability");
        configure(&mut caps).expect("capabilities");
        let driver = WebDriver::new(process.url(), caps)
            .await
            .expect("a Chromium session through ChromeDriver");
        Browser {
            driver,
            _process: process,
            _profile: profile,
        }
    }

    pub async fn quit(self) {
        let _ = self.driver.clone().quit().await;
    }
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
    configure: impl FnOnce(&mut ChromeCapabilities) -> WebDriverResult<()>,
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
    configure: impl FnOnce(&mut ChromeCapabilities) -> WebDriverResult<()>,
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

/// A ChromeDriver on a free loopback port, stopped on drop.
pub struct ChromeDriver {
    child: Child,
    port: u16,
}

impl ChromeDriver {
    /// Starts ChromeDriver on a free port. A port found free can be taken by another test's
    /// server or driver before ChromeDriver binds it, so readiness is ChromeDriver's own
    /// `/status` saying `"ready"`, and a driver that could not bind is retried on a new port.
    pub fn start() -> Self {
        assert!(
            Path::new(CHROMEDRIVER).is_file() && Path::new(CHROMIUM).is_file(),
            "Chromium or ChromeDriver is missing: run `apt-get install -y chromium chromium-driver`"
        );
        for _ in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("a free port")
                .port();
            let child = Command::new(CHROMEDRIVER)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("chromedriver starts");
            let mut driver = ChromeDriver { child, port };
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(15) {
                if matches!(driver.child.try_wait(), Ok(Some(_))) {
                    break; // it exited, most likely because the port was taken
                }
                if chromedriver_ready(port) {
                    return driver;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = driver.child.kill();
        }
        panic!("chromedriver did not become ready on any of 5 ports");
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether the server on `port` is a ChromeDriver ready for sessions.
fn chromedriver_ready(port: u16) -> bool {
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
