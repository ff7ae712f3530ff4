// WebDriver script (a function body: `arguments`, `return`).
// After load: removes host #c and adds a new host #d (in German) at the end of the body.
document.getElementById("c").remove();
const host = document.createElement("div");
host.id = "d";
host.setAttribute("data-factsheet", "");
host.setAttribute("data-lang", "de-CH");
document.body.appendChild(host);
