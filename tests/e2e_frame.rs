//! End-to-end tests of the iframe embed (issue 15): the frame's height as its host sees it,
//! from a server with the CORS header the README asks for (the wasm hydrates the card) and
//! from a plain static server without it (the wasm is blocked and the pre-rendered card turns
//! into footnotes); hosts that speak only Pym.js's, AMP's or Datawrapper's messages; the
//! oEmbed JSON and the frame its `html` makes.
//!
//! They need `dist/`, so a plain `cargo test` skips them (`#[ignore]`). `cargo xtask test`
//! builds dist/ and then runs them; by hand:
//! `cargo xtask dist && cargo test --test e2e_frame -- --ignored`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::error::Error;
use std::time::{Duration, Instant};

use serde_json::{json, Value as Json};
use support::*;
use thirtyfour::prelude::*;

/// How far a frame's height may be from its content's: rounding to whole pixels on each side.
const TOLERANCE: f64 = 2.0;
/// Loads of the demo from each server.
const LOADS: usize = 20;

const RECORD_MESSAGES: &str = include_str!("support/js/e2e_frame/record_messages.js");
const FRAME_STATE: &str = include_str!("support/js/e2e_frame/frame_state.js");

/// The demo article with a script that records every message its page receives, loaded before
/// the demo's own scripts; the frame is below the fold, where Chromium does not render it.
fn recorded_demo() -> String {
    let demo = std::fs::read_to_string(dist().join("demo/index.html")).expect("the demo page");
    let link = "<link rel=\"stylesheet\" href=\"demo.css\">";
    assert!(demo.contains(link), "the demo links demo.css");
    demo.replacen(
        link,
        &format!("{link}\n<script src=\"record-messages.js\"></script>"),
        1,
    )
}

/// A host page with the frame at its top, in view from the start, and `script` (the host's
/// listener) in its head; `query` goes on the frame's URL, `class` on the frame (the demo's
/// `factsheet-frame` gives it a starting height in CSS, which beats the `height` attribute
/// Pym.js's parent sets).
fn frame_first_page(script: &str, query: &str, id: &str, class: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>frame host</title>\n<link rel=\"stylesheet\" href=\"demo.css\">\n<script src=\"record-messages.js\"></script>\n{script}</head>\n<body>\n<article>\n<iframe class=\"{class}\" id=\"{id}\" data-factsheet-frame src=\"../embed/frame.html{query}\" sandbox=\"allow-scripts\" title=\"Fact sheet\"></iframe>\n<p>The article goes on below the fact sheet.</p>\n</article>\n</body>\n</html>\n"
    )
}

fn host_script(src: &str) -> String {
    format!("<script src=\"{src}\" defer></script>\n")
}

/// What one load showed: the card's state in the frame, its content's height and the frame's
/// once they agree (or the deadline passed), and every height the host was told.
#[derive(Debug)]
struct Load {
    live: bool,
    failed: bool,
    content: f64,
    frame: f64,
    reported: Vec<f64>,
    messages: usize,
}

impl Load {
    fn final_error(&self) -> f64 {
        (self.frame - self.content).abs()
    }

    /// How far the tallest height told exceeds the content's (negative: never above it).
    fn over_report(&self) -> f64 {
        self.reported
            .iter()
            .fold(f64::NEG_INFINITY, |most, h| most.max(*h))
            - self.content
    }
}

async fn frame_state(d: &WebDriver, frame: &WebElement) -> Result<Json, Box<dyn Error>> {
    frame.clone().enter_frame().await?;
    let state = d.execute(FRAME_STATE, Vec::new()).await;
    d.enter_default_frame().await?;
    Ok(state?.json().clone())
}

