//! End-to-end tests: the built `dist/` in headless Chromium, driven through the local
//! ChromeDriver with WebDriver, the way a reader would use it: a figure is visible, and
//! hovering it shows its citation.
//!
//! They need `dist/`, so a plain `cargo test` skips them (`#[ignore]`). `cargo xtask test`
//! builds dist/ and then runs them; by hand: `cargo xtask dist && cargo test --test e2e -- --ignored`.
//!
//! DOM contract with the card: each figure is a
//! `<button class="fs-figure-button" aria-expanded aria-controls="pop-…">` whose text holds the
//! number as written; hovering or focusing it opens `<div role="dialog" class="fs-popover"
//! id="pop-…">` with the citation's quote in a `<blockquote>`.
#![cfg(not(target_arch = "wasm32"))]

// The same std-only static server as `cargo xtask serve`.
#[allow(dead_code)]
#[path = "../xtask/src/serve.rs"]
mod serve;

use std::error::Error;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// What Chromium needs on this kind of machine (root, no GPU, no network but loopback).
const CHROMIUM_FLAGS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];
const RENDER_TIMEOUT: Duration = Duration::from_secs(20);
const POPOVER_TIMEOUT: Duration = Duration::from_secs(5);

type Outcome = Result<(), Box<dyn Error>>;

#[tokio::test]
#[ignore = "needs dist/: run by `cargo xtask test`"]
async fn one_file_page_from_disk_shows_a_citation_on_hover() {
    let page = dist().join("index.html");
    check_in_browser(&file_url(&page)).await;
}

#[tokio::test]
#[ignore = "needs dist/: run by `cargo xtask test`"]
async fn demo_article_served_over_http_shows_a_citation_on_hover() {
    let addr = serve::spawn(dist()).expect("a static server on 127.0.0.1");
    check_in_browser(&format!("http://{addr}/demo/")).await;
}

/// `dist/`, or a failure that says how to build it.
fn dist() -> PathBuf {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").is_file() && dist.join("demo/index.html").is_file(),
        "{} is missing or incomplete: run `cargo xtask dist` first",
        dist.display()
    );
    dist
}

/// Opens `url` in a fresh headless Chromium and checks the hover contract on the built-in
/// sheet's first figure. The browser and its driver are stopped whatever the outcome.
async fn check_in_browser(url: &str) {
    let driver_process = ChromeDriver::start();
    let profile = TempDir::new("factsheet-e2e-profile");
    let mut caps = DesiredCapabilities::chrome();
    caps.set_binary(CHROMIUM).expect("binary capability");
    for flag in CHROMIUM_FLAGS {
        caps.add_arg(flag).expect("argument capability");
    }
    caps.add_arg(&format!("--user-data-dir={}", profile.0.display()))
        .expect("argument capability");
    let browser = WebDriver::new(driver_process.url(), caps)
        .await
        .expect("a Chromium session through ChromeDriver");

    let outcome = hover_shows_citation(&browser, url).await;
    let _ = browser.quit().await;
    if let Err(err) = outcome {
        panic!("{url}: {err}");
    }
}

async fn hover_shows_citation(browser: &WebDriver, url: &str) -> Outcome {
    let sheet = factsheet::data::builtin()
        .map_err(|e| format!("the built-in sheet does not parse: {e}"))?;
    let figure = sheet
        .figures
        .first()
        .ok_or("the built-in sheet has no figures")?;
    let number = figure.value.written();
    let quote = &figure
        .citations
        .first()
        .ok_or("the first figure has no citation")?
        .quote;

    browser.goto(url).await?;
    let buttons = browser
        .query(By::Css(".fs-figure-button"))
        .and_displayed()
        .wait(RENDER_TIMEOUT, Duration::from_millis(100))
        .all_from_selector_required()
        .await
        .map_err(|e| format!("no visible `.fs-figure-button` within {RENDER_TIMEOUT:?}: {e}"))?;
    let mut button = None;
    for candidate in buttons {
        if candidate.text().await?.contains(number) {
            button = Some(candidate);
            break;
        }
    }
    let button = button.ok_or_else(|| format!("no visible figure button shows {number:?}"))?;
    expect_attr(&button, "aria-expanded", "false").await?;
    let popover_id = button
        .attr("aria-controls")
        .await?
        .ok_or("the figure button has no aria-controls")?;

    browser
        .action_chain()
        .move_to_element_center(&button)
        .perform()
        .await?;

    let popover = browser
        .query(By::Id(popover_id.clone()))
        .and_displayed()
        .wait(POPOVER_TIMEOUT, Duration::from_millis(50))
        .first()
        .await
        .map_err(|e| format!("hovering {number:?} showed no popover #{popover_id} within {POPOVER_TIMEOUT:?}: {e}"))?;
    expect_attr(&popover, "role", "dialog").await?;
    let class = popover.attr("class").await?.unwrap_or_default();
    if !class.split_whitespace().any(|c| c == "fs-popover") {
        return Err(format!("popover #{popover_id} has class {class:?}, not fs-popover").into());
    }
    let shown = popover.find(By::Tag("blockquote")).await?.text().await?;
    if !normalize(&shown).contains(&normalize(quote)) {
        return Err(format!("popover #{popover_id} quotes {shown:?}, expected {quote:?}").into());
    }
    expect_attr(&button, "aria-expanded", "true").await
}

async fn expect_attr(element: &WebElement, name: &str, expected: &str) -> Outcome {
    match element.attr(name).await? {
        Some(value) if value == expected => Ok(()),
        other => Err(format!("expected {name}={expected:?}, found {other:?}").into()),
    }
}

/// Rendered text collapses runs of whitespace; compare quotes the same way.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(byte as char)
            }
            _ => url.push_str(&format!("%{byte:02X}")),
        }
    }
    url
}

/// A ChromeDriver on a free loopback port, stopped on drop.
struct ChromeDriver {
    child: Child,
    port: u16,
}

impl ChromeDriver {
    fn start() -> Self {
        assert!(
            Path::new(CHROMEDRIVER).is_file() && Path::new(CHROMIUM).is_file(),
            "Chromium or ChromeDriver is missing: run `apt-get install -y chromium chromium-driver`"
        );
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
        let driver = ChromeDriver { child, port };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "chromedriver did not listen on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh directory under the system's temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(prefix: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!("{prefix}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
