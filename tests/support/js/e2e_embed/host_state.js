// WebDriver script (a function body: `arguments`, `return`).
// Whether the wasm took over the first host (mounted, live), whether it has a shadow root, and
// the card's rendered text (`inner`) and all its text (`all`).
const host = document.querySelector("[data-factsheet]");
const root = host && host.shadowRoot && host.shadowRoot.querySelector(".fs-root");
return {
  mounted: !!host && host.hasAttribute("data-factsheet-mounted"),
  live: !!host && host.hasAttribute("data-factsheet-live"),
  shadow: !!(host && host.shadowRoot),
  inner: root ? root.innerText : "",
  all: root ? root.textContent : "",
};
