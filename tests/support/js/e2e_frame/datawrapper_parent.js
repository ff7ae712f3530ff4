// A page script: the host side of Datawrapper's responsive embeds, and nothing of ours:
// `{"datawrapper-height": {<id>: height}}` sets the height of the frame that sent it.
(function () {
  var frame = document.querySelector("iframe");
  window.addEventListener("message", function (event) {
    var heights = event.data && event.data["datawrapper-height"];
    if (!heights || event.source !== frame.contentWindow) return;
    for (var id in heights) frame.style.height = heights[id] + "px";
  });
})();
