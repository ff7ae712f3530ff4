// WebDriver script (a function body: `arguments`, `return`).
// The text the reader has selected, also inside the card's shadow root (Chromium's selection
// of shadow content is the shadow root's own).
const host = document.querySelector("[data-factsheet][data-factsheet-live]");
const root = host.shadowRoot;
const selection = root && root.getSelection ? root.getSelection() : document.getSelection();
return selection ? selection.toString() : "";
