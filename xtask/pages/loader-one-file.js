// The one-file page's loader: the wasm is in the page, gzip-compressed (a third fewer bytes
// for the page); the browser's own DecompressionStream unpacks it, with no fetch, so this
// works from file:// too. Unpacked only when needed (`startWhenNeeded`).
// The base64 is decoded by the engine where it can (`Uint8Array.fromBase64`: Chromium 140,
// Firefox 133, Safari 18.2); the loop older engines need took 46 ms of the start's first task
// in a traced load of this page (headless Chromium, 2 cores): a long task by itself.
startWhenNeeded(function () {
  var base64 = "WASM_GZIP_BASE64", bytes;
  if (Uint8Array.fromBase64) bytes = Uint8Array.fromBase64(base64);
  else {
    var text = atob(base64);
    bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  }
  var unpacked = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  new Response(unpacked).arrayBuffer().then(function (wasm) {
    return wasm_bindgen({ module_or_path: wasm });
  }).catch(function (err) {
    console.error("factsheet: the widget could not start", err);
    markFailed();
  });
});
