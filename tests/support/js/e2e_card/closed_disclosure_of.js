// WebDriver script (a function body: `arguments`, `return`).
// The summary of the closed disclosure (`<details>`) holding the live card's button that
// controls popover arguments[0], scrolled into view; null when the button is not in one.
// The live card; before the wasm has taken it over (a test that holds the wasm), the page's
// pre-rendered card.
const host = document.querySelector("[data-factsheet][data-factsheet-live]")
    || document.querySelector("[data-factsheet]");
const root = host.shadowRoot || host;
const button = root.querySelector(`[aria-controls="${arguments[0]}"]`);
const details = button && button.closest("details:not([open])");
if (!details) return null;
const summary = details.querySelector("summary");
summary.scrollIntoView({ block: "center" });
return summary;
