// Follows loop_helpers.js. Opens and closes popovers arguments[0] times, round the card's
// cited items, starting at item arguments[1]: by mouse hover (the pointer over the button,
// then out of the card) one step in four, by click (open, then a second click closes) the
// others. A hover opens only after the pointer rests 120 ms, so hovers are most of the loop's
// time: a quarter of a thousand still runs the hover's timers 250 times. Each step waits until
// the popover's `:popover-open` and the button's `aria-expanded` say it happened.
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
    const shown = () => popover.matches(":popover-open");
    const isOpen = () => shown() && button.getAttribute("aria-expanded") === "true";
    const isClosed = () => !shown() && button.getAttribute("aria-expanded") === "false";
    const mouse = { pointerType: "mouse", isPrimary: true, bubbles: true, composed: true };
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
      button.dispatchEvent(new PointerEvent("pointerover", mouse));
      await until(isOpen, popover.id + " open on hover");
      opened++;
      button.dispatchEvent(new PointerEvent("pointerout", mouse));
      await until(isClosed, popover.id + " closed when the pointer left");
      closed++;
      byHover++;
    }
  }
  return { opened, closed, byClick, byHover, items: cited.length };
})().then(done, e => done({ error: String(e) }));
