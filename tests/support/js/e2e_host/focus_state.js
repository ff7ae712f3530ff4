// WebDriver script (a function body: `arguments`, `return`).
// Where focus is, as JSON: the page's focused element's id, and inside a card's shadow root
// the focused element's class and whether it is shown (a box more than 1 px wide inside the
// viewport); plus the page's URL and history length, which the skip link must not change.
const active = document.activeElement;
const inner = active && active.shadowRoot ? active.shadowRoot.activeElement : null;
let shown = false;
if (inner) {
    const r = inner.getBoundingClientRect();
    shown = r.width > 1 && r.height > 1 && r.bottom > 0 && r.top < innerHeight;
}
return JSON.stringify({
    page: active ? (active.id || active.localName) : "",
    card: inner ? inner.className : "",
    text: inner ? inner.textContent.trim() : "",
    shown,
    url: location.href,
    history: history.length,
});
