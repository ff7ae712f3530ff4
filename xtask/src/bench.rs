//! `bench [--check] [--runs N]`: the widget against plain HTML, in one interleaved run.
//!
//! Builds `dist/` (release), writes the baseline page (the same pre-rendered card with its CSS,
//! no script; its citations open on hover by CSS alone, the physical limit) and the same page
//! embedding the card by script and mount point (`embed`), serves it with `dist/embed` and
//! `dist/demo` on 127.0.0.1, and has `tests/bench.rs` load each page in turn in a fresh
//! headless Chromium (`baseline`, `index.html` over `file://`, `embed` and the demo over
//! http; round after round). Bytes are
//! counted here, timings in the page. Prints medians with min-max and ratios to the baseline,
//! writes `target/bench/report.json` and `report.md`; `--check` then checks the budgets of
//! issue 14 (those of issue 6 are still reported). The peer, Knight Lab's TimelineJS showing
//! the same sheet's figures (`peer.rs`), is measured in the same rounds. Timings are only
//! meaningful as ratios within one run: the machine is noisy.

use std::fs;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

use crate::options::Spec;
use crate::setup::{self, target_dir, CHROMEDRIVER};
use crate::sizes::{compressed_len, gzip_len};
use crate::{dist, peer, prerender, root, run, serve};

/// The pages, in the order of each round. The baseline comes first and is the reference;
/// the peer comes last. `embed` is the baseline's page with the card embedded the way a
/// newsroom embeds it (the script and the mount point, over http): the embed path alone,
/// where the demo also carries an article and an iframe example no widget could save.
const PAGES: [&str; 5] = ["baseline", "index.html", "embed", "demo", "timelinejs"];

/// Byte budgets (gzip), from issue 6 (reported, no longer checked).
const EMBED_BUDGET: u64 = 70 * 1024;
const ONE_FILE_BUDGET: u64 = 95 * 1024;

/// Byte budgets (gzip), from issue 14.
const WASM_BUDGET: u64 = 110 * 1024;
const ONE_FILE_BUDGET_14: u64 = 130 * 1024;
/// Critical-path bytes may exceed the baseline's by this much (gzip).
const CRITICAL_PATH_MARGIN: u64 = 4 * 1024;
/// The longest main-thread task allowed, and how soon the first input that needs the wasm
/// must be answered (ms).
const LONG_TASK_MS: f64 = 50.0;
const FIRST_WASM_INPUT_MS: f64 = 200.0;

/// A CSS-only popover for the baseline: the static card's citations open on hover or focus.
/// A closed `popover` is hidden by the browser's own stylesheet, which an author's `display`
/// overrides (a click opens it by `popovertarget`, as on the card).
const CSS_ONLY_POPOVERS: &str = "\n.factsheet .fs-cited:hover .fs-popover,\
    \n.factsheet .fs-cited:focus-within .fs-popover { display: flex; }\n";

/// The timings and measures the page reports, with their labels and units.
const METRICS: [(&str, &str); 14] = [
    (
        "first_citation_ms",
        "navigation -> first working citation (ms)",
    ),
    ("critical_bytes", "critical-path bytes, gzip (B)"),
    (
        "longest_task_ms",
        "longest main-thread task to load + 5 s (ms)",
    ),
    ("tbt_ms", "total blocking time to load + 5 s (ms)"),
    ("long_tasks", "long tasks to load + 5 s"),
    (
        "first_wasm_input_ms",
        "first click on the theme switch -> answered (ms)",
    ),
    ("fcp_ms", "first contentful paint (ms)"),
    ("ready_ms", "ready: factsheet:ready, baseline: load (ms)"),
    ("hover_visible_ms", "hover -> popover visible (ms)"),
    ("hover_readable_ms", "hover -> popover readable (ms)"),
    ("cls", "cumulative layout shift"),
    ("js_heap_bytes", "JS heap after GC (bytes)"),
    ("wasm_memory_bytes", "wasm memory (bytes)"),
    ("cpu_ms", "main-thread task time (ms)"),
];