/// Waits until the card in the frame is `live` (else failed, showing footnotes), then until
/// the frame is as tall inside (its border left out) as its content, and reads back every
/// message the host received.
async fn measure_load(d: &WebDriver, url: &str, expect_live: bool) -> Result<Load, Box<dyn Error>> {
    d.goto(url).await?;
    let frame = d.find(By::Css("iframe")).await?;
    let settled = Instant::now() + RENDER_TIMEOUT;
    let mut state = frame_state(d, &frame).await?;
    while !(state["live"] == json!(true) || state["failed"] == json!(true)) {
        if Instant::now() > settled {
            return Err(format!("the frame's card neither went live nor failed: {state}").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        state = frame_state(d, &frame).await?;
    }
    let deadline = Instant::now() + Duration::from_secs(5);
    let (content, height) = loop {
        let height: f64 = d
            .execute("return arguments[0].clientHeight;", vec![frame.to_json()?])
            .await?
            .convert()?;
        state = frame_state(d, &frame).await?;
        let content = state["content"].as_f64().unwrap_or(f64::NAN);
        if (height - content).abs() <= TOLERANCE || Instant::now() > deadline {
            break (content, height);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let messages: Vec<Json> = d
        .execute("return window.factsheetMessages;", Vec::new())
        .await?
        .convert()?;
    let reported = messages
        .iter()
        .filter(|m| m["fromFrame"] == json!(true) && m["data"]["type"] == json!("factsheet:height"))
        .map(|m| m["data"]["height"].as_f64().unwrap_or(f64::NAN))
        .collect();
    let load = Load {
        live: state["live"] == json!(true),
        failed: state["failed"] == json!(true),
        content,
        frame: height,
        reported,
        messages: messages.len(),
    };
    if load.live != expect_live {
        return Err(format!(
            "the frame's card is {} (expected {}): {load:?}",
            if load.live { "live" } else { "not live" },
            if expect_live {
                "live: CORS lets the wasm in"
            } else {
                "pre-rendered only: without CORS the wasm is blocked"
            },
        )
        .into());
    }
    Ok(load)
}

#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn the_frame_has_its_contents_height_in_every_load_with_and_without_cors() {
    let fixtures = vec![
        (
            "demo/record-messages.js",
            RECORD_MESSAGES.as_bytes().to_vec(),
        ),
        ("demo/recorded.html", recorded_demo().into_bytes()),
        (
            "demo/frame-first.html",
            frame_first_page(
                &host_script("../embed/frame-host.js"),
                "",
                "frame",
                "factsheet-frame",
            )
            .into_bytes(),
        ),
    ];
    let with_cors = Site::with_cors(&fixtures, STRICT_POLICY, CORS);
    let without_cors = Site::with_cors(&fixtures, STRICT_POLICY, NO_CORS);
    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        let mut problems = Vec::new();
        for (site, name, live) in [(&with_cors, "with CORS", true), (&without_cors, "without CORS", false)] {
            let started = Instant::now();
            let (mut worst_over, mut worst_final, mut messages) = (f64::NEG_INFINITY, 0f64, 0);
            let mut contents = Vec::new();
            for load in 0..LOADS {
                // Half the loads have the frame below the fold (the demo), half in view.
                let page = if load % 2 == 0 { "demo/recorded.html" } else { "demo/frame-first.html" };
                let measured = match measure_load(d, &site.url(page), live).await {
                    Ok(measured) => measured,
                    Err(e) => {
                        problems.push(format!("{name}, load {load} ({page}): {e}"));
                        continue;
                    }
                };
                if measured.reported.is_empty() {
                    problems.push(format!("{name}, load {load} ({page}): the frame told no height: {measured:?}"));
                    continue;
                }
                if measured.final_error() > TOLERANCE {
                    problems.push(format!(
                        "{name}, load {load} ({page}): the frame is {}px tall for {}px of content: {measured:?}",
                        measured.frame, measured.content
                    ));
                }
                if measured.over_report() > TOLERANCE || measured.reported.iter().any(|h| !h.is_finite()) {
                    problems.push(format!(
                        "{name}, load {load} ({page}): told heights {:?} for {}px of content",
                        measured.reported, measured.content
                    ));
                }
                if live == measured.failed {
                    problems.push(format!("{name}, load {load} ({page}): live {}, failed {}", measured.live, measured.failed));
                }
                worst_over = worst_over.max(measured.over_report());
                worst_final = worst_final.max(measured.final_error());
                messages += measured.messages;
                contents.push(measured.content);
            }
            contents.sort_by(f64::total_cmp);
            contents.dedup();
            println!(
                "{} {name}: {LOADS} loads in {:.1}s; content {contents:?}px; tallest height told minus content: {worst_over:+}px at most; final |frame - content|: {worst_final}px at most; {messages} messages",
                Engine::current().name(),
                started.elapsed().as_secs_f64(),
            );
        }
        finish(problems)
    })
    .await;
}

/// Waits until the frame is as tall as its content (±2 px) and the card live; returns the
/// frame's inner height (inside any border), the content's and whether the card is live, as
/// seen last once `within` has passed.
async fn wait_fits(
    d: &WebDriver,
    frame: &WebElement,
    within: Duration,
) -> Result<(f64, f64, bool), Box<dyn Error>> {
    let deadline = Instant::now() + within;
    loop {
        let height: f64 = d
            .execute("return arguments[0].clientHeight;", vec![frame.to_json()?])
            .await?
            .convert()?;
        let state = frame_state(d, frame).await?;
        let content = state["content"].as_f64().unwrap_or(f64::NAN);
        let live = state["live"] == json!(true);
        if (live && (height - content).abs() <= TOLERANCE) || Instant::now() > deadline {
            return Ok((height, content, live));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn hosts_that_listen_only_for_pym_amp_or_datawrapper_messages_size_the_frame() {
    let pages = [
        (
            "Pym.js",
            "pym_parent.js",
            include_str!("support/js/e2e_frame/pym_parent.js"),
            "?childId=fs-pym",
            "fs-pym-frame",
        ),
        (
            "AMP",
            "amp_parent.js",
            include_str!("support/js/e2e_frame/amp_parent.js"),
            "",
            "frame",
        ),
        (
            "Datawrapper",
            "datawrapper_parent.js",
            include_str!("support/js/e2e_frame/datawrapper_parent.js"),
            "",
            "frame",
        ),
    ];
    let mut fixtures = vec![(
        "demo/record-messages.js",
        RECORD_MESSAGES.as_bytes().to_vec(),
    )];
    for (name, file, source, query, id) in pages {
        fixtures.push((file, source.as_bytes().to_vec()));
        let page = frame_first_page(&host_script(&format!("../fixtures/{file}")), query, id, "");
        fixtures.push((leak(format!("demo/{name}.html")), page.into_bytes()));
    }
    // The control: the same frame with no listener keeps its starting height, so a test that
    // sees the frame fit is seeing a listener at work.
    fixtures.push((
        "demo/no-listener.html",
        frame_first_page("", "", "frame", "").into_bytes(),
    ));
    let site = Site::new(&fixtures, STRICT_POLICY);
    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        let mut problems = Vec::new();
        for (name, ..) in pages {
            d.goto(&site.url(&format!("demo/{name}.html"))).await?;
            let frame = d.find(By::Css("iframe")).await?;
            let (height, content, live) = wait_fits(d, &frame, Duration::from_secs(10)).await?;
            println!("{name}: frame {height}px for {content}px of content (live: {live})");
            if !live || (height - content).abs() > TOLERANCE {
                problems.push(format!("{name}: the frame is {height}px tall for {content}px of content (live: {live})"));
            }
        }
        d.goto(&site.url("demo/no-listener.html")).await?;
        let frame = d.find(By::Css("iframe")).await?;
        let (height, content, _) = wait_fits(d, &frame, Duration::from_secs(2)).await?;
        if (height - content).abs() <= TOLERANCE {
            problems.push(format!("with no listener the frame still fits ({height}px for {content}px): the control proves nothing"));
        }
        finish(problems)
    })
    .await;
}

/// A fixture name that lives as long as the test (the fixtures take `&str`).
fn leak(name: String) -> &'static str {
    Box::leak(name.into_boxed_str())
}

/// oEmbed 1.0's rules for a response (oembed.com, section 2.3.4): the fields every type must
/// have, those of `rich`, and the types of the optional ones.
fn oembed_problems(response: &Json) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(fields) = response.as_object() else {
        return vec![format!("not a JSON object: {response}")];
    };
    if response["type"] != json!("rich") {
        problems.push(format!("type {} (expected \"rich\")", response["type"]));
    }
    if response["version"] != json!("1.0") {
        problems.push(format!(
            "version {} (expected \"1.0\")",
            response["version"]
        ));
    }
    let html = response["html"].as_str().unwrap_or("");
    if html.trim().is_empty() {
        problems.push("rich needs `html`".into());
    }
    for size in ["width", "height"] {
        if response[size].as_u64().unwrap_or(0) == 0 {
            problems.push(format!(
                "rich needs `{size}` in whole pixels, not {}",
                response[size]
            ));
        }
    }
    for text in [
        "title",
        "author_name",
        "author_url",
        "provider_name",
        "provider_url",
    ] {
        if fields.contains_key(text) && !response[text].is_string() {
            problems.push(format!("`{text}` is not a string"));
        }
    }
    if fields.contains_key("cache_age") && !response["cache_age"].is_u64() {
        problems.push("`cache_age` is not a whole number".into());
    }
    problems
}

