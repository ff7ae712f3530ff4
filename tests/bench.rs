//! The browser half of `cargo xtask bench`: not a test. `cargo xtask bench` builds `dist/`,
//! writes the baseline page, serves the demo, then runs this with
//! `cargo test -p factsheet --test bench -- --ignored --nocapture` and these variables:
//!
//! - `FACTSHEET_BENCH_PAGES`: `name=url` pairs separated by newlines, in the order to measure;
//! - `FACTSHEET_BENCH_RUNS`: how many rounds (each round measures every page once, so the
//!   pages are interleaved: A, B, C, A, B, C...);
//! - `FACTSHEET_BENCH_OUT`: where to write the samples (JSON: one object per page load).
//!
//! Every load is a fresh Chromium session with a fresh profile and the cache disabled. All
//! timings are taken inside the page (`performance.now()` and event time stamps), so the
//! WebDriver round trips do not count. The summary (medians, ratios, budgets) is xtask's.
//!
//! Each page is loaded twice per round: once to time the first working citation (a real click
//! on the first figure, tried every frame from navigation start, while the page loads) and the
//! long tasks up to 5 s after load; once for everything else (paint, ready, hover, memory).
//! The page named `baseline` is the reference; `timelinejs` is the peer, which has no
//! citations: its ready time is its `loaded` event (`peer:ready`).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::Duration;

use serde_json::{json, Value};
use support::Browser;
use thirtyfour::prelude::*;

/// Installed before any page script: collects paint, layout shift, the ready event, the
/// wasm memory, and the hover timings, in `window.__bench`.
const PROBE: &str = r#"
(function () {
  var b = window.__bench = { cls: 0, ready: null, memories: [], hover: null, longtasks: [] };
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { b.longtasks.push([e.startTime, e.duration]); });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  window.addEventListener("peer:ready", function (e) {
    if (b.ready === null) b.ready = e.timeStamp;
  });
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { if (!e.hadRecentInput) b.cls += e.value; });
    }).observe({ type: "layout-shift", buffered: true });
  } catch (e) {}
  window.addEventListener("factsheet:ready", function (e) {
    if (b.ready === null) b.ready = e.timeStamp;
  }, true);
  // The wasm memory: remember every instance's exported memory.
  function keep(result) {
    var instance = result && (result.instance || result);
    var exports = instance && instance.exports;
    if (exports) {
      Object.keys(exports).forEach(function (k) {
        if (exports[k] instanceof WebAssembly.Memory) b.memories.push(exports[k]);
      });
    }
    return result;
  }
  ["instantiate", "instantiateStreaming"].forEach(function (name) {
    var original = WebAssembly[name];
    if (!original) return;
    WebAssembly[name] = function () { return original.apply(this, arguments).then(keep); };
  });
  var OriginalInstance = WebAssembly.Instance;
  WebAssembly.Instance = function (module, imports) {
    return keep(new OriginalInstance(module, imports));
  };
  WebAssembly.Instance.prototype = OriginalInstance.prototype;
})();
"#;

/// Finds the first figure button (pre-rendered or live), arms the hover probe on it, and
/// returns it. The probe notes the `pointerover` time stamp, then checks every animation
/// frame for its popover: `visible` when it has a box (the baseline's `hidden` popover is
/// shown by CSS alone), `readable` when, in
/// addition, no animation runs on it and its size held for one frame.
const ARM_HOVER: &str = r#"
  var host = document.querySelector("[data-factsheet]");
  var root = host && (host.shadowRoot || host);
  var button = root && root.querySelector(".fs-figure-button");
  if (!button) return null;
  var pop = root.getElementById
    ? root.getElementById(button.getAttribute("aria-controls"))
    : root.querySelector("[id='" + button.getAttribute("aria-controls") + "']");
  var h = window.__bench.hover = { start: null, visible: null, readable: null };
  var last = null;
  function shown() {
    if (!pop || !pop.isConnected) return false;
    var r = pop.getBoundingClientRect();
    var style = getComputedStyle(pop);
    return r.width > 0 && r.height > 0 && style.visibility !== "hidden" && style.display !== "none";
  }
  function frame() {
    // performance.now(), not the frame's start time, which may precede the event.
    var now = performance.now();
    if (shown()) {
      if (h.visible === null) h.visible = now;
      var r = pop.getBoundingClientRect();
      var size = r.width + "x" + r.height + "@" + r.left + "," + r.top;
      var moving = pop.getAnimations({ subtree: true }).some(function (a) { return a.playState === "running"; });
      if (!moving && size === last) { h.readable = now; return; }
      last = size;
    } else {
      last = null;
    }
    if (now - h.start < 5000) requestAnimationFrame(frame);
  }
  button.addEventListener("pointerover", function (e) {
    if (h.start !== null) return;
    h.start = e.timeStamp;
    requestAnimationFrame(frame);
  }, true);
  return button;
