// WebDriver script (a function body: `arguments`, `return`).
// The first host's theme switch, live or not.
const host = document.querySelector("[data-factsheet]");
return host && host.shadowRoot && host.shadowRoot.querySelector(".fs-theme");
