// WebDriver asynchronous script (a function body: `arguments`, the last one is the callback).
// Runs axe-core (already loaded) on the card's host and hands back its violations, the
// number of rules passed and what needs review, as JSON.
const done = arguments[arguments.length - 1];
axe.run({ include: [["[data-factsheet]"]] }, { resultTypes: ["violations"] })
  .then(r => done(JSON.stringify({
      version: axe.version,
      violations: r.violations.map(v => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map(n => ({ target: n.target, html: n.html, why: n.failureSummary })),
      })),
      passes: r.passes.length,
      // What axe could not decide, with its reason for each element (printed, not failed:
      // a person looks at these).
      incomplete: r.incomplete.map(i => ({
          id: i.id,
          nodes: i.nodes.map(n => [n.target.join(" "), ((n.any[0] || {}).message || "").slice(0, 120)]),
      })),
  })))
  .catch(e => done(JSON.stringify({ error: String(e) })));
