//! End-to-end tests of embedding (issue 5): the built `dist/` in headless Chromium, on the
//! pages a newsroom would make. Each test that needs pages of its own (two instances next to
//! hostile CSS, sheets by URL that fail) copies `dist/` to a temp dir, writes its fixture
//! pages and sheets into `fixtures/` there and serves that copy with the test server, so no
//! fixture ships in `dist/`. The server sends the strict Content-Security-Policy with every
//! page, so the fixture pages have no inline script or style either.
//!
//! They need `dist/`, so a plain `cargo test` skips them (`#[ignore]`). `cargo xtask test`
//! builds dist/ and then runs them; by hand:
//! `cargo xtask dist && cargo test --test e2e_embed -- --ignored`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::error::Error;
use std::fs;
use std::time::{Duration, Instant};

use factsheet::model::Sheet;
use serde_json::{json, Value as Json};
use support::*;
use thirtyfour::prelude::*;

/// Computed properties compared between the hostile and the clean page, for every element in
/// a card: what page CSS could change. Sizes that follow the page's width are left out.
const STYLE_PROPERTIES: [&str; 24] = [
    "display",
    "visibility",
    "position",
    "color",
    "background-color",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "line-height",
    "text-align",
    "text-transform",
    "text-decoration-line",
    "letter-spacing",
    "white-space",
    "border-top-style",
    "border-top-width",
    "border-top-color",
    "padding-top",
    "padding-left",
    "margin-top",
    "margin-left",
    "list-style-type",
    "cursor",
];

// ---------------------------------------------------------------------------------------
// 1. Two instances, one by URL, next to hostile CSS
// ---------------------------------------------------------------------------------------

/// Two instances, one pre-rendered and one by URL, each both as `<div data-factsheet>` and as
/// the custom element `<fact-sheet>`, on a page with hostile CSS under the strict policy:
/// each keeps its style, shows its own sheet, opens its popovers, breaks no policy and keeps
/// its ids to itself.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn two_instances_next_to_hostile_css_render_open_popovers_and_keep_their_style() {
    let sheet = builtin_sheet();
    let mut other = builtin_sheet_json();
    let headline = "A second sheet, loaded from its own address";
    other["story"]["headline"] = json!(headline);
    // The same two again as the custom element: pre-rendered, and by URL.
    let custom_prerendered = demo_prerendered_host("id=\"c\"")
        .replacen("<div id=\"c\" data-factsheet", "<fact-sheet id=\"c\"", 1)
        .replace("</template></div>", "</template></fact-sheet>");
    let body = format!(
        "{}\n<p>Between the two cards.</p>\n<div id=\"b\" data-factsheet data-src=\"sheet-b.json\"></div>\n{custom_prerendered}\n<fact-sheet id=\"d\" src=\"sheet-b.json\"></fact-sheet>",
        demo_prerendered_host("id=\"a\"")
    );
    let site = Site::new(
        &[
            ("sheet-b.json", other.to_string().into_bytes()),
            ("hostile.css", HOSTILE_CSS.into()),
            ("violation-probe.js", VIOLATION_PROBE.into()),
            (
                "hostile.html",
                with_violation_probe(
                    &fixture_page(&stylesheets(&["hostile.css"]), &body),
                    "violation-probe.js",
                )
                .into_bytes(),
            ),
            ("clean.html", fixture_page("", &body).into_bytes()),
        ],
        STRICT_POLICY,
    );

    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        // The clean page first: the reference.
        let hosts = ["#a", "#b", "#c", "#d"];
        d.goto(&site.url("clean.html")).await?;
        let mut clean = Vec::new();
        for host in hosts {
            wait_live(d, host).await?;
            clean.push(card_styles(d, host).await?);
        }

        d.goto(&site.url("hostile.html")).await?;
        let mut problems = Vec::new();
        for (host, clean) in hosts.iter().zip(&clean) {
            wait_live(d, host).await?;
            let hostile = card_styles(d, host).await?;
            problems.extend(style_differences(host, clean, &hostile));
        }

        // Each card shows its own sheet.
        for (host, wanted) in [
            ("#a", sheet.story.headline.as_str()),
            ("#b", headline),
            ("#c", sheet.story.headline.as_str()),
            ("#d", headline),
        ] {
            let shown = text_in(d, host, ".fs-headline").await?;
            if shown != wanted {
                problems.push(format!("{host}: headline {shown:?}, want {wanted:?}"));
            }
        }

        // Each card's popover opens on hover and quotes its source: the first figure in
        // one, the last in the other.
        let first = sheet.figures.first().ok_or("no figures")?;
        let last = sheet.figures.last().ok_or("no figures")?;
        for (host, figure) in [("#a", first), ("#b", last), ("#c", last), ("#d", first)] {
            if let Err(e) = popover_quotes(d, host, figure).await {
                problems.push(format!("{host}: {e}"));
            }
        }
        // Under the strict policy, neither form of host breaks it.
        let violations = policy_violations(d).await?;
        if !violations.is_empty() {
            problems.push(format!("policy violations on the hostile page: {violations:?}"));
        }
        // Ids stay inside each card's shadow root.
        let leaked: Vec<String> = d
            .execute(
                r#"return Array.from(document.querySelectorAll("[id^='pop-'], [id^='fig-']"), e => e.id);"#,
                Vec::new(),
            )
            .await?
            .convert()?;
        if !leaked.is_empty() {
            problems.push(format!("card ids in the page's light DOM: {leaked:?}"));
        }
        finish(problems)
    })
    .await;
}

/// A pre-rendered card keeps the style its mount point carries (the wasm adds no second copy
/// of it), but where the page's policy blocks that style (an inline `<style>`, as the
/// one-file page's mount point has, copied into a page whose policy forbids inline styles),
/// the live card is styled as on a page with the stylesheet linked: the wasm brings its own.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn a_prerendered_card_whose_inline_style_the_policy_blocks_is_styled_once_live() {
    let linked = "<link rel=\"stylesheet\" href=\"../embed/factsheet.css\">";
    let css =
        fs::read_to_string(dist().join("embed/factsheet.css")).expect("dist/embed/factsheet.css");
    let host = demo_prerendered_host("id=\"a\"");
    assert!(
        host.contains(linked),
        "the demo's mount point links its stylesheet"
    );
    let inline = host.replacen(linked, &format!("<style>{css}</style>"), 1);
    let site = Site::new(
        &[
            ("linked.html", fixture_page("", &host).into_bytes()),
            ("inline.html", fixture_page("", &inline).into_bytes()),
        ],
        STRICT_POLICY,
    );
    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        d.goto(&site.url("linked.html")).await?;
        wait_live(d, "#a").await?;
        let reference = card_styles(d, "#a").await?;
        d.goto(&site.url("inline.html")).await?;
        wait_live(d, "#a").await?;
        finish(style_differences(
            "#a (inline style blocked)",
            &reference,
            &card_styles(d, "#a").await?,
        ))
    })
    .await;
}

