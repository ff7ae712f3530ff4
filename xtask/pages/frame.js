// The iframe page's two jobs besides the card: take the sheet's URL from `?src=`, and tell
// the host page how tall the content is, from the first styled paint and on every change, so
// the host can size the frame with no scrollbar, no blank space and no cut-off popover. It
// says so in four dialects: ours (frame-host.js), Pym.js's, AMP's and Datawrapper's, so hosts
// that already speak one of them need nothing of ours. Runs before the widget's deferred
// script.
(function () {
  var params = new URLSearchParams(location.search);
  var src = params.get("src");
  // Pym.js's parent puts its frame's name in the URL it loads; its messages must carry it.
  var pymId = params.get("childId");
  var root = document.documentElement;
  var sent = 0;
  // No height is told before every stylesheet has arrived: until then the card is laid out
  // unstyled, far taller than it will be.
  var styled = false;
  var watched = null;
  var pending = 0;
  var widthless = 0;

  function host() {
    return document.querySelector("[data-factsheet]");
  }

  // The content's own height: the <html> box (its height is auto, so unlike scrollHeight it
  // can shrink below the frame's current height), extended by any open popover hanging below
  // it (a popover is placed inside the viewport: the frame must not shrink under it).
  // Measured at the frame's full width: while the
  // frame is shorter than its content, a scrollbar narrows the card and makes it taller than
  // it will be once the frame fits, so the scrollbar is hidden for the measurement (nothing
  // is painted in between).
  function contentHeight() {
    root.classList.add("fs-frame-measuring");
    var height = root.getBoundingClientRect().height;
    var el = host();
    var shadow = el && el.shadowRoot;
    if (shadow) {
      var open = shadow.querySelectorAll(".fs-popover:popover-open");
      for (var i = 0; i < open.length; i++) {
        height = Math.max(height, open[i].getBoundingClientRect().bottom + window.scrollY);
      }
    }
    root.classList.remove("fs-frame-measuring");
    return Math.ceil(height);
  }

  function report(again) {
    if (!styled || parent === window) return;
    // Until the host page lays the frame out, the frame's viewport is 0 px wide and the card,
    // squeezed into it, some 24,000 px tall: that is what frames told their hosts. A frame
    // the browser does not render (Chromium's off-screen cross-origin frames) gets its width
    // without any event this script hears, so it looks again shortly, for a few seconds;
    // after that its resize observer reports when it is shown.
    if (!window.innerWidth) {
      if (widthless++ < 50) setTimeout(report, 100, again);
      return;
    }
    var height = contentHeight();
    if (!(height > 0) || (height === sent && again !== true)) return;
    sent = height;
    // The frame's origin is opaque under sandbox="allow-scripts", so no target origin can be
    // named; the messages hold nothing but the height (and the name the host gave).
    parent.postMessage({ type: "factsheet:height", height: height }, "*");
    parent.postMessage({ sentinel: "amp", type: "embed-size", height: height }, "*");
    var datawrapper = {};
    datawrapper[pymId || "factsheet"] = height;
    parent.postMessage({ "datawrapper-height": datawrapper }, "*");
    if (pymId) parent.postMessage("pymxPYMx" + pymId + "xPYMxheightxPYMx" + height, "*");
  }

  // Changes to the card's tree are measured once the batch is over (the widget renders in
  // microtasks), so a half-applied update is never told.
  var queued = false;
  function reportSoon() {
    if (queued) return;
    queued = true;
    setTimeout(function () {
      queued = false;
      report();
    }, 0);
  }

  // Mutations are seen in frames a browser does not render (Chromium pauses resize
  // observers in cross-origin frames that are off screen): the card turning into footnotes
  // when the wasm is blocked, hydration, a popover or disclosure opening.
  function watch(shadow) {
    if (!shadow || watched === shadow) return;
    watched = shadow;
    new MutationObserver(reportSoon).observe(shadow, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  }

  function settled() {
    if (--pending > 0) return;
    styled = true;
    report();
  }

  function waitForStylesheets() {
    var el = host();
    var links = [].slice.call(document.querySelectorAll('link[rel~="stylesheet"]'));
    if (el && el.shadowRoot) {
      links = links.concat([].slice.call(el.shadowRoot.querySelectorAll('link[rel~="stylesheet"]')));
    }
    pending = 1;
    links.forEach(function (link) {
      if (link.sheet) return;
      pending++;
      link.addEventListener("load", settled);
      // A stylesheet that fails leaves the card as it will stay: measure that.
      link.addEventListener("error", settled);
    });
    settled();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var el = host();
    if (el && src) {
      el.setAttribute("data-src", src);
      // The pre-rendered card is the built-in sheet: do not show it for another sheet.
      el.removeAttribute("data-prerendered");
      var shadow = el.shadowRoot;
      var card = shadow && shadow.querySelector(".fs-root");
      if (card) card.textContent = "";
    }
    if (el) {
      watch(el.shadowRoot);
      // `data-factsheet-failed` (footnotes) and `data-factsheet-live` change the layout.
      new MutationObserver(reportSoon).observe(el, { attributes: true });
    }
    if (window.ResizeObserver) new ResizeObserver(function () { report(); }).observe(root);
    waitForStylesheets();
  });
  window.addEventListener("load", function () { report(); });
  window.addEventListener("resize", function () { report(); });

  document.addEventListener("factsheet:ready", function (event) {
    watch(event.target && event.target.shadowRoot);
    report();
  });

  // A host script that arrives after the first report asks again (frame-host.js sends
  // `factsheet:measure`, Pym.js's parent sends its width), and gets the height even if
  // unchanged.
  window.addEventListener("message", function (event) {
    if (event.source !== parent) return;
    var data = event.data;
    var pymWidth = pymId && "pymxPYMx" + pymId + "xPYMxwidthxPYMx";
    if ((data && data.type === "factsheet:measure") ||
        (pymWidth && typeof data === "string" && data.indexOf(pymWidth) === 0)) {
      report(true);
    }
  });
})();
