// The iframe page's two jobs besides the card: take the sheet's URL from `?src=`, and tell
// the host page how tall the content is, whenever that changes, so the host can size the
// frame with no scrollbar, no blank space and no cut-off popover. Runs before the widget's
// deferred script.
(function () {
  var src = new URLSearchParams(location.search).get("src");
  var last = 0;

  function host() {
    return document.querySelector("[data-factsheet]");
  }

  // The content's own height: the <html> box (its height is auto, so unlike scrollHeight it
  // can shrink below the frame's current height), extended by any open popover hanging
  // below it, since popovers are absolutely placed.
  function contentHeight() {
    var height = document.documentElement.getBoundingClientRect().height;
    var el = host();
    var shadow = el && el.shadowRoot;
    if (shadow) {
      var open = shadow.querySelectorAll(".fs-popover:not([hidden])");
      for (var i = 0; i < open.length; i++) {
        height = Math.max(height, open[i].getBoundingClientRect().bottom + window.scrollY);
      }
    }
    return Math.ceil(height);
  }

  function report() {
    var height = contentHeight();
    if (height <= 0 || height === last) return;
    last = height;
    // The frame's origin is opaque under sandbox="allow-scripts", so no target origin can be
    // named; the message holds nothing but the height.
    parent.postMessage({ type: "factsheet:height", height: height }, "*");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var el = host();
    if (el && src) {
      el.setAttribute("data-src", src);
      // The pre-rendered card is the built-in sheet: do not show it for another sheet.
      el.removeAttribute("data-prerendered");
      var shadow = el.shadowRoot;
      var root = shadow && shadow.querySelector(".fs-root");
      if (root) root.textContent = "";
    }
    if (window.ResizeObserver) new ResizeObserver(report).observe(document.documentElement);
  });
  // Stylesheets are in by now; before, the unstyled card is far taller than the real one.
  window.addEventListener("load", report);

  document.addEventListener("factsheet:ready", function (event) {
    var shadow = event.target && event.target.shadowRoot;
    if (shadow) {
      new MutationObserver(report).observe(shadow, { subtree: true, childList: true, attributes: true });
    }
    report();
  });
})();
