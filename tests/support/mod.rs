//! Shared plumbing of the end-to-end tests: `dist/`, a headless Chromium session through the
//! local ChromeDriver, and finding things inside the card's shadow root. Each `tests/e2e*.rs`
//! file includes it with `mod support;`.
#![allow(dead_code)] // each test file uses a different part

// The same std-only static server as `cargo xtask serve`.
#[path = "../../xtask/src/serve.rs"]
pub mod serve;

use std::error::Error;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

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
pub const RENDER_TIMEOUT: Duration = Duration::from_secs(20);
pub const POPOVER_TIMEOUT: Duration = Duration::from_secs(5);

pub type Outcome = Result<(), Box<dyn Error>>;

/// `dist/`, or a failure that says how to build it.
pub fn dist() -> PathBuf {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").is_file() && dist.join("demo/index.html").is_file(),
        "{} is missing or incomplete: run `cargo xtask dist` first",
        dist.display()
    );
    dist
}

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
        let process = ChromeDriver::start();
        let profile = TempDir::new("factsheet-e2e-profile");
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(CHROMIUM).expect("binary capability");
        for flag in CHROMIUM_FLAGS.iter().chain(extra_args) {
            caps.add_arg(flag).expect("argument capability");
        }
        caps.add_arg(&format!("--user-data-dir={}", profile.0.display()))
            .expect("argument capability");
        let driver = WebDriver::new(process.url(), caps)
            .await
            .expect("a Chromium session through ChromeDriver");
        Browser {
            driver,
            _process: process,
            _profile: profile,
        }
    }

    /// Like `start`, with `configure` changing the capabilities first (Chromium preferences,
    /// `goog:loggingPrefs`, ...).
    pub async fn start_with(
        extra_args: &[&str],
        configure: impl FnOnce(&mut thirtyfour::ChromeCapabilities) -> WebDriverResult<()>,
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

/// The first displayed element matching `css` in the first live card on the page (whose
/// text contains `text`, if given), polling until `timeout`. A card is live once the embed
/// layer has set `data-factsheet-live` on its host: a pre-rendered card is visible earlier,
/// but its popovers do not work yet.
pub async fn wait_in_card(
    browser: &WebDriver,
    css: &str,
    text: Option<&str>,
    timeout: Duration,
) -> Result<WebElement, Box<dyn Error>> {
    wait_in_host(
        browser,
        "[data-factsheet][data-factsheet-live]",
        css,
        text,
        timeout,
    )
    .await
}

/// Elements matching `arguments[1]` inside the host that matches `arguments[0]` (in its
/// shadow root when it has one), once that host is live.
pub const FIND_IN_LIVE_HOST: &str = r#"
    const host = document.querySelector(arguments[0]);
    if (!host || !host.hasAttribute("data-factsheet-live")) return [];
    return Array.from((host.shadowRoot || host).querySelectorAll(arguments[1]));
"#;

/// The first displayed element matching `css` in the live host matching `host` (a CSS
/// selector), whose text contains `text` if given, polling until `timeout`.
pub async fn wait_in_host(
    browser: &WebDriver,
    host: &str,
    css: &str,
    text: Option<&str>,
    timeout: Duration,
) -> Result<WebElement, Box<dyn Error>> {
    let deadline = Instant::now() + timeout;
    loop {
        let found = browser
            .execute(
                FIND_IN_LIVE_HOST,
                vec![serde_json::Value::from(host), serde_json::Value::from(css)],
            )
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
                "no visible `{css}`{what} in the live host `{host}` within {timeout:?}"
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

pub async fn describe_card(browser: &WebDriver) -> String {
    match browser.execute(DESCRIBE_CARD, Vec::new()).await {
        Ok(ret) => ret.convert::<String>().unwrap_or_default(),
        Err(e) => format!("(could not inspect the page: {e})"),
    }
}

pub async fn expect_attr(element: &WebElement, name: &str, expected: &str) -> Outcome {
    match element.attr(name).await? {
        Some(value) if value == expected => Ok(()),
        other => Err(format!("expected {name}={expected:?}, found {other:?}").into()),
    }
}

/// Rendered text collapses runs of whitespace; compare quotes the same way.
pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn file_url(path: &Path) -> String {
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

/// A fresh directory under the system's temp dir, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(prefix: &str) -> Self {
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

/// Hovers `button`, in `host`'s card, as a mouse would (scrolled to the middle of the
/// viewport first) and returns its popover once it shows.
pub async fn hover_for_popover(
    d: &WebDriver,
    host: &str,
    button: &WebElement,
) -> Result<WebElement, Box<dyn Error>> {
    let popover_id = button
        .attr("aria-controls")
        .await?
        .ok_or("the figure button has no aria-controls")?;
    d.execute(
        "arguments[0].scrollIntoView({block: 'center'});",
        vec![button.to_json()?],
    )
    .await?;
    d.action_chain()
        .move_to_element_center(button)
        .perform()
        .await?;
    wait_in_host(
        d,
        host,
        &format!("[id=\"{popover_id}\"]"),
        None,
        POPOVER_TIMEOUT,
    )
    .await
    .map_err(|e| format!("hovering did not show popover #{popover_id}: {e}").into())
}

/// Ok, or one error listing every problem found.
pub fn finish(problems: Vec<String>) -> Result<(), Box<dyn Error>> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("\n- {}", problems.join("\n- ")).into())
    }
}

/// Copies a folder tree, for fixtures written beside a copy of `dist/`.
pub fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// A temp copy of `dist/` with `fixtures/` added (pages and sheets a test writes), served on
/// 127.0.0.1 by the project's server, with its Content-Security-Policy on every page.
pub struct Site {
    _dir: TempDir,
    pub addr: std::net::SocketAddr,
}

impl Site {
    pub fn new(fixtures: &[(&str, Vec<u8>)]) -> Site {
        let dir = TempDir::new("factsheet-e2e-site");
        copy_dir(&dist(), &dir.0).expect("a copy of dist/");
        let fixture_dir = dir.0.join("fixtures");
        std::fs::create_dir_all(&fixture_dir).expect("fixtures/");
        for (name, bytes) in fixtures {
            std::fs::write(fixture_dir.join(name), bytes).expect("a fixture");
        }
        let addr = serve::spawn(dir.0.clone()).expect("a static server on 127.0.0.1");
        Site { _dir: dir, addr }
    }

    /// `path` under `fixtures/`, or under the site's root when it holds a `/` (`demo/`).
    pub fn url(&self, path: &str) -> String {
        if path.contains('/') {
            format!("http://{}/{path}", self.addr)
        } else {
            format!("http://{}/fixtures/{path}", self.addr)
        }
    }
}

/// A fixture page that loads the embed script from `../embed/`, with the given stylesheets
/// (under `fixtures/`) and `body`. No inline script or style: clean under the strict policy.
pub fn fixture_page(stylesheets: &[&str], scripts: &[&str], body: &str) -> String {
    let links: String = stylesheets
        .iter()
        .map(|s| format!("<link rel=\"stylesheet\" href=\"{s}\">\n"))
        .collect();
    let scripts: String = scripts
        .iter()
        .map(|s| format!("<script src=\"{s}\"></script>\n"))
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>fixture</title>\n{links}{scripts}<script src=\"../embed/factsheet.js\" defer></script>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
}

/// Installed before any page script (`Page.addScriptToEvaluateOnNewDocument`, which runs it in
/// the page and in each of its frames): records every `securitypolicyviolation` event, the
/// DOM's own report of a Content-Security-Policy or Trusted Types violation.
pub const VIOLATION_PROBE: &str = r#"
(function () {
  var seen = window.__policyViolations = [];
  window.addEventListener("securitypolicyviolation", function (e) {
    seen.push(e.effectiveDirective + " blocked " + e.blockedURI + " (" + e.sample + ") at "
      + e.sourceFile + ":" + e.lineNumber);
  }, true);
})();
"#;

/// Policy violations seen so far, by every channel that reports them: the browser console
/// (drained; needs the browser log level set), and, in the page and in each of its frames, the
/// reports a `ReportingObserver` gets from the document's buffer and the
/// `securitypolicyviolation` events `VIOLATION_PROBE` recorded.
#[derive(Debug, Default)]
pub struct PolicyViolations {
    pub console: Vec<String>,
    pub top: Vec<String>,
    pub frames: Vec<Vec<String>>,
}

impl PolicyViolations {
    pub fn is_empty(&self) -> bool {
        self.console.is_empty() && self.top.is_empty() && self.frames.iter().all(Vec::is_empty)
    }
}

const REPORTED_VIOLATIONS: &str = r#"
    const done = arguments[arguments.length - 1];
    const seen = (window.__policyViolations || []).map(v => "event: " + v);
    if (!window.ReportingObserver) { done(seen.concat(["(no ReportingObserver)"])); return; }
    const observer = new ReportingObserver(reports => {
        for (const r of reports) seen.push("report: " + r.body.effectiveDirective + " blocked "
            + r.body.blockedURL + " (" + r.body.sample + ") at " + r.body.sourceFile + ":" + r.body.lineNumber);
    }, { types: ["csp-violation"], buffered: true });
    observer.observe();
    setTimeout(() => { observer.takeRecords(); done(seen); }, 300);
"#;

/// What the console says when a policy blocks something: CSP ("Refused to ...") and Trusted
/// Types ("This document requires 'TrustedHTML' assignment", "... Trusted Type ...").
pub fn is_policy_message(message: &str) -> bool {
    [
        "Content Security Policy",
        "Refused to",
        "Trusted",
        "trusted-types",
    ]
    .iter()
    .any(|m| message.contains(m))
}

pub async fn policy_violations(d: &WebDriver) -> Result<PolicyViolations, Box<dyn Error>> {
    let mut found = PolicyViolations::default();
    for entry in d.handle().get_log("browser").await? {
        if is_policy_message(&entry.message) {
            found.console.push(entry.message);
        }
    }
    found.top = d
        .execute_async(REPORTED_VIOLATIONS, Vec::new())
        .await?
        .convert()?;
    for frame in d.find_all(By::Css("iframe")).await? {
        frame.enter_frame().await?;
        let seen: Result<Vec<String>, _> = d
            .execute_async(REPORTED_VIOLATIONS, Vec::new())
            .await
            .and_then(|v| v.convert());
        d.enter_default_frame().await?;
        found.frames.push(seen?);
    }
    Ok(found)
}

/// The response head of a GET on the server at `addr`.
pub fn response_head(addr: std::net::SocketAddr, path: &str) -> Result<String, Box<dyn Error>> {
    use std::io::{Read, Write};
    let mut stream = TcpStream::connect(addr)?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: test\r\n\r\n")?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer)?;
    Ok(answer.split("\r\n\r\n").next().unwrap_or("").to_string())
}

/// The pre-rendered host element (`<div data-factsheet data-prerendered ...>` with its
/// declarative shadow root) of a page the build wrote, such as `dist/demo/index.html`.
pub fn prerendered_host(html: &str) -> String {
    let start = html
        .find("<div data-factsheet data-prerendered")
        .expect("a pre-rendered host in the page");
    let end = html[start..]
        .find("</template></div>")
        .expect("the end of the pre-rendered host")
        + start
        + "</template></div>".len();
    html[start..end].to_string()
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

/// Hovers `figure`'s button in `host` and checks that its popover opens, quotes the figure's
/// first citation, and that the button says it is expanded.
pub async fn popover_quotes(
    d: &WebDriver,
    host: &str,
    figure: &factsheet::model::Figure,
) -> Outcome {
    let number = figure.value.written();
    let quote = &figure
        .citations
        .first()
        .ok_or("a figure without citation")?
        .quote;
    let button =
        match wait_in_host(d, host, ".fs-figure-button", Some(number), RENDER_TIMEOUT).await {
            Ok(button) => button,
            Err(e) => return Err(format!("{e}; page: {}", describe_hosts(d).await).into()),
        };
    let popover_id = button.attr("aria-controls").await?.unwrap_or_default();
    let popover = hover_for_popover(d, host, &button)
        .await
        .map_err(|e| format!("hovering {number:?} did not show its popover: {e}"))?;
    expect_open_with_quote(&button, &popover, &popover_id, quote).await
}

/// Every host on the page: its id, state and first words, for failure messages.
pub async fn describe_hosts(d: &WebDriver) -> String {
    let script = r#"return Array.from(document.querySelectorAll("[data-factsheet]"), h =>
        (h.id || "(no id)") + ": " + (h.hasAttribute("data-factsheet-live") ? "live" : "NOT live")
        + ", " + JSON.stringify(((h.shadowRoot || h).textContent || "").slice(0, 160))).join("; ");"#;
    match d.execute(script, Vec::new()).await {
        Ok(ret) => ret.convert::<String>().unwrap_or_default(),
        Err(e) => format!("(could not inspect the page: {e})"),
    }
}

/// The text of `host`'s error card, waiting for it to appear.
pub async fn error_card_text(d: &WebDriver, host: &str) -> Result<String, Box<dyn Error>> {
    let script = r#"
        const host = document.querySelector(arguments[0]);
        const card = host && host.shadowRoot
            && host.shadowRoot.querySelector("article.factsheet.fs-error[role=alert]");
        return card ? card.innerText : null;"#;
    let deadline = Instant::now() + RENDER_TIMEOUT;
    loop {
        let found: Option<String> = d
            .execute(script, vec![serde_json::json!(host)])
            .await?
            .convert()?;
        if let Some(text) = found {
            return Ok(text);
        }
        if Instant::now() > deadline {
            return Err(format!(
                "no error card (article.factsheet.fs-error[role=alert]) within {RENDER_TIMEOUT:?}; page: {}",
                describe_hosts(d).await
            )
            .into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The open popover quotes `quote` in one of its blockquotes, and its button says it is
/// expanded.
pub async fn expect_open_with_quote(
    button: &WebElement,
    popover: &WebElement,
    popover_id: &str,
    quote: &str,
) -> Outcome {
    let mut quoted = Vec::new();
    for blockquote in popover.find_all(By::Css("blockquote")).await? {
        quoted.push(normalize(&blockquote.text().await?));
    }
    if !quoted.iter().any(|q| q.contains(&normalize(quote))) {
        return Err(format!("popover #{popover_id} quotes {quoted:?}, expected {quote:?}").into());
    }
    expect_attr(button, "aria-expanded", "true").await
}
