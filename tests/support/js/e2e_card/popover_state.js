// WebDriver script (a function body: `arguments`, `return`).
// What the popover with id arguments[0] and its button in the live card look like right now,
// as JSON (see `PopoverState` in tests/e2e_card.rs), or null if either is missing.
// The live card; before the wasm has taken it over (a test that holds the wasm), the page's
// pre-rendered card.
const host = document.querySelector("[data-factsheet][data-factsheet-live]")
    || document.querySelector("[data-factsheet]");
const root = host.shadowRoot || host;
const id = arguments[0];
const pop = root.querySelector(`[id="${id}"]`);
const button = root.querySelector(`[aria-controls="${id}"]`);
if (!pop || !button) return null;
const r = pop.getBoundingClientRect();
const b = button.getBoundingClientRect();
const style = getComputedStyle(pop);
const active = host.shadowRoot ? host.shadowRoot.activeElement : document.activeElement;
return JSON.stringify({
    shown: !pop.hidden && style.display !== "none" && style.visibility !== "hidden"
        && r.width > 0 && r.height > 0,
    rect: [r.left, r.top, r.right, r.bottom],
    viewport: [document.documentElement.clientWidth, window.innerHeight],
    expanded: button.getAttribute("aria-expanded"),
    focused: active === button,
    open: Array.from(root.querySelectorAll(".fs-popover"))
        .filter(p => !p.hidden && getComputedStyle(p).display !== "none").map(p => p.id),
    marks: Array.from(pop.querySelectorAll("blockquote mark"), m => m.textContent),
    quotes: Array.from(pop.querySelectorAll("blockquote"), q => q.textContent),
    above: pop.classList.contains("fs-popover--above"),
    button: [b.left, b.top, b.right, b.bottom],
});
