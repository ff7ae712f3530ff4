// WebDriver script (a function body: `arguments`, `return`).
// The headline, a part's title or a hint of the card, outside every citation group, scrolled
// into view where no popover covers it: somewhere to tap "outside".
const host = document.querySelector("[data-factsheet][data-factsheet-live]");
const root = host.shadowRoot || host;
for (const el of root.querySelectorAll(".fs-headline, .fs-section-title, .fs-hint")) {
    if (el.closest(".fs-cited")) continue;
    el.scrollIntoView({ block: "center" });
    const r = el.getBoundingClientRect();
    const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (hit && (hit === el || el.contains(hit))) return el;
}
return null;
