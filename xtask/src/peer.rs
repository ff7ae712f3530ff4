//! The peer in the bench: Knight Lab's TimelineJS, the embed many newsrooms use for a story's
//! figures over time, showing the built-in sheet's figures. Installed from npm (`npm pack`,
//! unpacked under `target/tools/`: its `dist/` is self-contained, no dependency to install),
//! and written as a page of its own under `target/bench/timelinejs/`, opened from disk like
//! `dist/index.html`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use factsheet::model::sheet::{AsOf, Figure, Sheet};
use serde_json::{json, Value};

use crate::run;
use crate::setup::target_dir;

pub const PACKAGE: &str = "@knight-lab/timelinejs";
pub const VERSION: &str = "3.9.11";

/// The files the peer's page loads, beside it: what its bytes are counted from.
pub const FILES: [&str; 3] = ["index.html", "timeline.js", "timeline.css"];

/// TimelineJS's `dist/`, unpacked from npm on first use.
fn installed() -> Result<PathBuf, String> {
    let home = target_dir()
        .join("tools")
        .join(format!("timelinejs-{VERSION}"));
    let dist = home.join("package/dist");
    if dist.join("js/timeline.js").is_file() {
        return Ok(dist);
    }
    fs::create_dir_all(&home).map_err(|e| format!("cannot create {}: {e}", home.display()))?;
    println!("bench: fetching {PACKAGE}@{VERSION} from npm (the peer)");
    run(Command::new("npm")
        .args(["pack", "--silent", &format!("{PACKAGE}@{VERSION}")])
        .current_dir(&home))?;
    let tarball = home.join(format!("knight-lab-timelinejs-{VERSION}.tgz"));
    run(Command::new("tar")
        .arg("xzf")
        .arg(&tarball)
        .current_dir(&home))?;
    if dist.join("js/timeline.js").is_file() {
        Ok(dist)
    } else {
        Err(format!(
            "{PACKAGE}@{VERSION} from npm has no dist/js/timeline.js under {}",
            home.display()
        ))
    }
}

/// Writes the peer's page with its script and stylesheet into `dir`; returns the page.
pub fn write_page(sheet: &Sheet, dir: &Path) -> Result<PathBuf, String> {
    let dist = installed()?;
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (from, to) in [
        ("js/timeline.js", "timeline.js"),
        ("css/timeline.css", "timeline.css"),
    ] {
        fs::copy(dist.join(from), dir.join(to))
            .map_err(|e| format!("cannot copy {from} of {PACKAGE}: {e}"))?;
    }
    let data = serde_json::to_string(&timeline(sheet))
        .map_err(|e| format!("the peer's data: {e}"))?
        // Inside an inline script, `</` would end it.
        .replace("</", "<\\/");
    let page = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>factsheet bench: the peer, TimelineJS {VERSION}</title>\
         <link rel=\"stylesheet\" href=\"timeline.css\"></head>\n<body>\
         <div id=\"timeline\" style=\"width: 100%; height: 600px\"></div>\n\
         <script src=\"timeline.js\"></script>\n<script>\n\
         var timeline = new TL.Timeline(\"timeline\", {data}, {{ font: null, language: \"en\" }});\n\
         timeline.on(\"loaded\", function () {{\n\
           window.dispatchEvent(new CustomEvent(\"peer:ready\"));\n\
         }});\n</script>\n</body></html>\n"
    );
    let path = dir.join("index.html");
    fs::write(&path, page).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// The sheet as TimelineJS data: a title slide with the headline, and one slide per figure
/// that has a date, at that date, headed by its number and unit and saying what it counts.
/// Figures without a date cannot be placed on a timeline and are left out.
fn timeline(sheet: &Sheet) -> Value {
    let events: Vec<Value> = sheet
        .figures
        .iter()
        .filter_map(|f| {
            let date = date_of(f)?;
            Some(json!({
                "start_date": date,
                "text": { "headline": format!("{} {}", written(f), f.unit), "text": f.label },
            }))
        })
        .collect();
    json!({
        "title": { "text": { "headline": sheet.story.headline, "text": sheet.story.summary.text } },
        "events": events,
    })
}

fn written(f: &Figure) -> &str {
    use factsheet::model::sheet::Value;
    match &f.value {
        Value::Exact { written, .. }
        | Value::Approximate { written, .. }
        | Value::Range { written, .. }
        | Value::Vague { written, .. } => written,
    }
}

/// `{year, month, day}` from a figure's as-of date, as far as it is known.
fn date_of(f: &Figure) -> Option<Value> {
    let text = match &f.as_of {
        AsOf::Exact { date, .. } => date,
        AsOf::Approximate { period, .. } => period,
        AsOf::Relative {
            resolved: Some(day),
            ..
        } => day,
        _ => return None,
    };
    let mut parts = text.split('-').map(str::parse::<u32>);
    let year = parts.next()?.ok()?;
    let mut date = json!({ "year": year });
    if let Some(Ok(month)) = parts.next() {
        date["month"] = json!(month);
        if let Some(Ok(day)) = parts.next() {
            date["day"] = json!(day);
        }
    }
    Some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dated_figure_is_a_slide_at_its_date() {
        let sheet = factsheet::data::builtin().unwrap();
        let data = timeline(&sheet);
        let events = data["events"].as_array().unwrap();
        let dated = sheet
            .figures
            .iter()
            .filter(|f| date_of(f).is_some())
            .count();
        assert_eq!(events.len(), dated);
        assert!(dated >= 3, "the seed sheet has dated figures");
        for e in events {
            assert!(e["start_date"]["year"].as_u64().is_some_and(|y| y >= 2024));
        }
    }
}