/// The one-file page decodes its wasm with `Uint8Array.fromBase64` where the engine has it
/// (all three tested engines do); an older engine without it decodes it by hand, and the card
/// goes live all the same. Chromium only: the method is taken away by a script CDP runs
/// before the page's own.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn the_one_file_page_goes_live_in_an_engine_without_from_base64() {
    if !chromium_only("the method is taken away by a script CDP runs before the page's") {
        return;
    }
    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        before_every_page(d, "delete Uint8Array.fromBase64;").await?;
        d.goto(&file_url(&dist().join("index.html"))).await?;
        let taken: bool = d
            .execute("return !('fromBase64' in Uint8Array);", Vec::new())
            .await?
            .convert()?;
        if !taken {
            return Err("Uint8Array.fromBase64 was not taken away".into());
        }
        // The theme switch needs the wasm: pressed, it answers once the card is live.
        start_state_until(d, RENDER_TIMEOUT, |s| s.shown).await?;
        press_theme_switch(d).await?;
        let after = start_state_until(d, RENDER_TIMEOUT, |s| {
            s.live && s.pressed.as_deref() == Some("true")
        })
        .await?;
        if !after.live || after.pressed.as_deref() != Some("true") {
            return Err(format!(
                "without fromBase64 the card did not answer its theme switch: {after:?}"
            )
            .into());
        }
        Ok(())
    })
    .await;
}

/// The host page's root font size is a common news-site rule (`html { font-size: 62.5% }`);
/// the card's rem-based sizes must not follow it.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn the_host_pages_root_font_size_changes_nothing_inside() {
    let body = "<div id=\"a\" data-factsheet></div>";
    let site = Site::new(
        &[
            ("root-font.css", b"html { font-size: 62.5%; }\n".to_vec()),
            (
                "root-font.html",
                fixture_page(&stylesheets(&["root-font.css"]), body).into_bytes(),
            ),
            ("clean.html", fixture_page("", body).into_bytes()),
        ],
        STRICT_POLICY,
    );
    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        d.goto(&site.url("clean.html")).await?;
        wait_live(d, "#a").await?;
        let clean = card_styles(d, "#a").await?;
        d.goto(&site.url("root-font.html")).await?;
        wait_live(d, "#a").await?;
        let hostile = card_styles(d, "#a").await?;
        finish(style_differences("#a", &clean, &hostile))
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// 2. The strict Content-Security-Policy
// ---------------------------------------------------------------------------------------

