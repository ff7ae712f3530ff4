// WebDriver script (a function body: `arguments`, `return`).
// A press on the button of popover arguments[0], released before the page paints again, in
// the order WebKit's driver gives a tap (as a mouse): pointerdown, the press's focus,
// pointerup, click. On a page too busy to paint between them, whatever the press's focus
// opened is laid out but not yet placed by the loader's next frame; here all of it happens in
// this one task, so nothing is painted in between. The release lands where arguments[1]
// says: "button", the press's own point, on whatever shows there now; "popover", the middle
// of the popover that opened. As a browser does, the click goes to the innermost element
// holding both what the press and what the release landed on. Returns whether the press's
// focus opened the preview, what the release landed on (as tag.class) and whether that is in
// the button.
const host = document.querySelector("[data-factsheet][data-factsheet-live]")
    || document.querySelector("[data-factsheet]");
const root = host.shadowRoot || host;
const button = root.querySelector(`[aria-controls="${arguments[0]}"]`);
const popover = root.querySelector(`[id="${arguments[0]}"]`);
const middle = el => {
    const r = el.getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
};
const fire = (el, Kind, type, [x, y]) => el.dispatchEvent(new Kind(type, {
    bubbles: true, composed: true, cancelable: true, view: window,
    clientX: x, clientY: y, button: 0, pointerType: "mouse", isPrimary: true,
}));
// Focus is elsewhere before the press (Escape leaves it on the button last closed).
if (root.activeElement) root.activeElement.blur();
const at = middle(button);
const down = root.elementFromPoint(at[0], at[1]);
fire(down, PointerEvent, "pointerdown", at);
fire(down, MouseEvent, "mousedown", at);
button.focus();
const previewed = popover.matches(":popover-open");
const release = arguments[1] === "popover" && popover.matches(":popover-open") ? middle(popover) : at;
const up = root.elementFromPoint(release[0], release[1]) || down;
fire(up, PointerEvent, "pointerup", release);
fire(up, MouseEvent, "mouseup", release);
let both = up;
while (!both.contains(down)) both = both.parentNode;
fire(both, MouseEvent, "click", release);
return [previewed, `${up.tagName.toLowerCase()}.${up.className}`, button.contains(up)];