"#;

/// Waits for the card to be ready: the `factsheet:ready` event, or for a page without the
/// widget (the baseline), the load event.
const WAIT_READY: &str = r#"
  var done = arguments[arguments.length - 1];
  var widget = arguments[0];
  var started = performance.now();
  (function poll() {
    var b = window.__bench;
    var nav = performance.getEntriesByType("navigation")[0];
    if (widget && b.ready !== null) return done({ ready: b.ready });
    if (!widget && nav && nav.loadEventEnd > 0) return done({ ready: nav.loadEventEnd });
    if (performance.now() - started > 20000) return done({ ready: null });
    setTimeout(poll, 20);
  })();
"#;

/// Collects what the page measured once it has settled.
const COLLECT: &str = r#"
  var b = window.__bench;
  var fcp = performance.getEntriesByName("first-contentful-paint")[0];
  var wasm = b.memories.reduce(function (n, m) { return n + m.buffer.byteLength; }, 0);
  return { fcp: fcp ? fcp.startTime : null, cls: b.cls, wasm_memory: wasm };
"#;

const WAIT_HOVER: &str = r#"
  var done = arguments[arguments.length - 1];
  var started = performance.now();
  (function poll() {
    var h = window.__bench.hover;
    if (h && h.readable !== null) return done(h);
    if (performance.now() - started > 5000) return done(h);
    setTimeout(poll, 20);
  })();
"#;

#[tokio::test]
#[ignore = "driven by `cargo xtask bench`"]
async fn bench() {
    let pages = std::env::var("FACTSHEET_BENCH_PAGES").expect("FACTSHEET_BENCH_PAGES");
    let runs: usize = std::env::var("FACTSHEET_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let out = std::env::var("FACTSHEET_BENCH_OUT").expect("FACTSHEET_BENCH_OUT");
    let pages: Vec<(String, String)> = pages
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(n, u)| (n.to_string(), u.to_string()))
        .collect();
    let mut samples = Vec::new();
    for round in 0..runs {
        for (name, url) in &pages {
            let kind = Kind::of(name);
            let sample = match measure(url, kind).await {
                Ok(mut sample) => {
                    match first_citation(url, kind).await {
                        Ok(first) => {
                            for (key, value) in first.as_object().into_iter().flatten() {
                                sample[key] = value.clone();
                            }
                        }
                        Err(e) => sample["first_error"] = json!(e.to_string()),
                    }
                    if kind == Kind::Widget {
                        match first_wasm_input(url).await {
                            Ok(answer) => sample["first_wasm_input_ms"] = answer,
                            Err(e) => sample["first_wasm_input_error"] = json!(e.to_string()),
                        }
                    }
                    sample["page"] = json!(name);
                    sample["round"] = json!(round);
                    sample
                }
                Err(e) => json!({ "page": name, "round": round, "error": e.to_string() }),
            };
            println!("bench: round {} {name}: {sample}", round + 1);
            samples.push(sample);
        }
    }
    std::fs::write(&out, serde_json::to_string_pretty(&samples).unwrap()).expect("write samples");
}

/// What a page is: the static baseline, the widget, or the peer (no citations).
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Baseline,
    Widget,
    Peer,
}

impl Kind {
    fn of(name: &str) -> Kind {
        match name {
            "baseline" => Kind::Baseline,
            "timelinejs" => Kind::Peer,
            _ => Kind::Widget,
        }
    }
}

