// WebDriver script (a function body: `arguments`, `return`).
// Every host on the page: its id, state and first words, for failure messages.
return Array.from(document.querySelectorAll("[data-factsheet]"), h =>
    (h.id || "(no id)") + ": " + (h.hasAttribute("data-factsheet-live") ? "live" : "NOT live")
    + ", " + JSON.stringify(((h.shadowRoot || h).textContent || "").slice(0, 160))).join("; ");
