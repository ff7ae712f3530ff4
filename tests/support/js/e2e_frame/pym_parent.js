// A page script: the host side of Pym.js's protocol as its documentation describes it, and
// nothing of ours. The frame's URL names it (`childId=fs-pym`, as Pym's parent adds); the
// parent sends its width (`pymxPYMx<id>xPYMxwidthxPYMx<px>`) and takes the height from
// string messages `pymxPYMx<id>xPYMxheightxPYMx<px>`, setting the frame's height attribute.
(function () {
  var id = "fs-pym";
  var frame = document.getElementById(id + "-frame");
  var pattern = new RegExp("^pymxPYMx" + id + "xPYMx(\\S+)xPYMx(.*)$");
  window.addEventListener("message", function (event) {
    if (typeof event.data !== "string" || event.source !== frame.contentWindow) return;
    var match = pattern.exec(event.data);
    if (match && match[1] === "height") frame.setAttribute("height", parseInt(match[2], 10) + "px");
  });
  frame.addEventListener("load", function () {
    frame.contentWindow.postMessage("pymxPYMx" + id + "xPYMxwidthxPYMx" + frame.offsetWidth, "*");
  });
})();
