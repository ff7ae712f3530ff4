// WebDriver asynchronous script (a function body: `arguments`, the last one is the callback).
// Every layout shift since navigation, buffered by the browser, with what moved (for the
// message): the element, and its box before and after.
const done = arguments[arguments.length - 1];
const seen = [];
const box = r => r && [r.x, r.y, r.width, r.height].map(Math.round);
const name = n => !n ? "?" : n.nodeType === 1
  ? n.tagName.toLowerCase() + (n.className ? "." + String(n.className).split(" ").join(".") : "")
  : "#text " + JSON.stringify((n.textContent || "").slice(0, 40));
new PerformanceObserver(list => {
  for (const e of list.getEntries()) seen.push({
    value: e.value,
    at: Math.round(e.startTime),
    moved: (e.sources || []).map(s => [name(s.node), box(s.previousRect), box(s.currentRect)]),
  });
}).observe({ type: "layout-shift", buffered: true });
setTimeout(() => done(seen), 500);