const WINDOW: [&str; 2] = ["--window-size=1024,900", "--enable-precise-memory-info"];

async fn measure(url: &str, kind: Kind) -> Result<Value, Box<dyn std::error::Error>> {
    let browser = Browser::start(&WINDOW).await;
    let result = measure_in(&browser.driver, url, kind).await;
    browser.quit().await;
    result
}

async fn measure_in(
    driver: &WebDriver,
    url: &str,
    kind: Kind,
) -> Result<Value, Box<dyn std::error::Error>> {
    let cdp = driver.cdp();
    prepare(driver).await?;
    driver.goto(url).await?;

    let ready = driver
        .execute_async(WAIT_READY, vec![json!(kind != Kind::Baseline)])
        .await?
        .json()
        .clone();
    if ready["ready"].is_null() {
        return Err(format!("{url}: not ready within 20 s").into());
    }
    // Let late layout (footnotes collapsing, fonts) land before reading the shift.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let collected = driver.execute(COLLECT, Vec::new()).await?.json().clone();

    let hover = if kind == Kind::Peer {
        Value::Null
    } else {
        let button = driver
            .execute(ARM_HOVER, Vec::new())
            .await?
            .element()
            .map_err(|e| format!("{url}: no figure button: {e}"))?;
        driver
            .action_chain()
            .move_to_element_center(&button)
            .perform()
            .await?;
        driver
            .execute_async(WAIT_HOVER, Vec::new())
            .await?
            .json()
            .clone()
    };
    let since_start = |key: &str| match (hover[key].as_f64(), hover["start"].as_f64()) {
        (Some(t), Some(start)) => json!(t - start),
        _ => Value::Null,
    };

    cdp.send_raw("HeapProfiler.enable", json!({})).await?;
    cdp.send_raw("HeapProfiler.collectGarbage", json!({}))
        .await?;
    let heap = cdp.send_raw("Runtime.getHeapUsage", json!({})).await?;
    let metrics = cdp.send_raw("Performance.getMetrics", json!({})).await?;
    let metric = |name: &str| {
        metrics["metrics"]
            .as_array()
            .and_then(|all| all.iter().find(|m| m["name"] == name))
            .and_then(|m| m["value"].as_f64())
    };
    let wasm = driver.execute(COLLECT, Vec::new()).await?.json()["wasm_memory"].clone();

    Ok(json!({
        "fcp_ms": collected["fcp"],
        "ready_ms": ready["ready"],
        "hover_visible_ms": since_start("visible"),
        "hover_readable_ms": since_start("readable"),
        "cls": collected["cls"],
        "js_heap_bytes": heap["usedSize"],
        "wasm_memory_bytes": wasm,
        "cpu_ms": metric("TaskDuration").map(|s| s * 1000.0),
        "script_ms": metric("ScriptDuration").map(|s| s * 1000.0),
    }))
}

