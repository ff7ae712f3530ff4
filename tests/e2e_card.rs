//! End-to-end tests of the card itself on the built one-file page (`dist/index.html`, opened
//! from disk) in each engine (`FACTSHEET_ENGINE`; see `support/browser.rs`): the citation popovers under the mouse, the keyboard and a
//! finger, near the viewport's edges; axe-core in the light and the dark theme; screenshots
//! for people to look at.
//!
//! They need `dist/`, so a plain `cargo test` skips them (`#[ignore]`); `cargo xtask test`
//! runs them. By hand: `cargo xtask dist && cargo test --test e2e_card -- --ignored`.
//!
//! How the browser is set up:
//! - viewports are exact CSS sizes through CDP `Emulation.setDeviceMetricsOverride` (a
//!   headless window cannot be narrower than 500 px). "Narrow" is a 320 px desktop window
//!   with classic scrollbars; "phone" is 320 x 640 with `mobile: true` (overlay scrollbars)
//!   and CDP `Emulation.setTouchEmulationEnabled`.
//! - taps are WebDriver pointer actions with `pointerType: "touch"`: ChromeDriver turns them
//!   into real touch input, so the page sees `touchstart`/`touchend`, pointer events of type
//!   `touch` and the click that follows, as from a finger.
//! - the light and dark system settings are CDP `Emulation.setEmulatedMedia`
//!   (`prefers-color-scheme`).
//! - in Firefox and WebKit (`FACTSHEET_ENGINE`), which have neither CDP nor windows narrower
//!   than about 450-500 px, the card's page is opened in a frame of exactly the viewport's
//!   size at the window's top-left corner (its viewport, media queries and `clientWidth` are
//!   the frame's), taps are the same touch pointer actions, and screenshots are of the frame.
//!   There is no `mobile` emulation: the phone is a 320 px viewport with touch input.
//! - axe-core comes from npm (`AXE_NPM`), installed on first use into `target/tools/`.
//!
//! Each interaction test walks every case and fails once at the end with the list of every
//! problem seen, so one failure shows the whole picture.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;
use std::process::Command as Process;
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::{json, Value};
use support::*;
use thirtyfour::common::action::{ActionSource, PointerAction, PointerActionType};
use thirtyfour::common::command::{Actions, Command};
use thirtyfour::prelude::*;

/// axe-core, pinned so that results do not change under us.
const AXE_VERSION: &str = "4.14.1";

#[derive(Clone, Copy, Debug)]
struct Viewport {
    name: &'static str,
    width: u32,
    height: u32,
    /// A phone: `mobile` device metrics (overlay scrollbars, no hover) and touch input.
    phone: bool,
}

const PHONE: Viewport = Viewport {
    name: "phone 320x640",
    width: 320,
    height: 640,
    phone: true,
};
const NARROW: Viewport = Viewport {
    name: "desktop 320x640",
    width: 320,
    height: 640,
    phone: false,
};
const TABLET: Viewport = Viewport {
    name: "desktop 768x1024",
    width: 768,
    height: 1024,
    phone: false,
};
const DESKTOP: Viewport = Viewport {
    name: "desktop 1200x800",
    width: 1200,
    height: 800,
    phone: false,
};

/// Where a button is scrolled to before it is used: its top at the viewport's top, its
/// middle in the middle, its bottom at the viewport's bottom (`scrollIntoView` blocks).
const PLACES: [&str; 3] = ["start", "center", "end"];

// ---------------------------------------------------------------------------------------
// The tests

/// Hovering each figure (mouse) shows its popover inside the viewport with the figure's
/// words in the quote; the pointer can move into the popover without closing it (WCAG
/// 1.4.13); Escape closes it; `aria-expanded` follows.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn hover_shows_each_figures_citation_inside_the_viewport() {
    let items = figures();
    run(&[DESKTOP, TABLET, NARROW], |browser, viewport| {
        let items = items.clone();
        async move {
            let mut problems = Vec::new();
            open_card(&browser, viewport, "").await?;
            for item in &items {
                for place in PLACES {
                    let case = format!("{}: hover {} at {place}", viewport.name, item.popover_id);
                    let button = scroll_to(&browser, item, place).await?;
                    mouse(&browser)
                        .move_to_element_center(&button)
                        .perform()
                        .await?;
                    let Some(state) = expect_open(&browser, item, &case, &mut problems).await?
                    else {
                        continue;
                    };
                    if state.inside() {
                        // Into the popover, near its top-left corner: it must stay open.
                        let (x, y) = (state.rect[0] + 12.0, state.rect[1] + 12.0);
                        mouse(&browser)
                            .move_to(x as i64, y as i64)
                            .perform()
                            .await?;
                        settle(&browser).await?;
                        let inside = popover_state(&browser, &item.popover_id).await?;
                        if !inside.shown {
                            problems.push(format!(
                                "{case}: the popover closed when the pointer moved into it"
                            ));
                        }
                    }
                    press(&browser, Key::Escape).await?;
                    expect_closed(&browser, item, &case, false, &mut problems).await?;
                    // Off the figure again, so the next hover is a fresh pointerenter.
                    mouse(&browser).move_to(1, 1).perform().await?;
                }
            }
            Ok(problems)
        }
    })
    .await;
}

/// Tab reaches every figure and claim button in order; focus shows the popover (inside the
/// viewport, the figure's words quoted); Enter keeps it open; Escape closes it with focus
/// back on the button; Enter opens it again with focus inside it (a dialog the reader opened
/// takes focus), and Escape closes it with focus back on the button.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn tab_enter_and_escape_work_on_every_citation_button() {
    let items = all_items();
    run(&[NARROW, TABLET], |browser, viewport| {
        let items = items.clone();
        async move {
            let mut problems = Vec::new();
            open_card(&browser, viewport, "").await?;
            let mut reached = Vec::new();
            for _ in 0..300 {
                press(&browser, Key::Tab).await?;
                let focused: String = browser
                    .execute(FOCUSED_POPOVER_ID, Vec::new())
                    .await?
                    .convert()?;
                match focused.as_str() {
                    "" if reached.is_empty() => continue, // the page before the card
                    "" => break,                          // focus left the card
                    "-" => continue,                      // a link, the theme button
                    "+" => {
                        // A closed disclosure: Enter opens it, as a keyboard reader would.
                        press(&browser, Key::Enter).await?;
                        settle(&browser).await?;
                        continue;
                    }
                    id if reached.iter().any(|r| r == id) => continue, // in its popover
                    _ => {}
                }
                let id = focused;
                reached.push(id.clone());
                let Some(item) = items.iter().find(|i| i.popover_id == id) else {
                    problems.push(format!(
                        "{}: Tab reached an unknown button for #{id}",
                        viewport.name
                    ));
                    continue;
                };
                let case = format!("{}: Tab to {id}", viewport.name);
                if expect_open(&browser, item, &case, &mut problems)
                    .await?
                    .is_none()
                {
                    continue;
                }
                press(&browser, Key::Enter).await?;
                settle(&browser).await?;
                if !popover_state(&browser, &id).await?.shown {
                    problems.push(format!(
                        "{case}: Enter on a focused figure closed its popover"
                    ));
                }
                press(&browser, Key::Escape).await?;
                expect_closed(
                    &browser,
                    item,
                    &format!("{case}, Escape"),
                    true,
                    &mut problems,
                )
                .await?;
                press(&browser, Key::Enter).await?;
                expect_open(
                    &browser,
                    item,
                    &format!("{case}, Escape, Enter"),
                    &mut problems,
                )
                .await?;
                if !focus_state(&browser).await?.in_popover {
                    problems.push(format!(
                        "{case}, Escape, Enter: focus did not go into the popover"
                    ));
                }
                press(&browser, Key::Escape).await?;
                expect_closed(
                    &browser,
                    item,
                    &format!("{case}, Escape, Enter, Escape"),
                    true,
                    &mut problems,
                )
                .await?;
            }
            let missed: Vec<&str> = items
                .iter()
                .map(|i| i.popover_id.as_str())
                .filter(|id| !reached.iter().any(|r| r == id))
                .collect();
            if !missed.is_empty() {
                problems.push(format!(
                    "{}: Tab never reached the buttons of {missed:?}",
                    viewport.name
                ));
            }
            Ok(problems)
        }
    })
    .await;
}

/// On a phone (touch emulation), a tap on each figure and on the last claims shows the
/// popover inside the viewport with the figure's words; it stays open; a tap elsewhere in
/// the card closes it; Escape closes it with focus back on the button; a second tap on the
/// same button (left where it is) closes it.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn a_tap_shows_the_citation_inside_a_phones_viewport() {
    let mut items = figures();
    items.extend(claims().into_iter().rev().take(2));
    run(&[PHONE], |browser, viewport| {
        let items = items.clone();
        async move {
            let mut problems = Vec::new();
            open_card(&browser, viewport, "").await?;
            for item in &items {
                for place in PLACES {
                    let case = format!("{}: tap {} at {place}", viewport.name, item.popover_id);
                    // A claim in a closed disclosure: a tap on its summary opens it first.
                    let summary = browser
                        .execute(CLOSED_DISCLOSURE_OF, vec![json!(item.popover_id)])
                        .await?;
                    if let Ok(summary) = summary.element() {
                        tap(&browser, &summary).await?;
                        settle(&browser).await?;
                    }
                    let button = scroll_to(&browser, item, place).await?;
                    tap(&browser, &button).await?;
                    if expect_open(&browser, item, &case, &mut problems)
                        .await?
                        .is_none()
                    {
                        continue;
                    }
                    tokio::time::sleep(Duration::from_millis(400)).await;
                    if !popover_state(&browser, &item.popover_id).await?.shown {
                        problems.push(format!("{case}: the popover did not stay open"));
                    }
                    match place {
                        "start" => {
                            press(&browser, Key::Escape).await?;
                            expect_closed(
                                &browser,
                                item,
                                &format!("{case}, Escape"),
                                true,
                                &mut problems,
                            )
                            .await?;
                        }
                        "center" => {
                            // A second tap on the same button, where it is: a phone's
                            // panel keeps it in view above it.
                            tap(&browser, &button).await?;
                            expect_closed(
                                &browser,
                                item,
                                &format!("{case}, tap again"),
                                false,
                                &mut problems,
                            )
                            .await?;
                        }
                        _ => {
                            let outside = browser
                                .execute(UNCOVERED_OUTSIDE, Vec::new())
                                .await?
                                .element()?;
                            settle(&browser).await?;
                            tap(&browser, &outside).await?;
                            expect_closed(
                                &browser,
                                item,
                                &format!("{case}, tap outside"),
                                false,
                                &mut problems,
                            )
                            .await?;
                        }
                    }
                }
            }
            Ok(problems)
        }
    })
    .await;
}

