// WebDriver script (a function body: `arguments`, `return`), run inside the frame.
// The document's scrollHeight and clientHeight, and the content's height: the root element's
// (`html` has no set height in the frame page), and the bottom of any open popover that hangs
// below it.
const e = document.documentElement;
let content = e.getBoundingClientRect().height;
const host = document.querySelector("[data-factsheet]");
const root = host && host.shadowRoot;
if (root) for (const p of root.querySelectorAll(".fs-popover:popover-open")) {
    content = Math.max(content, p.getBoundingClientRect().bottom + window.scrollY);
}
return [e.scrollHeight, e.clientHeight, content];
