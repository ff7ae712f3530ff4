// WebDriver script (a function body: `arguments`, `return`).
// The page's outline as an assistive technology walks it, through open shadow roots in tree
// order: every heading (h1-h6, or role=heading with aria-level) and every landmark (main,
// nav, aside, search; section and form with a name; header/footer outside sectioning content;
// an explicit landmark role), each with whether it is inside a card. The name is taken from
// aria-labelledby (resolved in the element's own tree) or aria-label: all the card uses.
const landmarkRoles = ["banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search"];
const implicit = { main: "main", nav: "navigation", aside: "complementary", search: "search" };
const out = { headings: [], landmarks: [] };
function nameOf(el) {
    const ids = el.getAttribute("aria-labelledby");
    if (ids) {
        const root = el.getRootNode();
        return ids.split(/\s+/).map(id => {
            const target = root.getElementById ? root.getElementById(id) : null;
            return target ? target.textContent.trim().replace(/\s+/g, " ") : "";
        }).join(" ").trim();
    }
    return (el.getAttribute("aria-label") || "").trim();
}
function hidden(el) {
    const style = getComputedStyle(el);
    return style.display === "none" || style.visibility === "hidden" || el.closest("[aria-hidden=true]");
}
function roleOf(el) {
    const explicit = (el.getAttribute("role") || "").trim().split(/\s+/)[0];
    if (explicit) return explicit;
    const tag = el.localName;
    if (/^h[1-6]$/.test(tag)) return "heading";
    if (implicit[tag]) return implicit[tag];
    if ((tag === "section" || tag === "form") && nameOf(el)) return tag === "section" ? "region" : "form";
    if (tag === "header" || tag === "footer") {
        let up = el.parentNode;
        while (up && !(up instanceof ShadowRoot) && up.localName !== "body") {
            if (["article", "aside", "main", "nav", "section"].includes(up.localName)) return "";
            up = up.parentNode;
        }
        return tag === "header" ? "banner" : "contentinfo";
    }
    return "";
}
function walk(node, inCard) {
    for (const el of node.children) {
        const card = inCard || el.hasAttribute("data-factsheet");
        if (!hidden(el)) {
            const role = roleOf(el);
            if (role === "heading") {
                const level = Number(el.getAttribute("aria-level")) || Number(el.localName.slice(1)) || 2;
                out.headings.push({ level, text: el.textContent.trim().replace(/\s+/g, " "), card });
            } else if (landmarkRoles.includes(role)) {
                out.landmarks.push({ role, name: nameOf(el), card });
            }
        }
        if (el.shadowRoot) walk(el.shadowRoot, card);
        walk(el, card);
    }
}
walk(document.body, false);
return JSON.stringify(out);
