// The start of both in-page loops (WebDriver asynchronous scripts: `arguments`, the last one
// is the callback): a yield to the event loop that is not clamped like nested timers, and a
// wait for a condition with a deadline.
const done = arguments[arguments.length - 1];
const tick = () => new Promise(resolve => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(0);
});
async function until(condition, what) {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > 5000) throw new Error("after 5 s, still not: " + what);
    await tick();
  }
}