pub const SPEC: Spec = Spec {
    task: "bench",
    flags: &["--check"],
    valued: &[("--runs", "N")],
    operand: None,
};

pub fn run_bench(args: &[String]) -> Result<(), String> {
    let opts = SPEC.parse(args)?;
    let check = opts.flag("--check");
    let runs = opts
        .parsed::<NonZeroUsize>("--runs", "a positive number")?
        .map_or(5, NonZeroUsize::get);
    let tools = setup::build_tools()?;
    setup::browser()?;
    if let Err(e) = setup::brotli() {
        println!("bench: the brotli column is left empty: {e}");
    }
    let dist = dist::build(&tools)?;
    let out = target_dir().join("bench");
    fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let baseline = out.join("baseline.html");
    fs::write(&baseline, baseline_page()?)
        .map_err(|e| format!("cannot write {}: {e}", baseline.display()))?;
    let sheet = factsheet::data::builtin().map_err(|problems| crate::facts::listed(&problems))?;
    let peer_dir = out.join("timelinejs");
    let peer = peer::write_page(&sheet, &peer_dir)?;

    // The pages served over http: the demo and the embed page, under one root with the
    // bundle they load from `../embed/`.
    let site = out.join("site");
    if site.exists() {
        fs::remove_dir_all(&site).map_err(|e| format!("cannot clear {}: {e}", site.display()))?;
    }
    for dir in ["embed", "demo"] {
        copy_dir(&dist.join(dir), &site.join(dir))?;
    }
    let embed_page = site.join("card/index.html");
    fs::create_dir_all(site.join("card"))
        .map_err(|e| format!("cannot create {}: {e}", site.display()))?;
    write(&embed_page, &embed_page_text()?)?;

    let bytes = json!({
        "baseline": files_bytes(std::slice::from_ref(&baseline))?,
        "index.html": files_bytes(&[dist.join("index.html")])?,
        "embed": files_bytes(&[
            embed_page.clone(),
            dist.join("embed/factsheet.js"),
            dist.join("embed/factsheet_glue.js"),
            dist.join("embed/factsheet_bg.wasm"),
            dist.join("embed/factsheet.css"),
        ])?,
        "demo": files_bytes(&[
            dist.join("demo/index.html"),
            dist.join("demo/demo.css"),
            dist.join("embed/factsheet.js"),
            dist.join("embed/factsheet_glue.js"),
            dist.join("embed/factsheet_bg.wasm"),
            dist.join("embed/factsheet.css"),
        ])?,
        "timelinejs": files_bytes(&peer::FILES.map(|f| peer_dir.join(f)))?,
        "wasm": files_bytes(&[dist.join("embed/factsheet_bg.wasm")])?,
        "embed bundle": files_bytes(&[
            dist.join("embed/factsheet.js"),
            dist.join("embed/factsheet_glue.js"),
            dist.join("embed/factsheet_bg.wasm"),
            dist.join("embed/factsheet.css"),
        ])?,
    });

    let addr =
        serve::spawn(site.clone()).map_err(|e| format!("cannot serve {}: {e}", site.display()))?;
    let urls = [
        serve::file_url(&baseline),
        serve::file_url(&dist.join("index.html")),
        format!("http://{addr}/card/"),
        format!("http://{addr}/demo/"),
        serve::file_url(&peer),
    ];
    let pages: String = PAGES
        .iter()
        .zip(&urls)
        .map(|(name, url)| format!("{name}={url}\n"))
        .collect();
    let samples_path = out.join("samples.json");
    let _ = fs::remove_file(&samples_path);
    println!(
        "bench: {runs} rounds of {} pages, each in a fresh Chromium",
        PAGES.len()
    );
    run(Command::new("cargo")
        .args([
            "test",
            "-p",
            "factsheet",
            "--test",
            "bench",
            "--",
            "--ignored",
            "--nocapture",
        ])
        .env("PATH", &tools.path)
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("FACTSHEET_BENCH_PAGES", pages)
        .env("FACTSHEET_BENCH_RUNS", runs.to_string())
        .env("FACTSHEET_BENCH_OUT", &samples_path))?;
    let mut samples: Vec<Value> = serde_json::from_str(
        &fs::read_to_string(&samples_path)
            .map_err(|e| format!("cannot read {}: {e}", samples_path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", samples_path.display()))?;
    for sample in &mut samples {
        let fetched: Vec<String> = sample["fetched_before_citation"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|u| u.as_str().map(str::to_string))
            .collect();
        // The peer has no citation to wait for: its bytes are its files' (the bytes table).
        if !fetched.is_empty() && sample["page"] != "timelinejs" {
            sample["critical_bytes"] = json!(critical_bytes(&fetched, &site)?);
        }
    }

    let summary = summarize(&samples);
    let budgets = budgets(&bytes, &summary);
    let checked = budgets_14(&bytes, &summary);
    let report = json!({
        "runs": runs,
        "pages": PAGES.iter().zip(&urls).map(|(p, u)| json!({"page": p, "url": u})).collect::<Vec<_>>(),
        "bytes": bytes,
        "timings": summary,
        "budgets": checked,
        "budgets_issue_6": budgets,
        "samples": samples,
    });
    let markdown = markdown(runs, &bytes, &summary, &checked, &budgets);
    print!("\n{markdown}");
    write(
        &out.join("report.json"),
        &serde_json::to_string_pretty(&report).map_err(|e| format!("bench report: {e}"))?,
    )?;
    write(&out.join("report.md"), &markdown)?;
    println!("bench: wrote {}", out.join("report.md").display());

    if check {
        let failed: Vec<String> = checked
            .as_array()
            .into_iter()
            .flatten()
            .filter(|b| b["ok"] != json!(true))
            .map(|b| format!("{} ({})", b["budget"].as_str().unwrap_or("?"), b["actual"]))
            .collect();
        if !failed.is_empty() {
            return Err(format!("budgets not met: {}", failed.join("; ")));
        }
        println!("bench: every budget met");
    }
    Ok(())
}

/// The baseline: the pre-rendered card with its CSS inline, no script, and popovers that
/// open by CSS alone.
fn baseline_page() -> Result<String, String> {
    let css = factsheet::STYLESHEET;
    let card = prerender::card()?;
    let style = format!("<style>{css}{CSS_ONLY_POPOVERS}</style>");
    Ok(format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>factsheet baseline: static HTML, no script</title></head>\n<body>\n{}\n</body></html>\n",
        prerender::mount_point(&card, &style),
        lang = prerender::LANG
    ))
}

/// The embed page: the baseline's page, with the card's stylesheet linked instead of inline
/// and the script a newsroom adds, as `dist/demo/` embeds it (the pre-rendered mount point).
fn embed_page_text() -> Result<String, String> {
    let card = prerender::card()?;
    let style = "<link rel=\"stylesheet\" href=\"../embed/factsheet.css\">";
    Ok(format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>factsheet embedded: the card alone</title>\
         <script src=\"../embed/factsheet.js\" defer></script></head>\n<body>\n{}\n</body></html>\n",
        prerender::mount_point(&card, style),
        lang = prerender::LANG
    ))
}

/// Copies the files of `from` (one level, as `dist/embed` and `dist/demo` are) into `to`.
fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries = fs::read_dir(from).map_err(|e| format!("cannot list {}: {e}", from.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", from.display()))?
            .path();
        if path.is_file() {
            if let Some(name) = path.file_name() {
                fs::copy(&path, to.join(name))
                    .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
            }
        }
    }
    Ok(())
}

/// Raw, gzip -9 and (when the `brotli` tool is installed) brotli -q 11 bytes of some files,
/// per file and in total.
fn files_bytes(files: &[PathBuf]) -> Result<Value, String> {
    let mut per_file = Vec::new();
    let (mut raw, mut gzip, mut brotli) = (0u64, 0u64, Some(0u64));
    for path in files {
        let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let g = gzip_len(&bytes)?;
        let b = compressed_len("brotli", &["-q", "11", "-c"], &bytes)?;
        raw += bytes.len() as u64;
        gzip += g;
        brotli = brotli.zip(b).map(|(a, b)| a + b);
        per_file.push(json!({
            "file": short_name(path),
            "raw": bytes.len(),
            "gzip": g,
            "brotli": b,
        }));
    }
    Ok(json!({ "raw": raw, "gzip": gzip, "brotli": brotli, "files": per_file }))
}

fn short_name(path: &Path) -> String {
    let dist = root().join("dist");
    path.strip_prefix(&dist)
        .map(|p| format!("dist/{}", p.display()))
        .unwrap_or_else(|_| {
            path.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        })
}

/// Median, min and max of one metric for one page, over the samples without errors.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stat {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub n: usize,
}

