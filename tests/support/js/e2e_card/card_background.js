// WebDriver script (a function body: `arguments`, `return`).
// The live card's background colour, which says which theme it shows.
const host = document.querySelector("[data-factsheet][data-factsheet-live]");
const root = host.shadowRoot || host;
return getComputedStyle(root.querySelector(".factsheet")).backgroundColor;
