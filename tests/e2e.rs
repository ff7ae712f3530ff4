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
    let page = file_url(&dist().join("index.html"));
    with_browser(
        &[],
        |d| async move { hover_shows_citation(&d, &page).await },
    )
    .await;
}

#[tokio::test]
#[ignore = "needs dist/: run by `cargo xtask test`"]
async fn demo_article_served_over_http_shows_a_citation_on_hover() {
    let site = Site::dist();
    let page = site.url("demo/");
    with_browser(
        &[],
        |d| async move { hover_shows_citation(&d, &page).await },
    )
    .await;
}

/// Opens `url` and checks the hover contract on the built-in sheet's first figure.
async fn hover_shows_citation(browser: &WebDriver, url: &str) -> Outcome {
    let sheet = builtin_sheet();
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
                return Err(format!("{url}: {e}; found: {}", describe_card(browser).await).into());
            }
        };
    expect_attr(&button, "aria-expanded", "false").await?;
    let popover_id = button
        .attr("aria-controls")
        .await?
        .ok_or("the figure button has no aria-controls")?;
    let popover = hover_for_popover(browser, "[data-factsheet][data-factsheet-live]", &button)
        .await
        .map_err(|e| format!("{url}: hovering {number:?} did not show its popover: {e}"))?;
    expect_attr(&popover, "role", "dialog").await?;
    let class = popover.attr("class").await?.unwrap_or_default();
    if !class.split_whitespace().any(|c| c == "fs-popover") {
        return Err(format!("popover #{popover_id} has class {class:?}, not fs-popover").into());
    }
    expect_open_with_quote(&button, &popover, &popover_id, quote).await
}
