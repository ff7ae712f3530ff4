//! End-to-end tests of what the card shows at a glance, on the built one-file page
//! (`dist/index.html`) in Chromium at exact viewport sizes (CDP device metrics): the height
//! budgets of issue 12, each figure and quote once, chart text a phone can read, one type
//! scale, every button named for what it opens, and `data-view="full"` opening everything.
//! What they expect (numbers, quotes, titles) comes from the sheet `dist/` was built from.
//!
//! By hand: `cargo xtask dist && cargo test --test e2e_glance -- --ignored`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::time::Duration;

use serde::Deserialize;
use serde_json::json;
use support::*;
use thirtyfour::prelude::*;

/// Issue 12's budgets for the default view: (viewport width, most pixels tall).
const BUDGETS: [(u32, f64); 3] = [(320, 1700.0), (390, 1700.0), (1280, 900.0)];

#[derive(Debug, Deserialize)]
struct Seen {
    height: f64,
    text: String,
    buttons: Vec<String>,
    sizes: Vec<f64>,
    #[serde(rename = "chartMin")]
    chart_min: Option<f64>,
    details: Vec<bool>,
}

/// `dist/index.html`, or a copy whose card asks for `data-view="full"`.
fn page(full: bool) -> String {
    let index = dist().join("index.html");
    if !full {
        return file_url(&index);
    }
    let html = std::fs::read_to_string(&index).expect("dist/index.html");
    let marked = html.replacen(
        "<div data-factsheet ",
        "<div data-factsheet data-view=\"full\" ",
        1,
    );
    assert_ne!(marked, html, "no [data-factsheet] host in dist/index.html");
    // Beside the build, not in `dist/`: the size record lists every file there.
    let dir = target_dir().join("e2e-glance");
    std::fs::create_dir_all(&dir).expect("target/e2e-glance");
    let path = dir.join("index-full-view.html");
    std::fs::write(&path, marked).expect("the full-view page");
    file_url(&path)
}

async fn open(d: &WebDriver, width: u32, full: bool) -> Result<Seen, Box<dyn std::error::Error>> {
    d.cdp()
        .send_raw(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500 }),
        )
        .await?;
    d.goto("about:blank").await?;
    d.goto(&page(full)).await?;
    wait_live(d, "[data-factsheet]").await?;
    // Two frames: the card's last layout after going live.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let seen = page_json(d, include_str!("support/js/e2e_glance/measure_card.js")).await?;
    Ok(serde_json::from_value(seen)?)
}

/// Times `needle` occurs in `haystack`, after normalising white space in both.
fn occurrences(haystack: &str, needle: &str) -> usize {
    let (h, n) = (normalize(haystack), normalize(needle));
    if n.is_empty() {
        return 0;
    }
    h.matches(&n).count()
}

#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn the_default_view_fits_its_height_budget_at_320_390_and_1280_px() {
    if !chromium_only("exact viewports narrower than 500 px are CDP device metrics") {
        return;
    }
    with_browser(&[], |d| async move {
        let mut problems = Vec::new();
        for (width, budget) in BUDGETS {
            let seen = open(&d, width, false).await?;
            println!(
                "{width} px wide: the card is {:.0} px tall (budget {budget:.0})",
                seen.height
            );
            if seen.height > budget {
                problems.push(format!(
                    "{width} px: {:.0} px tall, over the budget of {budget:.0}",
                    seen.height
                ));
            }
            let full = open(&d, width, true).await?;
            println!(
                "{width} px wide, data-view=\"full\": {:.0} px tall",
                full.height
            );
        }
        finish(problems)
    })
    .await;
}

