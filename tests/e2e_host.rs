//! End-to-end tests of the card's relation to its host page and to the reader's settings:
//! the theme (the system's, the page's declared `color-scheme`, the reader's choice kept
//! across reloads, where storage is allowed), the outline (one landmark named by the
//! headline, at most one heading, none with `data-headings="none"`), the skip link, and the
//! printed card.
//!
//! Pages of their own are written beside a copy of `dist/` and served with the strict
//! policy (`Site`), so they have no inline script or style: a page declares its scheme with
//! a `<meta>` or a stylesheet of its own.
//!
//! The system's dark setting: CDP `Emulation.setEmulatedMedia` in Chromium, the
//! `ui.systemUsesDarkTheme` preference in Firefox; WebKit can emulate neither, so there the
//! dark cases run on a page that declares `color-scheme: dark` instead (the same toggle,
//! dark by the page's rule rather than the system's).
//!
//! They need `dist/`, so a plain `cargo test` skips them (`#[ignore]`); `cargo xtask test`
//! runs them. By hand: `cargo xtask dist && cargo test --test e2e_host -- --ignored`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::error::Error;
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::{json, Value as Json};
use support::*;
use thirtyfour::prelude::*;
use thirtyfour::Capabilities;

const THEME_STATE: &str = include_str!("support/js/e2e_host/theme_state.js");
const OUTLINE: &str = include_str!("support/js/e2e_host/outline.js");
const FOCUS_STATE: &str = include_str!("support/js/e2e_host/focus_state.js");

/// Where the reader's choice is kept (the widget's `theme.rs`).
const STORAGE_KEY: &str = "factsheet-theme";

/// The most A4 pages the seed card may print on (issue 12).
const MOST_PAGES: usize = 3;

// ---------------------------------------------------------------------------------------
// Theme

/// With the system dark, the card is dark and its toggle says so (aria-pressed="true"); the
/// first press switches to light, the second back to dark. On the pre-rendered one-file page
/// (hydrated) and on a page that mounts the card afresh.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn with_the_system_dark_the_toggle_says_dark_and_the_first_press_switches_to_light() {
    let engine = Engine::current();
    // WebKit cannot make the system dark: a page declaring dark stands in (see the notes).
    let head = if engine == Engine::Webkit {
        "<meta name=\"color-scheme\" content=\"dark\">\n"
    } else {
        ""
    };
    let site = Site::new(
        &[(
            "fresh.html",
            host_page(head, "<div id=\"card\" data-factsheet></div>"),
        )],
        STRICT_POLICY,
    );
    with_system(Scheme::Dark, |d| async move {
        let d = &d;
        let mut problems = Vec::new();
        let mut pages = vec![(site.url("fresh.html"), "a page mounting the card")];
        if engine != Engine::Webkit {
            pages.push((
                file_url(&dist().join("index.html")),
                "the pre-rendered one-file page",
            ));
        }
        for (url, page) in pages {
            d.goto(&url).await?;
            let host = "[data-factsheet]";
            expect_theme(d, host, true, &format!("{page}, on load"), &mut problems).await?;
            press_toggle(d, host).await?;
            expect_theme(
                d,
                host,
                false,
                &format!("{page}, pressed once"),
                &mut problems,
            )
            .await?;
            press_toggle(d, host).await?;
            expect_theme(
                d,
                host,
                true,
                &format!("{page}, pressed twice"),
                &mut problems,
            )
            .await?;
            clear_choice(d).await?;
        }
        finish(problems)
    })
    .await;
}

