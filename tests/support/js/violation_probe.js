// Installed before any page script (`Page.addScriptToEvaluateOnNewDocument`, which runs it in
// the page and in each of its frames): records every `securitypolicyviolation` event, the
// DOM's own report of a Content-Security-Policy or Trusted Types violation.
(function () {
  var seen = window.__policyViolations = [];
  window.addEventListener("securitypolicyviolation", function (e) {
    seen.push(e.effectiveDirective + " blocked " + e.blockedURI + " (" + e.sample + ") at "
      + e.sourceFile + ":" + e.lineNumber);
  }, true);
})();