/// A link to `#fig-<id>` opens that figure's citation, inside the viewport, on load; a link to
/// a claim in a closed disclosure opens the disclosure and the claim's citation.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn a_deep_link_opens_that_figures_citation_in_view() {
    let items = figures();
    let claims = claims();
    let chosen: Vec<Item> = [items.first(), items.last(), claims.last()]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    run(&[PHONE, DESKTOP], |browser, viewport| {
        let chosen = chosen.clone();
        async move {
            let mut problems = Vec::new();
            for item in &chosen {
                let anchor = item.popover_id.trim_start_matches("pop-");
                open_card(&browser, viewport, &format!("#{anchor}")).await?;
                let case = format!("{}: deep link #{anchor}", viewport.name);
                expect_open(&browser, item, &case, &mut problems).await?;
                let closed = browser
                    .execute(CLOSED_DISCLOSURE_OF, vec![json!(item.popover_id)])
                    .await?;
                if closed.element().is_ok() {
                    problems.push(format!("{case}: its disclosure stayed closed"));
                }
            }
            Ok(problems)
        }
    })
    .await;
}

/// Focus moving on closes the popover it opened, and nothing covers what it moved to: Tab
/// from each citation button in turn (its popover opened by focus); then Enter on the first
/// (the popover pinned open, focus inside it) and Tab through its buttons and out of it.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn focus_moving_on_closes_the_popover_and_uncovers_what_follows() {
    let items = all_items();
    run(&[NARROW, TABLET], |browser, viewport| {
        let items = items.clone();
        async move {
            let mut problems = Vec::new();
            open_card(&browser, viewport, "").await?;
            let mut focused = tab_to_next_citation(&browser).await?;
            let first = focused.clone();
            let mut walked = 0;
            while let Some(item) = focused.as_ref().and_then(|id| find_item(&items, id)) {
                walked += 1;
                let case = format!("{}: Tab from {}", viewport.name, item.popover_id);
                expect_open(&browser, item, &format!("{case} (focused)"), &mut problems).await?;
                press(&browser, Key::Tab).await?;
                settle(&browser).await?;
                expect_uncovered_after(&browser, item, &case, &mut problems).await?;
                focused = match browser
                    .execute(FOCUSED_POPOVER_ID, Vec::new())
                    .await?
                    .convert::<String>()?
                {
                    id if id.is_empty() || id == "-" => None,
                    id => Some(id),
                };
            }
            if walked < 2 {
                problems.push(format!(
                    "{}: Tab walked {walked} citation buttons",
                    viewport.name
                ));
            }

            // Pinned by Enter: focus goes into the popover, Tab walks its buttons, then out.
            let item = first
                .as_ref()
                .and_then(|id| find_item(&items, id))
                .ok_or("Tab reached no citation button")?;
            let button = scroll_to(&browser, item, "center").await?;
            browser
                .execute("arguments[0].focus();", vec![button.to_json()?])
                .await?;
            press(&browser, Key::Enter).await?;
            let case = format!("{}: Enter on {}, then Tab", viewport.name, item.popover_id);
            expect_open(&browser, item, &case, &mut problems).await?;
            let mut inside = Vec::new();
            for _ in 0..6 {
                press(&browser, Key::Tab).await?;
                settle(&browser).await?;
                let focus = focus_state(&browser).await?;
                if !focus.in_popover {
                    break;
                }
                inside.push(focus.what);
            }
            // Close, Copy link, Cite this; and where the browser lets Tab reach a scrolling
            // box (Chromium, Firefox), the citations' body when it scrolls.
            let buttons: Vec<&String> = inside
                .iter()
                .filter(|w| !w.starts_with("div.fs-popover-body"))
                .collect();
            let labels = ["\"Close\"", "\"Copy link\"", "\"Cite this\""];
            if buttons.len() != 3 || buttons.iter().zip(labels).any(|(w, l)| !w.ends_with(l)) {
                problems.push(format!(
                    "{case}: Tab stopped in the popover at {inside:?}, expected its 3 buttons"
                ));
            }
            expect_uncovered_after(&browser, item, &case, &mut problems).await?;
            Ok(problems)
        }
    })
    .await;
}

/// A mouse travelling slowly from each figure into its popover (a few pixels at a time,
/// across the gap, below the figure and above it) finds it open all the way; there the reader
/// can scroll the popover with the wheel (where it scrolls) and select a quote by dragging,
/// and it stays open.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn a_slow_pointer_can_travel_into_a_popover_scroll_it_and_select_its_text() {
    let items = figures();
    run(&[DESKTOP, NARROW], |browser, viewport| {
        let items = items.clone();
        async move {
            let mut problems = Vec::new();
            let mut scrolled = 0;
            open_card(&browser, viewport, "").await?;
            for item in &items {
                // At the top the popover opens below its figure, at the bottom above it.
                for place in ["start", "end"] {
                    let case = format!("{}: slowly into {} at {place}", viewport.name, item.popover_id);
                    let button = scroll_to(&browser, item, place).await?;
                    mouse(&browser).move_to_element_center(&button).perform().await?;
                    let Some(state) = expect_open(&browser, item, &case, &mut problems).await? else {
                        continue;
                    };
                    let [bl, bt, br, bb] = state.button;
                    let [pl, pt, pr, pb] = state.rect;
                    let from = ((bl + br) / 2.0, (bt + bb) / 2.0);
                    // Straight down (or up) into the popover, 16 px past its edge.
                    let x = from.0.clamp(pl + 16.0, pr - 16.0);
                    let to = if state.above { (x, pb - 16.0) } else { (x, pt + 16.0) };
                    slow_mouse(&browser, from, to).await?;
                    settle(&browser).await?;
                    if !popover_state(&browser, &item.popover_id).await?.shown {
                        problems.push(format!("{case}: closed on the way into it"));
                        mouse(&browser).move_to(1, 1).perform().await?;
                        continue;
                    }
                    let parts = popover_parts(&browser, &item.popover_id).await?;
                    if parts.scrolls {
                        let [l, t, r, b] = parts.body;
                        wheel(&browser, ((l + r) / 2.0, (t + b) / 2.0), 120).await?;
                        // Wheel scrolling is animated: wait for it to come to rest.
                        let after = parts_after_wheel(&browser, &item.popover_id, &parts).await?;
                        if after.scroll_top <= parts.scroll_top {
                            problems.push(format!(
                                "{case}: the wheel did not scroll the popover (scrollTop {} -> {}, page {} -> {})",
                                parts.scroll_top, after.scroll_top, parts.page_scroll, after.page_scroll
                            ));
                        }
                        if !popover_state(&browser, &item.popover_id).await?.shown {
                            problems.push(format!("{case}: scrolling it closed it"));
                        }
                        scrolled += 1;
                    }
                    // Drag across a line of quoted text shown in it. No text is selected
                    // before (a press on selected text would drag it, not select).
                    browser
                        .execute(
                            "document.getSelection().removeAllRanges();
                             const h = document.querySelector('[data-factsheet][data-factsheet-live]');
                             if (h.shadowRoot.getSelection) h.shadowRoot.getSelection().removeAllRanges();",
                            Vec::new(),
                        )
                        .await?;
                    let parts = popover_parts(&browser, &item.popover_id).await?;
                    let Some([l, t, r, b]) = parts.line else {
                        problems.push(format!("{case}: no line of a quote shows whole in it, clear of its edges"));
                        press(&browser, Key::Escape).await?;
                        mouse(&browser).move_to(1, 1).perform().await?;
                        continue;
                    };
                    let y = (t + b) / 2.0;
                    drag(&browser, (l + 2.0, y), (r - 2.0, y)).await?;
                    settle(&browser).await?;
                    let selected: String = browser
                        .execute(
                            include_str!("support/js/e2e_card/selected_text.js"),
                            Vec::new(),
                        )
                        .await?
                        .convert()?;
                    let selected = normalize(&selected);
                    if selected.len() < 3 || !normalize(&parts.quote_text).contains(&selected) {
                        problems.push(format!(
                            "{case}: dragging across the quote selected {selected:?}, not part of {:?}",
                            parts.quote_text
                        ));
                    }
                    if !popover_state(&browser, &item.popover_id).await?.shown {
                        problems.push(format!("{case}: selecting its text closed it"));
                    }
                    press(&browser, Key::Escape).await?;
                    expect_closed(&browser, item, &case, false, &mut problems).await?;
                    mouse(&browser).move_to(1, 1).perform().await?;
                }
            }
            if viewport.width < 480 && scrolled == 0 {
                problems.push(format!("{}: no popover scrolled, so scrolling went untested", viewport.name));
            }
            Ok(problems)
        }
    })
    .await;
}

