// WebDriver script (a function body: `arguments`, `return`), run inside the frame.
// The frame's content height at its full width (its root element's box, measured with the
// root's overflow hidden, so that the scrollbar of a frame still shorter than its content
// does not narrow the card), extended by any open popover hanging below it; and the card's
// state: live (the wasm hydrated it) or failed (the wasm was blocked: footnotes).
const e = document.documentElement;
const overflow = e.style.overflow;
e.style.overflow = "hidden";
let content = e.getBoundingClientRect().height;
const host = document.querySelector("[data-factsheet]");
const root = host && host.shadowRoot;
if (root) for (const p of root.querySelectorAll(".fs-popover:popover-open")) {
    content = Math.max(content, p.getBoundingClientRect().bottom + window.scrollY);
}
e.style.overflow = overflow;
return {
    content: content,
    live: !!host && host.hasAttribute("data-factsheet-live"),
    failed: !!host && host.hasAttribute("data-factsheet-failed"),
    width: window.innerWidth,
};
