// Installed before any page script: keeps every wasm memory the page instantiates, so the
// test can read its size (the loader keeps the glue out of the page's globals).
(function () {
  var memories = window.__wasmMemories = [];
  function keep(result) {
    var instance = result && (result.instance || result);
    var exports = instance && instance.exports;
    if (exports) {
      Object.keys(exports).forEach(function (k) {
        if (exports[k] instanceof WebAssembly.Memory) memories.push(exports[k]);
      });
    }
    return result;
  }
  ["instantiate", "instantiateStreaming"].forEach(function (name) {
    var original = WebAssembly[name];
    if (original) WebAssembly[name] = function () { return original.apply(this, arguments).then(keep); };
  });
})();
