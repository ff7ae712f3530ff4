// WebDriver script (a function body: `arguments`, `return`).
// Everything a reader can click in the live card, in document order: shown buttons, summaries
// and links within the page (`#…`; links to other pages open in a new tab).
const host = document.querySelector("[data-factsheet][data-factsheet-live]");
const root = host.shadowRoot || host;
return Array.from(root.querySelectorAll("button, summary, a[href^='#']"))
    .filter(el => el.getClientRects().length > 0 && !el.closest(".fs-popover"));
