// WebDriver script (a function body: `arguments`, `return`).
// The computed values of the properties arguments[1] of every element in the card of the host
// matching arguments[0], in document order, each with a name (tag, id, classes).
const host = document.querySelector(arguments[0]);
const props = arguments[1];
return Array.from(host.shadowRoot.querySelectorAll("*"))
    .filter(e => e.tagName !== "LINK" && e.tagName !== "STYLE")
    .map(e => {
        const cs = getComputedStyle(e);
        const name = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
            + Array.from(e.classList, c => "." + c).join("");
        return [name, props.map(p => cs.getPropertyValue(p))];
    });
