// factsheet loader: everything is resolved against this script's own URL. The glue is an ES
// module fetched with the wasm, when the wasm is needed (`startWhenNeeded`): `import()` is
// allowed under a `script-src` that allows this script, and is no Trusted Types sink.
(function () {
  var script = document.currentScript;
  var base = script && script.src ? script.src : document.baseURI;
  function beside(name) { return new URL(name, base).href; }
  startWhenNeeded(function () {
    // The wasm is requested with the glue, not after it: one round trip fewer.
    var wasm = fetch(beside("factsheet_bg.wasm"));
    // Its failure is the glue's to report; if the glue fails first, that one is reported.
    wasm.catch(function () {});
    import(beside("factsheet_glue.js")).then(function (glue) {
      return glue.default({ module_or_path: wasm });
    }).catch(function (err) {
      console.error("factsheet: the widget could not start", err);
      markFailed();
    });
  });
})();
