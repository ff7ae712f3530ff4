let markFailed = function () {
  var hosts = document.querySelectorAll("[data-factsheet], fact-sheet");
  for (var i = 0; i < hosts.length; i++) hosts[i].setAttribute("data-factsheet-failed", "");
};
// <fact-sheet>, the custom element form of a host: defined here, with nothing of its own to
// do (the wasm mounts it like any host), so that a page's `fact-sheet:not(:defined)` rules
// stop applying once the widget's script runs.
if (window.customElements && !customElements.get("fact-sheet")) {
  customElements.define("fact-sheet", class extends HTMLElement {});
}