/// The median (mean of the middle two for an even count), min and max; `None` when empty.
pub fn stat(values: &[f64]) -> Option<Stat> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    let median = if v.len().is_multiple_of(2) {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    };
    Some(Stat {
        median,
        min: v[0],
        max: v[v.len() - 1],
        n: v.len(),
    })
}

/// `{page: {metric: {median, min, max, n, ratio}}}`, ratio being median / the baseline's.
fn summarize(samples: &[Value]) -> Value {
    let mut out = serde_json::Map::new();
    let base: Vec<Option<Stat>> = METRICS
        .iter()
        .map(|(key, _)| stat(&values(samples, "baseline", key)))
        .collect();
    for page in PAGES {
        let mut metrics = serde_json::Map::new();
        for ((key, _), base) in METRICS.iter().zip(&base) {
            let Some(s) = stat(&values(samples, page, key)) else {
                metrics.insert(key.to_string(), Value::Null);
                continue;
            };
            let ratio = base.filter(|b| b.median > 0.0).map(|b| s.median / b.median);
            metrics.insert(
                key.to_string(),
                json!({ "median": s.median, "min": s.min, "max": s.max, "n": s.n, "ratio": ratio }),
            );
        }
        let errors: Vec<&Value> = samples
            .iter()
            .filter(|s| s["page"] == page && s.get("error").is_some())
            .map(|s| &s["error"])
            .collect();
        metrics.insert("errors".into(), json!(errors));
        let lost = samples
            .iter()
            .filter(|s| {
                s["page"] == page && s.get("first_wasm_input_ms").is_some_and(Value::is_null)
            })
            .count();
        metrics.insert("first_wasm_input_lost".into(), json!(lost));
        out.insert(page.to_string(), Value::Object(metrics));
    }
    Value::Object(out)
}