/// `auto` follows the host page's declared `color-scheme` (a meta element, the CSS property
/// on the page's root or on an element around the card), else the system; a publisher's
/// `data-theme` beats the page; a page that switches its scheme is followed.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn auto_follows_the_host_pages_color_scheme_else_the_system() {
    let card = "<div id=\"card\" data-factsheet></div>";
    let pages: Vec<(&str, String, String)> = vec![
        ("nothing.html", String::new(), card.into()),
        ("meta-dark.html", meta("dark"), card.into()),
        ("meta-light.html", meta("light"), card.into()),
        ("meta-both.html", meta("light dark"), card.into()),
        (
            "root-dark.html",
            stylesheets(&["root-dark.css"]),
            card.into(),
        ),
        (
            "part-dark.html",
            stylesheets(&["part-dark.css"]),
            format!("<section class=\"dark-part\">{card}</section>"),
        ),
        (
            "publisher-light.html",
            meta("dark"),
            "<div id=\"card\" data-factsheet data-theme=\"light\"></div>".into(),
        ),
        (
            "switching.html",
            stylesheets(&["switching.css"]),
            card.into(),
        ),
    ];
    let mut fixtures: Vec<(&str, Vec<u8>)> = vec![
        ("root-dark.css", b":root { color-scheme: dark; }\n".to_vec()),
        (
            "part-dark.css",
            b".dark-part { color-scheme: dark; }\n".to_vec(),
        ),
        (
            "switching.css",
            b"html.night { color-scheme: dark; } html.day { color-scheme: light; }\n".to_vec(),
        ),
    ];
    for (name, head, body) in &pages {
        fixtures.push((name, host_page(head, body)));
    }
    let site = Site::new(&fixtures, STRICT_POLICY);
    let site = &site;
    // (page, system, dark expected)
    let mut cases = vec![
        ("nothing.html", Scheme::Light, false),
        ("meta-dark.html", Scheme::Light, true),
        ("meta-both.html", Scheme::Light, false),
        ("root-dark.html", Scheme::Light, true),
        ("part-dark.html", Scheme::Light, true),
        ("publisher-light.html", Scheme::Light, false),
    ];
    if Engine::current() != Engine::Webkit {
        cases.extend([
            ("nothing.html", Scheme::Dark, true),
            ("meta-light.html", Scheme::Dark, false),
            ("meta-both.html", Scheme::Dark, true),
        ]);
    }
    for system in [Scheme::Light, Scheme::Dark] {
        let cases: Vec<_> = cases.iter().filter(|c| c.1 == system).cloned().collect();
        if cases.is_empty() {
            continue;
        }
        with_system(system, |d| async move {
            let d = &d;
            let mut problems = Vec::new();
            for (page, system, dark) in cases {
                d.goto(&site.url(page)).await?;
                let case = format!("{page}, system {}", system.key());
                expect_theme(d, "#card", dark, &case, &mut problems).await?;
            }
            if system == Scheme::Light {
                // The site's own switch: a class on <html> declares dark, then light.
                d.goto(&site.url("switching.html")).await?;
                expect_theme(d, "#card", false, "switching.html", &mut problems).await?;
                for (class, dark) in [("night", true), ("day", false), ("night", true)] {
                    d.execute(
                        "document.documentElement.className = arguments[0];",
                        vec![json!(class)],
                    )
                    .await?;
                    let case = format!("switching.html, <html class=\"{class}\">");
                    expect_theme(d, "#card", dark, &case, &mut problems).await?;
                }
            }
            finish(problems)
        })
        .await;
    }
}

