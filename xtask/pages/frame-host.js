// Host side of the iframe embed: sizes each `<iframe data-factsheet-frame>` to the height its
// page reports, shrinking as well as growing. A message counts only when it comes from one of
// those frames' windows and from the frame's origin ("null" for a sandboxed frame without
// allow-same-origin), and only with a height a card can have: a number, finite, not negative
// and at most TALLEST; anything else is ignored, not obeyed, so a broken or hostile frame
// cannot open a gulf in the page.
(function () {
  var TALLEST = 100000;
  var selector = "iframe[data-factsheet-frame]";

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "factsheet:height") return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height < 0 || height > TALLEST) return;
    var frames = document.querySelectorAll(selector);
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var sandboxed = frame.hasAttribute("sandbox") && !/allow-same-origin/.test(frame.getAttribute("sandbox"));
      var expected = sandboxed ? "null" : new URL(frame.src, location.href).origin;
      if (event.origin === expected) frame.style.height = Math.ceil(height) + "px";
      return;
    }
  });

  // Frames that told their height before this script ran were not heard: ask them again.
  var frames = document.querySelectorAll(selector);
  for (var i = 0; i < frames.length; i++) {
    if (frames[i].contentWindow) frames[i].contentWindow.postMessage({ type: "factsheet:measure" }, "*");
  }
})();