fn values(samples: &[Value], page: &str, key: &str) -> Vec<f64> {
    samples
        .iter()
        .filter(|s| s["page"] == page && s.get("error").is_none())
        .filter_map(|s| s[key].as_f64())
        .collect()
}

/// The gzip bytes of what a page fetched before its first citation showed: each URL is a
/// file on disk (`file://`) or under `site` (the server's root).
fn critical_bytes(urls: &[String], site: &Path) -> Result<u64, String> {
    let mut total = 0;
    for url in urls {
        let url = url.split(['?', '#']).next().unwrap_or(url);
        let path = if let Some(path) = url.strip_prefix("file://") {
            PathBuf::from(path)
        } else if let Some(rest) = url.strip_prefix("http://") {
            let path = rest.split_once('/').map_or("", |(_, p)| p);
            let file = site.join(path);
            if file.is_dir() {
                file.join("index.html")
            } else {
                file
            }
        } else {
            // `data:` and `blob:` URLs hold bytes already counted in their page.
            continue;
        };
        // Not a file (the browser's own `/favicon.ico`): answered 404, no bytes of ours.
        if !path.is_file() {
            continue;
        }
        let bytes = fs::read(&path)
            .map_err(|e| format!("bench: {url} was fetched, but {}: {e}", path.display()))?;
        total += gzip_len(&bytes)?;
    }
    Ok(total)
}

