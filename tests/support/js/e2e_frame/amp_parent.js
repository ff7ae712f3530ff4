// A page script: the host side of AMP's resizable iframe as documented for amp-iframe, and
// nothing of ours: `{sentinel: "amp", type: "embed-size", height}` from the frame's window
// sets its height.
(function () {
  var frame = document.querySelector("iframe");
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.source !== frame.contentWindow || !data || data.sentinel !== "amp" || data.type !== "embed-size") return;
    frame.style.height = data.height + "px";
  });
})();