/// The reader's choice is kept across reloads and shared by the site's cards (both cards on
/// the page switch together); pressing back to what the page and system give forgets it. In
/// the demo's sandboxed frame, where storage throws, the toggle still works, and the choice
/// silently lasts until the page is left.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn the_readers_choice_persists_across_reloads_where_storage_is_allowed() {
    let body = "<div id=\"a\" data-factsheet></div>\n<p>Between the cards.</p>\n<div id=\"b\" data-factsheet></div>";
    let site = Site::new(&[("two.html", host_page("", body))], STRICT_POLICY);
    with_system(Scheme::Light, |d| async move {
        let d = &d;
        let mut problems = Vec::new();
        d.goto(&site.url("two.html")).await?;
        expect_theme(d, "#a", false, "on load", &mut problems).await?;
        press_toggle(d, "#a").await?;
        for host in ["#a", "#b"] {
            expect_theme(
                d,
                host,
                true,
                &format!("{host} after a press on #a"),
                &mut problems,
            )
            .await?;
        }
        let stored = stored_choice(d).await?;
        if stored.as_deref() != Some("dark") {
            problems.push(format!(
                "after a press, localStorage holds {stored:?}, not \"dark\""
            ));
        }
        d.refresh().await?;
        for host in ["#a", "#b"] {
            expect_theme(
                d,
                host,
                true,
                &format!("{host} after a reload"),
                &mut problems,
            )
            .await?;
        }
        press_toggle(d, "#b").await?;
        for host in ["#a", "#b"] {
            expect_theme(
                d,
                host,
                false,
                &format!("{host} after a press on #b"),
                &mut problems,
            )
            .await?;
        }
        let stored = stored_choice(d).await?;
        if stored.is_some() {
            problems.push(format!(
                "back to the system's theme, localStorage still holds {stored:?}"
            ));
        }
        d.refresh().await?;
        expect_theme(d, "#a", false, "after the second reload", &mut problems).await?;

        // The demo's iframe is sandboxed without allow-same-origin: no storage there.
        d.goto(&site.url("demo/index.html")).await?;
        let frame = d.find(By::Css("iframe[data-factsheet-frame]")).await?;
        frame.clone().enter_frame().await?;
        expect_theme(
            d,
            "[data-factsheet]",
            false,
            "framed, on load",
            &mut problems,
        )
        .await?;
        press_toggle_in_frame(d, &frame).await?;
        expect_theme(
            d,
            "[data-factsheet]",
            true,
            "framed, pressed",
            &mut problems,
        )
        .await?;
        press_toggle_in_frame(d, &frame).await?;
        expect_theme(
            d,
            "[data-factsheet]",
            false,
            "framed, pressed twice",
            &mut problems,
        )
        .await?;
        d.enter_default_frame().await?;
        finish(problems)
    })
    .await;
}

