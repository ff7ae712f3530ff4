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

mod support;

use support::*;
use thirtyfour::prelude::*;

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

/// Opens `url` in a fresh headless Chromium and checks the hover contract on the built-in
/// sheet's first figure. The browser and its driver are stopped whatever the outcome.
async fn check_in_browser(url: &str) {
    let browser = Browser::start(&[]).await;
    let outcome = hover_shows_citation(&browser.driver, url).await;
    browser.quit().await;
    if let Err(err) = outcome {
        panic!("{url}: {err}");
    }
}

async fn hover_shows_citation(browser: &WebDriver, url: &str) -> Outcome {
    let sheet = factsheet::data::builtin()
        .map_err(|e| format!("the built-in sheet does not parse: {e:?}"))?;
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
    expect_open_with_quote(&button, &popover, &popover_id, quote).await
}
