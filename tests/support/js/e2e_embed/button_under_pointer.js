// WebDriver script (a function body: `arguments`, `return`).
// For a failure message: the button arguments[0], where the pointer was aimed (arguments[1]),
// whether it is expanded, and what is under its centre now.
const b = arguments[0], r = b.getBoundingClientRect(), root = b.getRootNode();
const at = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
return { button: [r.left, r.top, r.width, r.height], aimed_at: arguments[1],
         expanded: b.getAttribute("aria-expanded"),
         under_pointer_now: at && at.outerHTML.slice(0, 100) };