/// A pre-rendered card shows its theme from its first frame, through hydration (or the
/// fresh render that replaces it): no flash of the other theme. With the system dark, the
/// one-file page's card is dark throughout; a pre-rendered host that pins
/// `data-theme="light"` is light throughout. Chromium only: the first frames are sampled by
/// a script CDP runs before the page's own (`Page.addScriptToEvaluateOnNewDocument`).
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn a_prerendered_card_shows_its_theme_from_its_first_frame() {
    if !chromium_only("the first frames are sampled by a script CDP runs before the page's") {
        return;
    }
    // The demo's pre-rendered host (its stylesheet linked as `../embed/factsheet.css`, which
    // resolves the same from `fixtures/`), pinned light.
    let pinned = fixture_page("", &demo_prerendered_host("data-theme=\"light\""));
    let site = Site::new(&[("pinned.html", pinned.into_bytes())], STRICT_POLICY);
    with_system(Scheme::Dark, |d| async move {
        let d = &d;
        before_every_page(d, include_str!("support/js/e2e_host/theme_frames.js")).await?;
        emulate_system(d, Scheme::Dark).await?;
        let mut problems = Vec::new();
        for (url, dark) in [
            (file_url(&dist().join("index.html")), true),
            (site.url("pinned.html"), false),
        ] {
            d.goto(&url).await?;
            expect_theme(d, "[data-factsheet]", dark, &url, &mut problems).await?;
            let frames: Vec<(String, bool)> = d
                .execute("return window.__factsheetThemeFrames || [];", Vec::new())
                .await?
                .convert()?;
            let before_live = frames.iter().filter(|(_, live)| !live).count();
            let colours: Vec<&String> = frames.iter().map(|(c, _)| c).collect();
            if before_live == 0 || frames.len() == before_live {
                problems.push(format!(
                    "{url}: the frames sampled do not span going live ({before_live} before, {} after): {colours:?}",
                    frames.len() - before_live
                ));
            }
            if colours.windows(2).any(|w| w[0] != w[1]) {
                problems.push(format!("{url}: the card's background changed: {colours:?}"));
            }
        }
        finish(problems)
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// Outline: landmark and headings

/// The card is one landmark, a region named by its headline, and adds exactly one heading to
/// the host's outline (level 2, or the level `data-headings` asks for), or none with
/// `data-headings="none"`; the host's own headings are untouched. Read from the DOM in
/// every engine, and in Chromium also from the accessibility tree (CDP
/// `Accessibility.getFullAXTree`), which is what a screen reader is given.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn the_card_is_one_landmark_named_by_its_headline_and_adds_at_most_one_heading() {
    let headline = builtin_sheet().story.headline;
    let variants: [(&str, &str, Option<u32>); 3] = [
        ("outline-default.html", "", Some(2)),
        ("outline-h4.html", " data-headings=\"h4\"", Some(4)),
        ("outline-none.html", " data-headings=\"none\"", None),
    ];
    let fixtures: Vec<(&str, Vec<u8>)> = variants
        .iter()
        .map(|(name, attributes, _)| {
            let body = format!(
                "<main><h1>The host's title</h1>\n<article><h2>The host's section</h2>\n\
                 <div id=\"card\" data-factsheet{attributes}></div>\n<h3>The host's subsection</h3></article></main>"
            );
            (*name, host_page("", &body))
        })
        .collect();
    let site = Site::new(&fixtures, STRICT_POLICY);
    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        let mut problems = Vec::new();
        let host_headings = vec![
            (1, "The host's title".to_string()),
            (2, "The host's section".to_string()),
            (3, "The host's subsection".to_string()),
        ];
        // (page, the card's heading level, the host's own headings)
        type OutlinedPage = (String, Option<u32>, Vec<(u32, String)>);
        let mut pages: Vec<OutlinedPage> = variants
            .iter()
            .map(|(name, _, level)| (site.url(name), *level, host_headings.clone()))
            .collect();
        pages.push((file_url(&dist().join("index.html")), Some(2), Vec::new()));
        for (url, level, host) in pages {
            d.goto(&url).await?;
            wait_live(d, "[data-factsheet]").await?;
            let outline: Outline = serde_json::from_str(
                &d.execute(OUTLINE, Vec::new()).await?.convert::<String>()?,
            )?;
            let mut expected = host.clone();
            if let Some(level) = level {
                expected.insert(host.len().min(2), (level, headline.clone()));
            }
            let found: Vec<(u32, String)> = outline
                .headings
                .iter()
                .map(|h| (h.level, h.text.clone()))
                .collect();
            if found != expected {
                problems.push(format!("{url}: headings {found:?}, expected {expected:?}"));
            }
            let in_card: Vec<&Landmark> = outline.landmarks.iter().filter(|l| l.card).collect();
            if in_card.len() != 1
                || in_card[0].role != "region"
                || normalize(&in_card[0].name) != normalize(&headline)
            {
                problems.push(format!(
                    "{url}: the card's landmarks are {in_card:?}, expected one region named {headline:?}"
                ));
            }
            if Engine::current() == Engine::Chromium {
                let tree = accessibility_outline(d).await?;
                let headings: Vec<&AxNode> = tree.iter().filter(|n| n.role == "heading").collect();
                let card_headings: Vec<Option<u32>> = headings
                    .iter()
                    .filter(|n| normalize(&n.name) == normalize(&headline))
                    .map(|n| n.level)
                    .collect();
                let wanted: Vec<Option<u32>> = level.into_iter().map(Some).collect();
                if card_headings != wanted || headings.len() != host.len() + wanted.len() {
                    problems.push(format!(
                        "{url}: the accessibility tree's headings are {headings:?}; the card's should be at levels {wanted:?}"
                    ));
                }
                let regions: Vec<&AxNode> = tree.iter().filter(|n| n.role == "region").collect();
                if regions.len() != 1 || normalize(&regions[0].name) != normalize(&headline) {
                    problems.push(format!(
                        "{url}: the accessibility tree's regions are {regions:?}, expected one named {headline:?}"
                    ));
                }
            }
        }
        finish(problems)
    })
    .await;
}

