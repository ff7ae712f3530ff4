// WebDriver script (a function body: `arguments`, `return`).
// The button labelled arguments[1] in the popover arguments[0] of the live card, or null.
const host = document.querySelector("[data-factsheet][data-factsheet-live]");
const root = host.shadowRoot || host;
const pop = root.querySelector(`[id="${arguments[0]}"]`);
return pop ? Array.from(pop.querySelectorAll("button")).find(b => b.textContent.trim() === arguments[1]) || null : null;