#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn demo_under_the_strict_csp_reports_no_violation_and_is_interactive() {
    // Every page here loads the violation probe first, so the `securitypolicyviolation`
    // events are counted in every engine (Chromium's console too).
    let mut pages = probed_demo_pages();
    pages.extend([
        // Controls: pages that do break the policy, to show the violations are seen.
        (
            "csp-control.html",
            with_violation_probe(
                &page_with_inline_script_and_style(true),
                "violation-probe.js",
            )
            .into_bytes(),
        ),
        (
            "csp-control-frame.html",
            with_violation_probe(
                &page_with_inline_script_and_style(false),
                "violation-probe.js",
            )
            .into_bytes(),
        ),
    ]);
    let site = Site::new(&pages, STRICT_POLICY);
    let header = site.response_head("/demo/").expect("the demo over http");
    assert!(
        header.contains(&format!(
            "Content-Security-Policy: {}",
            serve::policy_for(serve::STRICT_CSP, "test")
        )),
        "the server did not send the strict policy with the demo:\n{header}"
    );

    with_configured_browser(&[WINDOW], log_the_console, |d| async move {
        let d = &d;
        let sheet = builtin_sheet();
        let mut problems = Vec::new();

        // The collector sees violations in the page and in a sandboxed frame.
        d.goto(&site.url("csp-control.html")).await?;
        // Seen as events, the one channel every engine has, in the page and in its frame.
        let events = |seen: &[String]| seen.iter().any(|v| v.starts_with("event: "));
        let all_seen = |v: &PolicyViolations| events(&v.top) && v.frames.iter().any(|f| events(f));
        // The frame loads after the page, later still on a loaded machine: read until both
        // have reported, keeping the console's lines (each read drains them).
        let deadline = Instant::now() + RENDER_TIMEOUT;
        let mut console = Vec::new();
        let control = loop {
            tokio::time::sleep(Duration::from_millis(250)).await;
            let mut seen = policy_violations(d).await?;
            console.append(&mut seen.console);
            if all_seen(&seen) || Instant::now() > deadline {
                seen.console = console;
                break seen;
            }
        };
        eprintln!("control page: {control:?}");
        if !all_seen(&control) {
            problems.push(format!(
                "the control page's violations were not all seen, so 0 below proves nothing: {control:?}"
            ));
        }

        // The demo: its script embed, and its sandboxed frame, served with the same policy.
        let figure = sheet.figures.first().ok_or("no figures")?;
        problems.extend(demo_works_without_violations(d, &site, "demo/probed.html", figure).await?);
        finish(problems)
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// 3. The sandboxed iframe's height
// ---------------------------------------------------------------------------------------

#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn sandboxed_iframe_follows_its_content_height_after_load_and_with_a_popover_open() {
    let site = Site::dist();
    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        d.goto(&site.url("demo/")).await?;
        let frame = d.find(By::Css("iframe[data-factsheet-frame]")).await?;
        let sandbox = frame.attr("sandbox").await?.unwrap_or_default();
        if sandbox.split_whitespace().collect::<Vec<_>>() != ["allow-scripts"] {
            return Err(format!("the demo's iframe has sandbox={sandbox:?}").into());
        }
        frame.clone().enter_frame().await?;
        wait_live(d, "[data-factsheet]").await?;
        d.enter_default_frame().await?;
        // Chromium pauses rendering in cross-origin frames that are off screen (a sandboxed
        // frame is cross-origin), so its resize observer reports once a reader scrolls to it.
        d.execute(
            "arguments[0].scrollIntoView({block: 'start'});",
            vec![frame.to_json()?],
        )
        .await?;
        let after_load = wait_frame_fits(d, &frame).await;

        // The lowest cited button in the frame: its popover opens near the bottom. The
        // pointer moves in the page's viewport, over the frame, as a reader's would. The frame
        // may still be resizing (and its content reflowing), so the pointer aims again if the
        // popover does not open.
        let mut attempt = 0;
        let (popover, popover_id) = loop {
            attempt += 1;
            frame.clone().enter_frame().await?;
            let (button, popover_id) = lowest_cited_button(d).await?;
            let centre: Vec<f64> = d
                .execute(
                    "const r = arguments[0].getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];",
                    vec![button.to_json()?],
                )
                .await?
                .convert()?;
            d.enter_default_frame().await?;
            let at: Vec<f64> = d
                .execute(
                    include_str!("support/js/e2e_embed/pointer_over_frame.js"),
                    vec![frame.to_json()?, json!(centre[0]), json!(centre[1])],
                )
                .await?
                .convert()?;
            d.action_chain()
                .move_to(at[0].round() as i64, at[1].round() as i64)
                .perform()
                .await?;
            frame.clone().enter_frame().await?;
            let css = format!("[id=\"{popover_id}\"]");
            match wait_in_host(d, "[data-factsheet]", &css, None, POPOVER_TIMEOUT).await {
                Ok(popover) => break (popover, popover_id),
                Err(e) if attempt == 3 => {
                    let state: Json = d
                        .execute(
                            include_str!("support/js/e2e_embed/button_under_pointer.js"),
                            vec![button.to_json()?, json!(centre)],
                        )
                        .await?
                        .json()
                        .clone();
                    d.enter_default_frame().await?;
                    return Err(format!(
                        "hovering the lowest button in the frame, 3 times: {e}; {state}"
                    )
                    .into());
                }
                Err(_) => d.enter_default_frame().await?,
            }
        };
        let popover_bottom: f64 = d
            .execute(
                "return arguments[0].getBoundingClientRect().bottom + window.scrollY;",
                vec![popover.to_json()?],
            )
            .await?
            .convert()?;
        d.enter_default_frame().await?;
        let with_popover = wait_frame_fits(d, &frame).await;

        eprintln!(
            "iframe: after load {after_load:?}; #{popover_id} open, ending at {popover_bottom}px: {with_popover:?}"
        );
        let mut problems = Vec::new();
        if let Err(e) = after_load {
            problems.push(format!("after load: {e}"));
        }
        match with_popover {
            Err(e) => problems.push(format!("with #{popover_id} open: {e}")),
            Ok(height) if popover_bottom > height + 2.0 => problems.push(format!(
                "with #{popover_id} open: the popover ends at {popover_bottom}px, below the frame's {height}px: cut off"
            )),
            Ok(_) => {}
        }
        finish(problems)
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// 4. JavaScript disabled
// ---------------------------------------------------------------------------------------

#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn with_javascript_disabled_every_figure_status_source_and_quote_is_readable() {
    let site = Site::dist();
    with_configured_browser(&[WINDOW], javascript_off, |d| async move {
        let d = &d;
        d.goto(&site.url("demo/")).await?;
        // Long enough for the wasm to have mounted, had it run.
        tokio::time::sleep(Duration::from_secs(3)).await;
        // WebDriver's own scripts still run with the page's JavaScript off.
        let state = page_json(d, include_str!("support/js/e2e_embed/host_state.js")).await?;
        if state["mounted"] == json!(true) || state["live"] == json!(true) {
            return Err(format!("the wasm ran, so JavaScript was not off: {state}").into());
        }
        if state["shadow"] != json!(true) {
            return Err("no declarative shadow root on the demo's host".into());
        }
        // The rest of the sheet is one tap away, in disclosures that work without scripts.
        if open_every_disclosure(d, "[data-factsheet]").await? == 0 {
            return Err("no disclosure to open: the card shows no more than the glance".into());
        }
        let state = page_json(d, include_str!("support/js/e2e_embed/host_state.js")).await?;
        let inner = normalize(state["inner"].as_str().unwrap_or(""));
        let all = normalize(state["all"].as_str().unwrap_or(""));
        let mut missing = Vec::new();
        for (what, text) in expected_readable_texts(&builtin_sheet()) {
            let text = normalize(&text);
            if !inner.contains(&text) {
                let why = if all.contains(&text) {
                    "in the DOM but not rendered"
                } else {
                    "absent"
                };
                missing.push(format!("{what} {text:?}: {why}"));
            }
        }
        finish(missing)
    })
    .await;
}

/// The texts a reader must find in `host`'s rendered card, once they have opened its
/// disclosures, or the ones missing.
async fn missing_readable_texts(d: &WebDriver, host: &str) -> Result<Vec<String>, Box<dyn Error>> {
    open_every_disclosure(d, host).await?;
    let text: String = d
        .execute(
            include_str!("support/js/e2e_embed/rendered_text.js"),
            vec![json!(host)],
        )
        .await?
        .convert()?;
    let text = normalize(&text);
    Ok(expected_readable_texts(&builtin_sheet())
        .into_iter()
        .filter(|(_, t)| !text.contains(&normalize(t)))
        .map(|(what, t)| format!("{what} {t:?}"))
        .collect())
}

#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn with_the_wasm_blocked_every_figure_status_source_and_quote_is_readable() {
    // The demo under a policy without 'wasm-unsafe-eval': scripts run, the wasm cannot.
    let demo = fs::read_to_string(dist().join("demo/index.html")).expect("the demo page");
    let blocked = demo.replacen(
        "<meta charset=\"utf-8\">",
        "<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'\">",
        1,
    );
    let site = Site::new(
        &[("demo/no-wasm.html", blocked.into_bytes())],
        STRICT_POLICY,
    );
    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        d.goto(&site.url("demo/no-wasm.html")).await?;
        let deadline = Instant::now() + RENDER_TIMEOUT;
        let host = "[data-factsheet][data-prerendered]";
        loop {
            let failed: bool = d
                .execute(
                    "const h = document.querySelector(arguments[0]); return !!h && h.hasAttribute('data-factsheet-failed');",
                    vec![json!(host)],
                )
                .await?
                .convert()?;
            if failed {
                break;
            }
            if Instant::now() > deadline {
                return Err(format!("the host was never marked data-factsheet-failed: {}", describe_hosts(d).await).into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        finish(missing_readable_texts(d, host).await?)
    })
    .await;
}

/// The pre-rendered card, opened from disk and arriving in pieces over a slow connection
/// (cut before each disclosure and before the footer, with a pause between pieces, so the
/// browser paints a part of the card before the rest is parsed): nothing already painted
/// moves while the rest arrives or while the card hydrates.
///
/// Chromium only: the shifts are counted by the Layout Instability API (`layout-shift`
/// performance entries), which Firefox and WebKit do not have.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn the_prerendered_card_moves_nothing_while_it_arrives_or_hydrates() {
    if !chromium_only("layout shifts are counted by the Layout Instability API") {
        return;
    }
    let page = fs::read(dist().join("index.html")).expect("dist/index.html");
    let card = find_bytes(&page, b"<div data-factsheet").expect("a pre-rendered card in the page");
    let cuts: Vec<usize> = [&b"<details class=\"fs-more\""[..], b"<footer"]
        .iter()
        .flat_map(|tag| find_all(&page[card..], tag).into_iter().map(|at| card + at))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(
        cuts.len() >= 3,
        "the card has its disclosures and footer to cut before: {cuts:?}"
    );
    let slow = serve_in_pieces(page, cuts, Duration::from_millis(300));
    let pages = [
        ("from disk", file_url(&dist().join("index.html"))),
        ("arriving in pieces", format!("http://{slow}/")),
    ];

    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        let mut problems = Vec::new();
        for (how, url) in &pages {
            d.goto(url).await?;
            wait_live(d, "[data-factsheet]").await?;
            let measurable: bool = d
                .execute(
                    "return PerformanceObserver.supportedEntryTypes.includes('layout-shift');",
                    Vec::new(),
                )
                .await?
                .convert()?;
            if !measurable {
                return Err("this Chromium does not report layout shifts: nothing measured".into());
            }
            // Every layout shift since navigation, with what moved.
            let shifts: Vec<Json> = d
                .execute_async(
                    include_str!("support/js/e2e_embed/layout_shifts.js"),
                    Vec::new(),
                )
                .await?
                .json()
                .as_array()
                .cloned()
                .unwrap_or_default();
            let total: f64 = shifts.iter().filter_map(|s| s["value"].as_f64()).sum();
            if total > 0.0 {
                problems.push(format!(
                    "{how}: cumulative layout shift {total} from shifts {shifts:?}"
                ));
            }
        }
        finish(problems)
    })
    .await;
}

fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_all(haystack: &[u8], needle: &[u8]) -> Vec<usize> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = find_bytes(&haystack[from..], needle) {
        found.push(from + at);
        from += at + needle.len();
    }
    found
}

// ---------------------------------------------------------------------------------------
// 5. Sheets by URL that fail
// ---------------------------------------------------------------------------------------

/// Sheets by URL whose server does not answer: the card's place shows it is loading, then,
/// after `data-timeout`, an error card naming the URL with a "Try again" that works once the
/// server answers; a sheet arriving after the deadline, with no retry, still shows.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn a_sheet_by_url_that_does_not_answer_shows_loading_then_a_deadline_with_a_retry() {
    let headline = builtin_sheet().story.headline;
    let retried = HeldSheet::new(builtin_sheet_bytes());
    let late = HeldSheet::new(builtin_sheet_bytes());
    let body = format!(
        "<div id=\"retried\" data-factsheet data-src=\"{}\" data-timeout=\"5\"></div>
<div id=\"late\" data-factsheet data-src=\"{}\" data-timeout=\"5\"></div>",
        retried.url(),
        late.url()
    );
    // The sheets come from other origins (their own ports), which the strict policy's
    // `default-src 'self'` would refuse before any deadline.
    let site = Site::new(
        &[("held.html", fixture_page("", &body).into_bytes())],
        NO_POLICY,
    );
    let shadow_text = include_str!("support/js/e2e_embed/shadow_text.js");

    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        let started = Instant::now();
        // Not `goto`, which waits for the load event (5 s once, on a loaded machine): the
        // loading card is looked for from the moment the page is asked for.
        d.execute(
            "const url = arguments[0]; setTimeout(() => location.assign(url), 0);",
            vec![json!(site.url("held.html"))],
        )
        .await?;
        let mut problems = Vec::new();
        let text = |host: &'static str, css: &'static str| async move {
            d.execute(shadow_text, vec![json!(host), json!(css)])
                .await
                .ok()
                .and_then(|r| r.convert::<Option<String>>().ok())
                .flatten()
        };
        // Loading, in both places, before the deadline (once the script has mounted them).
        // Looked for until the card changes to something else, not for a fixed time: on a
        // loaded machine the page and its wasm can take seconds to start, and the deadline
        // counts from the card's mounting, not from the navigation.
        for host in ["#retried", "#late"] {
            let until = Instant::now() + RENDER_TIMEOUT;
            let mut loading = None;
            let mut error = None;
            while loading.is_none() && error.is_none() && Instant::now() < until {
                loading = text(host, ".fs-loading").await;
                if loading.is_none() {
                    error = text(host, ".fs-error").await;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            if !loading
                .as_deref()
                .is_some_and(|t| t.contains("Loading the fact sheet"))
            {
                problems.push(format!(
                    "{host}: no loading card before {:?}: {loading:?} (error card: {error:?})",
                    started.elapsed()
                ));
            }
        }
        // The deadline: an error card that names the URL and offers to try again.
        for (host, url) in [("#retried", retried.url()), ("#late", late.url())] {
            let card = error_card_text(d, host).await?;
            let card = normalize(&card);
            for wanted in [url.as_str(), "has not answered", "5 seconds", "Try again"] {
                if !card.contains(wanted) {
                    problems.push(format!(
                        "{host}: the deadline's card lacks {wanted:?}: {card}"
                    ));
                }
            }
        }
        if started.elapsed() < Duration::from_secs(5) {
            problems.push(format!(
                "the deadline came after {:?}, before its 5 s",
                started.elapsed()
            ));
        }
        // The late one answers now, without a retry: its card shows.
        late.answer();
        if let Err(e) = wait_in_host(
            d,
            "#late",
            ".fs-header .fs-headline",
            Some(&headline),
            RENDER_TIMEOUT,
        )
        .await
        {
            problems.push(format!(
                "#late: the sheet that answered after the deadline did not show: {e}"
            ));
        }
        // The other server is back, but the request made before the outage stays lost: the
        // card comes only from the reader trying again.
        retried.come_back();
        tokio::time::sleep(Duration::from_millis(500)).await;
        if text("#retried", ".fs-figures").await.is_some() {
            problems.push("#retried: the card showed before the reader tried again".into());
        }
        let retry: WebElement = d
            .execute(
                "return document.querySelector('#retried').shadowRoot.querySelector('.fs-retry');",
                Vec::new(),
            )
            .await?
            .element()?;
        retry.click().await?;
        if let Err(e) = wait_in_host(
            d,
            "#retried",
            ".fs-header .fs-headline",
            Some(&headline),
            RENDER_TIMEOUT,
        )
        .await
        {
            problems.push(format!(
                "#retried: \"Try again\" did not bring the card: {e}"
            ));
        }
        // Let the request lost in the outage end, so that the browser closes without waiting.
        retried.answer();
        finish(problems)
    })
    .await;
}