/// The budgets of issue 14, each `{budget, actual, ok}`: the ones `--check` checks.
fn budgets_14(bytes: &Value, summary: &Value) -> Value {
    let mut out = Vec::new();
    let median = |page: &str, key: &str| summary[page][key]["median"].as_f64();
    let max = |page: &str, key: &str| summary[page][key]["max"].as_f64();
    let shown = |v: Option<f64>, f: &dyn Fn(f64) -> String| v.map_or("not measured".to_string(), f);
    for (name, key, limit) in [
        ("wasm", "wasm", WASM_BUDGET),
        ("dist/index.html", "index.html", ONE_FILE_BUDGET_14),
    ] {
        let actual = bytes[key]["gzip"].as_u64();
        out.push(json!({
            "budget": format!("{name} <= {} KB gzip", limit / 1024),
            "actual": shown(actual.map(|a| a as f64), &|a| format!("{:.1} KB", a / 1024.0)),
            "ok": actual.is_some_and(|a| a <= limit),
        }));
    }
    let baseline_bytes = median("baseline", "critical_bytes");
    let embed_bytes = median("embed", "critical_bytes");
    out.push(json!({
        "budget": format!(
            "embed (the embed path): critical-path bytes <= the baseline's + {} KB gzip ({})",
            CRITICAL_PATH_MARGIN / 1024,
            shown(baseline_bytes, &|b| format!("{:.1} KB", b / 1024.0))
        ),
        "actual": shown(embed_bytes, &|b| format!("{:.1} KB", b / 1024.0)),
        "ok": embed_bytes.zip(baseline_bytes).is_some_and(|(d, b)| d <= b + CRITICAL_PATH_MARGIN as f64),
    }));
    for page in ["index.html", "demo"] {
        for (key, what, limit) in [
            (
                "first_citation_ms",
                "navigation -> first working citation",
                1.2,
            ),
            ("hover_readable_ms", "hover -> readable", 1.2),
        ] {
            let ratio = summary[page][key]["ratio"].as_f64();
            out.push(json!({
                "budget": format!("{page}: {what} <= {limit}x baseline"),
                "actual": shown(ratio, &|r| format!("{r:.2}x")),
                "ok": ratio.is_some_and(|r| r <= limit),
            }));
        }
        let longest = max(page, "longest_task_ms");
        let tbt = median(page, "tbt_ms");
        out.push(json!({
            "budget": format!("{page}: no main-thread task over {LONG_TASK_MS} ms (load + 5 s)"),
            "actual": shown(longest, &|l| format!(
                "longest {l:.0} ms (max), total blocking {} ms (median)",
                tbt.map_or("?".to_string(), |t| format!("{t:.0}"))
            )),
            "ok": longest.is_some_and(|l| l <= LONG_TASK_MS),
        }));
        let cls = max(page, "cls");
        out.push(json!({
            "budget": format!("{page}: cumulative layout shift = 0"),
            "actual": shown(cls, &|c| format!("{c:.4} (max)")),
            "ok": cls == Some(0.0),
        }));
        // A click lost before the wasm ran has no answer: it counts against the budget.
        let answered = &summary[page]["first_wasm_input_ms"];
        let lost = samples_lost(summary, page);
        let slowest = answered["max"].as_f64();
        out.push(json!({
            "budget": format!("{page}: first input that needs the wasm (theme switch) answered within {FIRST_WASM_INPUT_MS} ms"),
            "actual": match (slowest, lost) {
                (_, n) if n > 0 => format!("{n} of the clicks never answered"),
                (Some(ms), _) => format!("{ms:.0} ms (max)"),
                _ => "not measured".to_string(),
            },
            "ok": lost == 0 && slowest.is_some_and(|ms| ms <= FIRST_WASM_INPUT_MS),
        }));
    }
    // The peer: its ready time and its bytes, against the one-file card's first citation and
    // the embed path's critical bytes.
    let peer_ready = median("timelinejs", "ready_ms");
    for page in ["index.html", "demo"] {
        let first = median(page, "first_citation_ms");
        let ratio = first.zip(peer_ready).map(|(f, p)| f / p);
        out.push(json!({
            "budget": format!("{page}: first working citation <= 0.5x TimelineJS's ready time"),
            "actual": shown(ratio, &|r| format!("{r:.2}x")),
            "ok": ratio.is_some_and(|r| r <= 0.5),
        }));
    }
    let peer_bytes = bytes["timelinejs"]["gzip"].as_u64().map(|b| b as f64);
    let ratio = embed_bytes.zip(peer_bytes).map(|(d, p)| d / p);
    out.push(json!({
        "budget": "embed: critical-path bytes <= 0.2x TimelineJS's bytes".to_string(),
        "actual": shown(ratio, &|r| format!("{r:.2}x")),
        "ok": ratio.is_some_and(|r| r <= 0.2),
    }));
    Value::Array(out)
}

