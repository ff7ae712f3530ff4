// WebDriver script (a function body: `arguments`, `return`).
// The text of the first element matching arguments[1] in the shadow root of the host
// matching arguments[0], or null while there is none.
const host = document.querySelector(arguments[0]);
const found = host && host.shadowRoot && host.shadowRoot.querySelector(arguments[1]);
return found ? found.innerText : null;
