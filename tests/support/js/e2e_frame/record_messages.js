// A page script (served beside the test's host page, before frame-host.js): keeps every
// message the page receives, in order, with the time and whether it came from the frame, for
// the test to read back (window.factsheetMessages).
window.factsheetMessages = [];
window.addEventListener("message", function (event) {
  var frame = document.querySelector("iframe");
  window.factsheetMessages.push({
    at: Math.round(performance.now()),
    fromFrame: !!frame && event.source === frame.contentWindow,
    data: event.data,
  });
});
