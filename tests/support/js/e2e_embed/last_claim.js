// WebDriver script (a function body: `arguments`, `return`).
// The first host's last claim in "All claims and quotes": opens its disclosure, then returns
// what arguments[0] names in it: "id" (its element's id), "button" (the button that opens its
// sources), "cite" (its popover's "Cite this"), or "offered" (what "Cite this" offered: the
// text, or null).
const root = document.querySelector("[data-factsheet]").shadowRoot;
const claims = root.querySelectorAll(".fs-claims > .fs-claim");
const claim = claims[claims.length - 1];
if (!claim) return null;
const details = claim.closest("details");
if (details && !details.open) details.open = true;
if (arguments[0] === "id") return claim.id;
const button = claim.querySelector("[popovertarget]");
if (arguments[0] === "button") return button;
const popover = root.getElementById(button.getAttribute("popovertarget"));
if (arguments[0] === "cite") return popover.querySelectorAll(".fs-action")[1];
const text = popover.querySelector(".fs-offered-text");
return text ? text.value : null;
