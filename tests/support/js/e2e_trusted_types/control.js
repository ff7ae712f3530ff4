// Served as tt-control.js to the control pages: assigns a string to `innerHTML`, which Trusted
// Types must block (a TypeError) and report, and records the outcome for the test.
document.addEventListener("DOMContentLoaded", function () {
  var target = document.getElementById("sink");
  try {
    target.innerHTML = "<b>a string in an HTML sink</b>";
    window.__sinkOutcome = "assigned: " + target.innerHTML;
  } catch (e) {
    window.__sinkOutcome = "blocked: " + e.name;
  }
});
