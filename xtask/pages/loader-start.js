// When the wasm starts. A pre-rendered card reads at first paint and its citations open
// (loader-popovers.js), so the wasm (the bulk of the widget's bytes, and a long task to
// start) waits for the first of:
// - a card that needs rendering: a host without a pre-rendered card, or with one rendered for
//   other settings than it asks for (`data-prerendered` against its attributes), a sheet by
//   URL, a theme the pre-render cannot show (the reader chose one before, or the page around
//   declares one scheme only: the pre-render follows the system), hosts added later;
// - the reader reaching for a control only the wasm works (the theme switch, "Copy link",
//   "Cite this"): a pointer over it, a press or focus starts the wasm, and a click on it is
//   not lost: it is made again once its card is live;
// - idle after the load event (`requestIdleCallback`; in the task after it where there is
//   none): the start is several tasks (the sheet read, the formatters, then the hydration a
//   piece at a time, see mount.rs), so a reader's input waits for at most one of them.
// `let`, so it stays inside the loader's block, out of the page's globals.
let startWhenNeeded = function (start) {
  var d = document, HOSTS = "[data-factsheet], fact-sheet", CONTROLS = ".fs-theme, .fs-action";
  // Set on the hosts seen here: their wasm-only controls are shown (the stylesheet), since an
  // input on them is now caught.
  var WAITING = "data-factsheet-waiting";
  var started = false, clicked = [], watcher;
  function go() {
    if (started) return;
    started = true;
    if (watcher) watcher.disconnect();
    start();
  }
  // A declared `color-scheme` that names one scheme only.
  function one(value) { return /light/i.test(value) != /dark/i.test(value); }
  // Whether a host's pre-rendered card is what it asks for, so only the reader needs the wasm.
  function ready(host) {
    var custom = host.localName == "fact-sheet", root = host.shadowRoot;
    var get = function (name) {
      var value = host.getAttribute(custom ? name : "data-" + name);
      return value == null ? value : value.trim();
    };
    var meta = d.querySelector("meta[name='color-scheme' i]");
    var asked = [
      get("lang") ?? (d.documentElement.lang || "en"),
      get("theme") || "auto",
      (get("headings") || "h2").toLowerCase(),
      get("view") || "glance"
    ].join(" ");
    return !!(root && root.querySelector(".fs-root > *")) &&
      get("src") == null && get("timeout") == null &&
      host.getAttribute("data-prerendered") == asked &&
      !one(getComputedStyle(host.parentElement || d.documentElement).colorScheme) &&
      !(meta && one(meta.content));
  }
  // `again`: hosts seen before too (their attributes may have changed since).
  function check(again) {
    try {
      if (localStorage.getItem("factsheet-theme")) go();
    } catch (e) {
      // No storage here (a sandboxed frame, blocked site data): no choice was kept.
    }
    var hosts = d.querySelectorAll(HOSTS);
    for (var i = 0; i < hosts.length; i++) {
      var host = hosts[i];
      if (host.hasAttribute(WAITING) && again !== true) continue;
      host.setAttribute(WAITING, "");
      if (!ready(host)) go();
      else if (matchMedia("(prefers-color-scheme: dark)").matches) {
        // The pre-render's switch says "light" (the build knows no system); the card shows
        // the system's theme.
        host.shadowRoot.querySelector(".fs-theme")?.setAttribute("aria-pressed", "true");
      }
    }
  }
  ["pointerover", "pointerdown", "focusin", "click"].forEach(function (type) {
    d.addEventListener(type, function (e) {
      var target = e.composedPath()[0];
      var control = target.closest && target.closest(CONTROLS);
      var root = control && control.getRootNode(), host = root && root.host;
      // Once the wasm has mounted the card (it renders or hydrates within that task), or has
      // hydrated the piece of it the control is in (a pre-rendered card is hydrated a piece
      // at a time, see mount.rs), the control is Yew's, even before the card says it is
      // live: a click made again would undo the reader's.
      if (!host || host.hasAttribute("data-factsheet-mounted") || control.closest("[data-piece-live]")) return;
      go();
      if (type != "click") return;
      // Remembered by its place among the card's controls: a card rendered afresh has others.
      // A reader who clicks twice while waiting asked once.
      var at = [].indexOf.call(root.querySelectorAll(CONTROLS), control);
      if (!clicked.some(function (c) { return c[0] == host && c[1] == at; })) clicked.push([host, at]);
    }, true);
  });
  d.addEventListener("factsheet:ready", function (e) {
    clicked = clicked.filter(function (c) {
      if (c[0] != e.target) return true;
      // After the card's first updates (the theme the browser reports), so the click acts on
      // the card as the reader sees it.
      setTimeout(function () {
        var control = c[0].shadowRoot.querySelectorAll(CONTROLS)[c[1]];
        if (control) control.click();
      });
      return false;
    });
  }, true);
  function idle() {
    setTimeout(function () {
      if (window.requestIdleCallback) requestIdleCallback(go, { timeout: 2000 });
      else go();
    });
  }
  function begin() {
    check();
    if (started) return;
    watcher = new MutationObserver(check);
    watcher.observe(d.documentElement, { childList: true, subtree: true });
    if (d.readyState == "complete") idle();
    else addEventListener("load", idle);
  }
  if (d.readyState == "loading") d.addEventListener("DOMContentLoaded", begin);
  else {
    // A deferred script runs before DOMContentLoaded, when a page's own script may still
    // change its hosts (the frame page gives its host a `data-src`): they are checked again.
    begin();
    d.addEventListener("DOMContentLoaded", function () { check(true); });
  }
};