/// From the element before the card, Tab reaches "Skip the fact sheet", shown; Enter moves
/// focus to the card's end (shown, "End of the fact sheet") without changing the page's URL
/// or history; the next Tab leaves the card for the element after it.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn the_skip_link_moves_focus_past_the_card_without_touching_the_url() {
    let body = "<p><button id=\"before\" type=\"button\">Before the card</button></p>\n\
                <div id=\"card\" data-factsheet></div>\n\
                <p><button id=\"after\" type=\"button\">After the card</button></p>";
    let site = Site::new(&[("skip.html", host_page("", body))], STRICT_POLICY);
    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        let mut problems = Vec::new();
        d.goto(&site.url("skip.html")).await?;
        wait_live(d, "#card").await?;
        // What shows on focus shows in a focused window, as the reader's is.
        focus_the_window(d).await?;
        d.execute("document.getElementById('before').focus();", Vec::new())
            .await?;
        let start = focus_state(d).await?;
        d.action_chain().send_keys(Key::Tab).perform().await?;
        let on_link = focus_state(d).await?;
        if on_link.page != "card" || !on_link.card.contains("fs-skip") || !on_link.shown {
            problems.push(format!(
                "Tab from the element before the card: focus is {on_link:?}, not on a shown skip link"
            ));
        }
        save_shot(d, "host-skip-link.png").await?;
        d.action_chain().send_keys(Key::Enter).perform().await?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let at_end = focus_state(d).await?;
        save_shot(d, "host-skip-end.png").await?;
        if at_end.page != "card" || !at_end.card.contains("fs-end") || !at_end.shown {
            problems.push(format!(
                "Enter on the skip link: focus is {at_end:?}, not on the card's shown end"
            ));
        }
        if at_end.url != start.url || at_end.history != start.history {
            problems.push(format!(
                "the skip link changed the page: URL {:?} -> {:?}, history {} -> {}",
                start.url, at_end.url, start.history, at_end.history
            ));
        }
        d.action_chain().send_keys(Key::Tab).perform().await?;
        let after = focus_state(d).await?;
        if after.page != "after" {
            problems.push(format!(
                "Tab from the card's end: focus is {after:?}, not on the element after the card"
            ));
        }
        finish(problems)
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// Print

