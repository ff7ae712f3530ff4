// WebDriver script (a function body: `arguments`, `return`).
// The ids of the hosts whose card is an error card.
return Array.from(document.querySelectorAll("[data-factsheet]"))
    .filter(h => h.shadowRoot && h.shadowRoot.querySelector(".fs-error"))
    .map(h => h.id);