#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn data_view_full_opens_every_disclosure_and_shows_every_quote_and_source() {
    if !chromium_only("exact viewports narrower than 500 px are CDP device metrics") {
        return;
    }
    let sheet = builtin_sheet();
    with_browser(&[], |d| async move {
        let mut problems = Vec::new();
        let glance = open(&d, 390, false).await?;
        if glance.details.is_empty() || glance.details.iter().any(|o| *o) {
            problems.push(format!(
                "default view: disclosures {:?}, want all closed",
                glance.details
            ));
        }
        let seen = open(&d, 390, true).await?;
        if seen.details.is_empty() || !seen.details.iter().all(|o| *o) {
            problems.push(format!(
                "full view: disclosures {:?}, want all open",
                seen.details
            ));
        }
        let mut want: Vec<(String, &str)> = Vec::new();
        for c in &sheet.claims {
            for q in &c.citations {
                want.push((format!("a quote of claim {}", c.id), &q.quote));
            }
        }
        for s in &sheet.sources {
            want.push((format!("the title of source {}", s.id), &s.title));
        }
        for f in &sheet.figures {
            want.push((format!("the number of figure {}", f.id), f.value.written()));
        }
        for (what, text) in want {
            if occurrences(&seen.text, text) == 0 {
                problems.push(format!("full view: {what} ({text:?}) is not shown"));
            }
        }
        finish(problems)
    })
    .await;
}

#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn the_default_view_shows_no_figure_or_quote_twice() {
    if !chromium_only("exact viewports narrower than 500 px are CDP device metrics") {
        return;
    }
    let sheet = builtin_sheet();
    let view = factsheet::view::present::present(&sheet, "en");
    with_browser(&[], |d| async move {
        let mut problems = Vec::new();
        for width in [320, 1280] {
            let seen = open(&d, width, false).await?;
            for f in &view.figures {
                // The number with what it counts, as the card writes it: once.
                let shown = format!("{} {}", f.number, f.unit);
                let n = occurrences(&seen.text, &shown);
                if n != 1 {
                    problems.push(format!("{width} px: {shown:?} shown {n} times"));
                }
            }
            let quotes = sheet
                .figures
                .iter()
                .flat_map(|f| &f.citations)
                .chain(sheet.claims.iter().flat_map(|c| &c.citations))
                .chain(&sheet.story.summary.citations);
            for c in quotes {
                let n = occurrences(&seen.text, &c.quote);
                if n > 1 {
                    problems.push(format!(
                        "{width} px: the quote {:?} shown {n} times",
                        c.quote
                    ));
                }
            }
        }
        finish(problems)
    })
    .await;
}

#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn chart_text_is_12_px_or_more_at_320_px_and_one_type_scale_is_used() {
    if !chromium_only("exact viewports narrower than 500 px are CDP device metrics") {
        return;
    }
    with_browser(&[], |d| async move {
        let mut problems = Vec::new();
        for (width, full) in [(320, false), (320, true), (1280, true)] {
            let seen = open(&d, width, full).await?;
            match seen.chart_min {
                Some(px) if px >= 12.0 => {}
                other => problems.push(format!("{width} px: smallest chart text {other:?} px")),
            }
            if seen.sizes.len() > 4 {
                problems.push(format!(
                    "{width} px{}: {} font sizes {:?}, want at most 4",
                    if full { ", full view" } else { "" },
                    seen.sizes.len(),
                    seen.sizes
                ));
            }
        }
        finish(problems)
    })
    .await;
}

#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn every_button_is_named_for_what_it_opens_never_a_bare_count() {
    if !chromium_only("exact viewports narrower than 500 px are CDP device metrics") {
        return;
    }
    with_browser(&[], |d| async move {
        let mut problems = Vec::new();
        let seen = open(&d, 390, true).await?;
        for name in &seen.buttons {
            let words: Vec<&str> = name
                .split_whitespace()
                .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
                .filter(|w| !matches!(w.to_lowercase().as_str(), "source" | "sources"))
                .collect();
            if words.is_empty() {
                problems.push(format!("a button named {name:?}: a count, not what it opens"));
            }
        }
        // Each citation button says what its sources are for.
        let citing = seen.buttons.iter().filter(|n| n.starts_with("Sources for ")).count();
        let sheet = builtin_sheet();
        let want = sheet.figures.len() + sheet.claims.len() + 1;
        if citing != want {
            problems.push(format!(
                "{citing} buttons named \"Sources for …\", want {want} (every figure, claim and the summary): {:?}",
                seen.buttons
            ));
        }
        finish(problems)
    })
    .await;
}

fn finish(problems: Vec<String>) -> Outcome {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} problem(s):\n  - {}",
            problems.len(),
            problems.join("\n  - ")
        )
        .into())
    }
}