/// Printed to PDF on A4 the seed card takes at most 3 pages; on paper every quote of the
/// sheet (the summary's too) is printed exactly once (popovers are not printed; the notes carry each quote once
/// under its source), disclosures are open and the notes name every source; the same with a
/// popover open when the reader prints. The PDF is saved under `target/screenshots/`.
/// Chromium only: the PDF is CDP's `Page.printToPDF`, the path Chromium's own "Save as PDF"
/// takes, and the printed text is read with CDP's print media emulation.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn printed_on_a4_the_card_fits_three_pages_with_each_quote_once() {
    if !chromium_only("the PDF is CDP's Page.printToPDF and print media is CDP's emulation") {
        return;
    }
    let sheet = builtin_sheet();
    let mut quotes: Vec<String> = sheet
        .story
        .summary
        .citations
        .iter()
        .chain(sheet.figures.iter().flat_map(|f| f.citations.iter()))
        .chain(sheet.claims.iter().flat_map(|c| c.citations.iter()))
        .map(|c| normalize(&c.quote))
        .collect();
    quotes.sort();
    quotes.dedup();
    let outlets: Vec<String> = sheet.sources.iter().map(|s| s.outlet.clone()).collect();
    let dir = target_dir()
        .join("screenshots")
        .join(Engine::current().name());
    std::fs::create_dir_all(&dir).expect("target/screenshots");
    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        let mut problems = Vec::new();
        d.goto(&file_url(&dist().join("index.html"))).await?;
        wait_live(d, "[data-factsheet]").await?;
        for popover_open in [false, true] {
            let case = if popover_open {
                "a popover open"
            } else {
                "closed"
            };
            if popover_open {
                let figure = sheet.figures.first().ok_or("no figures")?;
                let button = figure_button(d, "[data-factsheet]", figure).await?;
                button.scroll_into_view().await?;
                button.click().await?;
                wait_in_card(d, ".fs-popover:popover-open", None, POPOVER_TIMEOUT).await?;
            }
            let pdf = print_to_pdf(d).await?;
            let pages = pdf_pages(&pdf);
            let name = format!(
                "card-print-a4{}.pdf",
                if popover_open { "-popover" } else { "" }
            );
            std::fs::write(dir.join(&name), &pdf)?;
            println!(
                "print ({case}): {pages} A4 page(s), {}",
                dir.join(&name).display()
            );
            if pages == 0 || pages > MOST_PAGES {
                problems.push(format!(
                    "{case}: the card prints on {pages} A4 pages, at most {MOST_PAGES} wanted"
                ));
            }
            let printed = normalize(&printed_text(d).await?);
            for quote in &quotes {
                // A quote inside a longer one is printed once more for each that holds it.
                let holders = quotes.iter().filter(|q| q.contains(quote.as_str())).count();
                let times = printed.matches(quote.as_str()).count();
                if times != holders {
                    problems.push(format!(
                        "{case}: printed {times} time(s), expected {holders}: {quote:?}"
                    ));
                }
            }
            for outlet in &outlets {
                if !printed.contains(outlet.as_str()) {
                    problems.push(format!("{case}: the printed card never names {outlet:?}"));
                }
            }
        }
        finish(problems)
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// Helpers

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scheme {
    Light,
    Dark,
}

impl Scheme {
    fn key(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }
}

/// A host page: `head` (meta, stylesheets) and `body`, loading the embed script.
fn host_page(head: &str, body: &str) -> Vec<u8> {
    fixture_page(head, body).into_bytes()
}

fn meta(scheme: &str) -> String {
    format!("<meta name=\"color-scheme\" content=\"{scheme}\">\n")
}

/// Runs `body` in a browser whose system setting is `scheme`: Firefox's through its
/// preference at start, Chromium's through CDP once started. WebKit's is light and cannot
/// change: asked for dark there, the test says so and runs nothing.
async fn with_system<Body, Fut>(scheme: Scheme, body: Body)
where
    Body: FnOnce(WebDriver) -> Fut,
    Fut: std::future::Future<Output = Outcome>,
{
    if scheme == Scheme::Dark && Engine::current() == Engine::Webkit {
        println!("skipped in webkit: its system setting cannot be made dark");
        return;
    }
    with_configured_browser(
        &[WINDOW],
        move |caps| firefox_system(caps, scheme),
        move |d| async move {
            emulate_system(&d, scheme).await?;
            body(d).await
        },
    )
    .await;
}

fn firefox_system(caps: &mut Capabilities, scheme: Scheme) -> WebDriverResult<()> {
    if Engine::current() != Engine::Firefox {
        return Ok(());
    }
    let mut options = caps
        .get("moz:firefoxOptions")
        .cloned()
        .unwrap_or_else(|| json!({}));
    options["prefs"]["ui.systemUsesDarkTheme"] = json!(if scheme == Scheme::Dark { 1 } else { 0 });
    caps.set("moz:firefoxOptions", options)
}

/// Chromium: CDP's media emulation. Every engine: checks the page sees `scheme`.
async fn emulate_system(d: &WebDriver, scheme: Scheme) -> Outcome {
    if Engine::current() == Engine::Chromium {
        d.cdp()
            .send_raw(
                "Emulation.setEmulatedMedia",
                json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme.key() }] }),
            )
            .await?;
    }
    let query = format!(
        "return matchMedia('(prefers-color-scheme: {})').matches;",
        scheme.key()
    );
    let matches: bool = d.execute(&query, Vec::new()).await?.convert()?;
    if !matches {
        return Err(format!("the system setting is not {} in this browser", scheme.key()).into());
    }
    Ok(())
}

