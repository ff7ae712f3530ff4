// WebDriver script (a function body: `arguments`, `return`).
// The theme the live card in the host `arguments[0]` shows, as JSON: whether its background
// is dark (by its luminance, whatever the palette), its data-theme and its toggle's
// aria-pressed; null while the card is not live.
const host = document.querySelector(arguments[0]);
if (!host || !host.hasAttribute("data-factsheet-live") || !host.shadowRoot) return null;
const card = host.shadowRoot.querySelector(".factsheet");
const toggle = host.shadowRoot.querySelector(".fs-theme");
if (!card) return null;
const background = getComputedStyle(card).backgroundColor;
const [r, g, b] = (background.match(/[\d.]+/g) || [255, 255, 255]).map(Number);
return JSON.stringify({
    dark: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5,
    background,
    attribute: card.getAttribute("data-theme"),
    pressed: toggle ? toggle.getAttribute("aria-pressed") : null,
});
