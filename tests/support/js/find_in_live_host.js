// WebDriver script (a function body: `arguments`, `return`).
// Elements matching arguments[1] inside the host that matches arguments[0] (in its shadow
// root when it has one), once that host is live.
const host = document.querySelector(arguments[0]);
if (!host || !host.hasAttribute("data-factsheet-live")) return [];
return Array.from((host.shadowRoot || host).querySelectorAll(arguments[1]));
