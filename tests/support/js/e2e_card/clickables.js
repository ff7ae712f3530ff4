// WebDriver script (a function body: `arguments`, `return`).
// Everything a reader can click in the live card, in document order: shown buttons, summaries
// and links within the page (`#…`; links to other pages open in a new tab). The skip link is
// left out: it is shown only while focused (a 1 px box otherwise), so no pointer reaches it;
// its own test activates it by keyboard and checks the address too.
const host = document.querySelector("[data-factsheet][data-factsheet-live]");
const root = host.shadowRoot || host;
return Array.from(root.querySelectorAll("button, summary, a[href^='#']"))
    .filter(el => el.getBoundingClientRect().width > 1 && !el.closest(".fs-popover"));
