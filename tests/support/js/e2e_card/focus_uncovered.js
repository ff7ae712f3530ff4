// WebDriver script (a function body: `arguments`, `return`).
// The focused element of the live card (or of the page, outside it) as JSON: a description,
// whether a popover in the card holds it, and whether anything covers it where it shows (the
// element at its middle is not it or inside it).
// The live card; before the wasm has taken it over (a test that holds the wasm), the page's
// pre-rendered card.
const host = document.querySelector("[data-factsheet][data-factsheet-live]")
    || document.querySelector("[data-factsheet]");
const root = host.shadowRoot || host;
const inCard = host.shadowRoot ? host.shadowRoot.activeElement : null;
const active = inCard || document.activeElement;
if (!active || active === document.body) return JSON.stringify({ what: "nothing", covered: false, in_popover: false });
const r = active.getBoundingClientRect();
const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
const at = (inCard ? root : document).elementFromPoint(x, y);
return JSON.stringify({
    what: active.tagName.toLowerCase() + "." + String(active.className).split(" ")[0]
        + " " + JSON.stringify((active.textContent || "").trim().slice(0, 40)),
    covered: !(at && (at === active || active.contains(at))),
    in_popover: !!active.closest && !!active.closest(".fs-popover"),
});
