// WebDriver script (a function body: `arguments`, `return`).
// Scrolls the live card's button controlling popover arguments[0] to arguments[1] (a
// `scrollIntoView` block: start, center, end) and returns it, or null if there is none.
const host = document.querySelector("[data-factsheet][data-factsheet-live]");
const root = host.shadowRoot || host;
const button = root.querySelector(`[aria-controls="${arguments[0]}"]`);
if (!button) return null;
button.scrollIntoView({ block: arguments[1], inline: "nearest" });
return button;
