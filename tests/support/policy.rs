//! Content-Security-Policy and Trusted Types violations, read from every channel that
//! reports them.

use std::error::Error;
use std::time::Duration;

use factsheet::model::Figure;
use thirtyfour::prelude::*;

use super::{dist, popover_quotes, popover_quotes_in_frame, Engine, Site};

/// Installed before any page script (see `before_every_page`): records every
/// `securitypolicyviolation` event in the page and in each of its frames.
pub const VIOLATION_PROBE: &str = include_str!("js/violation_probe.js");

/// Where `probed_pages` serves `VIOLATION_PROBE` (a fixture, under `fixtures/`).
const PROBE_FILE: &str = "violation-probe.js";

/// `html` with `VIOLATION_PROBE` loaded first in its head, from `probe_url`: a same-origin
/// script, which `script-src 'self'` allows. It runs before the page's other scripts in
/// every engine; `before_every_page` needs CDP, so only Chromium has it.
pub fn with_violation_probe(html: &str, probe_url: &str) -> String {
    html.replacen(
        "<head>",
        &format!("<head><script src=\"{probe_url}\"></script>"),
        1,
    )
}

/// The demo article and its framed card, each with `VIOLATION_PROBE` first in its head, as
/// fixtures for `Site::new`: `demo/probed.html`, whose frame is `embed/probed-frame.html`.
pub fn probed_demo_pages() -> Vec<(&'static str, Vec<u8>)> {
    let read = |path: &str| {
        let file = dist().join(path);
        std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
    };
    let probe = format!("../fixtures/{PROBE_FILE}");
    let demo = with_violation_probe(&read("demo/index.html"), &probe);
    assert!(
        demo.contains("src=\"../embed/frame.html\""),
        "the demo no longer frames ../embed/frame.html"
    );
    let demo = demo.replace(
        "src=\"../embed/frame.html\"",
        "src=\"../embed/probed-frame.html\"",
    );
    let frame = with_violation_probe(&read("embed/frame.html"), &probe);
    vec![
        (PROBE_FILE, VIOLATION_PROBE.as_bytes().to_vec()),
        ("demo/probed.html", demo.into_bytes()),
        ("embed/probed-frame.html", frame.into_bytes()),
    ]
}

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
    const REPORTED: &str = include_str!("js/reported_violations.js");
    let mut found = PolicyViolations::default();
    // Only ChromeDriver has a log endpoint; in the other engines the events count.
    if Engine::current() == Engine::Chromium {
        for entry in d.handle().get_log("browser").await? {
            if is_policy_message(&entry.message) {
                found.console.push(entry.message);
            }
        }
    }
    found.top = d.execute_async(REPORTED, Vec::new()).await?.convert()?;
    for frame in d.find_all(By::Css("iframe")).await? {
        frame.enter_frame().await?;
        let seen: Result<Vec<String>, _> = d
            .execute_async(REPORTED, Vec::new())
            .await
            .and_then(|v| v.convert());
        d.enter_default_frame().await?;
        found.frames.push(seen?);
    }
    Ok(found)
}

/// The demo article at `page` on `site` (`demo/`, or `demo/probed.html`): its script embed
/// and its sandboxed iframe each open `figure`'s popover, and nothing on the page reports a
/// policy violation. Returns what went wrong.
pub async fn demo_works_without_violations(
    d: &WebDriver,
    site: &Site,
    page: &str,
    figure: &Figure,
) -> Result<Vec<String>, Box<dyn Error>> {
    let mut problems = Vec::new();
    d.goto(&site.url(page)).await?;
    if let Err(e) = popover_quotes(d, "[data-factsheet]", figure).await {
        problems.push(format!("demo, script embed: {e}"));
    }
    let frame = d.find(By::Css("iframe[data-factsheet-frame]")).await?;
    if let Err(e) = popover_quotes_in_frame(d, &frame, figure).await {
        problems.push(format!("demo, iframe embed: {e}"));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let seen = policy_violations(d).await?;
    println!("demo: {seen:?}");
    if !seen.is_empty() {
        problems.push(format!("violations on the demo: {seen:?}"));
    }
    Ok(problems)
}