#[derive(Debug, Deserialize)]
struct ThemeState {
    dark: bool,
    background: String,
    attribute: Option<String>,
    pressed: Option<String>,
}

/// Waits (up to the popover timeout after the card is live) for the card in `host` to show
/// the dark theme if `dark`, else the light one, with its toggle saying so; else notes what
/// it shows.
async fn expect_theme(
    d: &WebDriver,
    host: &str,
    dark: bool,
    case: &str,
    problems: &mut Vec<String>,
) -> Outcome {
    let live_by = Instant::now() + RENDER_TIMEOUT;
    let mut settled_by = None;
    let pressed = if dark { "true" } else { "false" };
    loop {
        let found: Option<String> = d.execute(THEME_STATE, vec![json!(host)]).await?.convert()?;
        let state = found
            .map(|s| serde_json::from_str::<ThemeState>(&s))
            .transpose()?;
        if let Some(state) = &state {
            if state.dark == dark && state.pressed.as_deref() == Some(pressed) {
                return Ok(());
            }
            let by = *settled_by.get_or_insert(Instant::now() + POPOVER_TIMEOUT);
            if Instant::now() > by {
                problems.push(format!(
                    "{case}: {host} shows {} (background {}, data-theme {:?}) with aria-pressed {:?}; expected {} and {pressed:?}",
                    if state.dark { "dark" } else { "light" },
                    state.background,
                    state.attribute,
                    state.pressed,
                    if dark { "dark" } else { "light" },
                ));
                return Ok(());
            }
        } else if Instant::now() > live_by {
            return Err(format!(
                "{case}: {host} never went live; {}",
                describe_hosts(d).await
            )
            .into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn press_toggle(d: &WebDriver, host: &str) -> Outcome {
    let toggle = wait_in_host(d, host, ".fs-theme", None, RENDER_TIMEOUT).await?;
    toggle.scroll_into_view().await?;
    toggle.click().await?;
    Ok(())
}

/// Presses the toggle of the card in `frame` (the session inside it, and left there). The
/// frame is as tall as its card, so the page around it is what scrolls: it is scrolled to
/// the toggle first, from outside (a sandboxed frame cannot scroll its parent in WebKit).
async fn press_toggle_in_frame(d: &WebDriver, frame: &WebElement) -> Outcome {
    let toggle = wait_in_host(d, "[data-factsheet]", ".fs-theme", None, RENDER_TIMEOUT).await?;
    let top: f64 = d
        .execute(
            "return arguments[0].getBoundingClientRect().top + window.scrollY;",
            vec![toggle.to_json()?],
        )
        .await?
        .convert()?;
    d.enter_default_frame().await?;
    d.execute(
        "window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY + arguments[1] - 200);",
        vec![frame.to_json()?, json!(top)],
    )
    .await?;
    frame.clone().enter_frame().await?;
    toggle.click().await?;
    Ok(())
}

async fn stored_choice(d: &WebDriver) -> Result<Option<String>, Box<dyn Error>> {
    Ok(d.execute(
        "return localStorage.getItem(arguments[0]);",
        vec![json!(STORAGE_KEY)],
    )
    .await?
    .convert()?)
}

/// Forgets the reader's choice, where the page has storage.
async fn clear_choice(d: &WebDriver) -> Outcome {
    d.execute(
        "try { localStorage.removeItem(arguments[0]); } catch (e) {}",
        vec![json!(STORAGE_KEY)],
    )
    .await?;
    Ok(())
}

#[derive(Debug, Deserialize)]
struct Outline {
    headings: Vec<Heading>,
    landmarks: Vec<Landmark>,
}

#[derive(Debug, Deserialize)]
struct Heading {
    level: u32,
    text: String,
}

#[derive(Debug, Deserialize)]
struct Landmark {
    role: String,
    name: String,
    card: bool,
}

/// A heading or region of Chromium's accessibility tree.
#[derive(Debug)]
struct AxNode {
    role: String,
    name: String,
    level: Option<u32>,
}

/// The headings and regions of Chromium's accessibility tree, as a screen reader gets them.
async fn accessibility_outline(d: &WebDriver) -> Result<Vec<AxNode>, Box<dyn Error>> {
    let tree = d
        .cdp()
        .send_raw("Accessibility.getFullAXTree", json!({}))
        .await?;
    let nodes = tree["nodes"].as_array().cloned().unwrap_or_default();
    Ok(nodes
        .iter()
        .filter(|n| !n["ignored"].as_bool().unwrap_or(false))
        .filter_map(|n| {
            let role = n["role"]["value"].as_str()?;
            if role != "heading" && role != "region" {
                return None;
            }
            let name = n["name"]["value"].as_str().unwrap_or("").to_string();
            let level = n["properties"].as_array().and_then(|props| {
                props
                    .iter()
                    .find(|p| p["name"] == "level")
                    .and_then(|p| p["value"]["value"].as_u64())
                    .map(|l| l as u32)
            });
            Some(AxNode {
                role: role.to_string(),
                name,
                level,
            })
        })
        .collect())
}

#[derive(Debug, Deserialize)]
struct FocusState {
    page: String,
    card: String,
    #[allow(dead_code)]
    text: String,
    shown: bool,
    url: String,
    history: u32,
}

async fn focus_state(d: &WebDriver) -> Result<FocusState, Box<dyn Error>> {
    let text: String = d.execute(FOCUS_STATE, Vec::new()).await?.convert()?;
    Ok(serde_json::from_str(&text)?)
}

/// The window as it is, for people to look at, under `target/screenshots/<engine>/`.
async fn save_shot(d: &WebDriver, name: &str) -> Outcome {
    let dir = target_dir()
        .join("screenshots")
        .join(Engine::current().name());
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join(name), d.screenshot_as_png().await?)?;
    Ok(())
}

/// The page as Chromium prints it on A4 portrait with its default margins, as PDF bytes.
async fn print_to_pdf(d: &WebDriver) -> Result<Vec<u8>, Box<dyn Error>> {
    let printed: Json = d
        .cdp()
        .send_raw(
            "Page.printToPDF",
            json!({ "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": false }),
        )
        .await?;
    let data = printed["data"]
        .as_str()
        .ok_or("Page.printToPDF returned no data")?;
    Ok(base64_decode(data)?)
}

/// The number of pages in a PDF: its page objects (`/Type /Page`, not `/Pages`), which
/// Chromium writes uncompressed.
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type")
        .filter(|(at, _)| {
            let rest = text[at + 5..].trim_start();
            rest.starts_with("/Page") && !rest.starts_with("/Pages")
        })
        .count()
}

/// The card's text as printed: read under CDP's print media emulation (so what print hides
/// is left out), then the emulation is turned off again.
async fn printed_text(d: &WebDriver) -> Result<String, Box<dyn Error>> {
    let cdp = d.cdp();
    cdp.send_raw("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await?;
    let text = d
        .execute(
            "const h = document.querySelector('[data-factsheet]'); \
             return h.shadowRoot.querySelector('.factsheet').innerText;",
            Vec::new(),
        )
        .await?
        .convert::<String>();
    cdp.send_raw("Emulation.setEmulatedMedia", json!({ "media": "" }))
        .await?;
    Ok(text?)
}

/// Standard base64, as CDP sends binary data.
fn base64_decode(text: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut bits, mut count) = (0u32, 0u32);
    for byte in text
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b'=')
    {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return Err(format!("not base64: byte {byte}")),
        };
        bits = (bits << 6) | u32::from(value);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    Ok(out)
}
