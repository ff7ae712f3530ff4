// WebDriver script. What a reader sees of the first live card: its height, the text
// rendered (innerText: closed disclosures and hidden popovers excluded), every button's name,
// the font sizes of visible text, the smallest text in the chart, and the disclosures' state.
const host = document.querySelector("[data-factsheet][data-factsheet-live]");
if (!host) return null;
const root = host.shadowRoot || host;
const card = root.querySelector(".factsheet");
const visible = (el) => {
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && !el.closest("[hidden]") &&
    !(el.closest("details:not([open])") && !el.closest("summary"));
};
const textSizes = new Set();
let chartMin = Infinity;
for (const el of card.querySelectorAll("*")) {
  const direct = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
  if (!direct || !visible(el)) continue;
  // Screen-reader-only text is not seen.
  if (el.closest(".fs-sr")) continue;
  const size = parseFloat(getComputedStyle(el).fontSize);
  textSizes.add(size);
  if (el.closest(".fs-chart")) chartMin = Math.min(chartMin, size);
}
const nameOf = (b) => {
  if (b.getAttribute("aria-label")) return b.getAttribute("aria-label");
  const ids = b.getAttribute("aria-labelledby");
  if (ids) return ids.split(/\s+/).map((id) => root.getElementById(id)?.textContent || "").join(" ");
  return b.textContent;
};
return {
  height: host.getBoundingClientRect().height,
  text: card.innerText,
  buttons: Array.from(card.querySelectorAll("button, summary")).map((b) => nameOf(b).replace(/\s+/g, " ").trim()),
  sizes: Array.from(textSizes).sort((a, b) => a - b),
  chartMin: chartMin === Infinity ? null : chartMin,
  details: Array.from(card.querySelectorAll("details")).map((d) => d.open),
};
