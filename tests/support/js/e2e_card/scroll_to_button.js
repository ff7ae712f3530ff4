// WebDriver script (a function body: `arguments`, `return`).
// Scrolls the live card's button controlling popover arguments[0] to arguments[1] (a
// `scrollIntoView` block: start, center, end) and returns it, or null if there is none.
// The live card; before the wasm has taken it over (a test that holds the wasm), the page's
// pre-rendered card.
const host = document.querySelector("[data-factsheet][data-factsheet-live]")
    || document.querySelector("[data-factsheet]");
const root = host.shadowRoot || host;
const button = root.querySelector(`[aria-controls="${arguments[0]}"]`);
if (!button) return null;
button.scrollIntoView({ block: arguments[1], inline: "nearest" });
return button;
