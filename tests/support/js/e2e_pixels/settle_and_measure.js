// WebDriver asynchronous script (a function body: `arguments`, the last one is the callback).
// Waits for fonts, two frames and the end of any animation in the card of the host matching
// arguments[0] (opening its first figure's popover first, by a click, if arguments[1]), then
// hands back the area to shoot: the host's box, and the open popover's if it hangs outside it.
const done = arguments[arguments.length - 1];
const host = document.querySelector(arguments[0]);
const root = host.shadowRoot;
const frame = () => new Promise(r => requestAnimationFrame(() => r()));
(async () => {
    let popover = null;
    if (arguments[1]) {
        const button = root.querySelector(".fs-figure-button");
        popover = root.getElementById(button.getAttribute("aria-controls"));
        button.click();
        const started = performance.now();
        while (popover.hidden) {
            if (performance.now() - started > 5000) throw new Error("the popover did not open");
            await frame();
        }
    }
    await document.fonts.ready;
    await frame();
    await frame();
    await Promise.all(root.getAnimations().map(a => a.finished));
    await frame();
    const boxes = [host.getBoundingClientRect()];
    if (popover) boxes.push(popover.getBoundingClientRect());
    const left = Math.floor(Math.min(...boxes.map(b => b.left)));
    const top = Math.floor(Math.min(...boxes.map(b => b.top)));
    const right = Math.ceil(Math.max(...boxes.map(b => b.right)));
    const bottom = Math.ceil(Math.max(...boxes.map(b => b.bottom)));
    return { x: left + scrollX, y: top + scrollY, width: right - left, height: bottom - top, scale: 1 };
})().then(done, e => done({ error: String(e) }));
