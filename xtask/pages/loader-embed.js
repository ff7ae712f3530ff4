// factsheet loader: everything is resolved against this script's own URL. The glue is an ES
// module fetched with the wasm, when the wasm is needed (`startWhenNeeded`): `import()` is
// allowed under a `script-src` that allows this script, and is no Trusted Types sink.
(function () {
  var script = document.currentScript;
  var base = script && script.src ? script.src : document.baseURI;
  function beside(name) { return new URL(name, base).href; }
  startWhenNeeded(function () {
    import(beside("factsheet_glue.js")).then(function (glue) {
      return glue.default({ module_or_path: beside("factsheet_bg.wasm") });
    }).catch(function (err) {
      console.error("factsheet: the widget could not start", err);
      markFailed();
    });
  });
})();
