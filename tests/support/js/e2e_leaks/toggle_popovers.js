// Follows loop_helpers.js. Opens and closes popovers arguments[0] times, round the card's
// cited items, starting at item arguments[1]: by mouse hover (pointerenter, then
// pointerleave) one step in four, by click (open, then a second click closes) the others. A
// hover opens only after the pointer rests 120 ms, so hovers are most of the loop's time: a
// quarter of a thousand still runs the hover's timers 250 times. Each step waits until the
// popover's `hidden` and the button's `aria-expanded` say it happened.
(async () => {
  const host = document.getElementById("h");
  const root = host && host.shadowRoot;
  if (!root) throw new Error("no mounted card");
  const cited = Array.from(root.querySelectorAll(".fs-cited"));
  if (cited.length === 0) throw new Error("no cited item in the card");
  let opened = 0, closed = 0, byClick = 0, byHover = 0;
  for (let n = 0; n < arguments[0]; n++) {
    const i = arguments[1] + n;
    const item = cited[i % cited.length];
    const button = item.querySelector("button[aria-controls]");
    const popover = root.getElementById(button.getAttribute("aria-controls"));
    const isOpen = () => !popover.hidden && button.getAttribute("aria-expanded") === "true";
    const isClosed = () => popover.hidden && button.getAttribute("aria-expanded") === "false";
    const mouse = { pointerType: "mouse", isPrimary: true };
    await until(isClosed, popover.id + " closed before opening it");
    if (i % 4 !== 1) {
      button.click();
      await until(isOpen, popover.id + " open after a click");
      opened++;
      button.click();
      await until(isClosed, popover.id + " closed after a second click");
      closed++;
      byClick++;
    } else {
      item.dispatchEvent(new PointerEvent("pointerenter", mouse));
      await until(isOpen, popover.id + " open on hover");
      opened++;
      item.dispatchEvent(new PointerEvent("pointerleave", mouse));
      await until(isClosed, popover.id + " closed when the pointer left");
      closed++;
      byHover++;
    }
  }
  return { opened, closed, byClick, byHover, items: cited.length };
})().then(done, e => done({ error: String(e) }));
