// WebDriver script (a function body: `arguments`, `return`).
// What the open popover arguments[0] offered after "Copy link" or "Cite this", as JSON: the
// message shown, the text in its field, whether that field is focused with all its text
// selected (the way to copy by hand where the clipboard refused), or null before anything.
const host = document.querySelector("[data-factsheet][data-factsheet-live]");
const root = host.shadowRoot || host;
const pop = root.querySelector(`[id="${arguments[0]}"]`);
const message = pop.querySelector(".fs-offered").textContent;
const field = pop.querySelector(".fs-offered-text");
if (!message || !field) return null;
return JSON.stringify({
    message,
    text: field.value,
    selected: root.activeElement === field && field.selectionStart === 0
        && field.selectionEnd === field.value.length,
    page: location.href.split("#")[0],
    history: history.length,
});
