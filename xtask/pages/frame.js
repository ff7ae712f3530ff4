// The iframe page's two jobs besides the card: take the sheet's URL from `?src=`, and tell
// the host page how tall the content is, whenever that changes, so the host can size the
// frame with no scrollbar and no cut-off popover. Runs before the widget's deferred script.
(function () {
  var src = new URLSearchParams(location.search).get("src");

  function host() {
    return document.querySelector("[data-factsheet]");
  }

  function report() {
    var height = Math.ceil(document.documentElement.scrollHeight);
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
    report();
    if (window.ResizeObserver) new ResizeObserver(report).observe(document.body);
  });

  // Popovers are absolutely placed: they change the scroll height, not the body's size.
  document.addEventListener("factsheet:ready", function (event) {
    var shadow = event.target && event.target.shadowRoot;
    if (shadow) {
      new MutationObserver(report).observe(shadow, { subtree: true, childList: true, attributes: true });
    }
    report();
  });
})();