#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn the_oembed_json_is_discovered_from_the_frame_validates_and_its_html_embeds_a_working_frame(
) {
    let sheet = builtin_sheet();
    let frame_page = std::fs::read_to_string(dist().join("embed/frame.html")).expect("frame.html");
    // The discovery link, as a CMS finds it in the frame page's head.
    let head = frame_page.split("</head>").next().unwrap_or("");
    let link = head
        .split('<')
        .find(|tag| tag.starts_with("link ") && tag.contains("type=\"application/json+oembed\""))
        .unwrap_or_else(|| panic!("no oEmbed discovery link in the frame page's head"));
    assert!(link.contains("rel=\"alternate\""), "{link}");
    let href = link
        .split("href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the link's href");
    let path = format!("embed/{href}");
    let response: Json = serde_json::from_slice(
        &std::fs::read(dist().join(&path)).unwrap_or_else(|e| panic!("{path}: {e}")),
    )
    .unwrap_or_else(|e| panic!("{path} is not JSON: {e}"));
    let mut problems = oembed_problems(&response);
    if response["title"] != json!(sheet.story.headline) {
        problems.push(format!(
            "title {} is not the sheet's headline",
            response["title"]
        ));
    }
    let html = response["html"].as_str().unwrap_or("").to_string();
    if !html.contains("sandbox=\"allow-scripts\"") {
        problems.push(format!("the snippet's frame is not sandboxed: {html}"));
    }
    assert!(problems.is_empty(), "{path}: {problems:#?}\n{response:#}");

    // The snippet pasted into a page as a CMS would (beside the frame, since the build was not
    // told its address and the snippet's URLs are relative to embed/), on a page with no
    // policy of its own (the snippet's frame carries a style attribute).
    let page = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>CMS page</title>\n<script src=\"../demo/record-messages.js\"></script>\n</head>\n<body>\n<p>A CMS's article.</p>\n{html}\n</body>\n</html>\n"
    );
    let site = Site::new(
        &[
            (
                "demo/record-messages.js",
                RECORD_MESSAGES.as_bytes().to_vec(),
            ),
            ("embed/oembed-host.html", page.into_bytes()),
        ],
        NO_POLICY,
    );
    let served = site.response_head(&format!("/{path}")).unwrap();
    assert!(
        served.starts_with("HTTP/1.1 200") && served.contains("Content-Type: application/json"),
        "{served}"
    );
    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        d.goto(&site.url("embed/oembed-host.html")).await?;
        let frame = d.find(By::Css("iframe[data-factsheet-frame]")).await?;
        let (height, content, live) = wait_fits(d, &frame, Duration::from_secs(10)).await?;
        println!("oEmbed snippet: frame {height}px for {content}px of content (live: {live})");
        frame.clone().enter_frame().await?;
        let headline = text_in_card(d).await?;
        d.enter_default_frame().await?;
        let mut problems = Vec::new();
        if !live || (height - content).abs() > TOLERANCE {
            problems.push(format!(
                "the snippet's frame is {height}px tall for {content}px of content (live: {live})"
            ));
        }
        if !headline.contains(&sheet.story.headline) {
            problems.push(format!(
                "the snippet's frame shows {headline:?}, not the sheet's headline"
            ));
        }
        finish(problems)
    })
    .await;
}

