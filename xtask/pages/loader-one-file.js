// The one-file page's loader: the wasm is in the page, gzip-compressed (a third fewer bytes
// for the page); the browser's own DecompressionStream unpacks it, with no fetch, so this
// works from file:// too. Unpacked only when needed (`startWhenNeeded`).
startWhenNeeded(function () {
  var text = atob("WASM_GZIP_BASE64");
  var bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  var unpacked = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  new Response(unpacked).arrayBuffer().then(function (wasm) {
    return wasm_bindgen({ module_or_path: wasm });
  }).catch(function (err) {
    console.error("factsheet: the widget could not start", err);
    markFailed();
  });
});
