// WebDriver asynchronous script (a function body: `arguments`, the last one is the callback).
// The violations seen in this document: the events violation_probe.js recorded and the
// reports a ReportingObserver gets from the document's buffer.
const done = arguments[arguments.length - 1];
const seen = (window.__policyViolations || []).map(v => "event: " + v);
// Firefox has no ReportingObserver: there the events are the one channel.
if (!window.ReportingObserver) { done(seen); return; }
const observer = new ReportingObserver(reports => {
    for (const r of reports) seen.push("report: " + r.body.effectiveDirective + " blocked "
        + r.body.blockedURL + " (" + r.body.sample + ") at " + r.body.sourceFile + ":" + r.body.lineNumber);
}, { types: ["csp-violation"], buffered: true });
observer.observe();
setTimeout(() => { observer.takeRecords(); done(seen); }, 300);
