// factsheet citation popovers, with or without the wasm. The card's markup does most of it:
// each citation list is a `popover` and its figure's button names it in `popovertarget`, so a
// click, a tap, Enter, Escape, a click outside and one-open-at-a-time are the browser's own.
// This adds what the platform does not: a preview on hover (once the pointer rests) and on
// focus, which closes when the pointer leaves (with a grace on its way into the popover) or
// focus moves on; a click on a preview keeps it open (pinned) and focus goes into what the
// reader opened, and back to its button when it closes; its buttons join the tab order only
// when pinned; aria-expanded; its place: by its button inside the viewport, or for a pinned
// one on a phone a panel along the bottom; and links to an item (the page's address, links
// within the card). It listens on each card's shadow root, so the pre-rendered card answers
// as soon as this runs, and whatever the wasm renders later the same way.
(function () {
  // How long the mouse rests on an item before its preview opens (a pointer crossing the card
  // opens nothing), how long a preview outlives the pointer leaving towards it (a pointer may
  // cut a corner between the number and the popover), and the gaps kept, in CSS pixels.
  var REST = 120, GRACE = 300, MARGIN = 8, GAP = 6;
  var wired = new WeakSet();
  // The open popover (one at a time on the page), placed again whenever its button moves in
  // the viewport: the page scrolls (the reader, or WebKit bringing a focused button into
  // view) or the viewport changes.
  var current = null;
  // Where the pointer now down (or just up) went down: a press outside an open popover closes
  // it (the browser's light dismiss), and focus stays where the reader pressed; a press on a
  // figure is a click on it even if the release lands on its preview.
  var pressedAt = null;
  document.addEventListener("pointerdown", function (e) { pressedAt = e.composedPath()[0]; }, true);
  document.addEventListener("pointerup", function () {
    setTimeout(function () { pressedAt = null; });
  }, true);
  var follow = function () {
    if (current && current.isConnected && current.matches(":popover-open")) place(current);
  };
  document.addEventListener("scroll", follow, { capture: true, passive: true });
  window.addEventListener("resize", follow);
  // A popover just opened is placed once it has a box, before it is painted.
  var placer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var p = entry.target;
      placer.unobserve(p);
      if (!p.matches(":popover-open")) return;
      var body = p.querySelector(".fs-popover-body");
      if (body) body.scrollTop = 0;
      place(p);
      revealAboveSheet(p);
    });
  });

  function wire(root) {
    if (wired.has(root)) return sync(root);
    wired.add(root);
    var timer = 0, tapping = false, leaving = false, opening = null, pressed = false;
    var on = function (type, handler) { root.addEventListener(type, handler, true); };
    var group = function (node) { return node && node.closest ? node.closest(".fs-cited") : null; };
    var within = function (g, node) { return !!node && g.contains(node); };
    var popoverOf = function (g) { return g.querySelector(".fs-popover"); };
    var isOpen = function (p) { return p.matches(":popover-open"); };
    var show = function (g, how) {
      var p = popoverOf(g);
      if (isOpen(p)) return;
      opening = how;
      p.showPopover();
      // Placed now, not at the next frame: until then it sits in the middle of the viewport,
      // over its own button, and the release of a press during which it opened (by the
      // press's focus, or a hover's rest) would land on it, not on the button, when a busy
      // page paints late.
      place(p);
    };
    var hide = function (p) { if (isOpen(p)) p.hidePopover(); };
    // The figure's button a click is for: the one clicked, or the one the pointer went down
    // on when its preview, opened during the press (by the press's focus, or a hover's
    // rest), took the release (its bridge over the gap reaches onto the button), so that the
    // browser clicked what holds both.
    var pressedButton = function (e) {
      var b = e.target.closest && e.target.closest(".fs-figure-button");
      if (b) return b;
      var down = pressedAt && pressedAt.closest && pressedAt.closest(".fs-figure-button");
      var g = down && group(down);
      return g && g.contains(e.target) && e.target.contains(down) && isOpen(popoverOf(g)) ? down : null;
    };
    var pinnedOpen = function () {
      var p = root.querySelector(".fs-popover:popover-open");
      return p && p.fsHow === "pinned";
    };

    on("pointerover", function (e) {
      var g = group(e.target);
      if (e.pointerType !== "mouse" || !g || within(g, e.relatedTarget)) return;
      // Back within the grace: the close waiting for it is cancelled.
      clearTimeout(timer);
      if (!isOpen(popoverOf(g))) timer = setTimeout(function () {
        // Hovering elsewhere never replaces what the reader opened.
        if (!pinnedOpen()) show(g, "hover");
      }, REST);
    });
    on("pointerout", function (e) {
      var g = group(e.target);
      if (e.pointerType !== "mouse" || !g || within(g, e.relatedTarget)) return;
      clearTimeout(timer);
      var p = popoverOf(g);
      if (!isOpen(p) || p.fsHow !== "hover") return;
      if (headingInto(p, g, e.clientX, e.clientY)) timer = setTimeout(function () { hide(p); }, GRACE);
      else hide(p);
    });
    // A finger or pen: the focus its touch gives is not a reader arriving by keyboard, and the
    // tap's click opens the popover as a panel; opening it on that focus too would first lay it
    // out by the button, moving a short page under the finger before the click lands.
    on("pointerdown", function (e) { tapping = e.pointerType !== "mouse"; });
    on("pointercancel", function () { tapping = false; });
    on("focusin", function (e) {
      var g = group(e.target);
      if (g && !within(g, e.relatedTarget) && !tapping) show(g, "focus");
    });
    on("focusout", function (e) {
      var g = group(e.target);
      if (!g || within(g, e.relatedTarget)) return;
      // The window lost focus (another window or tab): the reader comes back to it as left.
      if (!e.relatedTarget && !document.hasFocus()) return;
      leaving = true;
      hide(popoverOf(g));
      leaving = false;
    });
    on("click", function (e) {
      var b = pressedButton(e);
      if (!b) return;
      var p = popoverOf(group(b));
      clearTimeout(timer);
      tapping = false;
      if (!isOpen(p)) {
        pressed = true; // the browser opens it; focus goes in once it shows
      } else if (p.fsHow !== "pinned") {
        // A preview the reader clicks stays open: the browser would close it.
        e.preventDefault();
        p.fsHow = "pinned";
        tabbing(p, true);
        place(p);
        p.focus({ preventScroll: true });
      }
    });
    on("keydown", function (e) { if (e.key === "Escape") clearTimeout(timer); });
    // A link in the card to a place in it is followed here, never by the browser, which would
    // write the fragment into the host page's address and history (and could not reach into
    // the shadow root). Keyboard readers land on the item's button, else on the place.
    on("click", function (e) {
      var a = e.target.closest && e.target.closest("a[href^='#']");
      var target = a && root.getElementById(a.getAttribute("href").slice(1));
      if (!target) return;
      e.preventDefault();
      var button = itemOf(target) ? openItem(target) : (target.scrollIntoView(), target);
      if (button.hasAttribute("tabindex") || button.matches("button")) button.focus();
    });
    on("beforetoggle", function (e) {
      var p = e.target, g = group(p);
      if (!g) return;
      var opened = e.newState === "open";
      g.querySelector(".fs-figure-button").setAttribute("aria-expanded", opened);
      if (opened) {
        p.fsHow = opening || "pinned";
        p.fsFocus = pressed;
        opening = null;
        pressed = false;
        tabbing(p, p.fsHow === "pinned");
        placer.observe(p);
        current = p;
      } else {
        // Focus inside goes back to its button (Escape, its close button, a second click),
        // unless it is moving on elsewhere, or the reader pressed outside.
        var active = root.activeElement;
        var outside = pressedAt && !g.contains(pressedAt);
        if (!leaving && !outside && active && (active === p || p.contains(active))) {
          g.querySelector(".fs-figure-button").focus();
        }
        placer.unobserve(p);
        if (current === p) current = null;
      }
    });
    on("toggle", function (e) {
      var p = e.target;
      if (e.newState === "open" && p.fsFocus && isOpen(p)) {
        p.fsFocus = false;
        p.focus({ preventScroll: true });
      }
    });
    root.fsSync = function () {
      var buttons = root.querySelectorAll(".fs-figure-button");
      for (var i = 0; i < buttons.length; i++) {
        var p = popoverOf(group(buttons[i]));
        buttons[i].setAttribute("aria-expanded", !!p && isOpen(p));
        if (p && isOpen(p)) place(p);
      }
    };
    sync(root);
    fromAddress(root, true);
  }

  // The popover of an item (a figure, a claim, the summary) when `target` is one.
  function itemOf(target) {
    return target && target.querySelector(":scope > .fs-cited > .fs-popover");
  }

  // Opens an item's citations, and the disclosure it is in, and brings it into view (inside a
  // shadow root the browser cannot scroll to an anchor itself); returns its button.
  function openItem(target) {
    var details = target.closest("details"), p = itemOf(target);
    if (details) details.open = true;
    target.scrollIntoView();
    if (!p.matches(":popover-open")) p.showPopover();
    return target.querySelector(".fs-figure-button");
  }

  // The page's address naming an item opens it: once per card, as soon as the card has its
  // items (a card by URL gets them later), and whenever the host page moves to one. Any other
  // address (Back, Forward, the host's own navigation) closes what is open, so that going back
  // never leaves a popover behind.
  function fromAddress(root, once) {
    if (once && (root.fsAddressed || !root.querySelector(".fs-cited"))) return;
    root.fsAddressed = true;
    var id = location.hash.slice(1), target = id && root.getElementById(id);
    if (itemOf(target)) openItem(target);
    else if (!once) closeIn(root);
  }

  function closeIn(root) {
    var p = root.querySelector(".fs-popover:popover-open");
    if (p) p.hidePopover();
  }

  function eachCard(then) {
    var hosts = document.querySelectorAll("[data-factsheet], fact-sheet");
    for (var i = 0; i < hosts.length; i++) {
      var root = hosts[i].shadowRoot;
      if (root && wired.has(root)) then(root);
    }
  }
  ["hashchange", "popstate"].forEach(function (type) {
    window.addEventListener(type, function () {
      eachCard(function (root) { fromAddress(root, false); });
    });
  });
  // A page restored from the back-forward cache comes back as it was left: closed.
  window.addEventListener("pageshow", function (e) { if (e.persisted) eachCard(closeIn); });

  // What the wasm rendered (hydration rewrites the attributes it renders) follows what is
  // open.
  function sync(root) { if (root.fsSync) root.fsSync(); }

  function buttonsOf(p) { return p.querySelectorAll(".fs-popover-close, .fs-action"); }

  // A pinned popover's buttons are in the tab order; a preview's are not, so that Tab moves
  // from figure to figure. The citations' body, where it scrolls, is left to the browser once
  // pinned (Chromium and Firefox let Tab reach it, so the keyboard can scroll it).
  function tabbing(p, pinned) {
    var list = Array.prototype.slice.call(buttonsOf(p));
    var body = p.querySelector(".fs-popover-body");
    if (body) list.push(body);
    list.forEach(function (el) {
      if (pinned) el.removeAttribute("tabindex");
      else el.tabIndex = -1;
    });
  }

  // A narrow viewport the reader sees whole. A frame sized to hold all its content is only
  // partly in view: a panel along its bottom could be far below what the reader sees.
  function phoneSized(v) {
    var framed = window.parent !== window;
    return v.clientWidth < 480 && !(framed && v.scrollHeight <= v.clientHeight);
  }

  var px = function (n) { return Math.trunc(n) + "px"; };

  // By its button, fully inside the viewport: narrowed to it, shifted sideways near its edges,
  // below or above the button, whichever has room, its height capped to that room (the
  // citations scroll inside). A pinned popover on a phone is a panel along the bottom instead.
  function place(p) {
    var s = p.style, c = p.classList, g = p.parentNode;
    ["top", "left", "right", "bottom", "margin", "width", "max-height"].forEach(function (name) {
      s.removeProperty(name);
    });
    c.remove("fs-popover--above", "fs-popover--sheet");
    var v = document.documentElement, width = v.clientWidth, height = v.clientHeight;
    var b = g.getBoundingClientRect();
    if (p.fsHow === "pinned" && phoneSized(v)) {
      c.add("fs-popover--sheet");
      // Near the end of a short page the button cannot be scrolled up above a panel of its
      // full height: the panel then stops below the button, down to a third of the screen.
      var underButton = height - b.bottom - MARGIN;
      if (underButton < height * 0.7) s.maxHeight = px(Math.max(underButton, height * 0.35));
      return;
    }
    s.margin = "0";
    s.right = s.bottom = "auto";
    if (p.getBoundingClientRect().width > width - 2 * MARGIN) s.width = px(width - 2 * MARGIN);
    var r = p.getBoundingClientRect();
    s.left = px(Math.max(MARGIN, Math.min(b.left, width - MARGIN - r.width)));
    var below = height - MARGIN - (b.bottom + GAP), above = b.top - GAP - MARGIN;
    var up = r.height > below && (r.height <= above || above > below);
    var room = up ? above : below;
    if (r.height > room) s.maxHeight = px(Math.max(room, 48));
    if (up) {
      c.add("fs-popover--above");
      s.top = "auto";
      s.bottom = px(height - b.top + GAP);
    } else {
      s.top = px(b.bottom + GAP);
    }
  }

  // A panel that just opened over its own button: the page scrolls just enough to show the
  // button above it, so the reader sees what it is about and can tap it again to close it.
  function revealAboveSheet(p) {
    if (!p.classList.contains("fs-popover--sheet")) return;
    var sheet = p.getBoundingClientRect(), b = p.parentNode.getBoundingClientRect();
    var by = Math.trunc(Math.min(b.bottom + MARGIN - sheet.top, b.top - MARGIN));
    if (by > 0) window.scrollBy(0, by);
  }

  // Whether a pointer leaving the item at (x, y) is on its way into its popover: between the
  // button and the popover, across the popover's width.
  function headingInto(p, g, x, y) {
    if (p.classList.contains("fs-popover--sheet")) return false;
    var r = p.getBoundingClientRect(), b = g.getBoundingClientRect();
    var between = p.classList.contains("fs-popover--above")
      ? y >= r.bottom && y <= b.bottom
      : y >= b.top && y <= r.top;
    return x >= r.left && x <= r.right && between;
  }

  function wireHost(host) {
    if (host && host.shadowRoot && host.shadowRoot.querySelector) wire(host.shadowRoot);
  }
  // The cards there now, then any the wasm fills later: the first pointer or focus to reach
  // a host (before its shadow root sees the event), or its card going live.
  var hosts = document.querySelectorAll("[data-factsheet], fact-sheet");
  for (var i = 0; i < hosts.length; i++) wireHost(hosts[i]);
  ["pointerover", "focusin", "factsheet:ready"].forEach(function (type) {
    document.addEventListener(type, function (e) {
      wireHost(e.target);
      if (type === "factsheet:ready" && e.target.shadowRoot) fromAddress(e.target.shadowRoot, true);
    }, true);
  });
})();
