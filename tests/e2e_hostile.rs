//! End-to-end tests of hostile data at run time (issue 7), on the built `dist/` in headless
//! Chromium:
//!
//! - every sheet of the bad-sheet catalogue by `data-src`, each in its own instance on one
//!   page: each error card lists the problems the build-time check gives for that file;
//! - ten instances on one page, one with a `data-src` sheet from the bad-sheet catalogue
//!   (`tests/catalogue/`): nine open their popovers, one shows its error card with the
//!   validator's message, path, line and column;
//! - a sheet whose every text field is markup (`<img src=x onerror=...>`,
//!   `</script><script>...`, ...), served by `data-src` from a page WITHOUT a
//!   Content-Security-Policy (so the policy cannot be what stops it): each shows as text, no
//!   element or event handler is injected and no payload ran, while a control handler in the
//!   page itself did run.
//!
//! The JSON-LD of the same sheet cannot be broken out of: checked natively, no `dist/` needed.
//!
//! Need `dist/`: `cargo xtask dist && cargo test --test e2e_hostile -- --ignored`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod catalogue;
mod support;

use std::time::Duration;

use factsheet::model::{load, Sheet};
use serde_json::{json, Value as Json};
// The pages here add nothing to their head.
use support::fixture_page as page;
use support::*;

/// JSON-LD is written at build time by `xtask`.
#[allow(dead_code)]
#[path = "../xtask/src/structured_data.rs"]
mod structured_data;
use structured_data::script_element;

/// A sheet of the bad-sheet catalogue by file name, `valid.json` being the fixture sheet.
fn catalogue(name: &str) -> Vec<u8> {
    catalogue::files()
        .into_iter()
        .find(|(file, _)| file == name)
        .unwrap_or_else(|| panic!("no {name} in the catalogue"))
        .1
}

// ---------------------------------------------------------------------------------------
// Every catalogue sheet by URL
// ---------------------------------------------------------------------------------------

/// Every broken sheet of the catalogue, each by `data-src` in its own instance on one page:
/// each instance shows an error card with every problem the build-time check gives for that
/// file (place, path and message), and the valid sheet beside them shows its card.
#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn every_catalogue_sheet_by_url_shows_its_own_problems_in_its_own_error_card() {
    let files = catalogue::files();
    let names: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
    assert!(names.len() > 25, "only {} catalogue files", names.len());
    // The widget checks dates against the reader's clock, so the build-time side does too.
    let minutes = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs()
        / 60;
    let now = Some(factsheet::model::date::Moment(minutes as i64));
    let body: String = names
        .iter()
        .enumerate()
        .map(|(i, name)| format!("<div id=\"c{i}\" data-factsheet data-src=\"{name}\"></div>\n"))
        .collect();
    let mut served: Vec<(&str, Vec<u8>)> = files
        .iter()
        .map(|(name, bytes)| (name.as_str(), bytes.clone()))
        .collect();
    let page_html = page("", &body).into_bytes();
    served.push(("all.html", page_html));
    let site = Site::new(&served, STRICT_POLICY);

    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        d.goto(&site.url("all.html")).await?;
        let mut failures = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let host = format!("#c{i}");
            match load(name, &files[i].1, now) {
                Ok(sheet) => {
                    let figure = sheet.figures.first().ok_or("no figures")?;
                    if let Err(e) = popover_quotes(d, &host, figure).await {
                        failures.push(format!("{name}: {e}"));
                    }
                }
                Err(problems) => {
                    let wanted: Vec<String> = problems
                        .iter()
                        .flat_map(|p| {
                            let place = format!("{}:{}:{}: {}", p.file, p.line, p.column, p.path);
                            [place, p.message.clone()]
                        })
                        .collect();
                    match error_card_text(d, &host).await {
                        Err(e) => failures.push(format!("{name}: {e}")),
                        Ok(text) => failures.extend(lacking(name, &text, &wanted)),
                    }
                }
            }
        }
        println!(
            "{} catalogue sheets by URL, {} failures",
            names.len(),
            failures.len()
        );
        finish(failures)
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// Ten instances, one invalid
// ---------------------------------------------------------------------------------------

