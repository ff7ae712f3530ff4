// factsheet loader: everything is resolved against this script's own URL.
(function () {
  var script = document.currentScript;
  var base = script && script.src ? script.src : document.baseURI;
  function beside(name) { return new URL(name, base).href; }
  function start() {
    wasm_bindgen({ module_or_path: beside("factsheet_bg.wasm") }).catch(function (err) {
      console.error("factsheet: the widget could not start", err);
      markFailed();
    });
  }
  // The wasm start function mounts into [data-factsheet] elements, so they must exist.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