/// The headline of the card in the current frame.
async fn text_in_card(d: &WebDriver) -> Result<String, Box<dyn Error>> {
    let found = d
        .execute(
            FIND_IN_LIVE_HOST,
            vec![json!("[data-factsheet]"), json!(".fs-headline")],
        )
        .await?
        .elements()?;
    match found.first() {
        Some(headline) => Ok(headline.text().await?),
        None => Ok(String::new()),
    }
}

#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn the_frame_grows_and_shrinks_with_its_disclosures() {
    let fixtures = vec![
        (
            "demo/record-messages.js",
            RECORD_MESSAGES.as_bytes().to_vec(),
        ),
        (
            "demo/frame-first.html",
            frame_first_page(
                &host_script("../embed/frame-host.js"),
                "",
                "frame",
                "factsheet-frame",
            )
            .into_bytes(),
        ),
    ];
    let site = Site::new(&fixtures, STRICT_POLICY);
    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        d.goto(&site.url("demo/frame-first.html")).await?;
        let frame = d.find(By::Css("iframe")).await?;
        let mut heights = Vec::new();
        let mut problems = Vec::new();
        // Closed (as loaded), every disclosure open, closed again.
        for open in [None, Some(true), Some(false)] {
            if let Some(open) = open {
                frame.clone().enter_frame().await?;
                let toggled: u64 = d
                    .execute(
                        "const root = document.querySelector('[data-factsheet]').shadowRoot; const all = root.querySelectorAll('details'); for (const d of all) d.open = arguments[0]; return all.length;",
                        vec![json!(open)],
                    )
                    .await?
                    .convert()?;
                d.enter_default_frame().await?;
                if toggled == 0 {
                    return Err("the card has no disclosure to open".into());
                }
            }
            let (height, content, live) = wait_fits(d, &frame, Duration::from_secs(5)).await?;
            if !live || (height - content).abs() > TOLERANCE {
                problems.push(format!(
                    "disclosures {open:?}: the frame is {height}px tall for {content}px of content"
                ));
            }
            heights.push(height);
        }
        println!("frame with its disclosures closed, open, closed again: {heights:?}px");
        if heights[1] <= heights[0] + 100.0 || (heights[2] - heights[0]).abs() > TOLERANCE {
            problems.push(format!(
                "the frame did not grow and shrink back with its disclosures: {heights:?}px"
            ));
        }
        finish(problems)
    })
    .await;
}
