// WebDriver script (a function body: `arguments`, `return`).
// The summaries of the closed disclosures (`<details>`) in the card of the host matching
// arguments[0], live or not: what a reader taps to see the rest of the sheet.
const host = document.querySelector(arguments[0]);
const root = host && host.shadowRoot;
if (!root) return [];
return Array.from(root.querySelectorAll("details:not([open]) > summary"));