#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn sheets_by_url_that_fail_show_their_error_card_and_the_other_instance_works() {
    let (broken, broken_line, broken_column) = broken_json();
    let invalid = invalid_sheet();
    let invalid_problems = factsheet::model::load("invalid.json", invalid.as_bytes(), None)
        .expect_err("the invalid fixture sheet is invalid");
    let closed_port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let unreachable = format!("http://127.0.0.1:{closed_port}/sheet.json");
    let body = format!(
        "<div id=\"missing\" data-factsheet data-src=\"missing.json\"></div>
<div id=\"broken\" data-factsheet data-src=\"broken.json\"></div>
<div id=\"invalid\" data-factsheet data-src=\"invalid.json\"></div>
<div id=\"unreachable\" data-factsheet data-src=\"{unreachable}\"></div>
<div id=\"good\" data-factsheet></div>"
    );
    let site = Site::new(
        &[
            ("broken.json", broken.into_bytes()),
            ("invalid.json", invalid.into_bytes()),
            ("errors.html", fixture_page("", &body).into_bytes()),
        ],
        STRICT_POLICY,
    );

    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        d.goto(&site.url("errors.html")).await?;
        let mut problems = Vec::new();

        let missing = ["missing.json".into(), "HTTP 404".into()];
        expect_error_card(d, "#missing", &missing, &mut problems).await;

        let card = error_card_text(d, "#broken").await;
        let located = card.as_ref().is_ok_and(|t| {
            let t = normalize(t);
            [
                format!("broken.json:{broken_line}:{broken_column}"),
                format!("line {broken_line} column {broken_column}"),
                format!("line {broken_line}, column {broken_column}"),
            ]
            .iter()
            .any(|form| t.contains(form))
        });
        if card.is_ok() && !located {
            problems.push(format!(
                "#broken: the error card does not give line {broken_line} column {broken_column}: {card:?}"
            ));
        }
        match card {
            Ok(text) => problems.extend(lacking("#broken", &text, &["broken.json".into()])),
            Err(e) => problems.push(format!("#broken: {e}")),
        }

        let mut wanted = vec!["invalid.json".to_string()];
        for p in &invalid_problems {
            wanted.push(p.path.clone());
            wanted.push(p.message.clone());
        }
        expect_error_card(d, "#invalid", &wanted, &mut problems).await;

        let unreachable = [unreachable, "Network error".into()];
        expect_error_card(d, "#unreachable", &unreachable, &mut problems).await;

        let figure = builtin_sheet().figures.first().cloned().ok_or("no figures")?;
        if let Err(e) = popover_quotes(d, "#good", &figure).await {
            problems.push(format!("#good, next to the failing instances: {e}"));
        }
        finish(problems)
    })
    .await;
}

