// The start of both in-page loops (WebDriver asynchronous scripts: `arguments`, the last one
// is the callback): a yield to the event loop that is not clamped like nested timers, and a
// wait for a condition with a deadline.
const done = arguments[arguments.length - 1];
const tick = () => new Promise(resolve => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(0);
});
// After the first fast ticks it waits on a timer: an endless stream of message tasks can
// starve the timer tasks (Chromium runs them first), and a hover opens on a timer.
async function until(condition, what) {
  const started = performance.now();
  for (let waited = 0; !condition(); waited++) {
    if (performance.now() - started > 5000) throw new Error("after 5 s, still not: " + what);
    await (waited < 20 ? tick() : new Promise(resolve => setTimeout(resolve, 0)));
  }
}
