// WebDriver script (a function body: `arguments`, `return`).
// The byte length of every wasm memory the probe kept, how many there are, and how many card
// hosts the page holds.
const memories = window.__wasmMemories || [];
return {
    wasm: memories.reduce((n, m) => n + m.buffer.byteLength, 0),
    memories: memories.length,
    hosts: document.querySelectorAll("[data-factsheet]").length,
};
