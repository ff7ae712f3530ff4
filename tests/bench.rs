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
  var b = window.__bench = { cls: 0, ready: null, memories: [], hover: null };
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
            let widget = name != "baseline";
            let sample = match measure(url, widget).await {
                Ok(mut sample) => {
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

async fn measure(url: &str, widget: bool) -> Result<Value, Box<dyn std::error::Error>> {
    let browser = Browser::start(&["--window-size=1024,900", "--enable-precise-memory-info"]).await;
    let result = measure_in(&browser.driver, url, widget).await;
    browser.quit().await;
    result
}

async fn measure_in(
    driver: &WebDriver,
    url: &str,
    widget: bool,
) -> Result<Value, Box<dyn std::error::Error>> {
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
    driver.goto(url).await?;

    let ready = driver
        .execute_async(WAIT_READY, vec![json!(widget)])
        .await?
        .json()
        .clone();
    if ready["ready"].is_null() {
        return Err(format!("{url}: not ready within 20 s").into());
    }
    // Let late layout (footnotes collapsing, fonts) land before reading the shift.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let collected = driver.execute(COLLECT, Vec::new()).await?.json().clone();

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
    let hover = driver
        .execute_async(WAIT_HOVER, Vec::new())
        .await?
        .json()
        .clone();
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
