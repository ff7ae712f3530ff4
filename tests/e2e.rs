//! End-to-end tests: the built `dist/` in headless Chromium, driven through the local
//! ChromeDriver with WebDriver, the way a reader would use it: a figure is visible, and
//! hovering it shows its citation.
//!
//! They need `dist/`, so a plain `cargo test` skips them (`#[ignore]`). `cargo xtask test`
//! builds dist/ and then runs them; by hand: `cargo xtask dist && cargo test --test e2e -- --ignored`.
//!
//! DOM contract with the card: the host `[data-factsheet]` gets `data-factsheet-live` once the
//! card is interactive; the card sits in the host's shadow root (or in the host). Each figure
//! is a `<button class="fs-figure-button" aria-expanded aria-controls="pop-…">` whose text
//! holds the number as written; hovering or focusing it opens `<div role="dialog"
//! class="fs-popover" id="pop-…">` with the citation's quote in a `<blockquote>`.
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
    let button =
        match wait_in_card(browser, ".fs-figure-button", Some(number), RENDER_TIMEOUT).await {
            Ok(button) => button,
            Err(e) => {
                return Err(format!("{e}; found: {}", describe_card(browser).await).into());
            }
        };
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

    let popover = wait_in_card(
        browser,
        &format!("[id=\"{popover_id}\"]"),
        None,
        POPOVER_TIMEOUT,
    )
    .await
    .map_err(|e| format!("hovering {number:?} did not show its popover: {e}"))?;
    expect_attr(&popover, "role", "dialog").await?;
    let class = popover.attr("class").await?.unwrap_or_default();
    if !class.split_whitespace().any(|c| c == "fs-popover") {
        return Err(format!("popover #{popover_id} has class {class:?}, not fs-popover").into());
    }
    let mut quoted = Vec::new();
    for blockquote in popover.find_all(By::Css("blockquote")).await? {
        quoted.push(normalize(&blockquote.text().await?));
    }
    if !quoted.iter().any(|q| q.contains(&normalize(quote))) {
        return Err(format!("popover #{popover_id} quotes {quoted:?}, expected {quote:?}").into());
    }
    expect_attr(&button, "aria-expanded", "true").await
}

/// Elements matching a CSS selector inside the live card: in the host's shadow root when it
/// has one, else in the host itself. None until the card is interactive, which the embed
/// layer signals with `data-factsheet-live` on the host (a pre-rendered card is visible
/// earlier, but its popovers do not work yet).
const FIND_IN_LIVE_CARD: &str = r#"
    const host = document.querySelector("[data-factsheet][data-factsheet-live]");
    if (!host) return [];
    return Array.from((host.shadowRoot || host).querySelectorAll(arguments[0]));
"#;

/// The first displayed element matching `css` in the live card (whose text contains
/// `text`, if given), polling until `timeout`.
async fn wait_in_card(
    browser: &WebDriver,
    css: &str,
    text: Option<&str>,
    timeout: Duration,
) -> Result<WebElement, Box<dyn Error>> {
    let deadline = Instant::now() + timeout;
    loop {
        let found = browser
            .execute(FIND_IN_LIVE_CARD, vec![serde_json::Value::from(css)])
            .await?
            .elements()?;
        for element in found {
            if !element.is_displayed().await? {
                continue;
            }
            match text {
                Some(wanted) if !element.text().await?.contains(wanted) => continue,
                _ => return Ok(element),
            }
        }
        if Instant::now() > deadline {
            let what = text.map_or(String::new(), |t| format!(" showing {t:?}"));
            return Err(format!(
                "no visible `{css}`{what} in a live card ([data-factsheet][data-factsheet-live]) within {timeout:?}"
            )
            .into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// What the page holds instead, for a failure message: the host's state and the buttons'
/// texts.
const DESCRIBE_CARD: &str = r#"
    const host = document.querySelector("[data-factsheet]");
    if (!host) return "no [data-factsheet] element; body: " + document.body.innerText.slice(0, 200);
    const root = host.shadowRoot || host;
    const buttons = Array.from(root.querySelectorAll(".fs-figure-button"), b => b.textContent.trim());
    return "host " + (host.hasAttribute("data-factsheet-live") ? "live" : "NOT live")
        + (host.shadowRoot ? ", shadow root" : ", no shadow root")
        + ", .fs-figure-button texts: " + JSON.stringify(buttons.slice(0, 6))
        + ", card text: " + JSON.stringify(root.textContent.slice(0, 200));
"#;

async fn describe_card(browser: &WebDriver) -> String {
    match browser.execute(DESCRIBE_CARD, Vec::new()).await {
        Ok(ret) => ret.convert::<String>().unwrap_or_default(),
        Err(e) => format!("(could not inspect the page: {e})"),
    }
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
