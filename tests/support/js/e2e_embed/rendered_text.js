// WebDriver script (a function body: `arguments`, `return`).
// The rendered text of the card of the host matching arguments[0] ("" if none).
const host = document.querySelector(arguments[0]);
const root = host && host.shadowRoot && host.shadowRoot.querySelector(".fs-root");
return root ? root.innerText : "";
