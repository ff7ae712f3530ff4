// WebDriver script (a function body: `arguments`, `return`).
// The lowest button that opens a popover (`aria-controls`) in the live card of this frame that
// the page itself shows, or null. Shown is the page's own `checkVisibility`, not WebDriver's
// "is displayed": WebKitWebDriver calls a button inside a closed <details> of a shadow root
// displayed, though no reader sees it (the page does not render it).
const host = document.querySelector("[data-factsheet][data-factsheet-live]");
if (!host) return null;
let lowest = null, bottom = -Infinity;
for (const b of (host.shadowRoot || host).querySelectorAll("button[aria-controls]")) {
    const r = b.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && b.checkVisibility({ visibilityProperty: true }) && r.bottom > bottom) {
        lowest = b;
        bottom = r.bottom;
    }
}
return lowest;
