// WebDriver script (a function body: `arguments`, `return`).
// Scrolls the page so that the point (arguments[1], arguments[2]) of the frame arguments[0]
// (in the frame's own viewport) is in the middle of the window, and returns where that point
// is in the page's viewport.
const f = arguments[0], x = arguments[1], y = arguments[2];
window.scrollBy(0, f.getBoundingClientRect().top + y - window.innerHeight / 2);
const r = f.getBoundingClientRect();
return [r.left + f.clientLeft + x, r.top + f.clientTop + y];
