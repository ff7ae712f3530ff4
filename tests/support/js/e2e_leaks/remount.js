// Follows loop_helpers.js. Takes the card's host out of the page and puts a new one in,
// arguments[0] times, waiting each time until the new card is live and shows its figures.
// Every other new host loads its sheet by URL (`data-src`), so both ways of mounting are
// exercised.
(async () => {
  const stage = document.getElementById("stage");
  let mounted = 0, removed = 0, byUrl = 0;
  for (let n = 0; n < arguments[0]; n++) {
    const i = arguments[1] + n;
    const old = document.getElementById("h");
    old.remove();
    removed++;
    await tick();
    const host = document.createElement("div");
    host.id = "h";
    host.setAttribute("data-factsheet", "");
    if (i % 2 === 1) { host.setAttribute("data-src", "sheet.json"); byUrl++; }
    stage.appendChild(host);
    await until(() => host.hasAttribute("data-factsheet-live") && host.shadowRoot
        && host.shadowRoot.querySelector(".fs-cited .fs-figure-button"), "card " + i + " live");
    mounted++;
  }
  return { mounted, removed, byUrl };
})().then(done, e => done({ error: String(e) }));
