// WebDriver script (a function body: `arguments`, `return`).
// The page's own control elements: the button's display, the div's font size, colour and
// direction.
const button = getComputedStyle(document.getElementById("control"));
const div = getComputedStyle(document.getElementById("controls"));
return [button.display, div.fontSize, div.color, div.direction];