/// How many of a page's loads clicked the theme switch and got no answer.
fn samples_lost(summary: &Value, page: &str) -> u64 {
    summary[page]["first_wasm_input_lost"].as_u64().unwrap_or(0)
}

/// The budgets of issue 6, each `{budget, actual, ok}`.
fn budgets(bytes: &Value, summary: &Value) -> Value {
    let mut out = Vec::new();
    let mut bytes_budget = |name: &str, key: &str, limit: u64| {
        let actual = bytes[key]["gzip"].as_u64().unwrap_or(u64::MAX);
        out.push(json!({
            "budget": format!("{name} <= {} KB gzip", limit / 1024),
            "actual": format!("{:.1} KB", actual as f64 / 1024.0),
            "ok": actual <= limit,
        }));
    };
    bytes_budget(
        "embed bundle (wasm + JS + CSS)",
        "embed bundle",
        EMBED_BUDGET,
    );
    bytes_budget("dist/index.html", "index.html", ONE_FILE_BUDGET);
    for page in ["index.html", "demo"] {
        for (key, what, limit) in [
            ("fcp_ms", "first contentful paint", 1.2),
            ("ready_ms", "time to interactive", 2.5),
            ("hover_readable_ms", "hover -> readable", 1.5),
        ] {
            let ratio = summary[page][key]["ratio"].as_f64();
            out.push(json!({
                "budget": format!("{page}: {what} <= {limit}x baseline"),
                "actual": ratio.map_or("not measured".to_string(), |r| format!("{r:.2}x")),
                "ok": ratio.is_some_and(|r| r <= limit),
            }));
        }
        let cls = summary[page]["cls"]["max"].as_f64();
        out.push(json!({
            "budget": format!("{page}: cumulative layout shift = 0"),
            "actual": cls.map_or("not measured".to_string(), |c| format!("{c:.4} (max)")),
            "ok": cls == Some(0.0),
        }));
    }
    Value::Array(out)
}

fn markdown(
    runs: usize,
    bytes: &Value,
    summary: &Value,
    checked: &Value,
    reported: &Value,
) -> String {
    let kb = |v: &Value| {
        v.as_u64()
            .map_or("-".to_string(), |n| format!("{:.1}", n as f64 / 1024.0))
    };
    let mut md = format!(
        "## Benchmark ({runs} interleaved rounds, headless Chromium, fresh profile each load)\n\n\
         ### Bytes (KB)\n\n| page | raw | gzip -9 | brotli -q 11 |\n|---|---:|---:|---:|\n"
    );
    for page in PAGES.iter().chain(&["wasm", "embed bundle"]) {
        let b = &bytes[*page];
        md.push_str(&format!(
            "| {page} | {} | {} | {} |\n",
            kb(&b["raw"]),
            kb(&b["gzip"]),
            kb(&b["brotli"])
        ));
    }
    md.push_str("\n### Timings and memory: median (min-max), ratio to the baseline\n\n| measure |");
    for page in PAGES {
        md.push_str(&format!(" {page} |"));
    }
    md.push_str("\n|---|");
    md.push_str(&"---:|".repeat(PAGES.len()));
    md.push('\n');
    for (key, label) in METRICS {
        md.push_str(&format!("| {label} |"));
        for page in PAGES {
            let m = &summary[page][key];
            let cell = match (m["median"].as_f64(), m["min"].as_f64(), m["max"].as_f64()) {
                (Some(med), Some(lo), Some(hi)) => {
                    let f = |x: f64| {
                        if key == "cls" {
                            format!("{x:.4}")
                        } else {
                            format!("{x:.0}")
                        }
                    };
                    let ratio = match m["ratio"].as_f64() {
                        Some(r) if page != "baseline" => format!(" ×{r:.2}"),
                        _ => String::new(),
                    };
                    format!("{} ({}–{}){ratio}", f(med), f(lo), f(hi))
                }
                _ => "–".to_string(),
            };
            md.push_str(&format!(" {cell} |"));
        }
        md.push('\n');
    }
    let errors: Vec<String> = PAGES
        .iter()
        .filter_map(|p| {
            let e = summary[*p]["errors"].as_array()?;
            (!e.is_empty()).then(|| format!("{p}: {} failed loads ({})", e.len(), e[0]))
        })
        .collect();
    if !errors.is_empty() {
        md.push_str(&format!("\nErrors: {}\n", errors.join("; ")));
    }
    md.push_str(&budget_table(
        "Budgets (issue 14, checked by --check)",
        checked,
    ));
    md.push_str(&budget_table(
        "Budgets of issue 6 (reported only)",
        reported,
    ));
    md
}