#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn ten_instances_nine_work_and_the_one_with_an_invalid_sheet_shows_its_error() {
    const BAD: &str = "dangling-claimant.json";
    let problems = load(BAD, &catalogue(BAD), None).expect_err("the catalogue sheet is invalid");
    let valid: Sheet = load("valid.json", &catalogue("valid.json"), None).unwrap();
    let builtin = builtin_sheet();

    // (id, attributes, the sheet it shows); the bad one sits in the middle.
    let hosts: Vec<(String, String, Option<&Sheet>)> = (1..=10)
        .map(|i| {
            let (attrs, sheet) = match i {
                6 => (format!("data-src=\"{BAD}\""), None),
                2 | 8 => ("data-src=\"valid.json\"".to_string(), Some(&valid)),
                4 => (
                    "data-src=\"valid.json\" data-theme=\"dark\"".into(),
                    Some(&valid),
                ),
                9 => ("data-lang=\"de-CH\"".to_string(), Some(&builtin)),
                _ => (String::new(), Some(&builtin)),
            };
            (format!("i{i}"), attrs, sheet)
        })
        .collect();
    let body: String = hosts
        .iter()
        .map(|(id, attrs, _)| {
            format!(
                "<div id=\"{id}\" data-factsheet {attrs}></div>\n<p>Text between the cards.</p>\n"
            )
        })
        .collect();
    let site = Site::new(
        &[
            (BAD, catalogue(BAD)),
            ("valid.json", catalogue("valid.json")),
            ("ten.html", page("", &body).into_bytes()),
        ],
        STRICT_POLICY,
    );

    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        d.goto(&site.url("ten.html")).await?;
        let mut failures = Vec::new();
        for (id, _, sheet) in &hosts {
            let host = format!("#{id}");
            match sheet {
                None => {
                    let mut wanted = vec![BAD.to_string()];
                    for p in &problems {
                        wanted.push(format!("{}:{}:{}", p.file, p.line, p.column));
                        wanted.push(p.path.clone());
                        wanted.push(p.message.clone());
                    }
                    expect_error_card(d, &host, &wanted, &mut failures).await;
                }
                Some(sheet) => {
                    if let Err(e) =
                        popover_quotes(d, &host, sheet.figures.first().ok_or("no figures")?).await
                    {
                        failures.push(format!("{host}: {e}"));
                    }
                }
            }
        }
        // No instance other than the bad one shows an error.
        let errors = hosts_with_error_cards(d).await?;
        if errors != ["i6"] {
            failures.push(format!("error cards in {errors:?}, expected only in i6"));
        }
        finish(failures)
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// Markup in every text field
// ---------------------------------------------------------------------------------------

/// The payloads: each would set `window.__pwned` to its tag if the browser ran it.
fn payload(kind: usize, tag: &str) -> String {
    match kind % 5 {
        0 => format!("<img src=x onerror=\"window.__pwned='{tag}'\">"),
        1 => format!("</script><script>window.__pwned='{tag}'</script>"),
        2 => format!("<svg onload=\"window.__pwned='{tag}'\"></svg>"),
        3 => format!("\"><iframe srcdoc=\"<script>parent.__pwned='{tag}'</script>\"></iframe>"),
        _ => format!(
            "<style>*{{display:none}}</style><b onmouseover=\"window.__pwned='{tag}'\">x</b>"
        ),
    }
}

