// Run before the page's own scripts (CDP Page.addScriptToEvaluateOnNewDocument). Samples the
// card's background on every frame, from the first one with a card until ten frames after
// it went live, into window.__factsheetThemeFrames as [background, live] pairs: what the
// reader saw, frame by frame, across hydration.
(function () {
    var frames = window.__factsheetThemeFrames = [];
    var afterLive = 0;
    function sample() {
        var host = document.querySelector("[data-factsheet]");
        var card = host && host.shadowRoot && host.shadowRoot.querySelector(".factsheet");
        if (card) {
            var live = host.hasAttribute("data-factsheet-live");
            frames.push([getComputedStyle(card).backgroundColor, live]);
            if (live) afterLive++;
        }
        if (afterLive < 10) requestAnimationFrame(sample);
    }
    requestAnimationFrame(sample);
})();