/// On a phone, a tap on each figure and claim opens a panel along the screen's bottom, the
/// screen's whole width, inside it, with a close button that can be hit; the end of its text
/// can be scrolled into view inside it (and text hidden past an edge is hinted by a shade);
/// the figure stays visible above it; the close button closes it and puts focus back on the
/// figure.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn a_phones_panel_shows_its_whole_text_and_a_close_button() {
    let items = all_items();
    run(&[PHONE], |browser, viewport| {
        let items = items.clone();
        async move {
            let mut problems = Vec::new();
            open_card(&browser, viewport, "").await?;
            for item in &items {
                let case = format!("{}: tap {}", viewport.name, item.popover_id);
                let button = scroll_to(&browser, item, "center").await?;
                tap(&browser, &button).await?;
                if expect_open(&browser, item, &case, &mut problems).await?.is_none() {
                    continue;
                }
                let panel = panel_state(&browser, &item.popover_id).await?;
                let [left, top, right, bottom] = panel.rect;
                let [width, height] = panel.viewport;
                if !panel.sheet || left.abs() > 0.5 || (right - width).abs() > 0.5 || (bottom - height).abs() > 1.0 {
                    problems.push(format!(
                        "{case}: not a panel along the bottom ({left}, {top}, {right}, {bottom} in {width}x{height}, sheet {})",
                        panel.sheet
                    ));
                }
                if !panel.close_hit || panel.close_text.is_empty() {
                    problems.push(format!("{case}: no close button to hit ({:?})", panel.close_text));
                }
                if !panel.end_visible {
                    problems.push(format!(
                        "{case}: the end of its text cannot be scrolled into view (last line {:?}, body {:?})",
                        panel.last_line, panel.body
                    ));
                }
                if panel.scrolls && (!matches!(panel.overflow.as_str(), "auto" | "scroll") || !panel.hinted) {
                    problems.push(format!(
                        "{case}: its text overflows (overflow-y {}, hint {})",
                        panel.overflow, panel.hinted
                    ));
                }
                if panel.button[3] > top + 0.5 {
                    problems.push(format!(
                        "{case}: the panel (top {top}) covers its figure (bottom {})",
                        panel.button[3]
                    ));
                }
                let close = browser
                    .execute(
                        "const h = document.querySelector('[data-factsheet][data-factsheet-live]');
                         return (h.shadowRoot || h).querySelector(`[id='${arguments[0]}'] .fs-popover-close`);",
                        vec![json!(item.popover_id)],
                    )
                    .await?
                    .element()?;
                tap(&browser, &close).await?;
                expect_closed(&browser, item, &format!("{case}, close button"), true, &mut problems).await?;
            }
            Ok(problems)
        }
    })
    .await;
}

/// On a phone, a tap whose release comes before the page paints again still opens the panel.
/// WebKit's driver sends a tap as a mouse: the press focuses the figure, which opens its
/// preview, and on a busy page the release comes before the preview is painted. The release
/// at the press's point lands on the figure, not on the preview (which never covers its own
/// figure, not even before its first frame), and the tap opens the panel along the bottom;
/// a release on the preview itself opens the panel too. (The events are dispatched in one
/// script, so nothing can paint between them in any engine.)
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn a_tap_released_before_the_page_paints_opens_the_panel() {
    let items = all_items();
    run(&[PHONE], |browser, viewport| {
        let items = items.clone();
        async move {
            let mut problems = Vec::new();
            open_card(&browser, viewport, "").await?;
            // WebKit lets a script focus a button in the page's frame only once the reader has
            // pressed in it: a click on the page's corner, away from the card.
            mouse(&browser).move_to(1, 1).click().perform().await?;
            for item in items.iter().filter(|i| i.words.is_some()) {
                for release in ["button", "popover"] {
                    let case = format!(
                        "{}: press {}, release on the {release}",
                        viewport.name, item.popover_id
                    );
                    scroll_to(&browser, item, "center").await?;
                    let (previewed, landed, on_button): (bool, String, bool) = browser
                        .execute(
                            include_str!("support/js/e2e_card/press_released_before_paint.js"),
                            vec![json!(item.popover_id), json!(release)],
                        )
                        .await?
                        .convert()?;
                    if !previewed {
                        problems.push(format!(
                            "{case}: the press's focus opened no preview, so the race went untested"
                        ));
                    }
                    if release == "button" && !on_button {
                        problems.push(format!(
                            "{case}: the release landed on {landed:?}, not on the figure"
                        ));
                    }
                    if expect_open(&browser, item, &case, &mut problems)
                        .await?
                        .is_none()
                    {
                        continue;
                    }
                    let panel = panel_state(&browser, &item.popover_id).await?;
                    if !panel.sheet {
                        let [left, top, right, bottom] = panel.rect;
                        problems.push(format!(
                            "{case}: not the panel ({left}, {top}, {right}, {bottom}; \
                             the release landed on {landed:?})"
                        ));
                    }
                    press(&browser, Key::Escape).await?;
                    let closed = format!("{case}, Escape");
                    expect_closed(&browser, item, &closed, true, &mut problems).await?;
                }
            }
            Ok(problems)
        }
    })
    .await;
}

