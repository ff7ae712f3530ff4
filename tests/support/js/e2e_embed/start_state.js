// WebDriver script (a function body: `arguments`, `return`).
// The first host's state (live, waiting for its wasm, its theme switch, the card's theme),
// where the page's loading is, and when (ms from navigation) the widget's glue and wasm were
// requested, if they were, and the load event ended.
const host = document.querySelector("[data-factsheet]");
const root = host && host.shadowRoot;
const toggle = root && root.querySelector(".fs-theme");
const card = root && root.querySelector(".factsheet");
const requested = {};
for (const entry of performance.getEntriesByType("resource")) {
  const name = entry.name.split("/").pop();
  if (name === "factsheet_glue.js" || name === "factsheet_bg.wasm") requested[name] = entry.startTime;
}
const navigation = performance.getEntriesByType("navigation")[0];
return {
  live: !!host && host.hasAttribute("data-factsheet-live"),
  waiting: !!host && host.hasAttribute("data-factsheet-waiting"),
  pressed: toggle ? toggle.getAttribute("aria-pressed") : null,
  shown: !!toggle && getComputedStyle(toggle).visibility === "visible",
  theme: card ? card.getAttribute("data-theme") : null,
  ready_state: document.readyState,
  requested: requested,
  load_end: navigation ? navigation.loadEventEnd : 0,
  url: location.href,
};
