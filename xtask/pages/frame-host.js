// Host side of the iframe embed: sizes each `<iframe data-factsheet-frame>` to the height its
// page reports. A message counts only when it comes from one of those frames' windows and from
// the frame's origin ("null" for a sandboxed frame without allow-same-origin).
(function () {
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "factsheet:height" || typeof data.height !== "number") return;
    var frames = document.querySelectorAll("iframe[data-factsheet-frame]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var sandboxed = frame.hasAttribute("sandbox") && !/allow-same-origin/.test(frame.getAttribute("sandbox"));
      var expected = sandboxed ? "null" : new URL(frame.src, location.href).origin;
      if (event.origin !== expected) return;
      var height = Math.max(0, Math.min(Math.ceil(data.height), 100000));
      frame.style.height = height + "px";
    }
  });
})();