/// `valid.json` with every text a reader sees replaced by a payload naming its field; the
/// figures' numbers and the quotes that carry them keep the words the validator needs.
fn hostile_sheet() -> Json {
    let mut v: Json = serde_json::from_slice(&catalogue("valid.json")).unwrap();
    let mut n = 0;
    let mut next = |tag: &str| {
        n += 1;
        payload(n, tag)
    };
    for key in ["headline", "place"] {
        v["story"][key] = json!(next(&format!("story.{key}")));
    }
    v["story"]["summary"]["text"] = json!(next("story.summary.text"));
    for (i, s) in v["sources"].as_array_mut().unwrap().iter_mut().enumerate() {
        for key in ["outlet", "title", "short_name", "byline"] {
            s[key] = json!(next(&format!("sources[{i}].{key}")));
        }
        if let Some(stated) = s["dated"].get_mut("stated") {
            stated["as_written"] = json!(next(&format!("sources[{i}].as_written")));
        }
        if let Some(not_stated) = s["dated"].get_mut("not_stated") {
            not_stated["note"] = json!(next(&format!("sources[{i}].note")));
        }
    }
    for (i, p) in v["parties"].as_array_mut().unwrap().iter_mut().enumerate() {
        p["name"] = json!(next(&format!("parties[{i}].name")));
        p["aliases"] = json!([next(&format!("parties[{i}].aliases"))]);
    }
    for (i, f) in v["figures"].as_array_mut().unwrap().iter_mut().enumerate() {
        f["label"] = json!(next(&format!("figures[{i}].label")));
        f["unit"] = json!(next(&format!("figures[{i}].unit")));
        if f["as_of"]["kind"] == "exact" {
            f["as_of"]["as_written"] = json!(next(&format!("figures[{i}].as_of")));
            f["as_of"]["basis"] = json!(next(&format!("figures[{i}].basis")));
        }
        let written = f["value"]["written"].as_str().unwrap().to_string();
        for (j, c) in f["citations"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .enumerate()
        {
            let quote = c["quote"].as_str().unwrap().to_string();
            let qualifier = next(&format!("figures[{i}].citations[{j}].qualifier"));
            c["quote"] = json!(format!(
                "{} {quote} {qualifier}",
                next(&format!("figures[{i}].citations[{j}].quote"))
            ));
            c["qualifier"] = json!(qualifier);
        }
        assert!(f["citations"][0]["quote"]
            .as_str()
            .unwrap()
            .contains(&written));
    }
    for (i, c) in v["claims"].as_array_mut().unwrap().iter_mut().enumerate() {
        c["summary"] = json!(next(&format!("claims[{i}].summary")));
        for (j, q) in c["citations"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .enumerate()
        {
            q["quote"] = json!(next(&format!("claims[{i}].citations[{j}].quote")));
        }
    }
    v
}

/// Every payload string in the sheet, for the "shows as text" check.
fn payloads_in(v: &Json, out: &mut Vec<String>) {
    match v {
        Json::String(s) if s.contains("__pwned") => out.push(s.clone()),
        Json::Array(a) => a.iter().for_each(|x| payloads_in(x, out)),
        Json::Object(o) => o.values().for_each(|x| payloads_in(x, out)),
        _ => {}
    }
}

#[test]
fn the_hostile_sheet_is_valid_and_its_json_ld_cannot_be_broken_out_of() {
    let text = hostile_sheet().to_string();
    let sheet = load("hostile.json", text.as_bytes(), None)
        .unwrap_or_else(|p| panic!("the hostile sheet must pass validation: {p:#?}"));
    let element = script_element(&sheet);
    let inner = element
        .strip_prefix("<script type=\"application/ld+json\">")
        .and_then(|rest| rest.strip_suffix("</script>"))
        .unwrap_or_else(|| panic!("not one script element: {element}"));
    for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
        assert!(!inner.contains(bad), "{bad:?} in the JSON-LD: {inner}");
    }
    // Still JSON, carrying the payloads as plain strings.
    let parsed: Json = serde_json::from_str(inner).unwrap();
    assert!(parsed.to_string().contains("window.__pwned"));
}

#[tokio::test]
#[ignore = "needs dist/: run by cargo xtask test"]
async fn markup_in_every_text_field_renders_as_text_and_runs_nothing() {
    let sheet_json = hostile_sheet();
    let mut payloads = Vec::new();
    payloads_in(&sheet_json, &mut payloads);
    assert!(payloads.len() > 30, "{}", payloads.len());
    let sheet: Sheet = factsheet::model::parse("hostile.json", sheet_json.to_string().as_bytes())
        .expect("the hostile sheet has the right shape");
    // A control in the page itself: proves handlers run on this page (no CSP).
    let control = "<img id=\"control\" src=\"does-not-exist.png\" alt=\"\" onerror=\"window.__control = 'ran'\">";
    let body = format!("{control}\n<div id=\"h\" data-factsheet data-src=\"hostile.json\"></div>");
    let site = Site::new(
        &[
            ("hostile.json", sheet_json.to_string().into_bytes()),
            ("hostile.html", page("", &body).into_bytes()),
        ],
        NO_POLICY,
    );

    with_browser(&[WINDOW], |d| async move {
        let d = &d;
        d.goto(&site.url("hostile.html")).await?;
        let mut failures = Vec::new();
        // Open every popover, so every quote and source is in the DOM and hovered.
        let figure = sheet.figures.first().ok_or("no figures")?;
        popover_quotes(d, "#h", figure).await?;
        let buttons = d
            .execute(FIND_IN_LIVE_HOST, vec![json!("#h"), json!("button")])
            .await?
            .elements()?;
        for b in buttons {
            if b.is_displayed().await? {
                b.scroll_into_view().await?;
                let _ = d.action_chain().move_to_element_center(&b).perform().await;
                let _ = b.click().await;
                tokio::time::sleep(Duration::from_millis(150)).await;
            }
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        let report = page_json(
            d,
            include_str!("support/js/e2e_hostile/injection_report.js"),
        )
        .await?;
        if report["control"] != "ran" {
            failures.push(format!(
                "the page's own control handler did not run ({}), so the test proves nothing",
                report["control"]
            ));
        }
        if !report["pwned"].is_null() {
            failures.push(format!(
                "an injected payload RAN: window.__pwned = {}",
                report["pwned"]
            ));
        }
        if report["handlers"].as_array().is_none_or(|a| !a.is_empty()) {
            failures.push(format!(
                "event handlers or javascript: in the card: {}",
                report["handlers"]
            ));
        }
        if report["injected"].as_array().is_none_or(|a| !a.is_empty()) {
            failures.push(format!(
                "injected elements in the card: {}",
                report["injected"]
            ));
        }
        if report["live"] != true {
            failures.push("the card did not go live".into());
        }
        let text = report["text"].as_str().unwrap_or_default();
        // What the card is sure to show: the story, the first figure's label and unit, the
        // parties it names; each verbatim, as text.
        let mut shown = vec![
            sheet.story.headline.clone(),
            sheet.story.summary.text.clone(),
            figure.label.clone(),
        ];
        shown.extend(figure.citations.iter().map(|c| c.quote.clone()));
        for s in shown {
            if !text.contains(&s) {
                failures.push(format!("{s:?} is not shown as text"));
            }
        }
        let visible = payloads
            .iter()
            .filter(|p| text.contains(p.as_str()))
            .count();
        eprintln!(
            "{visible} of {} payloads appear verbatim as text",
            payloads.len()
        );
        // Some fields (aliases, say) are not shown at all; most must be, as text.
        if visible * 4 < payloads.len() * 3 {
            failures.push(format!(
                "only {visible} of {} payloads appear verbatim as text",
                payloads.len()
            ));
        }
        finish(failures)
    })
    .await;
}
