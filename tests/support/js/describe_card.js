// WebDriver script (a function body: `arguments`, `return`).
// What the page holds instead of a working card, for a failure message: the host's state and
// the buttons' texts.
const host = document.querySelector("[data-factsheet]");
if (!host) return "no [data-factsheet] element; body: " + document.body.innerText.slice(0, 200);
const root = host.shadowRoot || host;
const buttons = Array.from(root.querySelectorAll(".fs-figure-button"), b => b.textContent.trim());
return "host " + (host.hasAttribute("data-factsheet-live") ? "live" : "NOT live")
    + (host.shadowRoot ? ", shadow root" : ", no shadow root")
    + ", .fs-figure-button texts: " + JSON.stringify(buttons.slice(0, 6))
    + ", card text: " + JSON.stringify(root.textContent.slice(0, 200));
