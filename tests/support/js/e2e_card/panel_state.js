// WebDriver script (a function body: `arguments`, `return`).
// The open popover arguments[0] as a phone's panel, as JSON (see `PanelState` in
// tests/e2e_card.rs): whether it is the sheet, whether its close button can be hit where it
// shows, and whether the end of its text can be brought into its scrolling body (the body is
// scrolled to its end for that, then back to its start).
// The live card; before the wasm has taken it over (a test that holds the wasm), the page's
// pre-rendered card.
const host = document.querySelector("[data-factsheet][data-factsheet-live]")
    || document.querySelector("[data-factsheet]");
const root = host.shadowRoot || host;
const pop = root.querySelector(`[id="${arguments[0]}"]`);
if (!pop) return null;
const hit = el => {
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const at = root.elementFromPoint(x, y);
    return r.width > 0 && r.height > 0 && !!at && (at === el || el.contains(at));
};
const body = pop.querySelector(".fs-popover-body");
const close = pop.querySelector(".fs-popover-close");
const scrolls = body.scrollHeight > body.clientHeight + 1;
const overflow = getComputedStyle(body).overflowY;
// The shades that say more text is hidden past an edge (see .fs-popover-body in the CSS).
const hinted = getComputedStyle(body).backgroundImage.includes("gradient");
body.scrollTop = body.scrollHeight;
const inner = body.getBoundingClientRect();
// The last line of text in the body: once scrolled to its end, it must show whole in it.
const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    acceptNode: n => n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP,
});
let lastText = null;
while (walker.nextNode()) lastText = walker.currentNode;
let last = null;
if (lastText) {
    const range = document.createRange();
    range.selectNodeContents(lastText);
    const lines = Array.from(range.getClientRects()).filter(r => r.height > 0);
    last = lines[lines.length - 1] || null;
}
const endVisible = !!last && last.bottom <= inner.bottom + 0.5 && last.top >= inner.top - 0.5;
const lastLine = last ? [last.top, last.bottom] : null;
body.scrollTop = 0;
const r = pop.getBoundingClientRect();
const b = pop.parentElement.querySelector(".fs-figure-button").getBoundingClientRect();
return JSON.stringify({
    sheet: pop.classList.contains("fs-popover--sheet"),
    rect: [r.left, r.top, r.right, r.bottom],
    viewport: [document.documentElement.clientWidth, window.innerHeight],
    close_hit: !!close && hit(close),
    close_text: close ? close.textContent.trim() : "",
    scrolls, overflow, hinted,
    end_visible: endVisible,
    last_line: lastLine,
    body: [inner.top, inner.bottom],
    button: [b.left, b.top, b.right, b.bottom],
});