/// A fresh session's set-up before the page: the cache off, the probe installed.
async fn prepare(driver: &WebDriver) -> Result<(), Box<dyn std::error::Error>> {
    let cdp = driver.cdp();
    driver.goto("about:blank").await?;
    cdp.send_raw("Network.enable", json!({})).await?;
    cdp.send_raw("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await?;
    cdp.send_raw("Performance.enable", json!({})).await?;
    cdp.send_raw("Page.enable", json!({})).await?;
    cdp.send_raw(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": PROBE }),
    )
    .await?;
    Ok(())
}

/// Where the first figure button is (its centre, in viewport pixels), once it is laid out,
/// and when its popover was first seen (ms since navigation start). The first call arms a
/// check on every animation frame: the popover counts as shown when it has a box.
const FIRST_FIGURE: &str = r#"
(function () {
  var f = window.__first || (window.__first = { shown: null, armed: false });
  var host = document.querySelector("[data-factsheet]");
  var root = host && (host.shadowRoot || host);
  var button = root && root.querySelector(".fs-figure-button");
  if (!button) return { shown: f.shown };
  if (!f.armed) {
    f.armed = true;
    (function frame() {
      var b = root.querySelector(".fs-figure-button");
      var id = b && b.getAttribute("aria-controls");
      var pop = id && root.querySelector("[id='" + id + "']");
      if (pop && pop.isConnected) {
        var r = pop.getBoundingClientRect();
        var style = getComputedStyle(pop);
        if (r.width > 0 && r.height > 0 && style.visibility !== "hidden" && style.display !== "none") {
          f.shown = performance.now();
          return;
        }
      }
      requestAnimationFrame(frame);
    })();
  }
  var r = button.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return { shown: f.shown };
  // A page with an article above the card (the demo): bring the figure into view, as a
  // reader scrolling to it would, once.
  if (!f.scrolled && (r.top < 0 || r.bottom > innerHeight)) {
    f.scrolled = true;
    button.scrollIntoView({ block: "center" });
    r = button.getBoundingClientRect();
  }
  return { shown: f.shown, x: r.left + r.width / 2, y: r.top + r.height / 2 };
})()
"#;

/// After the first citation: the load event's end, the long tasks so far, and what was
/// fetched before `shown` (the document and every resource that started before it).
const AFTER_FIRST: &str = r#"
(function () {
  var nav = performance.getEntriesByType("navigation")[0];
  var shown = window.__first ? window.__first.shown : null;
  var fetched = [location.href];
  performance.getEntriesByType("resource").forEach(function (e) {
    if (shown === null || e.startTime <= shown) fetched.push(e.name);
  });
  return {
    load_end: nav ? nav.loadEventEnd : 0,
    now: performance.now(),
    longtasks: window.__bench.longtasks,
    fetched: fetched,
  };
})()
"#;

/// The page's answer to `expression`, by value.
async fn evaluate(
    driver: &WebDriver,
    expression: &str,
) -> Result<Value, Box<dyn std::error::Error>> {
    let answer = driver
        .cdp()
        .send_raw(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true }),
        )
        .await?;
    Ok(answer["result"]["value"].clone())
}

/// A real click at (x, y) in the viewport: the mouse moves there, presses and releases,
/// through the browser's input pipeline.
async fn click_at(driver: &WebDriver, x: f64, y: f64) -> Result<(), Box<dyn std::error::Error>> {
    for kind in ["mouseMoved", "mousePressed", "mouseReleased"] {
        driver
            .cdp()
            .send_raw(
                "Input.dispatchMouseEvent",
                json!({ "type": kind, "x": x, "y": y, "button": "left", "clickCount": 1 }),
            )
            .await?;
    }
    Ok(())
}

/// Time to the first working citation: navigation starts without waiting for anything, and
/// from then on, every frame, a real click (a mouse press and release on the first figure's
/// button, through the browser's input pipeline) until its popover shows. Then the long
/// tasks up to 5 s after the load event, and what was fetched before the citation showed.
/// The peer has no citation: only its long tasks are taken.
async fn first_citation(url: &str, kind: Kind) -> Result<Value, Box<dyn std::error::Error>> {
    let browser = Browser::start(&WINDOW).await;
    let result = first_citation_in(&browser.driver, url, kind).await;
    browser.quit().await;
    result
}

