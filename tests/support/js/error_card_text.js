// WebDriver script (a function body: `arguments`, `return`).
// The text of the error card of the host matching arguments[0], or null while it has none.
const host = document.querySelector(arguments[0]);
const card = host && host.shadowRoot
    && host.shadowRoot.querySelector("article.factsheet.fs-error[role=alert]");
return card ? card.innerText : null;