/// The pre-rendered card answers before its wasm has arrived, and goes on answering the same
/// way once it has. The page embeds the card with the embed script, and the server holds the
/// wasm: on a desktop, a hover shows a figure's citation inside the viewport, which the
/// pointer can move into, and Escape closes it; focus shows a figure's citation, Tab moves on
/// to the next figure's, Enter keeps it open with focus inside it, Escape closes it with
/// focus back on its button, and Enter opens it again with focus inside. On a phone, a tap
/// opens the panel along the bottom, whose close button closes it with focus back on the
/// figure. All the while the card is not live. Then, with a citation open, the wasm arrives:
/// the card goes live with the citation still open and inside the viewport, and Escape closes
/// it with focus back on its button.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn the_pre_rendered_card_answers_before_its_wasm_arrives() {
    let items = all_items();
    run(&[DESKTOP, PHONE], |browser, viewport| {
        let items = items.clone();
        async move {
            let mut problems = Vec::new();
            // A phone's page says its width is the device's, as the one-file page does.
            let page = fixture_page(
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
                &demo_prerendered_host(""),
            );
            let site = HeldWasm::new(page.into_bytes());
            open_before_wasm(&browser, viewport, &site.url()).await?;
            let figures: Vec<&Item> = items.iter().filter(|i| i.words.is_some()).collect();
            let (first, last) = match (figures.first(), figures.last()) {
                (Some(f), Some(l)) => (*f, *l),
                _ => return Err("no figures".into()),
            };
            let before = format!("{}: before the wasm", viewport.name);
            // The item left open while the wasm arrives.
            let open_across;
            if viewport.phone {
                for item in [first, last] {
                    let case = format!("{before}, tap {}", item.popover_id);
                    let button = scroll_to(&browser, item, "center").await?;
                    tap(&browser, &button).await?;
                    if expect_open(&browser, item, &case, &mut problems).await?.is_none() {
                        continue;
                    }
                    let panel = panel_state(&browser, &item.popover_id).await?;
                    if !panel.sheet || !panel.close_hit {
                        problems.push(format!(
                            "{case}: not a panel with a close button to hit (sheet {}, close {})",
                            panel.sheet, panel.close_hit
                        ));
                    }
                    let close = browser
                        .execute(
                            "const h = document.querySelector('[data-factsheet]');
                             return h.shadowRoot.querySelector(`[id='${arguments[0]}'] .fs-popover-close`);",
                            vec![json!(item.popover_id)],
                        )
                        .await?
                        .element()?;
                    tap(&browser, &close).await?;
                    expect_closed(&browser, item, &format!("{case}, close button"), true, &mut problems)
                        .await?;
                }
                let button = scroll_to(&browser, first, "center").await?;
                tap(&browser, &button).await?;
                expect_open(&browser, first, &format!("{before}, tap again"), &mut problems).await?;
                open_across = first;
            } else {
                let case = format!("{before}, hover {}", first.popover_id);
                let button = scroll_to(&browser, first, "center").await?;
                mouse(&browser).move_to_element_center(&button).perform().await?;
                if let Some(state) = expect_open(&browser, first, &case, &mut problems).await? {
                    let (x, y) = (state.rect[0] + 12.0, state.rect[1] + 12.0);
                    mouse(&browser).move_to(x as i64, y as i64).perform().await?;
                    settle(&browser).await?;
                    if !popover_state(&browser, &first.popover_id).await?.shown {
                        problems.push(format!("{case}: it closed when the pointer moved into it"));
                    }
                }
                press(&browser, Key::Escape).await?;
                expect_closed(&browser, first, &format!("{case}, Escape"), false, &mut problems).await?;
                mouse(&browser).move_to(1, 1).perform().await?;

                browser
                    .execute("arguments[0].focus();", vec![button.to_json()?])
                    .await?;
                expect_open(&browser, first, &format!("{before}, focus {}", first.popover_id), &mut problems)
                    .await?;
                let next = tab_to_next_citation(&browser).await?;
                let item = next
                    .as_deref()
                    .and_then(|id| find_item(&items, id))
                    .ok_or_else(|| format!("{before}: Tab reached no other citation button"))?;
                let case = format!("{before}, Tab to {}", item.popover_id);
                expect_open(&browser, item, &case, &mut problems).await?;
                press(&browser, Key::Enter).await?;
                settle(&browser).await?;
                let focus = focus_state(&browser).await?;
                if !popover_state(&browser, &item.popover_id).await?.shown || !focus.in_popover {
                    problems.push(format!(
                        "{case}, Enter: not kept open with focus inside (focus on {})",
                        focus.what
                    ));
                }
                press(&browser, Key::Escape).await?;
                expect_closed(&browser, item, &format!("{case}, Enter, Escape"), true, &mut problems)
                    .await?;
                press(&browser, Key::Enter).await?;
                expect_open(&browser, item, &format!("{case}, Escape, Enter"), &mut problems).await?;
                if !focus_state(&browser).await?.in_popover {
                    problems.push(format!("{case}, Escape, Enter: focus did not go into it"));
                }
                open_across = item;
            }
            if card_is_live(&browser).await? {
                problems.push(format!("{before}: the card went live although its wasm was held"));
            }

            // The wasm arrives, with a citation open.
            site.release();
            let deadline = Instant::now() + RENDER_TIMEOUT;
            while !card_is_live(&browser).await? {
                if Instant::now() > deadline {
                    return Err(format!("{}: the card never went live", viewport.name).into());
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            settle(&browser).await?;
            let case = format!("{}: once live, {}", viewport.name, open_across.popover_id);
            expect_open(&browser, open_across, &case, &mut problems).await?;
            press(&browser, Key::Escape).await?;
            expect_closed(&browser, open_across, &format!("{case}, Escape"), true, &mut problems)
                .await?;
            Ok(problems)
        }
    })
    .await;
}

/// Without its script (a page that carries none, or before the script has run), the
/// pre-rendered card's citations still open and close, by the browser alone: a click on a
/// figure shows its citation inside the viewport (in its middle: placing it by its button is
/// the script's), and Escape closes it.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn without_its_script_a_citation_opens_inside_the_viewport_and_escape_closes_it() {
    let items = figures();
    run(&[DESKTOP, NARROW], |browser, viewport| {
        let items = items.clone();
        async move {
            let mut problems = Vec::new();
            let page = format!(
                "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
                 <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
                 <title>no script</title>\n</head>\n<body>\n{}\n</body>\n</html>\n",
                demo_prerendered_host("")
            );
            let site = Site::new(&[("no-script.html", page.into_bytes())], NO_POLICY);
            open_before_wasm(&browser, viewport, &site.url("no-script.html")).await?;
            let chosen = [items.first(), items.last()];
            for item in chosen.into_iter().flatten() {
                for place in PLACES {
                    let case = format!("{}: no script, click {} at {place}", viewport.name, item.popover_id);
                    let button = scroll_to(&browser, item, place).await?;
                    button.click().await?;
                    let deadline = Instant::now() + POPOVER_TIMEOUT;
                    let mut state = popover_state(&browser, &item.popover_id).await?;
                    while !state.shown && Instant::now() < deadline {
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        state = popover_state(&browser, &item.popover_id).await?;
                    }
                    if !state.shown {
                        problems.push(format!("{case}: the citation did not show"));
                        continue;
                    }
                    let [l, t, r, b] = state.rect.map(|v| v.round());
                    if !state.inside() {
                        problems.push(format!(
                            "{case}: at left {l} top {t} right {r} bottom {b}, not inside the {:?} viewport",
                            state.viewport
                        ));
                    }
                    press(&browser, Key::Escape).await?;
                    let deadline = Instant::now() + POPOVER_TIMEOUT;
                    while popover_state(&browser, &item.popover_id).await?.shown {
                        if Instant::now() > deadline {
                            problems.push(format!("{case}: Escape did not close it"));
                            break;
                        }
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                }
            }
            Ok(problems)
        }
    })
    .await;
}

/// No click anywhere on the card changes the host page's address or adds to its history:
/// every button, link and summary in turn (each figure's button, its popover's close, copy and
/// cite buttons, the links from a disagreement to its figures, which open that figure's
/// citations instead). A move of the page's own address to a figure opens it; Back closes it.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn no_click_changes_the_host_pages_address_or_history() {
    let items = all_items();
    run(&[DESKTOP], |browser, viewport| {
        let items = items.clone();
        async move {
            let mut problems = Vec::new();
            open_card(&browser, viewport, "").await?;
            let before = address(&browser).await?;
            let clickable = browser
                .execute(
                    include_str!("support/js/e2e_card/clickables.js"),
                    Vec::new(),
                )
                .await?;
            let clickable: Vec<WebElement> = clickable.elements()?;
            if clickable.len() < items.len() {
                problems.push(format!("only {} things to click", clickable.len()));
            }
            let mut links_followed = 0;
            for element in &clickable {
                let what = element
                    .outer_html()
                    .await?
                    .chars()
                    .take(80)
                    .collect::<String>();
                let fragment = element.attr("href").await?.filter(|h| h.starts_with('#'));
                // The mouse out of the way: resting where the page scrolls under it, it
                // would hover whatever figure comes there, whose popover could cover this.
                mouse(&browser).move_to(1, 1).perform().await?;
                element.scroll_into_view().await?;
                element.click().await?;
                settle(&browser).await?;
                // A popover's own buttons, once, for the first figure.
                if element.class_name().await?.as_deref() == Some("fs-figure-button")
                    && links_followed == 0
                {
                    for inner in ["Copy link", "Cite this", "Close"] {
                        let id = element.attr("aria-controls").await?.unwrap_or_default();
                        let found = browser
                            .execute(
                                include_str!("support/js/e2e_card/popover_button.js"),
                                vec![json!(id), json!(inner)],
                            )
                            .await?
                            .element();
                        match found {
                            Ok(b) => b.click().await?,
                            Err(_) => problems
                                .push(format!("{what}: its popover has no {inner:?} button")),
                        }
                        settle(&browser).await?;
                    }
                }
                if let Some(anchor) = fragment.as_deref().map(|f| f.trim_start_matches('#')) {
                    if let Some(item) = find_item(&items, &format!("pop-{anchor}")) {
                        links_followed += 1;
                        expect_open(&browser, item, &format!("the link {what}"), &mut problems)
                            .await?;
                    }
                }
                let now = address(&browser).await?;
                if now != before {
                    problems.push(format!(
                        "clicking {what} changed the address or history: {before:?} -> {now:?}"
                    ));
                }
                press(&browser, Key::Escape).await?;
                let deadline = Instant::now() + POPOVER_TIMEOUT;
                loop {
                    let open: Vec<String> = browser
                        .execute(OPEN_POPOVERS, Vec::new())
                        .await?
                        .convert()?;
                    if open.is_empty() {
                        break;
                    }
                    if Instant::now() > deadline {
                        problems.push(format!("clicking {what}, then Escape: {open:?} still open"));
                        return Ok(problems);
                    }
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }

            // The page's own navigation: to a figure, then Back.
            let item = items.first().ok_or("no items")?;
            let anchor = item.popover_id.trim_start_matches("pop-");
            browser
                .execute("location.hash = arguments[0];", vec![json!(anchor)])
                .await?;
            expect_open(
                &browser,
                item,
                "the page moved to its figure",
                &mut problems,
            )
            .await?;
            browser.execute("history.back();", Vec::new()).await?;
            expect_closed(&browser, item, "Back", false, &mut problems).await?;
            Ok(problems)
        }
    })
    .await;
}

/// "Copy link" offers the page's address with the figure's fragment, and "Cite this" the
/// item's citations as plain text (per outlet: its name, the title, the quote, from the
/// sheet); each says so where it shows. Copied to the clipboard where the browser allows it
/// (in Chromium, granted, and read back), otherwise shown selected for the reader to copy.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn copy_link_and_cite_this_offer_the_figures_link_and_citation() {
    let sheet = builtin_sheet();
    let mut items = figures();
    items.extend(claims().into_iter().take(1));
    run(&[DESKTOP], |browser, viewport| {
        let items = items.clone();
        let sheet = sheet.clone();
        async move {
            let mut problems = Vec::new();
            let chromium = Engine::current() == Engine::Chromium;
            if chromium {
                browser
                    .cdp()
                    .send_raw(
                        "Browser.grantPermissions",
                        json!({ "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
                    )
                    .await?;
            }
            open_card(&browser, viewport, "").await?;
            let before = address(&browser).await?;
            for item in [items.first(), items.last()].into_iter().flatten() {
                let anchor = item.popover_id.trim_start_matches("pop-");
                let button = scroll_to(&browser, item, "center").await?;
                button.click().await?;
                let case = format!("{}: {}", viewport.name, item.popover_id);
                expect_open(&browser, item, &case, &mut problems).await?;
                let citations = sheet_citations(&sheet, anchor);
                for (label, copied) in [("Copy link", "Link copied."), ("Cite this", "Citation copied.")] {
                    let case = format!("{case}, {label}");
                    browser
                        .execute(include_str!("support/js/e2e_card/popover_button.js"), vec![json!(item.popover_id), json!(label)])
                        .await?
                        .element()?
                        .click()
                        .await?;
                    let Some(offered) = wait_offered(&browser, &item.popover_id, label).await? else {
                        problems.push(format!("{case}: nothing shown"));
                        continue;
                    };
                    let on_clipboard = offered.message == copied;
                    if !on_clipboard && !offered.selected {
                        problems.push(format!("{case}: {:?}, and its text is not selected to copy", offered.message));
                    }
                    if chromium {
                        let clipboard: String = browser
                            .execute_async(
                                "const done = arguments[arguments.length - 1];
                                 navigator.clipboard.readText().then(done, e => done('unreadable: ' + e));",
                                Vec::new(),
                            )
                            .await?
                            .convert()?;
                        if !on_clipboard || clipboard != offered.text {
                            problems.push(format!("{case}: {:?}; the clipboard holds {clipboard:?}", offered.message));
                        }
                    }
                    if label == "Copy link" {
                        let wanted = format!("{}#{anchor}", offered.page);
                        if offered.text != wanted {
                            problems.push(format!("{case}: offered {:?}, expected {wanted:?}", offered.text));
                        }
                        continue;
                    }
                    let lines: Vec<&str> = offered.text.lines().collect();
                    if lines.len() != citations.len() {
                        problems.push(format!("{case}: {} lines for {} citations: {:?}", lines.len(), citations.len(), offered.text));
                    }
                    for (line, (outlet, title, quote)) in lines.iter().zip(&citations) {
                        for part in [outlet, title, quote] {
                            if !normalize(line).contains(&normalize(part)) {
                                problems.push(format!("{case}: {part:?} is not in {line:?}"));
                            }
                        }
                    }
                }
                press(&browser, Key::Escape).await?;
            }
            let now = address(&browser).await?;
            if now != before {
                problems.push(format!("copying changed the address or history: {before:?} -> {now:?}"));
            }
            Ok(problems)
        }
    })
    .await;
}

/// axe-core finds nothing in the light theme (system setting light), with every popover and
/// disclosure closed, with a popover open, and with every disclosure open too. Chromium only: axe reads the DOM, roles and computed colours,
/// which are the same markup and CSS in every engine, so other engines add nothing.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn axe_finds_no_violations_in_the_light_theme() {
    audit_themes(&[Theme::Light]).await;
}

/// axe-core finds nothing in the dark theme, both when the reader presses "Dark theme" and
/// when the system asks for dark (`prefers-color-scheme: dark`), closed, with a popover open,
/// and with every disclosure open too. Chromium only: the dark system setting is CDP's media emulation, and axe in other
/// engines adds nothing (see the light theme's test).
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn axe_finds_no_violations_in_the_dark_theme() {
    audit_themes(&[Theme::DarkPressed, Theme::DarkSystem]).await;
}

/// Full-card screenshots at 320, 768 and 1200 px, a dark one, and phone and tablet views
/// with a popover open, under `target/screenshots/`; each is checked to be a PNG of the
/// expected width.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn screenshots_at_320_768_and_1200_px() {
    let dir = target_dir()
        .join("screenshots")
        .join(Engine::current().name());
    std::fs::create_dir_all(&dir).expect("target/screenshots");
    let items = figures();
    run(&[DESKTOP], |browser, _| {
        let dir = dir.clone();
        let items = items.clone();
        async move {
            let mut problems = Vec::new();
            emulate_color_scheme(&browser, "light").await?;
            for (width, theme) in [(320, ""), (768, ""), (1200, ""), (768, "-dark")] {
                let shot = full_page(&browser, width, theme == "-dark", &mut problems).await?;
                save_png(
                    &dir,
                    &format!("card-{width}{theme}.png"),
                    &shot,
                    width,
                    &mut problems,
                );
            }

            // What a reader sees: one screen with a popover open, the figure a little below
            // the top. Where popovers land is the interaction tests' business: here a
            // misplaced one is only noted.
            let mut placement = Vec::new();
            // The second figure: at 768 px wide and more, it sits in the card's right column.
            let second = items.get(1).ok_or("the sheet has fewer than two figures")?;
            open_card(&browser, PHONE, "").await?;
            let button = scroll_to(&browser, second, "start").await?;
            browser
                .execute("window.scrollBy(0, -80);", Vec::new())
                .await?;
            tap(&browser, &button).await?;
            expect_open(&browser, second, "screenshot 320, tap", &mut placement).await?;
            let shot = viewport_png(&browser).await?;
            save_png(&dir, "card-320-popover.png", &shot, 320, &mut problems);

            open_card(&browser, TABLET, "").await?;
            let button = scroll_to(&browser, second, "start").await?;
            browser
                .execute("window.scrollBy(0, -120);", Vec::new())
                .await?;
            mouse(&browser)
                .move_to_element_center(&button)
                .perform()
                .await?;
            expect_open(&browser, second, "screenshot 768, hover", &mut placement).await?;
            let shot = viewport_png(&browser).await?;
            save_png(&dir, "card-768-popover.png", &shot, 768, &mut problems);
            for note in placement {
                println!("note: {note}");
            }
            println!("screenshots: {}", dir.display());
            Ok(problems)
        }
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// The sheet's items

/// A figure or claim: its popover's id and, for a figure, the words its quote must mark.
#[derive(Clone, Debug)]
struct Item {
    popover_id: String,
    words: Option<String>,
}

fn figures() -> Vec<Item> {
    builtin_sheet()
        .figures
        .iter()
        .map(|f| Item {
            popover_id: format!("pop-fig-{}", f.id),
            words: Some(f.value.written().to_string()),
        })
        .collect()
}

fn claims() -> Vec<Item> {
    builtin_sheet()
        .claims
        .iter()
        .map(|c| Item {
            popover_id: format!("pop-claim-{}", c.id),
            words: None,
        })
        .collect()
}

fn all_items() -> Vec<Item> {
    let mut items = figures();
    items.extend(claims());
    // The summary's sources open like an item's.
    items.push(Item {
        popover_id: "pop-summary".into(),
        words: None,
    });
    items
}

// ---------------------------------------------------------------------------------------
// The browser

/// Runs `check` in a fresh browser for each viewport, then fails with every problem it
/// reported (or the error that stopped it). The browser is closed whatever happens.
async fn run<F, Fut>(viewports: &[Viewport], check: F)
where
    F: Fn(WebDriver, Viewport) -> Fut,
    Fut: std::future::Future<Output = Result<Vec<String>, Box<dyn std::error::Error>>>,
{
    dist();
    let started = Instant::now();
    let mut problems = Vec::new();
    for &viewport in viewports {
        let (check, seen) = (&check, &mut problems);
        let stopped = in_browser(
            // Firefox and WebKit: room for the largest viewport's frame (1200 x 800, 768 x
            // 1024) inside the window; Chromium's viewport is CDP's.
            &["--window-size=1280,1160"],
            |_| Ok(()),
            |browser| async move {
                match check(browser.clone(), viewport).await {
                    Ok(found) => {
                        seen.extend(found);
                        Ok(())
                    }
                    Err(e) => Err(format!("{e}; card: {}", describe_card(&browser).await).into()),
                }
            },
        )
        .await;
        if let Err(e) = stopped {
            problems.push(format!("{}: stopped: {e}", viewport.name));
        }
    }
    println!("took {:.1} s", started.elapsed().as_secs_f64());
    if !problems.is_empty() {
        panic!(
            "{} problem(s):\n  - {}",
            problems.len(),
            problems.join("\n  - ")
        );
    }
}

/// Sets the viewport, opens `dist/index.html` (plus `hash`) and waits for the live card.
/// In Firefox and WebKit the card's page is in a frame of exactly the viewport's size (see
/// the module's notes), and the session stays inside that frame.
async fn open_card(browser: &WebDriver, viewport: Viewport, hash: &str) -> Outcome {
    // A new page each time, not a hash change on the same one.
    browser.enter_default_frame().await?;
    browser.goto("about:blank").await?;
    let url = format!("{}{hash}", file_url(&dist().join("index.html")));
    if Engine::current() == Engine::Chromium {
        set_viewport(browser, viewport.width, viewport.height, viewport.phone).await?;
        browser.goto(&url).await?;
    } else {
        let page = viewport_frame_page(&url, viewport.width, viewport.height);
        browser.goto(&file_url(&page)).await?;
        let frame = browser.find(By::Id("viewport")).await?;
        frame.enter_frame().await?;
        // The frame's page is the reader's page: keys go to it, as they would to a page
        // opened on its own.
        browser.execute("window.focus();", Vec::new()).await?;
    }
    if let Err(e) = wait_in_card(browser, ".fs-figure-button", None, RENDER_TIMEOUT).await {
        return Err(format!("{e}; found: {}", describe_card(browser).await).into());
    }
    settle(browser).await
}

/// Sets the viewport and opens `url` (a page whose wasm the server holds), waiting for its
/// pre-rendered card and for the page's scripts to have run, not for the card to go live.
async fn open_before_wasm(browser: &WebDriver, viewport: Viewport, url: &str) -> Outcome {
    browser.enter_default_frame().await?;
    browser.goto("about:blank").await?;
    if Engine::current() == Engine::Chromium {
        set_viewport(browser, viewport.width, viewport.height, viewport.phone).await?;
        browser.goto(url).await?;
    } else {
        let page = viewport_frame_page(url, viewport.width, viewport.height);
        browser.goto(&file_url(&page)).await?;
        let frame = browser.find(By::Id("viewport")).await?;
        frame.enter_frame().await?;
        browser.execute("window.focus();", Vec::new()).await?;
    }
    let deadline = Instant::now() + RENDER_TIMEOUT;
    loop {
        let ready: bool = browser
            .execute(
                "const h = document.querySelector('[data-factsheet]');
                 return document.readyState !== 'loading' && !!h && !!h.shadowRoot
                     && !!h.shadowRoot.querySelector('.fs-figure-button');",
                Vec::new(),
            )
            .await?
            .convert()?;
        if ready {
            break;
        }
        if Instant::now() > deadline {
            return Err(format!("no pre-rendered card within {RENDER_TIMEOUT:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    settle(browser).await
}

/// Whether the page's card is live (the wasm took it over).
async fn card_is_live(browser: &WebDriver) -> Result<bool, Box<dyn std::error::Error>> {
    Ok(browser
        .execute(
            "const h = document.querySelector('[data-factsheet]');
             return !!h && h.hasAttribute('data-factsheet-live');",
            Vec::new(),
        )
        .await?
        .convert()?)
}

/// A page holding `url` in a frame of `width` x `height` CSS pixels at its top-left corner,
/// written under `target/e2e-viewports/`. Firefox's and WebKit's windows cannot be narrower
/// than about 450-500 px and have no device emulation, so this is how their card gets an
/// exact 320 px viewport: inside the frame, the page's viewport, media queries and
/// `clientWidth` are the frame's. At (0, 0) with no margin, the frame's coordinates are the
/// window's, so pointer actions land where the card's own measurements say.
fn viewport_frame_page(url: &str, width: u32, height: u32) -> std::path::PathBuf {
    let dir = target_dir().join("e2e-viewports");
    std::fs::create_dir_all(&dir).expect("target/e2e-viewports");
    let name: String = format!(
        "{width}x{height}{}",
        url.rsplit_once('#').map_or("", |(_, h)| h)
    )
    .chars()
    .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
    .collect();
    let path = dir.join(format!("{name}.html"));
    let page = format!(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>viewport {width}x{height}</title>\
         <style>html, body {{ margin: 0; padding: 0; overflow: hidden; }} \
         iframe {{ display: block; border: 0; }}</style></head>\
         <body><iframe id=\"viewport\" src=\"{url}\" style=\"width: {width}px; height: {height}px\"></iframe></body></html>\n"
    );
    std::fs::write(&path, page).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path
}

/// Makes the viewport `width` x `height` CSS pixels: in Chromium through CDP device metrics
/// (a phone is `mobile` with touch emulation); in Firefox and WebKit by sizing the frame the
/// card's page is in (`viewport_frame_page`), the session staying inside it.
async fn set_viewport(browser: &WebDriver, width: u32, height: u32, phone: bool) -> Outcome {
    if Engine::current() == Engine::Chromium {
        let cdp = browser.cdp();
        cdp.send_raw(
            "Emulation.setDeviceMetricsOverride",
            json!({
                "width": width,
                "height": height,
                "deviceScaleFactor": 1,
                "mobile": phone,
            }),
        )
        .await?;
        cdp.send_raw(
            "Emulation.setTouchEmulationEnabled",
            json!({ "enabled": phone, "maxTouchPoints": 5 }),
        )
        .await?;
        return Ok(());
    }
    browser.enter_parent_frame().await?;
    let frame = browser.find(By::Id("viewport")).await?;
    browser
        .execute(
            "arguments[0].style.width = arguments[1] + 'px'; arguments[0].style.height = arguments[2] + 'px';",
            vec![frame.to_json()?, json!(width), json!(height)],
        )
        .await?;
    frame.enter_frame().await?;
    Ok(())
}

/// What the reader sees: the viewport as a PNG (in Firefox and WebKit, the card's frame).
async fn viewport_png(browser: &WebDriver) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    if Engine::current() == Engine::Chromium {
        return Ok(browser.screenshot_as_png().await?);
    }
    let (width, _, pixels) = frame_pixels(browser).await?;
    png_of(width, &pixels)
}

/// The card's frame (Firefox and WebKit) as RGBA pixels: the window's screenshot cut to the
/// frame, which sits at its top-left corner. The window's, not the frame element's own
/// screenshot: WebKit leaves parts of a frame element's shot black.
async fn frame_pixels(
    browser: &WebDriver,
) -> Result<(u32, u32, Vec<u8>), Box<dyn std::error::Error>> {
    let [width, height]: [u32; 2] = browser
        .execute(
            "return [window.innerWidth, window.innerHeight];",
            Vec::new(),
        )
        .await?
        .convert()?;
    browser.enter_parent_frame().await?;
    let shot = browser.screenshot_as_png().await;
    browser
        .find(By::Id("viewport"))
        .await?
        .enter_frame()
        .await?;
    let (shot_width, _, shot) = rgba(&shot?)?;
    Ok((width, height, top_left(&shot, shot_width, width, height)?))
}

/// The light or dark system setting: CDP in Chromium; the other engines cannot emulate it,
/// so there it is checked to be what the test wants.
async fn emulate_color_scheme(browser: &WebDriver, scheme: &str) -> Outcome {
    if Engine::current() != Engine::Chromium {
        let query = format!("return matchMedia('(prefers-color-scheme: {scheme})').matches;");
        let matches: bool = browser.execute(&query, Vec::new()).await?.convert()?;
        if !matches {
            return Err(format!(
                "the system setting is not {scheme}, and this engine cannot emulate it"
            )
            .into());
        }
        return Ok(());
    }
    browser
        .cdp()
        .send_raw(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )
        .await?;
    Ok(())
}

/// Waits two animation frames, so that Yew's render and the popover's placement are done.
async fn settle(browser: &WebDriver) -> Outcome {
    browser
        .execute_async(
            "const done = arguments[arguments.length - 1];
             requestAnimationFrame(() => requestAnimationFrame(() => done(null)));",
            Vec::new(),
        )
        .await?;
    Ok(())
}

/// The mouse, moving in 20 ms (thirtyfour's default is 250 ms a move, which in a test that
/// hovers a hundred times adds up to most of its time). Slow travel has its own test.
fn mouse(browser: &WebDriver) -> thirtyfour::action_chain::ActionChain {
    browser.action_chain_with_delay(None, Some(Duration::from_millis(20)))
}

async fn press(browser: &WebDriver, key: Key) -> Outcome {
    browser.action_chain().send_keys(key).perform().await?;
    Ok(())
}

/// A tap: touch pointer actions, which ChromeDriver sends as touch input.
async fn tap(browser: &WebDriver, element: &WebElement) -> Outcome {
    let mut finger = ActionSource::<PointerAction>::new(
        "finger",
        PointerActionType::Touch,
        Some(Duration::ZERO),
    );
    finger.move_to_element_center(element.element_id());
    finger.click_and_hold();
    finger.pause_for(60);
    finger.release();
    browser
        .handle()
        .cmd(Command::PerformActions(Actions::from(json!([finger]))))
        .await?;
    Ok(())
}

/// Scrolls the item's button to `place` (a `scrollIntoView` block) and returns it.
async fn scroll_to(browser: &WebDriver, item: &Item, place: &str) -> WebDriverResult<WebElement> {
    // A claim in a closed disclosure ("All claims and quotes") is opened first: the reader
    // opens it before reaching the claim. The tap and Tab tests open it as a reader does;
    // here it is set-up.
    if let Ok(summary) = browser
        .execute(CLOSED_DISCLOSURE_OF, vec![json!(item.popover_id)])
        .await?
        .element()
    {
        browser
            .execute("arguments[0].click();", vec![summary.to_json()?])
            .await?;
    }
    let found = browser
        .execute(
            include_str!("support/js/e2e_card/scroll_to_button.js"),
            vec![json!(item.popover_id), json!(place)],
        )
        .await?;
    let button = found.element()?;
    settle(browser)
        .await
        .map_err(|e| WebDriverError::FatalError(e.to_string()))?;
    Ok(button)
}

/// The summary of the closed disclosure holding an item's button, or null.
const CLOSED_DISCLOSURE_OF: &str = include_str!("support/js/e2e_card/closed_disclosure_of.js");

/// Where focus is: `""` outside the card, the `aria-controls` of the citation button whose
/// group (button and popover) holds it, `"+"` on a closed disclosure's summary, or `"-"`
/// elsewhere in the card.
const FOCUSED_POPOVER_ID: &str = include_str!("support/js/e2e_card/focused_popover_id.js");

/// The ids of the card's open popovers.
const OPEN_POPOVERS: &str = "const h = document.querySelector('[data-factsheet][data-factsheet-live]');
    return Array.from((h.shadowRoot || h).querySelectorAll('.fs-popover:popover-open'), p => p.id);";

/// A heading or hint of the card, outside every citation group, where no popover covers it.
const UNCOVERED_OUTSIDE: &str = include_str!("support/js/e2e_card/uncovered_outside.js");

/// What a popover and its button look like right now.
#[derive(Debug, Deserialize)]
struct PopoverState {
    /// Not `hidden`, displayed, with a size.
    shown: bool,
    /// left, top, right, bottom in CSS pixels of the viewport.
    rect: [f64; 4],
    /// `document.documentElement.clientWidth`, `innerHeight`.
    viewport: [f64; 2],
    /// The button's `aria-expanded`.
    expanded: Option<String>,
    /// Whether the button has focus.
    focused: bool,
    /// The ids of every open popover in the card.
    open: Vec<String>,
    marks: Vec<String>,
    quotes: Vec<String>,
    above: bool,
    /// The button's rect.
    button: [f64; 4],
}

impl PopoverState {
    fn inside(&self) -> bool {
        let [left, top, right, bottom] = self.rect;
        let [width, height] = self.viewport;
        // Half a pixel for subpixel layout.
        left >= -0.5 && top >= -0.5 && right <= width + 0.5 && bottom <= height + 0.5
    }
}

const POPOVER_STATE: &str = include_str!("support/js/e2e_card/popover_state.js");

async fn popover_state(
    browser: &WebDriver,
    popover_id: &str,
) -> Result<PopoverState, Box<dyn std::error::Error>> {
    let ret = browser
        .execute(POPOVER_STATE, vec![json!(popover_id)])
        .await?;
    let text: Option<String> = ret.convert()?;
    let text = text.ok_or_else(|| format!("no #{popover_id} or no button controlling it"))?;
    Ok(serde_json::from_str(&text)?)
}

/// Waits for the item's popover to show, then checks it: `aria-expanded`, alone open, fully
/// inside the viewport, the figure's words marked in a quote. Problems go to `problems`;
/// returns the state when the popover showed.
async fn expect_open(
    browser: &WebDriver,
    item: &Item,
    case: &str,
    problems: &mut Vec<String>,
) -> Result<Option<PopoverState>, Box<dyn std::error::Error>> {
    let deadline = Instant::now() + POPOVER_TIMEOUT;
    while !popover_state(browser, &item.popover_id).await?.shown {
        if Instant::now() > deadline {
            problems.push(format!(
                "{case}: the popover did not show within {POPOVER_TIMEOUT:?}"
            ));
            return Ok(None);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    settle(browser).await?;
    let state = popover_state(browser, &item.popover_id).await?;
    if state.expanded.as_deref() != Some("true") {
        problems.push(format!(
            "{case}: aria-expanded is {:?} while open",
            state.expanded
        ));
    }
    if state.open != [item.popover_id.clone()] {
        problems.push(format!(
            "{case}: open popovers are {:?}, expected only this one",
            state.open
        ));
    }
    if !state.inside() {
        let [l, t, r, b] = state.rect.map(|v| v.round());
        let [w, h] = state.viewport;
        let [_, bt, _, bb] = state.button.map(|v| v.round());
        problems.push(format!(
            "{case}: popover at left {l} top {t} right {r} bottom {b} ({}) is not inside the \
             {w}x{h} viewport (button top {bt} bottom {bb})",
            if state.above {
                "flipped above"
            } else {
                "below"
            }
        ));
    }
    let quotes: Vec<String> = state.quotes.iter().map(|q| normalize(q)).collect();
    match &item.words {
        Some(words) => {
            let wanted = normalize(words).to_lowercase();
            let marked = state
                .marks
                .iter()
                .any(|m| normalize(m).to_lowercase() == wanted);
            let quoted = quotes.iter().any(|q| q.to_lowercase().contains(&wanted));
            if !marked || !quoted {
                problems.push(format!(
                    "{case}: the quotes {quotes:?} (marked {:?}) do not show the figure's words {words:?}",
                    state.marks
                ));
            }
        }
        None if quotes.iter().all(|q| q.is_empty()) => {
            problems.push(format!("{case}: the popover quotes nothing"));
        }
        None => {}
    }
    Ok(Some(state))
}

/// Waits for the item's popover to close, then checks `aria-expanded` and, if
/// `focus_on_button`, that focus is back on its button.
async fn expect_closed(
    browser: &WebDriver,
    item: &Item,
    case: &str,
    focus_on_button: bool,
    problems: &mut Vec<String>,
) -> Outcome {
    let deadline = Instant::now() + POPOVER_TIMEOUT;
    let mut state = popover_state(browser, &item.popover_id).await?;
    while state.shown {
        if Instant::now() > deadline {
            problems.push(format!("{case}: the popover stayed open"));
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        state = popover_state(browser, &item.popover_id).await?;
    }
    if state.expanded.as_deref() != Some("false") {
        problems.push(format!(
            "{case}: aria-expanded is {:?} once closed",
            state.expanded
        ));
    }
    if focus_on_button && !state.focused {
        problems.push(format!("{case}: focus is not back on the button"));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Focus, pointer paths, panels and what the popovers offer

fn find_item<'a>(items: &'a [Item], popover_id: &str) -> Option<&'a Item> {
    items.iter().find(|i| i.popover_id == popover_id)
}

/// Presses Tab until a citation button (or its popover) has focus; its popover's id.
async fn tab_to_next_citation(
    browser: &WebDriver,
) -> Result<Option<String>, Box<dyn std::error::Error>> {
    for _ in 0..60 {
        press(browser, Key::Tab).await?;
        let focused: String = browser
            .execute(FOCUSED_POPOVER_ID, Vec::new())
            .await?
            .convert()?;
        if !focused.is_empty() && focused != "-" {
            return Ok(Some(focused));
        }
    }
    Ok(None)
}

/// Where focus is and whether anything covers it.
#[derive(Debug, Deserialize)]
struct FocusState {
    what: String,
    covered: bool,
    in_popover: bool,
}

async fn focus_state(browser: &WebDriver) -> Result<FocusState, Box<dyn std::error::Error>> {
    let text: String = browser
        .execute(
            include_str!("support/js/e2e_card/focus_uncovered.js"),
            Vec::new(),
        )
        .await?
        .convert()?;
    Ok(serde_json::from_str(&text)?)
}

/// After focus left `item`: its popover closed (within the usual wait), and the element focus
/// went to is not covered.
async fn expect_uncovered_after(
    browser: &WebDriver,
    item: &Item,
    case: &str,
    problems: &mut Vec<String>,
) -> Outcome {
    let focus = focus_state(browser).await?;
    if focus.in_popover {
        // Still inside the item (its own popover): nothing to check yet.
        return Ok(());
    }
    expect_closed(browser, item, case, false, problems).await?;
    let focus = focus_state(browser).await?;
    if focus.covered {
        problems.push(format!("{case}: {} is covered", focus.what));
    }
    Ok(())
}

/// The id of the one mouse every pointer action here moves: thirtyfour's action chains'
/// own (`ActionChain::new`). A reader has one mouse, but WebDriver gives each input source
/// id its own pointer: Firefox makes a second id a second mouse (`pointerId` 1), which stays
/// where it was last moved, and when the page scrolls under it, it hovers whatever comes
/// there, opening that figure instead of the one the first mouse rests on.
const MOUSE: &str = "pointer";

/// A mouse moving from `from` to `to` (viewport CSS pixels) 4 px at a time, 25 ms a step:
/// slower than any reader.
async fn slow_mouse(browser: &WebDriver, from: (f64, f64), to: (f64, f64)) -> Outcome {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let steps = ((dx.hypot(dy) / 4.0).ceil() as usize).max(1);
    let moves: Vec<Value> = (1..=steps)
        .map(|i| {
            let t = i as f64 / steps as f64;
            json!({
                "type": "pointerMove", "duration": 25, "origin": "viewport",
                "x": (from.0 + dx * t).round() as i64, "y": (from.1 + dy * t).round() as i64,
            })
        })
        .collect();
    perform(browser, json!([{ "type": "pointer", "id": MOUSE, "parameters": { "pointerType": "mouse" }, "actions": moves }])).await
}

/// The mouse pressed at `from`, moved to `to` and released: a drag that selects text.
async fn drag(browser: &WebDriver, from: (f64, f64), to: (f64, f64)) -> Outcome {
    let at = |(x, y): (f64, f64), duration: u64| json!({ "type": "pointerMove", "duration": duration, "origin": "viewport", "x": x.round() as i64, "y": y.round() as i64 });
    perform(
        browser,
        json!([{ "type": "pointer", "id": MOUSE, "parameters": { "pointerType": "mouse" }, "actions": [
            at(from, 50),
            { "type": "pointerDown", "button": 0 },
            at(((from.0 + to.0) / 2.0, from.1), 100),
            at(to, 100),
            { "type": "pointerUp", "button": 0 },
        ]}]),
    )
    .await
}

/// The mouse wheel turned by `delta_y` pixels with the pointer at `at`. Each turn is a new
/// wheel device: WebKitWebDriver performs only the first turn of a device in a session.
async fn wheel(browser: &WebDriver, at: (f64, f64), delta_y: i64) -> Outcome {
    static TURNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let id = format!(
        "wheel-{}",
        TURNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    perform(
        browser,
        json!([{ "type": "wheel", "id": id, "actions": [{
            "type": "scroll", "origin": "viewport", "x": at.0.round() as i64, "y": at.1.round() as i64,
            "deltaX": 0, "deltaY": delta_y, "duration": 50,
        }]}]),
    )
    .await
}

async fn perform(browser: &WebDriver, sources: Value) -> Outcome {
    browser
        .handle()
        .cmd(Command::PerformActions(Actions::from(sources)))
        .await?;
    Ok(())
}

#[derive(Debug, Deserialize, PartialEq)]
struct PopoverParts {
    body: [f64; 4],
    popover: [f64; 4],
    page_scroll: f64,
    scroll_top: f64,
    scrolls: bool,
    line: Option<[f64; 4]>,
    quote_text: String,
}

/// `popover_parts` after the wheel turned: once its body has moved from `before` and two
/// readings a frame apart agree (wheel scrolling is animated, and in WebKit it starts late),
/// or as it is after a second and a half.
async fn parts_after_wheel(
    browser: &WebDriver,
    popover_id: &str,
    before: &PopoverParts,
) -> Result<PopoverParts, Box<dyn std::error::Error>> {
    let deadline = Instant::now() + Duration::from_millis(1500);
    let mut last = popover_parts(browser, popover_id).await?;
    while Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let now = popover_parts(browser, popover_id).await?;
        let moved = now.scroll_top != before.scroll_top || now.page_scroll != before.page_scroll;
        if moved && now == last {
            return Ok(now);
        }
        last = now;
    }
    Ok(last)
}

async fn popover_parts(
    browser: &WebDriver,
    popover_id: &str,
) -> Result<PopoverParts, Box<dyn std::error::Error>> {
    let text: String = browser
        .execute(
            include_str!("support/js/e2e_card/popover_parts.js"),
            vec![json!(popover_id)],
        )
        .await?
        .convert()?;
    Ok(serde_json::from_str(&text)?)
}

/// An open popover seen as a phone's panel (see `panel_state.js`).
#[derive(Debug, Deserialize)]
struct PanelState {
    sheet: bool,
    rect: [f64; 4],
    viewport: [f64; 2],
    close_hit: bool,
    close_text: String,
    scrolls: bool,
    overflow: String,
    hinted: bool,
    end_visible: bool,
    last_line: Option<[f64; 2]>,
    body: [f64; 2],
    button: [f64; 4],
}

async fn panel_state(
    browser: &WebDriver,
    popover_id: &str,
) -> Result<PanelState, Box<dyn std::error::Error>> {
    let text: Option<String> = browser
        .execute(
            include_str!("support/js/e2e_card/panel_state.js"),
            vec![json!(popover_id)],
        )
        .await?
        .convert()?;
    let text = text.ok_or_else(|| format!("no #{popover_id}"))?;
    Ok(serde_json::from_str(&text)?)
}

/// The host page's address and the length of its history.
async fn address(browser: &WebDriver) -> Result<(String, u64), Box<dyn std::error::Error>> {
    let [href, length]: [Value; 2] = browser
        .execute("return [location.href, history.length];", Vec::new())
        .await?
        .convert()?;
    Ok((
        href.as_str().unwrap_or_default().to_string(),
        length.as_u64().unwrap_or(0),
    ))
}

/// What "Copy link" or "Cite this" offered (see `offered.js`).
#[derive(Debug, Deserialize)]
struct Offered {
    message: String,
    text: String,
    selected: bool,
    page: String,
}

/// Waits for what the popover's `label` button offered: a message naming a link for "Copy
/// link", a citation for "Cite this".
async fn wait_offered(
    browser: &WebDriver,
    popover_id: &str,
    label: &str,
) -> Result<Option<Offered>, Box<dyn std::error::Error>> {
    let kind = if label == "Copy link" {
        "link"
    } else {
        "citation"
    };
    let deadline = Instant::now() + POPOVER_TIMEOUT;
    while Instant::now() < deadline {
        let text: Option<String> = browser
            .execute(
                include_str!("support/js/e2e_card/offered.js"),
                vec![json!(popover_id)],
            )
            .await?
            .convert()?;
        if let Some(offered) = text
            .map(|t| serde_json::from_str::<Offered>(&t))
            .transpose()?
        {
            if offered.message.to_lowercase().contains(kind) {
                return Ok(Some(offered));
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(None)
}

/// The item's citations in the sheet, as (outlet, title, quote): what "Cite this" must name.
fn sheet_citations(sheet: &factsheet::model::Sheet, anchor: &str) -> Vec<(String, String, String)> {
    let citations = sheet
        .figures
        .iter()
        .find(|f| anchor == format!("fig-{}", f.id))
        .map(|f| &f.citations)
        .or_else(|| {
            sheet
                .claims
                .iter()
                .find(|c| anchor == format!("claim-{}", c.id))
                .map(|c| &c.citations)
        });
    citations
        .into_iter()
        .flatten()
        .map(|c| {
            let source = sheet.sources.iter().find(|s| s.id == c.source);
            (
                source.map_or(String::new(), |s| s.outlet.clone()),
                source.map_or(String::new(), |s| s.title.clone()),
                c.quote.clone(),
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Themes and axe-core

const LIGHT_BACKGROUND: &str = "rgb(255, 255, 255)";
const DARK_BACKGROUND: &str = "rgb(22, 24, 28)";

/// How the card comes to show a theme.
#[derive(Clone, Copy, Debug)]
enum Theme {
    /// The system setting is light.
    Light,
    /// The system setting is light and the reader pressed "Dark theme".
    DarkPressed,
    /// The system setting is dark.
    DarkSystem,
}

impl Theme {
    fn label(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::DarkPressed => "dark (toggle)",
            Theme::DarkSystem => "dark (system)",
        }
    }
}

/// Opens the card in `theme`, checks that it shows it, then audits it with axe-core with
/// every popover closed and with one open; each theme in turn, on a tablet.
async fn audit_themes(themes: &'static [Theme]) {
    if !chromium_only("axe reads the same DOM and CSS in every engine; dark needs CDP") {
        return;
    }
    let axe = axe_source();
    run(&[TABLET], |browser, viewport| {
        let axe = axe.clone();
        async move {
            let mut problems = Vec::new();
            for &theme in themes {
                let system = if let Theme::DarkSystem = theme {
                    "dark"
                } else {
                    "light"
                };
                emulate_color_scheme(&browser, system).await?;
                open_card(&browser, viewport, "").await?;
                match theme {
                    Theme::Light => expect_theme(&browser, LIGHT_BACKGROUND, &mut problems).await?,
                    Theme::DarkPressed => toggle_dark(&browser, &mut problems).await?,
                    Theme::DarkSystem => {
                        expect_theme(&browser, DARK_BACKGROUND, &mut problems).await?
                    }
                }
                audit_closed_and_open(&browser, &axe, theme.label(), &mut problems).await?;
            }
            Ok(problems)
        }
    })
    .await;
}

async fn card_background(browser: &WebDriver) -> WebDriverResult<String> {
    browser
        .execute(
            include_str!("support/js/e2e_card/card_background.js"),
            Vec::new(),
        )
        .await?
        .convert()
}

async fn expect_theme(
    browser: &WebDriver,
    background: &str,
    problems: &mut Vec<String>,
) -> Outcome {
    let found = card_background(browser).await?;
    if found != background {
        problems.push(format!(
            "the card's background is {found}, expected {background}"
        ));
    }
    Ok(())
}

/// Presses the "Dark theme" button with the mouse and checks that it took.
async fn toggle_dark(browser: &WebDriver, problems: &mut Vec<String>) -> Outcome {
    let toggle = wait_in_card(browser, ".fs-theme", None, POPOVER_TIMEOUT).await?;
    toggle.scroll_into_view().await?;
    toggle.click().await?;
    settle(browser).await?;
    if toggle.attr("aria-pressed").await?.as_deref() != Some("true") {
        problems.push("the Dark theme button is not aria-pressed after a click".into());
    }
    expect_theme(browser, DARK_BACKGROUND, problems).await
}

/// Clicks the second figure (a pinned popover) and waits for it.
async fn open_one_popover(browser: &WebDriver) -> Outcome {
    let items = figures();
    let item = items
        .get(1)
        .or(items.first())
        .ok_or("the sheet has no figures")?;
    let button = scroll_to(browser, item, "start").await?;
    browser
        .execute("window.scrollBy(0, -100);", Vec::new())
        .await?;
    button.click().await?;
    let mut ignored = Vec::new();
    if expect_open(browser, item, "axe", &mut ignored)
        .await?
        .is_none()
    {
        return Err(format!("clicking {} did not open its popover", item.popover_id).into());
    }
    Ok(())
}

/// Audits the card as it is (every popover and disclosure closed), then with a popover open,
/// then with every disclosure open as well (see `audit`).
async fn audit_closed_and_open(
    browser: &WebDriver,
    axe: &str,
    label: &str,
    problems: &mut Vec<String>,
) -> Outcome {
    audit(browser, axe, label, problems).await?;
    open_one_popover(browser).await?;
    audit(browser, axe, &format!("{label}, a popover open"), problems).await?;
    let opened = open_disclosures(browser).await?;
    audit(
        browser,
        axe,
        &format!("{label}, a popover and {opened} disclosure(s) open"),
        problems,
    )
    .await
}

/// Opens every `<details>` in the card, as a reader's clicks on their summaries would (by
/// the attribute: a click outside the popover would close it), and returns how many.
async fn open_disclosures(browser: &WebDriver) -> Result<u64, Box<dyn std::error::Error>> {
    let opened: u64 = browser
        .execute(
            "const host = document.querySelector('[data-factsheet][data-factsheet-live]');
             const all = (host.shadowRoot || host).querySelectorAll('details');
             all.forEach(d => { d.open = true; });
             return all.length;",
            Vec::new(),
        )
        .await?
        .convert()?;
    settle(browser).await?;
    Ok(opened)
}

/// Runs axe-core on the card (it walks open shadow roots) and adds each violation, with its
/// impact and the offending nodes, to `problems`.
async fn audit(browser: &WebDriver, axe: &str, label: &str, problems: &mut Vec<String>) -> Outcome {
    let loaded: bool = browser
        .execute("return typeof window.axe === 'object';", Vec::new())
        .await?
        .convert()?;
    if !loaded {
        browser.execute(axe, Vec::new()).await?;
    }
    let ret = browser
        .execute_async(include_str!("support/js/e2e_card/axe_run.js"), Vec::new())
        .await?;
    let text: String = ret.convert()?;
    let report: Value = serde_json::from_str(&text)?;
    if let Some(error) = report.get("error") {
        return Err(format!("axe.run failed ({label}): {error}").into());
    }
    let violations = report["violations"].as_array().cloned().unwrap_or_default();
    println!(
        "axe {} ({label}): {} violation(s), {} rules passed, needs review: {}",
        report["version"].as_str().unwrap_or("?"),
        violations.len(),
        report["passes"],
        report["incomplete"]
    );
    for v in violations {
        let mut nodes = String::new();
        for n in v["nodes"].as_array().into_iter().flatten() {
            nodes.push_str(&format!(
                "\n      {} {} -- {}",
                n["target"],
                n["html"].as_str().unwrap_or(""),
                n["why"].as_str().unwrap_or("").replace('\n', " ")
            ));
        }
        problems.push(format!(
            "axe ({label}): {} [{}] {}{nodes}",
            v["id"].as_str().unwrap_or("?"),
            v["impact"].as_str().unwrap_or("?"),
            v["help"].as_str().unwrap_or("")
        ));
    }
    Ok(())
}

/// `axe.min.js`, installed from npm into `target/tools/` the first time.
fn axe_source() -> String {
    let prefix = target_dir().join("tools");
    let package = prefix.join("node_modules/axe-core");
    let installed = std::fs::read_to_string(package.join("package.json"))
        .ok()
        .and_then(|p| serde_json::from_str::<Value>(&p).ok())
        .is_some_and(|p| p["version"] == AXE_VERSION);
    if !installed {
        println!(
            "e2e_card: installing axe-core@{AXE_VERSION} from npm into {}",
            prefix.display()
        );
        std::fs::create_dir_all(&prefix).expect("target/tools");
        let status = Process::new("npm")
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                "--save-exact",
                "--prefix",
            ])
            .arg(&prefix)
            .arg(format!("axe-core@{AXE_VERSION}"))
            .status();
        match status {
            Ok(s) if s.success() => {}
            Ok(s) => panic!("`npm install axe-core@{AXE_VERSION}` failed ({s})"),
            Err(e) => panic!(
                "npm is needed for axe-core ({e}): install it with `apt-get install -y nodejs npm`"
            ),
        }
    }
    let path = package.join("axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

// ---------------------------------------------------------------------------------------
// Screenshots

/// The whole page at `width`, in the dark theme (pressed) if `dark`: the viewport is made as
/// tall as the page.
async fn full_page(
    browser: &WebDriver,
    width: u32,
    dark: bool,
    problems: &mut Vec<String>,
) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let viewport = Viewport {
        name: "screenshot",
        width,
        height: 800,
        phone: false,
    };
    open_card(browser, viewport, "").await?;
    if dark {
        toggle_dark(browser, problems).await?;
        browser
            .execute("window.scrollTo(0, 0);", Vec::new())
            .await?;
    }
    let shot = full_height_shot(browser, width).await;
    if dark {
        // The reader's choice is kept across pages: forget it, so later shots are light.
        browser
            .execute("localStorage.removeItem('factsheet-theme');", Vec::new())
            .await?;
    }
    shot
}

async fn full_height_shot(
    browser: &WebDriver,
    width: u32,
) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let height: u64 = browser
        .execute("return document.documentElement.scrollHeight;", Vec::new())
        .await?
        .convert()?;
    if Engine::current() != Engine::Chromium {
        return stitched_full_page(browser, width, height).await;
    }
    set_viewport(browser, width, height as u32, false).await?;
    settle(browser).await?;
    viewport_png(browser).await
}

/// The whole page, `height` pixels tall, in Firefox and WebKit: their windows cannot grow to
/// a 320 px card's 13,000 or so pixels, so the frame is scrolled one viewport at a time and
/// the shots are put together, each row taken once.
async fn stitched_full_page(
    browser: &WebDriver,
    width: u32,
    height: u64,
) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut page = Vec::new();
    let mut y = 0u64;
    while y < height {
        let scrolled: u64 = browser
            .execute(
                "window.scrollTo(0, arguments[0]); return Math.round(window.scrollY);",
                vec![json!(y)],
            )
            .await?
            .convert()?;
        settle(browser).await?;
        let (_, frame_height, shot) = frame_pixels(browser).await?;
        // The last scroll stops short at the bottom: skip the rows already taken.
        let from = y.saturating_sub(scrolled).min(u64::from(frame_height));
        let rows = (u64::from(frame_height) - from).min(height - y);
        if rows == 0 {
            return Err(format!("the page did not scroll to {y} (at {scrolled})").into());
        }
        let row = width as usize * 4;
        page.extend_from_slice(&shot[from as usize * row..(from + rows) as usize * row]);
        y += rows;
    }
    browser
        .execute("window.scrollTo(0, 0);", Vec::new())
        .await?;
    png_of(width, &page)
}

/// Writes `png` and checks that it is a PNG `width` pixels wide.
fn save_png(dir: &Path, name: &str, png: &[u8], width: u32, problems: &mut Vec<String>) {
    let path = dir.join(name);
    std::fs::write(&path, png).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    let written = std::fs::read(&path).unwrap_or_default();
    let signature = written.starts_with(b"\x89PNG\r\n\x1a\n");
    let png_width = written
        .get(16..20)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    if written.len() < 1000 || !signature || png_width != Some(width) {
        problems.push(format!(
            "{}: {} bytes, PNG signature {signature}, width {png_width:?} (expected {width})",
            path.display(),
            written.len()
        ));
    } else {
        println!(
            "screenshot: {} ({} KB)",
            path.display(),
            written.len() / 1024
        );
    }
}
