// WebDriver script (a function body: `arguments`, `return`).
// What the hostile sheet managed in the card of #h: whether a payload ran (`pwned`) and the
// page's own control handler did (`control`), event-handler or javascript: attributes and
// injected elements in the card, its text, and whether it went live.
const root = document.querySelector("#h").shadowRoot;
const handlers = [];
for (const e of root.querySelectorAll("*")) {
    for (const a of e.attributes) {
        if (a.name.startsWith("on") || /javascript:/i.test(a.value)) handlers.push(e.tagName + " " + a.name);
    }
}
const injected = Array.from(root.querySelectorAll("img, script, iframe, b, style, svg[onload]"), e => e.tagName);
return {
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    control: window.__control === undefined ? null : String(window.__control),
    handlers, injected,
    text: root.textContent,
    live: document.querySelector("#h").hasAttribute("data-factsheet-live"),
};