/// A story built by `dist --sheets` (the test command builds the fixture sheet as the story
/// `sheet`): its page and its frame page show their own sheet, carried in the page, adopt the
/// pre-rendered card and open its citations; its oEmbed JSON names its own frame.
#[tokio::test]
#[ignore = "needs dist/ with the fixture story: run by cargo xtask test"]
async fn a_story_built_from_its_own_sheet_shows_it_on_its_page_and_in_its_frame() {
    let fixture: Sheet = factsheet::model::load(
        "tests/fixtures/sheet.json",
        include_bytes!("fixtures/sheet.json"),
        None,
    )
    .expect("the fixture sheet loads");
    let oembed: Json = serde_json::from_slice(
        &fs::read(dist().join("embed/sheet.frame.oembed.json"))
            .expect("dist/embed/sheet.frame.oembed.json: build dist with the fixture story (cargo xtask test)"),
    )
    .expect("the story's oEmbed JSON parses");
    let site = Site::dist();

    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        let mut problems = Vec::new();
        if oembed["title"] != json!(fixture.story.headline)
            || !oembed["html"]
                .as_str()
                .is_some_and(|h| h.contains("sheet.frame.html"))
        {
            problems.push(format!(
                "the story's oEmbed does not name its own frame: {oembed}"
            ));
        }
        let figure = fixture.figures.first().ok_or("no figures")?;
        d.goto(&site.url("stories/sheet.html")).await?;
        wait_live(d, "[data-factsheet]").await?;
        let headline = text_in(d, "[data-factsheet]", ".fs-header .fs-headline").await?;
        if headline != fixture.story.headline {
            problems.push(format!(
                "the story page shows {headline:?}, not its sheet's headline"
            ));
        }
        if let Err(e) = popover_quotes(d, "[data-factsheet]", figure).await {
            problems.push(format!("the story page: {e}"));
        }
        d.goto(&site.url("embed/sheet.frame.html")).await?;
        wait_live(d, "[data-factsheet]").await?;
        let headline = text_in(d, "[data-factsheet]", ".fs-header .fs-headline").await?;
        if headline != fixture.story.headline {
            problems.push(format!("the story's frame page shows {headline:?}"));
        }
        finish(problems)
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// 6. When the wasm starts
// ---------------------------------------------------------------------------------------

/// What the page says about its first host and the widget's requests (`start_state.js`).
#[derive(Debug, serde::Deserialize)]
struct StartState {
    live: bool,
    waiting: bool,
    pressed: Option<String>,
    shown: bool,
    theme: Option<String>,
    ready_state: String,
    requested: std::collections::BTreeMap<String, f64>,
    load_end: f64,
    url: String,
}

async fn start_state(d: &WebDriver) -> Result<StartState, Box<dyn Error>> {
    let state = d
        .execute(
            include_str!("support/js/e2e_embed/start_state.js"),
            Vec::new(),
        )
        .await?
        .json()
        .clone();
    Ok(serde_json::from_value(state)?)
}

/// Polls until `done` holds for the page's state, or `timeout` passes; the last state seen.
async fn start_state_until(
    d: &WebDriver,
    timeout: Duration,
    done: impl Fn(&StartState) -> bool,
) -> Result<StartState, Box<dyn Error>> {
    let deadline = Instant::now() + timeout;
    loop {
        // While a page is replaced, a script may run in neither (Firefox answers null).
        match start_state(d).await {
            Ok(state) if done(&state) || Instant::now() > deadline => return Ok(state),
            Err(e) if Instant::now() > deadline => return Err(e),
            _ => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

/// The first host's theme switch, pressed with the mouse (scrolled into view first).
async fn press_theme_switch(d: &WebDriver) -> Outcome {
    let toggle = d
        .execute(
            include_str!("support/js/e2e_embed/theme_switch.js"),
            Vec::new(),
        )
        .await?
        .element()?;
    toggle.scroll_into_view().await?;
    toggle.click().await?;
    Ok(())
}

/// Navigation returns at once, so that a test can act while the page's load event is held
/// back (by an image at `HeldWasm::STALLED`).
fn load_without_waiting(caps: &mut thirtyfour::Capabilities) -> WebDriverResult<()> {
    caps.set("pageLoadStrategy", json!("none"))
}

/// The reader presses the theme switch of a pre-rendered card, twice, before its wasm has
/// arrived (the server holds it): the switch is shown, and nothing happens yet. Once the wasm
/// arrives, the card goes live and switches to the dark theme: the press was not lost, and
/// the second press, made while the first had no answer, counts as the same request.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn a_theme_switch_pressed_before_the_wasm_arrives_switches_once_it_has() {
    let site = HeldWasm::new(fixture_page("", &demo_prerendered_host("")).into_bytes());
    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        let mut problems = Vec::new();
        d.goto(&site.url()).await?;
        let before = start_state_until(d, RENDER_TIMEOUT, |s| s.waiting && s.shown).await?;
        if !before.shown || before.live {
            return Err(format!("before the wasm: the switch is not shown on a card that is not live: {before:?}").into());
        }
        press_theme_switch(d).await?;
        press_theme_switch(d).await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let pressed = start_state(d).await?;
        if pressed.live || pressed.pressed.as_deref() != Some("false") {
            problems.push(format!("with the wasm held, the card changed: {pressed:?}"));
        }
        site.release();
        let live = start_state_until(d, RENDER_TIMEOUT, |s| s.live && s.pressed.as_deref() == Some("true")).await?;
        // Long enough for a second press carried over to have undone the first.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let after = start_state(d).await?;
        if !live.live || after.pressed.as_deref() != Some("true") || after.theme.as_deref() != Some("dark") {
            problems.push(format!(
                "once the wasm arrived, the press before it did not switch the card to dark once: {after:?}"
            ));
        }
        finish(problems)
    })
    .await;
}

/// "Cite this" pressed in a claim (a piece of the card, hydrated by an app of its own) before
/// the wasm has arrived is answered once it has: the press is not lost between the piece's
/// hydration and the card's.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn cite_this_pressed_in_a_claim_before_the_wasm_arrives_is_answered_once_it_has() {
    let site = HeldWasm::new(fixture_page("", &demo_prerendered_host("")).into_bytes());
    let script = include_str!("support/js/e2e_embed/last_claim.js");
    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        d.goto(&site.url()).await?;
        start_state_until(d, RENDER_TIMEOUT, |s| s.waiting && s.shown).await?;
        let button = d.execute(script, vec![json!("button")]).await?.element()?;
        button.scroll_into_view().await?;
        button.click().await?;
        let cite = d.execute(script, vec![json!("cite")]).await?.element()?;
        cite.click().await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let mut problems = Vec::new();
        let early: Option<String> = d.execute(script, vec![json!("offered")]).await?.convert()?;
        if early.is_some() || start_state(d).await?.live {
            problems.push(format!("with the wasm held, the card answered: {early:?}"));
        }
        site.release();
        start_state_until(d, RENDER_TIMEOUT, |s| s.live).await?;
        let deadline = Instant::now() + RENDER_TIMEOUT;
        let offered = loop {
            let offered: Option<String> = d.execute(script, vec![json!("offered")]).await?.convert()?;
            if offered.is_some() || Instant::now() > deadline {
                break offered;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        let id: String = d.execute(script, vec![json!("id")]).await?.convert()?;
        let last = builtin_sheet_json()["claims"]
            .as_array()
            .and_then(|c| c.iter().find(|c| format!("claim-{}", c["id"].as_str().unwrap_or("")) == id).cloned())
            .unwrap_or_default();
        let quote = last["citations"][0]["quote"].as_str().unwrap_or("?").to_string();
        match offered {
            Some(text) if text.contains(&quote) => {}
            other => problems.push(format!(
                "once live, \"Cite this\" pressed before offered {other:?}, not a citation quoting {quote:?}"
            )),
        }
        finish(problems)
    })
    .await;
}