fn budget_table(title: &str, budgets: &Value) -> String {
    let mut md = format!("\n### {title}\n\n| budget | actual | met |\n|---|---:|---|\n");
    for b in budgets.as_array().into_iter().flatten() {
        md.push_str(&format!(
            "| {} | {} | {} |\n",
            b["budget"].as_str().unwrap_or(""),
            b["actual"].as_str().unwrap_or(""),
            if b["ok"] == json!(true) {
                "yes"
            } else {
                "**no**"
            }
        ));
    }
    md
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_odd_and_even_counts() {
        let s = stat(&[5.0, 1.0, 3.0]).unwrap();
        assert_eq!((s.median, s.min, s.max, s.n), (3.0, 1.0, 5.0, 3));
        assert_eq!(stat(&[4.0, 1.0, 3.0, 2.0]).unwrap().median, 2.5);
        assert_eq!(stat(&[]), None);
        assert_eq!(stat(&[f64::NAN]), None);
    }

    #[test]
    fn ratios_are_to_the_baseline_of_the_same_run() {
        let samples = vec![
            json!({"page": "baseline", "fcp_ms": 10.0}),
            json!({"page": "baseline", "fcp_ms": 30.0}),
            json!({"page": "index.html", "fcp_ms": 40.0}),
            json!({"page": "demo", "error": "boom"}),
        ];
        let summary = summarize(&samples);
        assert_eq!(summary["baseline"]["fcp_ms"]["median"], json!(20.0));
        assert_eq!(summary["index.html"]["fcp_ms"]["ratio"], json!(2.0));
        assert_eq!(summary["demo"]["fcp_ms"], Value::Null);
        assert_eq!(summary["demo"]["errors"], json!(["boom"]));
    }

    #[test]
    fn the_baseline_has_the_card_and_no_script() {
        let page = baseline_page().unwrap();
        assert!(page.contains("fs-figure-button"));
        assert!(page.contains("shadowrootmode"));
        assert!(!page.to_ascii_lowercase().contains("<script"));
        // The CSS-only rule's selector names what the card's markup has: a popover inside
        // its item, closed by the browser (no `hidden` for the rule to wait on).
        assert!(page.contains("fs-cited") && page.contains(" popover"));
        assert!(!CSS_ONLY_POPOVERS.contains("[hidden]"));
    }

    #[test]
    fn the_embed_page_is_the_baseline_with_the_embed_snippet_instead_of_its_styles() {
        let embed = embed_page_text().unwrap();
        let baseline = baseline_page().unwrap();
        // The same card: everything from the mount point's card on is the baseline's.
        let card = |page: &str| page[page.find("<div class=\"fs-root\">").unwrap()..].to_string();
        assert_eq!(card(&embed), card(&baseline));
        assert!(embed.contains("<script src=\"../embed/factsheet.js\" defer></script>"));
        assert!(embed.contains("href=\"../embed/factsheet.css\""));
        // Nothing inline: it runs under the served strict policy, as a newsroom's page would.
        assert!(!embed.contains("<style"));
        assert_eq!(embed.matches("<script").count(), 1);
    }
}
