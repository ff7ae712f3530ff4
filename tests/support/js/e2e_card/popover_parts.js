// WebDriver script (a function body: `arguments`, `return`).
// The parts of the open popover arguments[0] a pointer works with, as JSON: its scrolling
// body (rect, scrollTop, whether it scrolls), the page's scroll position and the popover's
// rect (to see them settle), and the first line of quoted text shown whole inside the body
// (a drag across it selects it), with that quote's text. The line is clear of the body's and
// the viewport's edges: a drag near a scroller's edge scrolls it (Chromium's within 20 px,
// more the longer the drag takes), and the selection runs on into the text scrolled in.
const host = document.querySelector("[data-factsheet][data-factsheet-live]");
const root = host.shadowRoot || host;
const pop = root.querySelector(`[id="${arguments[0]}"]`);
const body = pop.querySelector(".fs-popover-body");
const rect = r => [r.left, r.top, r.right, r.bottom];
const inner = body.getBoundingClientRect();
const clear = 24;
let line = null, quoteText = "";
for (const quote of pop.querySelectorAll("blockquote")) {
    const range = document.createRange();
    range.selectNodeContents(quote);
    const shown = Array.from(range.getClientRects()).find(r => r.width > 20
        && r.top >= inner.top + clear && r.bottom <= inner.bottom - clear
        && r.top >= clear && r.bottom <= window.innerHeight - clear);
    if (shown) { line = rect(shown); quoteText = quote.textContent; break; }
}
return JSON.stringify({
    body: rect(inner),
    popover: rect(pop.getBoundingClientRect()),
    page_scroll: window.scrollY,
    scroll_top: body.scrollTop,
    scrolls: body.scrollHeight > body.clientHeight + 1,
    line,
    quote_text: quoteText,
});
