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
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

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

/// Opens `url` and checks the hover contract on the built-in sheet's first figure: its button
/// is collapsed, and hovering opens its popover (see `popover_quotes`).
async fn hover_shows_citation(d: &WebDriver, url: &str) -> Outcome {
    const LIVE_HOST: &str = "[data-factsheet][data-factsheet-live]";
    let sheet = builtin_sheet();
    let figure = sheet
        .figures
        .first()
        .ok_or("the built-in sheet has no figures")?;
    d.goto(url).await?;
    let button = match figure_button(d, LIVE_HOST, figure).await {
        Ok(button) => button,
        Err(e) => return Err(format!("{url}: {e}; found: {}", describe_card(d).await).into()),
    };
    expect_attr(&button, "aria-expanded", "false").await?;
    popover_quotes(d, LIVE_HOST, figure)
        .await
        .map_err(|e| format!("{url}: {e}").into())
}
