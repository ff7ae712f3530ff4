// WebDriver script (a function body: `arguments`, `return`).
// Where focus is: "" outside the card, the `aria-controls` of the citation button whose group
// (button and popover) holds it, "+" on the summary of a closed disclosure, or "-" elsewhere
// in the card.
// The live card; before the wasm has taken it over (a test that holds the wasm), the page's
// pre-rendered card.
const host = document.querySelector("[data-factsheet][data-factsheet-live]")
    || document.querySelector("[data-factsheet]");
const root = host && (host.shadowRoot || host);
const active = host && host.shadowRoot ? host.shadowRoot.activeElement : document.activeElement;
if (!root || !active || !root.contains(active) || active === host) return "";
if (active.matches("summary") && !active.parentElement.open) return "+";
const group = active.closest(".fs-cited");
const button = group && group.querySelector(".fs-figure-button");
return button ? button.getAttribute("aria-controls") : "-";