async fn first_citation_in(
    driver: &WebDriver,
    url: &str,
    kind: Kind,
) -> Result<Value, Box<dyn std::error::Error>> {
    let cdp = driver.cdp();
    prepare(driver).await?;
    cdp.send_raw("Page.navigate", json!({ "url": url })).await?;
    let started = std::time::Instant::now();
    let mut shown = Value::Null;
    while kind != Kind::Peer && started.elapsed() < Duration::from_secs(20) {
        let seen = evaluate(driver, FIRST_FIGURE).await.unwrap_or(Value::Null);
        if !seen["shown"].is_null() {
            shown = seen["shown"].clone();
            break;
        }
        if let (Some(x), Some(y)) = (seen["x"].as_f64(), seen["y"].as_f64()) {
            click_at(driver, x, y).await?;
        }
        tokio::time::sleep(Duration::from_millis(16)).await;
    }
    if kind != Kind::Peer && shown.is_null() {
        return Err(format!("{url}: no citation showed within 20 s of navigation").into());
    }
    // Long tasks until 5 s after the load event.
    let after = loop {
        let after = evaluate(driver, AFTER_FIRST).await?;
        let load_end = after["load_end"].as_f64().unwrap_or(0.0);
        let now = after["now"].as_f64().unwrap_or(0.0);
        if load_end > 0.0 && now >= load_end + 5000.0 {
            break after;
        }
        if started.elapsed() > Duration::from_secs(40) {
            return Err(format!("{url}: no load event within 35 s").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let tasks: Vec<f64> = after["longtasks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| t[1].as_f64())
        .collect();
    Ok(json!({
        "first_citation_ms": shown,
        "longest_task_ms": tasks.iter().copied().fold(0.0, f64::max),
        "tbt_ms": tasks.iter().fold(0.0, |sum, d| sum + (d - 50.0).max(0.0)),
        "long_tasks": tasks.len(),
        "fetched_before_citation": after["fetched"],
    }))
}

/// The theme switch: its centre once laid out and shown (scrolled into view once), and, once clicked,
/// how long after the click's time stamp its `aria-pressed` changed (checked every frame).
const THEME_SWITCH: &str = r#"
(function () {
  var t = window.__theme || (window.__theme = { clicked: null, answered: null, armed: false });
  var host = document.querySelector("[data-factsheet]");
  var root = host && (host.shadowRoot || host);
  var button = root && root.querySelector(".fs-theme");
  if (!button) return { answered: t.answered, clicked: t.clicked };
  if (!t.armed) {
    t.armed = true;
    var before = button.getAttribute("aria-pressed");
    root.addEventListener("click", function (e) {
      if (t.clicked === null && e.composedPath().some(function (n) {
        return n.classList && n.classList.contains("fs-theme");
      })) t.clicked = e.timeStamp;
    }, true);
    (function frame() {
      var b = root.querySelector(".fs-theme");
      if (t.clicked !== null && b && b.getAttribute("aria-pressed") !== before) {
        t.answered = performance.now() - t.clicked;
        return;
      }
      requestAnimationFrame(frame);
    })();
    button.scrollIntoView({ block: "center" });
  }
  var r = button.getBoundingClientRect();
  // A reader clicks what is shown: a switch hidden until the loader is there is not clicked.
  if (r.width === 0 || r.height === 0 || getComputedStyle(button).visibility !== "visible") {
    return { answered: t.answered, clicked: t.clicked };
  }
  return { answered: t.answered, clicked: t.clicked, x: r.left + r.width / 2, y: r.top + r.height / 2 };
})()
"#;

/// The first input that needs the wasm: one real click on the theme switch as soon as it is
/// on screen (navigation does not wait), and the time from that click until the switch
/// answers, or `null` when it has not within 5 s (an input lost before the wasm ran).
async fn first_wasm_input(url: &str) -> Result<Value, Box<dyn std::error::Error>> {
    let browser = Browser::start(&WINDOW).await;
    let result = first_wasm_input_in(&browser.driver, url).await;
    browser.quit().await;
    result
}

async fn first_wasm_input_in(
    driver: &WebDriver,
    url: &str,
) -> Result<Value, Box<dyn std::error::Error>> {
    let cdp = driver.cdp();
    prepare(driver).await?;
    cdp.send_raw("Page.navigate", json!({ "url": url })).await?;
    let started = std::time::Instant::now();
    let mut clicked_at = None;
    while started.elapsed() < Duration::from_secs(20) {
        let seen = evaluate(driver, THEME_SWITCH).await.unwrap_or(Value::Null);
        if !seen["answered"].is_null() {
            return Ok(seen["answered"].clone());
        }
        match (clicked_at, seen["x"].as_f64(), seen["y"].as_f64()) {
            (None, Some(x), Some(y)) => {
                click_at(driver, x, y).await?;
                clicked_at = Some(std::time::Instant::now());
            }
            (Some(at), _, _) if at.elapsed() > Duration::from_secs(5) => return Ok(Value::Null),
            _ => {}
        }
        tokio::time::sleep(Duration::from_millis(16)).await;
    }
    Err(format!("{url}: no theme switch within 20 s of navigation").into())
}