/// The wasm starts when a card or the reader needs it, not before. Each page holds its load
/// event back (an image the server never answers), so nothing there can start the wasm at
/// idle after load: a pre-rendered card asking for nothing else fetches neither glue nor wasm
/// and stays as it is, until the reader presses its theme switch, which then works; a card
/// that needs rendering (a theme the pre-render cannot show, from the start or given by the
/// page's script at DOMContentLoaded, an error card, a host added later, a theme the reader
/// chose before or the page declares) goes live at once. Then, on
/// a page whose load event comes, the pre-rendered card's wasm is requested after it.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn the_wasm_starts_when_a_card_or_the_reader_needs_it_else_after_the_load_event() {
    let stalled = format!("<img src=\"{}\" alt=\"\">", HeldWasm::STALLED);
    let card = demo_prerendered_host("");
    // The pages that need the wasm at once: (what, head, body).
    let needing: Vec<(&str, String, String)> = vec![
        (
            "a theme the pre-render cannot show",
            String::new(),
            demo_prerendered_host("data-theme=\"dark\""),
        ),
        (
            "an error card",
            String::new(),
            format!("{card}<div data-factsheet data-view=\"sideways\"></div>"),
        ),
        (
            "a host added later",
            String::new(),
            format!(
                "{card}<script>setTimeout(() => document.body.append(document.createElement(\"fact-sheet\")), 1000);</script>"
            ),
        ),
        (
            // As the frame page gives its host the `data-src` of its `?src=`.
            "a theme the page's script gives the host at DOMContentLoaded",
            String::new(),
            format!(
                "{card}<script>document.addEventListener(\"DOMContentLoaded\", () => document.querySelector(\"[data-factsheet]\").setAttribute(\"data-theme\", \"dark\"));</script>"
            ),
        ),
        (
            "a theme the reader chose before",
            "<script>localStorage.setItem(\"factsheet-theme\", \"dark\");</script>\n".into(),
            card.clone(),
        ),
        (
            "a page that declares one scheme",
            "<meta name=\"color-scheme\" content=\"dark\">\n".into(),
            card.clone(),
        ),
    ];
    with_configured_browser(&[WINDOW], load_without_waiting, |d| async move {
        let d = &d;
        let mut problems = Vec::new();

        // Each page on a server of its own: another origin, so what one stores is not
        // read by the next.
        let site = HeldWasm::new(fixture_page("", &format!("{card}{stalled}")).into_bytes());
        site.release();
        d.goto(&site.url()).await?;
        let url = site.url();
        let seen = start_state_until(d, RENDER_TIMEOUT, |s| s.url == url && s.waiting).await?;
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let idle = start_state(d).await?;
        if !seen.waiting || idle.ready_state == "complete" {
            return Err(format!("the page is not waiting for its load event as the test needs: {idle:?}").into());
        }
        if idle.live || !idle.requested.is_empty() {
            problems.push(format!(
                "a pre-rendered card, before the load event, with nothing asked: the wasm started ({idle:?})"
            ));
        }
        press_theme_switch(d).await?;
        let pressed = start_state_until(d, RENDER_TIMEOUT, |s| s.live && s.pressed.as_deref() == Some("true")).await?;
        if !pressed.live || pressed.pressed.as_deref() != Some("true") || pressed.theme.as_deref() != Some("dark") {
            problems.push(format!("the theme switch pressed before the load event did not switch the card: {pressed:?}"));
        }
        drop(site);

        for (what, head, body) in &needing {
            let site = HeldWasm::new(fixture_page(head, &format!("{body}{stalled}")).into_bytes());
            site.release();
            let url = site.url();
            d.goto(&url).await?;
            let state = start_state_until(d, RENDER_TIMEOUT, |s| s.url == url && s.live).await?;
            if state.url != url || !state.live || state.ready_state == "complete" {
                problems.push(format!("{what}: the card did not go live before the load event: {state:?}"));
            }
        }

        // The load event comes: the wasm is requested after it.
        let site = HeldWasm::new(fixture_page("", &card).into_bytes());
        site.release();
        let url = site.url();
        d.goto(&url).await?;
        let state = start_state_until(d, RENDER_TIMEOUT, |s| s.url == url && s.live).await?;
        let early: Vec<_> = state
            .requested
            .iter()
            .filter(|(_, at)| **at < state.load_end)
            .collect();
        if state.url != url || !state.live || state.requested.len() != 2 || !early.is_empty() {
            problems.push(format!(
                "with its load event, a pre-rendered card did not go live on its wasm requested after the load event ended: {state:?}"
            ));
        }
        finish(problems)
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// 7. JSON-LD
// ---------------------------------------------------------------------------------------

#[test]
#[ignore = "needs dist/: run by cargo xtask test"]
fn json_ld_has_one_node_per_figure_and_claim_no_unbacked_claim_review_and_cannot_end_its_script() {
    let sheet = builtin_sheet();
    let mut problems = Vec::new();
    for page in ["index.html", "demo/index.html"] {
        let html = fs::read_to_string(dist().join(page)).unwrap();
        problems.extend(check_json_ld(page, &html, &sheet));
    }
    finish(problems).unwrap();
}

fn check_json_ld(page: &str, html: &str, sheet: &Sheet) -> Vec<String> {
    const OPEN: &str = "<script type=\"application/ld+json\">";
    let mut problems = Vec::new();
    let starts: Vec<usize> = html.match_indices(OPEN).map(|(i, _)| i).collect();
    if starts.len() != 1 {
        return vec![format!(
            "{page}: {} JSON-LD script elements, not 1",
            starts.len()
        )];
    }
    let text = &html[starts[0] + OPEN.len()..];
    // What the HTML parser takes as the script's text: up to the first `</script`.
    let end = text
        .to_ascii_lowercase()
        .find("</script")
        .unwrap_or(text.len());
    let text = &text[..end];
    if text.contains("<!--") {
        problems.push(format!(
            "{page}: `<!--` in the JSON-LD changes where its script ends"
        ));
    }
    let ld: Json = match serde_json::from_str(text) {
        Ok(ld) => ld,
        Err(e) => return vec![format!("{page}: the JSON-LD does not parse: {e}")],
    };
    if ld["@context"] != json!("https://schema.org") {
        problems.push(format!("{page}: @context is {}", ld["@context"]));
    }
    let nodes: Vec<&Json> = ld["@graph"]
        .as_array()
        .map(|g| g.iter().collect())
        .unwrap_or_default();
    // Every node a Claim, or a ClaimReview backed by a verdict and its reviewer in the sheet,
    // with the types schema.org gives their parts.
    let mut texts = Vec::new();
    for node in &nodes {
        let claim = match node["@type"].as_str() {
            Some("Claim") => {
                texts.push(node["text"].as_str().unwrap_or_default().to_string());
                *node
            }
            Some("ClaimReview") => {
                let verdict = node["reviewRating"]["alternateName"].as_str();
                let reviewer = node["author"]["name"].as_str();
                if verdict.is_none_or(str::is_empty) || reviewer.is_none_or(str::is_empty) {
                    problems.push(format!(
                        "{page}: a ClaimReview without a verdict or reviewer: {node}"
                    ));
                }
                texts.push(
                    node["claimReviewed"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                );
                &node["itemReviewed"]
            }
            other => {
                problems.push(format!("{page}: a node of type {other:?}: {node}"));
                continue;
            }
        };
        if claim["@type"] != json!("Claim") {
            problems.push(format!("{page}: reviewed item is not a Claim: {node}"));
        }
        for author in claim["author"].as_array().into_iter().flatten() {
            if !matches!(author["@type"].as_str(), Some("Person" | "Organization"))
                || author["name"].as_str().is_none_or(str::is_empty)
            {
                problems.push(format!(
                    "{page}: an author without a type or name: {author}"
                ));
            }
        }
        let appearances = claim["appearance"].as_array().map_or(0, Vec::len);
        if appearances == 0 {
            problems.push(format!("{page}: a claim that appears nowhere: {node}"));
        }
        for work in claim["appearance"].as_array().into_iter().flatten() {
            if work["@type"] != json!("CreativeWork")
                || work["publisher"]["@type"] != json!("Organization")
            {
                problems.push(format!(
                    "{page}: an appearance that is not a published work: {work}"
                ));
            }
        }
    }
    let reviewed = sheet.figures.iter().filter(|f| f.review.is_some()).count()
        + sheet.claims.iter().filter(|c| c.review.is_some()).count();
    let reviews = nodes
        .iter()
        .filter(|n| n["@type"] == json!("ClaimReview"))
        .count();
    if reviews != reviewed {
        problems.push(format!(
            "{page}: {reviews} ClaimReviews for {reviewed} items with a verdict"
        ));
    }
    let expected = sheet.figures.len() + sheet.claims.len();
    if nodes.len() != expected {
        problems.push(format!(
            "{page}: {} nodes, expected {expected} ({} figures + {} claims)",
            nodes.len(),
            sheet.figures.len(),
            sheet.claims.len()
        ));
    }
    let count = |pick: &dyn Fn(&str) -> bool| texts.iter().filter(|t| pick(t)).count();
    for f in &sheet.figures {
        let prefix = format!("{}: ", f.label);
        let found = count(&|t| t.starts_with(&prefix) && t.contains(f.value.written()));
        if found != 1 {
            problems.push(format!(
                "{page}: figure {}: {found} nodes, expected 1",
                f.id
            ));
        }
    }
    for c in &sheet.claims {
        let found = count(&|t| t == c.summary);
        if found != 1 {
            problems.push(format!("{page}: claim {}: {found} nodes, expected 1", c.id));
        }
    }
    problems
}

// ---------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------

/// The control for the CSP test: an inline script and style, and (at the top) a sandboxed
/// frame that has them too.
fn page_with_inline_script_and_style(with_frame: bool) -> String {
    let frame = if with_frame {
        "<iframe sandbox=\"allow-scripts\" src=\"csp-control-frame.html\"></iframe>"
    } else {
        ""
    };
    format!(
        "<!doctype html>\n<html><head><style>p {{ color: red; }}</style></head><body><p style=\"color: blue\">control</p><script>document.title = 'inline';</script>{frame}</body></html>\n"
    )
}

/// The built-in sheet, pretty-printed, with one comma taken out; and where the build-time
/// check says the error is.
fn broken_json() -> (String, usize, usize) {
    let pretty = serde_json::to_string_pretty(&builtin_sheet_json()).unwrap();
    // The comma after the story's headline.
    let at = pretty.find("\"headline\"").unwrap();
    let comma = at + pretty[at..].find(",\n").unwrap();
    let broken = format!("{}{}", &pretty[..comma], &pretty[comma + 1..]);
    let problems = factsheet::model::parse("broken.json", broken.as_bytes()).unwrap_err();
    (broken, problems[0].line, problems[0].column)
}

/// The built-in sheet with a second source under the first one's id.
fn invalid_sheet() -> String {
    let mut sheet = builtin_sheet_json();
    let sources = sheet["sources"].as_array_mut().unwrap();
    let mut copy = sources[0].clone();
    copy["title"] = json!("Another report under the same id");
    sources.push(copy);
    serde_json::to_string_pretty(&sheet).unwrap()
}

/// What must be readable without JavaScript: every figure's number, every status word, every
/// source's title, every citation's quote.
fn expected_readable_texts(sheet: &Sheet) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for f in &sheet.figures {
        texts.push((format!("figure {}", f.id), f.value.written().to_string()));
        for s in &f.status {
            texts.push((format!("status of figure {}", f.id), s.label().to_string()));
        }
        for (i, c) in f.citations.iter().enumerate() {
            texts.push((format!("quote {i} of figure {}", f.id), c.quote.clone()));
        }
    }
    for c in &sheet.claims {
        for s in &c.status {
            texts.push((format!("status of claim {}", c.id), s.label().to_string()));
        }
        for (i, q) in c.citations.iter().enumerate() {
            texts.push((format!("quote {i} of claim {}", c.id), q.quote.clone()));
        }
    }
    for s in &sheet.sources {
        texts.push((format!("title of source {}", s.id), s.title.clone()));
    }
    texts
}

// ---------------------------------------------------------------------------------------
// Browser helpers
// ---------------------------------------------------------------------------------------

async fn text_in(d: &WebDriver, host: &str, css: &str) -> Result<String, Box<dyn Error>> {
    Ok(wait_in_host(d, host, css, None, RENDER_TIMEOUT)
        .await?
        .text()
        .await?)
}

/// The computed style of every element in a card, in document order.
async fn card_styles(
    d: &WebDriver,
    host: &str,
) -> Result<Vec<(String, Vec<String>)>, Box<dyn Error>> {
    let props: Vec<Json> = STYLE_PROPERTIES.iter().map(|p| json!(p)).collect();
    let script = include_str!("support/js/e2e_embed/computed_styles.js");
    Ok(d.execute(script, vec![json!(host), Json::Array(props)])
        .await?
        .convert()?)
}

fn style_differences(
    host: &str,
    clean: &[(String, Vec<String>)],
    hostile: &[(String, Vec<String>)],
) -> Vec<String> {
    let names = |s: &[(String, Vec<String>)]| s.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    if names(clean) != names(hostile) {
        return vec![format!(
            "{host}: the card's elements differ between the clean and the hostile page ({} vs {})",
            clean.len(),
            hostile.len()
        )];
    }
    let mut differences = Vec::new();
    for ((name, a), (_, b)) in clean.iter().zip(hostile) {
        for (i, (x, y)) in a.iter().zip(b).enumerate() {
            if x != y {
                differences.push(format!("{name} {}: {x} -> {y}", STYLE_PROPERTIES[i]));
            }
        }
    }
    let total = differences.len();
    if total == 0 {
        return Vec::new();
    }
    differences.truncate(12);
    vec![format!(
        "{host}: host CSS changed {total} computed values inside the card, e.g.\n    {}",
        differences.join("\n    ")
    )]
}

/// The lowest button that opens a popover in the (current frame's) card, of those the page
/// shows (a closed disclosure's are not), and the popover's id.
async fn lowest_cited_button(d: &WebDriver) -> Result<(WebElement, String), Box<dyn Error>> {
    let button = d
        .execute(
            include_str!("support/js/e2e_embed/lowest_cited_button.js"),
            Vec::new(),
        )
        .await?
        .element()
        .map_err(|_| "no shown button[aria-controls] in the frame's live card")?;
    let id = button.attr("aria-controls").await?.unwrap_or_default();
    Ok((button, id))
}

/// Waits until the iframe is as tall as its content (±2 px) and nothing in it scrolls;
/// returns the frame's height, or what was seen last. The content's height is the root
/// element's (`html` has no set height in the frame page), and the bottom of any popover
/// that hangs below it: the document's `scrollHeight` alone never drops below the frame's
/// own height, so it cannot tell a frame that is too tall.
async fn wait_frame_fits(d: &WebDriver, frame: &WebElement) -> Result<f64, Box<dyn Error>> {
    const MEASURE: &str = include_str!("support/js/e2e_embed/frame_content_height.js");
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let outer: f64 = d
            .execute("return arguments[0].offsetHeight;", vec![frame.to_json()?])
            .await?
            .convert()?;
        frame.clone().enter_frame().await?;
        let inner: Vec<f64> = d.execute(MEASURE, Vec::new()).await?.convert()?;
        d.enter_default_frame().await?;
        let (scroll, client, content) = (inner[0], inner[1], inner[2]);
        if (outer - scroll).abs() <= 2.0 && scroll <= client + 2.0 && (outer - content).abs() <= 2.0
        {
            return Ok(outer);
        }
        if Instant::now() > deadline {
            return Err(format!(
                "iframe offsetHeight {outer}px; in it, the document's scrollHeight {scroll}px, clientHeight {client}px, content {content}px"
            )
            .into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
